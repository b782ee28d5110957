"""Background tasks of victim protection, run by ``lentera worker`` on its schedule."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from lentera.apps.protection.services import notify_timers


@task()
def notify_timers_task() -> int:
    """The deadline sweep: notify agencies of protection deadlines due soon or overdue. Safe to
    run as often as the schedule likes (``LENTERA_NOTIFY_EVERY_MINUTES``): a notice already
    written is not written again. Returns how many notices it wrote."""
    return len(notify_timers(now=timezone.now()))
