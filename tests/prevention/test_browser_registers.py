"""Journeys of issue #15 in a real headless chromium: a course with its participants and the
six-month evaluation; a P3MI whose licence is revoked turns its pending departures red."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from lentera.apps.accounts.permissions import Role
from lentera.apps.prevention import services
from lentera.apps.prevention.models import Course, CourseParticipant, PlacementAgency
from tests.browser.test_journeys import PASSWORD
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(base_url + "/akun/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("[data-testid=login]")
    expect(page.locator("[data-testid=login]")).to_have_count(0)


NAMES = [
    "Yosef Contoh Bana",
    "Marthen Contoh Tefa",
    "Daniel Contoh Nalle",
    "Obed Contoh Seran",
    "Agustinus Contoh Lelo",
    "Kristo Contoh Manu",
    "Yakob Contoh Bria",
    "Petrus Contoh Leki",
    "Simon Contoh Neno",
    "Elias Contoh Kase",
    "Matius Contoh Amtiran",
    "Yunus Contoh Benu",
    "Adri Contoh Kolo",
    "Welem Contoh Nubatonis",
    "Jefri Contoh Taneo",
    "Melki Contoh Sabu",
    "Ferdi Contoh Lakan",
]


def test_a_course_of_17_with_its_six_month_evaluation(page: Page, base_url, posko, regions):
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    sign_in(page, base_url, "kupang_posko_officer")
    page.goto(base_url + "/pencegahan/pelatihan/baru/")
    page.select_option("select[name=kind]", "vocational")
    page.fill("input[name=title]", "Pelatihan las untuk pemuda rentan")
    page.fill("input[name=organisers]", "Disnakertrans Kota Kupang, BLK Kupang")
    page.select_option("select[name=region]", label="Kota Kupang")
    page.fill("input[name=starts_on]", "2023-09-04")
    page.fill("input[name=ends_on]", "2023-09-29")
    page.fill("input[name=sessions]", "20")
    page.click("[data-testid=save-course]")
    expect(page.locator("h1")).to_have_text("Pelatihan las untuk pemuda rentan")
    lines = "\n".join(f"{name}; L; {18 + n % 6}" for n, name in enumerate(NAMES))
    page.fill("textarea[name=participants]", lines)
    page.click("[data-testid=add-participants]")
    rows = page.locator("[data-testid=participant-table] tbody tr")
    expect(rows).to_have_count(17)
    expect(page.locator("[data-figure=participants]")).to_contain_text("17")
    # attendance: everyone but the last two completed all 20 sessions
    course = Course.objects.get()
    for n, participant in enumerate(CourseParticipant.objects.order_by("pk")):
        page.fill(f"input[name=attended-{participant.pk}]", "20" if n < 15 else "6")
        if n < 15:
            page.check(f"input[name=completed-{participant.pk}]")
    page.click("[data-testid=save-attendance]")
    expect(page.locator("[data-figure=completed]")).to_have_text("15")
    # six months on, the evaluation is overdue; the officer records the first participant's
    expect(rows.first).to_contain_text("29 Maret 2024")
    rows.first.locator("[data-testid=evaluate]").click()
    expect(page.locator("h1")).to_contain_text(NAMES[0])
    page.fill("input[name=evaluated_on]", "2024-04-02")
    page.select_option("select[name=employed]", "yes")
    page.select_option("select[name=migrated]", "yes")
    page.select_option("select[name=licensed_channel]", "yes")
    page.click("[data-testid=save-evaluation]")
    expect(page.locator("[data-figure=evaluated]")).to_contain_text("1")
    expect(page.locator("[data-figure=evaluated]")).to_contain_text("16")  # 16 overdue
    expect(page.locator("[data-figure=migrated]")).to_contain_text("1")
    expect(rows.first.locator("[data-testid=evaluated]")).to_have_text("2 April 2024")
    page.screenshot(path="var/screenshot-course.png", full_page=True)
    first = CourseParticipant.objects.order_by("pk").first()
    assert first is not None and first.licensed_channel is True
    assert course.participants.filter(completed=True).count() == 15


def test_a_revoked_licence_turns_pending_departures_red(page: Page, base_url, posko):
    manpower = UserFactory(
        username="kupang_manpower",
        agency=posko.kupang_disnaker,
        roles=[Role.MANPOWER_OFFICER],
    )
    officer = posko.kupang_posko_officer
    agency = services.placement_agency_save(
        actor=manpower,
        record=services.AgencyRecord(
            licence_number="KEP.77/PPTKIS/2021",
            name="PT Contoh Jaya Abadi",
            valid_from=date(2021, 1, 1),
            valid_to=date.today() + timedelta(days=400),
            branches=("Kupang",),
        ),
    )
    pending, _result = services.departure_screen(
        actor=officer,
        interview={
            "age": 22,
            "destination_country": "MY",
            "stated_purpose": "work",
            "departure_date": (date.today() + timedelta(days=1)).isoformat(),
        },
        post="El Tari",
    )
    services.recruiter_name(actor=officer, screening=pending, placement_agency=agency)

    sign_in(page, base_url, "kupang_posko_officer")
    page.goto(base_url + "/pencegahan/keberangkatan/")
    row = page.locator("[data-testid=departure-table] tbody tr").first
    expect(row).not_to_have_attribute("data-unlicensed", "yes")

    page.context.clear_cookies()
    sign_in(page, base_url, "kupang_manpower")
    page.goto(base_url + f"/pencegahan/p3mi/{agency.pk}/")
    expect(page.locator("[data-testid=licence-status]")).to_have_attribute("data-status", "active")
    page.click("[data-testid=edit-agency]")
    page.select_option("select[name=status]", "revoked")
    page.fill("input[name=note]", "Izin dicabut Kemnaker")
    page.click("[data-testid=save-agency]")
    expect(page.locator("[data-testid=licence-status]")).to_have_attribute("data-status", "revoked")
    expect(page.locator("[data-testid=pending-departures] li").first).to_have_attribute(
        "data-licensed", "no"
    )
    page.context.clear_cookies()
    sign_in(page, base_url, "kupang_posko_officer")
    page.goto(base_url + "/pencegahan/keberangkatan/")
    expect(row).to_have_attribute("data-unlicensed", "yes")
    page.goto(base_url + f"/pencegahan/keberangkatan/{pending.pk}/")
    expect(page.locator("[data-testid=departure-recruiter]")).to_have_attribute(
        "data-unlicensed", "yes"
    )
    page.screenshot(path="var/screenshot-p3mi-revoked.png", full_page=True)
    assert PlacementAgency.objects.get().status == "revoked"


def test_a_village_early_warning_becomes_a_case(page: Page, base_url, posko, regions):
    from lentera.apps.prevention.models import CommunityReport
    from lentera.apps.reference.models import Region

    Region.objects.create(
        code="53.71.01.1005", name="Naioni", level="village", parent=regions["53.71.01"]
    )
    UserFactory(
        username="kupang_disnaker_intake",
        agency=posko.kupang_disnaker,
        roles=[Role.INTAKE_OFFICER],
    )
    page.set_viewport_size({"width": 390, "height": 844})  # the officer's phone
    sign_in(page, base_url, "kupang_disnaker_intake")
    page.goto(base_url + "/pencegahan/laporan-warga/baru/")
    page.check("input[name=kind][value=early_warning]")
    page.select_option("select[name=region]", label="Naioni (Alak)")
    page.check("input[name=reporter_role][value=rt_rw_head]")
    page.fill("input[name=reporter_name]", "Bapak Contoh Ketua RT 05")
    page.fill("input[name=people_count]", "3")
    page.fill("input[name=destination]", "Malaysia")
    page.fill(
        "textarea[name=narrative]",
        "Tiga gadis dijemput mobil malam ini, dijanjikan kerja di Malaysia, KTP dikumpulkan.",
    )
    page.click("[data-testid=save-report]")
    expect(page.locator("[data-testid=report-status]")).to_have_attribute("data-status", "new")
    page.fill("input[name=title]", "Perekrutan tiga gadis dari Naioni")
    page.click("[data-testid=report-open-case]")
    expect(page.locator("h1")).to_contain_text("Perekrutan tiga gadis dari Naioni")
    report = CommunityReport.objects.get()
    assert report.status == "case" and report.case is not None
    assert report.case.region.code == "53.71.01.1005"
    page.goto(base_url + f"/pencegahan/laporan-warga/{report.pk}/")
    expect(page.locator("[data-testid=report-case]")).to_have_text(report.case.reference)
    page.screenshot(path="var/screenshot-early-warning-case.png", full_page=True)


def test_a_manifest_of_1235_returnees_with_per_row_errors(
    page: Page, base_url, posko, regions, tmp_path
):
    from lentera.apps.prevention.models import Returnee
    from lentera.apps.reference.models import Region
    from tests.prevention import manifest

    Region.objects.create(
        code="53.01", name="Kabupaten Kupang", level="regency", parent=regions["53"]
    )
    Region.objects.create(
        code="53.03", name="Timor Tengah Selatan", level="regency", parent=regions["53"]
    )
    bad = tmp_path / "manifest-bp2mi.xlsx"
    bad.write_bytes(
        manifest.as_xlsx(manifest.rows(bad={40: {"sex": "X"}, 901: {"birth_date": "1999-13-01"}}))
    )
    good = tmp_path / "manifest-bp2mi-fixed.xlsx"
    good.write_bytes(manifest.as_xlsx(manifest.rows()))

    sign_in(page, base_url, "kupang_posko_officer")
    page.goto(base_url + "/pencegahan/pemulangan/baru/")
    page.fill("input[name=title]", "Pemulangan PMI dari Kamboja, Myanmar dan Laos")
    page.fill("input[name=source]", "BP2MI")
    page.fill("input[name=countries]", "KH, MM, LA")
    page.fill("input[name=arrived_on]", "2023-05-20")
    page.fill("input[name=arrival_point]", "Bandara El Tari")
    page.click("[data-testid=save-return]")
    page.set_input_files("input[name=file]", str(bad))
    page.click("[data-testid=import-manifest]")
    errors = page.locator(".has-error .error")
    expect(errors).to_have_count(2)
    expect(errors.first).to_contain_text("41")
    expect(errors.nth(1)).to_contain_text("902")
    assert not Returnee.objects.exists()
    page.set_input_files("input[name=file]", str(good))
    page.click("[data-testid=import-manifest]")
    expect(page.locator("[data-testid=returnee-total]")).to_have_text("1235")
    progress = page.locator("[data-testid=region-progress]")
    expect(progress.locator("tr[data-region='53.01'] [data-figure=total]")).not_to_have_text("0")
    expect(progress.locator("tr[data-region='53.71'] [data-figure=arrived]")).not_to_have_text("0")
    expect(progress.locator("tr[data-region=none]")).to_be_visible()
    assert Returnee.objects.count() == 1235
    # the first returnee of Kabupaten Kupang is screened at arrival; its region's row moves
    progress.locator("tr[data-region='53.01'] a").click()
    page.locator("[data-testid=returnee-table] tbody tr a").first.click()
    page.check("input[name=indicators][value=forced_crime]")
    page.click("[data-testid=screen-returnee]")
    expect(page.locator("[data-testid=returnee-status]")).to_have_attribute(
        "data-status", "screened"
    )
    page.locator("h1 + dl a").first.click()
    row = page.locator("[data-testid=region-progress] tr[data-region='53.01']")
    expect(row.locator("[data-figure=screened]")).to_have_text("1")
    expect(row.locator("[data-figure=victims]")).to_have_text("1")
    page.screenshot(path="var/screenshot-returns-by-region.png", full_page=True)
