"""Case files in a real browser: the Kupang example's network, and sharing with another agency."""

import pytest
from playwright.sync_api import Page, expect

from lentera.apps.cases.models import Case, CaseParty
from tests.browser.test_journeys import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

# The Kupang–Batam case of the field notes, with initials only (fictional full names).
NETWORK = [
    ("Yohanis Contoh Bessie", "recruiter"),
    ("Andreas Contoh Bria", "recruiter"),
    ("Agustinus Contoh Sinlae", "recruiter"),
    ("Katarina Contoh Tefa", "harbourer"),
    ("Simon Contoh Batam", "transporter"),
    ("Fransiska Contoh Tobi", "document_forger"),
]


def add_person(page: Page, name: str, role: str, network_role: str = "", age: str = "") -> None:
    form = page.locator("form[action$='/orang/']").last
    form.locator("input[name=full_name]").fill(name)
    form.locator("select[name=role]").select_option(role)
    if network_role:
        form.locator("select[name=network_role]").select_option(network_role)
    if age:
        form.locator("input[name=age_at_offence]").fill(age)
    form.locator("[data-testid=add-person]").click()
    expect(page.locator(".messages")).to_be_visible()


def test_caseworker_records_kupang_network(page: Page, base_url, cast, regions):
    sign_in(page, base_url, "kupang_police_investigator")
    page.goto(base_url + "/kasus/baru/")
    page.fill("input[name=title]", "Perekrutan dua perempuan muda dari Alak ke Batam")
    page.fill("input[name=offence_date]", "2021-03-01")
    page.check("input[name=acts][value=recruitment]")
    page.check("input[name=acts][value=sending]")
    page.check("input[name=means][value=fraud]")
    page.check("input[name=exploitation_types][value=forced_labour]")
    page.click("[data-testid=save-case]")
    expect(page.locator("[data-testid=case-reference]")).to_contain_text("TPPO/5371/")
    add_person(page, "Esther Contoh Lenggu", "victim", age="16")
    add_person(page, "Dina Contoh Manafe", "victim", age="20")
    for name, network_role in NETWORK:
        add_person(page, name, "suspect", network_role)
    people = page.locator("[data-testid=section-people]")
    expect(people.locator("tbody tr")).to_have_count(8)
    expect(page.locator("[data-testid=child-flag]")).to_be_visible()
    expect(people).not_to_contain_text("Esther")
    case = Case.objects.get()
    assert case.has_child_victim
    assert CaseParty.objects.filter(case=case, role="suspect").count() == 6
    assert set(CaseParty.objects.filter(role="suspect").values_list("network_role", flat=True)) == {
        "recruiter",
        "harbourer",
        "transporter",
        "document_forger",
    }
    page.screenshot(path="var/screenshot-case.png", full_page=True)


def test_other_agency_sees_nothing_until_granted(page: Page, base_url, cast, regions, browser):
    from lentera.apps.cases import services

    case = services.case_open(
        actor=cast.kupang_police_investigator,
        title="Kasus Batam",
        region=regions["53.71"],
        acts=["recruitment"],
    )
    url = f"{base_url}/kasus/{case.pk}/"
    sign_in(page, base_url, "batam_social_worker")
    page.goto(url)
    expect(page.locator("h1")).to_have_text("Tidak ditemukan")  # same as a missing case
    # the lead agency grants facts only
    other = browser.new_page()
    sign_in(other, base_url, "kupang_police_investigator")
    other.goto(url)
    share = other.locator("form[action$='/bagikan/']")
    share.locator("select[name=agency]").select_option(str(cast.batam_dinsos.pk))
    share.locator("select[name=scope]").select_option("facts")
    share.locator("input[name=reason]").fill("Korban ditampung di Batam")
    share.locator("[data-testid=share]").click()
    expect(other.locator("[data-testid=section-sharing]")).to_contain_text(
        "Dinas Sosial Kota Batam"
    )
    page.goto(url)
    expect(page.locator("[data-testid=section-facts]")).to_be_visible()
    expect(page.locator("[data-testid=section-people]")).to_have_count(0)
    expect(page.locator("[data-testid=section-documents]")).to_have_count(0)
    other.close()
