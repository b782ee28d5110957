"""Authorization matrix for every API endpoint: anonymous, other agency, same agency without the
permission, same agency with it. Refusals return nothing and change nothing."""

import pytest
from rest_framework.test import APIClient

from lentera.apps.accounts import services
from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.people.models import Person

pytestmark = pytest.mark.django_db


def client_for(user=None):
    """An API client authenticated as ``user`` through a personal token (as integrations are)."""
    client = APIClient()
    if user is not None:
        client.force_authenticate(user, token="personal-token")
    return client


READ_ENDPOINTS = [
    # path, who may read, who may not (besides anonymous)
    ("/api/v1/me", ["kupang_uptd_caseworker", "kupang_auditor"], []),
    ("/api/v1/agencies", ["kupang_uptd_caseworker"], []),
    ("/api/v1/task-forces", ["kupang_uptd_caseworker"], []),
    ("/api/v1/regions?q=Kupang", ["kupang_uptd_caseworker"], []),
    ("/api/v1/countries", ["kupang_uptd_caseworker"], []),
    ("/api/v1/destination-policies", ["kupang_uptd_caseworker"], []),
    ("/api/v1/people", ["kupang_uptd_caseworker", "kupang_analyst"], ["kupang_auditor"]),
    ("/api/v1/audit-events", ["kupang_auditor"], ["kupang_uptd_caseworker", "kupang_uptd_admin"]),
    ("/api/v1/access-log", ["kupang_auditor"], ["kupang_uptd_caseworker", "system_admin"]),
    ("/api/v1/schema", ["kupang_uptd_caseworker"], []),
]


@pytest.mark.parametrize(("path", "allowed", "denied"), READ_ENDPOINTS)
def test_read_matrix(cast, kupang_child, path, allowed, denied):
    assert client_for().get(path).status_code == 401
    for name in allowed:
        assert client_for(getattr(cast, name)).get(path).status_code == 200, name
    for name in denied:
        assert client_for(getattr(cast, name)).get(path).status_code == 403, name


def test_person_detail_matrix(cast, kupang_child):
    path = f"/api/v1/people/{kupang_child.pk}"
    assert client_for().get(path).status_code == 401
    # other agency: not found (existence hidden), same as a missing id
    assert client_for(cast.batam_social_worker).get(path).status_code == 404
    assert client_for(cast.batam_social_worker).get("/api/v1/people/999999").status_code == 404
    # same agency without the permission
    assert client_for(cast.kupang_uptd_norole).get(path).status_code == 403
    body = client_for(cast.kupang_uptd_caseworker).get(path).json()
    assert body["initials"] == "E.C.N." and body["is_child"] is True
    assert "Ester" not in str(body)


def test_people_list_is_pseudonymised_and_scoped(cast, kupang_child):
    body = client_for(cast.kupang_analyst).get("/api/v1/people").json()
    assert [row["id"] for row in body["results"]] == [kupang_child.pk]
    assert "Ester" not in str(body)
    assert client_for(cast.batam_social_worker).get("/api/v1/people").json()["results"] == []


def test_identity_matrix(cast, kupang_child):
    path = f"/api/v1/people/{kupang_child.pk}/identity"
    payload = {"purpose": "victim_services"}
    assert client_for().post(path, payload).status_code == 401
    # other agencies: the person does not exist for them
    assert client_for(cast.batam_social_worker).post(path, payload).status_code == 404
    assert client_for(cast.kupang_police_investigator).post(path, payload).status_code == 404
    # same region, may see the pseudonym but holds no identity permission
    assert client_for(cast.kupang_analyst).post(path, payload).status_code == 403
    assert not AccessLog.objects.exists()
    bad = client_for(cast.kupang_uptd_caseworker).post(path, {"purpose": "nosy"})
    assert bad.status_code == 400 and "purpose" in bad.json()
    ok = client_for(cast.kupang_uptd_caseworker).post(path, payload)
    assert ok.status_code == 200 and ok.json()["full_name"] == "Ester Contoh Nenobais"
    assert AccessLog.objects.get().channel == "api"


def test_create_person_matrix(cast, regions):
    payload = {
        "full_name": "Maria Contoh",
        "sex": "female",
        "phones": ["0813 1111 2222"],
        "region": "53.71",
    }
    assert client_for().post("/api/v1/people", payload, format="json").status_code == 401
    assert (
        client_for(cast.kupang_analyst).post("/api/v1/people", payload, format="json").status_code
        == 403
    )
    assert not Person.objects.exists()
    bad = client_for(cast.kupang_uptd_intake).post(
        "/api/v1/people", {**payload, "nik": "123"}, format="json"
    )
    assert bad.status_code == 400 and "nik" in bad.json()
    assert not Person.objects.exists()
    ok = client_for(cast.kupang_uptd_intake).post("/api/v1/people", payload, format="json")
    assert ok.status_code == 201 and ok.json()["initials"] == "M.C."
    assert Person.objects.get().owner_agency == cast.kupang_uptd


def test_destination_policy_write_matrix(cast, regions):
    payload = {
        "country": "MY",
        "sector": "domestic_work",
        "status": "open",
        "legal_basis": "MoU RI–Malaysia 2022",
        "valid_from": "2022-04-01",
    }
    events = AuditEvent.objects.count()
    assert (
        client_for(cast.kupang_uptd_caseworker)
        .post("/api/v1/destination-policies", payload, format="json")
        .status_code
        == 403
    )
    assert (
        client_for(cast.kupang_uptd_admin)
        .post("/api/v1/destination-policies", payload, format="json")
        .status_code
        == 403
    )
    assert AuditEvent.objects.count() == events
    ok = client_for(cast.system_admin).post("/api/v1/destination-policies", payload, format="json")
    assert ok.status_code == 201
    dup = client_for(cast.system_admin).post("/api/v1/destination-policies", payload, format="json")
    assert dup.status_code == 400 and "valid_from" in dup.json()


def test_admin_session_without_second_factor_is_refused(cast):
    client = APIClient()
    client.force_authenticate(cast.system_admin)  # a session, not a token
    assert client.get("/api/v1/me").status_code == 403


def test_token_authentication(cast):
    _token, secret = services.api_token_create(actor=cast.kupang_uptd_caseworker, name="sms")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    assert client.get("/api/v1/me").json()["username"] == "kupang_uptd_caseworker"
    services.api_token_revoke(actor=cast.kupang_uptd_caseworker, token=_token)
    assert client.get("/api/v1/me").status_code == 401
    client.credentials(HTTP_AUTHORIZATION="Token lnt_wrong")
    assert client.get("/api/v1/me").status_code == 401


def test_openapi_schema_lists_endpoints(cast):
    schema = client_for(cast.kupang_uptd_caseworker).get("/api/v1/schema?format=json").json()
    assert "/api/v1/people/{person_id}/identity" in schema["paths"]


def test_person_accounts_matrix(cast, kupang_child):
    path = f"/api/v1/people/{kupang_child.pk}/accounts"
    payload = {"kind": "ewallet", "provider": "DANA", "identifier": "0812 3456 7890"}
    assert client_for().post(path, payload).status_code == 401
    assert client_for(cast.batam_social_worker).post(path, payload).status_code == 404
    assert client_for(cast.kupang_analyst).post(path, payload).status_code == 403
    assert (
        client_for(cast.kupang_uptd_caseworker).post(path, {**payload, "kind": "x"}).status_code
        == 400
    )
    ok = client_for(cast.kupang_uptd_caseworker).post(path, payload)
    assert ok.status_code == 201 and ok.json()["provider"] == "DANA"
    assert "0812" not in str(ok.json())
