"""Outreach events and courses with their six-month evaluation (issue #15, item 1): the services,
who may do what, the reminders, the figures, the pages and the API."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.prevention import selectors, services
from lentera.apps.prevention.models import Course, CourseParticipant, OutreachEvent
from lentera.apps.prevention.policies import READ, courses, outreach
from lentera.apps.reference.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def village(regions) -> Region:
    return Region.objects.create(
        code="53.71.01.1005",
        name="Naioni",
        level="village",
        parent=regions["53.71.01"],
    )


def _event(actor, village, **kw):
    values = {
        "kind": "village",
        "title": "Sosialisasi TPPO bersama Bhabinkamtibmas dan ketua RT/RW",
        "held_on": date(2023, 7, 14),
        "region": village,
        "organisers": "Polresta Kupang Kota",
        "audience": {"female_adult": 30, "male_adult": 25, "female_youth": 12},
        "materials": "Leaflet 'Kerja ke luar negeri? Cek dulu'",
    }
    values.update(kw)
    return services.event_record(actor=actor, **values)


def _course(actor, regions, **kw):
    values = {
        "kind": "vocational",
        "title": "Pelatihan las untuk 17 pemuda",
        "region": regions["53.71"],
        "starts_on": date(2023, 9, 4),
        "ends_on": date(2023, 9, 29),
        "sessions": 20,
    }
    values.update(kw)
    return services.course_record(actor=actor, **values)


def test_event_recorded_with_audience_and_one_event(posko, village):
    event = _event(posko.kupang_posko_officer, village)
    assert event.agency == posko.kupang_disnaker
    assert event.audience == 67
    assert AuditEvent.objects.filter(event_type="outreach_recorded").count() == 1


def test_event_needs_a_village_unless_online(posko, village, regions):
    with pytest.raises(ValidationError) as exc:
        _event(posko.kupang_posko_officer, village, region=regions["53.71"])
    assert "region" in exc.value.message_dict
    online = _event(
        posko.kupang_posko_officer, village, kind="social_media", region=regions["53.71"]
    )
    assert online.pk


def test_event_refused_without_prevention_work_and_writes_nothing(posko, village):
    with pytest.raises(PermissionDenied):
        _event(posko.kupang_disnaker_norole, village)
    with pytest.raises(PermissionDenied):
        _event(posko.ntt_secretariat, village)
    assert not OutreachEvent.objects.exists()
    assert not AuditEvent.objects.filter(event_type="outreach_recorded").exists()


def test_event_in_the_future_and_negative_counts_refused(posko, village):
    with pytest.raises(ValidationError) as exc:
        _event(
            posko.kupang_posko_officer,
            village,
            held_on=date.today() + timedelta(days=3),
            audience={"male_child": -1},
        )
    assert {"held_on", "male_child"} <= set(exc.value.message_dict)


def test_events_read_by_own_agency_and_region_not_by_another(posko, village):
    event = _event(posko.kupang_posko_officer, village)
    assert event in outreach.visible(posko.kupang_posko_officer, READ)
    assert event in outreach.visible(posko.ntt_secretariat, READ)
    assert event not in outreach.visible(posko.batam_posko_officer, READ)
    totals = selectors.outreach_totals(outreach.visible(posko.ntt_secretariat, READ))
    assert totals["events"] == 1 and totals["people"] == 67 and totals["female_adult"] == 30


def test_course_participants_get_the_evaluation_due_six_months_after(posko, regions):
    course = _course(posko.kupang_posko_officer, regions)
    created = services.participants_add(
        actor=posko.kupang_posko_officer,
        course=course,
        people=[{"name": f"Peserta {n}", "sex": "male", "age": 18 + n % 5} for n in range(17)],
    )
    assert len(created) == 17
    assert {p.evaluation_due for p in created} == {date(2024, 3, 29)}
    assert services.add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)


def test_participants_all_or_none(posko, regions):
    course = _course(posko.kupang_posko_officer, regions)
    with pytest.raises(ValidationError):
        services.participants_add(
            actor=posko.kupang_posko_officer,
            course=course,
            people=[{"name": "Yosef", "age": 19}, {"name": "", "age": 7}],
        )
    assert not CourseParticipant.objects.exists()


def test_another_agency_cannot_touch_the_course(posko, regions):
    course = _course(posko.kupang_posko_officer, regions)
    with pytest.raises(PermissionDenied):
        services.participants_add(
            actor=posko.batam_posko_officer, course=course, people=[{"name": "X"}]
        )
    assert course not in courses.visible(posko.batam_posko_officer, READ)


def test_evaluation_and_outcome_figures(posko, regions):
    officer = posko.kupang_posko_officer
    course = _course(officer, regions)
    people = services.participants_add(
        actor=officer,
        course=course,
        people=[{"name": f"P{n}", "sex": "female" if n < 5 else "male"} for n in range(17)],
    )
    services.attendance_record(
        actor=officer,
        course=course,
        attended={p.pk: 20 for p in people[:15]} | {p.pk: 5 for p in people[15:]},
        completed={p.pk for p in people[:15]},
    )
    day = date(2024, 3, 30)
    services.participant_evaluate(
        actor=officer,
        participant=people[0],
        evaluated_on=day,
        employed=True,
        migrated=False,
        licensed_channel=None,
    )
    services.participant_evaluate(
        actor=officer,
        participant=people[1],
        evaluated_on=day,
        employed=True,
        migrated=True,
        licensed_channel=True,
    )
    services.participant_evaluate(
        actor=officer,
        participant=people[2],
        evaluated_on=day,
        employed=None,
        migrated=True,
        licensed_channel=False,
    )
    figures = selectors.course_figures(course, today=date(2024, 4, 1))
    assert figures["participants"] == 17
    assert figures["female"] == 5
    assert figures["completed"] == 15
    assert figures["attendance_percent"] == round(100 * (15 * 20 + 2 * 5) / (17 * 20))
    assert figures["evaluated"] == 3
    assert figures["overdue"] == 14
    assert figures["employed"] == 2
    assert figures["migrated"] == 2
    assert figures["licensed"] == 1 and figures["unlicensed"] == 1


def test_evaluation_answers_must_agree(posko, regions):
    officer = posko.kupang_posko_officer
    course = _course(officer, regions)
    (person,) = services.participants_add(actor=officer, course=course, people=[{"name": "A"}])
    with pytest.raises(ValidationError) as exc:
        services.participant_evaluate(
            actor=officer,
            participant=person,
            evaluated_on=date(2024, 4, 1),
            employed=True,
            migrated=False,
            licensed_channel=True,
        )
    assert "licensed_channel" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.participant_evaluate(
            actor=officer,
            participant=person,
            evaluated_on=date(2023, 9, 1),  # before the course ended
            employed=True,
            migrated=False,
            licensed_channel=None,
        )
    person.refresh_from_db()
    assert person.evaluated_on is None


def test_reminders_once_per_course_and_kind(posko, regions):
    officer = posko.kupang_posko_officer
    officer.email = "yanti@example.org"
    officer.save(update_fields=["email"])
    course = _course(officer, regions)
    services.participants_add(actor=officer, course=course, people=[{"name": "A"}, {"name": "B"}])
    due = date(2024, 3, 29)
    assert services.remind_evaluations(today=due - timedelta(days=30)) == []
    soon = services.remind_evaluations(today=due - timedelta(days=5))
    assert [(r.kind, r.participants) for r in soon] == [("due_soon", 2)]
    assert services.remind_evaluations(today=due - timedelta(days=4)) == []
    late = services.remind_evaluations(today=due + timedelta(days=1))
    assert [(r.kind, r.participants) for r in late] == [("overdue", 2)]
    assert services.remind_evaluations(today=due + timedelta(days=2)) == []
    assert len(mail.outbox) == 2
    assert "A" not in mail.outbox[0].body.split()  # no participant is named
    assert course.title in mail.outbox[0].body


def test_course_page_names_participants_only_to_the_agency(client, posko, regions):
    officer = posko.kupang_posko_officer
    course = _course(officer, regions)
    services.participants_add(actor=officer, course=course, people=[{"name": "Yohanis Contoh"}])
    url = reverse("prevention:course", kwargs={"course_id": course.pk})
    client.force_login(officer)
    body = client.get(url).content.decode()
    assert "Yohanis Contoh" in body
    assert AccessLog.objects.filter(user=officer).count() == 1
    client.force_login(posko.ntt_secretariat)
    response = client.get(url)
    assert response.status_code == 200
    assert "Yohanis Contoh" not in response.content.decode()
    client.force_login(posko.batam_posko_officer)
    assert client.get(url).status_code == 404


def test_course_export_has_no_names(client, posko, regions):
    officer = posko.kupang_posko_officer
    course = _course(officer, regions)
    services.participants_add(actor=officer, course=course, people=[{"name": "Yohanis Contoh"}])
    client.force_login(officer)
    response = client.get(reverse("prevention:course_export", kwargs={"course_id": course.pk}))
    text = response.content.decode()
    assert response.status_code == 200 and "Yohanis" not in text
    assert text.splitlines()[1].startswith("1,")


def test_event_form_round_trip(client, posko, village):
    client.force_login(posko.kupang_posko_officer)
    url = reverse("prevention:outreach_new")
    response = client.post(
        url,
        {
            "kind": "school",
            "title": "Sosialisasi di SMA",
            "held_on": "2023-07-20",
            "region": village.pk,
            "female_child": "40",
            "male_child": "35",
        },
    )
    assert response.status_code == 302
    event = OutreachEvent.objects.get()
    assert event.audience == 75 and event.held_on == date(2023, 7, 20)
    bad = client.post(url, {"kind": "school", "title": "x", "held_on": "2023-07-20"})
    assert bad.status_code == 400


def test_api_records_and_lists_events(posko, village):
    api = APIClient()
    api.force_authenticate(posko.kupang_posko_officer)
    response = api.post(
        "/api/v1/prevention/outreach-events",
        {
            "kind": "church",
            "title": "Sosialisasi di gereja",
            "held_on": "2023-07-16",
            "region": village.code,
            "audience": {"female_adult": 50},
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    listed = api.get("/api/v1/prevention/outreach-events").json()
    assert listed["count"] == 1 and listed["results"][0]["audience"]["female_adult"] == 50
    other = APIClient()
    other.force_authenticate(posko.batam_posko_officer)
    assert other.get("/api/v1/prevention/outreach-events").json()["count"] == 0
    bad = api.post(
        "/api/v1/prevention/outreach-events",
        {"kind": "church", "title": "x", "held_on": "2023-07-16", "region": "99"},
        format="json",
    )
    assert bad.status_code == 400
    assert Course.objects.count() == 0


def test_the_scorecard_counts_outreach_and_courses(posko, village, regions):
    from lentera.apps.accounts.models import TaskForce
    from lentera.apps.coordination.scorecard import COUNTERS
    from lentera.apps.coordination.vocab import Measure

    ntt = TaskForce.objects.create(name="GT PP TPPO NTT", level="province", region=regions["53"])
    riau = TaskForce.objects.create(name="GT PP TPPO Kepri", level="province", region=regions["21"])
    _event(posko.kupang_posko_officer, village)
    _event(posko.kupang_posko_officer, village, held_on=date(2022, 5, 1))
    _course(posko.kupang_posko_officer, regions)
    count = COUNTERS[Measure.OUTREACH_HELD]
    today = date.today()
    assert count(ntt, 2023, None, today) == 2  # the July event and the September course
    assert count(ntt, 2023, posko.kupang_disnaker, today) == 2
    assert count(riau, 2023, None, today) == 0
