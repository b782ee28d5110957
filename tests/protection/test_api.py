"""Authorization matrix of the protection API: anonymous, other agency, same agency without the
permission, same agency with it. Refusals change nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from lentera.apps.accounts.models import AuditEvent
from lentera.apps.protection import services
from lentera.apps.protection.models import Consent, Identification, Referral, ReturnPlan

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
    assert client_for().post(path, payload, format="json").status_code == 401
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
    assert client_for().post(path).status_code == 401
    assert client_for(cast.batam_social_worker).post(path).status_code == 404
    assert client_for(cast.kupang_uptd_norole).post(path).status_code == 403
    assert Consent.objects.get().withdrawn_at is None
    assert client_for(cast.kupang_uptd_caseworker).post(path).status_code == 200
    assert Consent.objects.get().withdrawn_at is not None


def test_overdue_and_providers_need_sign_in(cast):
    for path in ("/api/v1/protection/overdue", "/api/v1/protection/providers"):
        assert client_for().get(path).status_code == 401
        assert client_for(cast.kupang_uptd_caseworker).get(path).status_code == 200


def test_assessment_and_service_endpoints_matrix(cast, uptd_case, adult):
    assess = base(uptd_case, adult) + "/assessments"
    body = {"needs": {"safety": "high", "health": "medium"}, "notes": "Trauma"}
    before = AuditEvent.objects.count()
    assert client_for().post(assess, body, format="json").status_code == 401
    assert client_for(cast.batam_social_worker).post(assess, body, format="json").status_code == 404
    assert client_for(cast.kupang_uptd_intake).post(assess, body, format="json").status_code == 403
    assert AuditEvent.objects.count() == before
    bad = client_for(cast.kupang_uptd_caseworker).post(
        assess, {"needs": {"spa": "high"}}, format="json"
    )
    assert bad.status_code == 400
    ok = client_for(cast.kupang_uptd_caseworker).post(assess, body, format="json")
    assert ok.status_code == 201 and ok.json()["needs"]["safety"] == "high"
    svc = client_for(cast.kupang_uptd_caseworker).post(
        base(uptd_case, adult) + "/services",
        {"service_type": "health", "provider_agency": cast.kupang_uptd.pk, "urgent": True},
        format="json",
    )
    assert svc.status_code == 201
    step = f"/api/v1/protection/services/{svc.json()['id']}/status"
    assert (
        client_for(cast.batam_social_worker).post(step, {"status": "in_progress"}).status_code
        == 404
    )
    assert (
        client_for(cast.kupang_uptd_intake).post(step, {"status": "in_progress"}).status_code == 403
    )
    illegal = client_for(cast.kupang_uptd_caseworker).post(step, {"status": "done"})
    assert illegal.status_code == 400
    moved = client_for(cast.kupang_uptd_caseworker).post(step, {"status": "in_progress"})
    assert moved.status_code == 200 and moved.json()["status"] == "in_progress"


def test_return_and_restitution_endpoints(cast, uptd_case, adult):
    today = timezone.localdate()

    def ago(days):
        return (today - timedelta(days=days)).isoformat()

    cw = client_for(cast.kupang_uptd_caseworker)
    create = cw.post(
        base(uptd_case, adult) + "/returns",
        {"victim_wishes_return": True, "home_region_code": "99.99"},
        format="json",
    )
    assert create.status_code == 400 and "home_region_code" in create.json()
    plan = cw.post(
        base(uptd_case, adult) + "/returns",
        {"victim_wishes_return": True, "home_region_code": "53.71"},
        format="json",
    ).json()
    path = f"/api/v1/protection/returns/{plan['id']}"
    assert client_for(cast.batam_social_worker).get(path).status_code == 404
    assert (
        client_for(cast.kupang_uptd_intake).post(path + "/cancel", {"reason": "x"}).status_code
        == 403
    )
    refused = cw.post(path + "/complete", {"returned_on": ago(60)}, format="json")
    assert refused.status_code == 400 and "family_assessed" in refused.json()
    updated = cw.post(
        path + "/update",
        {
            "version": plan["version"],
            "family_assessed": True,
            "family_assessment": "Keluarga siap",
            "safe_to_return": True,
            "handover_to": "Ibu",
        },
        format="json",
    )
    assert updated.status_code == 200, updated.json()
    assert updated.json()["version"] == 2
    # a partial update keeps what it does not name (the stored assessment is encrypted)
    partial = cw.post(path + "/update", {"version": 2, "travel": "Kapal"}, format="json")
    assert partial.status_code == 200, partial.content
    saved = ReturnPlan.objects.get(pk=plan["id"])
    assert (saved.travel, saved.family_assessment.unseal()) == ("Kapal", "Keluarga siap")
    done = cw.post(path + "/complete", {"returned_on": ago(60)}, format="json")
    assert done.json()["status"] == "completed"
    visit = cw.post(path + "/visits", {"visited_on": ago(30), "wellbeing": "baik"}, format="json")
    assert visit.status_code == 201
    assert len(cw.get(path).json()["visits"]) == 1
    assert cw.post(path + "/fly").status_code == 404
    # restitution
    claim = cw.post(
        base(uptd_case, adult) + "/restitutions",
        {"amount_claimed": 15_000_000, "basis": "Upah tidak dibayar"},
        format="json",
    )
    assert claim.status_code == 201
    rpath = f"/api/v1/protection/restitutions/{claim.json()['id']}"
    assert client_for(cast.pontianak_caseworker).get(rpath).status_code == 404
    step = cw.post(rpath, {"version": 1, "in_demand_on": ago(20)}, format="json")
    assert step.json()["status"] == "in_demand"
    stale = cw.post(rpath, {"version": 1, "ordered_on": ago(10)}, format="json")
    assert stale.status_code == 400
