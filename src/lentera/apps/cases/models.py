"""Case files: the shared record of a trafficking case, its people, facts, journey, documents,
notes, sharing grants and the snapshots of the legal qualification engine.

Narratives, notes and document names may name people, so they are identity fields (encrypted,
sealed when read, shown only to those who may see identities on the case).
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.identity import EncryptedTextField
from lentera.apps.cases.vocab import (
    CaseStatus,
    GrantScope,
    NetworkRole,
    PartyRole,
    Platform,
    RecruitmentChannel,
    TransportMode,
    VictimStatus,
)


class CaseCounter(models.Model):
    """Per-prefix yearly sequence for reference numbers (incremented under a row lock)."""

    prefix = models.CharField(max_length=30, unique=True)
    last = models.PositiveIntegerField(default=0)


class Case(models.Model):
    reference = models.CharField(_("reference number"), max_length=40, unique=True)
    title = models.CharField(
        _("short title"),
        max_length=200,
        help_text=_("Without names, e.g. 'Recruitment of two young women from Alak to Batam'."),
    )
    lead_agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("lead agency"),
        on_delete=models.PROTECT,
        related_name="lead_cases",
    )
    region = models.ForeignKey(
        "reference.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CaseStatus.choices,
        default=CaseStatus.OPEN,
        db_index=True,
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closure_reason = models.CharField(_("reason for closing"), max_length=300, blank=True)
    narrative = EncryptedTextField(_("what happened"), blank=True, default="")
    # Facts (codes; acts and means use the qualification engine's vocabulary)
    offence_date = models.DateField(_("date of the offence"), null=True, blank=True)
    acts = models.JSONField(_("acts"), default=list, blank=True)
    means = models.JSONField(_("means"), default=list, blank=True)
    exploitation_types = models.JSONField(_("exploitation types"), default=list, blank=True)
    control_methods = models.JSONField(_("methods of control"), default=list, blank=True)
    recruitment_channel = models.CharField(
        _("recruitment channel"),
        max_length=20,
        choices=RecruitmentChannel.choices,
        default=RecruitmentChannel.UNKNOWN,
    )
    recruitment_platform = models.CharField(
        _("platform or app"), max_length=20, choices=Platform.choices, blank=True, default=""
    )
    has_child_victim = models.BooleanField(_("child victim"), default=False, db_index=True)
    # Facts the qualification engine reads beside acts, means and exploitation (contracts/qualify.md)
    exploitation_occurred = models.BooleanField(
        _("the person was in fact exploited"), null=True, blank=True
    )
    movement = models.CharField(
        _("movement"),
        max_length=20,
        blank=True,
        default="",
        help_text=_("Empty: read from the journey legs."),
    )
    absent_elements = models.JSONField(
        _("confirmed absent"),
        default=list,
        blank=True,
        help_text=_("Acts, means or purposes established as absent (not merely unrecorded)."),
    )
    organised_group = models.BooleanField(_("organised group"), default=False)
    document_forgery = models.BooleanField(_("forged documents"), default=False)
    illegal_entry_for_profit = models.BooleanField(_("illegal entry for profit"), default=False)
    incitement_without_offence = models.BooleanField(_("failed incitement"), default=False)
    placement_country = models.ForeignKey(
        "reference.Country",
        verbose_name=_("placement country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    placement_facts = models.JSONField(_("labour placement facts"), default=list, blank=True)
    # Bookkeeping
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["lead_agency", "status", "opened_at"]),
            models.Index(fields=["region", "opened_at"]),
        ]

    def __str__(self) -> str:
        return self.reference


class CaseParty(models.Model):
    """A person's role in a case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="case_roles")
    role = models.CharField(_("role"), max_length=20, choices=PartyRole.choices)
    network_role = models.CharField(
        _("role in the network"),
        max_length=20,
        choices=NetworkRole.choices,
        blank=True,
        default="",
    )
    is_official = models.BooleanField(
        _("state official (complicity)"),
        default=False,
        help_text=_("Shown only to roles with the complicity permission."),
    )
    victim_status = models.CharField(
        _("victim identification"),
        max_length=20,
        choices=VictimStatus.choices,
        default=VictimStatus.UNDETERMINED,
    )
    victim_status_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    victim_status_agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    victim_status_at = models.DateTimeField(null=True, blank=True)
    age_at_offence = models.PositiveSmallIntegerField(
        _("age at the offence"), null=True, blank=True
    )
    # What the qualification engine reads of a victim and of a suspect (contracts/qualify.md)
    harms = models.JSONField(_("harm suffered"), default=list, blank=True)
    is_corporation = models.BooleanField(_("a corporation"), default=False)
    abused_position = models.BooleanField(
        _("abused their position as an official"),
        default=False,
        help_text=_("Shown only to roles with the complicity permission."),
    )
    participation = models.CharField(
        _("participation"), max_length=20, blank=True, default="principal"
    )
    use_of_victim = models.JSONField(_("use of a victim"), default=list, blank=True)
    obstruction = models.JSONField(_("offences against justice"), default=list, blank=True)
    obstruction_harm = models.CharField(
        _("harm the attack caused"), max_length=20, blank=True, default="none"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "person", "role"], name="uniq_case_person_role")
        ]


class JourneyLeg(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="journey")
    order = models.PositiveSmallIntegerField(_("order"))
    origin_region = models.ForeignKey(
        "reference.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    origin_country = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", default="ID"
    )
    origin_place = models.CharField(_("from (place)"), max_length=120, blank=True)
    destination_region = models.ForeignKey(
        "reference.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    destination_country = models.ForeignKey(
        "reference.Country", on_delete=models.PROTECT, related_name="+", default="ID"
    )
    destination_place = models.CharField(_("to (place)"), max_length=120, blank=True)
    is_transit = models.BooleanField(_("transit"), default=False)
    departed_on = models.DateField(_("departed"), null=True, blank=True)
    arrived_on = models.DateField(_("arrived"), null=True, blank=True)
    transport = models.CharField(
        _("transport"), max_length=10, choices=TransportMode.choices, default=TransportMode.UNKNOWN
    )

    class Meta:
        ordering = ["order", "id"]


def _document_path(instance: CaseDocument, filename: str) -> str:
    return f"cases/{instance.case_id}/{uuid.uuid4().hex}"


class CaseDocument(models.Model):
    """Evidence or a document, stored outside the web root and served only through the policy."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to=_document_path)
    name = EncryptedTextField(_("file name"))
    description = models.CharField(_("description"), max_length=200, blank=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-uploaded_at", "-id"]


class CaseNote(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    text = EncryptedTextField(_("note"))
    author = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]


class CaseGrant(models.Model):
    """The lead agency shares the case (all or part, with identities or not) with another agency.

    A grant with ``person`` set is a *victim grant*, opened by a referral: it shows the receiving
    agency the facts, the journey and that one person (with the identity only when
    ``include_identity``), nothing about the other parties. A grant gives an identity only of a
    person the lead agency itself holds (it registered the person): nobody passes on what they
    do not hold.

    A whole-file grant with ``co_handling`` makes the agency a *co-handling agency*: it edits the
    file and records proceedings like the lead, but does not share or hand the case over. A
    ``proceedings`` grant lets the police and prosecution of another agency open and record
    proceedings on the case without the parties' identities.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="grants")
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, related_name="case_grants"
    )
    scope = models.CharField(_("what is shared"), max_length=20, choices=GrantScope.choices)
    include_identity = models.BooleanField(_("including identities"), default=False)
    co_handling = models.BooleanField(
        _("co-handling agency"),
        default=False,
        help_text=_("The agency works on the case beside the lead: it edits the file."),
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("only this person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="victim_grants",
    )
    reason = models.CharField(_("reason"), max_length=300)
    granted_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(default=timezone.now)
    revoked_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "agency"],
                condition=models.Q(revoked_at__isnull=True, person__isnull=True),
                name="uniq_active_grant",
            ),
            models.UniqueConstraint(
                fields=["case", "agency", "person"],
                condition=models.Q(revoked_at__isnull=True, person__isnull=False),
                name="uniq_active_victim_grant",
            ),
        ]
        # live grants only (issue #21): the visibility EXISTS of each case, and an agency's
        # granted cases
        indexes = [
            models.Index(
                fields=["case", "agency"],
                condition=models.Q(revoked_at__isnull=True),
                name="casegrant_live_case",
            ),
            models.Index(
                fields=["agency", "case"],
                condition=models.Q(revoked_at__isnull=True),
                name="casegrant_live_agency",
            ),
        ]


class QualificationSnapshot(models.Model):
    """What the qualification engine concluded, on which facts, with which version, who, when."""

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, null=True, blank=True, related_name="qualifications"
    )
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    facts = models.JSONField(_("facts"))
    result = models.JSONField(_("result"))
    outcome = models.CharField(_("outcome"), max_length=30)
    regime = models.CharField(_("legal regime"), max_length=20)
    engine_version = models.CharField(_("engine version"), max_length=40)
    channel = models.CharField(max_length=10, default="web")
    settings = models.JSONField(_("settings"), default=dict, blank=True)
    party = models.ForeignKey(
        CaseParty,
        verbose_name=_("suspect assessed"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("qualification snapshot")
