"""Complaints (pengaduan) from every channel, their triage, tracking code and link to a case.

The reporter's identity (name, phone, email, address), the narrative, the place and the raw
gateway message are identity fields: encrypted at rest, sealed when read, shown only to the
handling agencies and logged when shown (UU 21/2007 Pasal 24 and Pasal 33).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.identity import EncryptedTextField


class Channel(models.TextChoices):
    WEB = "web", _("Public web form")
    HOTLINE_129 = "hotline_129", _("SAPA 129 hotline")
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")
    WALK_IN = "walk_in", _("Walk-in")
    POLICE_REPORT = "police_report", _("Police report")
    POSKO = "posko", _("Posko referral")
    MEDIA = "media", _("Media report")
    OTHER = "other", _("Other")


#: Channels an officer registers by hand (the public form and the gateway have their own).
OFFICER_CHANNELS = (
    Channel.HOTLINE_129,
    Channel.WALK_IN,
    Channel.POLICE_REPORT,
    Channel.POSKO,
    Channel.MEDIA,
    Channel.OTHER,
)
GATEWAY_CHANNELS = (Channel.SMS, Channel.WHATSAPP)


class Urgency(models.TextChoices):
    CRITICAL = "critical", _("Critical (first action within 2 hours)")
    HIGH = "high", _("High (within 24 hours)")
    NORMAL = "normal", _("Normal (within 3 days)")


#: Short names of the urgencies, for lists and tags.
URGENCY_SHORT = {
    Urgency.CRITICAL: _("Critical"),
    Urgency.HIGH: _("High"),
    Urgency.NORMAL: _("Normal"),
}


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    TRIAGED = "triaged", _("Triaged")
    LINKED = "linked", _("Attached to a case")
    CLOSED = "closed", _("Closed")


class YesNoUnknown(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Not known")


class ReporterRelation(models.TextChoices):
    SELF = "self", _("The person concerned")
    FAMILY = "family", _("Family member")
    FRIEND = "friend", _("Friend or neighbour")
    OFFICIAL = "official", _("Official or community leader")
    NGO = "ngo", _("Organisation")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Not said")


class Acknowledgement(models.TextChoices):
    NONE = "", _("Not yet")
    SCREEN = "screen", _("Tracking code shown on screen")
    SMS = "sms", _("SMS reply with the tracking code")
    WHATSAPP = "whatsapp", _("WhatsApp reply with the tracking code")
    VERBAL = "verbal", _("Given verbally (phone or in person)")
    CALLBACK = "callback", _("Called back")
    LETTER = "letter", _("Letter or email")


class CloseReason(models.TextChoices):
    DUPLICATE = "duplicate", _("Duplicate of another complaint")
    NOT_TRAFFICKING = "not_trafficking", _("Not trafficking; referred to the right service")
    INSUFFICIENT = "insufficient", _("Not enough information to act")
    UNREACHABLE = "unreachable", _("Reporter cannot be reached")
    RESOLVED = "resolved", _("Resolved without a case")
    WITHDRAWN = "withdrawn", _("Withdrawn by the reporter")
    TEST = "test", _("Test or spam message")
    OTHER = "other", _("Other (explained)")


class Complaint(models.Model):
    tracking_code = models.CharField(_("tracking code"), max_length=14, unique=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    receiving_agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("receiving agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints_received",
    )
    registered_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Reporter (identity: encrypted, sealed when read)
    reporter_name = EncryptedTextField(_("reporter's name"), blank=True, default="")
    reporter_phone = EncryptedTextField(_("reporter's phone"), blank=True, default="")
    reporter_email = EncryptedTextField(_("reporter's email"), blank=True, default="")
    reporter_address = EncryptedTextField(_("reporter's address"), blank=True, default="")
    reporter_anonymous = models.BooleanField(_("anonymous"), default=False)
    reporter_confidential = models.BooleanField(
        _("identity kept confidential (Pasal 33)"),
        default=False,
        help_text=_("Only the receiving agency sees the reporter; not the case file."),
    )
    reporter_relation = models.CharField(
        _("reporter is"),
        max_length=10,
        choices=ReporterRelation.choices,
        default=ReporterRelation.UNKNOWN,
    )
    # What happened (may name people: encrypted)
    narrative = EncryptedTextField(_("what happened"), blank=True, default="")
    place = EncryptedTextField(_("place"), blank=True, default="")
    region = models.ForeignKey(
        "reference.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # People mentioned
    people_count = models.PositiveSmallIntegerField(_("people concerned"), null=True, blank=True)
    any_child = models.BooleanField(_("a child among them"), default=False)
    any_man = models.BooleanField(_("a man or boy among them"), default=False)
    # Facts for triage
    involves_child = models.CharField(
        _("involves a child"),
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.UNKNOWN,
    )
    danger_now = models.BooleanField(_("someone is in danger now"), default=False)
    departure_today = models.BooleanField(_("a departure is planned today"), default=False)
    migrant_worker = models.BooleanField(_("concerns a migrant worker"), default=False)
    # Triage (suggested by the rules on receipt; confirmed or overridden by an officer)
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL, db_index=True
    )
    routed_agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("routed to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints_routed",
    )
    routing_rule = models.CharField(_("routing rule"), max_length=30, blank=True)
    task_force = models.ForeignKey(
        "accounts.TaskForce",
        verbose_name=_("task force informed"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    override_reason = models.CharField(
        _("reason for overriding the rules"), max_length=300, blank=True
    )
    due_at = models.DateTimeField(_("first action due"), null=True, blank=True, db_index=True)
    triaged_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    triaged_at = models.DateTimeField(_("triaged"), null=True, blank=True)
    acknowledgement = models.CharField(
        _("acknowledgement to the reporter"),
        max_length=10,
        choices=Acknowledgement.choices,
        blank=True,
        default=Acknowledgement.NONE,
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    # Status
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ComplaintStatus.choices,
        default=ComplaintStatus.RECEIVED,
        db_index=True,
    )
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
    )
    linked_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    close_reason = models.CharField(
        _("reason for closing"), max_length=20, choices=CloseReason.choices, blank=True
    )
    close_note = models.CharField(_("note on closing"), max_length=300, blank=True)
    public_note = models.CharField(
        _("note for the reporter"),
        max_length=500,
        blank=True,
        help_text=_("Shown on the public status page. No names, no internal details."),
    )
    # Gateway messages: the message as received, kept whole whatever happens
    raw_message = EncryptedTextField(_("message as received"), blank=True, default="")
    raw_base64 = EncryptedTextField(_("bytes as received (base64)"), blank=True, default="")
    gateway_keyword = models.CharField(max_length=20, blank=True)
    gateway_category = models.CharField(max_length=40, blank=True)
    gateway_message_id = models.CharField(max_length=100, blank=True)
    parse_flags = models.JSONField(_("parsing notes"), default=list, blank=True)
    # Bookkeeping
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        indexes = [
            models.Index(fields=["receiving_agency", "status", "received_at"]),
            models.Index(fields=["routed_agency", "status", "received_at"]),
            models.Index(fields=["status", "urgency", "due_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["registered_by", "gateway_message_id"],
                condition=~models.Q(gateway_message_id=""),
                name="uniq_gateway_message",
            )
        ]

    def __str__(self) -> str:
        return self.tracking_code

    @property
    def has_child(self) -> bool:
        return self.involves_child == YesNoUnknown.YES or self.any_child

    @property
    def urgency_short(self) -> str:
        return str(URGENCY_SHORT.get(Urgency(self.urgency), self.urgency))

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == ComplaintStatus.RECEIVED
            and self.due_at is not None
            and self.due_at < timezone.now()
        )


class AgeBand(models.TextChoices):
    ANY = "any", _("Any age")
    CHILD = "child", _("A child (under 18)")
    ADULT = "adult", _("Adults only")


class RoutingCategory(models.TextChoices):
    ANY = "any", _("Any report")
    CRIME_IN_PROGRESS = "crime_in_progress", _("A crime in progress (danger now, departure today)")
    MIGRANT_WORKER = "migrant_worker", _("A migrant worker")


class RoutingRule(models.Model):
    """Where a report goes, as data an administrator reads, edits and tests: region × category ×
    age band → agencies, and the task force whose secretariat is told.

    The rules that fit a complaint are tried in order of ``priority`` (lower first), then the
    nearest region (a rule of Kabupaten Kupang before one of Nusa Tenggara Timur before one for
    everywhere), then the more specific; the first whose agency (or, failing it, the fallback
    agency) is active wins. See ``lentera.apps.intake.routing``.
    """

    region = models.ForeignKey(
        "reference.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The rule covers this region and the regions within it. Empty: everywhere."),
    )
    category = models.CharField(
        _("category"), max_length=20, choices=RoutingCategory.choices, default=RoutingCategory.ANY
    )
    age_band = models.CharField(
        _("age band"), max_length=10, choices=AgeBand.choices, default=AgeBand.ANY
    )
    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("route to"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    fallback_agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("else to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Used while the first agency is inactive."),
    )
    task_force = models.ForeignKey(
        "accounts.TaskForce",
        verbose_name=_("task force informed"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: the nearest task force of the region that has a secretariat."),
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=50, help_text=_("Lower numbers are tried first.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    note = models.CharField(_("why"), max_length=300, blank=True)
    updated_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["priority", "id"]
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")

    def __str__(self) -> str:
        return f"#{self.pk}"
