"""Stored screenings: job offers in the monitoring queue, and departures screened at a post.

An offer's text, its address (``url``) and the screening result (whose evidence quotes the text)
are identity fields: advertisements and chats name people and carry phone numbers. So are the
traveller's name, NIK and phone of a departure. They are encrypted at rest, sealed when read, and
shown only to the screening agency's officers, logged when shown. Levels, risks, flag codes,
interview answers and actions are kept in clear so lists, filters and statistics never decrypt.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.identity import EncryptedJSONField, EncryptedTextField
from lentera.apps.prevention.vocab import (
    AUDIENCE_GROUPS,
    CourseKind,
    DelayKind,
    DelayOutcome,
    EventKind,
    JobSector,
    Level,
    LicenceStatus,
    MatchState,
    OfferSource,
    OfferStatus,
    Platform,
    Purpose,
    Recruiter,
    ReportChannel,
    ReporterRole,
    ReportKind,
    ReportStatus,
    ReturneeStatus,
    Sex,
    TakedownFoundBy,
    TakedownOutcome,
    VisaType,
)
from lentera.screening import INTERVIEW_FIELDS  # the contract's interview, one list


class OfferScreening(models.Model):
    """A job offer, chat message or post screened by an officer, and its triage."""

    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="offer_screenings",
    )
    screened_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("screened by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    screened_at = models.DateTimeField(_("screened"), default=timezone.now, db_index=True)
    external_id = models.CharField(
        _("identifier in the source file"), max_length=100, blank=True, default=""
    )
    # Identity fields: the text, its address and the result that quotes it
    text = EncryptedTextField(_("text of the offer"))
    url = EncryptedTextField(_("address (link)"), blank=True, default="")
    result = EncryptedJSONField(_("screening result"), blank=True, default="")
    # In clear
    source = models.CharField(
        _("source"), max_length=20, choices=OfferSource.choices, blank=True, default=""
    )
    found_at = models.DateTimeField(_("found"), null=True, blank=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, db_index=True)
    risk = models.FloatField(_("risk"), db_index=True)
    flags = models.JSONField(_("red flags"), default=list, blank=True)
    notice = models.BooleanField(_("official warning"), default=False)
    model_version = models.CharField(_("model version"), max_length=40)
    # Triage
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OfferStatus.choices,
        default=OfferStatus.NEW,
        db_index=True,
    )
    triaged_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("triaged by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    triaged_at = models.DateTimeField(_("triaged"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True, default="")
    complaint = models.ForeignKey(
        "intake.Complaint",
        verbose_name=_("complaint"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Who recruits: a licensed agency of the register, or an unlicensed recruiter (calo)
    placement_agency = models.ForeignKey(
        "prevention.PlacementAgency",
        verbose_name=_("placement agency (P3MI)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offers",
    )
    unlicensed_recruiter = EncryptedTextField(
        _("unlicensed recruiter (calo)"), blank=True, default=""
    )

    class Meta:
        ordering = ["-risk", "-screened_at", "-id"]
        verbose_name = _("job-offer screening")
        verbose_name_plural = _("job-offer screenings")
        indexes = [
            models.Index(fields=["agency", "status", "risk"]),
            models.Index(fields=["agency", "level", "screened_at"]),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.level}"


class DepartureScreening(models.Model):
    """The interview of one traveller at a posko, its outcome, and what came of it."""

    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="departure_screenings",
    )
    officer = models.ForeignKey(
        "accounts.User",
        verbose_name=_("officer"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    post = models.CharField(_("post"), max_length=100, db_index=True)
    screened_at = models.DateTimeField(_("screened"), default=timezone.now, db_index=True)
    # The interview (contract fields; None where the officer could not ask)
    departure_date = models.DateField(_("departure date"), null=True, blank=True)
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True, default="")
    destination_country = models.CharField(
        _("destination country"), max_length=2, blank=True, default="", db_index=True
    )
    stated_purpose = models.CharField(
        _("stated purpose"), max_length=20, choices=Purpose.choices, blank=True, default=""
    )
    job_offered = models.BooleanField(_("expects to work"), null=True, blank=True)
    job_sector = models.CharField(
        _("kind of work"), max_length=20, choices=JobSector.choices, blank=True, default=""
    )
    employer_known = models.BooleanField(_("can name the employer"), null=True, blank=True)
    contract_seen = models.BooleanField(_("has seen a contract"), null=True, blank=True)
    salary_promised_idr = models.BigIntegerField(
        _("salary promised (Rp/month)"), null=True, blank=True
    )
    visa_type = models.CharField(
        _("visa"), max_length=20, choices=VisaType.choices, blank=True, default=""
    )
    placement_registered = models.BooleanField(
        _("registered as a migrant worker"), null=True, blank=True
    )
    recruited_by = models.CharField(
        _("recruited by"), max_length=30, choices=Recruiter.choices, blank=True, default=""
    )
    fees_paid_idr = models.BigIntegerField(_("fees paid (Rp)"), null=True, blank=True)
    costs_paid_by_recruiter = models.BooleanField(
        _("costs paid by the recruiter"), null=True, blank=True
    )
    holds_own_documents = models.BooleanField(_("holds own documents"), null=True, blank=True)
    accompanied_by_handler = models.BooleanField(
        _("accompanied by a handler"), null=True, blank=True
    )
    group_size = models.PositiveIntegerField(_("travelling with"), null=True, blank=True)
    story_inconsistent = models.BooleanField(_("story inconsistent"), null=True, blank=True)
    parental_consent = models.BooleanField(_("parental consent"), null=True, blank=True)
    return_ticket = models.BooleanField(_("return ticket"), null=True, blank=True)
    # The outcome
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, db_index=True)
    risk = models.FloatField(_("risk"))
    result = models.JSONField(_("screening result"), default=dict)
    actions = models.JSONField(_("actions"), default=list)
    rules_version = models.CharField(_("rules version"), max_length=40)
    # The traveller's identity (optional; asked when a case or complaint is opened)
    traveller_name = EncryptedTextField(_("traveller's name"), blank=True, default="")
    traveller_nik = EncryptedTextField(_("traveller's NIK"), blank=True, default="")
    traveller_phone = EncryptedTextField(_("traveller's phone"), blank=True, default="")
    # What came of it
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    complaint = models.ForeignKey(
        "intake.Complaint",
        verbose_name=_("complaint"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    placement_agency = models.ForeignKey(
        "prevention.PlacementAgency",
        verbose_name=_("placement agency (P3MI)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="departures",
    )
    unlicensed_recruiter = EncryptedTextField(
        _("unlicensed recruiter (calo)"), blank=True, default=""
    )

    class Meta:
        ordering = ["-screened_at", "-id"]
        verbose_name = _("departure screening")
        verbose_name_plural = _("departure screenings")
        indexes = [
            models.Index(fields=["agency", "screened_at"]),
            models.Index(fields=["agency", "level", "screened_at"]),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.post} {self.level}"

    def interview(self) -> dict[str, Any]:
        """The answered questions as the contract's input record (without ``id``)."""
        record: dict[str, Any] = {}
        for name in INTERVIEW_FIELDS:
            value = getattr(self, name)
            if value is None or value == "":
                continue
            record[name] = value.isoformat() if name == "departure_date" else value
        record["departure_post"] = self.post
        return record


# -- outreach and training (issue #15, item 1) -----------------------------------------------------


class OutreachEvent(models.Model):
    """A socialisation, campaign or joint training held by an agency: where down to the
    kelurahan/desa, who organised it, who came (by sex and age group) and with what materials.
    Figures only: no person is named."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        "accounts.User", verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("held on"), db_index=True)
    region = models.ForeignKey(
        "reference.Region",
        verbose_name=_("kelurahan / desa"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    place = models.CharField(_("place"), max_length=200, blank=True, default="")
    organisers = models.CharField(_("organisers"), max_length=300, blank=True, default="")
    female_child = models.PositiveIntegerField(_("girls (under 18)"), default=0)
    male_child = models.PositiveIntegerField(_("boys (under 18)"), default=0)
    female_youth = models.PositiveIntegerField(_("young women (18–35)"), default=0)
    male_youth = models.PositiveIntegerField(_("young men (18–35)"), default=0)
    female_adult = models.PositiveIntegerField(_("women (over 35)"), default=0)
    male_adult = models.PositiveIntegerField(_("men (over 35)"), default=0)
    materials = models.TextField(_("materials"), blank=True, default="")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("outreach event")
        verbose_name_plural = _("outreach events")
        indexes = [models.Index(fields=["agency", "held_on"])]

    def __str__(self) -> str:
        return f"{self.held_on} {self.title}"

    @property
    def audience(self) -> int:
        return sum(getattr(self, name) for name, _label in AUDIENCE_GROUPS)


class Course(models.Model):
    """A course (vocational training for young people at risk, a training of officers) with its
    participants, their attendance and the evaluation six months after the end."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        "accounts.User", verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=CourseKind.choices)
    title = models.CharField(_("title"), max_length=200)
    organisers = models.CharField(_("organisers"), max_length=300, blank=True, default="")
    region = models.ForeignKey(
        "reference.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(_("place"), max_length=200, blank=True, default="")
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"), db_index=True)
    sessions = models.PositiveSmallIntegerField(_("sessions"), default=1)
    evaluation_months = models.PositiveSmallIntegerField(_("evaluation after (months)"), default=6)

    class Meta:
        ordering = ["-ends_on", "-id"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return self.title


class CourseParticipant(models.Model):
    """One participant: attendance, completion, and the follow-up evaluation (employed?
    migrated? through a licensed channel?). The name is an identity field."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="participants"
    )
    name = EncryptedTextField(_("name"))
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True, default="")
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    sessions_attended = models.PositiveSmallIntegerField(_("sessions attended"), default=0)
    completed = models.BooleanField(_("completed the course"), default=False)
    evaluation_due = models.DateField(_("evaluation due"), db_index=True)
    evaluated_on = models.DateField(_("evaluated on"), null=True, blank=True)
    employed = models.BooleanField(_("employed"), null=True, blank=True)
    migrated = models.BooleanField(_("migrated for work"), null=True, blank=True)
    licensed_channel = models.BooleanField(_("through a licensed channel"), null=True, blank=True)
    evaluation_note = models.CharField(_("note"), max_length=500, blank=True, default="")
    reminded_due_soon = models.BooleanField(default=False)
    reminded_overdue = models.BooleanField(default=False)

    class Meta:
        ordering = ["course", "id"]
        verbose_name = _("course participant")
        verbose_name_plural = _("course participants")

    def __str__(self) -> str:
        return f"#{self.pk}"


# -- licensed placement agencies (P3MI) (issue #15, item 2) ---------------------------------------


class PlacementAgency(models.Model):
    """A licensed placement company (P3MI) of the ministry's register: its licence, validity,
    branches and status. Public information; kept by the manpower offices."""

    licence_number = models.CharField(_("licence number"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200, db_index=True)
    valid_from = models.DateField(_("licence valid from"), null=True, blank=True)
    valid_to = models.DateField(_("licence valid to"), null=True, blank=True)
    status = models.CharField(
        _("licence status"),
        max_length=10,
        choices=LicenceStatus.choices,
        default=LicenceStatus.ACTIVE,
        db_index=True,
    )
    head_office = models.CharField(_("head office"), max_length=300, blank=True, default="")
    branches = models.JSONField(_("branches"), default=list, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True, default="")
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("placement agency (P3MI)")
        verbose_name_plural = _("placement agencies (P3MI)")

    def __str__(self) -> str:
        return f"{self.name} ({self.licence_number})"

    def licensed_on(self, day: Any) -> bool:
        """Active, and the licence covers ``day``."""
        return (
            self.status == LicenceStatus.ACTIVE
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_to is None or day <= self.valid_to)
        )


# -- community reports (issue #15, item 3) ---------------------------------------------------------


class CommunityReport(models.Model):
    """A kelurahan/desa report of residents leaving to work elsewhere, or an early-warning report
    of an RT/RW head, a village official or a community police officer; triaged like a complaint,
    and an early warning can become a case. The reporter's name and phone and the narrative are
    identity fields (they name people)."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        "accounts.User", verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ReportKind.choices)
    channel = models.CharField(
        _("channel"), max_length=10, choices=ReportChannel.choices, default=ReportChannel.FORM
    )
    reporter_role = models.CharField(
        _("reporter"), max_length=20, choices=ReporterRole.choices, default=ReporterRole.OTHER
    )
    reporter_name = EncryptedTextField(_("reporter's name"), blank=True, default="")
    reporter_phone = EncryptedTextField(_("reporter's phone"), blank=True, default="")
    region = models.ForeignKey(
        "reference.Region",
        verbose_name=_("kelurahan / desa"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    people_count = models.PositiveIntegerField(_("people concerned"), null=True, blank=True)
    destination = models.CharField(_("destination"), max_length=200, blank=True, default="")
    narrative = EncryptedTextField(_("what was seen or heard"), blank=True, default="")
    parse_flags = models.JSONField(_("SMS reading notes"), default=list, blank=True)
    placement_agency = models.ForeignKey(
        PlacementAgency,
        verbose_name=_("placement agency (P3MI)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="community_reports",
    )
    offer = models.ForeignKey(
        OfferScreening,
        verbose_name=_("job offer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReportStatus.choices,
        default=ReportStatus.NEW,
        db_index=True,
    )
    triaged_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("triaged by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    triaged_at = models.DateTimeField(_("triaged"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True, default="")
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("community report")
        verbose_name_plural = _("community reports")
        indexes = [models.Index(fields=["agency", "status", "received_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.kind}"

    @property
    def flag_labels(self) -> list[str]:
        from lentera.apps.prevention.vocab import SMS_NOTES

        return [str(SMS_NOTES.get(code, code)) for code in self.parse_flags]


# -- passport and departure delays (issue #15, item 4) ----------------------------------------------


class DelayRequest(models.Model):
    """A request to Immigration to delay a passport or a departure that a screening
    recommended, with the answer and what came of it."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    requested_by = models.ForeignKey(
        "accounts.User", verbose_name=_("requested by"), on_delete=models.PROTECT, related_name="+"
    )
    departure = models.ForeignKey(
        DepartureScreening,
        verbose_name=_("departure screening"),
        on_delete=models.PROTECT,
        related_name="delay_requests",
    )
    kind = models.CharField(_("request"), max_length=10, choices=DelayKind.choices)
    immigration_office = models.CharField(_("Immigration office"), max_length=200)
    sent_on = models.DateField(_("sent on"))
    reference = models.CharField(_("letter number"), max_length=100, blank=True, default="")
    outcome = models.CharField(
        _("outcome"),
        max_length=12,
        choices=DelayOutcome.choices,
        default=DelayOutcome.PENDING,
        db_index=True,
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=500, blank=True, default="")

    class Meta:
        ordering = ["-sent_on", "-id"]
        verbose_name = _("delay request")
        verbose_name_plural = _("delay requests")

    def __str__(self) -> str:
        return f"#{self.pk} {self.kind} {self.outcome}"


# -- platform take-downs (issue #15, item 5) ---------------------------------------------------------


class TakedownRequest(models.Model):
    """A request to a platform to take down a recruiting post or account, its answer, and the
    accounts linked to cases. The post's address and the account are identity fields."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        "accounts.User", verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    platform = models.CharField(_("platform"), max_length=12, choices=Platform.choices)
    found_by = models.CharField(
        _("found"), max_length=10, choices=TakedownFoundBy.choices, default=TakedownFoundBy.OFFICER
    )
    post_url = EncryptedTextField(_("post or group address"), blank=True, default="")
    account = EncryptedTextField(_("account, number or handle"), blank=True, default="")
    offer = models.ForeignKey(
        OfferScreening,
        verbose_name=_("job offer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_on = models.DateField(_("request sent on"))
    request_reference = models.CharField(
        _("request reference"), max_length=100, blank=True, default=""
    )
    outcome = models.CharField(
        _("outcome"),
        max_length=10,
        choices=TakedownOutcome.choices,
        default=TakedownOutcome.PENDING,
        db_index=True,
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=500, blank=True, default="")

    class Meta:
        ordering = ["-requested_on", "-id"]
        verbose_name = _("take-down request")
        verbose_name_plural = _("take-down requests")

    def __str__(self) -> str:
        return f"#{self.pk} {self.platform} {self.outcome}"


# -- returns in batches (issue #15, item 6) -----------------------------------------------------------


class ReturnOperation(models.Model):
    """One repatriation (an embassy's or BP2MI's manifest of returnees arriving together)."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        "accounts.User", verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    source = models.CharField(_("manifest from"), max_length=200, blank=True, default="")
    countries = models.CharField(_("returned from"), max_length=100, blank=True, default="")
    arrived_on = models.DateField(_("arrived on"))
    arrival_point = models.CharField(_("arrival point"), max_length=200, blank=True, default="")

    class Meta:
        ordering = ["-arrived_on", "-id"]
        verbose_name = _("return operation")
        verbose_name_plural = _("return operations")

    def __str__(self) -> str:
        return self.title


class Returnee(models.Model):
    """One returnee of a manifest: identity (sealed), home region, the screening at arrival,
    the match with the person index, the referral home and the follow-up."""

    operation = models.ForeignKey(
        ReturnOperation,
        verbose_name=_("return operation"),
        on_delete=models.CASCADE,
        related_name="returnees",
    )
    line = models.PositiveIntegerField(_("line of the manifest"))
    full_name = EncryptedTextField(_("name"))
    nik = EncryptedTextField(_("NIK"), blank=True, default="")
    passport = EncryptedTextField(_("passport number"), blank=True, default="")
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True, default="")
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    home_region = models.ForeignKey(
        "reference.Region",
        verbose_name=_("home region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    country = models.CharField(_("returned from"), max_length=2, blank=True, default="")
    notes = models.JSONField(_("manifest notes"), default=list, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ReturneeStatus.choices,
        default=ReturneeStatus.ARRIVED,
        db_index=True,
    )
    indicators = models.JSONField(_("victim indicators"), default=list, blank=True)
    likely_victim = models.BooleanField(_("likely victim"), null=True, blank=True)
    screened_at = models.DateTimeField(_("screened"), null=True, blank=True)
    match_state = models.CharField(
        _("person index"), max_length=16, choices=MatchState.choices, blank=True, default=""
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    referred_agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("referred to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    referred_at = models.DateTimeField(_("referred"), null=True, blank=True)
    reintegrated_on = models.DateField(_("reintegrated on"), null=True, blank=True)

    class Meta:
        ordering = ["operation", "line"]
        verbose_name = _("returnee")
        verbose_name_plural = _("returnees")
        constraints = [
            models.UniqueConstraint(fields=["operation", "line"], name="returnee_line_once")
        ]
        indexes = [models.Index(fields=["operation", "status"])]

    def __str__(self) -> str:
        return f"#{self.pk}"

    @property
    def note_labels(self) -> list[str]:
        from lentera.apps.prevention.vocab import MANIFEST_NOTES

        return [str(MANIFEST_NOTES.get(code, code)) for code in self.notes]


# -- the prospective-worker register (issue #15, item 2) ---------------------------------------------


class ProspectiveWorker(models.Model):
    """A prospective migrant worker (CPMI) in the manpower office's register, and the check of
    the placement against the destination policy, the worker's age and documents and the
    agency's licence. Name and NIK are identity fields."""

    agency = models.ForeignKey(
        "accounts.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        "accounts.User", verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    full_name = EncryptedTextField(_("name"))
    nik = EncryptedTextField(_("NIK"), blank=True, default="")
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True, default="")
    birth_date = models.DateField(_("date of birth"))
    home_region = models.ForeignKey(
        "reference.Region",
        verbose_name=_("home region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    destination_country = models.CharField(_("destination country"), max_length=2)
    sector = models.CharField(_("sector"), max_length=20)
    placement_agency = models.ForeignKey(
        PlacementAgency,
        verbose_name=_("placement agency (P3MI)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prospective_workers",
    )
    planned_departure = models.DateField(_("planned departure"), null=True, blank=True)
    documents = models.JSONField(_("documents held"), default=list, blank=True)
    flags = models.JSONField(_("what the check found"), default=list, blank=True)
    allowed = models.BooleanField(_("placement allowed"), default=False, db_index=True)
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name = _("prospective migrant worker")
        verbose_name_plural = _("prospective migrant workers")

    def __str__(self) -> str:
        return f"#{self.pk}"
