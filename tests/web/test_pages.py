"""Page authorization matrix, language, and pinned query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lentera.apps.people.services import person_create
from tests.conftest import login_verified

pytestmark = pytest.mark.django_db

PAGES = [
    # url name, kwargs, allowed users, forbidden users (403)
    ("web:dashboard", {}, ["kupang_uptd_caseworker", "kupang_auditor"], []),
    ("people:list", {}, ["kupang_uptd_caseworker", "kupang_analyst"], ["kupang_auditor"]),
    ("people:create", {}, ["kupang_uptd_intake"], ["kupang_analyst", "kupang_auditor"]),
    ("accounts:audit", {}, ["kupang_auditor"], ["kupang_uptd_caseworker"]),
    ("accounts:access_log", {}, ["kupang_auditor"], ["kupang_uptd_admin"]),
    ("accounts:users", {}, ["kupang_uptd_admin"], ["kupang_uptd_caseworker"]),
    ("accounts:agencies", {}, [], ["kupang_uptd_admin", "kupang_uptd_caseworker"]),
    ("accounts:profile", {}, ["kupang_uptd_caseworker"], []),
    ("accounts:api_tokens", {}, ["kupang_uptd_caseworker"], []),
    ("reference:destinations", {}, ["kupang_uptd_caseworker"], []),
    ("reference:destination_create", {}, [], ["kupang_uptd_caseworker"]),
    ("reference:task_forces", {}, ["kupang_uptd_caseworker"], []),
    ("reference:regions", {}, ["kupang_uptd_caseworker"], []),
    ("web:admin_home", {}, ["kupang_uptd_admin"], []),
]


@pytest.mark.parametrize(("name", "kwargs", "allowed", "forbidden"), PAGES)
def test_page_matrix(client, cast, name, kwargs, allowed, forbidden):
    url = reverse(name, kwargs=kwargs)
    response = client.get(url)
    # a visitor at "/" is a citizen: the public welcome, not the sign-in page (issue #18)
    entry = reverse("web:public_home") if name == "web:dashboard" else "/akun/masuk/"
    assert response.status_code == 302 and entry in response["Location"]
    for who in allowed:
        login_verified(client, getattr(cast, who))
        assert client.get(url).status_code == 200, who
    for who in forbidden:
        login_verified(client, getattr(cast, who))
        assert client.get(url).status_code == 403, who


def test_person_pages_hide_existence(client, cast, kupang_child):
    url = reverse("people:detail", kwargs={"person_id": kupang_child.pk})
    client.force_login(cast.batam_social_worker)
    assert client.get(url).status_code == 404
    assert client.get(reverse("people:detail", kwargs={"person_id": 99999})).status_code == 404
    client.force_login(cast.kupang_analyst)
    page = client.get(url).content.decode()
    assert "E.C.N." in page and "Ester" not in page and 'data-testid="reveal"' not in page
    client.force_login(cast.kupang_uptd_caseworker)
    page = client.get(url).content.decode()
    assert "Ester" not in page and 'data-testid="reveal"' in page


def test_reveal_page_logs(client, cast, kupang_child):
    from lentera.apps.accounts.models import AccessLog

    url = reverse("people:reveal", kwargs={"person_id": kupang_child.pk})
    client.force_login(cast.kupang_analyst)
    assert client.post(url, {"purpose": "case_handling"}).status_code == 403
    client.force_login(cast.kupang_uptd_caseworker)
    response = client.post(url, {"purpose": "case_handling"}, HTTP_HX_REQUEST="true")
    assert "Ester Contoh Nenobais" in response.content.decode()
    assert AccessLog.objects.count() == 1


def test_dashboard_in_indonesian_by_default_and_english_on_request(client, cast):
    client.force_login(cast.kupang_uptd_caseworker)
    page = client.get("/").content.decode()
    assert 'lang="id"' in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert 'lang="en"' in page and "Person index" in page


def test_person_list_query_count_is_pinned(client, cast, regions):
    for i in range(30):
        person_create(
            actor=None,
            owner_agency=cast.kupang_uptd,
            full_name=f"Orang Contoh {i}",
            region=regions["53.71"],
        )
    client.force_login(cast.kupang_uptd_caseworker)
    client.get(reverse("people:list"))  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("people:list"))
    assert response.status_code == 200
    assert len(ctx.captured_queries) <= 8, [q["sql"] for q in ctx.captured_queries]


def test_healthz(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}
