"""Access policies: one per model, each answering ``can`` and ``visible``.

Every list, search, export and linkage candidate query starts from ``visible(user, action)``;
guarded fetches (:meth:`Policy.get_for`) raise :class:`NotFound` for both "does not exist" and
"not yours", so existence is never revealed. A fetch to change a record
(:meth:`Policy.get_to_act`) refuses with 403 a record the user reads but may not change: its
existence is no secret to them.
"""

from __future__ import annotations

from typing import Any, Generic, TypeAlias, TypeGuard, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.models import AccessLog, Agency, AuditEvent, TaskForce, User
from lentera.apps.accounts.permissions import Action, Scope

M = TypeVar("M", bound=models.Model)

#: Whoever asks: the signed-in user or the anonymous visitor (``request.user`` of a page or an
#: endpoint). Policies and selectors take it and answer "nothing" for anyone but an active user.
Requester: TypeAlias = User | AnonymousUser


class NotFound(Http404):
    """Raised for a record that does not exist or that the user may not see."""

    def __init__(self) -> None:
        super().__init__(_("Not found."))


def deny(message: str | None = None) -> PermissionDenied:
    """The refusal a service raises when the actor may not do what it asked (a 403)."""
    return PermissionDenied(message or _("You do not have permission to do this."))


def is_user(user: Requester | None) -> TypeGuard[User]:
    """A signed-in, active user (narrows ``user`` to :class:`User`)."""
    return isinstance(user, User) and user.is_authenticated and user.is_active


def region_q(field: str, user: User) -> Q:
    """Records whose region (``field`` is a path to a Region) lies in the user's agency region."""
    region = user.region
    if region is None:
        return Q()
    return Q(**{f"{field}__code": region.code}) | Q(
        **{f"{field}__code__startswith": region.code + "."}
    )


class Policy(Generic[M]):
    model: type[M]

    def scope_filter(self, user: User, action: Action, scope: Scope) -> Q | None:
        """The rows visible at ``scope`` (None: nothing)."""
        raise NotImplementedError

    def visible(self, user: Requester, action: Action) -> QuerySet[M]:
        qs = self.model._default_manager.all()
        if not is_user(user):
            return qs.none()
        scope = user.scope_for(action)
        if scope is None:
            return qs.none()
        condition = self.scope_filter(user, action, scope)
        if condition is None:
            return qs.none()
        return qs.filter(condition)

    def can(self, user: Requester, action: Action, obj: M | None = None) -> bool:
        if not is_user(user) or not user.has_action(action):
            return False
        if obj is None:
            return True
        return self.visible(user, action).filter(pk=obj.pk).exists()

    def get_for(
        self, user: Requester, action: Action, pk: Any, queryset: QuerySet[M] | None = None
    ) -> M:
        qs = queryset if queryset is not None else self.visible(user, action)
        if queryset is not None:
            qs = qs & self.visible(user, action)
        try:
            return qs.get(pk=pk)
        except (ObjectDoesNotExist, ValueError, TypeError) as exc:
            raise NotFound() from exc

    def get_to_act(
        self,
        user: Requester,
        action: Action,
        pk: Any,
        *,
        read: Action,
        queryset: QuerySet[M] | None = None,
    ) -> M:
        """The record on which the user does ``action``; :class:`PermissionDenied` (403) when the
        user reads it (``read``) but may not do ``action`` on it, :class:`NotFound` (404) when
        they do not see it at all."""
        try:
            return self.get_for(user, action, pk, queryset=queryset)
        except NotFound:
            self.get_for(user, read, pk)  # not seen either: not found
            raise PermissionDenied from None


class AgencyPolicy(Policy[Agency]):
    """Agencies are known to every signed-in user (to refer and share); only admins change them."""

    model = Agency

    def visible(self, user: Requester, action: Action) -> QuerySet[Agency]:
        qs = Agency.objects.all()
        if not is_user(user):
            return qs.none()
        if action == Action.MANAGE_AGENCIES:
            return qs if user.has_action(action) else qs.none()
        return qs if user.has_action(Action.VIEW_DASHBOARD) else qs.none()


class TaskForcePolicy(Policy[TaskForce]):
    model = TaskForce

    def visible(self, user: Requester, action: Action) -> QuerySet[TaskForce]:
        qs = TaskForce.objects.all()
        if not is_user(user):
            return qs.none()
        if action == Action.MANAGE_TASK_FORCES:
            return qs if user.has_action(action) else qs.none()
        return qs if user.has_action(Action.VIEW_DASHBOARD) else qs.none()


class UserPolicy(Policy[User]):
    """Users see themselves; agency admins their agency's users; system admins everyone."""

    model = User

    def scope_filter(self, user: User, action: Action, scope: Scope) -> Q | None:
        if scope == Scope.NATIONAL:
            return Q()
        if scope == Scope.AGENCY and user.agency_id:
            return Q(agency_id=user.agency_id)
        return None

    def visible(self, user: Requester, action: Action) -> QuerySet[User]:
        if not is_user(user):
            return User.objects.none()
        if action == Action.VIEW_DASHBOARD:
            return User.objects.filter(pk=user.pk)
        return super().visible(user, action)


class AuditEventPolicy(Policy[AuditEvent]):
    """Auditors read events of agencies in their region (all events when national)."""

    model = AuditEvent

    def scope_filter(self, user: User, action: Action, scope: Scope) -> Q | None:
        if action != Action.VIEW_AUDIT:
            return None
        if scope == Scope.NATIONAL or user.region is None:
            return Q() if scope != Scope.AGENCY else Q(actor_agency_id=user.agency_id)
        if scope == Scope.REGION:
            return region_q("actor_agency__region", user)
        return Q(actor_agency_id=user.agency_id)


class AccessLogPolicy(Policy[AccessLog]):
    model = AccessLog

    def scope_filter(self, user: User, action: Action, scope: Scope) -> Q | None:
        if action != Action.VIEW_AUDIT:
            return None
        if scope == Scope.NATIONAL or user.region is None:
            return Q() if scope != Scope.AGENCY else Q(agency_id=user.agency_id)
        if scope == Scope.REGION:
            return region_q("agency__region", user)
        return Q(agency_id=user.agency_id)


agencies = AgencyPolicy()
task_forces = TaskForcePolicy()
users = UserPolicy()
audit_events = AuditEventPolicy()
access_logs = AccessLogPolicy()
