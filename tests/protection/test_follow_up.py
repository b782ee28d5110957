"""Return home, reintegration visits, restitution steps and service status: pages with their
validation messages, and the authorization matrix of each page (refusals change nothing)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from lentera.apps.accounts.models import AuditEvent
from lentera.apps.protection import services
from lentera.apps.protection.models import (
    ReintegrationVisit,
    Restitution,
    ReturnPlan,
    Service,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(client):
    """Pages and messages in English, whatever language an earlier test left active."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def case_url(case, rest=""):
    return f"/perlindungan/kasus/{case.pk}/{rest}"


@pytest.fixture
def plan(cast, adult, regions):
    return services.return_plan(
        actor=cast.kupang_uptd_caseworker,
        party=adult,
        victim_wishes_return=True,
        home_region=regions["53.71"],
    )


def test_return_page_journey_with_clear_errors(client, cast, uptd_case, adult, plan):
    client.force_login(cast.kupang_uptd_caseworker)
    url = case_url(uptd_case, f"pemulangan/{plan.pk}/")
    assert client.get(url).status_code == 200
    # hand-over refused: family not assessed, not judged safe
    today = timezone.localdate()
    resp = client.post(url, {"step": "complete", "returned_on": today, "handover_to": "Ibu"})
    assert resp.status_code == 200
    body = resp.content.decode()
    assert "Assess the family before the return." in body
    assert "The return has not been judged safe." in body
    assert ReturnPlan.objects.get(pk=plan.pk).status == "planned"
    # safety without a family assessment is refused too
    base = {
        "step": "update",
        "version": plan.version,
        "victim_wishes_return": "on",
        "home_region_code": "53.71",
        "safe_to_return": "on",
    }
    resp = client.post(url, base)
    assert "Judge the safety of the return after assessing the family." in resp.content.decode()
    resp = client.post(
        url,
        {
            **base,
            "family_assessed": "on",
            "family_assessment": "Orang tua siap menerima, tidak ada ancaman dari perekrut",
            "paying_agency": cast.kupang_uptd.pk,
            "travel": "Pesawat Batam–Kupang, didampingi pendamping",
            "travel_on": today - timedelta(days=100),
            "handover_to": "Ibu kandung",
        },
    )
    assert resp.status_code == 302
    saved = ReturnPlan.objects.get(pk=plan.pk)
    assert (saved.family_assessed, saved.safe_to_return, saved.version) == (True, True, 2)
    assert saved.paying_agency == cast.kupang_uptd
    # a stale form does not overwrite
    resp = client.post(url, {**base, "family_assessed": "on", "family_assessment": "x"})
    assert "This record was changed by someone else" in resp.content.decode()
    # the hand-over cannot precede the travel
    resp = client.post(
        url, {"step": "complete", "returned_on": today - timedelta(days=101), "handover_to": ""}
    )
    assert "The hand-over cannot be before the travel." in resp.content.decode()
    resp = client.post(
        url, {"step": "complete", "returned_on": today - timedelta(days=99), "handover_to": ""}
    )
    assert resp.status_code == 302
    saved = ReturnPlan.objects.get(pk=plan.pk)
    assert (saved.status, saved.handover_to) == ("completed", "Ibu kandung")
    # visits: closing too early is refused; a visit after 3 months closes the follow-up
    resp = client.post(
        url,
        {"step": "visit", "visited_on": today - timedelta(days=60), "closes_follow_up": "on"},
    )
    assert "Follow-up lasts at least 3 months after the return." in resp.content.decode()
    for day, closes in ((today - timedelta(days=60), False), (today, True)):
        data = {"step": "visit", "visited_on": day, "wellbeing": "Sehat, bekerja di pasar"}
        if closes:
            data["closes_follow_up"] = "on"
        assert client.post(url, data).status_code == 302
    assert ReintegrationVisit.objects.filter(plan=plan).count() == 2
    page = client.get(url).content.decode()
    assert "Sehat, bekerja di pasar" in page and 'data-testid="visit-form"' not in page
    # a closed follow-up takes no more visits
    resp = client.post(url, {"step": "visit", "visited_on": today})
    assert "already closed" in resp.content.decode()
    kinds = list(
        AuditEvent.objects.filter(object_id=str(uptd_case.pk))
        .filter(event_type__in=["return_updated", "return_completed", "reintegration_visit"])
        .values_list("event_type", flat=True)
    )
    assert sorted(kinds) == [
        "reintegration_visit",
        "reintegration_visit",
        "return_completed",
        "return_updated",
    ]


def test_return_cancel_needs_reason_and_then_nothing_moves(client, cast, uptd_case, plan):
    client.force_login(cast.kupang_uptd_caseworker)
    url = case_url(uptd_case, f"pemulangan/{plan.pk}/")
    resp = client.post(url, {"step": "cancel", "cancel-reason": ""})
    assert resp.status_code == 200 and ReturnPlan.objects.get(pk=plan.pk).status == "planned"
    resp = client.post(url, {"step": "cancel", "cancel-reason": "Korban memilih tinggal di Batam"})
    assert resp.status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.cancel_reason) == ("cancelled", "Korban memilih tinggal di Batam")
    with pytest.raises(services.IllegalTransition):
        services.return_complete(
            actor=cast.kupang_uptd_caseworker, plan=plan, returned_on=timezone.localdate()
        )
    with pytest.raises(services.IllegalTransition):
        services.return_update(actor=cast.kupang_uptd_caseworker, plan=plan, version=2, travel="x")


def test_return_page_matrix(client, cast, uptd_case, plan):
    url = case_url(uptd_case, f"pemulangan/{plan.pk}/")
    post = {"step": "cancel", "cancel-reason": "x"}
    before = AuditEvent.objects.count()
    assert client.get(url).status_code == 302
    client.force_login(cast.batam_social_worker)
    assert client.get(url).status_code == 404
    assert client.post(url, post).status_code == 404
    client.force_login(cast.kupang_uptd_norole)
    assert client.get(url).status_code == 403
    client.force_login(cast.kupang_uptd_intake)  # lead agency: reads the file, may not serve
    page = client.get(url).content.decode()
    assert 'name="step"' not in page
    assert client.post(url, post).status_code == 403
    client.force_login(cast.kupang_police_investigator)  # other agency of the same city
    assert client.get(url).status_code == 404
    assert ReturnPlan.objects.get(pk=plan.pk).status == "planned"
    assert AuditEvent.objects.count() == before
    client.force_login(cast.kupang_uptd_caseworker)
    assert client.get(url).status_code == 200
    # a plan of another case is not found through this case
    assert client.get(case_url(uptd_case, f"pemulangan/{plan.pk + 999}/")).status_code == 404


def test_restitution_page_steps_alerts_and_errors(client, cast, uptd_case, adult):
    client.force_login(cast.kupang_uptd_caseworker)
    add = case_url(uptd_case, f"korban/{adult.pk}/restitusi/")
    resp = client.post(add, {"amount_claimed": 0, "basis": ""})
    assert resp.status_code == 200 and not Restitution.objects.exists()
    resp = client.post(add, {"amount_claimed": 25_000_000, "basis": "Upah yang dijanjikan"})
    assert resp.status_code == 302
    r = Restitution.objects.get()
    assert AuditEvent.objects.filter(event_type="restitution_claimed").count() == 1
    url = case_url(uptd_case, f"restitusi/{r.pk}/")
    page = client.get(url).content.decode()
    assert "include the claim in the demand" in page
    today = timezone.localdate()
    notice = today - timedelta(days=20)
    # the final verdict before the order is refused with a clear message
    resp = client.post(url, {"version": 1, "final_notice_on": notice})
    assert "Record the court&#x27;s order first." in resp.content.decode()
    steps = {
        "version": 1,
        "in_demand_on": notice - timedelta(days=60),
        "ordered_on": notice - timedelta(days=30),
        "amount_ordered": 20_000_000,
        "final_notice_on": notice,
    }
    assert client.post(url, steps).status_code == 302
    page = client.get(url).content.decode()
    assert "Payment was due by" in page  # 14 days passed
    assert Restitution.objects.get().status == "final"
    # the victim tells the court, the court warns; then partial payment is flagged
    steps.update(version=2, court_notified_on=notice + timedelta(days=15))
    assert client.post(url, steps).status_code == 302
    assert Restitution.objects.get().status == "court_notified"
    steps.update(version=3, warning_on=notice + timedelta(days=17))
    assert client.post(url, steps).status_code == 302
    assert "14 days after the court" in client.get(url).content.decode()
    steps.update(version=4, paid_on=today, amount_paid=5_000_000)
    assert client.post(url, steps).status_code == 302
    r = Restitution.objects.get()
    assert r.status == "paid"
    assert "Only Rp 5.000.000 of Rp 20.000.000 was paid." in client.get(url).content.decode()
    # stale version
    resp = client.post(url, {**steps, "version": 1, "amount_paid": 6_000_000})
    assert "This record was changed by someone else" in resp.content.decode()
    assert Restitution.objects.get().amount_paid == 5_000_000


def test_restitution_closed_unpaid(cast, adult):
    r = services.restitution_claim(
        actor=cast.kupang_uptd_caseworker, party=adult, amount_claimed=1_000_000, basis="ongkos"
    )
    today = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.restitution_update(
            actor=cast.kupang_uptd_caseworker, restitution=r, version=1, unpaid_closed_on=today
        )
    assert "unpaid_closed_on" in exc.value.message_dict
    r = services.restitution_update(
        actor=cast.kupang_uptd_caseworker,
        restitution=r,
        version=1,
        ordered_on=today - timedelta(days=90),
        amount_ordered=1_000_000,
        final_notice_on=today - timedelta(days=80),
        warning_on=today - timedelta(days=60),
        seizure_on=today - timedelta(days=40),
        unpaid_closed_on=today,
    )
    assert r.status == "not_paid"


def test_restitution_page_matrix(client, cast, uptd_case, adult):
    r = services.restitution_claim(
        actor=cast.kupang_uptd_caseworker, party=adult, amount_claimed=1_000, basis="ongkos"
    )
    url = case_url(uptd_case, f"restitusi/{r.pk}/")
    post = {"version": 1, "in_demand_on": timezone.localdate()}
    assert client.get(url).status_code == 302
    client.force_login(cast.batam_social_worker)
    assert client.get(url).status_code == 404
    assert client.post(url, post).status_code == 404
    client.force_login(cast.kupang_uptd_norole)
    assert client.get(url).status_code == 403
    client.force_login(cast.kupang_uptd_intake)
    assert client.post(url, post).status_code == 403  # reads the case, may not change it
    assert Restitution.objects.get().version == 1
    client.force_login(cast.kupang_uptd_caseworker)
    assert client.post(url, post).status_code == 302
    assert Restitution.objects.get().status == "in_demand"


def test_service_status_page(client, cast, uptd_case, adult):
    s = services.service_plan(
        actor=cast.kupang_uptd_caseworker,
        party=adult,
        service_type="legal_aid",
        provider_agency=cast.kupang_uptd,
    )
    url = case_url(uptd_case, f"layanan/{s.pk}/")
    client.force_login(cast.batam_social_worker)
    assert client.get(url).status_code == 404
    client.force_login(cast.kupang_uptd_intake)
    assert client.get(url).status_code == 403
    client.force_login(cast.kupang_uptd_caseworker)
    page = client.get(url).content.decode()
    assert 'value="in_progress"' in page and 'value="done"' not in page  # only legal moves
    resp = client.post(url, {"status": "done"})
    assert resp.status_code == 200 and Service.objects.get().status == "planned"
    resp = client.post(url, {"status": "cancelled", "note": ""})
    assert "Say why the service is cancelled." in resp.content.decode()
    resp = client.post(url, {"status": "cancelled", "note": "Korban sudah didampingi LBH"})
    assert resp.status_code == 302
    s.refresh_from_db()
    assert (s.status, s.status_note) == ("cancelled", "Korban sudah didampingi LBH")
    assert "This service is closed." in client.get(url).content.decode()
    assert AuditEvent.objects.filter(event_type="service_updated").count() == 1


def test_messages_are_indonesian_by_default(client, cast, uptd_case, plan):
    """The protection catalogue translates the new messages; Indonesian is the default."""
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    client.force_login(cast.kupang_uptd_caseworker)
    url = case_url(uptd_case, f"pemulangan/{plan.pk}/")
    resp = client.post(url, {"step": "cancel", "cancel-reason": " "})
    body = resp.content.decode()
    assert "Batalkan pemulangan" in body
    assert "Catat serah terima" in body
