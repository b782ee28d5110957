"""In a real browser, the journey of issue #14's "Done means": the secretariat schedules a
meeting, invites members, records attendance, minutes and two decisions; action items go to
Polresta and Disnaker; the chair approves; Disnaker sees its invitation among its notices and
closes its item with proof; the scorecard moves (on time 0 -> 1); the minutes PDF shows the
meeting and the items; the semester report, issued as a PDF, shows the meeting, the items and
the law-enforcement table (text extracted from both PDFs)."""

import re
from datetime import date, timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from lentera.apps.cases import services as case_services
from lentera.apps.coordination.models import ActionItem, Meeting
from lentera.apps.justice import services as justice_services
from lentera.apps.justice.vocab import Stage
from lentera.apps.people.services import person_create
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(base_url + "/akun/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("[data-testid=login]")
    expect(page.locator("#mainnav")).to_be_visible()


def open_and(page: Page, testid: str):
    page.locator(f"details:has([data-testid={testid}]) > summary").click()
    return page.locator(f"[data-testid={testid}]")


@pytest.fixture
def proceeding(cast, regions):
    """A Kupang case whose suspect was reported to the police today (the law-enforcement table
    of the semester report counts it)."""
    inv = cast.kupang_police_investigator
    case = case_services.case_open(actor=inv, title="Perekrutan ke Batam", region=regions["53.71"])
    suspect = person_create(
        actor=inv,
        owner_agency=cast.kupang_police,
        full_name="Agus Contoh Sinlae",
        sex="male",
        birth_date=date(1980, 1, 1),
        region=regions["53.71.01"],
    )
    party = case_services.case_add_party(actor=inv, case=case, person=suspect, role="suspect")
    return justice_services.proceeding_open(
        actor=inv, suspect=party, police_report_date=timezone.localdate()
    )


def pdf_text(page: Page, url: str) -> str:
    response = page.request.get(url)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(response.body())).pages)


def test_secretariat_meeting_to_scorecard(page: Page, base_url, browser, cast, coord, proceeding):
    sign_in(page, base_url, "kupang_secretariat")
    page.click("#mainnav >> text=Koordinasi")
    expect(page.locator("[data-testid=meeting-lapses]")).to_be_visible()
    page.click("[data-testid=schedule-meeting]")
    form = page.locator("[data-testid=meeting-form]")
    form.locator("select[name=task_force]").select_option(str(coord.task_force.pk))
    form.locator("input[name=title]").fill("Rapat koordinasi semester II")
    starts = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    form.locator("input[name=starts_at]").fill(starts)
    form.locator("input[name=place]").fill("Aula DP3A Kota Kupang")
    for agency in (cast.kupang_police, coord.disnaker):
        form.locator(f"input[name=agencies][value='{agency.pk}']").check()
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/koordinasi/rapat/\d+/$"))
    meeting = Meeting.objects.get()

    attendance = open_and(page, "attendance-form")
    for agency in (cast.kupang_police, coord.disnaker):
        attendance.locator(f"select[name=agency_{agency.pk}]").select_option("present")
    attendance.locator("button[type=submit]").click()
    expect(page.locator(f"[data-agency='{coord.disnaker.pk}']")).to_have_text("Hadir")

    minutes = open_and(page, "minutes-form")
    minutes.locator("textarea[name=minutes]").fill("Rapat dibuka oleh ketua harian.")
    minutes.locator("button[type=submit]").click()
    expect(page.locator("[data-testid=minutes-text]")).to_contain_text("ketua harian")

    for text in ("Razia dokumen di posko Tenau.", "Pendataan P3MI di Kota Kupang."):
        decision = open_and(page, "decision-form")
        decision.locator("textarea[name=text]").fill(text)
        decision.locator("button[type=submit]").click()
        expect(page.locator("[data-testid=section-decisions]")).to_contain_text(text)

    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    for number, agency in ((1, cast.kupang_police), (2, coord.disnaker)):
        item = open_and(page, f"item-form-{number}")
        item.locator("select[name=agency]").select_option(str(agency.pk))
        item.locator("input[name=task]").fill("Laksanakan keputusan")
        item.locator("input[name=due_on]").fill(due)
        item.locator("button[type=submit]").click()
        expect(page.locator(".messages")).to_be_visible()
    assert ActionItem.objects.count() == 2

    chair = browser.new_page()
    sign_in(chair, base_url, "kupang_chair")
    chair.goto(f"{base_url}/koordinasi/rapat/{meeting.pk}/")
    chair.locator("[data-testid=approve-form] button").click()
    expect(chair.locator("[data-testid=meeting-status]")).to_have_attribute(
        "data-status", "approved"
    )

    # the scorecard before Disnaker closes its item
    year = timezone.localdate().year
    page.goto(f"{base_url}/koordinasi/rencana/{coord.task_force.pk}/{year}/")
    page.locator("[data-testid=plan-seed] button").click()
    page.goto(f"{base_url}/koordinasi/skor/{coord.task_force.pk}/{year}/")
    expect(page.locator(f"[data-testid=on-time-{coord.disnaker.pk}]")).to_have_text("0")

    disnaker = browser.new_page()
    sign_in(disnaker, base_url, "disnaker_officer")
    # its agency was told of the meeting (the invitation notice), and marks it read
    disnaker.goto(f"{base_url}/koordinasi/pemberitahuan/")
    invitation = disnaker.locator("[data-kind=meeting_invited]")
    expect(invitation).to_contain_text("Rapat koordinasi semester II")
    invitation.locator("button[type=submit]").click()
    expect(disnaker.locator("[data-kind=meeting_invited]")).to_have_attribute("data-read", "yes")
    disnaker.click("#mainnav >> text=Koordinasi")
    disnaker.locator("[data-testid=my-items] a").click()
    close = disnaker.locator("[data-testid=close-form]")
    close.locator("textarea[name=note]").fill("Pendataan selesai, daftar P3MI terlampir.")
    close.locator("button[type=submit]").click()
    expect(disnaker.locator("[data-testid=item-status]")).to_have_attribute("data-status", "done")

    page.goto(f"{base_url}/koordinasi/skor/{coord.task_force.pk}/{year}/")
    expect(page.locator(f"[data-testid=on-time-{coord.disnaker.pk}]")).to_have_text("1")
    expect(page.locator("[data-testid=done-ran-koordinasi]")).to_contain_text("1")
    expect(page.locator("[data-testid=never-perda-deteksi-dini]")).to_be_visible()

    text = pdf_text(page, f"{base_url}/koordinasi/rapat/{meeting.pk}/notulen.pdf")
    for expected in ("Rapat koordinasi semester II", "Razia dokumen", "Disnakertrans", "Selesai"):
        assert expected in text, expected

    # the semester report: the narrative, issued, and its PDF
    semester = "s1" if timezone.localdate().month <= 6 else "s2"
    page.goto(f"{base_url}/koordinasi/laporan/{coord.task_force.pk}/{year}/{semester}/")
    expect(page.locator("[data-testid=law-enforcement]")).to_contain_text(
        str(Stage.POLICE_REPORT.label)
    )
    narrative = page.locator("[data-testid=narrative-form]")
    narrative.locator("textarea[name=narrative]").fill("Rapat koordinasi diadakan sesuai Perda.")
    narrative.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    page.locator("[data-testid=report-issue] button").click()
    link = page.locator("[data-testid=report-pdf-1]")
    expect(link).to_be_visible()
    text = pdf_text(page, base_url + link.get_attribute("href"))
    for expected in (
        "Rapat koordinasi diadakan sesuai Perda.",  # the narrative
        "Rapat koordinasi semester II",  # the meeting
        "Laksanakan keputusan",  # the items, with their agencies
        "Polresta Kupang Kota",
        "Disnakertrans",
        "Penegakan hukum menurut tahap",  # the law-enforcement table, by stage
        f"{Stage.POLICE_REPORT.label}: 1",
    ):
        assert expected in text, expected
    for hidden in ("Agus", "Sinlae", "police_report"):
        assert hidden not in text
    docx = page.request.get(base_url + page.get_attribute("[data-testid=report-docx-1]", "href"))
    assert docx.ok and len(docx.body()) > 1000
