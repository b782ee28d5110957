"""Load harness: the real server on a province-sized PostgreSQL database, every main page and API
endpoint in turn, with requests/s, p50/p95 and the SQL each request sends.

Fills the database with :mod:`bench.generate` when it holds fewer cases than asked, starts the
real server (``lentera serve``: gunicorn, 2 workers, no task worker) on a free loopback port,
then for each endpoint:

1. sends it once in this process through Django's test client with the same signed-in user and
   captures the queries (count, and the SQL with the time PostgreSQL took for each);
2. drives the server with a bounded client (``--connections`` keep-alive connections of Python
   threads, ``--seconds`` per endpoint, loopback only) and counts requests/s, p50 and p95 and the
   answers that were not 200.

Prints the figures and writes ``bench/reports/load-<cases>.md`` with the SQL beside them::

    .venv/bin/python bench/load_bench.py --cases 100000 \\
        [--database-url postgres://postgres@127.0.0.1:5432/lentera_scale] [--seconds 10]
        [--connections 4] [--only case_list,person_search]

The client runs on the same cores as the server: on a two-core machine the figures are a floor.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402


@dataclass
class Endpoint:
    key: str
    label: str
    method: str
    path: str
    user: str
    api: bool = False
    body: dict[str, str] | None = None
    htmx: bool = False


@dataclass
class Result:
    endpoint: Endpoint
    rps: float = 0.0
    p50_ms: float = float("nan")
    p95_ms: float = float("nan")
    requests: int = 0
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    queries: list[tuple[str, float]] = field(default_factory=list)
    status_once: int = 0


# --- sign-in material -------------------------------------------------------------------------


@dataclass
class Credentials:
    cookie: str  # session (and CSRF) cookies
    csrf: str
    token: str


def credentials(username: str) -> Credentials:
    """A session and an API token for ``username``, made directly in the database."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret

    from lentera.apps.accounts import services
    from lentera.apps.accounts.models import User

    user = User.objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.set_expiry(8 * 3600)
    session.create()
    secret = _get_new_csrf_string()
    cookie = (
        f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
        f"{settings.CSRF_COOKIE_NAME}={secret}"
    )
    _token, key = services.api_token_create(actor=user, name="load harness")
    return Credentials(cookie=cookie, csrf=_mask_cipher_secret(secret), token=key)


def request_parts(
    endpoint: Endpoint, creds: Credentials
) -> tuple[str, str, dict[str, str], bytes | None]:
    # as the TLS proxy in front of the server forwards every request
    headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
    body: bytes | None = None
    if endpoint.api:
        headers["Authorization"] = f"Token {creds.token}"
        if endpoint.body is not None:
            body = json.dumps(endpoint.body).encode()
            headers["Content-Type"] = "application/json"
    else:
        headers["Cookie"] = creds.cookie
        if endpoint.body is not None:
            body = urllib.parse.urlencode(endpoint.body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = creds.csrf
            headers["Referer"] = "https://127.0.0.1/"
        if endpoint.htmx:
            headers["HX-Request"] = "true"
    return endpoint.method, endpoint.path, headers, body


# --- the bounded client -----------------------------------------------------------------------


def drive(
    port: int,
    parts: tuple[str, str, dict[str, str], bytes | None],
    connections: int,
    seconds: float,
) -> tuple[list[float], dict[int, int], int, float]:
    method, path, headers, body = parts
    stop_at = time.monotonic() + seconds
    latencies: list[list[float]] = [[] for _ in range(connections)]
    statuses: list[dict[int, int]] = [{} for _ in range(connections)]
    failures = [0] * connections

    def run(index: int) -> None:
        conn: http.client.HTTPConnection | None = None
        while time.monotonic() < stop_at:
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                started = time.perf_counter()
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                latencies[index].append(time.perf_counter() - started)
                statuses[index][response.status] = statuses[index].get(response.status, 0) + 1
                if response.will_close:
                    conn.close()
                    conn = None
            except OSError:
                failures[index] += 1
                if conn is not None:
                    conn.close()
                conn = None
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(connections)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    merged: dict[int, int] = {}
    for per in statuses:
        for code, n in per.items():
            merged[code] = merged.get(code, 0) + n
    return sorted(x for per in latencies for x in per), merged, sum(failures), wall


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


# --- queries of one request -------------------------------------------------------------------


def capture_queries(endpoint: Endpoint, creds: Credentials) -> tuple[int, list[tuple[str, float]]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(enforce_csrf_checks=False)
    method, path, headers, body = request_parts(endpoint, creds)
    extra: dict[str, Any] = {"HTTP_X_FORWARDED_PROTO": "https"}
    if endpoint.api:
        extra["HTTP_AUTHORIZATION"] = headers["Authorization"]
    else:
        for part in creds.cookie.split("; "):
            name, value = part.split("=", 1)
            client.cookies[name] = value
        if endpoint.htmx:
            extra["HTTP_HX_REQUEST"] = "true"
    with CaptureQueriesContext(connection) as ctx:
        if method == "GET":
            response = client.get(path, **extra)
        else:
            response = client.generic(
                method, path, body or b"", content_type=headers.get("Content-Type", ""), **extra
            )
    return response.status_code, [(q["sql"], float(q["time"]) * 1000) for q in ctx]


# --- the run ----------------------------------------------------------------------------------


def endpoints() -> list[Endpoint]:
    """The main pages and endpoints, each as the user who would use it, on records they see."""
    from lentera.apps.accounts.models import User
    from lentera.apps.cases.models import Case
    from lentera.apps.justice.models import Proceeding

    investigator = User.objects.get(username="kupang.penyidik")
    case = Case.objects.filter(lead_agency_id=investigator.agency_id).order_by("-id").first()
    proceeding = (
        Proceeding.objects.filter(police_agency_id=investigator.agency_id).order_by("-id").first()
    )
    assert case is not None and proceeding is not None, "generate the data first"
    return [
        Endpoint("dashboard", "dashboard (investigator's home)", "GET", "/", "kupang.penyidik"),
        Endpoint("case_list", "case list page", "GET", "/kasus/", "kupang.penyidik"),
        Endpoint(
            "case_list_open",
            "case list, status=open",
            "GET",
            "/kasus/?status=open",
            "kupang.penyidik",
        ),
        Endpoint(
            "case_list_api", "case list API", "GET", "/api/v1/cases", "kupang.penyidik", api=True
        ),
        Endpoint("case_detail", "case page", "GET", f"/kasus/{case.pk}/", "kupang.penyidik"),
        Endpoint(
            "case_detail_api",
            "case API",
            "GET",
            f"/api/v1/cases/{case.pk}",
            "kupang.penyidik",
            api=True,
        ),
        Endpoint(
            "person_list", "person list, initials 'M.Y'", "GET", "/orang/?q=M.Y", "kupang.penyidik"
        ),
        Endpoint(
            "person_list_api",
            "person API, initials 'M.Y'",
            "GET",
            "/api/v1/people?q=M.Y",
            "kupang.penyidik",
            api=True,
        ),
        Endpoint(
            "party_search",
            "name search before create (cari-orang)",
            "POST",
            f"/kasus/{case.pk}/cari-orang/",
            "kupang.penyidik",
            body={"name": "Maria Yohana Lado", "nik": "", "phone": ""},
            htmx=True,
        ),
        Endpoint(
            "person_search_api",
            "intake match check, whole index (API search by name)",
            "POST",
            "/api/v1/people/search",
            "kupang.intake",
            api=True,
            body={"name": "Muhamad Rizky Saputra", "nik": "", "phone": ""},
        ),
        Endpoint(
            "stalled", "stall list (proceedings)", "GET", "/proses-hukum/macet/", "kupang.penyidik"
        ),
        Endpoint(
            "proceedings_api",
            "proceedings API",
            "GET",
            "/api/v1/proceedings",
            "kupang.penyidik",
            api=True,
        ),
        Endpoint(
            "proceeding_detail",
            "proceeding page",
            "GET",
            f"/proses-hukum/{proceeding.pk}/",
            "kupang.penyidik",
        ),
        Endpoint(
            "overdue",
            "protection overdue list",
            "GET",
            "/perlindungan/terlambat/",
            "kupang.pendamping",
        ),
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, var_dir: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ, DATABASE_URL=url, LENTERA_VAR_DIR=var_dir, **generate.bench_keys(var_dir)
    )
    env["LENTERA_LOG_LEVEL"] = "WARNING"
    env.pop("PYTEST_VERSION", None)
    log = (Path(var_dir) / "server.log").open("ab")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lentera.cli",
            "serve",
            f"127.0.0.1:{port}",
            "--no-worker",
            "--no-migrate",
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=log,
        stderr=log,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                time.sleep(1.0)  # let every worker boot
                return process
        except OSError:
            time.sleep(0.3)
    raise SystemExit("the server did not start")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def explain(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def report(results: list[Result], *, cases: int, counts: dict[str, int], args: Any) -> str:
    lines = [
        f"# Load harness: {cases:,} cases on PostgreSQL",
        "",
        "Data: " + ", ".join(f"{label} {n:,}" for label, n in counts.items()) + ".",
        "",
        f"Server: `lentera serve` (gunicorn, {args.workers} workers, no task worker) on loopback; "
        f"client: {args.connections} keep-alive connections of Python threads, {args.seconds:g} s "
        f"per endpoint, on the same machine ({os.cpu_count()} CPUs, {platform.machine()}, shared "
        "with other work). Queries: one request sent in-process, times as PostgreSQL answered. "
        f"Before the run, the worker's stall-list job (watch days of the proceedings whose day "
        f"is unknown) took {getattr(args, 'watch_seconds', float('nan')):.1f} s.",
        "",
        "| Endpoint | req/s | p50 ms | p95 ms | requests | not 200 | queries | SQL ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        bad = r.requests - r.statuses.get(200, 0) + r.errors
        lines.append(
            f"| {r.endpoint.label} (`{r.endpoint.method} {r.endpoint.path}`) | {r.rps:.1f} | "
            f"{r.p50_ms:.0f} | {r.p95_ms:.0f} | {r.requests} | {bad} | {len(r.queries)} | "
            f"{sum(t for _q, t in r.queries):.0f} |"
        )
    lines += ["", "## The SQL of each endpoint", ""]
    for r in results:
        lines += [
            f"### {r.endpoint.label}",
            "",
            f"Status {r.status_once}, {len(r.queries)} queries:",
            "",
        ]
        for sql, ms in r.queries:
            lines.append(f"- {ms:.1f} ms: `{explain(sql)[:1500]}`")
        lines.append("")
    lines += [
        "Reproduce: `.venv/bin/python bench/load_bench.py --cases "
        f"{cases} --seconds {args.seconds:g} --connections {args.connections}`.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lentera_scale"),
    )
    parser.add_argument("--var-dir", default="/tmp/lentera-scale-var")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", default="", help="comma-separated endpoint keys")
    parser.add_argument("--report", default="")
    args = parser.parse_args(argv)
    Path(args.var_dir).mkdir(parents=True, exist_ok=True)
    os.environ["LENTERA_ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    generate.prepare(args.database_url, fresh=False, var_dir=args.var_dir)
    generate.manage("migrate", "--noinput", env_url=args.database_url, var_dir=args.var_dir)
    # what `lentera serve` does before it starts: the shared cache's table
    generate.manage("createcachetable", env_url=args.database_url, var_dir=args.var_dir)
    generate.setup_django(args.database_url, args.var_dir)
    from django.apps import apps

    have = apps.get_model("cases.Case").objects.count()
    if have < args.cases:
        print(f"generating {args.cases - have:,} cases…", flush=True)
        generate.generate(cases=args.cases - have)
    counts = {
        label.split(".")[1]: apps.get_model(label).objects.count()
        for label in (
            "cases.Case",
            "people.Person",
            "people.PersonIdentifier",
            "cases.CaseParty",
            "cases.JourneyLeg",
            "justice.Proceeding",
            "protection.Service",
        )
    }
    # what the worker's "refresh-stall-watch" job keeps up to date (no worker runs here)
    watch_seconds = float("nan")
    try:
        from lentera.apps.justice import watching

        started = time.perf_counter()
        watching.refresh()
        watch_seconds = time.perf_counter() - started
        print(f"stall-list watch days worked out in {watch_seconds:.1f} s", flush=True)
    except ImportError:
        pass
    args.watch_seconds = watch_seconds
    chosen = [e for e in endpoints() if not args.only or e.key in args.only.split(",")]
    creds = {u: credentials(u) for u in {e.user for e in chosen}}
    port = free_port()
    server = start_server(args.database_url, args.var_dir, port, args.workers)
    results = []
    try:
        for endpoint in chosen:
            result = Result(endpoint)
            result.status_once, result.queries = capture_queries(endpoint, creds[endpoint.user])
            parts = request_parts(endpoint, creds[endpoint.user])
            drive(port, parts, 1, 1.0)  # warm each worker's caches
            latencies, statuses, failures, wall = drive(port, parts, args.connections, args.seconds)
            result.requests = len(latencies)
            result.rps = len(latencies) / wall
            result.p50_ms = 1000 * statistics.median(latencies) if latencies else float("nan")
            result.p95_ms = 1000 * percentile(latencies, 0.95)
            result.statuses, result.errors = statuses, failures
            print(
                f"{endpoint.label:<58} {result.rps:7.1f} req/s  p50 {result.p50_ms:7.0f} ms  "
                f"p95 {result.p95_ms:7.0f} ms  {len(result.queries):3d} queries  "
                f"status {sorted(statuses.items())}",
                flush=True,
            )
            results.append(result)
    finally:
        stop_server(server)
    text = report(results, cases=counts["Case"], counts=counts, args=args)
    out = Path(args.report) if args.report else HERE / "reports" / f"load-{args.cases}.md"
    out.write_text(text)
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
