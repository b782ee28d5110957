"""An analyst runs record linkage and confirms a match, in a real browser."""

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from lentera.apps.insights.models import MatchCandidate
from lentera.apps.people.services import person_create
from tests.browser.test_journeys import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_analyst_confirms_a_match(page: Page, base_url, cast, regions, settings):
    settings.LENTERA_TASKS_INLINE = True
    for agency, name, phone, born in [
        (cast.kupang_uptd, "Yohanes Contoh Taneo", "0812-3456-7001", date(1990, 5, 4)),
        (cast.kupang_police, "Johanes Tanéo", "+62 812 3456 7001", date(1990, 4, 5)),
    ]:
        person_create(
            actor=None,
            owner_agency=agency,
            full_name=name,
            sex="male",
            birth_date=born,
            phones=[phone],
            region=regions["53.71"],
        )
    sign_in(page, base_url, "kupang_analyst")
    page.goto(base_url + "/wawasan/pencocokan/")
    page.click("[data-testid=start-run]")
    expect(page.locator("[data-testid=run-status]")).to_contain_text("2")
    page.goto(base_url + "/wawasan/pencocokan/")
    candidate = MatchCandidate.objects.get()
    page.click(f"[data-testid=confirm-{candidate.pk}]")
    expect(page.locator(".messages")).to_be_visible()
    candidate.refresh_from_db()
    assert candidate.status == "confirmed" and candidate.decided_by == cast.kupang_analyst
    page.goto(f"{base_url}/orang/{candidate.left_id}/")
    expect(page.locator("[data-testid=linked-records]")).to_contain_text(f"#{candidate.right_id}")
