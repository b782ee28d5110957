"""Pinned query counts of every list and detail view (issue #21): a page sends the same number of
queries whatever the number of rows it lists or the parties of the record it shows, within a
budget. An N+1 (a query per row, per party, per grant) fails here. Runs on SQLite and, with
DATABASE_URL, on PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lentera.apps.cases import services as case_services
from lentera.apps.justice import services as justice_services
from lentera.apps.people.services import person_create
from tests.justice.conftest import add_suspect, add_victims, justice  # noqa: F401

pytestmark = pytest.mark.django_db


def queries(client, url: str, *, data=None, api: bool = False) -> int:
    with CaptureQueriesContext(connection) as ctx:
        if data is None:
            response = client.get(url)
        elif api:
            response = client.post(url, data, content_type="application/json")
        else:
            response = client.post(url, data, HTTP_HX_REQUEST="true")
        assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def open_cases(cast, regions, justice, n: int) -> list:  # noqa: F811
    """``n`` cases of the Kupang police, each with two victims, a suspect, a proceeding with a
    stage, a journey leg and a whole-file grant with identities to UPTD PPA Kupang."""
    inv = cast.kupang_police_investigator
    made = []
    for i in range(n):
        case = case_services.case_open(
            actor=inv,
            title=f"Kasus contoh {i}",
            region=regions["53.71"],
            offence_date=date(2024, 3, 1),
            acts=["recruitment"],
            means=["fraud"],
            exploitation_types=["forced_labour"],
        )
        add_victims(inv, case, 2)
        suspect = add_suspect(inv, case, f"Tersangka Contoh {i}", "recruiter")
        proceeding = justice_services.proceeding_open(
            actor=inv,
            suspect=suspect,
            police_report_date=date(2024, 3, 5),
            prosecution_agency=justice.kupang_prosecution,
        )
        justice_services.stage_record(
            actor=inv, proceeding=proceeding, stage="investigation_order", on=date(2024, 3, 6)
        )
        case_services.case_share(
            actor=inv,
            case=case,
            agency=cast.kupang_uptd,
            scope="full",
            include_identity=True,
            reason="pendampingan",
        )
        made.append((case, proceeding))
    return made


LIST_BUDGET = 25
DETAIL_BUDGET = 40


def test_lists_do_not_grow_with_rows(client, cast, regions, justice):  # noqa: F811
    open_cases(cast, regions, justice, 2)
    pages = {
        cast.kupang_police_investigator: [
            "/",
            "/kasus/",
            "/kasus/?status=open&child=no",
            "/api/v1/cases",
            "/orang/",
            "/orang/?q=K",
            "/api/v1/people",
            "/proses-hukum/",
            "/proses-hukum/macet/",
            "/api/v1/proceedings",
        ],
        cast.kupang_uptd_caseworker: ["/", "/kasus/", "/api/v1/cases", "/orang/"],
        justice.kupang_secretariat: ["/", "/kasus/", "/proses-hukum/macet/"],
    }

    def measure() -> dict[tuple[str, str], int]:
        counts = {}
        for user, urls in pages.items():
            client.force_login(user)
            for url in urls:
                counts[(user.username, url)] = queries(client, url)
        return counts

    measure()  # once, for what a process reads once (reference lists)
    few = measure()
    open_cases(cast, regions, justice, 4)
    many = measure()
    assert many == few
    assert max(few.values()) <= LIST_BUDGET, few


def test_details_do_not_grow_with_parties_or_grants(client, cast, regions, justice):  # noqa: F811
    ((case, proceeding),) = open_cases(cast, regions, justice, 1)
    person = case.parties.filter(role="victim").first().person
    inv = cast.kupang_police_investigator
    urls = [
        f"/kasus/{case.pk}/",
        f"/api/v1/cases/{case.pk}",
        f"/orang/{person.pk}/",
        f"/api/v1/people/{person.pk}",
        f"/proses-hukum/{proceeding.pk}/",
        f"/api/v1/proceedings/{proceeding.pk}",
        f"/proses-hukum/kasus/{case.pk}/",
    ]
    client.force_login(inv)
    for url in urls:  # once, for what a process reads once (reference lists)
        queries(client, url)
    few = {url: queries(client, url) for url in urls}
    add_victims(inv, case, 4)
    for i, stage in enumerate(["spdp", "file_stage_1"]):
        justice_services.stage_record(
            actor=inv, proceeding=proceeding, stage=stage, on=date(2024, 3, 10 + i)
        )
    case_services.case_share(
        actor=inv,
        case=case,
        agency=cast.pontianak_uptd,
        scope="facts",
        include_identity=False,
        reason="koordinasi",
    )
    many = {url: queries(client, url) for url in urls}
    assert many == few
    assert max(few.values()) <= DETAIL_BUDGET, few


def test_name_search_does_not_grow_with_matching_people(client, cast, regions, justice):  # noqa: F811
    """Search before create reads the index once and the identity rule for its candidates
    only: more people with the same name do not add queries."""
    ((case, _proceeding),) = open_cases(cast, regions, justice, 1)
    inv = cast.kupang_police_investigator

    def register(k: int) -> None:
        for i in range(k):
            person_create(
                actor=inv,
                owner_agency=inv.agency,
                full_name="Maria Yohana Lado",
                sex="female",
                birth_date=date(2001, 1, 1 + i),
                region=regions["53.71"],
            )

    def measure() -> tuple[int, int]:
        client.force_login(inv)
        page = queries(client, f"/kasus/{case.pk}/cari-orang/", data={"name": "Maria Yohana Lado"})
        api = queries(client, "/api/v1/people/search", data={"name": "Maria Lado"}, api=True)
        return page, api

    register(1)
    few = measure()
    register(5)
    assert measure() == few
