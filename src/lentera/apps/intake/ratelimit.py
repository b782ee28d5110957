"""A small fixed-window rate limit per client address, kept in Django's cache.

Used by the public pages (the report form and the status look-up). Behind a reverse proxy,
configure the proxy to set ``REMOTE_ADDR`` (or limits apply to the proxy's address).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

#: scope -> (requests allowed, window in seconds); override with ``LENTERA_PUBLIC_RATE_LIMITS``.
DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    "report": (10, 3600),
    "status": (60, 3600),
}


def limit_for(scope: str) -> tuple[int, int]:
    overrides: dict[str, tuple[int, int]] = getattr(settings, "LENTERA_PUBLIC_RATE_LIMITS", {})
    return overrides.get(scope, DEFAULT_LIMITS[scope])


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def hit(request: HttpRequest, scope: str) -> bool:
    """Count one request; True when the client is over its limit for ``scope``."""
    allowed, window = limit_for(scope)
    bucket = int(time.time() // window)
    key = f"intake:rate:{scope}:{client_address(request)}:{bucket}"
    if cache.add(key, 1, timeout=window + 5):
        return allowed < 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count > allowed
