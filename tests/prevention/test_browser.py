"""The prevention journeys in a real headless chromium against a live server and database."""

import pytest
from playwright.sync_api import Page, expect

from lentera.apps.accounts.models import AuditEvent
from lentera.apps.prevention.models import DepartureScreening, OfferScreening
from tests.browser.test_journeys import sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

CAMBODIA_CS = (
    "🔥LOKER LUAR NEGERI🔥 Dibutuhkan customer service di Phnom Penh, Kamboja. Gaji 15-20jt "
    "per bulan, tanpa pengalaman, cukup KTP. Tiket, visa dan mess ditanggung perusahaan. "
    "Berangkat bulan ini! Minat langsung chat WA ya kak"
)


def test_public_page_flags_a_cambodia_customer_service_offer(page: Page, base_url, cast):
    events = AuditEvent.objects.count()
    page.goto(base_url + "/publik/cek-lowongan/")
    expect(page.locator("h1")).to_have_text("Cek lowongan kerja")
    page.fill("textarea[name=text]", CAMBODIA_CS)
    page.click("[data-testid=check-offer]")
    expect(page.locator("[data-testid=offer-level]")).to_have_attribute("data-level", "high")
    flags = page.locator("[data-testid=offer-flags]")
    expect(flags.locator("[data-flag=risky_destination]")).to_be_visible()
    expect(flags.locator("[data-flag=scam_job_role]")).to_be_visible()
    expect(page.locator("[data-testid=offer-text] mark").first).to_be_visible()
    expect(page.locator("[data-testid=offer-text]")).to_contain_text("Kamboja")
    expect(page.locator("[data-testid=report-channels]")).to_contain_text("129")
    expect(page.locator("[data-testid=report-this-offer]")).to_be_visible()
    assert not OfferScreening.objects.exists()
    assert AuditEvent.objects.count() == events
    page.screenshot(path="var/screenshot-jobcheck.png", full_page=True)


def test_posko_officer_screens_a_child_travelling_for_work(page: Page, base_url, posko):
    page.set_viewport_size({"width": 390, "height": 844})  # a phone at the post
    sign_in(page, base_url, "kupang_posko_officer")
    page.goto(base_url + "/pencegahan/keberangkatan/baru/")
    expect(page.locator("input[name=departure_post]")).to_have_value("El Tari")
    consent = page.locator("fieldset[data-group=child]")
    expect(consent).to_be_hidden()  # shown only once the age says "child"
    page.fill("input[name=age]", "16")
    expect(consent).to_be_visible()
    page.check("input[name=sex][value=female]")
    page.select_option("select[name=destination_country]", "MY")
    page.check("input[name=stated_purpose][value=work]")
    page.check("input[name=job_offered][value=yes]")
    page.select_option("select[name=job_sector]", "domestic_work")
    page.check("input[name=parental_consent][value=no]")
    page.screenshot(path="var/screenshot-posko-form.png", full_page=True)
    page.click("[data-testid=screen-departure]")
    expect(page.locator("[data-testid=departure-level]")).to_have_attribute("data-level", "high")
    actions = page.locator("[data-testid=departure-actions] li")
    expect(actions.first).to_have_attribute("data-action", "refer_child_protection")
    expect(page.locator("[data-indicator=child_work]")).to_contain_text("16")
    screening = DepartureScreening.objects.get()
    assert screening.level == "high" and screening.post == "El Tari"
    assert screening.officer == posko.kupang_posko_officer
    page.screenshot(path="var/screenshot-posko.png", full_page=True)
