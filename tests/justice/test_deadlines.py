"""Deadline computation on both procedure codes and across 2 January 2026, with a fake clock."""

from datetime import date, timedelta

import pytest

from lentera.apps.justice import deadlines as d
from lentera.apps.justice import stages as s


def by_code(found, code):
    return [x for x in found if x.code == code]


def test_procedure_code_from_the_police_report_date():
    assert d.procedure_code_for(date(2025, 12, 31)) == d.ProcedureCode.KUHAP1981
    assert d.procedure_code_for(date(2026, 1, 1)) == d.ProcedureCode.KUHAP1981
    assert d.procedure_code_for(date(2026, 1, 2)) == d.ProcedureCode.KUHAP2025


def test_1981_periods_are_the_verified_ones_and_2025_defaults_to_them():
    p = d.KUHAP_1981
    assert (p.spdp, p.prosecutor_review, p.p19_return, p.appeal, p.cassation) == (7, 7, 14, 7, 14)
    limits = {lvl: p.detention_limits(lvl) for lvl in d.DetentionLevel}
    assert limits == {
        d.DetentionLevel.INVESTIGATOR: (20, 40),
        d.DetentionLevel.PROSECUTOR: (20, 30),
        d.DetentionLevel.DISTRICT_COURT: (30, 60),
        d.DetentionLevel.APPEAL: (30, 60),
        d.DetentionLevel.CASSATION: (50, 60),
    }
    assert d.periods_for(d.ProcedureCode.KUHAP2025) == p
    # overrides change only the 2025 code
    assert d.periods_for(d.ProcedureCode.KUHAP1981, {"spdp": 3}).spdp == 7
    assert d.periods_for(d.ProcedureCode.KUHAP2025, {"spdp": 3}).spdp == 3


def test_invalid_overrides():
    with pytest.raises(d.InvalidPeriod) as err:
        d.KUHAP_1981.with_overrides({"spdpp": 3})
    assert err.value.name == "spdpp"
    for bad in (0, 401, True, "7"):
        with pytest.raises(d.InvalidPeriod):
            d.KUHAP_1981.with_overrides({"appeal": bad})


ORDER = date(2025, 3, 3)


@pytest.mark.parametrize(
    ("spdp_on", "today", "status", "left"),
    [
        (None, ORDER + timedelta(days=3), d.Status.DUE, 4),
        (None, ORDER + timedelta(days=7), d.Status.DUE, 0),
        (None, ORDER + timedelta(days=8), d.Status.OVERDUE, -1),
        (ORDER + timedelta(days=7), ORDER + timedelta(days=30), d.Status.MET, 0),
        (ORDER + timedelta(days=9), ORDER + timedelta(days=30), d.Status.MET_LATE, 0),
    ],
)
def test_spdp_statuses_with_a_fake_clock(spdp_on, today, status, left):
    steps = [d.Step(s.POLICE_REPORT, ORDER), d.Step(s.INVESTIGATION_ORDER, ORDER)]
    if spdp_on:
        steps.append(d.Step(s.SPDP, spdp_on))
    (spdp,) = by_code(d.compute_deadlines(steps, [], d.KUHAP_1981, today), "spdp")
    assert spdp.due == date(2025, 3, 10)
    assert (spdp.status, spdp.days_left, spdp.met_on) == (status, left, spdp_on)
    assert spdp.kind == d.Kind.DUTY and "130" in spdp.basis


def test_review_and_p19_return_repeat_with_each_round():
    t0 = date(2025, 5, 1)
    steps = [
        d.Step(s.POLICE_REPORT, t0),
        d.Step(s.INVESTIGATION_ORDER, t0),
        d.Step(s.SPDP, t0 + timedelta(days=2)),
        d.Step(s.FILE_STAGE_1, date(2025, 6, 1)),
        d.Step(s.P19, date(2025, 6, 6)),  # review on time
        d.Step(s.FILE_STAGE_1, date(2025, 6, 25)),  # back after 19 days: late
        d.Step(s.P19, date(2025, 7, 10)),  # review after 15 days: late
    ]
    found = d.compute_deadlines(steps, [], d.KUHAP_1981, today=date(2025, 7, 20))
    reviews = by_code(found, "prosecutor_review")
    returns = by_code(found, "p19_return")
    assert [(r.due, r.status) for r in reviews] == [
        (date(2025, 6, 8), d.Status.MET),
        (date(2025, 7, 2), d.Status.MET_LATE),
    ]
    assert [(r.due, r.status, r.days_left) for r in returns] == [
        (date(2025, 6, 20), d.Status.MET_LATE, 0),
        (date(2025, 7, 24), d.Status.DUE, 4),
    ]


def test_appeal_and_cassation_windows():
    v = date(2025, 9, 1)
    verdict = [d.Step(s.INDICTMENT, v), d.Step(s.VERDICT, v)]
    (appeal,) = by_code(d.compute_deadlines(verdict, [], d.KUHAP_1981, v), "appeal")
    assert (appeal.due, appeal.status, appeal.kind) == (
        date(2025, 9, 8),
        d.Status.DUE,
        d.Kind.WINDOW,
    )
    (lapsed,) = by_code(d.compute_deadlines(verdict, [], d.KUHAP_1981, date(2025, 9, 9)), "appeal")
    assert lapsed.status == d.Status.LAPSED  # not "overdue": nobody failed a duty
    steps = [*verdict, d.Step(s.APPEAL, date(2025, 9, 5), decided_on=date(2025, 11, 3))]
    found = d.compute_deadlines(steps, [], d.KUHAP_1981, date(2025, 11, 10))
    assert by_code(found, "appeal")[0].status == d.Status.MET
    (cassation,) = by_code(found, "cassation")
    assert (cassation.start, cassation.due, cassation.status) == (
        date(2025, 11, 3),
        date(2025, 11, 17),
        d.Status.DUE,
    )
    final = [*steps, d.Step(s.FINAL, date(2025, 11, 12))]
    done = d.compute_deadlines(final, [], d.KUHAP_1981, date(2025, 11, 12))
    assert by_code(done, "cassation")[0].status == d.Status.LAPSED


def test_detention_countdown_extensions_and_limits():
    start = date(2025, 4, 1)
    held = d.DetentionPeriod(d.DetentionLevel.INVESTIGATOR, start)
    (x,) = d.compute_deadlines([], [held], d.KUHAP_1981, date(2025, 4, 15))
    assert (x.due, x.days_left, x.status, x.period_days) == (date(2025, 4, 20), 5, d.Status.DUE, 20)
    extended = d.DetentionPeriod(d.DetentionLevel.INVESTIGATOR, start, extension_days=40)
    (y,) = d.compute_deadlines([], [extended], d.KUHAP_1981, date(2025, 6, 1))
    assert (y.due, y.status, y.period_days) == (date(2025, 5, 30), d.Status.OVERDUE, 60)
    released = d.DetentionPeriod(d.DetentionLevel.INVESTIGATOR, start, end=date(2025, 4, 20))
    (z,) = d.compute_deadlines([], [released], d.KUHAP_1981, date(2025, 6, 1))
    assert z.status == d.Status.MET
    court = d.DetentionPeriod(
        d.DetentionLevel.DISTRICT_COURT, start, extension_days=60, exceptional_days=30
    )
    (c,) = d.compute_deadlines([], [court], d.KUHAP_1981, start)
    assert c.period_days == 120 and "29" in c.basis
    with pytest.raises(d.InvalidPeriod):
        d.compute_deadlines(
            [],
            [d.DetentionPeriod(d.DetentionLevel.PROSECUTOR, start, extension_days=31)],
            d.KUHAP_1981,
            start,
        )
    with pytest.raises(d.InvalidPeriod):
        d.compute_deadlines(
            [],
            [d.DetentionPeriod(d.DetentionLevel.PROSECUTOR, start, exceptional_days=61)],
            d.KUHAP_1981,
            start,
        )


def test_across_the_boundary_each_proceeding_keeps_its_code():
    """Two investigations ordered the same day, one on a 2025 report and one on a 2026 report:
    the 2025 one keeps the 1981 periods even for acts after 2 January 2026."""
    overrides = {"spdp": 3, "detention_investigator": 30}
    order = date(2026, 1, 5)
    for report, expect_code, spdp_due, detention_due in (
        (date(2025, 12, 31), d.ProcedureCode.KUHAP1981, date(2026, 1, 12), date(2026, 1, 24)),
        (date(2026, 1, 2), d.ProcedureCode.KUHAP2025, date(2026, 1, 8), date(2026, 2, 3)),
    ):
        code = d.procedure_code_for(report)
        assert code == expect_code
        periods = d.periods_for(code, overrides)
        steps = [d.Step(s.POLICE_REPORT, report), d.Step(s.INVESTIGATION_ORDER, order)]
        held = [d.DetentionPeriod(d.DetentionLevel.INVESTIGATOR, order)]
        found = d.compute_deadlines(steps, held, periods, today=date(2026, 1, 10))
        spdp = by_code(found, "spdp")[0]
        assert spdp.due == spdp_due
        assert by_code(found, "detention")[0].due == detention_due
        expected = d.Status.OVERDUE if code == d.ProcedureCode.KUHAP2025 else d.Status.DUE
        assert spdp.status == expected


@pytest.mark.parametrize(
    ("idle", "limit", "closed", "stalled"),
    [(60, 60, False, False), (61, 60, False, True), (61, 60, True, False), (31, 30, False, True)],
)
def test_stall_detection(idle, limit, closed, stalled):
    today = date(2026, 3, 1)
    last = today - timedelta(days=idle)
    assert d.is_stalled(last, today, stall_days=limit, closed=closed) is stalled


def test_stall_days_must_be_positive():
    with pytest.raises(d.InvalidPeriod):
        d.is_stalled(date(2026, 1, 1), date(2026, 3, 1), stall_days=0)
