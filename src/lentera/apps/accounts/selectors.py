"""Scoped reads for accounts: audit trail and access log filtered for an auditor."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.utils import timezone

from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import Requester, access_logs, audit_events

M = TypeVar("M", bound=Model)


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _day_end(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


def _filtered(
    qs: QuerySet[M], filters: dict[str, Any], lookups: dict[str, str], when: str
) -> QuerySet[M]:
    """Apply the filters that are set: ``lookups`` maps a filter name to an ORM lookup;
    ``date_from``/``date_to`` bound the ``when`` field by whole days."""
    for name, lookup in lookups.items():
        if filters.get(name):
            qs = qs.filter(**{lookup: filters[name]})
    if filters.get("date_from"):
        qs = qs.filter(**{f"{when}__gte": _day_start(filters["date_from"])})
    if filters.get("date_to"):
        qs = qs.filter(**{f"{when}__lte": _day_end(filters["date_to"])})
    return qs


def audit_event_list(*, user: Requester, filters: dict[str, Any]) -> QuerySet[AuditEvent]:
    qs = audit_events.visible(user, Action.VIEW_AUDIT).select_related("actor", "actor_agency")
    lookups = {
        "event_type": "event_type",
        "actor": "actor__username__icontains",
        "agency": "actor_agency",
        "object_type": "object_type",
        "object_id": "object_id",
    }
    return _filtered(qs, filters, lookups, "occurred_at")


def access_log_list(*, user: Requester, filters: dict[str, Any]) -> QuerySet[AccessLog]:
    qs = access_logs.visible(user, Action.VIEW_AUDIT).select_related("user", "agency")
    lookups = {
        "user": "user__username__icontains",
        "purpose": "purpose",
        "object_type": "object_type",
        "object_id": "object_id",
    }
    return _filtered(qs, filters, lookups, "at")
