"""`lentera serve`: gunicorn and the worker start together and stop together.

One end-to-end test starts the real command on a free port of 127.0.0.1 (its own SQLite folder),
asks /healthz and /readyz through gunicorn, sends SIGTERM and expects both children gone. The
supervision itself (a child that exits stops the other; a signal stops both) is tested on
stand-in processes.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from lentera.config.server import supervise

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_serve_runs_gunicorn_and_the_worker_and_sigterm_stops_both(tmp_path):
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "PYTEST_VERSION", "LENTERA_TASKS_INLINE"}
    }
    env.update(
        LENTERA_VAR_DIR=str(tmp_path),
        LENTERA_WEB_WORKERS="2",
        LENTERA_HEARTBEAT_SECONDS="1",
        DJANGO_SETTINGS_MODULE="lentera.config.settings",
    )
    log = (tmp_path / "serve.log").open("w")
    serve = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "lentera.cli", "serve", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline, ready = time.monotonic() + 90, None
        while time.monotonic() < deadline and serve.poll() is None:
            try:
                ready = get(f"http://127.0.0.1:{port}/readyz")
                if ready[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        assert ready and ready[0] == 200, (tmp_path / "serve.log").read_text()[-3000:]
        assert json.loads(ready[2])["checks"]["worker"] == "ok"  # the worker beats
        status, headers, _ = get(f"http://127.0.0.1:{port}/healthz")
        assert status == 200 and headers.get("Server", "").startswith("gunicorn")
        static = get(f"http://127.0.0.1:{port}/static/lentera/app.css")
        children = children_of(serve.pid)
        assert len(children) == 2  # gunicorn's master and the worker

        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=60) == 0
        time.sleep(0.2)
        assert not [pid for pid in children if alive(pid)]
        output = (tmp_path / "serve.log").read_text()
        assert '"msg": "worker stopped"' in output and "Shutting down: Master" in output
        assert static[0] == 200  # collected, served by WhiteNoise
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
        log.close()


def stand_in(code: int, seconds: float) -> subprocess.Popen[bytes]:
    script = f"import signal,sys,time; time.sleep({seconds}); sys.exit({code})"
    return subprocess.Popen([sys.executable, "-c", script])  # noqa: S603


def test_a_child_that_exits_stops_the_other_and_gives_its_code():
    web, worker = stand_in(0, 60), stand_in(3, 0.3)
    assert supervise({"web": web, "worker": worker}, grace=5) == 3
    assert web.poll() is not None  # stopped by SIGTERM


def test_sigterm_stops_every_child_and_exits_cleanly():
    web, worker = stand_in(0, 60), stand_in(0, 60)
    timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGTERM))
    timer.start()
    assert supervise({"web": web, "worker": worker}, grace=5) == 0
    assert web.poll() is not None and worker.poll() is not None
