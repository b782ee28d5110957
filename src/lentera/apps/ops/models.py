"""What the worker leaves in the database so that others can tell it is alive: one heartbeat row
per worker process, and one row per periodic job saying when it is next due (so that of several
workers only one enqueues it)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class WorkerHeartbeat(models.Model):
    """A ``lentera worker`` process. ``seen_at`` moves every ``LENTERA_HEARTBEAT_SECONDS`` while it
    lives; ``stopped_at`` is set when it stops cleanly. A worker whose ``seen_at`` is older than
    ``LENTERA_STALE_SECONDS`` has died: its running tasks are found and failed or retried."""

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now, db_index=True)
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"{self.host}:{self.pid} ({self.worker_id})"


class PeriodicJob(models.Model):
    """A task of the worker's schedule (``LENTERA_SCHEDULE``) and when it is next due."""

    name = models.CharField(max_length=64, unique=True)
    next_at = models.DateTimeField()
    last_enqueued_at = models.DateTimeField(null=True, blank=True)
    last_task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
