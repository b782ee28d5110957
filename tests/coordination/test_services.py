"""Services: a meeting from schedule to the chair's approval, action items closed with proof,
refusals that write nothing, stale versions, the lapse alert and the overdue lists."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AuditEvent
from lentera.apps.cases import services as case_services
from lentera.apps.coordination import selectors, services
from lentera.apps.coordination.models import ActionItem, Meeting
from tests.coordination.conftest import assign, held, schedule

pytestmark = pytest.mark.django_db


def test_a_meeting_from_schedule_to_approval(cast, coord, regions):
    case = case_services.case_open(
        actor=cast.kupang_police_investigator, title="Perekrutan ke Batam", region=regions["53.71"]
    )
    before = AuditEvent.objects.count()
    meeting = schedule(coord, cast)
    services.agenda_add(actor=coord.secretariat, meeting=meeting, topic="Evaluasi semester")
    agenda = services.agenda_add(
        actor=coord.secretariat, meeting=meeting, topic="Perkembangan kasus", case=case
    )
    assert (agenda.position, agenda.case) == (2, case)
    services.attendance_record(
        actor=coord.secretariat,
        meeting=meeting,
        attendance={cast.kupang_police.pk: "present", coord.disnaker.pk: "excused"},
    )
    services.minutes_record(
        actor=coord.secretariat, meeting=meeting, minutes="Rapat dibuka.", version=meeting.version
    )
    first = services.decision_add(actor=coord.secretariat, meeting=meeting, text="Sosialisasi.")
    second = services.decision_add(actor=coord.secretariat, meeting=meeting, text="Razia posko.")
    assert (first.number, second.number) == (1, 2)
    assign(coord, first, cast.kupang_police)
    services.minutes_approve(actor=coord.chair, meeting=meeting, version=meeting.version)
    meeting.refresh_from_db()
    assert meeting.status == "approved" and meeting.approved_by == coord.chair
    kinds = list(AuditEvent.objects.order_by("pk").values_list("event_type", flat=True)[before:])
    assert kinds == [
        EventType.MEETING_SCHEDULED,
        EventType.MEETING_AGENDA_ADDED,
        EventType.MEETING_AGENDA_ADDED,
        EventType.MEETING_ATTENDANCE_RECORDED,
        EventType.MEETING_MINUTES_RECORDED,
        EventType.MEETING_DECISION_ADDED,
        EventType.MEETING_DECISION_ADDED,
        EventType.ACTION_ITEM_ASSIGNED,
        EventType.MEETING_MINUTES_APPROVED,
    ]
    # approved minutes are final; their decisions still get action items
    with pytest.raises(ValidationError):
        services.agenda_add(actor=coord.secretariat, meeting=meeting, topic="Terlambat")
    with pytest.raises(ValidationError):
        services.decision_add(actor=coord.secretariat, meeting=meeting, text="Terlambat")
    assign(coord, second, coord.disnaker)


def test_refusals_write_nothing(cast, coord):
    meeting = schedule(coord, cast)
    counts = (AuditEvent.objects.count(), Meeting.objects.count())
    with pytest.raises(PermissionDenied):
        services.meeting_schedule(
            actor=coord.pontianak_secretariat,
            task_force=coord.task_force,
            title="Rapat",
            starts_at=timezone.now(),
            agencies=[cast.kupang_police],
        )
    assert (AuditEvent.objects.count(), Meeting.objects.count()) == counts
    for actor in (coord.pontianak_secretariat, cast.kupang_uptd_caseworker, coord.chair):
        with pytest.raises(PermissionDenied):
            services.minutes_record(actor=actor, meeting=meeting, minutes="x", version=1)
    with pytest.raises(PermissionDenied):
        services.minutes_approve(actor=coord.secretariat, meeting=meeting, version=1)
    with pytest.raises(ValidationError):  # nothing to approve before the minutes
        services.minutes_approve(actor=coord.chair, meeting=meeting, version=1)
    with pytest.raises(ValidationError):
        services.meeting_schedule(
            actor=coord.secretariat,
            task_force=coord.task_force,
            title="Tanpa undangan",
            starts_at=timezone.now(),
            agencies=[],
        )
    assert (AuditEvent.objects.count(), Meeting.objects.count()) == counts


def test_minutes_wait_for_the_meeting(cast, coord):
    meeting = schedule(coord, cast, days_ago=-3)
    with pytest.raises(ValidationError):
        services.minutes_record(actor=coord.secretariat, meeting=meeting, minutes="x", version=1)


def test_a_stale_version_is_a_conflict(cast, coord):
    meeting, decision = held(coord, cast)
    with pytest.raises(Conflict):
        services.minutes_record(
            actor=coord.secretariat, meeting=meeting, minutes="Lagi.", version=1
        )
    with pytest.raises(Conflict):
        services.minutes_approve(actor=coord.chair, meeting=meeting, version=1)
    item = assign(coord, decision, coord.disnaker)
    services.item_close(actor=coord.disnaker_officer, item=item, version=1, note="Selesai.")
    stale = ActionItem.objects.get(pk=item.pk)
    stale.status = "open"  # what a second browser tab still shows
    with pytest.raises(Conflict):
        services.item_close(actor=coord.secretariat, item=stale, version=1, note="Juga.")


def test_action_items_close_with_proof(cast, coord, regions):
    _meeting, decision = held(coord, cast)
    officer = coord.disnaker_officer
    item = services.item_assign(
        actor=coord.secretariat,
        decision=decision,
        agency=coord.disnaker,
        officer=officer,
        task="Pendataan P3MI",
        due_on=timezone.localdate() + timedelta(days=14),
    )
    with pytest.raises(ValidationError) as err:
        services.item_assign(
            actor=coord.secretariat,
            decision=decision,
            agency=cast.batam_dinsos,
            officer=officer,
            task="x",
            due_on=timezone.localdate(),
        )
    assert set(err.value.message_dict) == {"agency", "officer"}
    # another agency's user does not see the item; the owner must give proof
    with pytest.raises(Http404):
        services.item_close(actor=cast.kupang_police_investigator, item=item, version=1, note="x")
    with pytest.raises(ValidationError) as err:
        services.item_close(actor=officer, item=item, version=1)
    assert "note" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        services.item_close(actor=officer, item=item, version=1, record_kind="case", record_id=999)
    assert "record_id" in err.value.message_dict
    case = case_services.case_open(
        actor=cast.kupang_police_investigator, title="Kasus", region=regions["53.71"]
    )
    done = services.item_close(
        actor=officer,
        item=item,
        version=1,
        file_name="daftar-hadir.pdf",
        file_content=b"%PDF-1.4 hadir",
        record_kind="case",
        record_id=case.pk,
    )
    assert (done.status, done.on_time, done.closed_by) == ("done", True, officer)
    assert bytes(ActionItem.objects.get(pk=item.pk).proof_file) == b"%PDF-1.4 hadir"
    assert AuditEvent.objects.filter(event_type=EventType.ACTION_ITEM_CLOSED).count() == 1
    with pytest.raises(ValidationError):
        services.item_close(actor=officer, item=done, version=done.version, note="lagi")
    other = assign(coord, decision, coord.disnaker)
    with pytest.raises(PermissionDenied):  # only the secretariat cancels
        services.item_cancel(actor=officer, item=other, version=1, reason="x")
    services.item_cancel(actor=coord.secretariat, item=other, version=1, reason="Digabung.")
    assert ActionItem.objects.get(pk=other.pk).status == "cancelled"


def test_overdue_lists_per_agency_and_for_the_secretariat(cast, coord):
    _meeting, decision = held(coord, cast, days_ago=40)
    late_police = assign(coord, decision, cast.kupang_police, days=-5)
    assign(coord, decision, coord.disnaker, days=-2)
    assign(coord, decision, coord.disnaker, days=-1)
    assign(coord, decision, coord.disnaker, days=10)  # not due yet
    today = timezone.localdate()
    groups = selectors.overdue_by_agency(user=coord.secretariat, today=today)
    assert [(g.agency, len(g.items)) for g in groups] == [
        (coord.disnaker, 2),
        (cast.kupang_police, 1),
    ]
    own = selectors.overdue_by_agency(user=cast.kupang_police_investigator, today=today)
    assert [(g.agency, [i.pk for i in g.items]) for g in own] == [
        (cast.kupang_police, [late_police.pk])
    ]
    assert selectors.overdue_by_agency(user=coord.pontianak_secretariat, today=today) == []


def test_the_alert_when_a_task_force_goes_too_long_without_a_meeting(cast, coord):
    today = timezone.localdate()
    (lapse,) = selectors.lapses(user=coord.secretariat, today=today)
    assert (lapse.task_force, lapse.last_held, lapse.interval_days) == (coord.task_force, None, 183)
    held(coord, cast, days_ago=200)
    schedule(coord, cast, days_ago=-10)  # scheduled, not held: does not count
    (lapse,) = selectors.lapses(user=coord.secretariat, today=today)
    assert lapse.days_since == 200
    assert selectors.lapses(user=coord.chair, today=today)[0].days_since == 200
    services.meeting_interval_set(actor=coord.secretariat, task_force=coord.task_force, days=365)
    assert selectors.lapses(user=coord.secretariat, today=today) == []
    assert selectors.lapses(user=coord.pontianak_secretariat, today=today) == []


def test_the_demo_holds_a_year_of_kupang_meetings(regions):
    from lentera.apps.accounts.demo import load_demo
    from lentera.apps.coordination.models import MeetingRule, PlanActivity, ReportVersion

    load_demo(password="Demo-Sandi-2026!")
    load_demo(password="Demo-Sandi-2026!")  # added once
    from lentera.apps.coordination.models import Notice

    assert Meeting.objects.count() == 5  # and one of a working group
    assert Meeting.objects.exclude(sub_task_force=None).count() == 1
    assert Meeting.objects.filter(status="approved").count() == 3
    assert ActionItem.objects.filter(status="done").count() == 5
    assert ActionItem.objects.filter(status="open").count() == 2
    assert MeetingRule.objects.get().interval_days == 183
    assert PlanActivity.objects.filter(target__gt=0).count() == 8
    assert ReportVersion.objects.count() == 1
    # the coming meetings' invitations unread, the past ones read; the overdue item notified
    assert Notice.objects.filter(kind="meeting_invited", read_at=None).count() == 7 + 3
    assert Notice.objects.filter(kind="item_overdue").exists()
