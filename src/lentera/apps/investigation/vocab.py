"""Codes of the investigation app, listed once."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrderKind(models.TextChoices):
    INTERCEPTION = "interception", _("Interception permit (Pasal 31)")
    ASSET_BLOCKING = "asset_blocking", _("Asset-blocking order (Pasal 32)")


class OrderOutcome(models.TextChoices):
    PENDING = "", _("Running")
    EXECUTED = "executed", _("Carried out")
    EVIDENCE_OBTAINED = "evidence_obtained", _("Evidence obtained")
    NO_RESULT = "no_result", _("No result")
    LIFTED = "lifted", _("Lifted")
    LAPSED = "lapsed", _("Lapsed")


class EvidenceKind(models.TextChoices):
    PHYSICAL = "physical", _("Seized item")
    DIGITAL = "digital", _("Digital evidence")


class TrialStatus(models.TextChoices):
    HELD = "held", _("Held in storage")
    SUBMITTED = "submitted", _("Submitted to the court")
    ADMITTED = "admitted", _("Admitted as evidence")
    REJECTED = "rejected", _("Not admitted")
    RETURNED = "returned", _("Returned to its owner")
    CONFISCATED = "confiscated", _("Confiscated for the state")
    DESTROYED = "destroyed", _("Destroyed")


class Channel(models.TextChoices):
    BANK = "bank", _("Bank transfer")
    EWALLET = "ewallet", _("E-wallet")
    CASH_COURIER = "cash", _("Cash by courier")


class AlertKind(models.TextChoices):
    ORDER_EXPIRING = "order_expiring", _("Court order about to expire")
    ORDER_EXPIRED = "order_expired", _("Court order expired")
    LINK = "link", _("Link to a record held by another agency")


#: Days before a court order's end at which its holders are alerted.
EXPIRY_WARNING_DAYS = 14
#: The longest an interception permit may run (Pasal 31 UU 21/2007: at most one year).
INTERCEPTION_MAX_DAYS = 365
