"""In a real browser, the Kupang ring (issue #17): the lead investigator goes from a victim's
case to the ring, the Rp12 million transfers and the wanted suspects, records an arrest that
restarts the deadlines; an investigator of Polresta Barelang sees the same ring from the Batam
case with the Kupang nodes unnamed, held by Polresta Kupang Kota."""

import re

import pytest
from playwright.sync_api import Page, expect

from lentera.apps.cases import services as case_services
from tests.browser.test_journeys import sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def victim_case(cast, ring):
    """The victim's party in the Kupang case (the journey starts from the case of a victim)."""
    from lentera.apps.people.services import person_create

    victim = person_create(
        actor=cast.kupang_police_investigator,
        owner_agency=cast.kupang_police,
        full_name="Dina Contoh Manafe",
        sex="female",
        region=ring.kupang_case.region,
    )
    case_services.case_add_party(
        actor=cast.kupang_police_investigator, case=ring.kupang_case, person=victim, role="victim"
    )
    return ring.kupang_case


def test_lead_investigator_follows_the_ring(page: Page, base_url, cast, police, ring, victim_case):
    sign_in(page, base_url, "kupang_police_investigator")
    page.goto(f"{base_url}/kasus/{victim_case.pk}/")
    page.click("[data-testid=case-investigation]")
    expect(page.locator("h1")).to_contain_text(victim_case.reference)
    # the Rp12 million transfers, account numbers masked until shown (and logged)
    rows = page.locator("[data-testid=transfer-row]")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("12.000.000")
    expect(page.locator("[data-testid=transfers]")).not_to_contain_text("0291 7765 43")
    page.click("[data-testid=reveal-accounts]")
    expect(page.locator("[data-testid=transfers]")).to_contain_text("0291 7765 43")
    # the interception permit's clock is red: ten days left
    expect(page.locator("[data-testid=order-clock].warn")).to_have_count(1)
    # the ring, drawn by cytoscape from the static files
    page.click("[data-testid=open-network]")
    canvas = page.locator("[data-testid=network-canvas]")
    expect(canvas).to_have_attribute("data-ready", re.compile(r"^[1-9]\d*$"))
    # drawn where one can see it: the page's CSP forbids inline styles, the size is in app.css
    box = canvas.bounding_box()
    assert box is not None and box["height"] >= 400, box
    assert canvas.locator("canvas").count() >= 1
    expect(page.locator("[data-testid=network-money]")).to_contain_text("12.000.000")
    expect(page.locator("[data-testid=network-rings]")).to_contain_text("24.000.000")
    data = page.locator("#network-data").text_content() or ""
    assert "Y.C.B." in data and "Polresta Barelang" in data
    # the wanted suspects on the proceedings list; the arrest of YB restarts his deadlines
    page.goto(f"{base_url}/proses-hukum/")
    expect(page.locator("[data-testid=wanted-flag]").first).to_be_visible()
    proceeding = ring.wanted[0].proceeding
    page.goto(f"{base_url}/proses-hukum/{proceeding.pk}/")
    form = page.locator("[data-testid=wanted-end-form]")
    form.locator("input[name=on]").fill(ring.wanted[0].issued_on.isoformat())
    form.locator("select[name=reason]").select_option("arrested")
    form.locator("[data-testid=wanted-end]").click()
    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator("[data-testid=wanted-row]").first).to_contain_text("Ditangkap")


def test_other_agency_sees_the_ring_unnamed(page: Page, base_url, cast, police, ring, victim_case):
    sign_in(page, base_url, "batam_investigator")
    page.goto(f"{base_url}/penyidikan/peringatan/")
    alerts = page.locator("[data-testid=alert-row]")
    expect(alerts.first).to_contain_text("Polresta Kupang Kota")
    expect(page.locator("[data-testid=alerts]")).not_to_contain_text(victim_case.reference)
    page.goto(f"{base_url}/penyidikan/jaringan/?start=case:{ring.batam_case.pk}&depth=3")
    canvas = page.locator("[data-testid=network-canvas]")
    expect(canvas).to_have_attribute("data-ready", re.compile(r"^[1-9]\d*$"))
    data = page.locator("#network-data").text_content() or ""
    assert "Polresta Kupang Kota" in data
    for secret in (victim_case.reference, "Y.C.B.", "Yohanis", "M.C.N.", "Markus Contoh", "Dina"):
        assert secret not in data
        expect(page.locator("main")).not_to_contain_text(secret)
    # the Kupang case itself is not found for Batam
    page.goto(f"{base_url}/penyidikan/jaringan/?start=case:{ring.kupang_case.pk}")
    expect(page.locator("main")).not_to_contain_text("Y.C.B.")
    response = page.request.get(f"{base_url}/penyidikan/kasus/{ring.kupang_case.pk}/")
    assert response.status == 404
