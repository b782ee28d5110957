"""The worker process: django-tasks-db's worker, plus a heartbeat and the schedule.

:class:`LenteraWorker` runs the database queue exactly as ``db_worker`` does (one task at a time,
claimed under a row lock so several workers never run the same task) and adds a thread that beats
every ``LENTERA_HEARTBEAT_SECONDS``: it records that the worker is alive (``/readyz`` and the
recovery of dead workers' tasks read it) and enqueues the scheduled jobs that fell due.
"""

from __future__ import annotations

import logging
import os
import socket
from typing import Any

from django.conf import settings
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from lentera.apps.ops.heartbeat import Beat, worker_beat, worker_stopped
from lentera.apps.ops.schedule import enqueue_due

log = logging.getLogger(__name__)


def new_worker_id() -> str:
    """Readable and unique: host, process id and a random suffix (at most 64 characters)."""
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(8)}"


class LenteraWorker(Worker):
    def __init__(self, *, schedule: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.schedule = schedule
        self._beat: Beat | None = None

    def tick(self) -> None:
        """One heartbeat: alive, and the scheduled jobs that are due are queued."""
        worker_beat(self.worker_id)
        if self.schedule:
            enqueue_due()

    def run(self) -> None:
        self.tick()
        if not self.batch:
            self._beat = Beat(self.tick, float(settings.LENTERA_HEARTBEAT_SECONDS), "worker-beat")
            self._beat.start()
        log.info("worker started", extra={"worker": self.worker_id, "batch": self.batch})
        try:
            super().run()
        finally:
            if self._beat is not None:
                self._beat.stop()
            worker_stopped(self.worker_id)
            log.info("worker stopped", extra={"worker": self.worker_id})
