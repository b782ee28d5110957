"""Journeys in a real headless chromium: a citizen reports anonymously and follows the report
with its code; an intake officer triages a complaint, finds the existing case by a misspelt name
of a person in it, and attaches the complaint."""

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from lentera.apps.cases import services as case_services
from lentera.apps.intake import services
from lentera.apps.intake.models import Complaint
from lentera.apps.intake.selectors import PUBLIC_STATUS_TEXT
from lentera.apps.intake.services import FactsInput, ReporterInput
from tests.browser.test_journeys import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def in_indonesian(text) -> str:
    with translation.override("id"):
        return str(text)


def test_citizen_reports_anonymously_and_follows_the_report(page: Page, base_url, cast, regions):
    page.goto(base_url + "/publik/lapor/")
    expect(page.locator("[data-testid=promise]")).to_contain_text("Pasal 33")
    page.fill(
        "textarea[name=narrative]", "Anak tetangga, 15 tahun, dijanjikan kerja di Batam oleh calo."
    )
    page.select_option("select[name=region]", "53.71")
    page.check("input[name=involves_child][value=yes]")
    page.check("input[name=reporter_anonymous]")
    page.screenshot(path="var/screenshot-intake-form.png", full_page=True)
    page.click("[data-testid=send-report]")
    code = page.locator("[data-testid=tracking-code]").inner_text().strip()
    complaint = Complaint.objects.get()
    assert code == complaint.tracking_code
    assert complaint.reporter_anonymous and complaint.receiving_agency == cast.kupang_uptd
    page.screenshot(path="var/screenshot-intake-report.png", full_page=True)

    # Later, the officers triage it and leave a note for the reporter.
    services.complaint_triage(
        actor=cast.kupang_uptd_intake,
        complaint=complaint,
        version=complaint.version,
        involves_child="yes",
        danger_now=False,
        departure_today=False,
        migrant_worker=False,
        public_note="Petugas UPTD PPA sedang menindaklanjuti.",
    )
    page.goto(base_url + "/publik/status/")
    page.fill("input[name=code]", code.lower().replace("-", " "))
    page.click("[data-testid=check-status]")
    expect(page.locator("[data-testid=status]")).to_have_text(
        in_indonesian(PUBLIC_STATUS_TEXT["triaged"])
    )
    expect(page.locator("[data-testid=public-note]")).to_have_text(
        "Petugas UPTD PPA sedang menindaklanjuti."
    )
    page.fill("input[name=code]", "LTR-2222-3333")
    page.click("[data-testid=check-status]")
    expect(page.locator("[data-testid=status-unknown]")).to_be_visible()


def test_officer_triages_finds_the_case_by_a_misspelt_name_and_attaches(
    page: Page, base_url, cast, regions, kupang_child
):
    case = case_services.case_open(
        actor=cast.kupang_uptd_intake,
        title="Anak dijanjikan kerja di Batam",
        region=regions["53.71"],
    )
    case_services.case_add_party(
        actor=cast.kupang_uptd_caseworker, case=case, person=kupang_child, role="victim"
    )
    complaint = services.complaint_submit_public(
        facts=FactsInput(
            narrative="Esther, 15 tahun, dari Alak akan dibawa ke Batam.",
            region=regions["53.71"],
            involves_child="yes",
        ),
        reporter=ReporterInput(anonymous=True),
    )
    sign_in(page, base_url, "kupang_uptd_intake")
    page.goto(base_url + "/pengaduan/")
    page.click(f"text={complaint.tracking_code}")
    expect(page.locator("[data-testid=narrative]")).to_contain_text("akan dibawa ke Batam")
    expect(page.locator("[data-testid=suggestion]")).to_contain_text("UPTD PPA Kota Kupang")
    page.check("input[name=departure_today]")
    page.screenshot(path="var/screenshot-intake-triage.png", full_page=True)
    page.click("[data-testid=save-triage]")
    expect(page.locator("[data-testid=complaint-status]")).to_have_attribute(
        "class", "tag status-triaged"
    )
    expect(page.locator("[data-testid=routed-agency]")).to_have_text("Polresta Kupang Kota")

    # Search before create: a misspelt name still finds the person, and with them the case.
    page.fill("#search input[name=name]", "Esther Nenobaiss")
    page.click("[data-testid=search]")
    matches = page.locator("[data-testid=person-matches]")
    expect(matches).to_contain_text(case.reference)
    expect(matches).not_to_contain_text("Nenobais")  # pseudonyms only
    page.click(f"[data-testid=attach-{case.pk}]")
    expect(page.locator("[data-testid=linked-case]")).to_contain_text(case.reference)
    complaint.refresh_from_db()
    assert complaint.status == "linked" and complaint.case == case
    assert complaint.triaged_by == cast.kupang_uptd_intake and complaint.urgency == "critical"
    page.screenshot(path="var/screenshot-intake-attach.png", full_page=True)
