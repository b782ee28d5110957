"""Community reports and their SMS format, delay requests to Immigration and platform
take-downs (issue #15, items 3-5)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.accounts.permissions import Role
from lentera.apps.prevention import services
from lentera.apps.prevention.models import CommunityReport, TakedownRequest
from lentera.apps.prevention.policies import READ, community_reports
from lentera.apps.prevention.sms import parse_report
from lentera.apps.reference.models import Region
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def village(regions) -> Region:
    return Region.objects.create(
        code="53.71.01.1005", name="Naioni", level="village", parent=regions["53.71.01"]
    )


@pytest.fixture
def intake(posko):
    """An intake officer of the Kupang manpower office: screens offers and opens cases."""
    return UserFactory(
        username="kupang_disnaker_intake",
        agency=posko.kupang_disnaker,
        roles=[Role.INTAKE_OFFICER],
    )


def test_sms_forms_and_free_text():
    warning = parse_report("WASPADA#5371011005#RT#Yohanes#Ada mobil jemput 3 gadis malam ini")
    assert warning.kind == "early_warning" and warning.region_code == "53.71.01.1005"
    assert warning.reporter_role == "rt_rw_head" and warning.reporter_name == "Yohanes"
    assert warning.narrative.startswith("Ada mobil") and warning.flags == ()
    leaving = parse_report("mutasi#53.71.01.1005#12#Malaysia#ikut calo dari Atambua")
    assert (leaving.kind, leaving.people_count, leaving.destination) == (
        "residents_leaving",
        12,
        "Malaysia",
    )
    odd = parse_report("MUTASI#12#banyak")
    assert "bad_region" in odd.flags and "bad_count" in odd.flags
    assert parse_report("tolong anak saya dibawa orang").flags == ("free_text",)
    assert parse_report("").flags == ("empty",)


def test_report_recorded_triaged_and_logged_reveal(posko, village):
    officer = posko.kupang_posko_officer
    report = services.report_record(
        actor=officer,
        kind="early_warning",
        region=village,
        reporter_role="bhabinkamtibmas",
        reporter_name="Bripka Contoh",
        reporter_phone="0812-1111-2222",
        narrative="Perekrut dari luar desa mengumpulkan KTP pemuda",
    )
    assert "Bripka" not in str(AuditEvent.objects.filter(object_id=str(report.pk)).values())
    services.report_triage(actor=officer, report=report, status="watch", note="dipantau")
    assert report.status == "watch"
    revealed = services.report_reveal(user=officer, report=report)
    assert revealed["reporter_name"] == "Bripka Contoh"
    assert AccessLog.objects.filter(user=officer).count() == 1
    with pytest.raises(PermissionDenied):
        services.report_reveal(user=posko.ntt_secretariat, report=report)
    assert report in community_reports.visible(posko.ntt_secretariat, READ)
    assert report not in community_reports.visible(posko.batam_posko_officer, READ)


def test_form_report_needs_its_facts(posko, village):
    with pytest.raises(ValidationError) as exc:
        services.report_record(
            actor=posko.kupang_posko_officer, kind="residents_leaving", region=None
        )
    assert {"region", "people_count"} <= set(exc.value.message_dict)
    with pytest.raises(PermissionDenied):
        services.report_record(
            actor=posko.kupang_disnaker_norole, kind="early_warning", region=village, narrative="x"
        )
    assert not CommunityReport.objects.exists()


def test_sms_report_kept_however_it_reads(posko, village):
    report = services.report_from_sms(
        actor=posko.kupang_posko_officer, text="MUTASI#5371011005#7#Kalimantan", sender="0813"
    )
    assert report.region == village and report.people_count == 7 and report.channel == "sms"
    odd = services.report_from_sms(actor=posko.kupang_posko_officer, text="WASPADA#9999999999#x")
    assert odd.region is None and "unknown_region" in odd.parse_flags


def test_early_warning_becomes_a_case_once(intake, posko, village):
    report = services.report_record(
        actor=intake,
        kind="early_warning",
        region=village,
        reporter_role="rt_rw_head",
        narrative="Tiga gadis dijemput mobil malam ini ke Tenau",
    )
    with pytest.raises(PermissionDenied):  # a posko officer cannot open cases
        services.report_open_case(actor=posko.kupang_posko_officer, report=report)
    case = services.report_open_case(actor=intake, report=report)
    report.refresh_from_db()
    assert report.case == case and report.status == "case"
    assert case.region == village
    with pytest.raises(ValidationError):
        services.report_open_case(actor=intake, report=report)
    with pytest.raises(Conflict):
        services.report_triage(actor=intake, report=report, status="dismissed")


def _departure(officer):
    screening, _result = services.departure_screen(
        actor=officer,
        interview={"age": 17, "destination_country": "MY", "stated_purpose": "work"},
        post="El Tari",
    )
    return screening


def test_delay_request_and_answer(posko):
    officer = posko.kupang_posko_officer
    departure = _departure(officer)
    with pytest.raises(PermissionDenied):
        services.delay_request(
            actor=posko.batam_posko_officer,
            departure=departure,
            kind="passport",
            immigration_office="Imigrasi Batam",
            sent_on=date(2024, 2, 1),
        )
    request = services.delay_request(
        actor=officer,
        departure=departure,
        kind="passport",
        immigration_office="Kantor Imigrasi Kupang",
        sent_on=date(2024, 2, 1),
        reference="B/12/II/2024",
    )
    with pytest.raises(ValidationError):
        services.delay_answer(
            actor=officer, request=request, outcome="delayed", answered_on=date(2024, 1, 1)
        )
    services.delay_answer(
        actor=officer, request=request, outcome="refused", answered_on=date(2024, 2, 3)
    )
    assert request.outcome == "refused"
    with pytest.raises(Conflict):  # answered once
        services.delay_answer(
            actor=officer, request=request, outcome="delayed", answered_on=date(2024, 2, 4)
        )


def test_takedown_request_answer_and_case_link(intake, posko):
    request = services.takedown_record(
        actor=intake,
        platform="michat",
        account="akun_loker_kamboja",
        found_by="job_check",
        requested_on=date(2024, 3, 1),
    )
    assert "akun_loker" not in str(AuditEvent.objects.values_list("data", flat=True))
    services.takedown_answer(
        actor=intake, request=request, outcome="removed", answered_on=date(2024, 3, 4)
    )
    from lentera.apps.cases.services import case_open

    case = case_open(actor=intake, title="Akun MiChat", region=posko.kupang_disnaker.region)
    services.takedown_link_case(actor=intake, request=request, case=case)
    assert TakedownRequest.objects.get().case == case
    with pytest.raises(PermissionDenied):
        services.takedown_reveal(user=posko.batam_posko_officer, request=request)
    with pytest.raises(ValidationError):
        services.takedown_record(actor=intake, platform="myspace", requested_on=date(2024, 3, 1))


def test_sms_endpoint_and_report_page(client, posko, village):
    api = APIClient()
    api.force_authenticate(posko.kupang_posko_officer)
    response = api.post(
        "/api/v1/prevention/community-reports/sms",
        {"text": "WASPADA#5371011005#BHABIN#Bripka Nus#pemuda dikumpulkan", "sender": "0812"},
        format="json",
    )
    assert response.status_code == 201 and response.json()["region"] == village.code
    assert "Nus" not in response.content.decode()
    client.force_login(posko.kupang_posko_officer)
    page = client.get(reverse("prevention:report", kwargs={"report_id": response.json()["id"]}))
    assert "Bripka Nus" in page.content.decode()
    client.force_login(posko.ntt_secretariat)
    page = client.get(reverse("prevention:report", kwargs={"report_id": response.json()["id"]}))
    assert page.status_code == 200 and "Bripka Nus" not in page.content.decode()
