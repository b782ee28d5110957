"""Linkage runs and match review.

A run is a background task: :func:`linkage_run_start` records it and hands its id to
:func:`dispatch`; :func:`linkage_run_execute` re-fetches the run, links the person records its
requester may see with the :mod:`lentera.linkage` model, and stores every pair above the review
floor as a candidate for an officer to confirm or reject. Running it again is safe: decided
candidates keep their decision, pending ones take the newest score.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import close_old_connections, transaction
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
            requested_by=actor, agency_id=actor.agency_id, threshold=DEFAULT_THRESHOLD
        )
        record_event(actor=actor, event_type=EventType.LINKAGE_RUN_STARTED, obj=run)
        transaction.on_commit(lambda: dispatch(run.pk))
    return run


def dispatch(run_id: int) -> None:
    """Run inline (tests, ``LENTERA_TASKS_INLINE=1``) or in a background thread."""
    if settings.LENTERA_TASKS_INLINE:
        linkage_run_execute(run_id=run_id)
        return

    def work() -> None:
        try:
            linkage_run_execute(run_id=run_id)
        finally:
            close_old_connections()

    threading.Thread(target=work, name=f"linkage-run-{run_id}", daemon=True).start()


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
    LinkageRun.objects.filter(pk=run_id).update(progress=message[:200])


def linkage_run_execute(*, run_id: int) -> LinkageRun:
    run = LinkageRun.objects.select_related("requested_by").get(pk=run_id)
    if run.status == RunStatus.DONE:
        return run
    try:
        transition(
            LinkageRun.objects,
            run.pk,
            from_states=[run.status],
            to_state=RunStatus.RUNNING,
            instance=run,
            started_at=timezone.now(),
            error="",
        )
    except Conflict:
        log.info("linkage run %s was started by another worker meanwhile", run_id)
        run.refresh_from_db()
        return run
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
            run.status, run.finished_at = RunStatus.DONE, timezone.now()
            run.records, run.comparisons, run.candidates = len(persons), result.comparisons, stored
            run.progress = _("Finished")
            run.save(
                update_fields=[
                    "status",
                    "finished_at",
                    "records",
                    "comparisons",
                    "candidates",
                    "progress",
                ]
            )
            record_event(
                actor=user,
                event_type=EventType.LINKAGE_RUN_FINISHED,
                obj=run,
                data={"records": len(persons), "candidates": stored},
            )
    except Exception as exc:  # a failed run must say so, not hang in "running"
        log.exception("linkage run %s failed", run_id)
        LinkageRun.objects.filter(pk=run_id).update(
            status=RunStatus.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
        )
        run.refresh_from_db()
    return run


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
