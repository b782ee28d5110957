"""The qualification page, its API endpoint and the snapshots they store."""

import json
from pathlib import Path

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from lentera.apps.accounts.models import AuditEvent
from lentera.apps.cases.models import QualificationSnapshot
from lentera.law import ENGINE_VERSION

pytestmark = pytest.mark.django_db

CHILD_ABROAD = {
    "offence_date": "2023-05-10",
    "acts": ["recruitment", "sending"],
    "purposes": ["forced_labour"],
    "movement": "out_of_indonesia",
    "victims": [{"age_at_offence": 16, "citizenship": "ID"}],
}


def api(user):
    client = APIClient()
    client.force_authenticate(user, token="personal-token")
    return client


def test_api_matrix_and_snapshot(cast):
    path = "/api/v1/qualify"
    assert APIClient().post(path, CHILD_ABROAD, format="json").status_code == 401
    for who in ("kupang_uptd_intake", "kupang_analyst", "kupang_auditor"):
        assert api(getattr(cast, who)).post(path, CHILD_ABROAD, format="json").status_code == 403
    assert not QualificationSnapshot.objects.exists()
    response = api(cast.kupang_police_investigator).post(path, CHILD_ABROAD, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["outcome"] == "trafficking" and body["regime"] == "UU21/2007"
    refs = {c["ref"] for c in body["charges"]}
    assert "UU21/2007:4" in refs
    pasal4 = next(c for c in body["charges"] if c["ref"] == "UU21/2007:4")
    assert "UU21/2007:17" in pasal4["aggravations"]
    snapshot = QualificationSnapshot.objects.get(pk=body["snapshot"])
    assert snapshot.actor == cast.kupang_police_investigator
    assert snapshot.engine_version == ENGINE_VERSION and snapshot.channel == "api"
    assert snapshot.facts == CHILD_ABROAD
    assert AuditEvent.objects.filter(event_type="qualification_run").count() == 1


def test_api_invalid_input_is_a_clear_400(cast):
    response = api(cast.kupang_police_investigator).post(
        "/api/v1/qualify", {**CHILD_ABROAD, "acts": ["kidnap"]}, format="json"
    )
    assert response.status_code == 400
    assert "acts" in json.dumps(response.json())
    assert not QualificationSnapshot.objects.exists()


# ../shared beside the repository root, never an absolute machine path
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "qualify"


@pytest.mark.skipif(
    not (SHARED / "cases.jsonl").exists(),
    reason="the shared examples are not beside the repository",
)
def test_api_matches_the_shared_examples(cast):
    shared = SHARED
    cases = [json.loads(line) for line in (shared / "cases.jsonl").read_text().splitlines() if line]
    expected = [
        json.loads(line) for line in (shared / "expected.jsonl").read_text().splitlines() if line
    ]
    client = api(cast.kupang_police_investigator)
    for facts, want in zip(cases, expected, strict=True):
        got = client.post("/api/v1/qualify", facts, format="json").json()
        assert got["outcome"] == want["outcome"], facts.get("id")
        if "charges" in want:
            assert {c["ref"] for c in got["charges"]} == {c["ref"] for c in want["charges"]}


def test_page_matrix(client, cast):
    url = reverse("cases:qualify")
    assert client.get(url).status_code == 302
    client.force_login(cast.kupang_analyst)
    assert client.get(url).status_code == 403
    client.force_login(cast.kupang_uptd_caseworker)
    page = client.get(url).content.decode()
    assert 'data-testid="not-legal-advice"' in page


def test_page_runs_and_shows_reasons(client, cast):
    client.force_login(cast.kupang_uptd_caseworker)
    response = client.post(
        reverse("cases:qualify"),
        {
            "offence_date": "2026-03-01",
            "acts": ["recruitment"],
            "means": ["fraud"],
            "purposes": ["prostitution"],
            "movement": "domestic",
            "victim0_age": "15",
            "victim0_citizenship": "ID",
        },
    )
    page = response.content.decode()
    assert "KUHP:455" in page and 'data-testid="qualification-result"' in page
    snapshot = QualificationSnapshot.objects.get()
    assert snapshot.regime == "KUHP2023" and snapshot.actor == cast.kupang_uptd_caseworker
