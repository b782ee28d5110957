"""gunicorn settings for Lentera.

``lentera serve`` runs ``gunicorn --config python:lentera.config.gunicorn
lentera.config.wsgi:application``; the same command works by hand. Each value can be changed
through the environment (docs/configuration.md).
"""

from __future__ import annotations

import os


def cores() -> int:
    """The cores this process may run on (a container's or systemd's CPU set included)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def default_workers(n_cores: int | None = None) -> int:
    """gunicorn's rule of thumb, 2 × cores + 1, at most 12 (each process holds its own Django)."""
    return min(2 * (n_cores or cores()) + 1, 12)


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("LENTERA_ADDR", "127.0.0.1:8000")
workers = _int("LENTERA_WEB_WORKERS", 0) or default_workers()
# Threads per process: a slow client or a slow query holds one thread, not a whole process.
worker_class = "gthread"
threads = _int("LENTERA_WEB_THREADS", 4)
# A request that takes longer than this is cut off: its process is killed and replaced.
timeout = _int("LENTERA_WEB_TIMEOUT", 60)
# SIGTERM: stop accepting, let running requests finish for this long, then exit.
graceful_timeout = _int("LENTERA_WEB_GRACEFUL_TIMEOUT", 30)
keepalive = 5
# Request-line and header limits (the largest gunicorn allows): the app refuses a query string
# over 8,192 characters itself; bodies are limited by LENTERA_MAX_REQUEST_BYTES.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Load Django once in the master and fork warm processes: less memory (shared pages), and a
# replaced process serves at once instead of importing everything again. (Code changes need a
# restart of the service, not a HUP.) Django opens no database connection while loading.
preload_app = True
# Replace each process after this many requests (with jitter), so memory does not creep.
max_requests = _int("LENTERA_WEB_MAX_REQUESTS", 10000)
max_requests_jitter = max_requests // 10
# Only the reverse proxy may say which scheme the client used (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("LENTERA_TRUSTED_PROXIES", "127.0.0.1,::1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LENTERA_LOG_LEVEL", "info").lower()
logger_class = "lentera.config.logs.GunicornLogger"
proc_name = "lentera-web"
control_socket_disable = True  # no gunicornc socket in $HOME: nothing uses it
SHM = "/dev/shm"  # noqa: S108 - gunicorn's own heartbeat files, kept off the disk
if os.path.isdir(SHM):
    worker_tmp_dir = SHM
