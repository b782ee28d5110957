"""The worker on the real database queue, run in this process for one batch: a linkage run goes
queue → worker → outcome; a task delivered twice runs once; the schedule enqueues each due job
once; a run whose worker died is queued again, or failed with the reason after the last
attempt, and the linkage page says so."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lentera.apps.insights import services
from lentera.apps.insights.models import LinkageRun, RunStatus
from lentera.apps.insights.tasks import linkage_run
from lentera.apps.ops import schedule
from lentera.apps.ops.models import PeriodicJob, WorkerHeartbeat
from lentera.apps.ops.queue import enqueue
from lentera.apps.ops.recovery import fail_lost_tasks
from lentera.apps.people.services import person_create
from tests.concurrency import events

# Committed transactions, as in production: the worker loop closes and reopens its connection
# (close_old_connections), which would end a test's enclosing transaction.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queue(settings):
    """The real database backend (not the inline one the other tests use)."""
    settings.LENTERA_TASKS_INLINE = False
    return settings


@pytest.fixture
def people_to_link(cast, regions):
    for agency, name, phone in [
        (cast.kupang_uptd, "Muhammad Rizky Taneo", "0812-3456-7001"),
        (cast.kupang_police, "M. Rizki Taneo", "+62 812 3456 7001"),
    ]:
        person_create(
            actor=None,
            owner_agency=agency,
            full_name=name,
            sex="male",
            birth_date=date(1990, 5, 4),
            phones=[phone],
            region=regions["53.71"],
        )


def work() -> None:
    """One batch of the worker, in this process: everything queued, then exit."""
    call_command("worker", "--batch", "--no-schedule", verbosity=0)


def test_a_linkage_run_goes_through_the_queue(
    queue, cast, people_to_link, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run = services.linkage_run_start(actor=cast.kupang_analyst)
    run.refresh_from_db()
    assert run.status == RunStatus.QUEUED and run.attempts == 1
    task = DBTaskResult.objects.get(pk=run.task_id)
    assert task.status == "READY" and task.args_kwargs["args"] == [run.pk]

    work()

    run.refresh_from_db()
    task.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    assert run.candidates >= 1 and run.records == 2
    assert task.status == "SUCCESSFUL" and task.return_value == "done"
    worker = WorkerHeartbeat.objects.get()
    assert worker.stopped_at is not None  # a clean stop is recorded


def test_a_task_delivered_twice_runs_the_linkage_once(queue, cast, people_to_link):
    run = LinkageRun.objects.create(requested_by=cast.kupang_analyst, threshold=0.9)
    enqueue(linkage_run, run.pk)
    enqueue(linkage_run, run.pk)

    work()

    assert LinkageRun.objects.get(pk=run.pk).status == RunStatus.DONE
    assert len(events("linkage_run_finished")) == 1
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_the_schedule_enqueues_a_due_job_once(queue):
    queue.LENTERA_SCHEDULE = {
        "notify-timers": ("lentera.apps.protection.tasks.notify_timers_task", 900)
    }
    now = timezone.now()
    assert schedule.enqueue_due(now) == ["notify-timers"]
    assert schedule.enqueue_due(now) == []  # a second worker at the same moment: nothing
    assert schedule.enqueue_due(now + timedelta(minutes=14)) == []
    job = PeriodicJob.objects.get(name="notify-timers")
    assert job.next_at == now + timedelta(minutes=15)
    task = DBTaskResult.objects.get(pk=job.last_task_id)
    assert task.task_path.endswith("notify_timers_task")

    work()

    task.refresh_from_db()
    assert task.status == "SUCCESSFUL" and task.return_value == 0
    assert schedule.enqueue_due(now + timedelta(minutes=15)) == ["notify-timers"]


def test_a_job_set_to_zero_is_off(queue):
    queue.LENTERA_SCHEDULE = {"off": ("lentera.apps.ops.tasks.prune", 0)}
    assert schedule.enqueue_due() == []
    assert not PeriodicJob.objects.exists()


def dead_worker_run(cast, *, attempts: int, minutes_ago: int = 10):
    """A run left RUNNING by a worker that was killed ``minutes_ago`` (no beat since)."""
    then = timezone.now() - timedelta(minutes=minutes_ago)
    WorkerHeartbeat.objects.create(
        worker_id="dead-worker", host="kupang-srv", pid=4242, started_at=then, seen_at=then
    )
    run = LinkageRun.objects.create(
        requested_by=cast.kupang_analyst,
        threshold=0.9,
        status=RunStatus.RUNNING,
        started_at=then,
        heartbeat_at=then,
        attempts=attempts,
    )
    task_id = enqueue(linkage_run, run.pk)
    DBTaskResult.objects.filter(pk=task_id).update(
        status="RUNNING", started_at=then, worker_ids=["dead-worker"]
    )
    LinkageRun.objects.filter(pk=run.pk).update(task_id=task_id)
    return run, task_id


def test_a_run_whose_worker_died_is_queued_again_and_completes(
    queue, cast, people_to_link, django_capture_on_commit_callbacks
):
    run, task_id = dead_worker_run(cast, attempts=1)

    assert fail_lost_tasks() == 1
    lost = DBTaskResult.objects.get(pk=task_id)
    assert lost.status == "FAILED" and "WorkerLost" in lost.exception_class_path
    assert "dead-worker" in lost.traceback
    with django_capture_on_commit_callbacks(execute=True):
        assert services.linkage_runs_recover() == {"retried": 1, "failed": 0}
    run.refresh_from_db()
    assert run.status == RunStatus.QUEUED and run.attempts == 2
    assert run.task_id != task_id  # handed to the queue again

    work()

    run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    assert len(events("linkage_run_finished")) == 1


def test_a_run_is_failed_with_its_reason_after_the_last_attempt(queue, cast, client):
    queue.LENTERA_TASK_MAX_ATTEMPTS = 3
    run, _ = dead_worker_run(cast, attempts=3)

    assert services.linkage_runs_recover() == {"retried": 0, "failed": 1}

    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and run.finished_at is not None
    assert "3" in run.error and run.error  # the reason and the attempts
    client.force_login(cast.kupang_analyst)
    page = client.get(reverse("insights:run_status", args=[run.pk]))
    assert run.error[:60] in page.content.decode()
    # the analyst may start a new run: the failed one no longer blocks
    assert services.linkage_run_start(actor=cast.kupang_analyst).status == RunStatus.QUEUED


def test_a_live_run_and_a_waiting_run_are_left_alone(queue, cast):
    fresh = LinkageRun.objects.create(
        requested_by=cast.kupang_analyst,
        threshold=0.9,
        status=RunStatus.RUNNING,
        heartbeat_at=timezone.now(),
        attempts=1,
    )
    waiting = LinkageRun.objects.create(
        requested_by=cast.kupang_police_investigator,
        threshold=0.9,
        created_at=timezone.now() - timedelta(hours=1),
        attempts=1,
    )
    waiting.task_id = enqueue(linkage_run, waiting.pk)
    waiting.save(update_fields=["task_id"])

    assert services.linkage_runs_recover() == {"retried": 0, "failed": 0}
    assert LinkageRun.objects.get(pk=fresh.pk).status == RunStatus.RUNNING
    assert LinkageRun.objects.get(pk=waiting.pk).status == RunStatus.QUEUED


def test_a_queued_run_whose_task_was_lost_is_queued_again(
    queue, cast, django_capture_on_commit_callbacks
):
    run = LinkageRun.objects.create(
        requested_by=cast.kupang_analyst,
        threshold=0.9,
        created_at=timezone.now() - timedelta(hours=1),
        attempts=1,
        task_id="00000000-0000-0000-0000-000000000000",  # no such task
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.linkage_runs_recover() == {"retried": 1, "failed": 0}
    run.refresh_from_db()
    assert run.attempts == 2 and DBTaskResult.objects.filter(pk=run.task_id).exists()


def test_the_page_says_when_no_worker_runs(queue, cast, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = services.linkage_run_start(actor=cast.kupang_analyst)
    client.force_login(cast.kupang_analyst)
    url = reverse("insights:run_status", args=[run.pk])
    assert 'data-testid="worker-missing"' in client.get(url).content.decode()
    WorkerHeartbeat.objects.create(worker_id="w1", host="h", pid=1)
    assert 'data-testid="worker-missing"' not in client.get(url).content.decode()


def test_the_worker_is_not_needed_when_tasks_run_inline(settings):
    settings.LENTERA_TASKS_INLINE = True
    with pytest.raises(CommandError, match="no worker is needed"):
        call_command("worker", "--batch")
