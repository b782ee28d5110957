"""Changing a meeting after it is scheduled: cancelling it, editing agenda items and decisions
(versions: a stale form is a conflict), the task force's required meeting interval, working
groups in the scheduling form; and the scorecard measures counted from other records."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AuditEvent, SubTaskForce
from lentera.apps.coordination import scorecard, selectors, services
from lentera.apps.coordination.models import Meeting, MeetingRule
from lentera.apps.coordination.vocab import Measure
from tests.coordination.conftest import held, schedule

pytestmark = pytest.mark.django_db


def test_a_scheduled_meeting_is_cancelled_once_with_a_reason(cast, coord):
    meeting = schedule(coord, cast, days_ago=-3)
    with pytest.raises(ValidationError):
        services.meeting_cancel(actor=coord.secretariat, meeting=meeting, version=1, reason=" ")
    with pytest.raises(PermissionDenied):
        services.meeting_cancel(actor=coord.chair, meeting=meeting, version=1, reason="Banjir.")
    services.meeting_cancel(actor=coord.secretariat, meeting=meeting, version=1, reason="Banjir.")
    assert Meeting.objects.get(pk=meeting.pk).status == "cancelled"
    stale = Meeting.objects.get(pk=meeting.pk)
    with pytest.raises(ValidationError):  # already cancelled
        services.meeting_cancel(actor=coord.secretariat, meeting=stale, version=2, reason="x")
    assert AuditEvent.objects.filter(event_type=EventType.MEETING_CANCELLED).count() == 1
    # a held meeting is not cancelled: its minutes are a record
    done, _decision = held(coord, cast)
    with pytest.raises(ValidationError):
        services.meeting_cancel(
            actor=coord.secretariat, meeting=done, version=done.version, reason="x"
        )


def test_a_stale_cancel_is_a_conflict(cast, coord):
    meeting = schedule(coord, cast, days_ago=-3)
    seen = Meeting.objects.get(pk=meeting.pk)
    services.meeting_cancel(actor=coord.secretariat, meeting=meeting, version=1, reason="Banjir.")
    with pytest.raises((Conflict, ValidationError)):
        services.meeting_cancel(actor=coord.secretariat, meeting=seen, version=1, reason="Lagi.")


def test_agenda_and_decisions_are_edited_with_versions(cast, coord):
    meeting = schedule(coord, cast)
    agenda = services.agenda_add(actor=coord.secretariat, meeting=meeting, topic="Evaluasi")
    services.agenda_edit(actor=coord.secretariat, item=agenda, topic="Evaluasi semester", version=1)
    assert (agenda.topic, agenda.version) == ("Evaluasi semester", 2)
    with pytest.raises(Conflict):
        services.agenda_edit(actor=coord.secretariat, item=agenda, topic="Lain", version=1)
    with pytest.raises(ValidationError):  # no identity in the minutes' fields
        services.agenda_edit(
            actor=coord.secretariat, item=agenda, topic="Telepon 0812-3456-7890", version=2
        )
    services.minutes_record(
        actor=coord.secretariat, meeting=meeting, minutes="Rapat dibuka.", version=1
    )
    decision = services.decision_add(actor=coord.secretariat, meeting=meeting, text="Razia.")
    services.decision_edit(
        actor=coord.secretariat, decision=decision, text="Razia di posko Tenau.", version=1
    )
    with pytest.raises(Conflict):
        services.decision_edit(actor=coord.secretariat, decision=decision, text="x", version=1)
    meeting.refresh_from_db()
    services.minutes_approve(actor=coord.chair, meeting=meeting, version=meeting.version)
    decision.refresh_from_db()
    with pytest.raises(ValidationError):  # approved minutes are final
        services.decision_edit(
            actor=coord.secretariat, decision=decision, text="y", version=decision.version
        )
    agenda.refresh_from_db()
    with pytest.raises(ValidationError):
        services.agenda_edit(
            actor=coord.secretariat, item=agenda, topic="y", version=agenda.version
        )


def test_the_meeting_page_edits_and_cancels(client, cast, coord):
    meeting = schedule(coord, cast, days_ago=-3)
    agenda = services.agenda_add(actor=coord.secretariat, meeting=meeting, topic="Evaluasi")
    client.force_login(coord.secretariat)
    page = client.get(reverse("coordination:meeting", args=[meeting.pk])).content.decode()
    assert 'data-testid="agenda-edit-1"' in page and 'data-testid="cancel-form"' in page
    url = reverse("coordination:agenda_edit", args=[meeting.pk, agenda.pk])
    ok = client.post(url, {"topic": "Evaluasi pemulangan", "case_reference": "", "version": 1})
    assert ok.status_code == 302
    stale = client.post(url, {"topic": "Lain", "case_reference": "", "version": 1})
    assert stale.status_code == 409 and "Evaluasi pemulangan" in stale.content.decode()
    cancel = reverse("coordination:meeting_cancel", args=[meeting.pk])
    assert client.post(cancel, {"reason": "", "version": 1}).status_code == 400
    assert client.post(cancel, {"reason": "Banjir.", "version": 1}).status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).status == "cancelled"
    # the chair reads the meeting but does not change it
    client.force_login(coord.chair)
    assert client.post(cancel, {"reason": "x", "version": 2}).status_code == 403


def test_the_required_interval_page(client, cast, coord):
    held(coord, cast, days_ago=40)
    today = timezone.localdate()
    assert selectors.lapses(user=coord.secretariat, today=today) == []  # 183 days by default
    client.force_login(coord.secretariat)
    url = reverse("coordination:interval", args=[coord.task_force.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"days": 30, "version": ""}).status_code == 302
    rule = MeetingRule.objects.get(task_force=coord.task_force)
    assert (rule.interval_days, rule.version) == (30, 2)
    lapse = selectors.lapses(user=coord.secretariat, today=today)
    assert [x.interval_days for x in lapse] == [30]
    # a form read before that save: a conflict, nothing changes
    assert client.post(url, {"days": 90, "version": 1}).status_code == 409
    assert client.post(url, {"days": 0, "version": 2}).status_code == 400
    assert MeetingRule.objects.get(task_force=coord.task_force).interval_days == 30
    # another region's secretariat: not found; the chair: refused
    client.force_login(coord.pontianak_secretariat)
    assert client.get(url).status_code == 404
    client.force_login(coord.chair)
    assert client.get(url).status_code == 403


def test_working_groups_are_offered_when_scheduling(client, cast, coord, regions):
    group = SubTaskForce.objects.create(task_force=coord.task_force, name="Sub Gugus Pencegahan")
    from lentera.apps.accounts import services as account_services

    other_tf = account_services.task_force_create(
        actor=None,
        name="Gugus Tugas PP-TPPO Kota Pontianak",
        level="regency",
        region=regions["61.71"],
        sub_task_forces=["Sub Gugus Penegakan Hukum"],
    )
    client.force_login(coord.secretariat)
    page = client.get(reverse("coordination:meeting_new")).content.decode()
    assert "Sub Gugus Pencegahan" in page and "Sub Gugus Penegakan Hukum" not in page
    sent = client.post(
        reverse("coordination:meeting_new"),
        {
            "task_force": coord.task_force.pk,
            "sub_task_force": group.pk,
            "title": "Rapat sub gugus pencegahan",
            "kind": "regular",
            "starts_at": (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
            "place": "",
            "agencies": [cast.kupang_police.pk],
        },
    )
    assert sent.status_code == 302
    assert Meeting.objects.get(title="Rapat sub gugus pencegahan").sub_task_force == group
    with pytest.raises(ValidationError):
        services.meeting_schedule(
            actor=coord.secretariat,
            task_force=coord.task_force,
            title="Rapat",
            starts_at=timezone.now(),
            agencies=[cast.kupang_police],
            sub_task_force=other_tf.sub_task_forces.get(),
        )


def test_scorecard_counts_complaints_referrals_and_stalled_proceedings(cast, coord, regions):
    from lentera.apps.cases import services as case_services
    from lentera.apps.intake import services as intake
    from lentera.apps.intake.models import Complaint
    from lentera.apps.intake.services import FactsInput, ReporterInput
    from lentera.apps.justice import services as justice_services
    from lentera.apps.people.services import person_create
    from lentera.apps.protection import services as protection
    from tests.protection.conftest import accepted_referral

    year = timezone.localdate().year
    card = scorecard.scorecard(task_force=coord.task_force, year=year)
    assert dict(card.measures)[Measure.COMPLAINTS_IN_A_DAY] == 0

    # a complaint triaged within the day counts, one triaged two days after its receipt not
    quick, slow = (
        intake.complaint_register(
            actor=cast.kupang_uptd_intake,
            channel="hotline_129",
            facts=FactsInput(narrative=f"Laporan {n}", region=regions["53.71"]),
            reporter=ReporterInput(anonymous=True),
        )
        for n in (1, 2)
    )
    for complaint in (quick, slow):
        complaint.refresh_from_db()
        intake.complaint_triage(
            actor=cast.kupang_uptd_intake,
            complaint=complaint,
            version=complaint.version,
            involves_child="no",
            danger_now=False,
            departure_today=False,
            migrant_worker=False,
        )
    Complaint.objects.filter(pk=slow.pk).update(received_at=timezone.now() - timedelta(days=2))

    # a stalled proceeding: its police report 100 days back, no stage since
    inv = cast.kupang_police_investigator
    case = case_services.case_open(actor=inv, title="Perekrutan", region=regions["53.71"])
    suspect = person_create(
        actor=inv,
        owner_agency=cast.kupang_police,
        full_name="Agus Contoh Sinlae",
        sex="male",
        birth_date=date(1980, 1, 1),
        region=regions["53.71.01"],
    )
    party = case_services.case_add_party(actor=inv, case=case, person=suspect, role="suspect")
    report_day = timezone.localdate() - timedelta(days=100)
    justice_services.proceeding_open(actor=inv, suspect=party, police_report_date=report_day)

    # a referred victim of a Kupang case reported to the police within 24 hours
    victim = person_create(
        actor=cast.kupang_uptd_intake,
        owner_agency=cast.kupang_uptd,
        full_name="Dina Contoh Manafe",
        sex="female",
        birth_date=date(2000, 5, 1),
        region=regions["53.71.01"],
    )
    uptd_case = case_services.case_open(
        actor=cast.kupang_uptd_intake, title="Kerja paksa", region=regions["53.71"]
    )
    adult = case_services.case_add_party(
        actor=cast.kupang_uptd_caseworker, case=uptd_case, person=victim, role="victim"
    )
    referral = accepted_referral(cast, adult, days_ago=0)
    protection.referral_police_reported(actor=cast.pontianak_caseworker, referral=referral)

    card = scorecard.scorecard(task_force=coord.task_force, year=year)
    counted = dict(card.measures)
    assert counted[Measure.PROCEEDINGS_STALLED] == 1
    assert counted[Measure.COMPLAINTS_IN_A_DAY] == 1
    assert counted[Measure.REFERRALS_IN_TIME] == 1
    police = next(s for s in card.agencies if s.agency == cast.kupang_police)
    assert dict(police.measures)[Measure.PROCEEDINGS_STALLED] == 1
    uptd = next(s for s in card.agencies if s.agency == cast.kupang_uptd)
    assert dict(uptd.measures)[Measure.COMPLAINTS_IN_A_DAY] == 1
