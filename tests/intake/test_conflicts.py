"""Lost updates on complaints (issue #11): of two officers triaging, closing, linking or
reopening one complaint at once, one wins and the other gets Conflict; one audit event, with
the real "from" status.

The racing tests need PostgreSQL (two real transactions); the sequential ones (a stale read)
run on SQLite too.
"""

import pytest

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.cases import services as case_services
from lentera.apps.intake import services
from lentera.apps.intake.models import Complaint
from tests.concurrency import events, one_winner, race, read_then


def load(pk):
    return lambda: Complaint.objects.get(pk=pk)


def triage(actor, **overrides):
    def act(complaint):
        values = {
            "version": complaint.version,
            "involves_child": complaint.involves_child,
            "danger_now": complaint.danger_now,
            "departure_today": complaint.departure_today,
            "migrant_worker": complaint.migrant_worker,
        }
        return services.complaint_triage(actor=actor, complaint=complaint, **(values | overrides))

    return act


def close(actor, reason="duplicate"):
    return lambda c: services.complaint_close(actor=actor, complaint=c, reason=reason)


def linked_case(cast, regions):
    return case_services.case_open(
        actor=cast.kupang_uptd_intake,
        title="Anak dijanjikan kerja di Batam",
        region=regions["53.71"],
    )


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_triage_race_has_one_winner(cast, public_complaint):
    actor = cast.kupang_uptd_intake
    winner, _ = one_winner(
        race(
            read_then(load(public_complaint.pk), triage(actor, danger_now=True)),
            read_then(load(public_complaint.pk), triage(actor, migrant_worker=True)),
        )
    )
    stored = Complaint.objects.get(pk=public_complaint.pk)
    assert (stored.danger_now, stored.migrant_worker) == (winner.danger_now, winner.migrant_worker)
    assert stored.version == public_complaint.version + 1
    triaged = events("complaint_triaged")
    assert len(triaged) == 1 and triaged[0].data["from"] == "received"


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_close_and_link_race_has_one_winner(cast, regions, public_complaint):
    actor = cast.kupang_uptd_intake
    case = linked_case(cast, regions)
    attach = lambda c: services.complaint_attach(actor=actor, complaint=c, case=case)  # noqa: E731
    winner, _ = one_winner(
        race(
            read_then(load(public_complaint.pk), close(actor)),
            read_then(load(public_complaint.pk), attach),
        )
    )
    assert Complaint.objects.get(pk=public_complaint.pk).status == winner.status
    written = events("complaint_closed") + events("complaint_linked")
    assert len(written) == 1 and written[0].data["from"] == "received"


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_reopen_race_has_one_winner(cast, public_complaint):
    actor = cast.kupang_uptd_intake
    close(actor)(public_complaint)
    reopen = lambda c: services.complaint_reopen(actor=actor, complaint=c, reason="Bukan duplikat")  # noqa: E731
    one_winner(
        race(
            read_then(load(public_complaint.pk), reopen),
            read_then(load(public_complaint.pk), reopen),
        )
    )
    reopened = events(services.COMPLAINT_REOPENED)
    assert len(reopened) == 1 and reopened[0].data["from"] == "closed"


@pytest.mark.django_db
def test_stale_complaint_is_a_conflict(cast, regions, public_complaint):
    actor = cast.kupang_uptd_intake
    case = linked_case(cast, regions)
    stale = Complaint.objects.get(pk=public_complaint.pk)
    triage(actor, danger_now=True)(public_complaint)
    with pytest.raises(Conflict):  # closing a triaged complaint is legal: the read is stale
        close(actor)(stale)
    with pytest.raises(Conflict):
        services.complaint_attach(actor=actor, complaint=stale, case=case)
    assert Complaint.objects.get(pk=public_complaint.pk).status == "triaged"
    assert not events("complaint_closed") and not events("complaint_linked")
    triaged = events("complaint_triaged")
    assert len(triaged) == 1 and triaged[0].data["from"] == "received"
