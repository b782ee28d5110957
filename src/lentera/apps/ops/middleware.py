"""A limit on the size of request bodies, checked before anything reads them."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


class RequestSizeMiddleware:
    """Refuse with 413 a request whose declared body exceeds ``LENTERA_MAX_REQUEST_BYTES``:
    nothing reads it, so a client cannot fill the memory or the disk of the server. (A body
    without a Content-Length is never read by Django.) Under /api/ the problem-body middleware
    turns the 413 into JSON."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.LENTERA_MAX_REQUEST_BYTES
        if limit and length > limit:
            return HttpResponse(
                _("The request is too large (at most %(mb)s MB).")
                % {"mb": round(limit / (1024 * 1024), 1)},
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
