"""The API schema tells the truth: a schema-driven fuzz of every operation of ``/api/v1/schema``.

Schemathesis reads the schema from the running Django WSGI application (with a personal token),
generates requests from it and sends them to the same application, in this process and on the
test database, with a real ``Authorization: Token …`` header: as officers who hold the records
of the authorization world (:func:`tests.authz.build_world`) and as one without any role. Path
parameters are the world's records or whatever the schema allows, so both the answers about a
record and the 404s are checked. A request fails the test on a 5xx, a response that violates its
schema (a missing or ``null`` field the schema does not allow, a list that is really a page), a
status code or content type the operation does not document.

Bounded and deterministic: a few examples per operation and generation mode, a fixed seed
(``derandomize``), no example database, the rate-limit cache cleared and every request rolled
back, so each example starts from the same world.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis import checks as st_checks

from lentera.apps.accounts import services as account_services
from tests.authz import World, in_savepoint, world  # noqa: F401  (the module's world)

CHECKS = [
    st_checks.not_a_server_error,
    st_checks.status_code_conformance,
    st_checks.content_type_conformance,
    st_checks.response_schema_conformance,
]
EXAMPLES = 6  # per operation, user and generation mode: the whole module runs in about a minute

# user -> generation modes: the officers who hold the world's records (the police case,
# proceeding and action item; the UPTD PPA victim, complaint and screenings; the task force's
# meetings, plan and scorecard) with valid and, for one, invalid input; an officer of the same
# agency without any role, with valid input (403 or 404 everywhere).
USERS = {
    "kupang_police_investigator": [GenerationMode.POSITIVE],
    "kupang_uptd_caseworker": [GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    "kupang_secretariat": [GenerationMode.POSITIVE],
    "kupang_uptd_norole": [GenerationMode.POSITIVE],
}


def _token(user: Any) -> str:
    """A personal token of ``user``: the norole user may not create one, so it is made as the
    system would (the service's check is the only difference)."""
    from lentera.apps.accounts.models import ApiToken
    from lentera.apps.accounts.services import hash_token

    secret = f"lnt_fuzz-{user.pk}-token-for-the-schema-fuzz"
    ApiToken.objects.create(user=user, name="fuzz", prefix=secret[:12], key_hash=hash_token(secret))
    return secret


def _record_ids(w: World, name: str) -> list[Any]:
    return [v for v in {w.ids.get(name), w.uptd_ids.get(name)} if v is not None]


def _fuzz(w: World, user_name: str) -> list[str]:
    app = get_wsgi_application()
    _token_row, secret = account_services.api_token_create(
        actor=w.user("kupang_uptd_caseworker"), name="schema"
    )
    schema = schemathesis.openapi.from_wsgi(
        "/api/v1/schema?format=json", app, headers={"Authorization": f"Token {secret}"}
    )
    auth = {"Authorization": f"Token {_token(w.user(user_name))}"}
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in USERS[user_name]:

            @settings(
                max_examples=EXAMPLES,
                derandomize=True,
                database=None,
                deadline=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode), data=st.data())
            def run(case: Any, data: st.DataObject) -> None:
                for name, value in dict(case.path_parameters or {}).items():
                    ours = _record_ids(w, name)
                    if ours and isinstance(value, int | str):
                        case.path_parameters[name] = data.draw(st.sampled_from([*ours, value]))
                cache.clear()  # rate limits count per address: every example starts afresh
                with transaction.atomic():
                    try:
                        case.call_and_validate(app=app, headers=auth, checks=CHECKS)
                    finally:
                        transaction.set_rollback(True)

            try:
                run()
            except Unsatisfiable:
                assert mode is GenerationMode.NEGATIVE, operation.label  # nothing to get wrong
            except (Exception, BaseExceptionGroup) as exc:
                failures.append(f"{operation.label} ({mode.value}): {exc}")
    return failures


@pytest.fixture
def keep_connection() -> Iterator[None]:
    """The WSGI application closes the database connection after each request (in a
    transaction, as tests are, that loses the test database's world on PostgreSQL); Django's
    test client holds it open the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize("user_name", list(USERS))
def test_every_operation_answers_as_its_schema_says(world, db, keep_connection, user_name):  # noqa: F811
    failures = _fuzz(world, user_name)
    assert not failures, "\n\n".join(failures)


BIG = "9" * 25  # beyond 64 bits
FOUND = [
    # (user, method, path with the world's keywords, body): what the fuzz and its probes found
    ("kupang_police_investigator", "GET", f"/api/v1/proceedings?case={BIG}", None),
    ("kupang_police_investigator", "GET", "/api/v1/proceedings?case=%C2%B2", None),  # "²"
    (None, "GET", "/api/v1/public/statistics?year=%C2%B2", None),
    ("kupang_posko_officer", "GET", "/api/v1/screenings/departures?date_from=2024-02-31", None),
    ("kupang_posko_officer", "GET", "/api/v1/screenings/departures?date_to=0000-01-01", None),
    (
        "kupang_uptd_intake",
        "POST",
        "/api/v1/screen/offer?store=1",
        {"text": "Kerja di Kamboja", "found_at": "2024-02-31"},
    ),
    (
        "kupang_uptd_intake",
        "POST",
        "/api/v1/complaints",
        {"narrative": "x", "channel": "hotline_129", "received_at": "0001-01-01T00:00:00"},
    ),
    (
        "kupang_police_investigator",
        "POST",
        "/api/v1/cases/{case_id}/facts",
        {"version": 1, "parties": {BIG: {}}},
    ),
    (
        "kupang_uptd_caseworker",
        "POST",
        "/api/v1/protection/cases/{uptd_case_id}/victims/{uptd_party_id}/restitutions",
        {"amount_claimed": int(BIG), "basis": "Gaji"},
    ),
]


NOT_FOUND = [
    # a year no plan can have: the scorecard had no calendar for it (500)
    ("kupang_secretariat", "GET", "/api/v1/task-forces/{task_force_id}/plan/99999", None),
    ("kupang_secretariat", "GET", "/api/v1/task-forces/{task_force_id}/scorecard/0", None),
]


@pytest.mark.parametrize(
    ("user_name", "method", "path", "body", "expected"),
    [(*row, 400) for row in FOUND] + [(*row, 404) for row in NOT_FOUND],
)
def test_what_the_fuzz_found_is_a_problem_of_the_input(
    in_savepoint,  # noqa: F811
    user_name,
    method,
    path,
    body,
    expected,
):
    """Each was a 500; each is the client's error now: 400 (404 for a year without a plan) with
    a problem body."""
    w = in_savepoint
    path = path.format(
        **w.ids, uptd_case_id=w.uptd_ids["case_id"], uptd_party_id=w.uptd_ids["party_id"]
    )
    client = w.api(user_name)
    client.raise_request_exception = False
    send = client.get if method == "GET" else partial(client.post, data=body, format="json")
    with transaction.atomic():
        response = send(path)
        transaction.set_rollback(True)
    assert response.status_code == expected, (path, response.content)
    assert response["Content-Type"] == "application/problem+json"
