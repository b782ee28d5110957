"""Journeys people take, in a real headless chromium against a live server and database."""

import re

import pytest
from playwright.sync_api import Page, expect

from lentera.apps.accounts.models import AccessLog
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(base_url + "/")  # a visitor at the address is shown the public welcome
    expect(page).to_have_url(re.compile("/selamat-datang/"))
    page.click("a[href='/akun/masuk/'] >> nth=-1")
    expect(page).to_have_url(re.compile("/akun/masuk/"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("[data-testid=login]")


def test_login_dashboard_language_switch(page: Page, base_url, cast):
    sign_in(page, base_url, "kupang_uptd_caseworker")
    expect(page.locator("h1")).to_contain_text("Kupang")
    expect(page.locator("#mainnav")).to_contain_text("Orang")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.locator("[data-testid=card-people]")).to_be_visible()
    page.screenshot(path="var/screenshot-dashboard-id.png", full_page=True)
    page.click("[data-testid=lang-en]")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#mainnav")).to_contain_text("People")
    expect(page.locator("[data-testid=card-people] h2")).to_have_text("Person index")
    page.click("[data-testid=lang-id]")
    expect(page.locator("html")).to_have_attribute("lang", "id")


def test_reveal_identity_is_explicit_and_logged(page: Page, base_url, cast, kupang_child):
    sign_in(page, base_url, "kupang_uptd_caseworker")
    page.goto(f"{base_url}/orang/{kupang_child.pk}/")
    expect(page.locator("[data-testid=pseudonym]")).to_contain_text("E.C.N.")
    expect(page.locator("body")).not_to_contain_text("Ester")
    page.select_option("select[name=purpose]", "victim_services")
    page.click("[data-testid=reveal]")
    expect(page.locator("[data-testid=identity]")).to_contain_text("Ester Contoh Nenobais")
    assert AccessLog.objects.filter(user=cast.kupang_uptd_caseworker).count() == 1


def test_narrow_screen_menu(page: Page, base_url, cast):
    page.set_viewport_size({"width": 380, "height": 800})
    sign_in(page, base_url, "kupang_uptd_caseworker")
    nav = page.locator("#mainnav ul")
    expect(nav).to_be_hidden()
    page.click("[data-toggle-nav]")
    expect(nav).to_be_visible()


def test_qualify_child_sent_abroad(page: Page, base_url, cast):
    sign_in(page, base_url, "kupang_police_investigator")
    page.goto(base_url + "/hukum/kualifikasi/")
    expect(page.locator("[data-testid=not-legal-advice]")).to_be_visible()
    page.fill("input[name=offence_date]", "2023-05-10")
    page.check("input[name=acts][value=recruitment]")
    page.check("input[name=acts][value=sending]")
    page.check("input[name=purposes][value=forced_labour]")
    page.select_option("select[name=movement]", "out_of_indonesia")
    page.fill("input[name=victim0_age]", "16")
    page.click("[data-testid=qualify]")
    charges = page.locator("[data-testid=charges]")
    # articles in words, the code only in an attribute (issue #18, item 5)
    expect(charges).to_contain_text("Pasal 4 UU 21/2007")
    expect(charges).to_contain_text("Pasal 17 UU 21/2007")
    expect(charges.locator("[data-ref='UU21/2007:4']")).to_have_count(1)
    expect(charges).not_to_contain_text("UU21/2007:")
    page.screenshot(path="var/screenshot-qualify.png", full_page=True)
