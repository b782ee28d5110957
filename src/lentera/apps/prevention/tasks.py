"""Background tasks of prevention, run by ``lentera worker`` on its schedule."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from lentera.apps.prevention.services import remind_evaluations


@task()
def remind_evaluations_task() -> int:
    """The course-evaluation reminder sweep (safe to repeat: each reminder is sent once).
    Returns how many course reminders it sent."""
    return len(remind_evaluations(today=timezone.localdate()))
