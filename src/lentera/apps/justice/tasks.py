"""Background tasks of the justice app; each is safe to run twice."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from lentera.apps.justice import watching


@task()
def refresh_watch_task() -> int:
    """The stall list's days of the proceedings changed since the last run; every open
    proceeding in the first run after midnight (the periods may have changed)."""
    now = timezone.localtime()
    return watching.refresh(everything=now.hour == 0 and now.minute < 5)
