"""Running as a service: /healthz and /readyz, structured log lines without identity, the limit
on request bodies, and the gunicorn settings `lentera serve` starts with."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from lentera.apps.ops.models import WorkerHeartbeat
from lentera.config import gunicorn as gunicorn_config
from lentera.config.logs import StructuredFormatter
from lentera.config.server import gunicorn_command

pytestmark = pytest.mark.django_db


def test_healthz_answers_while_the_process_is_up(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_wants_a_live_worker(client, settings):
    settings.LENTERA_TASKS_INLINE = False
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "migrations": "ok", "worker": "missing"}

    WorkerHeartbeat.objects.create(worker_id="w1", host="h", pid=1)
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json()["status"] == "ok"

    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=10))
    assert client.get("/readyz").status_code == 503  # its beat stopped: the worker died
    WorkerHeartbeat.objects.update(seen_at=timezone.now(), stopped_at=timezone.now())
    assert client.get("/readyz").status_code == 503  # it stopped


def test_readyz_with_inline_tasks_needs_no_worker(client, settings):
    settings.LENTERA_TASKS_INLINE = True
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["worker"] == "inline"


def test_the_probes_are_public_and_never_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    assert client.get("/healthz").status_code == 200  # plain HTTP from the machine itself
    assert client.get("/readyz").status_code in {200, 503}


def test_a_request_body_over_the_limit_is_refused_unread(client, settings):
    settings.LENTERA_MAX_REQUEST_BYTES = 1000
    response = client.post("/publik/lapor/", {"narrative": "x" * 2000})
    assert response.status_code == 413
    api = client.post("/api/v1/me", data="x" * 2000, content_type="application/json")
    assert api.status_code == 413
    assert api["Content-Type"].startswith("application/") and "json" in api["Content-Type"]


def record(message, *args, **extra):
    rec = logging.LogRecord("lentera.test", logging.WARNING, __file__, 1, message, args, None)
    for key, value in extra.items():
        setattr(rec, key, value)
    return rec


def test_log_lines_are_one_json_object_with_the_extras():
    line = StructuredFormatter("json").format(record("run %s recovered", 7, run=7, status="queued"))
    assert "\n" not in line
    data = json.loads(line)
    assert data["msg"] == "run 7 recovered" and data["level"] == "warning"
    assert data["run"] == 7 and data["status"] == "queued" and data["ts"].endswith("+00:00")


def test_log_lines_as_key_value():
    line = StructuredFormatter("text").format(record("worker started", worker="kupang 1"))
    assert 'msg="worker started"' in line and 'worker="kupang 1"' in line and "\n" not in line


def test_a_request_on_a_log_record_gives_its_path_without_the_query_string():
    request = RequestFactory().get("/orang/cari/", {"nik": "5371015204100001"})
    line = StructuredFormatter("json").format(
        record("Not Found: %s", request.path, request=request, status_code=404)
    )
    assert "5371015204100001" not in line
    data = json.loads(line)
    assert data["path"] == "/orang/cari/" and data["method"] == "GET"
    assert data["status_code"] == 404 and "request" not in data


def test_a_traceback_stays_on_one_line():
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        rec = record("failed")
        rec.exc_info = sys.exc_info()
    line = StructuredFormatter("json").format(rec)
    assert "\n" not in line and "ValueError: boom" in json.loads(line)["exc"]


def test_gunicorn_access_log_names_the_path_only(capsys):
    from types import SimpleNamespace

    from gunicorn.config import Config

    from lentera.config.logs import GunicornLogger

    cfg = Config()
    cfg.set("accesslog", "-")
    logger = GunicornLogger(cfg)
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/orang/",
        "QUERY_STRING": "q=Ester+Contoh",
        "REMOTE_ADDR": "10.1.2.3",
        "HTTP_USER_AGENT": "Mozilla",
    }
    logger.access(SimpleNamespace(status="200 OK", sent=512), None, environ, timedelta(0, 0, 2500))
    out = capsys.readouterr().out.strip().splitlines()[-1]
    data = json.loads(out)
    assert data["path"] == "/orang/" and data["status"] == 200 and data["duration_ms"] == 2.5
    assert "Ester" not in out and "10.1.2.3" not in out and "Mozilla" not in out


def test_web_processes_are_sized_from_the_cores():
    assert gunicorn_config.default_workers(1) == 3
    assert gunicorn_config.default_workers(2) == 5
    assert gunicorn_config.default_workers(32) == 12  # capped: each holds its own Django
    assert gunicorn_config.worker_class == "gthread"
    assert gunicorn_config.timeout > 0 and gunicorn_config.graceful_timeout > 0
    assert gunicorn_config.limit_request_line == 8190


def test_serve_runs_gunicorn_with_the_settings_module():
    command = gunicorn_command("127.0.0.1:8123", workers=3)
    assert command[1:3] == ["-m", "gunicorn"]
    assert "python:lentera.config.gunicorn" in command
    assert command[command.index("--bind") + 1] == "127.0.0.1:8123"
    assert command[command.index("--workers") + 1] == "3"
    assert command[-1] == "lentera.config.wsgi:application"
