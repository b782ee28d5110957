"""Victim protection: identification interviews, needs assessments, consent, services, referrals
between agencies, return home with reintegration visits, restitution, and the provider directory.

Every row hangs on a victim's role in a case (``cases.CaseParty``), so it follows the case's
access policy. Free-text notes may name people: they are identity fields (encrypted).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.identity import EncryptedTextField
from lentera.apps.protection.vocab import (
    ConsentGiver,
    Decision,
    NeedDomain,
    NeedLevel,
    OverrideBasis,
    ProviderKind,
    ReferralStatus,
    RestitutionStatus,
    ReturnStatus,
    ServiceStatus,
    ServiceType,
    Setting,
)

if TYPE_CHECKING:
    from lentera.apps.accounts.models import Agency

_USER = "accounts.User"
_AGENCY = "accounts.Agency"


class Provider(models.Model):
    """A service provider in the directory: an agency, shelter, PPT, hospital or NGO."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ProviderKind.choices)
    agency = models.ForeignKey(
        _AGENCY,
        verbose_name=_("agency that receives referrals"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="providers",
    )
    services = models.JSONField(_("services offered"), default=list, blank=True)
    region = models.ForeignKey(
        "reference.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    contact_person = models.CharField(_("contact person"), max_length=120, blank=True)
    accepts_children = models.BooleanField(_("accepts children"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    updated_by = models.ForeignKey(
        _USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service provider")

    def __str__(self) -> str:
        return self.name


class _VictimRow(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    party = models.ForeignKey("cases.CaseParty", on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(_AGENCY, on_delete=models.PROTECT, null=True, related_name="+")
    recorded_by = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-recorded_at", "-id"]


class Identification(_VictimRow):
    """A victim-identification interview and its decision (who decided is ``recorded_by``)."""

    setting = models.CharField(_("where"), max_length=20, choices=Setting.choices)
    indicators = models.JSONField(_("indicators found"), default=list, blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    is_child = models.BooleanField(_("child"), default=False)
    guardian_present = models.BooleanField(_("guardian or companion present"), default=False)
    interpreter_used = models.BooleanField(_("interpreter used"), default=False)
    notes = EncryptedTextField(_("notes"), blank=True, default="")

    class Meta(_VictimRow.Meta):
        verbose_name = _("identification interview")


class Assessment(_VictimRow):
    """Needs assessment: a level per domain (safety, health, psychosocial, legal, economic,
    family). A newer assessment is the periodic evaluation of the previous one."""

    needs = models.JSONField(_("needs"), default=dict)
    notes = EncryptedTextField(_("notes"), blank=True, default="")

    class Meta(_VictimRow.Meta):
        verbose_name = _("needs assessment")

    @property
    def labelled_needs(self) -> list[tuple[str, str]]:
        """The needs with their labels in the current language, in the domains' order."""
        levels = dict(NeedLevel.choices)
        return [
            (str(label), str(levels.get(self.needs.get(code, ""), "-")))
            for code, label in NeedDomain.choices
            if code in self.needs
        ]


class Consent(_VictimRow):
    """What the victim (or, for a child, the guardian) allows to be shared, and with whom."""

    agencies: models.ManyToManyField[Agency, Any] = models.ManyToManyField(
        _AGENCY, verbose_name=_("may be shared with"), blank=True
    )
    share_facts = models.BooleanField(_("facts and journey"), default=True)
    share_people = models.BooleanField(_("people in the case (pseudonymised)"), default=False)
    share_identity = models.BooleanField(_("identity (name, NIK, contacts)"), default=False)
    purpose = models.CharField(_("purpose"), max_length=300)
    given_by = models.CharField(
        _("given by"), max_length=10, choices=ConsentGiver.choices, default=ConsentGiver.VICTIM
    )
    guardian_name = EncryptedTextField(_("guardian's name"), blank=True, default="")
    child_assent = models.BooleanField(_("the child agrees"), default=False)
    given_on = models.DateField(_("given on"), default=timezone.localdate)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        _USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawal_note = models.CharField(_("why withdrawn"), max_length=300, blank=True)

    class Meta(_VictimRow.Meta):
        verbose_name = _("consent")

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class Service(_VictimRow):
    """One service in the victim's plan."""

    service_type = models.CharField(_("service"), max_length=30, choices=ServiceType.choices)
    provider_agency = models.ForeignKey(
        _AGENCY, verbose_name=_("provider"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.PLANNED
    )
    urgent = models.BooleanField(
        _("urgent (trauma or dangerous illness)"),
        default=False,
        help_text=_("First aid is due within 7 days of the request (UU 21/2007 Pasal 53)."),
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    status_note = models.CharField(_("note on the last status change"), max_length=300, blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta(_VictimRow.Meta):
        verbose_name = _("service")


class Referral(_VictimRow):
    """A referral of a victim to another agency. ``agency`` is the referring agency."""

    to_agency = models.ForeignKey(
        _AGENCY, verbose_name=_("refer to"), on_delete=models.PROTECT, related_name="+"
    )
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals"
    )
    service_type = models.CharField(_("service"), max_length=30, choices=ServiceType.choices)
    reason = models.CharField(_("why"), max_length=300)
    share_facts = models.BooleanField(default=True)
    share_people = models.BooleanField(default=False)
    share_identity = models.BooleanField(default=False)
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals"
    )
    override_basis = models.CharField(
        max_length=10, choices=OverrideBasis.choices, blank=True, default=""
    )
    override_legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    grant = models.ForeignKey(
        "cases.CaseGrant", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReferralStatus.choices,
        default=ReferralStatus.SENT,
        db_index=True,
    )
    responded_by = models.ForeignKey(
        _USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(_("reason for declining"), max_length=300, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    police_reported_at = models.DateTimeField(
        _("reported to police"),
        null=True,
        blank=True,
        help_text=_("A PPT reports a victim it receives to the police within 24 hours."),
    )

    class Meta(_VictimRow.Meta):
        verbose_name = _("referral")
        indexes = [models.Index(fields=["to_agency", "status"])]


class ReturnPlan(_VictimRow):
    """Return home (pemulangan): wish, family and safety assessment, who pays, travel, hand-over."""

    victim_wishes_return = models.BooleanField(_("the victim wants to return"), default=False)
    wish_note = EncryptedTextField(_("the victim's wishes, in their words"), blank=True, default="")
    family_assessed = models.BooleanField(_("family assessed"), default=False)
    family_assessment = EncryptedTextField(_("family assessment"), blank=True, default="")
    safe_to_return = models.BooleanField(_("safe to return"), default=False)
    home_region = models.ForeignKey(
        "reference.Region",
        verbose_name=_("home region (pays the return)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    paying_agency = models.ForeignKey(
        _AGENCY,
        verbose_name=_("agency paying"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    travel = models.CharField(_("travel"), max_length=200, blank=True)
    travel_on = models.DateField(_("travel date"), null=True, blank=True)
    handover_to = models.CharField(_("handed over to"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.PLANNED
    )
    completed_on = models.DateField(_("returned on"), null=True, blank=True)
    cancel_reason = models.CharField(_("why cancelled"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta(_VictimRow.Meta):
        verbose_name = _("return home")


class ReintegrationVisit(models.Model):
    plan = models.ForeignKey(ReturnPlan, on_delete=models.CASCADE, related_name="visits")
    visited_on = models.DateField(_("visited on"))
    wellbeing = models.CharField(_("how the person is doing"), max_length=200, blank=True)
    note = EncryptedTextField(_("notes"), blank=True, default="")
    closes_follow_up = models.BooleanField(_("closes the follow-up"), default=False)
    recorded_by = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(_AGENCY, on_delete=models.PROTECT, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["visited_on", "id"]


class Restitution(_VictimRow):
    """A restitution claim (UU 21/2007 Pasal 48–50), amounts in whole rupiah."""

    amount_claimed = models.PositiveBigIntegerField(_("amount claimed (Rp)"))
    basis = models.CharField(_("for what loss"), max_length=300)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RestitutionStatus.choices,
        default=RestitutionStatus.CLAIMED,
    )
    in_demand_on = models.DateField(_("included in the demand on"), null=True, blank=True)
    amount_ordered = models.PositiveBigIntegerField(_("amount ordered (Rp)"), null=True, blank=True)
    ordered_on = models.DateField(_("ordered on"), null=True, blank=True)
    final_notice_on = models.DateField(_("notice of the final verdict"), null=True, blank=True)
    court_notified_on = models.DateField(
        _("victim told the court it is unpaid"), null=True, blank=True
    )
    warning_on = models.DateField(_("court warning issued"), null=True, blank=True)
    seizure_on = models.DateField(_("seizure ordered"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    amount_paid = models.PositiveBigIntegerField(_("amount paid (Rp)"), null=True, blank=True)
    unpaid_closed_on = models.DateField(
        _("closed unpaid (substitute detention)"), null=True, blank=True
    )
    version = models.PositiveIntegerField(default=1)

    class Meta(_VictimRow.Meta):
        verbose_name = _("restitution")


class Notification(models.Model):
    """An in-app notice to an agency that one of its legal deadlines has started running close
    to its end (*due*) or has passed (*overdue*). Written by :func:`services.notify_timers`
    (the ``protection_notify`` command, run from cron); one row per agency, timer and state, so
    running the command again writes nothing new."""

    agency = models.ForeignKey(_AGENCY, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    party = models.ForeignKey("cases.CaseParty", on_delete=models.CASCADE, related_name="+")
    timer_kind = models.CharField(_("deadline"), max_length=30)
    source_id = models.PositiveBigIntegerField()
    state = models.CharField(_("state"), max_length=20)
    due_at = models.DateTimeField(_("due"))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    read_by = models.ForeignKey(
        _USER, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "timer_kind", "source_id", "state"],
                name="uniq_protection_notification",
            )
        ]
        indexes = [models.Index(fields=["agency", "read_at"])]
