"""The referral journey in a real browser (headless chromium, live server)."""

from datetime import date

import pytest
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from lentera.apps.cases import services as case_services
from lentera.apps.cases.models import CaseParty
from lentera.apps.people.services import person_create
from lentera.apps.protection.models import Referral, ReturnPlan
from lentera.apps.protection.vocab import Decision
from tests.browser.test_journeys import sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def journey_case(cast, regions):
    case = case_services.case_open(
        actor=cast.kupang_uptd_intake,
        title="Dua perempuan dari Alak dipekerjakan paksa di Batam",
        region=regions["53.71"],
        offence_date=date(2024, 3, 1),
        acts=["recruitment"],
        means=["fraud"],
    )
    parties = {}
    for key, name, birth in [
        ("adult", "Dina Contoh Manafe", date(2000, 5, 1)),
        ("child", "Ester Contoh Lenggu", date(2009, 2, 1)),
    ]:
        person = person_create(
            actor=cast.kupang_uptd_caseworker,
            owner_agency=cast.kupang_uptd,
            full_name=name,
            sex="female",
            birth_date=birth,
            region=regions["53.71.01"],
        )
        parties[key] = case_services.case_add_party(
            actor=cast.kupang_uptd_caseworker, case=case, person=person, role="victim"
        )
    return case, parties


def test_caseworker_identifies_consents_refers_and_shelter_accepts(
    page: Page, base_url, cast, journey_case
):
    case, parties = journey_case
    adult = parties["adult"]
    sign_in(page, base_url, "kupang_uptd_caseworker")
    page.goto(f"{base_url}/perlindungan/kasus/{case.pk}/")
    victim = page.locator(f"[data-testid=victim-{adult.pk}]")
    # identification interview
    victim.locator("[data-testid=identify]").click()
    page.select_option("select[name=setting]", "shelter")
    page.check("input[name=indicators][value=deception]")
    page.check("input[name=indicators][value=documents]")
    page.click("[data-testid=save]")
    expect(victim.locator("[data-testid=identifications]")).to_contain_text("UPTD PPA Kota Kupang")
    with translation.override("id"):
        presumed = str(Decision.PRESUMED.label)
    expect(victim.locator("[data-testid=identifications]")).to_contain_text(presumed)
    assert CaseParty.objects.get(pk=adult.pk).victim_status == "presumed"
    expect(page.locator(".messages")).to_be_visible()
    # a referral without consent is refused, with an explanation
    victim.locator("[data-testid=refer]").click()
    page.select_option("select[name=to_agency]", label="Dinas Sosial Kota Batam")
    page.select_option("select[name=service_type]", "shelter")
    page.fill("input[name=reason]", "Membutuhkan rumah aman di Batam")
    page.check("input[name=share_people]")
    page.click("[data-testid=save]")
    expect(page.locator(".errors")).to_contain_text("Dinas Sosial Kota Batam")
    assert not Referral.objects.exists()
    # consent, then the referral goes through
    page.goto(f"{base_url}/perlindungan/kasus/{case.pk}/")
    victim.locator("[data-testid=consent]").click()
    page.select_option("select[name=agencies]", label="Dinas Sosial Kota Batam")
    page.fill("input[name=purpose]", "Rumah aman dan pemulihan")
    page.check("input[name=share_people]")
    page.click("[data-testid=save]")
    expect(victim.locator("[data-testid=consents]")).to_contain_text("Dinas Sosial Kota Batam")
    victim.locator("[data-testid=refer]").click()
    page.select_option("select[name=to_agency]", label="Dinas Sosial Kota Batam")
    page.select_option("select[name=service_type]", "shelter")
    page.fill("input[name=reason]", "Membutuhkan rumah aman di Batam")
    page.check("input[name=share_people]")
    page.click("[data-testid=save]")
    expect(victim.locator("[data-testid=referrals]")).to_contain_text("Dinas Sosial Kota Batam")
    # the shelter in Batam accepts from its own list
    page.context.clear_cookies()
    sign_in(page, base_url, "batam_social_worker")
    page.goto(f"{base_url}/perlindungan/")
    page.locator("[data-testid=incoming] a").first.click()
    expect(page.locator("dl.facts")).to_contain_text("D.C.M.")
    expect(page.locator("dl.facts")).not_to_contain_text("Manafe")  # identity not consented
    page.click("[data-testid=accept]")
    expect(page.locator("[data-testid=referral-status]")).to_contain_text(
        Referral.objects.get().get_status_display()
    )
    assert Referral.objects.get().status == "accepted"


def test_child_referred_without_consent_override_in_audit(page: Page, base_url, cast, journey_case):
    case, parties = journey_case
    child = parties["child"]
    sign_in(page, base_url, "kupang_uptd_caseworker")
    page.goto(
        f"{base_url}/perlindungan/kasus/{case.pk}/rujuk/".replace("rujuk/", "")
        + f"korban/{child.pk}/rujuk/"
    )
    page.select_option("select[name=to_agency]", label="UPTD PPA Kota Pontianak")
    page.select_option("select[name=service_type]", "shelter")
    page.fill("input[name=reason]", "Anak butuh perlindungan segera")
    page.select_option("select[name=override_basis]", "child")
    page.click("[data-testid=save]")
    expect(
        page.locator(f"[data-testid=victim-{child.pk}] [data-testid=referrals]")
    ).to_contain_text("PP 9/2008")
    page.goto(f"{base_url}/kasus/{case.pk}/")
    expect(page.locator("[data-testid=section-timeline]")).to_contain_text("PP 9/2008 Pasal 4(3)")


def test_return_home_hand_over_and_a_reintegration_visit(page: Page, base_url, cast, journey_case):
    case, parties = journey_case
    adult = parties["adult"]
    sign_in(page, base_url, "kupang_uptd_caseworker")
    page.goto(f"{base_url}/perlindungan/kasus/{case.pk}/korban/{adult.pk}/pemulangan/")
    page.check("input[name=victim_wishes_return]")
    page.fill("input[name=home_region_code]", "53.71")
    page.click("[data-testid=save]")
    page.locator(f"[data-testid=victim-{adult.pk}] [data-testid=returns] a").first.click()
    # the hand-over is refused until the family is assessed and the return judged safe
    today = timezone.localdate()
    page.fill("[data-testid=complete-form] input[name=returned_on]", str(today))
    page.fill("[data-testid=complete-form] input[name=handover_to]", "Ibu kandung")
    page.click("[data-testid=complete]")
    expect(page.locator("[data-testid=complete-form] [role=alert]").first).to_be_visible()
    page.check("[data-testid=update-form] input[name=family_assessed]")
    page.fill("[data-testid=update-form] textarea[name=family_assessment]", "Orang tua siap")
    page.check("[data-testid=update-form] input[name=safe_to_return]")
    page.fill("[data-testid=update-form] input[name=travel]", "Kapal Batam–Kupang")
    page.click("[data-testid=save-plan]")
    page.fill("[data-testid=complete-form] input[name=returned_on]", str(today))
    page.fill("[data-testid=complete-form] input[name=handover_to]", "Ibu kandung")
    page.click("[data-testid=complete]")
    assert ReturnPlan.objects.get().status == "completed"
    page.fill("[data-testid=visit-form] input[name=visited_on]", str(today))
    page.fill("[data-testid=visit-form] input[name=wellbeing]", "Sehat, kembali sekolah")
    page.click("[data-testid=add-visit]")
    expect(page.locator("[data-testid=visits]")).to_contain_text("Sehat, kembali sekolah")
    expect(page.locator("[data-testid=follow-up-timer]")).to_be_visible()
