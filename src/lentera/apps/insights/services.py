"""Linkage runs and match review.

A run is a background task: :func:`linkage_run_start` records it and hands its id to the worker
(:func:`dispatch`, the task ``lentera.apps.insights.tasks.linkage_run``);
:func:`linkage_run_execute` claims the queued run, links the person records its requester may see
with the :mod:`lentera.linkage` model, and stores every pair above the review floor as a
candidate for an officer to confirm or reject. The task is idempotent: only a QUEUED run is
claimed, so a task delivered twice runs the linkage once, and storing the pairs again is safe
(decided candidates keep their decision, pending ones take the newest score).

While it runs, the run beats (``heartbeat_at``). :func:`linkage_runs_recover`, on the worker's
schedule, finds a RUNNING run whose beat stopped (its worker was killed) or a QUEUED run whose
task is gone, and queues it again, up to ``LENTERA_TASK_MAX_ATTEMPTS`` times; then it fails the
run with the reason. The linkage page shows the progress, the retry and the outcome.
"""

from __future__ import annotations

import logging
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_access, record_event
from lentera.apps.accounts.concurrency import Conflict, transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.identity import sealed_json
from lentera.apps.accounts.models import AccessPurpose, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.insights.models import LinkageRun, MatchCandidate, MatchStatus, RunStatus
from lentera.apps.insights.policies import matches
from lentera.apps.ops.heartbeat import beating, stale_before
from lentera.apps.ops.queue import enqueue, task_status
from lentera.apps.people.models import Person
from lentera.apps.people.policies import people
from lentera.privacy import unseal

if TYPE_CHECKING:
    from lentera.linkage import PersonRecord

log = logging.getLogger(__name__)
SEX_CODE = {"female": "F", "male": "M"}


def linkage_run_start(*, actor: User) -> LinkageRun:
    if not actor.has_action(Action.RUN_LINKAGE):
        raise PermissionDenied(_("You do not have permission to do this."))
    from lentera.linkage import DEFAULT_THRESHOLD

    if LinkageRun.objects.filter(
        requested_by=actor, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]
    ).exists():
        raise ValidationError(_("Your previous linkage run has not finished yet."))
    with transaction.atomic():
        run = LinkageRun.objects.create(
            requested_by=actor,
            agency_id=actor.agency_id,
            threshold=DEFAULT_THRESHOLD,
            progress=_("Waiting for the worker"),
        )
        record_event(actor=actor, event_type=EventType.LINKAGE_RUN_STARTED, obj=run)
        transaction.on_commit(lambda: dispatch(run.pk))
    return run


def dispatch(run_id: int) -> None:
    """Hand the run to the worker (or, with ``LENTERA_TASKS_INLINE``, run it now)."""
    from lentera.apps.insights.tasks import linkage_run

    LinkageRun.objects.filter(pk=run_id).update(attempts=F("attempts") + 1)
    task_id = enqueue(linkage_run, run_id)
    LinkageRun.objects.filter(pk=run_id, status=RunStatus.QUEUED).update(task_id=task_id[:64])


def _records(persons: list[Person]) -> list[PersonRecord]:
    records: list[PersonRecord] = []
    from lentera.linkage import PersonRecord

    for person in persons:
        phones = sealed_json(person.phones)
        records.append(
            PersonRecord(
                id=str(person.pk),
                source="lentera",
                name=unseal(person.full_name),
                birth_date=person.birth_date,
                sex=SEX_CODE.get(person.sex, ""),
                national_id=unseal(person.nik),
                phone=phones[0] if phones else "",
                address=unseal(person.address),
                region=person.region.code if person.region else "",
            )
        )
    return records


def _progress(run_id: int, message: str) -> None:
    LinkageRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).update(
        progress=message[:200], heartbeat_at=timezone.now()
    )


def linkage_run_execute(*, run_id: int) -> LinkageRun:
    """Claim the run if it is QUEUED and run it; a run in any other state (running elsewhere,
    done, failed) is left alone, so delivering the task twice is harmless."""
    run = LinkageRun.objects.select_related("requested_by").get(pk=run_id)
    if run.status != RunStatus.QUEUED:
        return run
    now = timezone.now()
    try:
        transition(
            LinkageRun.objects,
            run.pk,
            from_states=[RunStatus.QUEUED],
            to_state=RunStatus.RUNNING,
            instance=run,
            started_at=now,
            heartbeat_at=now,
            error="",
            progress=_("Started"),
        )
    except Conflict:
        log.info("linkage run %s was started by another worker meanwhile", run_id)
        run.refresh_from_db()
        return run
    with beating(LinkageRun, run.pk):
        return _link(run)


def _link(run: LinkageRun) -> LinkageRun:
    run_id = run.pk
    try:
        from lentera.linkage import link_records

        user = run.requested_by
        persons = list(people.visible(user, Action.RUN_LINKAGE).select_related("region"))
        record_access(
            user=user,
            obj=run,
            fields=["full_name", "nik", "phones", "address"],
            purpose=AccessPurpose.VERIFICATION,
            purpose_note=f"linkage of {len(persons)} records",
            channel="task",
        )
        result = link_records(
            _records(persons),
            threshold=run.threshold,
            review_floor=settings.LENTERA_LINKAGE_REVIEW_FLOOR,
            progress=lambda message: _progress(run.pk, message),
        )
        stored = 0
        with transaction.atomic():
            for pair in result.pairs:
                left, right = sorted((int(pair.left[1]), int(pair.right[1])))
                candidate, created = MatchCandidate.objects.get_or_create(
                    left_id=left,
                    right_id=right,
                    defaults={
                        "run": run,
                        "probability": pair.probability,
                        "reasons": list(pair.reasons),
                        "name_conflict": pair.conflict,
                    },
                )
                if not created and candidate.status == MatchStatus.PENDING:
                    candidate.run, candidate.probability = run, pair.probability
                    candidate.reasons, candidate.name_conflict = (
                        list(pair.reasons),
                        pair.conflict,
                    )
                    candidate.save(update_fields=["run", "probability", "reasons", "name_conflict"])
                stored += 1
            # only while still ours: a run the recovery took back (its beat had stopped) is not
            # finished twice; the rollback drops the pairs stored above
            done = {
                "status": RunStatus.DONE,
                "finished_at": timezone.now(),
                "records": len(persons),
                "comparisons": result.comparisons,
                "candidates": stored,
                "progress": _("Finished"),
            }
            if not LinkageRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(**done):
                raise Conflict()
            for name, value in done.items():
                setattr(run, name, value)
            record_event(
                actor=user,
                event_type=EventType.LINKAGE_RUN_FINISHED,
                obj=run,
                data={"records": len(persons), "candidates": stored},
            )
    except Conflict:
        log.warning("linkage run %s was taken back while it ran; its result is dropped", run_id)
        run.refresh_from_db()
    except Exception as exc:  # a failed run must say so, not hang in "running"
        log.exception("linkage run %s failed", run_id)
        LinkageRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).update(
            status=RunStatus.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        run.refresh_from_db()
    return run


def linkage_runs_recover(*, now: datetime | None = None) -> dict[str, int]:
    """Find the runs a dead worker left behind; queue them again or fail them with the reason.

    A RUNNING run whose heartbeat is older than ``LENTERA_STALE_SECONDS`` lost its worker. A
    QUEUED run older than that whose task is no longer waiting on the queue (it failed before it
    claimed the run, or was lost) was never started. Either is handed to the queue again while it
    has had fewer than ``LENTERA_TASK_MAX_ATTEMPTS`` attempts, and failed after that.
    """
    now = now or timezone.now()
    stale = stale_before(now)
    limit = settings.LENTERA_TASK_MAX_ATTEMPTS
    outcome = {"retried": 0, "failed": 0}
    candidates = list(
        LinkageRun.objects.filter(status=RunStatus.RUNNING, heartbeat_at__lt=stale)
    ) + list(LinkageRun.objects.filter(status=RunStatus.QUEUED, created_at__lt=stale))
    for run in candidates:
        if run.status == RunStatus.QUEUED and task_status(run.task_id) in {"READY", "RUNNING"}:
            continue  # still waiting for a worker: nothing is lost
        if run.status == RunStatus.RUNNING:
            reason = _("The worker stopped during the run (last sign of life %(at)s).") % {
                "at": timezone.localtime(run.heartbeat_at).strftime("%Y-%m-%d %H:%M:%S %Z")
            }
        else:
            reason = _("The run's task was lost before a worker started it.")
        try:
            if run.attempts < limit:
                transition(
                    LinkageRun.objects,
                    run.pk,
                    from_states=[run.status],
                    to_state=RunStatus.QUEUED,
                    instance=run,
                    heartbeat_at=None,
                    progress=(
                        reason
                        + " "
                        + _("Starting again (attempt %(n)s of %(limit)s).")
                        % {"n": run.attempts + 1, "limit": limit}
                    )[:200],
                )
                transaction.on_commit(partial(dispatch, run.pk))
                outcome["retried"] += 1
            else:
                transition(
                    LinkageRun.objects,
                    run.pk,
                    from_states=[run.status],
                    to_state=RunStatus.FAILED,
                    instance=run,
                    finished_at=now,
                    progress="",
                    error=reason
                    + " "
                    + _("Given up after %(n)s attempts: start a new run.") % {"n": run.attempts},
                )
                outcome["failed"] += 1
        except Conflict:  # it moved meanwhile (finished, or another recovery took it)
            continue
        log.warning(
            "linkage run recovered",
            extra={"run": run.pk, "status": run.status, "attempts": run.attempts},
        )
    return outcome


def match_decide(
    *, actor: User, candidate: MatchCandidate, same_person: bool, note: str = ""
) -> MatchCandidate:
    """An officer confirms (same person) or rejects (different people) a candidate pair."""
    if not matches.can(actor, Action.REVIEW_MATCHES, candidate):
        raise PermissionDenied(_("You do not have permission to do this."))
    if candidate.status != MatchStatus.PENDING:
        raise ValidationError(_("This pair has already been decided."))
    with transaction.atomic():
        # the second of two reviewers deciding the same pair at once gets Conflict
        transition(
            MatchCandidate.objects,
            candidate.pk,
            from_states=[MatchStatus.PENDING],
            to_state=MatchStatus.CONFIRMED if same_person else MatchStatus.REJECTED,
            instance=candidate,
            decided_by=actor,
            decided_at=timezone.now(),
            note=note.strip()[:300],
        )
        record_event(
            actor=actor,
            event_type=EventType.MATCH_CONFIRMED if same_person else EventType.MATCH_REJECTED,
            obj=candidate,
            summary=f"#{candidate.left_id} ~ #{candidate.right_id}",
            data={
                "from": MatchStatus.PENDING,
                "to": candidate.status,
                "left": candidate.left_id,
                "right": candidate.right_id,
                "probability": round(candidate.probability, 4),
            },
        )
    return candidate
