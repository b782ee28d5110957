"""Heartbeats: how a worker, and a long task inside it, show that they are alive.

A worker process updates its :class:`WorkerHeartbeat` row every ``LENTERA_HEARTBEAT_SECONDS``
from a thread of its own, so the beat goes on while a long task runs. A long task (a linkage run)
beats on its own row with :func:`beating`. Whoever finds a beat older than
``LENTERA_STALE_SECONDS`` knows that the process behind it died (it was killed, the machine
restarted) and fails or retries its work.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Model
from django.utils import timezone

from lentera.apps.ops.models import WorkerHeartbeat

log = logging.getLogger(__name__)


def stale_before(now: datetime | None = None) -> datetime:
    """Beats older than this are from a dead process."""
    return (now or timezone.now()) - timedelta(seconds=settings.LENTERA_STALE_SECONDS)


def worker_beat(worker_id: str, *, now: datetime | None = None) -> None:
    """Record that worker ``worker_id`` (this process) is alive."""
    now = now or timezone.now()
    updated = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(
        seen_at=now, stopped_at=None
    )
    if not updated:
        WorkerHeartbeat.objects.create(
            worker_id=worker_id,
            host=socket.gethostname()[:255],
            pid=os.getpid(),
            started_at=now,
            seen_at=now,
        )


def worker_stopped(worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id).update(stopped_at=timezone.now())


def live_workers(now: datetime | None = None) -> set[str]:
    """Ids of the workers whose beat is recent and which have not stopped."""
    return set(
        WorkerHeartbeat.objects.filter(
            seen_at__gte=stale_before(now), stopped_at__isnull=True
        ).values_list("worker_id", flat=True)
    )


def last_beat() -> datetime | None:
    """When the most recently seen running worker last beat."""
    row = WorkerHeartbeat.objects.filter(stopped_at__isnull=True).order_by("-seen_at").first()
    return row.seen_at if row else None


def worker_available() -> bool:
    """True when queued work will be picked up: tasks run inline, or a worker beats."""
    from lentera.apps.ops.queue import inline

    if inline():
        return True
    seen = last_beat()
    return seen is not None and seen >= stale_before()


class Beat(threading.Thread):
    """Calls ``action`` every ``every`` seconds until :meth:`stop`; a failed beat is logged and
    the next one tried. Closes its own database connection when it ends."""

    def __init__(self, action: Any, every: float, name: str) -> None:
        super().__init__(name=name, daemon=True)
        self.action, self.every = action, every
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            while not self._stop_event.wait(self.every):
                try:
                    self.action()
                except Exception:  # the next beat tries again
                    log.warning("heartbeat failed", extra={"thread": self.name}, exc_info=True)
        finally:
            connection.close()

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=self.every + 5)


@contextmanager
def beating(model: type[Model], pk: Any, *, field: str = "heartbeat_at") -> Iterator[None]:
    """While the block runs, set ``field`` of row ``pk`` to now every ``LENTERA_HEARTBEAT_SECONDS``
    (from a thread, so a long computation keeps beating)."""
    every = float(settings.LENTERA_HEARTBEAT_SECONDS)
    if every <= 0:
        yield
        return

    def beat() -> None:
        model._default_manager.filter(pk=pk).update(**{field: timezone.now()})

    thread = Beat(beat, every, name=f"beat-{model._meta.label_lower}-{pk}")
    thread.start()
    try:
        yield
    finally:
        thread.stop()
