"""The work plan (RAD) from the catalogue, its activities' targets and budgets, and the
scorecard: computed figures move with the records, typed ones with the secretariat, and the
three Kupang activities never carried out show as such until records show otherwise."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from lentera.apps.accounts import services as account_services
from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AuditEvent
from lentera.apps.accounts.permissions import Role
from lentera.apps.coordination import services
from lentera.apps.coordination.models import PlanActivity
from lentera.apps.coordination.scorecard import scorecard
from lentera.apps.prevention import services as prevention_services
from tests.conftest import make_user
from tests.coordination.conftest import assign, held

pytestmark = pytest.mark.django_db
NEVER_DONE = {"perda-mutasi-penduduk", "perda-penempatan-tenaga-kerja", "perda-deteksi-dini"}


def by_code(card):
    return {s.activity.code: s for s in card.activities}


def test_the_catalogue_seeds_the_plan_once(cast, coord, regions):
    year = timezone.localdate().year
    created = services.plan_seed(actor=coord.secretariat, task_force=coord.task_force, year=year)
    assert len(created) == 13  # six RAN areas and Kupang's seven Perda activities
    assert services.plan_seed(actor=coord.secretariat, task_force=coord.task_force, year=year) == []
    assert AuditEvent.objects.filter(event_type=EventType.PLAN_SEEDED).count() == 1
    batam = account_services.task_force_create(
        actor=None, name="Gugus Tugas Batam", level="regency", region=regions["21.71"]
    )
    assert len(services.plan_seed(actor=None, task_force=batam, year=year)) == 6
    with pytest.raises(PermissionDenied):
        services.plan_seed(
            actor=coord.pontianak_secretariat, task_force=coord.task_force, year=year
        )


def test_an_activity_gets_agencies_target_and_budget(cast, coord):
    year = timezone.localdate().year
    services.plan_seed(actor=coord.secretariat, task_force=coord.task_force, year=year)
    typed = PlanActivity.objects.get(code="perda-sosialisasi")
    counted = PlanActivity.objects.get(code="perda-deteksi-dini")
    values = dict(target=12, unit="kegiatan", budget=50_000_000, realisation=20_000_000)
    services.activity_update(
        actor=coord.secretariat,
        activity=typed,
        version=1,
        done_typed=3,
        agencies=[cast.kupang_police],
        **values,
    )
    typed.refresh_from_db()
    assert (typed.target, typed.done_typed, typed.version) == (12, 3, 2)
    assert list(typed.agencies.all()) == [cast.kupang_police]
    with pytest.raises(Conflict):
        services.activity_update(
            actor=coord.secretariat, activity=typed, version=1, done_typed=4, agencies=[], **values
        )
    with pytest.raises(ValidationError):  # Lentera counts it: nothing typed
        services.activity_update(
            actor=coord.secretariat,
            activity=counted,
            version=1,
            done_typed=5,
            agencies=[],
            **values,
        )
    with pytest.raises(PermissionDenied):
        services.activity_update(
            actor=coord.chair, activity=typed, version=2, done_typed=4, agencies=[], **values
        )


def test_the_scorecard_moves_with_the_records(cast, coord):
    year = timezone.localdate().year
    services.plan_seed(actor=coord.secretariat, task_force=coord.task_force, year=year)
    card = by_code(scorecard(task_force=coord.task_force, year=year))
    assert {c for c, s in card.items() if s.never_done} >= NEVER_DONE
    # early detection is counted from the departure screenings of the region's posts
    posko = make_user("posko", cast.kupang_police, [Role.POSKO_OFFICER])
    prevention_services.departure_screen(
        actor=posko,
        interview={"age": 24, "destination_country": "KH", "stated_purpose": "tourism"},
        post="El Tari",
        traveller_name="Contoh",
    )
    # meetings held and an action item closed on time
    _meeting, decision = held(coord, cast, days_ago=0)
    item = assign(coord, decision, coord.disnaker, days=10)
    services.item_close(actor=coord.disnaker_officer, item=item, version=1, note="Selesai.")
    result = scorecard(task_force=coord.task_force, year=year)
    card = by_code(result)
    assert card["perda-deteksi-dini"].done == 1 and not card["perda-deteksi-dini"].never_done
    assert card["ran-koordinasi"].done == 1 and card["ran-koordinasi"].computed
    assert card["perda-mutasi-penduduk"].never_done and not card["perda-mutasi-penduduk"].computed
    agencies = {s.agency: s for s in result.agencies}
    assert (agencies[coord.disnaker].items, agencies[coord.disnaker].closed_on_time) == (1, 1)
    assert agencies[coord.disnaker].meetings_invited == 0  # attendance not recorded
    assert agencies[cast.kupang_police].screenings == 1


def test_plan_and_scorecard_pages_and_api(client, cast, coord):
    year = timezone.localdate().year
    client.force_login(coord.secretariat)
    plan_url = reverse("coordination:plan", args=[coord.task_force.pk, year])
    assert client.post(plan_url).status_code == 302
    page = client.get(plan_url).content.decode()
    assert "Deteksi dini" in page
    activity = PlanActivity.objects.get(code="perda-pemulangan")
    edit = reverse("coordination:activity", args=[activity.pk])
    assert client.get(edit).status_code == 200
    posted = client.post(
        edit,
        {
            "version": 1,
            "agencies": [cast.kupang_uptd.pk],
            "target": 4,
            "unit": "korban",
            "budget": 10_000_000,
            "realisation": 0,
        },
    )
    assert posted.status_code == 302
    score = client.get(reverse("coordination:scorecard", args=[coord.task_force.pk, year]))
    assert b'data-testid="never-perda-penempatan-tenaga-kerja"' in score.content
    api = APIClient()
    api.force_authenticate(coord.secretariat)
    body = api.get(f"/api/v1/task-forces/{coord.task_force.pk}/scorecard/{year}").json()
    never = {a["code"] for a in body["activities"] if a["never_done"]}
    assert never >= NEVER_DONE
    plan = api.get(f"/api/v1/task-forces/{coord.task_force.pk}/plan/{year}").json()
    assert {a["code"]: a["target"] for a in plan["activities"]}["perda-pemulangan"] == 4
    other = APIClient()
    other.force_authenticate(coord.pontianak_secretariat)
    url = f"/api/v1/task-forces/{coord.task_force.pk}/plan/{year}"
    assert other.get(url).status_code == 404


def test_the_chair_accepts_a_proposed_incentive_or_disincentive(client, cast, coord):
    from lentera.apps.coordination.models import AcceptedRecommendation
    from lentera.apps.coordination.scorecard import proposals

    year = timezone.localdate().year
    for _ in range(2):  # the police stay away from both meetings of the year
        meeting, decision = held(coord, cast, days_ago=0)
        services.attendance_record(
            actor=coord.secretariat,
            meeting=meeting,
            attendance={coord.disnaker.pk: "present", cast.kupang_police.pk: "absent"},
        )
    good = assign(coord, decision, coord.disnaker, days=5)
    services.item_close(actor=coord.disnaker_officer, item=good, version=1, note="Selesai.")
    found = {
        (p.agency, p.kind) for p in proposals(scorecard(task_force=coord.task_force, year=year))
    }
    assert found == {(coord.disnaker, "incentive"), (cast.kupang_police, "disincentive")}
    with pytest.raises(PermissionDenied):
        services.recommendation_accept(
            actor=coord.secretariat,
            task_force=coord.task_force,
            year=year,
            agency=coord.disnaker,
            kind="incentive",
        )
    with pytest.raises(ValidationError):  # not proposed
        services.recommendation_accept(
            actor=coord.chair,
            task_force=coord.task_force,
            year=year,
            agency=coord.disnaker,
            kind="disincentive",
        )
    client.force_login(coord.chair)
    url = reverse("coordination:recommendation_accept", args=[coord.task_force.pk, year])
    response = client.post(url, {"agency": coord.disnaker.pk, "kind": "incentive"})
    assert response.status_code == 302
    accepted = AcceptedRecommendation.objects.get()
    assert (accepted.agency, accepted.kind, accepted.accepted_by) == (
        coord.disnaker,
        "incentive",
        coord.chair,
    )
    page = client.get(reverse("coordination:scorecard", args=[coord.task_force.pk, year]))
    assert b'data-kind="disincentive"' in page.content
    with pytest.raises(ValidationError):
        services.recommendation_accept(
            actor=coord.chair,
            task_force=coord.task_force,
            year=year,
            agency=coord.disnaker,
            kind="incentive",
        )
