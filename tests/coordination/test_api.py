"""The API: schedule and read a meeting, list and close action items; another task force's
secretariat and another agency find nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from lentera.apps.coordination.models import Meeting
from tests.coordination.conftest import assign, held

pytestmark = pytest.mark.django_db


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_schedule_and_read_a_meeting(cast, coord):
    body = {
        "task_force": coord.task_force.pk,
        "title": "Rapat ad hoc",
        "kind": "ad_hoc",
        "starts_at": (timezone.now() + timedelta(days=7)).isoformat(),
        "agencies": [cast.kupang_police.pk, coord.disnaker.pk],
    }
    refused = api(coord.pontianak_secretariat).post("/api/v1/meetings", body, format="json")
    assert refused.status_code == 404 and not Meeting.objects.exists()
    identity = api(coord.secretariat).post(
        "/api/v1/meetings", {**body, "place": "rumah 0812-3456-7890"}, format="json"
    )
    assert identity.status_code == 400 and "place" in identity.json()["errors"]
    created = api(coord.secretariat).post("/api/v1/meetings", body, format="json")
    assert created.status_code == 201
    data = created.json()
    assert (data["kind"], len(data["invitations"])) == ("ad_hoc", 2)
    listed = api(coord.secretariat).get("/api/v1/meetings").json()
    assert [m["id"] for m in listed["results"]] == [data["id"]]
    assert api(coord.pontianak_secretariat).get(f"/api/v1/meetings/{data['id']}").status_code == 404


def test_list_and_close_action_items(cast, coord):
    _meeting, decision = held(coord, cast)
    item = assign(coord, decision, coord.disnaker)
    assign(coord, decision, cast.kupang_police)
    mine = api(coord.disnaker_officer).get("/api/v1/action-items").json()["results"]
    assert [i["id"] for i in mine] == [item.pk]
    everyone = api(coord.secretariat).get("/api/v1/action-items").json()["results"]
    assert len(everyone) == 2
    url = f"/api/v1/action-items/{item.pk}/close"
    assert api(cast.kupang_police_investigator).post(url, {"version": 1}).status_code == 404
    stale = api(coord.disnaker_officer).post(url, {"version": 9, "note": "x"}, format="json")
    assert stale.status_code == 409
    done = api(coord.disnaker_officer).post(url, {"version": 1, "note": "Selesai."}, format="json")
    assert done.status_code == 200 and done.json()["status"] == "done"
    assert done.json()["on_time"] is True
