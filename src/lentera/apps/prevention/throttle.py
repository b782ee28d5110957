"""A fixed-window limit per client address, kept in Django's cache, for the public job check
(page and API). The limit is ``LENTERA_JOBCHECK_RATE_LIMIT`` = (checks, seconds), by default
30 checks per 10 minutes: plenty for a person, little for a scraper. Behind a reverse proxy,
have the proxy set ``REMOTE_ADDR`` (or every citizen shares the proxy's limit).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

DEFAULT_LIMIT = (30, 600)


def limit() -> tuple[int, int]:
    value = getattr(settings, "LENTERA_JOBCHECK_RATE_LIMIT", DEFAULT_LIMIT)
    return int(value[0]), int(value[1])


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def over_limit(request: HttpRequest, scope: str = "jobcheck") -> bool:
    """Count one check from the client; True when it is over the limit."""
    allowed, window = limit()
    bucket = int(time.time() // window)
    key = f"prevention:rate:{scope}:{client_address(request)}:{bucket}"
    if cache.add(key, 1, timeout=window + 5):
        return allowed < 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count > allowed
