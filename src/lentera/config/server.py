"""``lentera serve``: the web server (gunicorn) and the worker, started and stopped together.

``lentera serve [ADDR]`` migrates, collects the static files (WhiteNoise serves them), then runs
two child processes: gunicorn with ``lentera.config.gunicorn`` and ``lentera worker``. SIGTERM or
Ctrl-C stops both gracefully (gunicorn lets running requests finish, the worker its running
task) and ``lentera serve`` exits when both have; if either child exits by itself, the other is
stopped too and ``lentera serve`` exits with that child's code, so a service manager restarts the
pair. ``--no-worker`` runs only the web server (the worker runs as its own service);
``--dev`` runs Django's development server instead of gunicorn, for developers only.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from types import FrameType

DEFAULT_ADDR = "127.0.0.1:8000"
STOP_GRACE = 45.0  # seconds a child gets after SIGTERM before it is killed


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lentera serve", description=__doc__.split("\n\n")[0])
    p.add_argument("addr", nargs="?", default=os.environ.get("LENTERA_ADDR", DEFAULT_ADDR))
    p.add_argument("--dev", action="store_true", help="Django's development server (not gunicorn)")
    p.add_argument("--no-worker", action="store_true", help="do not start `lentera worker`")
    p.add_argument("--workers", type=int, help="web processes (default: 2 x cores + 1, at most 12)")
    p.add_argument("--threads", type=int, help="threads per web process (default 4)")
    p.add_argument(
        "--no-collectstatic", action="store_true", help="the static files are collected already"
    )
    p.add_argument("--no-migrate", action="store_true", help="the database is migrated already")
    return p


def gunicorn_command(
    addr: str, *, workers: int | None = None, threads: int | None = None
) -> list[str]:
    command = [sys.executable, "-m", "gunicorn", "--config", "python:lentera.config.gunicorn"]
    command += ["--bind", addr]
    if workers:
        command += ["--workers", str(workers)]
    if threads:
        command += ["--threads", str(threads)]
    return [*command, "lentera.config.wsgi:application"]


def worker_command() -> list[str]:
    return [sys.executable, "-m", "lentera.cli", "worker"]


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the child gets SIGTERM when ``lentera serve`` dies, even by SIGKILL."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def spawn(command: Sequence[str]) -> subprocess.Popen[bytes]:
    # a session of its own: Ctrl-C reaches only `lentera serve`, which stops each child once
    return subprocess.Popen(  # noqa: S603 - our own interpreter and module
        list(command),
        start_new_session=True,
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )


def stop(children: Sequence[subprocess.Popen[bytes]], grace: float = STOP_GRACE) -> None:
    """SIGTERM every child still running, wait up to ``grace`` seconds, then SIGKILL."""
    for child in children:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + grace
    for child in children:
        try:
            child.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def supervise(children: dict[str, subprocess.Popen[bytes]], grace: float = STOP_GRACE) -> int:
    """Wait until a signal or a child's exit; then stop every child. Returns the exit code."""
    stopping: list[int] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stopping.append(signum)

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        exited: tuple[str, int] | None = None
        while not stopping and exited is None:
            for name, child in children.items():
                code = child.poll()
                if code is not None:
                    exited = (name, code)
                    break
            else:
                time.sleep(0.2)
        if exited:
            print(f"lentera serve: {exited[0]} exited with {exited[1]}; stopping", file=sys.stderr)
        stop(list(children.values()), grace)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    if exited:
        return exited[1] or 1
    return 0


def serve(argv: Sequence[str]) -> int:
    """Run after ``django.setup()`` (see :mod:`lentera.config.commands`)."""
    args = parser().parse_args(list(argv))
    from django.conf import settings
    from django.core.management import call_command

    from lentera.apps.ops.queue import inline

    if not args.no_migrate:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)  # the shared cache of the rate limits
    if not args.no_collectstatic and not (args.dev and settings.DEBUG):
        call_command("collectstatic", interactive=False, verbosity=0)
    children: dict[str, subprocess.Popen[bytes]] = {}
    if not args.no_worker and not inline():
        children["worker"] = spawn(worker_command())
    kind = "development server" if args.dev else "gunicorn"
    worker = f"worker pid {children['worker'].pid}" if "worker" in children else "no worker"
    print(f"Lentera: http://{args.addr}/ ({kind}, {worker})", file=sys.stderr, flush=True)
    if args.dev:
        return _dev(args.addr, children)
    children["web"] = spawn(gunicorn_command(args.addr, workers=args.workers, threads=args.threads))
    return supervise(children)


def _dev(addr: str, children: dict[str, subprocess.Popen[bytes]]) -> int:
    from django.core.management import call_command

    def on_term(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        call_command("runserver", addr, use_reloader=False)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop(list(children.values()))
    return 0
