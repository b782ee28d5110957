"""Finding tasks whose worker died.

The database queue marks a task RUNNING when a worker claims it and never hears again from a
worker that was killed: such a task would stay RUNNING forever. :func:`fail_lost_tasks` fails
every RUNNING task whose worker's heartbeat is stale (or that no live worker holds and that started
longer ago than ``LENTERA_STALE_SECONDS``), with the reason. Work that must be finished (a
linkage run) is retried by its own recovery, which reads its own heartbeat
(:func:`lentera.apps.insights.services.linkage_runs_recover`).
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.utils import timezone
from django_tasks import TaskResultStatus

from lentera.apps.ops.heartbeat import live_workers, stale_before

log = logging.getLogger(__name__)


class WorkerLost(Exception):
    """The worker running a task stopped (killed, or its machine restarted) before it finished."""


def fail_lost_tasks(now: datetime | None = None) -> int:
    """Fail the RUNNING tasks of dead workers; returns how many."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    alive = live_workers(now)
    failed = 0
    for result in DBTaskResult.objects.running().filter(started_at__lt=stale_before(now)):
        worker = result.worker_ids[-1] if result.worker_ids else ""
        if worker in alive:
            continue
        reason = (
            f"worker {worker or '?'} stopped while running this task "
            f"(started {result.started_at:%Y-%m-%d %H:%M:%S %Z})"
        )
        # conditional: a task its worker finished meanwhile keeps its outcome
        updated = DBTaskResult.objects.filter(pk=result.pk, status=result.status).update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            return_value=None,
            exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
            traceback=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}: {reason}\n",
        )
        if not updated:
            continue
        log.warning(
            "task of a dead worker failed",
            extra={"task_id": str(result.pk), "task": result.task_path, "worker": worker},
        )
        failed += 1
    return failed
