"""Two real transactions at once, for the lost-update tests (issue #11).

Each racer runs in its own thread, so with its own database connection; a barrier makes every
racer read the record before any of them writes. On PostgreSQL the writes then really overlap:
the second ``UPDATE`` waits on the first one's row lock and re-reads the row when it commits.
Such tests are marked ``postgres_only`` (SQLite serialises writers; ``tests/conftest.py`` skips
the marker there) and ``django_db(transaction=True)``, since the threads must see committed data.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connections

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.models import AuditEvent

TIMEOUT = 20.0


def race(*racers: Callable[[Callable[[], Any]], Any]) -> list[Any]:
    """Run each racer in its own thread. A racer takes ``ready`` (the barrier): it reads what it
    needs, calls ``ready()``, then writes. Returns what each racer returned or raised."""
    barrier = threading.Barrier(len(racers), timeout=TIMEOUT)
    outcomes: list[Any] = [None] * len(racers)

    def run(index: int, racer: Callable[[Callable[[], Any]], Any]) -> None:
        passed = False

        def ready() -> None:
            nonlocal passed
            barrier.wait()
            passed = True

        try:
            outcomes[index] = racer(ready)
        except BaseException as exc:  # reported to the test, which asserts on it
            outcomes[index] = exc
            if not passed:  # failed before the barrier: do not leave the others waiting
                barrier.abort()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, r)) for i, r in enumerate(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT * 2)
    assert not any(t.is_alive() for t in threads), "a racer is stuck"
    return outcomes


def read_then(load: Callable[[], Any], act: Callable[[Any], Any]) -> Callable[..., Any]:
    """A racer: ``load()`` the record (this thread's own read), wait for the others, ``act`` on
    what was read."""

    def racer(ready: Callable[[], Any]) -> Any:
        seen = load()
        ready()
        return act(seen)

    return racer


def gated(monkeypatch: Any, module: Any, name: str, parties: int = 2) -> threading.Barrier:
    """Make ``module.name`` (a service's ``transition`` or ``lock``) wait at a barrier first, so
    that requests racing through views have all read the record before any of them writes."""
    barrier = threading.Barrier(parties, timeout=TIMEOUT)
    real = getattr(module, name)

    def waiting(*args: Any, **kwargs: Any) -> Any:
        barrier.wait()
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, waiting)
    return barrier


def in_threads(*calls: Callable[[], Any]) -> list[Any]:
    """Run each call in its own thread (for requests gated with :func:`gated`)."""
    return race(*[(lambda ready, call=call: call()) for call in calls])


def one_winner(outcomes: Iterable[Any]) -> tuple[Any, Conflict]:
    """Exactly one racer succeeded and the other got :class:`Conflict`; returns both."""
    outcomes = list(outcomes)
    conflicts = [o for o in outcomes if isinstance(o, Conflict)]
    others = [o for o in outcomes if not isinstance(o, Conflict)]
    assert len(conflicts) == 1 and len(others) == 1, outcomes
    assert not isinstance(others[0], BaseException), others[0]
    return others[0], conflicts[0]


def events(event_type: str, **data: Any) -> list[AuditEvent]:
    """Audit events of ``event_type`` whose data holds ``data``."""
    return [
        e
        for e in AuditEvent.objects.filter(event_type=event_type)
        if all(e.data.get(k) == v for k, v in data.items())
    ]
