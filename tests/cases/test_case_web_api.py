"""Authorization matrix for the case pages and endpoints; identity reads logged; query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.cases import services
from lentera.apps.cases.models import Case, CaseGrant, CaseParty

pytestmark = pytest.mark.django_db


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user, token="personal-token")
    return client


def test_case_pages_matrix(client, cast, kupang_case):
    detail = reverse("cases:detail", kwargs={"case_id": kupang_case.pk})
    for url in (reverse("cases:list"), detail, reverse("cases:create")):
        assert client.get(url).status_code == 302  # anonymous → sign in
    client.force_login(cast.batam_social_worker)  # other agency: the case does not exist
    assert client.get(detail).status_code == 404
    assert kupang_case.reference not in client.get(reverse("cases:list")).content.decode()
    client.force_login(cast.kupang_auditor)  # no VIEW_CASE
    assert client.get(detail).status_code == 403
    client.force_login(cast.kupang_police_investigator)
    page = client.get(detail).content.decode()
    assert kupang_case.reference in page and 'data-testid="section-sharing"' in page
    assert "DYM dan ESL" not in page  # the narrative is not shown until revealed


def test_grant_shows_only_the_granted_sections(client, cast, kupang_case, child_victim):
    services.case_share(
        actor=cast.kupang_police_investigator,
        case=kupang_case,
        agency=cast.batam_dinsos,
        scope="facts",
        include_identity=False,
        reason="Korban di Batam",
    )
    client.force_login(cast.batam_social_worker)
    page = client.get(reverse("cases:detail", kwargs={"case_id": kupang_case.pk})).content.decode()
    assert 'data-testid="section-facts"' in page
    assert 'data-testid="section-people"' not in page
    assert 'data-testid="section-documents"' not in page
    assert 'data-testid="section-sharing"' not in page
    assert 'data-testid="reveal-case"' not in page
    # the grantee sees the case and cannot change anything: refused, not hidden
    response = client.post(
        reverse("cases:note_add", kwargs={"case_id": kupang_case.pk}), {"text": "x"}
    )
    assert response.status_code == 403
    assert not kupang_case.notes.exists()


def test_reveal_logs_each_identity(client, cast, kupang_case, child_victim):
    url = reverse("cases:reveal", kwargs={"case_id": kupang_case.pk})
    client.force_login(cast.kupang_analyst)
    assert client.post(url, {"purpose": "case_handling"}).status_code == 403
    client.force_login(cast.kupang_police_investigator)
    page = client.post(url, {"purpose": "investigation"}).content.decode()
    assert "DYM dan ESL" in page and "Esther Contoh Lenggu" in page
    logs = AccessLog.objects.order_by("id")
    assert [log.object_type for log in logs] == ["cases.case", "people.person"]


def test_document_download_through_policy(client, cast, kupang_case):
    doc = services.document_add(
        actor=cast.kupang_police_investigator,
        case=kupang_case,
        filename="bukti.pdf",
        content=b"%PDF-1.4 bukti",
    )
    url = reverse("cases:document", kwargs={"case_id": kupang_case.pk, "document_id": doc.pk})
    client.force_login(cast.batam_social_worker)
    assert client.get(url).status_code == 404
    client.force_login(cast.kupang_police_investigator)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 bukti"
    assert "attachment" in response["Content-Disposition"]
    assert AccessLog.objects.filter(object_type="cases.casedocument").count() == 1
    assert "/media/" not in url


def test_add_party_by_search_before_create(client, cast, regions, kupang_case):
    from lentera.apps.people.services import person_create

    existing = person_create(
        actor=cast.kupang_police_investigator,
        owner_agency=cast.kupang_police,
        full_name="Muhammad Rizky Taneo",
        sex="male",
    )
    client.force_login(cast.kupang_police_investigator)
    page = client.post(
        reverse("cases:party_search", kwargs={"case_id": kupang_case.pk}),
        {"name": "M. Rizki Tanéo"},
    ).content.decode()
    assert f'value="{existing.pk}"' in page
    client.post(
        reverse("cases:party_add", kwargs={"case_id": kupang_case.pk}),
        {
            "person_id": existing.pk,
            "role": "suspect",
            "network_role": "recruiter",
            "sex": "unknown",
        },
    )
    assert CaseParty.objects.get(case=kupang_case).person == existing


def test_case_list_query_count_is_pinned(client, cast, regions):
    for i in range(25):
        services.case_open(
            actor=cast.kupang_police_investigator, title=f"Kasus {i}", region=regions["53.71"]
        )
    client.force_login(cast.kupang_police_investigator)
    client.get(reverse("cases:list"))
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("cases:list"))
    assert response.status_code == 200 and "Kasus 24" in response.content.decode()
    assert len(ctx.captured_queries) <= 9, [q["sql"] for q in ctx.captured_queries]


def test_case_page_query_count_is_pinned(client, cast, regions, kupang_case, child_victim):
    from lentera.apps.people.services import person_create

    for i in range(6):
        person = person_create(
            actor=cast.kupang_police_investigator,
            owner_agency=cast.kupang_police,
            full_name=f"Saksi Contoh {i}",
        )
        services.case_add_party(
            actor=cast.kupang_police_investigator, case=kupang_case, person=person, role="witness"
        )
    client.force_login(cast.kupang_police_investigator)
    url = reverse("cases:detail", kwargs={"case_id": kupang_case.pk})
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    assert len(ctx.captured_queries) <= 25, len(ctx.captured_queries)


def test_api_matrix(cast, regions, kupang_case, child_victim):
    path = f"/api/v1/cases/{kupang_case.pk}"
    assert api().get(path).status_code == 401
    assert api(cast.batam_social_worker).get(path).status_code == 404
    assert api(cast.kupang_auditor).get(path).status_code == 403
    body = api(cast.kupang_police_investigator).get(path).json()
    assert body["reference"] == kupang_case.reference and "Esther" not in str(body)
    assert body["parties"][0]["person"]["initials"] == "E.C.L."
    # list
    assert [
        c["id"] for c in api(cast.kupang_police_investigator).get("/api/v1/cases").json()["results"]
    ] == [kupang_case.pk]
    assert api(cast.batam_social_worker).get("/api/v1/cases").json()["results"] == []
    # create
    payload = {"title": "Kasus API", "region": "53.71", "acts": ["recruitment"]}
    assert (
        api(cast.kupang_uptd_caseworker).post("/api/v1/cases", payload, format="json").status_code
        == 403
    )
    bad = api(cast.kupang_police_investigator).post(
        "/api/v1/cases", {**payload, "acts": ["x"]}, format="json"
    )
    assert bad.status_code == 400 and "acts" in bad.json()
    assert (
        api(cast.kupang_police_investigator)
        .post("/api/v1/cases", payload, format="json")
        .status_code
        == 201
    )
    # share and revoke
    grants = f"/api/v1/cases/{kupang_case.pk}/grants"
    share = {
        "agency": cast.batam_dinsos.pk,
        "scope": "people",
        "include_identity": False,
        "reason": "Penampungan",
    }
    events_before = AuditEvent.objects.count()
    assert api(cast.kupang_analyst).post(grants, share, format="json").status_code == 403
    assert api(cast.batam_social_worker).post(grants, share, format="json").status_code in (
        403,
        404,
    )
    assert AuditEvent.objects.count() == events_before and not CaseGrant.objects.exists()
    created = api(cast.kupang_police_investigator).post(grants, share, format="json")
    assert created.status_code == 201
    seen = api(cast.batam_social_worker).get(path).json()
    assert seen["sections"] == ["facts", "journey", "people"] and "grants" not in seen
    revoke = f"{grants}/{created.json()['id']}/revoke"
    assert api(cast.kupang_police_investigator).post(revoke).status_code == 200
    assert api(cast.batam_social_worker).get(path).status_code == 404
    # parties and status
    parties = f"/api/v1/cases/{kupang_case.pk}/parties"
    added = api(cast.kupang_police_investigator).post(
        parties, {"full_name": "Saksi Contoh", "role": "witness"}, format="json"
    )
    assert added.status_code == 201
    assert (
        api(cast.batam_social_worker)
        .post(parties, {"full_name": "X", "role": "witness"}, format="json")
        .status_code
        == 404
    )
    status_url = f"/api/v1/cases/{kupang_case.pk}/status"
    assert (
        api(cast.kupang_police_investigator)
        .post(status_url, {"status": "in_handling"}, format="json")
        .status_code
        == 400
    )
    assert (
        api(cast.kupang_police_investigator)
        .post(status_url, {"status": "assessment"}, format="json")
        .json()["status"]
        == "assessment"
    )
    assert Case.objects.get(pk=kupang_case.pk).status == "assessment"
