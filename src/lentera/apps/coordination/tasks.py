"""Background tasks of coordination, run by ``lentera worker`` on its schedule."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from lentera.apps.coordination.services import remind_items


@task()
def remind_items_task() -> int:
    """The action-item reminder sweep (safe to repeat: a reminder is written once). Returns how
    many reminders it wrote."""
    return len(remind_items(today=timezone.localdate()))
