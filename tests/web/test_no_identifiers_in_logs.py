"""Identity searches never travel in a URL, so the server's request log never holds one (issue
#11, item 5). A real HTTP server with Django's logging request handler serves the app; the test
searches by NIK and phone through the page and the API and reads what the server logged."""

import http.cookiejar
import logging
import re
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.core.servers.basehttp import WSGIRequestHandler
from django.db import connections
from django.test.testcases import LiveServerThread, _StaticFilesHandler
from django.test.utils import override_settings

from lentera.apps.accounts.models import ApiToken
from lentera.apps.accounts.services import api_token_create

NIK = "5371015204100001"
PHONE = "081234567890"


class LoggingServerThread(LiveServerThread):
    """Django's live server, but with the request handler that logs every request line."""

    def _create_server(self, connections_override=None):
        return self.server_class(
            (self.host, self.port),
            WSGIRequestHandler,
            allow_reuse_address=False,
            connections_override=connections_override,
        )


@pytest.fixture
def server(transactional_db):
    shared = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for conn in shared.values():
        conn.inc_thread_sharing()
    thread = LoggingServerThread("127.0.0.1", _StaticFilesHandler, connections_override=shared)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    for conn in shared.values():
        conn.dec_thread_sharing()


class Log(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.INFO)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record) + " " + repr(record.args))


@pytest.fixture
def server_log():
    handler = Log()
    names = ["django.server", "django.request", "django", ""]
    loggers = [logging.getLogger(n) for n in names]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.INFO)  # what a server logs (request lines, warnings, errors)
    yield handler.lines
    for lg, level in zip(loggers, levels, strict=True):
        lg.removeHandler(handler)
        lg.setLevel(level)


def _opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


def _call(opener, url, data=None, headers=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {})  # noqa: S310 (http only)
    try:
        with opener.open(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


@override_settings(SESSION_COOKIE_SECURE=False, CSRF_COOKIE_SECURE=False)
def test_identity_searches_leave_no_identifier_in_the_server_log(
    server, server_log, cast, kupang_child
):
    from tests.conftest import PASSWORD

    opener, _jar = _opener()
    status, page = _call(opener, f"{server}/akun/masuk/")
    assert status == 200, page[:200]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    status, page = _call(
        opener,
        f"{server}/akun/masuk/",
        {"csrfmiddlewaretoken": token, "username": "kupang_uptd_caseworker", "password": PASSWORD},
        {"Referer": f"{server}/akun/masuk/"},
    )
    assert status == 200 and ("Dasbor" in page or "Dashboard" in page), page[:300]
    status, page = _call(opener, f"{server}/orang/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    for q in (NIK, PHONE):
        status, page = _call(
            opener,
            f"{server}/orang/",
            {"csrfmiddlewaretoken": token, "q": q},
            {"Referer": f"{server}/orang/"},
        )
        assert status == 200 and f'href="/orang/{kupang_child.pk}/"' in page
    # the API: look-ups go in the body
    _row, secret = api_token_create(actor=cast.kupang_uptd_caseworker, name="log test")
    auth = {"Authorization": f"Token {secret}"}
    status, body = _call(opener, f"{server}/api/v1/people/search", {"nik": NIK}, auth)
    assert status == 200 and f'"id":{kupang_child.pk}' in body.replace(" ", "")
    assert ApiToken.objects.exists()
    for _ in range(50):  # the server logs a request line once the response is sent
        if any("/api/v1/people/search" in line for line in server_log):
            break
        time.sleep(0.05)
    logged = "\n".join(server_log)
    assert "/orang/" in logged and "/api/v1/people/search" in logged  # the log was captured
    for needle in (NIK, PHONE, "5371 0152", "0812"):
        assert needle not in logged, [line for line in server_log if needle in line]
