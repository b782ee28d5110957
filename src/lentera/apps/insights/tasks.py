"""Background tasks of the insights app; each takes ids and is safe to run twice."""

from __future__ import annotations

from django_tasks import task

from lentera.apps.insights import services


@task()
def linkage_run(run_id: int) -> str:
    """Run linkage run ``run_id`` if it is still queued; returns the run's status."""
    return str(services.linkage_run_execute(run_id=run_id).status)


@task()
def linkage_runs_recover() -> dict[str, int]:
    """Queue again, or fail with the reason, the runs whose worker died."""
    return services.linkage_runs_recover()
