"""The worker's schedule: periodic tasks instead of cron lines.

``settings.LENTERA_SCHEDULE`` maps a job name to ``(task path, seconds between runs)``; 0 seconds
turns a job off. Every worker calls :func:`enqueue_due` on each heartbeat; the conditional update
of the job's ``next_at`` lets exactly one of several workers enqueue a job that fell due.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError
from django.utils import timezone
from django.utils.module_loading import import_string

from lentera.apps.ops.models import PeriodicJob
from lentera.apps.ops.queue import enqueue

log = logging.getLogger(__name__)


def enqueue_due(now: datetime | None = None) -> list[str]:
    """Enqueue every scheduled job that is due; returns their names."""
    now = now or timezone.now()
    enqueued: list[str] = []
    for name, (path, seconds) in settings.LENTERA_SCHEDULE.items():
        if not seconds or seconds <= 0:
            continue
        try:
            job, _created = PeriodicJob.objects.get_or_create(name=name, defaults={"next_at": now})
        except IntegrityError:  # another worker created it at the same moment
            job = PeriodicJob.objects.get(name=name)
        claimed = PeriodicJob.objects.filter(pk=job.pk, next_at__lte=now).update(
            next_at=now + timedelta(seconds=seconds), last_enqueued_at=now
        )
        if not claimed:
            continue
        task_id = enqueue(import_string(path))
        PeriodicJob.objects.filter(pk=job.pk).update(last_task_id=task_id[:64])
        log.info("scheduled task enqueued", extra={"job": name, "task_id": task_id})
        enqueued.append(name)
    return enqueued
