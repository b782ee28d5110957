"""Lost updates on proceedings (issue #11): of two officers recording a stage or an outcome at
once, one wins and the other gets Conflict; one audit event, with the real "from".

The racing tests need PostgreSQL (two real transactions); the sequential ones (a stale read)
run on SQLite too.
"""

from datetime import date

import pytest

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.justice import services
from lentera.apps.justice.models import Proceeding, StageEvent
from tests.concurrency import events, one_winner, race, read_then


@pytest.fixture
def proceeding(cast, justice, four_suspects):
    return services.proceeding_open(
        actor=cast.kupang_police_investigator,
        suspect=four_suspects[0],
        police_report_date=date(2023, 2, 1),
        prosecution_agency=justice.kupang_prosecution,
    )


def load(pk):
    return lambda: Proceeding.objects.select_related("case").get(pk=pk)


def stage(actor, code, on):
    return lambda p: services.stage_record(actor=actor, proceeding=p, stage=code, on=on)


def dismiss(actor, reason):
    return lambda p: services.outcome_record(
        actor=actor, proceeding=p, outcome="dismissed", on=date(2023, 3, 1), dismissal_reason=reason
    )


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_stage_race_has_one_winner(cast, proceeding):
    """Inquiry and investigation order both follow the police report; recorded at once, the
    second must not land on top of the first one it never saw."""
    inv = cast.kupang_police_investigator
    one_winner(
        race(
            read_then(load(proceeding.pk), stage(inv, "inquiry", date(2023, 2, 3))),
            read_then(load(proceeding.pk), stage(inv, "investigation_order", date(2023, 2, 5))),
        )
    )
    assert StageEvent.objects.filter(proceeding=proceeding).count() == 2  # opening + winner
    recorded = events("proceeding_stage_recorded", proceeding=proceeding.pk)
    assert len(recorded) == 1 and recorded[0].data["from"] == "police_report"
    assert Proceeding.objects.get(pk=proceeding.pk).current_stage == recorded[0].data["stage"]


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_outcome_race_has_one_winner(cast, proceeding):
    inv = cast.kupang_police_investigator
    winner, _ = one_winner(
        race(
            read_then(load(proceeding.pk), dismiss(inv, "Tidak cukup bukti")),
            read_then(load(proceeding.pk), dismiss(inv, "Tersangka meninggal")),
        )
    )
    stored = Proceeding.objects.get(pk=proceeding.pk)
    assert stored.dismissal_reason == winner.dismissal_reason
    recorded = events("proceeding_outcome_recorded", proceeding=proceeding.pk)
    assert len(recorded) == 1 and recorded[0].data["from"] == ""


@pytest.mark.django_db
def test_stale_stage_and_outcome_are_conflicts(cast, proceeding):
    inv = cast.kupang_police_investigator
    stale = Proceeding.objects.get(pk=proceeding.pk)
    services.stage_record(actor=inv, proceeding=proceeding, stage="inquiry", on=date(2023, 2, 3))
    with pytest.raises(Conflict):  # legal after the inquiry, but the officer never saw it
        stage(inv, "investigation_order", date(2023, 2, 5))(stale)
    assert len(events("proceeding_stage_recorded", proceeding=proceeding.pk)) == 1
    stale = Proceeding.objects.get(pk=proceeding.pk)
    dismiss(inv, "Tidak cukup bukti")(proceeding)
    with pytest.raises(Conflict):
        dismiss(inv, "Tersangka meninggal")(stale)
    assert Proceeding.objects.get(pk=proceeding.pk).dismissal_reason == "Tidak cukup bukti"
    assert len(events("proceeding_outcome_recorded", proceeding=proceeding.pk)) == 1
