"""Housekeeping tasks of the worker's schedule (``settings.LENTERA_SCHEDULE``)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from lentera.apps.ops.models import WorkerHeartbeat
from lentera.apps.ops.recovery import fail_lost_tasks


@task()
def recover_lost_tasks() -> int:
    """Fail the tasks whose worker died (see :mod:`lentera.apps.ops.recovery`)."""
    return fail_lost_tasks()


@task()
def prune() -> dict[str, int]:
    """Delete finished task results older than ``LENTERA_TASK_RESULTS_KEEP_DAYS`` and the
    heartbeats of workers gone for as long."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - timedelta(days=settings.LENTERA_TASK_RESULTS_KEEP_DAYS)
    results, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    workers, _ = WorkerHeartbeat.objects.filter(seen_at__lt=cutoff).delete()
    return {"task_results": results, "workers": workers}
