"""Wanted suspects (DPO, issue #17): the notice shows on the proceedings list, holds the stall
flag while the suspect is at large, and an arrest restarts the open deadlines; only those who
record on the proceeding may issue or end a notice; the pages and the API from the other side."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AuditEvent
from lentera.apps.justice import deadlines as d
from lentera.apps.justice import selectors, services, wanted
from lentera.apps.justice.models import WantedNotice

pytestmark = pytest.mark.django_db


@pytest.fixture
def proceeding(cast, justice, four_suspects):
    inv = cast.kupang_police_investigator
    p = services.proceeding_open(
        actor=inv,
        suspect=four_suspects[0],
        police_report_date=date(2023, 2, 1),
        police_report_number="LP/B/12/II/2023",
        prosecution_agency=justice.kupang_prosecution,
    )
    services.stage_record(
        actor=inv, proceeding=p, stage="investigation_order", on=date(2023, 2, 10)
    )
    return p


def test_issue_shows_on_the_list_and_holds_the_stall_flag(cast, proceeding):
    inv = cast.kupang_police_investigator
    notice = wanted.wanted_issue(
        actor=inv,
        proceeding=proceeding,
        issued_by=cast.kupang_police,
        issued_on=date(2023, 3, 1),
        number="DPO/12/III/2023",
    )
    rows = selectors.watch_list(user=inv, today=date(2023, 9, 1))
    row = next(r for r in rows if r.proceeding.pk == proceeding.pk)
    assert row.wanted == notice and not row.stalled
    assert AuditEvent.objects.filter(event_type=EventType.WANTED_ISSUED).count() == 1
    with pytest.raises(Conflict):
        wanted.wanted_issue(
            actor=inv,
            proceeding=proceeding,
            issued_by=cast.kupang_police,
            issued_on=date(2023, 3, 2),
        )
    client = _page(inv)
    body = client.get(reverse("justice:home")).content.decode()
    assert 'data-testid="wanted-flag"' in body and cast.kupang_police.name in body


def test_arrest_ends_the_notice_and_restarts_the_deadlines(cast, proceeding):
    inv = cast.kupang_police_investigator
    notice = wanted.wanted_issue(
        actor=inv, proceeding=proceeding, issued_by=cast.kupang_police, issued_on=date(2023, 2, 12)
    )
    # SPDP was due on 2023-02-17 and never sent: overdue while the suspect ran
    before = selectors.deadlines_of(proceeding, today=date(2023, 6, 1))
    assert [(x.code, x.status) for x in before] == [("spdp", d.Status.OVERDUE)]
    wanted.wanted_end(actor=inv, notice=notice, on=date(2023, 5, 30), reason="arrested")
    proceeding.refresh_from_db()
    assert proceeding.last_movement_at == date(2023, 5, 30)
    after = selectors.deadlines_of(proceeding, today=date(2023, 6, 1))
    assert [(x.code, x.start, x.due, x.status) for x in after] == [
        ("spdp", date(2023, 5, 30), date(2023, 6, 6), d.Status.DUE)
    ]
    with pytest.raises(Conflict):
        wanted.wanted_end(actor=inv, notice=notice, on=date(2023, 5, 30), reason="arrested")
    # a revoked notice restarts nothing
    other = wanted.wanted_issue(
        actor=inv, proceeding=proceeding, issued_by=cast.kupang_police, issued_on=date(2023, 6, 1)
    )
    wanted.wanted_end(actor=inv, notice=other, on=date(2023, 6, 2), reason="revoked")
    assert wanted.restart_day(proceeding.wanted.all()) == date(2023, 5, 30)


def test_validation_and_refusals(cast, justice, proceeding):
    inv = cast.kupang_police_investigator
    future = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError):
        wanted.wanted_issue(
            actor=inv, proceeding=proceeding, issued_by=cast.kupang_police, issued_on=future
        )
    for outsider in (justice.pontianak_investigator, justice.kupang_secretariat):
        with pytest.raises(PermissionDenied):
            wanted.wanted_issue(
                actor=outsider,
                proceeding=proceeding,
                issued_by=cast.kupang_police,
                issued_on=date(2023, 3, 1),
            )
    assert not WantedNotice.objects.exists()
    notice = wanted.wanted_issue(
        actor=justice.kupang_prosecutor,
        proceeding=proceeding,
        issued_by=cast.kupang_police,
        issued_on=date(2023, 3, 1),
    )
    with pytest.raises(ValidationError):
        wanted.wanted_end(actor=inv, notice=notice, on=date(2023, 2, 1), reason="arrested")
    with pytest.raises(PermissionDenied):
        wanted.wanted_end(
            actor=justice.pontianak_investigator,
            notice=notice,
            on=date(2023, 4, 1),
            reason="arrested",
        )


def _page(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_pages_and_api_from_both_sides(cast, justice, proceeding):
    inv = cast.kupang_police_investigator
    client = _page(inv)
    url = reverse("justice:wanted_add", args=[proceeding.pk])
    response = client.post(
        url, {"issued_by": cast.kupang_police.pk, "issued_on": "2023-03-01", "number": "DPO/1"}
    )
    assert response.status_code == 302
    notice = WantedNotice.objects.get()
    detail = client.get(reverse("justice:detail", args=[proceeding.pk])).content.decode()
    assert 'data-testid="section-wanted"' in detail and "DPO/1" in detail
    # another agency's investigator: not found, nothing written
    other = _page(justice.pontianak_investigator)
    assert other.post(url, {"issued_on": "2023-03-01"}).status_code == 404
    end = reverse("justice:wanted_close", args=[proceeding.pk, notice.pk])
    assert other.post(end, {"on": "2023-04-01", "reason": "arrested"}).status_code == 404
    assert client.post(end, {"on": "2023-04-01", "reason": "arrested"}).status_code == 302
    notice.refresh_from_db()
    assert notice.end_reason == "arrested"

    api = APIClient()
    api.force_authenticate(inv)
    listed = api.get(f"/api/v1/proceedings/{proceeding.pk}/wanted")
    assert listed.status_code == 200 and listed.json()[0]["end_reason"] == "arrested"
    made = api.post(
        f"/api/v1/proceedings/{proceeding.pk}/wanted",
        {"issued_by": cast.kupang_police.pk, "issued_on": "2023-05-01"},
        format="json",
    )
    assert made.status_code == 201 and made.json()["is_open"]
    outsider = APIClient()
    outsider.force_authenticate(justice.pontianak_investigator)
    assert outsider.get(f"/api/v1/proceedings/{proceeding.pk}/wanted").status_code == 404
