"""Background tasks of coordination, run by ``lentera worker``: the notice sweep on its schedule,
and the e-mail of the notices (queued after the transaction that wrote them)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from lentera.apps.coordination import notices


@task()
def notices_task() -> int:
    """The sweep (``coordination-notices`` in ``LENTERA_SCHEDULE``): action items due soon or
    overdue, periodic reports due. Safe to repeat: a notice is written once. Returns how many
    notices it wrote (their e-mail is queued as :func:`email_notices_task`)."""
    return len(notices.sweep(today=timezone.localdate()))


@task()
def email_notices_task(notice_ids: list[int]) -> int:
    """E-mail the notices not yet sent (safe to run twice). Returns the messages sent."""
    return notices.email(notice_ids)
