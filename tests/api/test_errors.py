"""Invalid input is a 400, never a 500; every error under /api/ is a JSON problem body.

A NUL in ``?q=`` used to reach PostgreSQL and come back as a 500 with a traceback page on five
endpoints (people, regions: pages and API; cases: API and its CSV export).
"""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from lentera.apps.accounts.permissions import Role
from lentera.apps.people.models import Person
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"

#: Every list that takes a free-text ``q`` (grep ``"q"`` in views, forms and API).
PAGES_WITH_Q = [
    "/orang/",
    "/kasus/",
    "/kasus/ekspor.csv",
    "/pengaduan/",
    "/referensi/wilayah/",
]
API_WITH_Q = [
    "/api/v1/people",
    "/api/v1/regions",
    "/api/v1/cases",
    "/api/v1/cases/export.csv",
    "/api/v1/complaints",
]
BAD_QUERIES = [
    "q=%00",
    "q=Kupang%00",
    "q%00=1",
    "q=%FF%FE",  # not UTF-8 once decoded
    "q=" + "a" * 9000,
]


@pytest.fixture
def officer(cast):
    """Someone every list above is open to."""
    roles = [r for r in Role if r not in (Role.SYSTEM_ADMIN, Role.AGENCY_ADMIN)]
    return make_user("kupang_everything", cast.kupang_uptd, roles)


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith(PROBLEM)
    body = json.loads(response.content)
    assert body["status"] == status and body["type"] == "about:blank"
    assert body["title"] and body["detail"]
    return body


@pytest.mark.parametrize("path", PAGES_WITH_Q)
@pytest.mark.parametrize("query", BAD_QUERIES)
def test_pages_refuse_bad_queries_with_400(client, officer, path, query):
    client.force_login(officer)
    assert client.get(path).status_code == 200
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Traceback" not in response.content.decode()


@pytest.mark.parametrize("path", API_WITH_Q)
@pytest.mark.parametrize("query", BAD_QUERIES)
def test_api_refuses_bad_queries_with_a_problem(officer, path, query):
    client = APIClient()
    client.force_authenticate(officer, token="personal-token")
    assert client.get(path).status_code == 200
    assert_problem(client.get(f"{path}?{query}"), 400)


def test_nul_in_the_path_or_any_parameter_is_refused(client, officer):
    client.force_login(officer)
    assert client.get("/orang/?sex=%00").status_code == 400
    assert client.get("/publik/statistik/?tahun=2025%00").status_code == 400
    assert client.get("/orang/%00/").status_code in (400, 404)


def test_nul_in_a_form_field_is_refused_and_nothing_is_written(client, officer):
    client.force_login(officer)
    response = client.post("/orang/baru/", {"full_name": "Maria\x00", "sex": "female"})
    assert response.status_code == 400
    assert not Person.objects.exists()


def test_nul_in_an_api_body_is_refused_by_the_serializer(officer):
    """API bodies are not read by the middleware (the SMS gateway keeps every byte it gets)."""
    client = APIClient()
    client.force_authenticate(officer, token="personal-token")
    raw = '{"full_name": "Maria\\u0000", "sex": "female"}'
    response = client.post("/api/v1/people", raw, content_type="application/json")
    assert_problem(response, 400)
    assert not Person.objects.exists()


@pytest.mark.parametrize("accept", ["application/json", "text/html", "*/*"])
def test_unknown_api_address_is_a_404_problem(client, cast, accept):
    assert_problem(client.get("/api/v1/nope", HTTP_ACCEPT=accept), 404)
    client.force_login(cast.kupang_uptd_caseworker)
    body = assert_problem(client.get("/api/v1/nope/deeper", HTTP_ACCEPT=accept), 404)
    assert "<html" not in json.dumps(body).lower()


def test_record_not_found_and_not_allowed_are_problems(cast):
    client = APIClient()
    anonymous = client.get("/api/v1/people")
    assert anonymous.status_code == 401
    assert_problem(anonymous, anonymous.status_code)
    client.force_authenticate(cast.kupang_uptd_norole, token="personal-token")
    assert_problem(client.get("/api/v1/people"), 403)
    client.force_authenticate(cast.kupang_uptd_caseworker, token="personal-token")
    assert_problem(client.get("/api/v1/people/999999", HTTP_ACCEPT="text/html"), 404)


def test_wrong_method_is_a_405_problem(cast):
    client = APIClient()
    client.force_authenticate(cast.kupang_uptd_caseworker, token="personal-token")
    response = client.delete("/api/v1/me")
    body = assert_problem(response, 405)
    assert "GET" in response["Allow"]
    assert "DELETE" in body["detail"]


@pytest.mark.urls("tests.api.error_urls")
def test_wrong_method_on_a_plain_django_view_is_a_405_problem(client):
    assert_problem(client.get("/api/v1/test/post-only"), 405)


@pytest.mark.urls("tests.api.error_urls")
def test_unhandled_exception_is_a_500_problem_without_traceback(client):
    client.raise_request_exception = False
    body = assert_problem(client.get("/api/v1/test/boom", HTTP_ACCEPT="text/html"), 500)
    assert "a bug" not in json.dumps(body) and "Traceback" not in json.dumps(body)


@pytest.mark.urls("tests.api.error_urls")
def test_unhandled_exception_in_a_page_is_a_small_500_page(client):
    client.raise_request_exception = False
    response = client.get("/test/boom/")
    assert response.status_code == 500 and response["Content-Type"].startswith("text/html")
    assert "a bug" not in response.content.decode()


@pytest.mark.urls("tests.api.error_urls")
def test_throttled_is_a_429_problem_with_retry_after(client):
    response = client.get("/api/v1/test/throttled")
    assert_problem(response, 429)
    assert response["Retry-After"] == "30"


@pytest.mark.urls("tests.api.error_urls")
def test_validation_errors_keep_their_fields_and_the_problem_members_win(client):
    response = client.post(
        "/api/v1/test/validates", {"status": "lost"}, content_type="application/json"
    )
    body = assert_problem(response, 400)
    # field messages: at the top level as always, and all of them under "errors"
    assert "note" in body and set(body["errors"]) == {"status", "note"}
    assert body["status"] == 400  # a field named "status" does not hide the problem member
    hand_made = assert_problem(client.get("/api/v1/test/hand-made"), 400)
    assert hand_made["year"] == ["Give a year."] == hand_made["errors"]["year"]


def test_problem_bodies_speak_the_request_language(client):
    client.cookies["django_language"] = "en"
    assert assert_problem(client.get("/api/v1/nope"), 404)["detail"].startswith("This address")
    client.cookies["django_language"] = "id"
    assert not assert_problem(client.get("/api/v1/nope"), 404)["detail"].startswith("This")
