"""The one rate limiter of Lentera, for pages and the API alike.

Each *scope* (``report``: a citizen's complaint; ``status``: a tracking-code look-up;
``jobcheck``: the public job-offer check; ``anon``: any other anonymous API call) has two fixed
windows kept in Django's cache, which every web worker shares (the database cache by default,
Redis when ``LENTERA_REDIS_URL`` is set):

* a limit per client address, so one connection cannot flood a public form;
* a global ceiling over all addresses, so a flood from many addresses cannot bury the queue of
  the officers who read what citizens send.

Over either limit the request is refused whole with a clear message (429 in the API); nothing of
it is stored. The client address is ``REMOTE_ADDR``; ``X-Forwarded-For`` is believed only when the
request comes from a proxy listed in ``LENTERA_TRUSTED_PROXIES``, and then the address nearest to
us that is not itself a trusted proxy is the client's. Limits are read when used (tests and
administrators change them in settings: ``LENTERA_RATE_LIMITS`` and ``LENTERA_GLOBAL_RATE_LIMITS``,
each ``{scope: (requests, seconds)}``).
"""

from __future__ import annotations

import ipaddress
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

#: scope -> (requests per address, window in seconds)
DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    "report": (10, 3600),
    "status": (60, 3600),
    "jobcheck": (30, 600),
    "anon": (120, 3600),
}
#: scope -> (requests from all addresses together, window in seconds)
DEFAULT_GLOBAL_LIMITS: dict[str, tuple[int, int]] = {
    "report": (600, 3600),
    "status": (6000, 3600),
    "jobcheck": (3000, 600),
    "anon": (20000, 3600),
}


def limit_for(scope: str) -> tuple[int, int]:
    value = getattr(settings, "LENTERA_RATE_LIMITS", {}).get(scope, DEFAULT_LIMITS[scope])
    return int(value[0]), int(value[1])


def global_limit_for(scope: str) -> tuple[int, int]:
    overrides = getattr(settings, "LENTERA_GLOBAL_RATE_LIMITS", {})
    value = overrides.get(scope, DEFAULT_GLOBAL_LIMITS[scope])
    return int(value[0]), int(value[1])


def _trusted(address: str) -> bool:
    proxies = getattr(settings, "LENTERA_TRUSTED_PROXIES", [])
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    for proxy in proxies:
        try:
            if ip in ipaddress.ip_network(proxy, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_address(request: HttpRequest) -> str:
    """The client's address: ``REMOTE_ADDR``, or behind a trusted proxy the nearest untrusted
    address of ``X-Forwarded-For`` (a client cannot choose its own address by sending one)."""
    remote = str(request.META.get("REMOTE_ADDR") or "unknown")
    if not _trusted(remote):
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([a for a in forwarded if a]):
        if not _trusted(address):
            return str(address)
    return remote


def _count(key: str, window: int) -> int:
    if cache.add(key, 1, timeout=window + 5):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        return 1


def over_limit(request: HttpRequest, scope: str) -> bool:
    """Count one request of ``scope``; True when its address or everyone together is over."""
    allowed, window = limit_for(scope)
    ceiling, global_window = global_limit_for(scope)
    now = time.time()
    mine = _count(f"rate:{scope}:{client_address(request)}:{int(now // window)}", window)
    if mine > allowed:
        return True
    everyone = _count(f"rate:{scope}:*:{int(now // global_window)}", global_window)
    return everyone > ceiling


class ScopeThrottle(BaseThrottle):
    """DRF's side of the same limiter: set ``scope`` on a subclass or the view."""

    scope = "anon"

    def allow_request(self, request: Request, view: Any) -> bool:
        scope = getattr(view, "throttle_scope", None) or self.scope
        self._window = limit_for(scope)[1]
        return not over_limit(request._request, scope)

    def wait(self) -> float | None:
        return float(getattr(self, "_window", 60))


class AnonymousThrottle(ScopeThrottle):
    """The default for the API: anonymous calls only (signed-in users are not limited here)."""

    def allow_request(self, request: Request, view: Any) -> bool:
        if request.user and request.user.is_authenticated:
            return True
        return super().allow_request(request, view)
