"""Routing rules as data (issue #18, item 2): region × category × age band → agencies, the task
force every report reaches, the preview, the page and the API, and the child's report from
Kabupaten Kupang that went to the manpower office."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from lentera.apps.accounts import services as account_services
from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.demo import load_demo
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, AuditEvent, TaskForce, User
from lentera.apps.intake import services
from lentera.apps.intake.models import Complaint, RoutingRule
from lentera.apps.intake.policies import complaints
from lentera.apps.intake.routing import RouteFacts, route, seed_demo_rules
from lentera.apps.intake.services import FactsInput, ReporterInput
from lentera.apps.intake.services.routing_rules import routing_rule_save
from lentera.apps.reference.models import Region

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "Demo-Sandi-2026!"


@pytest.fixture
def kab_kupang(regions):
    return Region.objects.create(code="53.01", name="Kupang", level="regency", parent=regions["53"])


@pytest.fixture
def demo(regions, kab_kupang):
    """The demo world (its agencies, task forces, users and default routing rules)."""
    load_demo(password=DEMO_PASSWORD)
    return {a.short_name: a for a in Agency.objects.all()}


def child_report(region, **facts):
    return services.complaint_submit_public(
        facts=FactsInput(
            narrative="Anak 15 tahun dari desa kami dijanjikan kerja di Malaysia oleh calo.",
            region=region,
            involves_child="yes",
            **facts,
        ),
        reporter=ReporterInput(anonymous=True),
    )


def test_child_from_kabupaten_kupang_reaches_uptd_and_the_kupang_task_force(demo, kab_kupang):
    complaint = child_report(kab_kupang, migrant_worker=True)
    assert complaint.routed_agency.name == "UPTD PPA Kota Kupang"  # not the manpower office
    assert complaint.task_force.name == "Gugus Tugas PP-TPPO Kota Kupang"
    rule = RoutingRule.objects.get(pk=int(complaint.routing_rule.split(":")[1]))
    assert rule.region == kab_kupang and rule.age_band == "child"
    # the Kupang intake officer handles it; the secretariat sees it (pseudonymised)
    intake = User.objects.get(username="kupang.intake")
    secretariat = User.objects.get(username="kupang.sekretariat")
    assert complaints.can(intake, complaints_action("triage"), complaint)
    assert complaints.visible(secretariat, complaints_action("view")).filter(pk=complaint.pk)
    assert not complaints.is_handler(secretariat, complaint)
    # Pontianak's secretariat does not
    pontianak = User.objects.get(username="pontianak.intake")
    assert not complaints.visible(pontianak, complaints_action("view")).filter(pk=complaint.pk)


def test_without_the_rules_the_same_report_went_to_the_manpower_office(demo, kab_kupang):
    RoutingRule.objects.update(is_active=False)
    complaint = child_report(kab_kupang, migrant_worker=True)
    assert complaint.routed_agency.short_name == "Disnakertrans NTT"  # the bug of the issue
    # even then the report reaches a task force with a secretariat (here the national one)
    assert complaint.task_force is not None
    assert complaint.task_force.memberships.filter(role="secretariat").exists()


def test_crime_in_progress_goes_to_the_city_police_not_polda(demo, kab_kupang):
    complaint = child_report(kab_kupang, danger_now=True)
    assert complaint.routed_agency.short_name == "Polresta Kupang"
    assert complaint.task_force.name == "Gugus Tugas PP-TPPO Kota Kupang"


def complaints_action(kind):
    from lentera.apps.accounts.permissions import Action

    return {"triage": Action.TRIAGE_COMPLAINT, "view": Action.VIEW_COMPLAINT}[kind]


def test_seeding_twice_adds_nothing(demo):
    assert RoutingRule.objects.count() >= 8
    assert seed_demo_rules() == 0


def test_order_priority_then_nearest_region_then_fallback(cast, regions):
    ntt_police = account_services.agency_create(
        actor=None, name="Polda NTT", agency_type="police", region=regions["53"]
    )
    province = routing_rule_save(
        actor=cast.system_admin,
        region=regions["53"],
        category="any",
        age_band="any",
        agency=ntt_police,
        priority=50,
        note="Provinsi",
    )
    city = routing_rule_save(
        actor=cast.system_admin,
        region=regions["53.71"],
        category="any",
        age_band="any",
        agency=cast.kupang_uptd,
        fallback_agency=cast.kupang_police,
        priority=50,
        note="Kota",
    )
    facts = RouteFacts(region_code="53.71.01")
    assert route(facts).rule == city  # same priority: the nearest region wins
    assert route(RouteFacts(region_code="53")).rule == province
    # a lower priority number wins over a nearer region
    urgent = routing_rule_save(
        actor=cast.system_admin,
        region=None,
        category="crime_in_progress",
        age_band="any",
        agency=cast.national_satgas,
        priority=5,
        note="Bahaya",
    )
    assert route(RouteFacts(region_code="53.71.01", danger_now=True)).rule == urgent
    assert route(facts).rule == city  # not a crime in progress
    # the first agency inactive: the fallback
    Agency.objects.filter(pk=cast.kupang_uptd.pk).update(is_active=False)
    found = route(facts)
    assert found.rule == city and found.agency == cast.kupang_police


def test_age_band_adult_does_not_take_an_unknown_age(cast, regions):
    adults = routing_rule_save(
        actor=cast.system_admin,
        region=regions["53"],
        category="any",
        age_band="adult",
        agency=cast.kupang_police,
        note="Dewasa",
    )
    assert route(RouteFacts(region_code="53.71", adult_only=True)).rule == adults
    assert route(RouteFacts(region_code="53.71")).rule is None  # age not known
    assert route(RouteFacts(region_code="53.71", child=True)).rule is None


def test_every_report_reaches_a_task_force_with_a_secretariat(cast, regions):
    national = account_services.task_force_create(
        actor=None, name="GT Nasional", level="national", region=None
    )
    account_services.task_force_add_member(
        actor=None, task_force=national, agency=cast.national_satgas, role="secretariat"
    )
    city = account_services.task_force_create(
        actor=None, name="GT Kota Kupang", level="regency", region=regions["53.71"]
    )
    # a task force without a secretariat is passed over
    assert route(RouteFacts(region_code="53.71.01")).task_force == national
    account_services.task_force_add_member(
        actor=None, task_force=city, agency=cast.kupang_uptd, role="secretariat"
    )
    assert route(RouteFacts(region_code="53.71.01")).task_force == city
    assert route(RouteFacts(region_code="61.71")).task_force == national
    assert route(RouteFacts(region_code=None)).task_force == national


def test_only_an_administrator_keeps_the_rules_and_each_change_is_audited(cast, regions):
    with pytest.raises(PermissionDenied):
        routing_rule_save(
            actor=cast.kupang_uptd_intake,
            region=None,
            category="any",
            age_band="child",
            agency=cast.kupang_uptd,
            note="x",
        )
    rule = routing_rule_save(
        actor=cast.system_admin,
        region=regions["53.71"],
        category="any",
        age_band="child",
        agency=cast.kupang_uptd,
        note="Anak",
    )
    routing_rule_save(
        actor=cast.system_admin,
        rule=rule,
        version=rule.version,
        region=regions["53.71"],
        category="any",
        age_band="child",
        agency=cast.kupang_uptd,
        priority=15,
        note="Anak, lebih dulu",
    )
    rule.refresh_from_db()
    assert rule.priority == 15 and rule.version == 2
    events = AuditEvent.objects.filter(event_type=EventType.ROUTING_RULE_SAVED)
    assert events.count() == 2 and events.first().actor == cast.system_admin
    with pytest.raises(Conflict):  # an edit from a stale page
        routing_rule_save(
            actor=cast.system_admin,
            rule=rule,
            version=1,
            region=None,
            category="any",
            age_band="any",
            agency=cast.kupang_police,
            note="lama",
        )


def test_a_rule_needs_a_reason_and_a_second_agency(cast):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        routing_rule_save(
            actor=cast.system_admin,
            region=None,
            category="any",
            age_band="any",
            agency=cast.kupang_uptd,
            fallback_agency=cast.kupang_uptd,
            note=" ",
        )
    assert set(exc.value.message_dict) == {"note", "fallback_agency"}


def test_triage_records_the_task_force(cast, regions, kab_kupang):
    tf = TaskForce.objects.create(name="GT Kota Kupang", level="regency", region=regions["53.71"])
    routing_rule_save(
        actor=cast.system_admin,
        region=kab_kupang,
        category="any",
        age_band="any",
        agency=cast.kupang_uptd,
        task_force=tf,
        note="Kabupaten Kupang",
    )
    complaint = services.complaint_register(
        actor=cast.kupang_uptd_intake,
        channel="hotline_129",
        facts=FactsInput(narrative="Laporan", region=kab_kupang),
        reporter=ReporterInput(anonymous=True),
    )
    assert complaint.task_force == tf and complaint.routed_agency == cast.kupang_uptd
    Complaint.objects.filter(pk=complaint.pk).update(task_force=None)
    complaint.refresh_from_db()
    services.complaint_triage(
        actor=cast.kupang_uptd_intake,
        complaint=complaint,
        version=complaint.version,
        involves_child="no",
        danger_now=False,
        departure_today=False,
        migrant_worker=False,
    )
    complaint.refresh_from_db()
    assert complaint.task_force == tf


# pages and API


def test_preview_page_says_where_a_report_would_go(client, demo, kab_kupang):
    client.force_login(User.objects.get(username="kupang.sekretariat"))
    url = reverse("intake:routing")
    page = client.get(url, {"region_code": "53.01", "involves_child": "yes"}).content.decode()
    assert 'data-testid="preview-result"' in page
    assert "UPTD PPA Kupang" in page and "Gugus Tugas PP-TPPO Kota Kupang" in page
    assert 'data-testid="add-rule"' not in page  # reading, not editing
    bad = client.get(url, {"region_code": "99.99", "involves_child": "yes"})
    assert bad.status_code == 200 and 'data-testid="preview-result"' not in bad.content.decode()


def test_administrator_adds_and_edits_a_rule_on_the_page(client, cast, regions):
    from tests.conftest import login_verified

    login_verified(client, cast.system_admin)
    response = client.post(
        reverse("intake:routing_new"),
        {
            "region_code": "53.71",
            "category": "any",
            "age_band": "child",
            "agency": cast.kupang_uptd.pk,
            "priority": "20",
            "is_active": "on",
            "note": "Anak di Kota Kupang",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    rule = RoutingRule.objects.get()
    assert rule.region == regions["53.71"] and rule.updated_by == cast.system_admin
    edit = reverse("intake:routing_edit", kwargs={"rule_id": rule.pk})
    form = client.get(edit).content.decode()
    assert "53.71" in form and "Anak di Kota Kupang" in form
    # saved unchanged, it round-trips
    response = client.post(
        edit,
        {
            "version": rule.version,
            "region_code": "53.71",
            "category": "any",
            "age_band": "child",
            "agency": cast.kupang_uptd.pk,
            "priority": "20",
            "is_active": "on",
            "note": "Anak di Kota Kupang",
        },
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.version == 2
    refused = client.post(edit, {"version": 1, "region_code": "00", "note": ""})
    assert refused.status_code == 400


def test_api_rules_and_preview(cast, regions):
    from rest_framework.test import APIClient

    admin = APIClient()
    admin.force_authenticate(cast.system_admin, token="test-token")
    created = admin.post(
        "/api/v1/routing-rules",
        {
            "region": "53.71",
            "category": "any",
            "age_band": "child",
            "agency": cast.kupang_uptd.pk,
            "note": "Anak di Kota Kupang",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    rule_id = created.json()["id"]
    officer = APIClient()
    officer.force_authenticate(cast.kupang_uptd_caseworker)
    listed = officer.get("/api/v1/routing-rules").json()
    assert [r["id"] for r in listed] == [rule_id] and listed[0]["region"] == "53.71"
    preview = officer.get(
        "/api/v1/routing-rules/preview", {"region": "53.71.01", "involves_child": "yes"}
    ).json()
    assert preview["agency"] == cast.kupang_uptd.pk and preview["rule"] == rule_id
    assert officer.post("/api/v1/routing-rules", {}, format="json").status_code == 403
    changed = admin.put(
        f"/api/v1/routing-rules/{rule_id}",
        {
            "version": 1,
            "region": "53",
            "category": "any",
            "age_band": "child",
            "agency": cast.kupang_uptd.pk,
            "note": "Anak di NTT",
        },
        format="json",
    )
    assert changed.status_code == 200 and changed.json()["region"] == "53"
    stale = admin.put(
        f"/api/v1/routing-rules/{rule_id}",
        {
            "version": 1,
            "category": "any",
            "age_band": "any",
            "agency": cast.kupang_uptd.pk,
            "note": "lama",
        },
        format="json",
    )
    assert stale.status_code == 409
