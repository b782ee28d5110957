"""In a real browser: an investigator records the Kupang example's four suspects, three of them
through P-19 and P-21; the task-force secretariat's stall list shows the one that has not moved."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from lentera.apps.justice.models import Proceeding
from tests.browser.test_journeys import sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def ago(days: int) -> str:
    return (date.today() - timedelta(days=days)).isoformat()


def record_stage(page: Page, stage: str, on: str, instructions: str = "") -> None:
    form = page.locator("[data-testid=stage-form]")
    form.locator("select[name=stage]").select_option(stage)
    form.locator("input[name=on]").fill(on)
    if instructions:
        form.locator("textarea[name=instructions]").fill(instructions)
    form.locator("[data-testid=record-stage]").click()
    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator("[data-testid=current-stage]")).to_have_attribute("data-stage", stage)


def test_investigator_records_four_suspects_and_secretariat_sees_the_stall(
    page: Page, base_url, browser, cast, justice, kupang_batam_case, four_suspects
):
    sign_in(page, base_url, "kupang_police_investigator")
    case_url = f"{base_url}/proses-hukum/kasus/{kupang_batam_case.pk}/"
    for index, party in enumerate(four_suspects):
        page.goto(case_url)
        form = page.locator("[data-testid=open-form]")
        form.locator("select[name=suspect]").select_option(str(party.pk))
        form.locator("input[name=police_report_number]").fill(
            "LP/B/41/II/SPKT/Polresta Kupang Kota"
        )
        # the last suspect's report is old and nothing has happened since
        form.locator("input[name=police_report_date]").fill(ago(120 if index == 3 else 40))
        form.locator("select[name=prosecution_agency]").select_option(
            str(justice.kupang_prosecution.pk)
        )
        form.locator("[data-testid=open-proceeding]").click()
        expect(page.locator("[data-testid=current-stage]")).to_have_attribute(
            "data-stage", "police_report"
        )
        if index == 3:
            continue
        record_stage(page, "investigation_order", ago(35))
        record_stage(page, "spdp", ago(33))
        record_stage(page, "file_stage_1", ago(25))
        record_stage(page, "p19", ago(21), "Lengkapi keterangan saksi ahli dan bukti transfer.")
        record_stage(page, "file_stage_1", ago(12))
        # the form offers only the stages that may follow (P-21 or a new return), not stage II
        options = page.locator("[data-testid=stage-form] select[name=stage] option")
        expect(options).to_have_count(3)
        record_stage(page, "p21", ago(8))
        # every deadline so far was met on time (nothing marked late or overdue)
        expect(page.locator("[data-testid=section-deadlines] .tag.warn")).to_have_count(0)
        expect(page.locator("[data-testid=section-deadlines] tbody tr")).to_have_count(4)
    # the official among them is flagged for the investigator
    expect(page.locator("[data-testid=official-flag]")).to_be_visible()

    stages = sorted(Proceeding.objects.values_list("current_stage", flat=True))
    assert stages == ["p21", "p21", "p21", "police_report"]
    idle = Proceeding.objects.get(current_stage="police_report")

    secretariat = browser.new_page()
    sign_in(secretariat, base_url, "kupang_secretariat")
    secretariat.goto(base_url + "/proses-hukum/macet/")
    rows = secretariat.locator("[data-testid=stall-list] tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(f"#{idle.pk}")
    expect(rows.first.locator("[data-testid=stalled-flag]")).to_be_visible()
    # the secretariat does not hold the complicity permission
    secretariat.goto(f"{base_url}/proses-hukum/{four_suspects[3].proceeding.pk}/")
    expect(secretariat.locator("[data-testid=official-flag]")).to_have_count(0)
    expect(secretariat.locator("[data-testid=stage-form]")).to_have_count(0)
    secretariat.screenshot(path="var/screenshot-proceeding.png", full_page=True)
    secretariat.close()
