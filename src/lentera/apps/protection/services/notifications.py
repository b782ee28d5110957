"""Deadline notifications: the sweep that writes them and reading one."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from lentera.apps.accounts.models import User
from lentera.apps.accounts.policies import deny
from lentera.apps.protection.models import (
    Assessment,
    Notification,
    Referral,
    Restitution,
    ReturnPlan,
    Service,
)
from lentera.apps.protection.policies import WORK_ACTIONS
from lentera.apps.protection.timers import (
    NOTIFY_BEFORE,
    TimerState,
    timers_for_cases,
)


def notify_timers(*, now: datetime, case_ids: Iterable[int] | None = None) -> list[Notification]:
    """Write an in-app notification for each legal deadline that has come close to its end
    (*due*, see :data:`timers.NOTIFY_BEFORE`) or passed (*overdue*), addressed to the agency
    responsible for it. Idempotent: a unique row per agency, deadline and state, so running it
    again (the ``protection_notify`` cron command) adds nothing. Notifications are messages, not
    case records, so no audit event is written. Returns the rows created."""
    if case_ids is None:
        case_ids = _cases_with_protection()
    created: list[Notification] = []
    for timer in timers_for_cases(case_ids):
        if timer.agency_id is None:
            continue
        state = timer.state(now)
        if state == TimerState.DUE and timer.remaining(now) > NOTIFY_BEFORE[timer.kind]:
            continue
        if state not in (TimerState.DUE, TimerState.OVERDUE):
            continue
        with transaction.atomic():
            row, was_created = Notification.objects.get_or_create(
                agency_id=timer.agency_id,
                timer_kind=timer.kind.value,
                source_id=timer.source_id,
                state=state.value,
                defaults={
                    "case_id": timer.case_id,
                    "party_id": timer.party_id,
                    "due_at": timer.due_at,
                    "created_at": now,
                },
            )
        if was_created:
            created.append(row)
    return created


def _cases_with_protection() -> list[int]:
    ids: set[int] = set()
    for model in (Referral, Service, Assessment, Restitution, ReturnPlan):
        ids.update(model.objects.values_list("case_id", flat=True).distinct())
    return sorted(ids)


def notification_read(*, actor: User, notification: Notification) -> Notification:
    """Mark a notification of the actor's agency as read (for the whole agency)."""
    if not (
        actor.agency_id
        and notification.agency_id == actor.agency_id
        and any(actor.has_action(a) for a in WORK_ACTIONS)
    ):
        raise deny()
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=timezone.now(), read_by=actor
        )
        notification.refresh_from_db(fields=["read_at", "read_by"])
    return notification
