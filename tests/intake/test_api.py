"""Intake API: authorization matrix for every endpoint, the gateway never losing a message,
the public endpoints without an account, identity reads logged, and the schema."""

import base64
import json

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from lentera.apps.accounts import services as account_services
from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.accounts.permissions import Role
from lentera.apps.intake.models import Complaint
from lentera.privacy import unseal
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user, token="personal-token")
    return client


def complaint_events():
    return AuditEvent.objects.filter(object_type="intake.complaint")


# -- list and register ---------------------------------------------------------------------------


def test_list_matrix(cast, public_complaint, hotline_complaint):
    url = "/api/v1/complaints"
    assert client_for().get(url).status_code == 401
    for who in ("kupang_uptd_norole", "kupang_analyst", "kupang_auditor"):
        assert client_for(getattr(cast, who)).get(url).status_code == 403, who
    assert client_for(cast.batam_social_worker).get(url).json()["results"] == []
    body = client_for(cast.kupang_uptd_caseworker).get(url).json()
    assert {row["tracking_code"] for row in body["results"]} == {
        public_complaint.tracking_code,
        hotline_complaint.tracking_code,
    }
    text = json.dumps(body)
    assert "Yuliana" not in text and "paspor" not in text and "narrative" not in text
    assert not AccessLog.objects.exists()


def test_list_filters(cast, public_complaint, hotline_complaint):
    client = client_for(cast.kupang_uptd_intake)
    rows = client.get("/api/v1/complaints", {"channel": "hotline_129"}).json()["results"]
    assert [r["id"] for r in rows] == [hotline_complaint.pk]
    rows = client.get("/api/v1/complaints", {"child": "yes", "region": "53.71"}).json()["results"]
    assert [r["id"] for r in rows] == [public_complaint.pk]
    assert client.get("/api/v1/complaints", {"received_from": "kemarin"}).status_code == 400


def test_register_matrix(cast, regions):
    payload = {
        "channel": "walk_in",
        "narrative": "Seorang ibu melapor anaknya dibawa ke Batam.",
        "region": "53.71",
        "involves_child": "yes",
        "reporter_name": "Ibu Contoh",
        "reporter_phone": "0812 1111 2222",
    }
    url = "/api/v1/complaints"
    assert client_for().post(url, payload, format="json").status_code == 401
    for who in ("kupang_uptd_caseworker", "kupang_analyst", "kupang_uptd_norole"):
        assert client_for(getattr(cast, who)).post(url, payload, format="json").status_code == 403
    bad = client_for(cast.kupang_uptd_intake).post(
        url, {**payload, "channel": "web"}, format="json"
    )
    assert bad.status_code == 400 and "channel" in bad.json()
    bad = client_for(cast.kupang_uptd_intake).post(
        url, {**payload, "reporter_phone": "12"}, format="json"
    )
    assert bad.status_code == 400 and "reporter_phone" in bad.json()
    assert not Complaint.objects.exists() and not complaint_events().exists()
    ok = client_for(cast.kupang_uptd_intake).post(url, payload, format="json")
    assert ok.status_code == 201
    body = ok.json()
    assert body["urgency"] == "high" and body["routed_agency"] == cast.kupang_uptd.pk
    assert "Ibu Contoh" not in json.dumps(body)


# -- detail, triage, reporter --------------------------------------------------------------------


def test_detail_matrix(cast, hotline_complaint):
    url = f"/api/v1/complaints/{hotline_complaint.pk}"
    assert client_for().get(url).status_code == 401
    assert client_for(cast.batam_social_worker).get(url).status_code == 404
    assert client_for(cast.batam_social_worker).get("/api/v1/complaints/999999").status_code == 404
    assert client_for(cast.kupang_uptd_norole).get(url).status_code == 403
    assert not AccessLog.objects.exists()
    body = client_for(cast.kupang_uptd_caseworker).get(url).json()
    assert "paspor ditahan" in body["narrative"] and "Yuliana Contoh" not in json.dumps(body)
    log = AccessLog.objects.get()
    assert log.channel == "api" and log.fields == ["narrative"]


def test_detail_for_a_region_role_is_pseudonymised(cast, hotline_complaint):
    secretariat = make_user("kupang_secretariat", cast.kupang_police, [Role.SECRETARIAT])
    body = client_for(secretariat).get(f"/api/v1/complaints/{hotline_complaint.pk}").json()
    assert body["narrative"] is None and body["place"] is None
    assert not AccessLog.objects.exists()


def test_triage_matrix(cast, public_complaint, kupang_police_intake):
    url = f"/api/v1/complaints/{public_complaint.pk}/triage"
    payload = {
        "version": 1,
        "involves_child": "yes",
        "danger_now": True,
        "departure_today": False,
        "migrant_worker": False,
    }
    assert client_for().post(url, payload, format="json").status_code == 401
    assert client_for(kupang_police_intake).post(url, payload, format="json").status_code == 404
    assert (
        client_for(cast.kupang_uptd_caseworker).post(url, payload, format="json").status_code == 403
    )
    assert not complaint_events().filter(event_type="complaint_triaged").exists()
    ok = client_for(cast.kupang_uptd_intake).post(url, payload, format="json")
    assert ok.status_code == 200
    assert (
        ok.json()["urgency"] == "critical" and ok.json()["routed_agency"] == cast.kupang_police.pk
    )
    # routed now to the police: their intake officer sees it and may triage; the stale version
    # is a conflict (409)
    stale = client_for(kupang_police_intake).post(url, payload, format="json")
    with translation.override("id"):
        stale_message = str(Conflict().messages[0])
    assert stale.status_code == 409 and stale_message in json.dumps(
        stale.json(), ensure_ascii=False
    )
    again = client_for(kupang_police_intake).post(url, {**payload, "version": 2}, format="json")
    assert again.status_code == 200 and again.json()["version"] == 3
    override = client_for(kupang_police_intake).post(
        url, {**payload, "version": 3, "urgency": "normal"}, format="json"
    )
    assert override.status_code == 400 and "reason" in override.json()


def test_reporter_matrix(cast, hotline_complaint):
    url = f"/api/v1/complaints/{hotline_complaint.pk}/reporter"
    payload = {"purpose": "case_handling"}
    assert client_for().post(url, payload).status_code == 401
    assert client_for(cast.batam_social_worker).post(url, payload).status_code == 404
    assert client_for(cast.kupang_uptd_norole).post(url, payload).status_code == 403
    assert client_for(cast.kupang_police_investigator).post(url, payload).status_code == 404
    assert not AccessLog.objects.exists()
    bad = client_for(cast.kupang_uptd_intake).post(url, {"purpose": "nosy"})
    assert bad.status_code == 400 and not AccessLog.objects.exists()
    ok = client_for(cast.kupang_uptd_intake).post(url, payload)
    assert ok.status_code == 200 and ok.json()["name"] == "Yuliana Contoh"
    assert AccessLog.objects.get().channel == "api"


# -- gateway -------------------------------------------------------------------------------------

GATEWAY = "/api/v1/intake/gateway"


def test_gateway_matrix_and_reply(cast):
    payload = {"channel": "sms", "sender": "+6281234567890", "text": "TPPO#TKI#Maria#Adik dibawa"}
    assert client_for().post(GATEWAY, payload, format="json").status_code == 401
    for who in ("kupang_uptd_caseworker", "kupang_analyst", "kupang_uptd_norole"):
        assert (
            client_for(getattr(cast, who)).post(GATEWAY, payload, format="json").status_code == 403
        )
    assert not Complaint.objects.exists()
    ok = client_for(cast.kupang_uptd_intake).post(GATEWAY, payload, format="json")
    assert ok.status_code == 201
    body = ok.json()
    complaint = Complaint.objects.get()
    assert (
        body["tracking_code"] == complaint.tracking_code
        and complaint.tracking_code in body["reply"]
    )
    assert body["created"] is True and body["flags"] == []
    assert complaint.migrant_worker and complaint.receiving_agency == cast.kupang_uptd


def test_gateway_with_a_real_token(cast):
    _token, secret = account_services.api_token_create(actor=cast.kupang_uptd_intake, name="sms")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    response = client.post(
        GATEWAY,
        {"channel": "whatsapp", "sender": "6281234567890@c.us", "text": "tolong"},
        format="json",
    )
    assert response.status_code == 201
    client.credentials(HTTP_AUTHORIZATION="Token lnt_wrong")
    assert client.post(GATEWAY, {"text": "x"}, format="json").status_code == 401
    assert Complaint.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "content_type", "flag", "kept"),
    [
        (b'{"channel": "sms", "text": "TPPO#TKI#Ma', "application/json", "bad_request", None),
        (b"\xff\xfe\x00garbage", "application/json", "bad_request", None),
        (b'["TPPO#TKI#Maria#x"]', "application/json", "bad_request", None),
        (b"TPPO#TKI#Maria#Adik dibawa", "text/plain", "bad_request", None),
        (b'{"channel": "sms", "sender": "0812"}', "application/json", "no_text", "body"),
        (b'{"channel": "sms", "text": 12345}', "application/json", "free_text", "12345"),
        (
            b'{"channel": "sms", "text": "x", "received_at": "besok"}',
            "application/json",
            "bad_received_at",
            "x",
        ),
    ],
)
def test_gateway_stores_malformed_requests(cast, body, content_type, flag, kept):
    response = client_for(cast.kupang_uptd_intake).generic("POST", GATEWAY, body, content_type)
    assert response.status_code == 201
    complaint = Complaint.objects.get()
    assert flag in complaint.parse_flags
    if kept is None:  # the whole request body: as text when it is UTF-8, else its bytes
        raw = unseal(complaint.raw_base64)
        if raw:
            assert base64.b64decode(raw) == body
        else:
            assert unseal(complaint.raw_message).encode() == body
    elif kept == "body":
        assert unseal(complaint.raw_message) == body.decode()
    else:
        assert unseal(complaint.raw_message) == kept
    assert response.json()["tracking_code"] == complaint.tracking_code
    assert complaint_events().count() == 1


@pytest.mark.parametrize("text", ["•••", "TPPO#•••#•••#•••"])
def test_gateway_keeps_a_message_that_reads_like_the_mask(cast, text):
    """The mask guard refuses a form saved without decrypting; a message received is data and
    is kept whole, even one that is nothing but bullets."""
    response = client_for(cast.kupang_uptd_intake).post(
        GATEWAY, {"channel": "sms", "sender": "+6281234567890", "text": text}, format="json"
    )
    assert response.status_code == 201, response.content
    assert unseal(Complaint.objects.get().raw_message) == text


def test_gateway_raw_bytes_and_oversized(cast):
    data = "TPPO#ANAK#Siti#Adik".encode("utf-16-le")
    client = client_for(cast.kupang_uptd_intake)
    response = client.post(
        GATEWAY,
        {"channel": "sms", "sender": "081234567890", "raw": base64.b64encode(data).decode()},
        format="json",
    )
    complaint = Complaint.objects.get(pk=response.json()["id"])
    assert (
        unseal(complaint.raw_message) == "TPPO#ANAK#Siti#Adik" and complaint.involves_child == "yes"
    )
    assert base64.b64decode(unseal(complaint.raw_base64)) == data
    long_text = "TPPO#TKI#Maria#" + "panjang sekali " * 1000
    response = client.post(
        GATEWAY, {"channel": "sms", "sender": "081234567890", "text": long_text}, format="json"
    )
    complaint = Complaint.objects.get(pk=response.json()["id"])
    assert unseal(complaint.raw_message) == long_text and "oversized" in complaint.parse_flags


def test_gateway_retry_returns_the_same_code(cast):
    payload = {"channel": "sms", "sender": "081234567890", "text": "TPPO#x", "message_id": "gw-77"}
    client = client_for(cast.kupang_uptd_intake)
    first = client.post(GATEWAY, payload, format="json")
    again = client.post(GATEWAY, payload, format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["tracking_code"] == again.json()["tracking_code"]
    assert Complaint.objects.count() == 1


# -- public --------------------------------------------------------------------------------------


def test_public_complaint_needs_no_account(cast, regions):
    payload = {"narrative": "Ada calo di Tenau.", "region": "53.71", "reporter_anonymous": True}
    response = APIClient().post("/api/v1/public/complaints", payload, format="json")
    assert response.status_code == 201
    complaint = Complaint.objects.get()
    assert response.json()["tracking_code"] == complaint.tracking_code
    assert complaint.channel == "web" and complaint.receiving_agency == cast.kupang_uptd
    bad = APIClient().post("/api/v1/public/complaints", {"narrative": ""}, format="json")
    assert bad.status_code == 400 and Complaint.objects.count() == 1


def test_public_complaint_is_throttled(regions, settings):
    settings.LENTERA_RATE_LIMITS = {"report": (2, 3600)}
    client = APIClient()
    codes = [
        client.post(
            "/api/v1/public/complaints", {"narrative": "Ada calo."}, format="json"
        ).status_code
        for _ in range(3)
    ]
    assert codes == [201, 201, 429] and Complaint.objects.count() == 2


def test_public_status(cast, public_complaint):
    url = f"/api/v1/public/status/{public_complaint.tracking_code}"
    body = APIClient().get(url).json()
    assert body["status"] == "received" and body["tracking_code"] == public_complaint.tracking_code
    assert set(body) == {"tracking_code", "received_on", "status", "text", "note"}
    unknown = APIClient().get("/api/v1/public/status/LTR-2222-2222")
    malformed = APIClient().get("/api/v1/public/status/hello")
    assert unknown.status_code == malformed.status_code == 404
    assert unknown.json() == malformed.json()


def test_schema_lists_the_intake_endpoints(cast):
    schema = client_for(cast.kupang_uptd_caseworker).get("/api/v1/schema?format=json").json()
    for path in (
        "/api/v1/complaints",
        "/api/v1/complaints/{complaint_id}",
        "/api/v1/complaints/{complaint_id}/triage",
        "/api/v1/complaints/{complaint_id}/reporter",
        "/api/v1/intake/gateway",
        "/api/v1/public/complaints",
        "/api/v1/public/status/{code}",
    ):
        assert path in schema["paths"], path


def test_gateway_time_without_zone_is_the_agency_zone(cast):
    cast.kupang_uptd.time_zone = "Asia/Makassar"  # WITA, UTC+8
    cast.kupang_uptd.save(update_fields=["time_zone"])
    client = client_for(cast.kupang_uptd_intake)
    payload = {
        "channel": "sms",
        "sender": "0812",
        "text": "x",
        "received_at": "2025-03-01T21:15:00",
    }
    complaint = Complaint.objects.get(pk=client.post(GATEWAY, payload, format="json").json()["id"])
    assert complaint.received_at.isoformat() == "2025-03-01T13:15:00+00:00"
