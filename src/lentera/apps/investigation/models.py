"""Investigation records of a case: court orders with their clocks, the evidence register with
its chain of custody, money transfers, and the alerts the holding agencies receive.

Free text that may name people (descriptions, targets, places of seizure, account numbers) is
identity: encrypted at rest, sealed when read. Account numbers are also blind-indexed so a
transfer counterpart found in another case links the two (the same digest as
``people.PersonAccount``).
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.identity import EncryptedTextField
from lentera.apps.investigation.vocab import (
    AlertKind,
    Channel,
    EvidenceKind,
    OrderKind,
    OrderOutcome,
    TrialStatus,
)

_AGENCY = "accounts.Agency"
_USER = "accounts.User"


class CourtOrder(models.Model):
    """An interception permit (Pasal 31: written permission of the district court chair, at most
    one year) or an asset-blocking order (Pasal 32), with its period and its outcome."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="court_orders")
    kind = models.CharField(_("kind"), max_length=20, choices=OrderKind.choices)
    agency = models.ForeignKey(
        _AGENCY, on_delete=models.PROTECT, related_name="+", verbose_name=_("requesting agency")
    )
    number = models.CharField(_("order number"), max_length=80)
    court = models.CharField(_("court"), max_length=120)
    issued_on = models.DateField(_("issued on"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    subject = models.ForeignKey(
        "cases.CaseParty",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("whose communications or assets"),
    )
    target = EncryptedTextField(
        _("numbers or accounts covered"),
        blank=True,
        default="",
        help_text=_("Phone numbers, accounts or banks the order covers."),
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=OrderOutcome.choices, blank=True, default=""
    )
    outcome_on = models.DateField(_("outcome date"), null=True, blank=True)
    outcome_note = EncryptedTextField(_("outcome note"), blank=True, default="")
    recorded_by = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["valid_until", "id"]
        verbose_name = _("court order")
        indexes = [models.Index(fields=["outcome", "valid_until"])]


def _evidence_path(instance: EvidenceItem, filename: str) -> str:
    return f"cases/{instance.case_id}/{uuid.uuid4().hex}"


class EvidenceItem(models.Model):
    """A seized item or a piece of digital evidence. Its digital file, when there is one, is
    stored encrypted like the case documents (:mod:`lentera.apps.cases.evidence`)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="evidence_items")
    number = models.PositiveIntegerField(_("item number"))
    kind = models.CharField(_("kind"), max_length=10, choices=EvidenceKind.choices)
    description = EncryptedTextField(_("description"))
    seized_by = models.CharField(_("seized by (officer)"), max_length=120)
    seized_agency = models.ForeignKey(
        _AGENCY, on_delete=models.PROTECT, related_name="+", verbose_name=_("seizing agency")
    )
    seized_at = models.DateTimeField(_("seized at"))
    seized_place = EncryptedTextField(_("where it was seized"))
    storage_place = models.CharField(_("storage place"), max_length=200)
    holder = models.CharField(_("current holder"), max_length=120)
    holder_agency = models.ForeignKey(
        _AGENCY, on_delete=models.PROTECT, related_name="+", verbose_name=_("holding agency")
    )
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True)
    file = models.FileField(upload_to=_evidence_path, blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True)
    trial_status = models.CharField(
        _("status at trial"), max_length=20, choices=TrialStatus.choices, default=TrialStatus.HELD
    )
    recorded_by = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["case", "number"]
        verbose_name = _("evidence item")
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="uniq_evidence_number")
        ]


class CustodyEvent(models.Model):
    """One hand-over of an evidence item (chain of custody); append-only."""

    item = models.ForeignKey(EvidenceItem, on_delete=models.CASCADE, related_name="custody")
    from_holder = models.CharField(_("handed over by"), max_length=120)
    from_agency = models.ForeignKey(_AGENCY, on_delete=models.PROTECT, related_name="+")
    to_holder = models.CharField(_("received by"), max_length=120)
    to_agency = models.ForeignKey(
        _AGENCY, on_delete=models.PROTECT, related_name="+", verbose_name=_("receiving agency")
    )
    at = models.DateTimeField(_("handed over at"))
    storage_place = models.CharField(_("new storage place"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=200)
    recorded_by = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]


class Transfer(models.Model):
    """A movement of money of the case: a bank or e-wallet transfer, or cash carried by a
    courier, between people of the case (either side may be unknown)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="transfers")
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    amount = models.PositiveBigIntegerField(_("amount (Rp)"))
    on = models.DateField(_("date"))
    from_person = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from (person)"),
    )
    to_person = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("to (person)"),
    )
    from_provider = models.CharField(_("from bank or wallet"), max_length=60, blank=True)
    from_account = EncryptedTextField(_("from account"), blank=True, default="")
    from_digest = models.CharField(max_length=64, blank=True, db_index=True)
    to_provider = models.CharField(_("to bank or wallet"), max_length=60, blank=True)
    to_account = EncryptedTextField(_("to account"), blank=True, default="")
    to_digest = models.CharField(max_length=64, blank=True, db_index=True)
    reference = models.CharField(_("reference"), max_length=80, blank=True)
    source = models.CharField(_("source"), max_length=80, blank=True)
    recorded_by = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["on", "id"]
        verbose_name = _("transfer")


class InvestigationAlert(models.Model):
    """A notice to an agency: one of its court orders is about to expire or has expired, or one
    of its records shares an identifier, account or transfer counterpart with a record another
    agency holds. A link alert says only that the link exists and who holds the other record."""

    agency = models.ForeignKey(_AGENCY, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=AlertKind.choices)
    key = models.CharField(max_length=120)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    own_record = models.CharField(_("your record"), max_length=80)
    holder = models.ForeignKey(
        _AGENCY,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("held by"),
    )
    order = models.ForeignKey(
        CourtOrder, on_delete=models.CASCADE, null=True, blank=True, related_name="alerts"
    )
    due_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("investigation alert")
        constraints = [
            models.UniqueConstraint(fields=["agency", "key"], name="uniq_investigation_alert")
        ]
        indexes = [models.Index(fields=["agency", "read_at"])]


class CallRecord(models.Model):
    """A call, text or chat message between two phone numbers (from operator call records or a
    seized phone). The numbers are identity: encrypted, and blind-indexed the way the people's
    phones are (E.164), so a number known as a person's phone, or met in another case, links."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="call_records")
    kind = models.CharField(_("kind"), max_length=10, default="call")
    at = models.DateTimeField(_("when"))
    caller = EncryptedTextField(_("from number"))
    caller_digest = models.CharField(max_length=64, db_index=True)
    callee = EncryptedTextField(_("to number"))
    callee_digest = models.CharField(max_length=64, db_index=True)
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"), default=0)
    source = models.CharField(_("source"), max_length=80, blank=True)
    recorded_by = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("call record")
