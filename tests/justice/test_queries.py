"""Pinned query counts: list pages do not grow with the number of proceedings (no N+1)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lentera.apps.justice import services

pytestmark = pytest.mark.django_db


def count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_lists_do_not_grow_with_proceedings(client, cast, justice, four_suspects):
    inv = cast.kupang_police_investigator

    def open_(party):
        p = services.proceeding_open(
            actor=inv,
            suspect=party,
            police_report_date=date(2023, 2, 1),
            prosecution_agency=justice.kupang_prosecution,
        )
        services.stage_record(
            actor=inv, proceeding=p, stage="investigation_order", on=date(2023, 2, 3)
        )
        services.detention_record(
            actor=inv, proceeding=p, level="investigator", start=date(2023, 2, 3)
        )
        return p

    first = open_(four_suspects[0])
    client.force_login(justice.kupang_secretariat)
    urls = ["/proses-hukum/", "/proses-hukum/macet/", f"/proses-hukum/kasus/{first.case_id}/"]
    one = {url: count(client, url) for url in urls}
    for party in four_suspects[1:]:
        open_(party)
    four = {url: count(client, url) for url in urls}
    assert four == one
    assert max(one.values()) <= 25, one
