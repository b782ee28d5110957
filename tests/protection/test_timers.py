"""Every legal timer with a fake clock: due, overdue, done on time (and done late)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lentera.apps.protection import selectors, services
from lentera.apps.protection.models import Assessment, Referral, Restitution, ReturnPlan, Service
from lentera.apps.protection.timers import (
    Timer,
    TimerKind,
    TimerState,
    add_months,
    timers_for_case,
)
from tests.protection.conftest import accepted_referral

pytestmark = pytest.mark.django_db
H = timedelta(hours=1)
D = timedelta(days=1)


def only(case, kind):
    found = [t for t in timers_for_case(case.pk) if t.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_add_months_clamps():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 8, 31), 6) == date(2025, 2, 28)
    assert add_months(date(2024, 11, 5), 3) == date(2025, 2, 5)


def test_timer_states_pure():
    start = datetime(2025, 1, 1, tzinfo=UTC)
    t = Timer(TimerKind.FIRST_AID, 1, 1, 1, start, start + 7 * D, None, 1)
    assert t.state(start + D) == TimerState.DUE
    assert t.state(start + 8 * D) == TimerState.OVERDUE
    done = Timer(TimerKind.FIRST_AID, 1, 1, 1, start, start + 7 * D, start + 2 * D, 1)
    assert done.state(start + 30 * D) == TimerState.DONE_ON_TIME
    late = Timer(TimerKind.FIRST_AID, 1, 1, 1, start, start + 7 * D, start + 9 * D, 1)
    assert late.state(start + 30 * D) == TimerState.DONE_LATE


@pytest.fixture
def accepted_at_ppt(cast, adult):
    """Referred with consent to UPTD PPA Pontianak (a service centre), accepted two days ago."""
    return accepted_referral(cast, adult, days_ago=2)


def test_police_report_24_hours(cast, uptd_case, accepted_at_ppt):
    received = accepted_at_ppt.responded_at
    t = only(uptd_case, TimerKind.POLICE_REPORT)
    assert t.agency_id == cast.pontianak_uptd.pk
    assert t.state(received + 23 * H) == TimerState.DUE
    assert t.state(received + 25 * H) == TimerState.OVERDUE
    assert selectors.overdue_for(user=cast.pontianak_caseworker, now=received + 25 * H) == [t]
    assert selectors.overdue_for(user=cast.kupang_uptd_caseworker, now=received + 25 * H) == []
    services.referral_police_reported(
        actor=cast.pontianak_caseworker, referral=accepted_at_ppt, at=received + 3 * H
    )
    t = only(uptd_case, TimerKind.POLICE_REPORT)
    assert t.state(received + 25 * H) == TimerState.DONE_ON_TIME
    assert selectors.overdue_for(user=cast.pontianak_caseworker, now=received + 25 * H) == []


def test_police_report_late_and_not_for_non_centres(cast, uptd_case, accepted_at_ppt):
    received = accepted_at_ppt.responded_at
    Referral.objects.filter(pk=accepted_at_ppt.pk).update(police_reported_at=received + 30 * H)
    assert only(uptd_case, TimerKind.POLICE_REPORT).state(received) == TimerState.DONE_LATE
    Referral.objects.filter(pk=accepted_at_ppt.pk).update(to_agency=cast.batam_dinsos)
    assert not [t for t in timers_for_case(uptd_case.pk) if t.kind == TimerKind.POLICE_REPORT]


def test_first_aid_7_days(cast, adult, uptd_case):
    s = services.service_plan(
        actor=cast.kupang_uptd_caseworker,
        party=adult,
        service_type="health",
        provider_agency=cast.kupang_uptd,
        urgent=True,
    )
    Service.objects.filter(pk=s.pk).update(recorded_at=timezone.now() - 10 * D)
    s.refresh_from_db()
    t = only(uptd_case, TimerKind.FIRST_AID)
    assert t.state(s.recorded_at + 6 * D) == TimerState.DUE
    assert t.state(s.recorded_at + 8 * D) == TimerState.OVERDUE
    assert selectors.overdue_for(user=cast.kupang_uptd_caseworker, now=s.recorded_at + 8 * D)
    services.service_set_status(
        actor=cast.kupang_uptd_caseworker,
        service=s,
        status="in_progress",
        at=s.recorded_at + 2 * D,
    )
    assert only(uptd_case, TimerKind.FIRST_AID).state(s.recorded_at + 8 * D) == (
        TimerState.DONE_ON_TIME
    )
    # not urgent: no timer
    services.service_plan(
        actor=cast.kupang_uptd_caseworker,
        party=adult,
        service_type="health",
        provider_agency=cast.kupang_uptd,
    )
    assert len([t for t in timers_for_case(uptd_case.pk) if t.kind == TimerKind.FIRST_AID]) == 1


def test_evaluation_every_6_months(cast, adult, uptd_case):
    a = services.assessment_record(
        actor=cast.kupang_uptd_caseworker, party=adult, needs={"safety": "high"}
    )
    assert not [t for t in timers_for_case(uptd_case.pk) if t.kind == TimerKind.EVALUATION]
    services.service_plan(
        actor=cast.kupang_uptd_caseworker,
        party=adult,
        service_type="psychosocial",
        provider_agency=cast.kupang_uptd,
    )
    t = only(uptd_case, TimerKind.EVALUATION)
    assert t.state(a.recorded_at + 170 * D) == TimerState.DUE
    assert t.state(a.recorded_at + 200 * D) == TimerState.OVERDUE
    b = services.assessment_record(
        actor=cast.kupang_uptd_caseworker, party=adult, needs={"safety": "low"}
    )
    Assessment.objects.filter(pk=b.pk).update(recorded_at=a.recorded_at + 150 * D)
    states = sorted(
        t.state(a.recorded_at + 200 * D)
        for t in timers_for_case(uptd_case.pk)
        if t.kind == TimerKind.EVALUATION
    )
    assert states == [TimerState.DONE_ON_TIME, TimerState.DUE]


def test_restitution_payment_and_warning(cast, adult, uptd_case):
    r = services.restitution_claim(
        actor=cast.kupang_uptd_caseworker,
        party=adult,
        amount_claimed=25_000_000,
        basis="Upah yang dijanjikan, biaya pulang",
    )
    today = timezone.localdate()
    notice = today - timedelta(days=40)
    r = services.restitution_update(
        actor=cast.kupang_uptd_caseworker,
        restitution=r,
        version=r.version,
        in_demand_on=notice - timedelta(days=60),
        ordered_on=notice - timedelta(days=30),
        amount_ordered=20_000_000,
        final_notice_on=notice,
    )
    assert r.status == "final"
    t = only(uptd_case, TimerKind.RESTITUTION_PAYMENT)
    start = datetime.combine(notice, datetime.min.time(), tzinfo=UTC)
    assert t.state(start + 14 * D + 12 * H) == TimerState.DUE  # day 14 still counts
    assert t.state(start + 15 * D + H) == TimerState.OVERDUE
    r = services.restitution_update(
        actor=cast.kupang_uptd_caseworker,
        restitution=r,
        version=r.version,
        warning_on=notice + timedelta(days=16),
    )
    assert r.status == "warned"
    w = only(uptd_case, TimerKind.RESTITUTION_WARNING)
    assert w.state(start + 20 * D) == TimerState.DUE
    assert w.state(start + 31 * D + H) == TimerState.OVERDUE
    r = services.restitution_update(
        actor=cast.kupang_uptd_caseworker,
        restitution=r,
        version=r.version,
        paid_on=notice + timedelta(days=25),
        amount_paid=20_000_000,
    )
    assert r.status == "paid"
    assert only(uptd_case, TimerKind.RESTITUTION_WARNING).state(start) == TimerState.DONE_ON_TIME
    assert only(uptd_case, TimerKind.RESTITUTION_PAYMENT).state(start) == TimerState.DONE_LATE
    with pytest.raises(ValidationError) as exc:
        services.restitution_update(
            actor=cast.kupang_uptd_caseworker, restitution=r, version=1, paid_on=today
        )
    assert Restitution.objects.get(pk=r.pk).paid_on == notice + timedelta(days=25)
    del exc


def test_restitution_steps_must_follow_each_other(cast, adult):
    r = services.restitution_claim(
        actor=cast.kupang_uptd_caseworker, party=adult, amount_claimed=1_000, basis="ongkos"
    )
    today = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.restitution_update(
            actor=cast.kupang_uptd_caseworker, restitution=r, version=1, warning_on=today
        )
    assert "warning_on" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.restitution_update(
            actor=cast.kupang_uptd_caseworker,
            restitution=r,
            version=1,
            in_demand_on=today,
            ordered_on=today - timedelta(days=3),
            amount_ordered=5,
        )
    assert "ordered_on" in exc.value.message_dict


def test_reintegration_at_least_3_months(cast, adult, uptd_case, regions):
    plan = services.return_plan(
        actor=cast.kupang_uptd_caseworker,
        party=adult,
        victim_wishes_return=True,
        family_assessed=True,
        family_assessment="Keluarga siap menerima",
        safe_to_return=True,
        home_region=regions["53.71"],
        travel="Kapal Batam–Kupang",
    )
    returned = timezone.localdate() - timedelta(days=120)
    services.return_complete(
        actor=cast.kupang_uptd_caseworker, plan=plan, returned_on=returned, handover_to="Ibu"
    )
    start = datetime.combine(returned, datetime.min.time(), tzinfo=UTC)
    t = only(uptd_case, TimerKind.REINTEGRATION)
    assert t.state(start + 30 * D) == TimerState.WAITING
    assert t.state(start + 100 * D) == TimerState.DUE
    assert t.state(start + 130 * D) == TimerState.OVERDUE
    with pytest.raises(ValidationError) as exc:
        services.reintegration_visit(
            actor=cast.kupang_uptd_caseworker,
            plan=plan,
            visited_on=returned + timedelta(days=30),
            closes_follow_up=True,
        )
    assert "closes_follow_up" in exc.value.message_dict
    services.reintegration_visit(
        actor=cast.kupang_uptd_caseworker,
        plan=ReturnPlan.objects.get(pk=plan.pk),
        visited_on=add_months(returned, 3) + timedelta(days=2),
        wellbeing="Sudah bekerja di pasar",
        closes_follow_up=True,
    )
    assert only(uptd_case, TimerKind.REINTEGRATION).state(start + 200 * D) == (
        TimerState.DONE_ON_TIME
    )


def test_return_needs_wish_family_and_safety(cast, adult, regions):
    plan = services.return_plan(
        actor=cast.kupang_uptd_caseworker,
        party=adult,
        victim_wishes_return=False,
        home_region=regions["53.71"],
    )
    with pytest.raises(ValidationError) as exc:
        services.return_complete(
            actor=cast.kupang_uptd_caseworker, plan=plan, returned_on=timezone.localdate()
        )
    assert {"victim_wishes_return", "family_assessed", "safe_to_return", "handover_to"} <= set(
        exc.value.message_dict
    )
    assert ReturnPlan.objects.get(pk=plan.pk).status == "planned"
    assert not Service.objects.exists()
