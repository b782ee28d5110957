"""Services: opening, recording stages in order, charges, detention, outcome, settings; the
case timeline shows each step; stall and overdue watch lists with a fake clock."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AuditEvent
from lentera.apps.cases import selectors as case_selectors
from lentera.apps.justice import deadlines as d
from lentera.apps.justice import selectors, services
from lentera.apps.justice.models import DeadlineSetting, Proceeding, StageEvent

pytestmark = pytest.mark.django_db


def open_one(cast, justice, party, report=date(2023, 2, 1)):
    return services.proceeding_open(
        actor=cast.kupang_police_investigator,
        suspect=party,
        police_report_date=report,
        police_report_number="LP/B/12/II/2023/SPKT/Polresta Kupang Kota",
        prosecution_agency=justice.kupang_prosecution,
    )


def record(actor, p, stage, on, **kw):
    return services.stage_record(actor=actor, proceeding=p, stage=stage, on=on, **kw)


def test_open_and_record_through_p19_and_p21(cast, justice, four_suspects, kupang_batam_case):
    inv, pros = cast.kupang_police_investigator, justice.kupang_prosecutor
    p = open_one(cast, justice, four_suspects[0])
    assert (p.procedure_code, p.current_stage, p.police_agency) == (
        "KUHAP1981",
        "police_report",
        cast.kupang_police,
    )
    record(inv, p, "investigation_order", date(2023, 2, 10))
    record(inv, p, "spdp", date(2023, 2, 14))
    record(inv, p, "file_stage_1", date(2023, 4, 1))
    record(pros, p, "p19", date(2023, 4, 6), instructions="Lengkapi keterangan ahli.")
    record(inv, p, "file_stage_1", date(2023, 4, 18))
    record(pros, p, "p21", date(2023, 4, 24))
    p.refresh_from_db()
    assert p.current_stage == "p21" and p.last_movement_at == date(2023, 4, 24)
    timeline = case_selectors.case_timeline(case=kupang_batam_case)
    kinds = [e.event_type for e in timeline if e.event_type.startswith("proceeding")]
    assert kinds == [EventType.PROCEEDING_OPENED] + [EventType.PROCEEDING_STAGE_RECORDED] * 6
    found = selectors.deadlines_of(p, today=date(2023, 5, 1))
    assert [(x.code, x.status) for x in found] == [
        ("spdp", d.Status.MET),
        ("prosecutor_review", d.Status.MET),
        ("p19_return", d.Status.MET),
        ("prosecutor_review", d.Status.MET),
    ]


def test_impossible_order_and_backward_dates_are_clear_errors(cast, justice, four_suspects):
    inv = cast.kupang_police_investigator
    p = open_one(cast, justice, four_suspects[0])
    with pytest.raises(ValidationError) as err:
        record(inv, p, "p21", date(2023, 2, 5))
    assert "stage" in err.value.message_dict
    assert "P-21" in err.value.message_dict["stage"][0]
    with pytest.raises(ValidationError) as err:
        record(inv, p, "inquiry", date(2023, 1, 5))
    assert "on" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        record(inv, p, "inquiry", date.today() + timedelta(days=2))
    assert "on" in err.value.message_dict
    record(inv, p, "investigation_order", date(2023, 2, 10))
    record(inv, p, "spdp", date(2023, 2, 14))
    record(inv, p, "file_stage_1", date(2023, 3, 1))
    with pytest.raises(ValidationError) as err:
        record(inv, p, "p19", date(2023, 3, 3))
    assert "instructions" in err.value.message_dict
    assert StageEvent.objects.filter(proceeding=p).count() == 4


def test_only_suspects_once_and_only_by_the_lead_agency(
    cast, justice, four_suspects, kupang_batam_case
):
    victim = kupang_batam_case.parties.filter(role="victim").first()
    with pytest.raises(ValidationError):
        open_one(cast, justice, victim)
    open_one(cast, justice, four_suspects[0])
    with pytest.raises(ValidationError):
        open_one(cast, justice, four_suspects[0])
    with pytest.raises(PermissionDenied):
        services.proceeding_open(
            actor=justice.pontianak_investigator,
            suspect=four_suspects[1],
            police_report_date=date(2023, 2, 1),
        )
    with pytest.raises(PermissionDenied):
        services.proceeding_open(
            actor=justice.kupang_prosecutor,  # not the lead agency of the case file
            suspect=four_suspects[1],
            police_report_date=date(2023, 2, 1),
        )
    assert Proceeding.objects.count() == 1


def test_prosecutor_records_but_other_agencies_do_not(cast, justice, four_suspects):
    p = open_one(cast, justice, four_suspects[0])
    for actor in (justice.pontianak_investigator, cast.kupang_analyst, justice.kupang_secretariat):
        with pytest.raises(PermissionDenied):
            record(actor, p, "inquiry", date(2023, 2, 2))
    record(justice.kupang_prosecutor, p, "inquiry", date(2023, 2, 2))


def test_charges_detention_and_outcome(cast, justice, four_suspects, kupang_batam_case):
    from lentera.apps.cases import services as case_services

    inv, pros = cast.kupang_police_investigator, justice.kupang_prosecutor
    p = open_one(cast, justice, four_suspects[0])
    from lentera.apps.cases.selectors import case_facts_for_law

    facts = case_facts_for_law(case=kupang_batam_case)
    _result, snapshot = case_services.qualification_run(
        actor=inv, facts=facts, case=kupang_batam_case
    )
    assert snapshot.result["charges"], snapshot.result
    charge = services.charges_set(actor=inv, proceeding=p, step="investigation", snapshot=snapshot)
    assert charge.articles == [c["ref"] for c in snapshot.result["charges"]]
    services.charges_set(actor=pros, proceeding=p, step="indictment", articles=["UU21/2007:2"])
    with pytest.raises(ValidationError):
        services.charges_set(actor=pros, proceeding=p, step="indictment", articles=[])
    with pytest.raises(ValidationError):
        services.charges_set(actor=pros, proceeding=p, step="indictment", articles=["<script>"])
    with pytest.raises(ValidationError) as err:
        services.detention_record(
            actor=inv,
            proceeding=p,
            level="investigator",
            start=date(2023, 2, 10),
            extension_days=41,
        )
    assert "40" in err.value.message_dict["extension_days"][0]
    det = services.detention_record(
        actor=inv, proceeding=p, level="investigator", start=date(2023, 2, 10), extension_days=40
    )
    services.detention_update(
        actor=inv, detention=det, end=date(2023, 4, 10), extension_days=40, exceptional_days=0
    )
    with pytest.raises(ValidationError):
        services.outcome_record(actor=pros, proceeding=p, outcome="convicted", on=date(2023, 9, 1))
    for stage, on in [
        ("investigation_order", date(2023, 2, 10)),
        ("spdp", date(2023, 2, 14)),
        ("file_stage_1", date(2023, 4, 1)),
        ("p21", date(2023, 4, 5)),
        ("stage_2", date(2023, 4, 10)),
        ("indictment", date(2023, 5, 2)),
        ("demand", date(2023, 7, 3)),
        ("verdict", date(2023, 7, 20)),
    ]:
        record(pros, p, stage, on)
    with pytest.raises(ValidationError):
        services.outcome_record(
            actor=pros,
            proceeding=p,
            outcome="dismissed",
            on=date(2023, 7, 21),
            dismissal_reason="x",
        )
    services.outcome_record(
        actor=pros,
        proceeding=p,
        outcome="convicted",
        on=date(2023, 7, 20),
        prison_months=84,
        fine=120_000_000,
        restitution_ordered=35_000_000,
    )
    p.refresh_from_db()
    assert (p.outcome, p.prison_months, p.restitution_ordered) == ("convicted", 84, 35_000_000)
    assert AuditEvent.objects.filter(event_type=EventType.DETENTION_RECORDED).count() == 2
    assert AuditEvent.objects.filter(event_type=EventType.PROCEEDING_CHARGES_SET).count() == 2
    assert AuditEvent.objects.filter(event_type=EventType.PROCEEDING_OUTCOME_RECORDED).count() == 1


def test_dismissal_closes_the_proceeding(cast, justice, four_suspects):
    p = open_one(cast, justice, four_suspects[0])
    with pytest.raises(ValidationError) as err:
        services.outcome_record(
            actor=cast.kupang_police_investigator,
            proceeding=p,
            outcome="dismissed",
            on=date(2023, 3, 1),
        )
    assert "dismissal_reason" in err.value.message_dict
    services.outcome_record(
        actor=cast.kupang_police_investigator,
        proceeding=p,
        outcome="dismissed",
        on=date(2023, 3, 1),
        dismissal_reason="SP3: tidak cukup bukti",
    )
    p.refresh_from_db()
    assert p.is_closed
    with pytest.raises(ValidationError):
        record(cast.kupang_police_investigator, p, "inquiry", date(2023, 3, 2))
    assert selectors.watch_list(user=cast.kupang_police_investigator, today=date(2024, 1, 1)) == []


def test_stall_and_overdue_with_a_fake_clock(cast, justice, four_suspects):
    inv = cast.kupang_police_investigator
    moving = open_one(cast, justice, four_suspects[0], report=date(2023, 1, 2))
    idle = open_one(cast, justice, four_suspects[1], report=date(2023, 1, 2))
    record(inv, moving, "investigation_order", date(2023, 2, 20))
    today = date(2023, 3, 5)  # 62 days after the report, 13 after the order
    rows = {w.proceeding.pk: w for w in selectors.watch_list(user=inv, today=today)}
    assert rows[idle.pk].stalled and not rows[moving.pk].stalled
    assert [x.code for x in rows[moving.pk].overdue] == ["spdp"]
    listed = {w.proceeding.pk for w in selectors.stalled_or_overdue(user=inv, today=today)}
    assert listed == {idle.pk, moving.pk}
    # a longer stall period moves the line
    services.deadline_settings_set(actor=cast.system_admin, values={"stall_days": 90})
    rows = {w.proceeding.pk: w for w in selectors.watch_list(user=inv, today=today)}
    assert not rows[idle.pk].stalled
    assert selectors.watch_list(user=inv, today=date(2023, 4, 3))[0].stalled


def test_secretariat_sees_its_region_and_police_their_agency(cast, justice, four_suspects, regions):
    p = open_one(cast, justice, four_suspects[0], report=date(2023, 1, 2))
    today = date(2023, 6, 1)
    assert [
        w.proceeding
        for w in selectors.stalled_or_overdue(user=justice.kupang_secretariat, today=today)
    ] == [p]
    assert [
        w.proceeding
        for w in selectors.stalled_or_overdue(user=justice.kupang_prosecutor, today=today)
    ] == [p]
    for outsider in (justice.pontianak_secretariat, justice.pontianak_investigator):
        assert selectors.stalled_or_overdue(user=outsider, today=today) == []


def test_settings_change_2025_periods_only_and_are_audited(cast, justice, four_suspects):
    inv = cast.kupang_police_investigator
    old = open_one(cast, justice, four_suspects[0], report=date(2025, 12, 30))
    new = open_one(cast, justice, four_suspects[1], report=date(2026, 1, 2))
    assert (old.procedure_code, new.procedure_code) == ("KUHAP1981", "KUHAP2025")
    for p in (old, new):
        record(inv, p, "investigation_order", date(2026, 1, 5))
    with pytest.raises(PermissionDenied):
        services.deadline_settings_set(actor=inv, values={"spdp": 3})
    with pytest.raises(ValidationError):
        services.deadline_settings_set(actor=cast.system_admin, values={"spdp": 0})
    with pytest.raises(ValidationError):
        services.deadline_settings_set(actor=cast.system_admin, values={"bogus": 3})
    assert not DeadlineSetting.objects.exists()
    services.deadline_settings_set(actor=cast.system_admin, values={"spdp": 3})
    event = AuditEvent.objects.get(event_type=EventType.DEADLINE_SETTINGS_CHANGED)
    assert event.data == {"changed": {"spdp": 3}, "before": {"spdp": None}}
    services.deadline_settings_set(actor=cast.system_admin, values={"spdp": 3})  # no change
    assert AuditEvent.objects.filter(event_type=EventType.DEADLINE_SETTINGS_CHANGED).count() == 1
    due = {
        p.pk: selectors.deadlines_of(Proceeding.objects.get(pk=p.pk), today=date(2026, 1, 6))[0].due
        for p in (old, new)
    }
    assert due == {old.pk: date(2026, 1, 12), new.pk: date(2026, 1, 8)}
