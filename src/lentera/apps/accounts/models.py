"""Agencies, task forces, users and their roles, and the two logs: audit events and identity access."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.permissions import ROLE_SCOPE, Action, Role, Scope, actions_for

if TYPE_CHECKING:
    from lentera.apps.reference.models import Region


class AgencyType(models.TextChoices):
    POLICE = "police", _("Police")
    PROSECUTOR = "prosecutor", _("Prosecution service")
    COURT = "court", _("Court")
    SOCIAL_AFFAIRS = "social_affairs", _("Social affairs")
    WOMEN_CHILD_PROTECTION = "women_child_protection", _("Women and child protection")
    INTEGRATED_SERVICE_CENTRE = "integrated_service_centre", _("Integrated service centre (PPT)")
    MANPOWER = "manpower", _("Manpower")
    IMMIGRATION = "immigration", _("Immigration")
    MIGRANT_PROTECTION = "migrant_protection", _("Migrant worker protection")
    HEALTH = "health", _("Health")
    WITNESS_PROTECTION = "witness_protection", _("Witness and victim protection (LPSK)")
    PORT_AUTHORITY = "port_authority", _("Port authority")
    AIRPORT_AUTHORITY = "airport_authority", _("Airport authority")
    MILITARY = "military", _("Armed forces")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    NGO = "ngo", _("Non-governmental organisation")
    OTHER = "other", _("Other")


class TimeZone(models.TextChoices):
    WIB = "Asia/Jakarta", _("WIB (UTC+7)")
    WITA = "Asia/Makassar", _("WITA (UTC+8)")
    WIT = "Asia/Jayapura", _("WIT (UTC+9)")


class Agency(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    agency_type = models.CharField(_("type"), max_length=40, choices=AgencyType.choices)
    region = models.ForeignKey(
        "reference.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Empty for national agencies."),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=TimeZone.choices, default=TimeZone.WIB
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.short_name or self.name


class TaskForceLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCE = "province", _("Province")
    REGENCY = "regency", _("Regency / city")


class TaskForce(models.Model):
    """A Gugus Tugas PP-TPPO at one level of government."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    level = models.CharField(_("level"), max_length=20, choices=TaskForceLevel.choices)
    region = models.ForeignKey(
        "reference.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("parent task force"), on_delete=models.PROTECT, null=True, blank=True
    )
    legal_basis = models.CharField(_("legal basis"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("task force")
        verbose_name_plural = _("task forces")

    def __str__(self) -> str:
        return self.name


class SubTaskForce(models.Model):
    """A working group (sub gugus tugas). Names vary by regulation, so they are data."""

    task_force = models.ForeignKey(
        TaskForce, on_delete=models.CASCADE, related_name="sub_task_forces"
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["task_force", "name"], name="uniq_subtaskforce_name")
        ]

    def __str__(self) -> str:
        return self.name


class TaskForceRole(models.TextChoices):
    CHAIR = "chair", _("Chair (ketua)")
    DAILY_CHAIR = "daily_chair", _("Daily chair (ketua harian)")
    SECRETARIAT = "secretariat", _("Secretariat")
    SUB_LEAD = "sub_lead", _("Sub-task-force lead")
    MEMBER = "member", _("Member")


class TaskForceMembership(models.Model):
    task_force = models.ForeignKey(TaskForce, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="memberships")
    sub_task_force = models.ForeignKey(
        SubTaskForce, on_delete=models.PROTECT, null=True, blank=True, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=TaskForceRole.choices, default=TaskForceRole.MEMBER
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["task_force", "agency", "role"], name="uniq_taskforce_agency_role"
            )
        ]


class User(AbstractUser):
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="id"
    )

    @cached_property
    def role_set(self) -> frozenset[Role]:
        return frozenset(Role(r) for r in self.role_assignments.values_list("role", flat=True))

    @cached_property
    def actions(self) -> frozenset[Action]:
        if not self.is_active:
            return frozenset()
        return actions_for(self.role_set)

    def has_action(self, action: Action) -> bool:
        return action in self.actions

    def scope_for(self, action: Action) -> Scope | None:
        """The widest scope in which this user holds ``action`` (None: not at all)."""
        from lentera.apps.accounts.permissions import ROLE_ACTIONS, expand

        best: Scope | None = None
        order = [Scope.AGENCY, Scope.REGION, Scope.NATIONAL]
        for role in self.role_set:
            if action in expand(ROLE_ACTIONS[role]):
                scope = ROLE_SCOPE[role]
                if best is None or order.index(scope) > order.index(best):
                    best = scope
        return best

    @property
    def region(self) -> Region | None:
        return self.agency.region if self.agency_id and self.agency else None

    def forget_permissions(self) -> None:
        for attr in ("role_set", "actions"):
            self.__dict__.pop(attr, None)


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    granted_at = models.DateTimeField(default=timezone.now, editable=False)
    granted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="uniq_user_role")]


class AuditEvent(models.Model):
    """One row per state change, written by the service that made it."""

    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # No ``choices`` here: new event types must not need a migration. Services only write
    # EventType values; ``get_event_type_display`` gives the label.
    event_type = models.CharField(max_length=50)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    summary = models.CharField(max_length=300, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["event_type", "occurred_at"]),
        ]

    def get_event_type_display(self) -> str:
        try:
            return str(EventType(self.event_type).label)
        except ValueError:
            return self.event_type

    @property
    def summary_text(self) -> str:
        """The summary in the reader's language when stored as parts (``accounts.wording``),
        else the sentence stored (rows written before)."""
        parts = self.data.get("summary_parts") if isinstance(self.data, dict) else None
        from lentera.apps.accounts.wording import legacy, render

        if isinstance(parts, list):
            return render(parts)
        return legacy(self.event_type, self.summary)


class AccessPurpose(models.TextChoices):
    CASE_HANDLING = "case_handling", _("Handling the case")
    VICTIM_SERVICES = "victim_services", _("Victim services")
    REFERRAL = "referral", _("Referral to another agency")
    INVESTIGATION = "investigation", _("Investigation or prosecution")
    VERIFICATION = "verification", _("Verifying identity or a duplicate")
    OTHER = "other", _("Other (explained)")


class AccessLog(models.Model):
    """Who read which identity fields of which record, when and why."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=64)
    fields = models.JSONField(default=list)
    purpose = models.CharField(max_length=30, choices=AccessPurpose.choices)
    purpose_note = models.CharField(max_length=300, blank=True)
    channel = models.CharField(max_length=10, default="web")

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]


class ApiToken(models.Model):
    """A personal API token. Only a SHA-256 hash of the secret is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    @property
    def is_usable(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
