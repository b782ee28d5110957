"""The stall list from an index (issue #21 item 4): each proceeding's watch day, cleared on every
change and worked out again by the worker's job, gives the same list and counter as working out
every open proceeding's deadlines."""

from datetime import date, timedelta

import pytest

from lentera.apps.justice import selectors, services, tasks, watching
from lentera.apps.justice.models import Proceeding

pytestmark = pytest.mark.django_db


def exact(user, today):
    return {
        w.proceeding.pk
        for w in selectors.watch_list(user=user, today=today)
        if w.stalled or w.overdue
    }


def test_watch_days_give_the_same_list_and_counter(cast, justice, four_suspects):
    inv = cast.kupang_police_investigator
    recent = date.today() - timedelta(days=3)
    old = services.proceeding_open(
        actor=inv,
        suspect=four_suspects[0],
        police_report_date=date(2023, 2, 1),
        prosecution_agency=justice.kupang_prosecution,
    )
    fresh = services.proceeding_open(
        actor=inv,
        suspect=four_suspects[1],
        police_report_date=recent,
        prosecution_agency=justice.kupang_prosecution,
    )
    assert set(Proceeding.objects.values_list("watch_from", flat=True)) == {None}
    assert watching.refresh() == 2
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.watch_from is not None and old.watch_from <= date.today()
    assert fresh.watch_from is not None  # the SPDP is due within days: on the list from then
    for user in (inv, justice.kupang_secretariat):
        today = date.today()
        listed = {w.proceeding.pk for w in selectors.stalled_or_overdue(user=user, today=today)}
        assert listed == exact(user, today) == {old.pk}
        assert selectors.stalled_or_overdue_count(user=user, today=today) == 1
        later = fresh.watch_from + timedelta(days=1)
        assert {w.proceeding.pk for w in selectors.stalled_or_overdue(user=user, today=later)} == (
            exact(user, later)
        )
        assert selectors.stalled_or_overdue_count(user=user, today=later) == len(exact(user, later))


def test_a_change_clears_the_day_and_the_job_works_it_out_again(cast, justice, four_suspects):
    inv = cast.kupang_police_investigator
    p = services.proceeding_open(
        actor=inv,
        suspect=four_suspects[0],
        police_report_date=date(2023, 2, 1),
        prosecution_agency=justice.kupang_prosecution,
    )
    tasks.refresh_watch_task.call()
    p.refresh_from_db()
    assert p.watch_from is not None
    services.stage_record(actor=inv, proceeding=p, stage="investigation_order", on=date.today())
    p.refresh_from_db()
    assert p.watch_from is None  # changed: worked out exactly until the job runs
    today = date.today()
    assert selectors.stalled_or_overdue_count(user=inv, today=today) == len(exact(inv, today))
    tasks.refresh_watch_task.call()
    p.refresh_from_db()
    assert p.watch_from is not None
    assert selectors.stalled_or_overdue_count(user=inv, today=today) == len(exact(inv, today))
