"""Authorization matrix for every proceedings page and endpoint: anonymous, other agency, same
agency without the permission, with it. Refusals show nothing and change nothing."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from lentera.apps.accounts.models import AuditEvent
from lentera.apps.justice import services
from lentera.apps.justice.models import (
    ChargeSet,
    DeadlineSetting,
    Detention,
    Proceeding,
    StageEvent,
)
from tests.conftest import login_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def proceeding(cast, justice, four_suspects):
    p = services.proceeding_open(
        actor=cast.kupang_police_investigator,
        suspect=four_suspects[3],  # the official
        police_report_date=date(2023, 2, 1),
        police_report_number="LP/B/7/II/2023",
        prosecution_agency=justice.kupang_prosecution,
    )
    services.detention_record(
        actor=cast.kupang_police_investigator,
        proceeding=p,
        level="investigator",
        start=date(2023, 2, 2),
    )
    return p


def snapshot():
    return (
        Proceeding.objects.count(),
        StageEvent.objects.count(),
        ChargeSet.objects.count(),
        Detention.objects.filter(end__isnull=False).count(),
        DeadlineSetting.objects.count(),
        AuditEvent.objects.count(),
    )


def pages(p, case_id):
    return [
        "/proses-hukum/",
        "/proses-hukum/macet/",
        f"/proses-hukum/kasus/{case_id}/",
        f"/proses-hukum/{p.pk}/",
    ]


def test_read_pages(client, cast, justice, proceeding):
    case_id = proceeding.case_id
    for url in pages(proceeding, case_id):
        assert client.get(url).status_code == 302, url  # to the sign-in page
    client.force_login(justice.kupang_police_norole)
    for url in pages(proceeding, case_id):
        assert client.get(url).status_code == 403, url
    client.force_login(justice.pontianak_investigator)
    assert client.get(f"/proses-hukum/{proceeding.pk}/").status_code == 404
    assert client.get(f"/proses-hukum/{proceeding.pk + 999}/").status_code == 404
    assert client.get(f"/proses-hukum/kasus/{case_id}/").status_code == 404
    for url in ("/proses-hukum/", "/proses-hukum/macet/"):
        body = client.get(url).content.decode()
        assert proceeding.case.reference not in body
    for user in (
        cast.kupang_police_investigator,
        justice.kupang_prosecutor,
        justice.kupang_secretariat,
    ):
        client.force_login(user)
        body = client.get(f"/proses-hukum/{proceeding.pk}/").content.decode()
        assert "LP/B/7/II/2023" in body
        assert "Laporan polisi (LP)" in body  # Indonesian by default (the app's catalogue)
        # the complicity flag: investigators and prosecutors, not the secretariat
        assert ('data-testid="official-flag"' in body) is (user != justice.kupang_secretariat)
        assert "Fransiska" not in body
        assert client.get("/proses-hukum/").status_code == 200
        assert client.get("/proses-hukum/macet/").status_code == 200


def test_stage_form_is_offered_only_to_those_who_may_record(client, cast, justice, proceeding):
    client.force_login(justice.kupang_secretariat)
    assert (
        'data-testid="stage-form"'
        not in client.get(f"/proses-hukum/{proceeding.pk}/").content.decode()
    )
    client.force_login(justice.kupang_prosecutor)
    assert (
        'data-testid="stage-form"' in client.get(f"/proses-hukum/{proceeding.pk}/").content.decode()
    )


def writes(p, justice, four_suspects):
    det = p.detentions.get()
    return [
        (f"/proses-hukum/{p.pk}/tahap/", {"stage": "inquiry", "on": "2023-02-03"}),
        (f"/proses-hukum/{p.pk}/pasal/", {"step": "investigation", "articles": "UU21/2007:2"}),
        (
            f"/proses-hukum/{p.pk}/penahanan/{det.pk}/",
            {"end": "2023-02-10", "extension_days": "0", "exceptional_days": "0"},
        ),
        (
            f"/proses-hukum/{p.pk}/penahanan/",
            {
                "level": "investigator",
                "start": "2023-02-12",
                "extension_days": "0",
                "exceptional_days": "0",
            },
        ),
        (
            f"/proses-hukum/{p.pk}/putusan/",
            {"outcome": "dismissed", "on": "2023-03-01", "dismissal_reason": "SP3"},
        ),
        (
            f"/proses-hukum/kasus/{p.case_id}/buka/",
            {"suspect": str(four_suspects[0].pk), "police_report_date": "2023-02-01"},
        ),
    ]


def test_write_pages_refuse_and_change_nothing(client, cast, justice, proceeding, four_suspects):
    before = snapshot()
    for url, data in writes(proceeding, justice, four_suspects):
        assert client.post(url, data).status_code == 302, url  # anonymous → sign in
        for user, code in (
            (justice.pontianak_investigator, 404),  # other agency: not found
            (justice.kupang_police_norole, 403),  # same agency, no permission
            (justice.kupang_secretariat, 403),  # sees it, may not record
        ):
            client.force_login(user)
            assert client.post(url, data).status_code == code, (url, user)
        client.logout()
    assert snapshot() == before


def test_write_pages_work_with_permission(client, cast, justice, proceeding, four_suspects):
    client.force_login(cast.kupang_police_investigator)
    for url, data in writes(proceeding, justice, four_suspects):
        response = client.post(url, data)
        assert response.status_code == 302, (url, response.content.decode()[:2000])
    proceeding.refresh_from_db()
    assert proceeding.outcome == "dismissed" and proceeding.current_stage == "inquiry"
    assert Proceeding.objects.count() == 2
    # an impossible order is shown as a form error
    other = Proceeding.objects.exclude(pk=proceeding.pk).get()
    response = client.post(f"/proses-hukum/{other.pk}/tahap/", {"stage": "p21", "on": "2023-02-03"})
    assert response.status_code == 400 and "P-21" in response.content.decode()


def test_statistics_and_settings_pages(client, cast, justice, proceeding):
    stats, settings = "/proses-hukum/statistik/", "/proses-hukum/tenggat/"
    assert client.get(stats).status_code == 302
    client.force_login(cast.kupang_police_investigator)  # no VIEW_STATISTICS
    assert client.get(stats).status_code == 403
    assert client.post(settings, {"spdp": "3"}).status_code == 403
    client.force_login(justice.kupang_secretariat)
    body = client.get(stats + "?start=2023-01-01&end=2023-12-31&region=53.71").content.decode()
    assert 'data-testid="police_reports">1<' in body
    assert client.get(stats + "?start=2023-12-01&end=2023-01-01").status_code == 200
    assert client.post(settings, {"spdp": "3"}).status_code == 403
    assert not DeadlineSetting.objects.exists()
    login_verified(client, cast.system_admin)
    assert client.get(settings).status_code == 200
    values = {name: "7" for name in ("spdp", "prosecutor_review", "appeal")}
    response = client.post(settings, {**_all_defaults(), **values, "spdp": "5"})
    assert response.status_code == 302
    assert DeadlineSetting.objects.get(name="spdp").days == 5


def _all_defaults():
    from lentera.apps.justice import deadlines as d

    values = {name: str(getattr(d.KUHAP_1981, name)) for name in d.PERIOD_NAMES}
    values["stall_days"] = "60"
    return values


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user, token="personal-token")
    return client


def test_api_read_matrix(cast, justice, proceeding):
    detail = f"/api/v1/proceedings/{proceeding.pk}"
    assert api().get("/api/v1/proceedings").status_code == 401
    assert api().get(detail).status_code == 401
    assert api(justice.kupang_police_norole).get("/api/v1/proceedings").status_code == 403
    assert api(justice.kupang_police_norole).get(detail).status_code == 403
    assert api(justice.pontianak_investigator).get(detail).status_code == 404
    assert api(justice.pontianak_investigator).get("/api/v1/proceedings").json()["results"] == []
    body = api(justice.kupang_secretariat).get(detail).json()
    assert body["current_stage"] == "police_report" and "is_official" not in body
    assert api(justice.kupang_prosecutor).get(detail).json()["is_official"] is True
    listed = (
        api(cast.kupang_police_investigator)
        .get(f"/api/v1/proceedings?case={proceeding.case_id}&stalled=true")
        .json()["results"]
    )
    assert [row["id"] for row in listed] == [proceeding.pk]  # reported in Feb 2023: stalled
    assert api(cast.kupang_police_investigator).get("/api/v1/proceedings?overdue=true").json()[
        "results"
    ][0]["overdue"] == ["detention"]
    assert (
        api(cast.kupang_police_investigator).get("/api/v1/proceedings?stalled=maybe").status_code
        == 400
    )
    stats = "/api/v1/statistics/proceedings?from=2023-01-01&to=2023-12-31"
    assert api().get(stats).status_code == 401
    assert api(cast.kupang_police_investigator).get(stats).status_code == 403
    assert (
        api(justice.pontianak_secretariat).get(stats).json()["police_reports"]["police_reports"]
        == 0
    )
    assert (
        api(justice.kupang_secretariat).get(stats).json()["police_reports"]["police_reports"] == 1
    )


def test_api_write_matrix(cast, justice, proceeding, four_suspects):
    stage_url = f"/api/v1/proceedings/{proceeding.pk}/stages"
    stage = {"stage": "inquiry", "on": "2023-02-03"}
    opening = {"suspect": four_suspects[0].pk, "police_report_date": "2023-02-01"}
    before = snapshot()
    for client, code in (
        (api(), (401, 403)),
        (api(justice.pontianak_investigator), (404,)),
        (api(justice.kupang_police_norole), (403,)),
        (api(justice.kupang_secretariat), (403,)),
    ):
        assert client.post(stage_url, stage, format="json").status_code in code
        assert client.post("/api/v1/proceedings", opening, format="json").status_code in code
    assert snapshot() == before
    ok = api(justice.kupang_prosecutor).post(stage_url, stage, format="json")
    assert ok.status_code == 201 and ok.json()["current_stage"] == "inquiry"
    bad = api(justice.kupang_prosecutor).post(
        stage_url, {"stage": "verdict", "on": "2023-02-04"}, format="json"
    )
    assert bad.status_code == 400 and "stage" in bad.json()
    # prosecutors do not see the case file (only their proceedings), so they cannot open one
    assert (
        api(justice.kupang_prosecutor)
        .post("/api/v1/proceedings", opening, format="json")
        .status_code
        == 404
    )
    created = api(cast.kupang_police_investigator).post(
        "/api/v1/proceedings", opening, format="json"
    )
    assert created.status_code == 201 and created.json()["procedure_code"] == "KUHAP1981"
    again = api(cast.kupang_police_investigator).post("/api/v1/proceedings", opening, format="json")
    assert again.status_code == 400 and "suspect" in again.json()
