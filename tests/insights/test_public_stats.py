"""Published figures: no login, counted once across agencies, small cells suppressed so that no
count below k shows and no hidden count can be worked out from a total."""

from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from lentera.apps.accounts.permissions import Role
from lentera.apps.cases import services
from lentera.apps.insights.public_stats import public_figures
from lentera.apps.people.services import person_create
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache(fresh_cache):
    """The public pages count requests in the cache: every test starts at zero."""


@pytest.fixture
def recorded(cast, regions, settings):
    """Six Kupang cases with a woman victim each, two Pontianak cases with a man each; one of
    the women is also a victim in a second Kupang case (counted once); one person was found not
    to be a victim (not counted)."""
    settings.LENTERA_PUBLIC_K = 5
    kupang = cast.kupang_police_investigator
    pontianak = make_user("pontianak_investigator", cast.pontianak_uptd, [Role.INVESTIGATOR])

    def case_with_victim(actor, region, name, sex, age, exploitation):
        case = services.case_open(
            actor=actor,
            title="Kasus contoh",
            region=regions[region],
            acts=["recruitment"],
            exploitation_types=exploitation,
            recruitment_channel="social_media",
        )
        person = person_create(
            actor=actor, owner_agency=actor.agency, full_name=name, sex=sex, region=regions[region]
        )
        services.case_add_party(
            actor=actor, case=case, person=person, role="victim", age_at_offence=age
        )
        return case, person

    first_case, first_woman = None, None
    for i in range(6):
        case, person = case_with_victim(
            kupang, "53.71", f"Korban Contoh Kupang {i}", "female", 20 + i, ["forced_labour"]
        )
        first_case, first_woman = first_case or case, first_woman or person
    again = services.case_open(
        actor=kupang, title="Kasus lanjutan", region=regions["53.71"], acts=["recruitment"]
    )
    services.case_add_party(
        actor=kupang, case=again, person=first_woman, role="victim", age_at_offence=21
    )
    cleared = person_create(
        actor=kupang, owner_agency=kupang.agency, full_name="Bukan Korban", sex="male"
    )
    party = services.case_add_party(actor=kupang, case=again, person=cleared, role="victim")
    services.victim_decide(actor=kupang, party=party, status="not_victim")
    for i in range(2):
        case_with_victim(
            pontianak, "61.71", f"Korban Contoh Pontianak {i}", "male", 16, ["sexual_exploitation"]
        )
    return first_case


def rows(figures, key):
    return {code: count for code, _label, count in figures.tables[key].rows}


def test_counts_once_and_suppresses_small_cells(recorded):
    figures = public_figures(year=None)
    assert figures.k == 5
    # Kupang 7 cases, Pontianak 2: the 2 is hidden, and with it the only other count, because
    # the total (9) would give it away.
    assert rows(figures, "provinces") == {"53": None, "61": None}
    assert figures.tables["provinces"].total == 9
    # Victims: 6 women (one in two cases, counted once), 2 men; the cleared man is not counted.
    assert rows(figures, "victims_sex") == {"female": None, "male": None, "unknown": 0}
    assert figures.tables["victims_sex"].total == 8
    assert rows(figures, "victims_age") == {"child": None, "adult": None, "unknown": 0}
    # 6 and 2: the 2 is hidden, and the 6 with it (the smallest other count).
    assert rows(figures, "exploitation")["forced_labour"] is None
    assert rows(figures, "exploitation")["sexual_exploitation"] is None
    assert rows(figures, "exploitation")["domestic_servitude"] == 0
    # 8 by social media and 1 unknown (the follow-up case): both hidden.
    assert rows(figures, "channels")["social_media"] is None
    assert rows(figures, "channels")["unknown"] is None


def test_nothing_is_hidden_when_every_cell_is_large_enough(recorded, settings):
    settings.LENTERA_PUBLIC_K = 2
    figures = public_figures(year=None)
    assert rows(figures, "provinces") == {"53": 7, "61": 2}
    assert rows(figures, "victims_sex") == {"female": 6, "male": 2, "unknown": 0}


def test_a_year_without_cases_is_all_zero(recorded):
    figures = public_figures(year=2001)
    assert figures.tables["victims_sex"].total == 0 and rows(figures, "provinces") == {}


def test_public_page_needs_no_login_and_shows_no_case(client, recorded):
    response = client.get(reverse("publicstats:statistics"))
    page = response.content.decode()
    assert response.status_code == 200 and 'lang="id"' in page
    assert 'data-code="female">&lt;5<' in page, page[page.find("table-victims_sex") :][:800]
    assert "Korban menurut jenis kelamin" in page
    assert recorded.reference not in page and "Korban Contoh" not in page
    assert (
        reverse("publicstats:statistics") in client.get(reverse("web:public_home")).content.decode()
    )
    login_page = client.get("/", follow=True).content.decode()  # where a citizen lands first
    assert (
        reverse("publicstats:statistics") in login_page and reverse("public:report") in login_page
    )
    this_year = date.today().year
    assert client.get(reverse("publicstats:statistics"), {"tahun": this_year}).status_code == 200
    assert client.get(reverse("publicstats:statistics"), {"tahun": "x"}).status_code == 200


def test_public_api(recorded):
    client = APIClient()
    body = client.get(reverse("api-public-statistics")).json()
    assert body["suppressed_below"] == 5
    sexes = {row["code"]: row["count"] for row in body["tables"]["victims_sex"]["rows"]}
    assert sexes == {"female": None, "male": None, "unknown": 0}
    assert client.get(reverse("api-public-statistics"), {"year": "abc"}).status_code == 400
