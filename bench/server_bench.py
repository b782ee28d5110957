"""Requests per second of the real server (gunicorn, what `lentera serve` runs) against Django's
development server (`lentera serve --dev`), on the same page, in one run.

Builds a throw-away installation (SQLite in a temporary folder; PostgreSQL with DATABASE_URL),
starts both servers on free ports of 127.0.0.1 without the worker, and loads them in turn with
the same client: `wrk` when it is installed (Debian package `wrk`), else a small client of Python threads
with keep-alive connections. Each level runs a fixed time; a burst then opens many connections at
once, one request each, and counts the ones refused or reset. Prints the figures and writes
bench/reports/server.md.

    .venv/bin/python bench/server_bench.py [--path /selamat-datang/] [--seconds 5] [--rounds 3]
        [--concurrency 8,64] [--burst 200] [--client auto|wrk|python]

Bounded: only loopback addresses, a fixed time per level, every server stopped at the end.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
REPORT = HERE / "reports" / "server.md"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def environment(var: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("LENTERA_VAR_DIR", str(var))
    env.setdefault("DJANGO_SETTINGS_MODULE", "lentera.config.settings")
    env["LENTERA_LOG_LEVEL"] = "WARNING"  # no access log lines for every request
    env.pop("PYTEST_VERSION", None)
    return env


def lentera(*args: str, env: dict[str, str], **kw: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # type: ignore[call-overload]
        [sys.executable, "-m", "lentera.cli", *args], cwd=ROOT, env=env, **kw
    )


def wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- the Python client -----------------------------------------------------------------------


def python_load(port: int, path: str, connections: int, seconds: float) -> dict[str, float]:
    """``connections`` threads, each with one keep-alive connection, for ``seconds``."""
    stop_at = time.monotonic() + seconds
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections

    def run(index: int) -> None:
        conn: http.client.HTTPConnection | None = None
        while time.monotonic() < stop_at:
            for attempt in (1, 2):  # a closed keep-alive connection is reopened once
                try:
                    if conn is None:
                        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    started = time.perf_counter()
                    conn.request("GET", path, headers={"Host": "127.0.0.1"})
                    response = conn.getresponse()
                    response.read()
                    elapsed = time.perf_counter() - started
                    if response.status != 200:
                        errors[index] += 1
                    else:
                        latencies[index].append(elapsed)
                    if response.will_close:
                        conn.close()
                        conn = None
                    break
                except OSError:
                    if conn is not None:
                        conn.close()
                    conn = None
                    if attempt == 2:
                        errors[index] += 1
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    done = sorted(x for per in latencies for x in per)
    return {
        "rps": len(done) / wall,
        "p50_ms": 1000 * statistics.median(done) if done else float("nan"),
        "p90_ms": 1000 * done[int(0.90 * (len(done) - 1))] if done else float("nan"),
        "errors": float(sum(errors)),
        "requests": float(len(done)),
    }


def wrk_load(port: int, path: str, connections: int, seconds: float) -> dict[str, float]:
    threads = min(connections, os.cpu_count() or 2)
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--latency",
            "--timeout",
            "10s",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def ms(label: str) -> float:
        match = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", out)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    requests = float(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    errors = 0.0
    socket_errors = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket_errors:
        errors += sum(float(x) for x in socket_errors.groups())
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        errors += float(non2xx.group(1))
    return {
        "rps": rps,
        "p50_ms": ms("50"),
        "p90_ms": ms("90"),
        "errors": errors,
        "requests": requests,
    }


def burst(port: int, path: str, connections: int) -> tuple[int, int]:
    """``connections`` clients connect at the same moment, one request each: (answered, failed)."""
    barrier = threading.Barrier(connections)
    outcome = [False] * connections

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path, headers={"Host": "127.0.0.1", "Connection": "close"})
            response = conn.getresponse()
            response.read()
            outcome[index] = response.status == 200
            conn.close()
        except (OSError, threading.BrokenBarrierError):
            outcome[index] = False

    threads = [threading.Thread(target=run, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    answered = sum(outcome)
    return answered, connections - answered


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", default="/selamat-datang/", help="the page both servers serve")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", default="8,64")
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3, help="turns per level (median kept)")
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    args = parser.parse_args(argv)
    levels = [int(x) for x in args.concurrency.split(",") if x.strip()]
    client = args.client
    if client == "auto":
        client = "wrk" if shutil.which("wrk") else "python"
    load = wrk_load if client == "wrk" else python_load

    var = Path(tempfile.mkdtemp(prefix="lentera-server-bench-"))
    env = environment(var)
    print(f"preparing a throw-away installation in {var}", flush=True)
    subprocess.run(
        [sys.executable, "-m", "lentera.cli", "manage", "migrate", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    subprocess.run(
        [sys.executable, "-m", "lentera.cli", "manage", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    common = ["--no-worker", "--no-migrate", "--no-collectstatic"]
    servers = {
        "development server (lentera serve --dev)": ["--dev"],
        "gunicorn (lentera serve)": [],
    }
    # Both servers run at once and take turns, level by level and round by round, so that other
    # work on the machine weighs on both alike; each level reports the median of the rounds.
    ports: dict[str, int] = {}
    processes: dict[str, subprocess.Popen[bytes]] = {}
    results: dict[str, dict[str, object]] = {}
    try:
        for name, extra in servers.items():
            ports[name] = free_port()
            processes[name] = lentera(
                "serve",
                *extra,
                *common,
                f"127.0.0.1:{ports[name]}",
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        for name in servers:
            wait_ready(f"http://127.0.0.1:{ports[name]}{args.path}", processes[name])
            load(ports[name], args.path, 16, 3.0)  # warm up every process (templates, connections)
            results[name] = {"levels": {}, "burst": (0, 0)}
        for connections in levels:
            rounds: dict[str, list[dict[str, float]]] = {name: [] for name in servers}
            for _ in range(args.rounds):
                for name in servers:
                    rounds[name].append(load(ports[name], args.path, connections, args.seconds))
            for name in servers:
                figures = {
                    key: statistics.median(r[key] for r in rounds[name]) for key in rounds[name][0]
                }
                figures["errors"] = sum(r["errors"] for r in rounds[name])
                results[name]["levels"][connections] = figures  # type: ignore[index]
                print(
                    f"{name:<42} c={connections:<4} {figures['rps']:8.1f} req/s  "
                    f"p50 {figures['p50_ms']:7.1f} ms  p90 {figures['p90_ms']:7.1f} ms  "
                    f"errors {int(figures['errors'])}",
                    flush=True,
                )
        if args.burst:
            for name in servers:
                answered, failed = burst(ports[name], args.path, args.burst)
                results[name]["burst"] = (answered, failed)
                print(
                    f"{name:<42} burst of {args.burst}: {answered} answered, {failed} refused "
                    "or reset",
                    flush=True,
                )
    finally:
        for process in processes.values():
            stop(process)
    shutil.rmtree(var, ignore_errors=True)

    names = list(results)
    lines = [
        "# Server benchmark",
        "",
        f"Page `{args.path}`, {args.seconds:g} s per turn, median of {args.rounds} turns per "
        f"level (the two servers alternate), client: {client}; "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"database {'PostgreSQL' if 'DATABASE_URL' in os.environ else 'SQLite'}. "
        "gunicorn with its defaults from `lentera.config.gunicorn` (2 × cores + 1 processes, "
        "4 threads each). Produced by `bench/server_bench.py`.",
        "",
        "| Server | Connections | Requests/s | p50 ms | p90 ms | Errors |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name in names:
        for connections, f in results[name]["levels"].items():  # type: ignore[attr-defined]
            lines.append(
                f"| {name} | {connections} | {f['rps']:.1f} | {f['p50_ms']:.1f} | "
                f"{f['p90_ms']:.1f} | {int(f['errors'])} |"
            )
    if args.burst:
        lines += ["", f"Burst of {args.burst} connections at once, one request each:", ""]
        for name in names:
            answered, failed = results[name]["burst"]  # type: ignore[misc]
            lines.append(f"- {name}: {answered} answered, {failed} refused or reset")
    if len(names) == 2:
        dev, real = (results[n]["levels"] for n in names)
        ratios = [
            real[c]["rps"] / dev[c]["rps"]  # type: ignore[index]
            for c in levels
            if dev[c]["rps"]  # type: ignore[index]
        ]
        if ratios:
            summary = ", ".join(f"{r:.1f}×" for r in ratios)
            lines += ["", f"gunicorn / development server, requests/s by level: {summary}."]
            print(f"gunicorn / development server: {summary}")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n")
    print(f"report: {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
