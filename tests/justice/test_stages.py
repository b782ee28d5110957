"""Stage transitions as data: every impossible order is refused, dates never go back."""

from datetime import date

import pytest

from lentera.apps.justice import stages as s

D = date(2023, 1, 10)


def seq(*codes):
    return [s.StageStep(code, date(2023, 1, 1 + i)) for i, code in enumerate(codes)]


FULL = seq(
    s.POLICE_REPORT,
    s.INQUIRY,
    s.INVESTIGATION_ORDER,
    s.SPDP,
    s.FILE_STAGE_1,
    s.P19,
    s.FILE_STAGE_1,
    s.P19,
    s.FILE_STAGE_1,
    s.P21,
    s.STAGE_2,
    s.INDICTMENT,
    s.DEMAND,
    s.VERDICT,
    s.APPEAL,
    s.CASSATION,
    s.FINAL,
)


def test_a_full_proceeding_with_two_returns_is_accepted():
    s.check_sequence(FULL)
    assert s.returned_files(FULL) == 2


def test_every_stage_has_a_rule_and_final_is_last():
    assert set(s.NEXT) == set(s.STAGE_ORDER)
    assert s.NEXT[s.FINAL] == frozenset()
    assert all(s.FINAL not in s.NEXT[x] for x in (s.P21, s.INDICTMENT, s.SPDP))


@pytest.mark.parametrize(
    "codes",
    [
        (s.INQUIRY,),  # must start with the police report
        (s.POLICE_REPORT, s.P21),  # P-21 only after file stage I
        (s.POLICE_REPORT, s.INVESTIGATION_ORDER, s.SPDP, s.P21),
        (s.POLICE_REPORT, s.INVESTIGATION_ORDER, s.SPDP, s.FILE_STAGE_1, s.STAGE_2),  # no P-21
        (s.POLICE_REPORT, s.INVESTIGATION_ORDER, s.SPDP, s.FILE_STAGE_1, s.P19, s.P21),
        (s.POLICE_REPORT, s.INVESTIGATION_ORDER, s.FILE_STAGE_1),  # SPDP first
        (s.POLICE_REPORT, s.INQUIRY, s.INQUIRY),
    ],
)
def test_impossible_orders_are_refused(codes):
    with pytest.raises(s.StageOrderError) as err:
        s.check_sequence(seq(*codes))
    assert err.value.index == len(codes) - 1
    assert err.value.stage == codes[-1]


def test_verdict_only_after_indictment_or_demand_and_appeal_only_after_verdict():
    for stage in (s.VERDICT,):
        assert {x for x, nxt in s.NEXT.items() if stage in nxt} == {s.INDICTMENT, s.DEMAND}
    assert {x for x, nxt in s.NEXT.items() if s.APPEAL in nxt} == {s.VERDICT}
    assert {x for x, nxt in s.NEXT.items() if s.CASSATION in nxt} == {s.APPEAL}
    assert {x for x, nxt in s.NEXT.items() if s.STAGE_2 in nxt} == {s.P21}


def test_dates_must_not_go_backwards():
    steps = [s.StageStep(s.POLICE_REPORT, D), s.StageStep(s.INQUIRY, date(2023, 1, 9))]
    with pytest.raises(s.StageOrderError, match="before"):
        s.check_sequence(steps)
    s.check_sequence([s.StageStep(s.POLICE_REPORT, D), s.StageStep(s.INQUIRY, D)])  # same day


def test_unknown_stage():
    with pytest.raises(s.StageError):
        s.allowed_next("p99")
    with pytest.raises(s.StageOrderError):
        s.check_next(None, s.StageStep("p99", D))
