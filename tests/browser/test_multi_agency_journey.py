"""One case from complaint to verdict across agencies, in a real browser, as the demo roles
(issue #18): a child's report reaches UPTD PPA Kota Kupang by the routing rules; its intake
officer triages it and opens the case; the case worker records the people and shares the
proceedings with Polresta Kupang; the investigator opens the proceeding on that same case;
the prosecutor takes it to the verdict. No second case, no second suspect."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from lentera.apps.accounts.demo import load_demo
from lentera.apps.accounts.models import Agency
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.intake import services as intake_services
from lentera.apps.intake.models import Complaint
from lentera.apps.intake.services import FactsInput, ReporterInput
from lentera.apps.justice.models import Proceeding
from lentera.apps.people.models import Person
from lentera.apps.reference.models import Region

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PASSWORD = "Demo-Sandi-2026!"
SUSPECT = "Yohanis Contoh Bessie"


def ago(days: int) -> str:
    return (date.today() - timedelta(days=days)).isoformat()


def sign_in(page: Page, base_url: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(base_url + "/akun/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("[data-testid=login]")
    expect(page.locator("input[name=password]")).to_have_count(0)


def add_person(page: Page, name: str, role: str, age: str = "") -> None:
    form = page.locator("form[action$='/orang/']").last
    form.locator("input[name=full_name]").fill(name)
    form.locator("select[name=role]").select_option(role)
    if age:
        form.locator("input[name=age_at_offence]").fill(age)
    form.locator("[data-testid=add-person]").click()
    expect(page.locator(".messages")).to_be_visible()


def record_stage(page: Page, stage: str, on: str) -> None:
    form = page.locator("[data-testid=stage-form]")
    form.locator("select[name=stage]").select_option(stage)
    form.locator("input[name=on]").fill(on)
    form.locator("[data-testid=record-stage]").click()
    expect(page.locator("[data-testid=current-stage]")).to_have_attribute("data-stage", stage)


def test_complaint_to_verdict_on_one_case(page: Page, base_url, regions):
    load_demo(password=PASSWORD)
    cases_before, people_before = Case.objects.count(), Person.objects.count()
    complaint = intake_services.complaint_submit_public(
        facts=FactsInput(
            narrative="Anak tetangga kami, 15 tahun, dijanjikan kerja di Batam oleh seorang calo.",
            place="Kelurahan Alak",
            region=regions["53.71.01"],
            involves_child="yes",
        ),
        reporter=ReporterInput(anonymous=True),
    )
    assert complaint.routed_agency.name == "UPTD PPA Kota Kupang"
    police = Agency.objects.get(name="Polresta Kupang Kota — Unit PPA")
    prosecution = Agency.objects.get(name="Kejaksaan Negeri Kota Kupang")

    # 1. the intake officer of UPTD PPA triages the complaint and opens the case from it
    sign_in(page, base_url, "kupang.intake")
    page.goto(f"{base_url}/pengaduan/{complaint.pk}/")
    page.locator("[data-testid=save-triage]").click()
    expect(page.locator(".messages")).to_be_visible()
    page.fill("input[name=title]", "Anak dijanjikan kerja di Batam")
    page.locator("input[name=region_code]").fill("53.71")
    page.locator("[data-testid=open-case]").click()
    expect(page.locator(".messages")).to_contain_text("TPPO/5371/")
    complaint.refresh_from_db()
    case = complaint.case
    assert case is not None and case.lead_agency.name == "UPTD PPA Kota Kupang"

    # 2. the case worker records the victim and the suspect and shares the proceedings
    sign_in(page, base_url, "kupang.pendamping")
    page.goto(f"{base_url}/kasus/{case.pk}/")
    add_person(page, "Ester Contoh Lenggu", "victim", age="15")
    add_person(page, SUSPECT, "suspect")
    share = page.locator("form[action$='/bagikan/']")
    share.locator("select[name=agency]").select_option(str(police.pk))
    share.locator("select[name=scope]").select_option("proceedings")
    share.locator("input[name=reason]").fill("Penyidikan oleh Unit PPA Polresta Kupang Kota")
    share.locator("[data-testid=share]").click()
    expect(page.locator("[data-testid=section-sharing]")).to_contain_text("Polresta")

    # 3. the investigator opens the proceeding on that same case, without the victim's name
    sign_in(page, base_url, "kupang.penyidik")
    page.goto(f"{base_url}/kasus/{case.pk}/")
    expect(page.locator("[data-testid=section-people]")).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("Ester Contoh")
    page.goto(f"{base_url}/proses-hukum/kasus/{case.pk}/")
    form = page.locator("[data-testid=open-form]")
    suspect = CaseParty.objects.get(case=case, role="suspect")
    form.locator("select[name=suspect]").select_option(str(suspect.pk))
    form.locator("input[name=police_report_number]").fill("LP/B/52/V/SPKT/Polresta Kupang Kota")
    form.locator("input[name=police_report_date]").fill(ago(60))
    form.locator("select[name=prosecution_agency]").select_option(str(prosecution.pk))
    form.locator("[data-testid=open-proceeding]").click()
    expect(page.locator("[data-testid=current-stage]")).to_have_attribute(
        "data-stage", "police_report"
    )
    proceeding = Proceeding.objects.get(case=case)
    for stage, days in [("investigation_order", 58), ("spdp", 57), ("file_stage_1", 45)]:
        record_stage(page, stage, ago(days))

    # 4. the prosecutor takes it to the verdict
    sign_in(page, base_url, "kupang.jaksa")
    page.goto(f"{base_url}/proses-hukum/{proceeding.pk}/")
    for stage, days in [("p21", 40), ("stage_2", 35), ("indictment", 20), ("verdict", 2)]:
        record_stage(page, stage, ago(days))
    page.screenshot(path="var/screenshot-multi-agency.png", full_page=True)

    proceeding.refresh_from_db()
    assert proceeding.current_stage == "verdict"
    assert proceeding.case_id == case.pk and proceeding.police_agency == police
    # one case from the complaint to the verdict, one suspect; two people registered (the
    # victim and the suspect), nobody twice
    assert Case.objects.count() == cases_before + 1
    assert Complaint.objects.get(pk=complaint.pk).case_id == case.pk
    assert CaseParty.objects.filter(role="suspect", case=case).count() == 1
    assert Person.objects.count() == people_before + 2
    assert Proceeding.objects.filter(suspect=suspect).count() == 1


def test_secretariat_tests_where_a_child_report_from_kabupaten_kupang_goes(
    page: Page, base_url, regions
):
    Region.objects.create(code="53.01", name="Kupang", level="regency", parent=regions["53"])
    load_demo(password=PASSWORD)
    sign_in(page, base_url, "kupang.sekretariat")
    page.goto(base_url + "/pengaduan/")
    page.locator("[data-testid=routing-rules-link]").click()
    expect(page.locator("[data-testid=routing-rules] tbody tr")).not_to_have_count(0)
    preview = page.locator("[data-testid=route-preview]")
    preview.locator("input[name=region_code]").fill("53.01")
    preview.locator("select[name=involves_child]").select_option("yes")
    preview.locator("input[name=migrant_worker]").check()
    preview.locator("[data-testid=preview]").click()
    result = page.locator("[data-testid=preview-result]")
    expect(result).to_contain_text("UPTD PPA Kupang")
    expect(result).to_contain_text("Gugus Tugas PP-TPPO Kota Kupang")
    expect(page.locator("[data-testid=add-rule]")).to_have_count(0)  # reads, does not edit
    page.screenshot(path="var/screenshot-routing.png", full_page=True)
