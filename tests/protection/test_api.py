"""Authorization matrix of the protection API: anonymous, other agency, same agency without the
permission, same agency with it. Refusals change nothing."""

import pytest
from rest_framework.test import APIClient

from lentera.apps.accounts.models import AuditEvent
from lentera.apps.protection import services
from lentera.apps.protection.models import Consent, Identification, Referral

pytestmark = pytest.mark.django_db


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user, token="personal-token")
    return client


def base(case, party):
    return f"/api/v1/protection/cases/{case.pk}/victims/{party.pk}"


def test_identification_matrix(cast, uptd_case, adult):
    path = base(uptd_case, adult) + "/identifications"
    payload = {"setting": "shelter", "indicators": ["debt"]}
    before = AuditEvent.objects.count()
    assert client_for().post(path, payload, format="json").status_code in (401, 403)
    assert (
        client_for(cast.batam_social_worker).post(path, payload, format="json").status_code == 404
    )
    assert client_for(cast.kupang_uptd_norole).post(path, payload, format="json").status_code == 403
    assert client_for(cast.kupang_uptd_intake).post(path, payload, format="json").status_code == 403
    assert not Identification.objects.exists()
    assert AuditEvent.objects.count() == before
    resp = client_for(cast.kupang_uptd_caseworker).post(path, payload, format="json")
    assert resp.status_code == 201
    assert resp.json()["decision"] == "presumed"


def test_referral_journey_over_the_api(cast, uptd_case, adult):
    refer = base(uptd_case, adult) + "/referrals"
    body = {
        "to_agency": cast.batam_dinsos.pk,
        "service_type": "shelter",
        "reason": "rumah aman",
        "share_people": True,
    }
    resp = client_for(cast.kupang_uptd_caseworker).post(refer, body, format="json")
    assert resp.status_code == 400
    assert "consent" in resp.json()
    assert not Referral.objects.exists()
    consent = client_for(cast.kupang_uptd_caseworker).post(
        base(uptd_case, adult) + "/consents",
        {"agencies": [cast.batam_dinsos.pk], "purpose": "rumah aman", "share_people": True},
        format="json",
    )
    assert consent.status_code == 201
    assert client_for(cast.pontianak_caseworker).post(refer, body, format="json").status_code == 404
    resp = client_for(cast.kupang_uptd_caseworker).post(refer, body, format="json")
    assert resp.status_code == 201, resp.json()
    rid = resp.json()["id"]
    step = f"/api/v1/protection/referrals/{rid}/accept"
    assert client_for(cast.pontianak_caseworker).post(step).status_code == 404
    assert client_for(cast.kupang_uptd_caseworker).post(step).status_code == 403
    assert Referral.objects.get().status == "sent"
    assert (
        client_for(cast.batam_social_worker)
        .get("/api/v1/protection/referrals?direction=in")
        .json()[0]["id"]
        == rid
    )
    assert client_for(cast.batam_social_worker).post(step).json()["status"] == "accepted"
    assert (
        client_for(cast.batam_social_worker)
        .post(f"/api/v1/protection/referrals/{rid}/decline", {"reason": "x"})
        .status_code
        == 400
    )
    timers = client_for(cast.kupang_uptd_caseworker).get(
        f"/api/v1/protection/cases/{uptd_case.pk}/timers"
    )
    assert timers.status_code == 200
    assert (
        client_for(cast.pontianak_caseworker)
        .get(f"/api/v1/protection/cases/{uptd_case.pk}/timers")
        .status_code
        == 404
    )


def test_consent_withdraw_matrix(cast, uptd_case, adult):
    c = services.consent_record(
        actor=cast.kupang_uptd_caseworker, party=adult, agencies=[cast.batam_dinsos], purpose="x"
    )
    path = f"/api/v1/protection/consents/{c.pk}/withdraw"
    assert client_for().post(path).status_code in (401, 403)
    assert client_for(cast.batam_social_worker).post(path).status_code == 404
    assert client_for(cast.kupang_uptd_norole).post(path).status_code == 403
    assert Consent.objects.get().withdrawn_at is None
    assert client_for(cast.kupang_uptd_caseworker).post(path).status_code == 200
    assert Consent.objects.get().withdrawn_at is not None


def test_overdue_and_providers_need_sign_in(cast):
    for path in ("/api/v1/protection/overdue", "/api/v1/protection/providers"):
        assert client_for().get(path).status_code in (401, 403)
        assert client_for(cast.kupang_uptd_caseworker).get(path).status_code == 200
