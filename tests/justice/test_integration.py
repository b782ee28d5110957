"""Proceedings reached from the rest of Lentera: the menu, the dashboard card, the case page."""

from datetime import date

import pytest
from django.urls import reverse

from lentera.apps.justice import services

pytestmark = pytest.mark.django_db


def _open(cast, justice, party):
    return services.proceeding_open(
        actor=cast.kupang_police_investigator,
        suspect=party,
        police_report_date=date(2023, 1, 2),
        police_report_number="LP/B/3/I/2023/SPKT/Polresta Kupang Kota",
        prosecution_agency=justice.kupang_prosecution,
    )


def test_menu_links_proceedings_for_case_readers_only(client, cast, justice):
    client.force_login(cast.kupang_police_investigator)
    page = client.get("/").content.decode()
    assert f'href="{reverse("justice:home")}"' in page
    client.force_login(justice.kupang_police_norole)
    page = client.get("/").content.decode()
    assert f'href="{reverse("justice:home")}"' not in page


def test_dashboard_counts_stalled_proceedings_for_the_secretariat(
    client, cast, justice, four_suspects
):
    _open(cast, justice, four_suspects[0])  # no movement since January 2023: stalled today
    client.force_login(justice.kupang_secretariat)
    response = client.get("/")
    card = next(c for c in response.context["cards"] if c["key"] == "proceedings")
    assert card["value"] == 1 and card["url"] == reverse("justice:stalled")
    client.force_login(justice.pontianak_secretariat)  # another region sees none of it
    response = client.get("/")
    card = next(c for c in response.context["cards"] if c["key"] == "proceedings")
    assert card["value"] == 0
    client.force_login(cast.kupang_uptd_caseworker)  # no proceedings role: no card
    response = client.get("/")
    assert all(c["key"] != "proceedings" for c in response.context["cards"])


def test_case_page_links_proceedings_once_there_is_a_suspect(
    client, cast, kupang_batam_case, four_suspects
):
    client.force_login(cast.kupang_police_investigator)
    page = client.get(reverse("cases:detail", args=[kupang_batam_case.pk])).content.decode()
    assert reverse("justice:case", args=[kupang_batam_case.pk]) in page


def test_case_page_has_no_proceedings_link_without_suspects(client, cast, kupang_batam_case):
    client.force_login(cast.kupang_police_investigator)
    page = client.get(reverse("cases:detail", args=[kupang_batam_case.pk])).content.decode()
    assert reverse("justice:case", args=[kupang_batam_case.pk]) not in page
