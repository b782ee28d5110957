"""Proceedings: one per suspect, from the police report to the final verdict.

A proceeding's stages (:class:`StageEvent`) are append-only; ``current_stage`` and
``last_movement_at`` on the proceeding are kept by the service that records a stage, so lists and
the stall query need no join. Deadlines are computed, not stored (see :mod:`.deadlines`).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lentera.apps.justice.vocab import ChargeStep, DetentionLevel, Outcome, ProcedureCode, Stage


class Proceeding(models.Model):
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="proceedings", verbose_name=_("case")
    )
    suspect = models.OneToOneField(
        "cases.CaseParty",
        on_delete=models.PROTECT,
        related_name="proceeding",
        verbose_name=_("suspect"),
    )
    police_agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="police_proceedings",
        verbose_name=_("investigating police"),
    )
    prosecution_agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prosecution_proceedings",
        verbose_name=_("prosecution office"),
    )
    police_report_number = models.CharField(_("police report number"), max_length=80, blank=True)
    police_report_date = models.DateField(_("police report date"))
    procedure_code = models.CharField(
        _("procedure code"), max_length=12, choices=ProcedureCode.choices
    )
    current_stage = models.CharField(
        _("current stage"), max_length=24, choices=Stage.choices, db_index=True
    )
    last_movement_at = models.DateField(_("last movement"), db_index=True)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, blank=True, default=""
    )
    outcome_on = models.DateField(_("outcome date"), null=True, blank=True)
    prison_months = models.PositiveIntegerField(_("prison (months)"), null=True, blank=True)
    fine = models.PositiveBigIntegerField(_("fine (Rp)"), null=True, blank=True)
    restitution_ordered = models.PositiveBigIntegerField(
        _("restitution ordered (Rp)"), null=True, blank=True
    )
    dismissal_reason = models.CharField(_("reason for dismissal"), max_length=300, blank=True)
    opened_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # The day from which the proceeding is on the stall list (a deadline passed or no movement
    # for too long); null: not yet worked out (after any change). Kept by
    # lentera.apps.justice.watching, so the list and the counters read an index (issue #21).
    watch_from = models.DateField(null=True, blank=True, editable=False, db_index=True)

    class Meta:
        ordering = ["last_movement_at", "id"]
        verbose_name = _("proceeding")
        verbose_name_plural = _("proceedings")
        indexes = [models.Index(fields=["police_agency", "current_stage"])]

    def __str__(self) -> str:
        return f"{self.case} · {self.pk}"

    @property
    def is_closed(self) -> bool:
        return self.current_stage == Stage.FINAL or self.outcome == Outcome.DISMISSED


class StageEvent(models.Model):
    proceeding = models.ForeignKey(Proceeding, on_delete=models.CASCADE, related_name="events")
    stage = models.CharField(_("stage"), max_length=24, choices=Stage.choices)
    on = models.DateField(_("date"))
    decided_on = models.DateField(
        _("decision notified on"),
        null=True,
        blank=True,
        help_text=_("For an appeal: when its decision was notified (starts the cassation window)."),
    )
    instructions = models.TextField(
        _("prosecutor's instructions"),
        blank=True,
        help_text=_("For P-19: what the investigator must add. No names of victims or witnesses."),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["on", "id"]


class ChargeSet(models.Model):
    """The articles charged at one step, optionally taken from a qualification snapshot."""

    proceeding = models.ForeignKey(Proceeding, on_delete=models.CASCADE, related_name="charges")
    step = models.CharField(_("step"), max_length=16, choices=ChargeStep.choices)
    articles = models.JSONField(_("articles"), default=list)
    snapshot = models.ForeignKey(
        "cases.QualificationSnapshot",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("qualification snapshot"),
    )
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recorded_at", "id"]


class Detention(models.Model):
    proceeding = models.ForeignKey(Proceeding, on_delete=models.CASCADE, related_name="detentions")
    level = models.CharField(
        _("detaining authority"), max_length=16, choices=DetentionLevel.choices
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("released or handed on"), null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(_("extension (days)"), default=0)
    exceptional_days = models.PositiveSmallIntegerField(
        _("exceptional extension, Pasal 29 (days)"), default=0
    )
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["start", "id"]


class DeadlineSetting(models.Model):
    """An override of a KUHAP 2025 period (or the stall period); absent rows use the defaults."""

    name = models.CharField(max_length=60, unique=True)
    days = models.PositiveSmallIntegerField()
    updated_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]


class WantedEnd(models.TextChoices):
    ARRESTED = "arrested", _("Arrested")
    SURRENDERED = "surrendered", _("Surrendered")
    REVOKED = "revoked", _("Notice revoked")


class WantedNotice(models.Model):
    """A suspect on the wanted list (DPO, *daftar pencarian orang*): who issued it and when,
    and how it ended. An arrest or a surrender restarts the proceeding's open deadlines from
    that day (:func:`lentera.apps.justice.wanted.restart_day`). At most one notice is open per
    proceeding."""

    proceeding = models.ForeignKey(Proceeding, on_delete=models.CASCADE, related_name="wanted")
    issued_by = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("issuing agency"),
    )
    issued_on = models.DateField(_("issued on"))
    number = models.CharField(_("DPO number"), max_length=80, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(
        _("how it ended"), max_length=12, choices=WantedEnd.choices, blank=True, default=""
    )
    ended_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["issued_on", "id"]
        verbose_name = _("wanted notice")
        constraints = [
            models.UniqueConstraint(
                fields=["proceeding"],
                condition=models.Q(ended_on__isnull=True),
                name="uniq_open_wanted_notice",
            )
        ]

    @property
    def is_open(self) -> bool:
        return self.ended_on is None
