"""Handing work to the worker.

Background work is a django-tasks task (``@task``) that takes ids, re-fetches, calls a service and
is safe to run twice. :func:`enqueue` puts it on the queue of the ``default`` backend: the database
(``django_tasks_db``), read by ``lentera worker``. With ``LENTERA_TASKS_INLINE=1`` (and in tests
that set it) the ``inline`` backend runs it at once in the caller's process instead.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django_tasks import task_backends
from django_tasks.base import Task

INLINE_BACKEND = "inline"


def inline() -> bool:
    """True when tasks run in the caller's process (no worker needed)."""
    if settings.LENTERA_TASKS_INLINE:
        return True
    from django_tasks_db import DatabaseBackend

    return not isinstance(task_backends["default"], DatabaseBackend)


def enqueue(task: Task[Any, Any], *args: Any, **kwargs: Any) -> str:
    """Queue ``task`` (or run it now, inline); returns the task result's id."""
    if settings.LENTERA_TASKS_INLINE:
        task = task.using(backend=INLINE_BACKEND)
    return str(task.enqueue(*args, **kwargs).id)


def task_status(task_id: str) -> str | None:
    """READY, RUNNING, FAILED or SUCCESSFUL for a task on the database queue; None when the queue
    has no such task (never queued there, pruned, or run inline)."""
    if not task_id:
        return None
    from django_tasks_db.models import DBTaskResult

    try:
        return DBTaskResult.objects.filter(pk=task_id).values_list("status", flat=True).first()
    except (ValueError, TypeError):  # not a UUID: an inline task's id
        return None
