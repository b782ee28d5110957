"""The person index: one record per person known to an agency, with identity fields protected.

Identity fields (names, aliases, NIK, phones, address, photo) are encrypted at rest and read back
sealed; everyone without the identity permission on the record sees the pseudonym (initials, age
band, sex), which is stored in clear so lists never need to decrypt.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.identity import EncryptedJSONField, EncryptedTextField


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    UNKNOWN = "unknown", _("Unknown")


class Person(models.Model):
    owner_agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        related_name="people",
    )
    region = models.ForeignKey(
        "reference.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Where the person lives or was found."),
    )
    # Identity (encrypted, sealed when read)
    full_name = EncryptedTextField(_("full name"))
    aliases = EncryptedJSONField(_("other names"), blank=True, default="")
    nik = EncryptedTextField(_("NIK"), blank=True, default="")
    phones = EncryptedJSONField(_("phone numbers"), blank=True, default="")
    address = EncryptedTextField(_("address"), blank=True, default="")
    photo = EncryptedTextField(_("photo"), blank=True, default="")  # base64 data URI
    # Not identity on their own
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    birth_date = models.DateField(
        _("date of birth"),
        null=True,
        blank=True,
        help_text=_(
            "From a document (birth certificate, family card, passport), not from the NIK."
        ),
    )
    nationality = models.ForeignKey(
        "reference.Country",
        verbose_name=_("nationality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    # Pseudonym, kept in clear for lists
    initials = models.CharField(_("initials"), max_length=12, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        # the list's sort key (issue #21): a page reads 50 rows along it
        indexes = [models.Index(fields=["-created_at", "-id"], name="person_recent")]

    def __str__(self) -> str:
        return f"{self.initials or '?'} #{self.pk}"

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        b = self.birth_date
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))

    @property
    def is_child(self) -> bool:
        age = self.age_on(timezone.localdate())
        return age is not None and age < 18


class IdentifierKind(models.TextChoices):
    NIK = "nik", _("NIK")
    PHONE = "phone", _("Phone")
    NAME = "name", _("Name part")
    ACCOUNT = "account", _("Bank or social account")


class AccountKind(models.TextChoices):
    BANK = "bank", _("Bank account")
    EWALLET = "ewallet", _("E-wallet")
    SOCIAL = "social", _("Social-media or chat account")


class PersonAccount(models.Model):
    """A bank, e-wallet or social/chat account of a person (money trail, recruiters' profiles).

    The account identifier is identity (encrypted); its normalised form is blind-indexed so the
    same account found in another case links the two.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="accounts")
    kind = models.CharField(_("kind"), max_length=10, choices=AccountKind.choices)
    provider = models.CharField(
        _("bank, wallet or platform"),
        max_length=60,
        help_text=_("e.g. BRI, BNI, DANA, Facebook, TikTok, WhatsApp, MiChat"),
    )
    identifier = EncryptedTextField(_("account number or handle"))
    digest = models.CharField(max_length=64, db_index=True)
    added_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "provider", "id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "digest"], name="uniq_person_account")
        ]


class PersonIdentifier(models.Model):
    """Blind index of a person's exact identifiers (keyed hash, never the value)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="identifiers")
    kind = models.CharField(max_length=10, choices=IdentifierKind.choices)
    digest = models.CharField(max_length=64, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind", "digest"], name="uniq_person_identifier"
            )
        ]
        # a look-up reads the hits of each digest from the index alone (issue #21)
        indexes = [
            models.Index(fields=["digest", "person", "kind"], name="personidentifier_lookup")
        ]
