"""Reference data: Kemendagri regions, ISO 3166 countries, and the destination policy table."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    REGENCY = "regency", _("Regency / city")
    DISTRICT = "district", _("District (kecamatan)")
    VILLAGE = "village", _("Village (kelurahan / desa)")


class Region(models.Model):
    """An administrative region with its Kemendagri code (``53.71.01.1001``).

    Codes are versioned with validity dates because splits (pemekaran) create new codes while
    old NIKs keep the old ones. A region contains every region whose code starts with its own.
    """

    code = models.CharField(_("code"), max_length=13, unique=True)
    name = models.CharField(_("name"), max_length=120)
    level = models.CharField(_("level"), max_length=10, choices=RegionLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def contains(self, other: Region) -> bool:
        return other.code == self.code or other.code.startswith(self.code + ".")


class Country(models.Model):
    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    alpha3 = models.CharField(max_length=3, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_id = models.CharField(_("name (Indonesian)"), max_length=120)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_id if (get_language() or "id").startswith("id") else self.name_en


class PolicyStatus(models.TextChoices):
    OPEN = "open", _("Open for placement")
    CLOSED = "closed", _("Closed to placement")
    NO_AGREEMENT = "no_agreement", _("No placement agreement")
    DOMESTIC_WORKER_BAN = "domestic_worker_ban", _("Ban on domestic workers")


class Sector(models.TextChoices):
    ALL = "*", _("All sectors")
    DOMESTIC_WORK = "domestic_work", _("Domestic work")
    PLANTATION = "plantation", _("Plantation")
    CONSTRUCTION = "construction", _("Construction")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    HOSPITALITY = "hospitality", _("Hospitality")
    ENTERTAINMENT = "entertainment", _("Entertainment")
    FISHING = "fishing", _("Fishing")
    OFFICE = "office", _("Office")
    CARE = "care", _("Care")
    OTHER = "other", _("Other")


class DestinationPolicy(models.Model):
    """Whether Indonesian workers may be placed in a country and sector, and on what basis."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="policies")
    sector = models.CharField(
        _("sector"), max_length=20, choices=Sector.choices, default=Sector.ALL
    )
    status = models.CharField(_("status"), max_length=30, choices=PolicyStatus.choices)
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["country__name_en", "sector", "-valid_from"]
        verbose_name = _("destination policy")
        verbose_name_plural = _("destination policies")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "sector", "valid_from"], name="uniq_destination_policy"
            )
        ]

    def __str__(self) -> str:
        return f"{self.country_id}/{self.sector}: {self.status}"
