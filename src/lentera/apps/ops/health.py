"""``/healthz`` and ``/readyz``: public, cheap, for the service manager and the reverse proxy.

``/healthz`` answers 200 as long as the process serves requests (it touches nothing else).
``/readyz`` answers 200 when the database is reachable, every migration is applied and a worker
has beaten within ``LENTERA_STALE_SECONDS`` (or tasks run inline), and 503 naming what is not
ready otherwise. Neither says more than "ok" or what is missing: no versions, no host names.
"""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from lentera.apps.accounts.decorators import public
from lentera.apps.ops.heartbeat import last_beat, stale_before
from lentera.apps.ops.queue import inline

_migrated = False  # once every migration is applied it stays so for this process


def _migrations() -> str:
    global _migrated
    if not _migrated:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        _migrated = not plan
    return "ok" if _migrated else "pending"


def readiness() -> dict[str, str]:
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError:
        return {"database": "unreachable"}
    try:
        checks["migrations"] = _migrations()
        if inline():
            checks["worker"] = "inline"
        else:
            seen = last_beat()
            checks["worker"] = "ok" if seen and seen >= stale_before() else "missing"
    except DatabaseError:  # tables not there yet: migrations are what is missing
        checks.setdefault("migrations", "pending")
        checks.setdefault("worker", "missing")
    return checks


@public
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@public
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    checks = readiness()
    ready = all(value in {"ok", "inline"} for value in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )
