"""Lost updates in the linkage review (issue #11): of two reviewers deciding one pair at once,
one wins and the other gets Conflict; one audit event, with the real "from". Two workers
starting the same run at once: one runs it, the other leaves it alone.

The racing tests need PostgreSQL (two real transactions); the sequential one (a stale read)
runs on SQLite too.
"""

from datetime import date

import pytest

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.models import AccessLog
from lentera.apps.insights import services
from lentera.apps.insights.models import LinkageRun, MatchCandidate, RunStatus
from lentera.apps.people.services import person_create
from tests.concurrency import events, gated, in_threads, one_winner, race, read_then


@pytest.fixture
def pair(cast, regions):
    def person(agency, name, phone):
        return person_create(
            actor=None,
            owner_agency=agency,
            full_name=name,
            sex="male",
            birth_date=date(1990, 5, 4),
            phones=[phone],
            region=regions["53.71"],
        )

    a = person(cast.kupang_uptd, "Muhammad Rizky Taneo", "0812-3456-7001")
    b = person(cast.kupang_police, "M. Rizki Taneo", "+62 812 3456 7001")
    left, right = sorted((a, b), key=lambda p: p.pk)
    return MatchCandidate.objects.create(left=left, right=right, probability=0.97)


def decide(actor, same):
    return lambda c: services.match_decide(actor=actor, candidate=c, same_person=same)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_match_decision_race_has_one_winner(cast, pair):
    load = lambda: MatchCandidate.objects.get(pk=pair.pk)  # noqa: E731
    winner, _ = one_winner(
        race(
            read_then(load, decide(cast.kupang_analyst, True)),
            read_then(load, decide(cast.kupang_analyst, False)),
        )
    )
    assert MatchCandidate.objects.get(pk=pair.pk).status == winner.status
    decided = events("match_confirmed") + events("match_rejected")
    assert len(decided) == 1 and decided[0].data["from"] == "pending"


@pytest.mark.django_db
def test_stale_match_decision_is_a_conflict(cast, pair):
    stale = MatchCandidate.objects.get(pk=pair.pk)
    decide(cast.kupang_analyst, True)(pair)
    with pytest.raises(Conflict):
        decide(cast.kupang_analyst, False)(stale)
    assert MatchCandidate.objects.get(pk=pair.pk).status == "confirmed"
    assert len(events("match_confirmed")) == 1 and not events("match_rejected")


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_run_started_twice_at_once_runs_once(cast, pair, monkeypatch):
    run = LinkageRun.objects.create(requested_by=cast.kupang_analyst, threshold=0.9)
    gated(monkeypatch, services, "transition")
    outcomes = in_threads(
        lambda: services.linkage_run_execute(run_id=run.pk),
        lambda: services.linkage_run_execute(run_id=run.pk),
    )
    assert all(isinstance(o, LinkageRun) for o in outcomes), outcomes
    assert LinkageRun.objects.get(pk=run.pk).status == RunStatus.DONE
    assert len(events("linkage_run_finished")) == 1
    assert AccessLog.objects.filter(object_type="insights.linkagerun").count() == 1
