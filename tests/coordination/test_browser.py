"""In a real browser: the secretariat schedules a meeting, invites members, records attendance,
minutes and two decisions; action items go to Polresta and Disnaker; the chair approves; Disnaker
closes its item with proof; the scorecard moves; the minutes PDF shows the meeting and the items
(its text extracted). The semester report of the issue's journey is not built yet."""

import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from lentera.apps.coordination.models import ActionItem, Meeting
from tests.browser.test_journeys import sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def open_and(page: Page, testid: str):
    page.locator(f"details:has([data-testid={testid}]) > summary").click()
    return page.locator(f"[data-testid={testid}]")


def test_secretariat_meeting_to_scorecard(page: Page, base_url, browser, cast, coord):
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

    disnaker = browser.new_page()
    sign_in(disnaker, base_url, "disnaker_officer")
    disnaker.click("#mainnav >> text=Koordinasi")
    disnaker.locator("[data-testid=my-items] a").click()
    close = disnaker.locator("[data-testid=close-form]")
    close.locator("textarea[name=note]").fill("Pendataan selesai, daftar P3MI terlampir.")
    close.locator("button[type=submit]").click()
    expect(disnaker.locator("[data-testid=item-status]")).to_have_attribute("data-status", "done")

    year = timezone.localdate().year
    page.goto(f"{base_url}/koordinasi/rencana/{coord.task_force.pk}/{year}/")
    page.locator("[data-testid=plan-seed] button").click()
    page.goto(f"{base_url}/koordinasi/skor/{coord.task_force.pk}/{year}/")
    expect(page.locator(f"[data-testid=on-time-{coord.disnaker.pk}]")).to_have_text("1")
    expect(page.locator("[data-testid=done-ran-koordinasi]")).to_contain_text("1")
    expect(page.locator("[data-testid=never-perda-deteksi-dini]")).to_be_visible()

    pdf = page.request.get(f"{base_url}/koordinasi/rapat/{meeting.pk}/notulen.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf.body())).pages)
    for expected in ("Rapat koordinasi semester II", "Razia dokumen", "Disnakertrans", "Selesai"):
        assert expected in text, expected
