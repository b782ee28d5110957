"""Task-force coordination: meetings with their agenda, attendance, minutes and decisions, and
the action items each decision assigns to a member agency.

Minutes never hold an identity: every free-text field here passes :mod:`.guard` in the service
that writes it, and cases appear on an agenda by reference only (a foreign key, shown as the
case reference).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lentera.apps.coordination.vocab import (
    DEFAULT_MEETING_INTERVAL_DAYS,
    Attendance,
    ItemStatus,
    Measure,
    MeetingKind,
    MeetingStatus,
    NoticeKind,
    PlanArea,
    PlanSource,
    Recommendation,
    RecordKind,
    ReportPeriod,
)


class MeetingRule(models.Model):
    """How often a task force must meet (its regulation; Kupang: every six months)."""

    task_force = models.OneToOneField(
        "accounts.TaskForce", on_delete=models.CASCADE, related_name="meeting_rule"
    )
    interval_days = models.PositiveIntegerField(
        _("required interval between meetings (days)"), default=DEFAULT_MEETING_INTERVAL_DAYS
    )
    version = models.PositiveIntegerField(default=1)


class Meeting(models.Model):
    task_force = models.ForeignKey(
        "accounts.TaskForce",
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("task force"),
    )
    sub_task_force = models.ForeignKey(
        "accounts.SubTaskForce",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("working group"),
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=MeetingKind.choices, default=MeetingKind.REGULAR
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = _("meeting")

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%Y-%m-%d})"


class Invitation(models.Model):
    """An agency invited to a meeting, with its attendance once the meeting is held."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.INVITED
    )

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "agency"], name="uniq_meeting_invitation")
        ]


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveIntegerField(default=1)
    topic = models.CharField(_("topic"), max_length=300)
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("case (by reference)"),
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["position", "id"]


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    number = models.PositiveIntegerField()
    text = models.TextField(_("decision"))
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="uniq_decision_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"


class ActionItem(models.Model):
    """What a decision asks of one member agency, by when, and the proof that it was done."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="items")
    agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.PROTECT,
        related_name="action_items",
        verbose_name=_("owning agency"),
    )
    officer = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_items",
        verbose_name=_("officer"),
    )
    task = models.CharField(_("task"), max_length=300)
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=10, choices=ItemStatus.choices, default=ItemStatus.OPEN
    )
    proof_note = models.TextField(_("proof: note"), blank=True)
    proof_filename = models.CharField(max_length=200, blank=True)
    proof_file = models.BinaryField(null=True, blank=True, editable=False)
    proof_record_kind = models.CharField(max_length=12, choices=RecordKind.choices, blank=True)
    proof_record_id = models.PositiveIntegerField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("action item")

    def __str__(self) -> str:
        return self.task

    @property
    def on_time(self) -> bool | None:
        if self.closed_at is None:
            return None
        return timezone.localdate(self.closed_at) <= self.due_on


class PlanActivity(models.Model):
    """One activity of a task force's work plan (RAD) for a year: who is responsible, the
    target, the budget and its realisation. What Lentera can count itself (``measure``) is
    computed for the scorecard, never typed; the rest is typed in ``done_typed``."""

    task_force = models.ForeignKey(
        "accounts.TaskForce", on_delete=models.CASCADE, related_name="plan_activities"
    )
    year = models.PositiveIntegerField(_("year"))
    code = models.SlugField(max_length=60)
    area = models.CharField(_("area"), max_length=20, choices=PlanArea.choices)
    source = models.CharField(_("source"), max_length=10, choices=PlanSource.choices)
    name = models.CharField(_("activity"), max_length=300)
    agencies = models.ManyToManyField(
        "accounts.Agency", related_name="+", blank=True, verbose_name=_("responsible agencies")
    )
    measure = models.CharField(
        _("counted by Lentera"), max_length=30, choices=Measure.choices, blank=True, default=""
    )
    target = models.PositiveIntegerField(_("yearly target"), default=0)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    budget = models.PositiveBigIntegerField(_("budget (Rp)"), default=0)
    realisation = models.PositiveBigIntegerField(_("budget realised (Rp)"), default=0)
    done_typed = models.PositiveIntegerField(_("done (typed)"), default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["area", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["task_force", "year", "code"], name="uniq_plan_activity_code"
            )
        ]

    def __str__(self) -> str:
        return self.name


class AcceptedRecommendation(models.Model):
    """An incentive or disincentive for an agency, proposed by the scorecard for a year and
    accepted by the chair (with the figures it rested on)."""

    task_force = models.ForeignKey("accounts.TaskForce", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=15, choices=Recommendation.choices)
    reasons = models.JSONField(default=list)
    accepted_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-year", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["task_force", "year", "agency", "kind"], name="uniq_recommendation"
            )
        ]


class PeriodicReport(models.Model):
    """The semester or annual report of a task force to its head of region and the next level
    up: figures generated from the data, a narrative the secretariat writes, issued versions
    archived (:class:`ReportVersion`)."""

    task_force = models.ForeignKey("accounts.TaskForce", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    period = models.CharField(max_length=4, choices=ReportPeriod.choices)
    narrative = models.TextField(_("narrative"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["task_force", "year", "period"], name="uniq_periodic_report"
            )
        ]


class ReportVersion(models.Model):
    """One issued version of a report, kept as issued: the figures, the narrative and both
    files."""

    report = models.ForeignKey(PeriodicReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    narrative = models.TextField(blank=True)
    data = models.JSONField(default=dict)
    pdf = models.BinaryField()
    xlsx = models.BinaryField()
    docx = models.BinaryField(default=bytes)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="uniq_report_version")
        ]


class Notice(models.Model):
    """A coordination notice to an agency: a meeting it is invited to (or that was cancelled),
    an action item of it due soon or overdue, a periodic report due. Shown in the app to the
    agency's users (read once for the whole agency, like the protection deadline notices) and
    sent by e-mail through the task queue. ``key`` says what it is about, so that each notice is
    written once per agency however often the sweep runs. The text is made from the linked
    record when shown (in the reader's language): a task, a meeting title, a date, never a
    person or a case."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices)
    key = models.CharField(max_length=80)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="notices"
    )
    item = models.ForeignKey(
        ActionItem, on_delete=models.CASCADE, null=True, blank=True, related_name="notices"
    )
    report = models.ForeignKey(
        PeriodicReport, on_delete=models.CASCADE, null=True, blank=True, related_name="notices"
    )
    due_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    read_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    emailed_at = models.DateTimeField(null=True, blank=True)
    emailed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notice")
        constraints = [models.UniqueConstraint(fields=["agency", "key"], name="uniq_notice_key")]
        indexes = [models.Index(fields=["agency", "read_at"])]
