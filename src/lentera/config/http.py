"""The site's answer to bad requests and to errors, for pages and for the API alike.

- :class:`RejectInvalidInputMiddleware` answers 400 before any view runs when the query string
  holds a NUL character (PostgreSQL cannot store or compare it, so it used to reach the database
  and fail with a 500), is not UTF-8 once decoded, or is absurdly long; and, for pages, when a
  form field holds a NUL. API bodies are left to the serializers (their text fields refuse NUL)
  and to the views that keep a request exactly as it came (the SMS gateway stores every byte).
- The error handlers named in :mod:`lentera.config.urls` answer under ``/api/`` with a JSON problem
  body (:mod:`lentera.api.problems`) and elsewhere with a page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import parse_qsl

from django.conf import settings
from django.http import HttpRequest, HttpResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.template import loader
from django.utils.translation import gettext as _

from lentera.api.problems import is_api, problem_response
from lentera.web import views as web_views

logger = logging.getLogger("lentera.http")

#: Longest query string accepted (characters, percent-escapes counted as written). Lentera's own
#: filter forms stay far below; browsers and proxies refuse much longer request lines anyway.
MAX_QUERY_STRING = 8192
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _plain_page(status: int, title: str, text: str) -> HttpResponse:
    """A small page that needs no database, no session and no context processor."""
    html: str
    try:
        html = loader.render_to_string("web/plain_error.html", {"title": title, "text": text})
    except Exception:  # the template system itself is broken: still answer
        logger.exception("cannot render the error page")
        html = f"<!DOCTYPE html><title>{status}</title><h1>{status}</h1>"
    return HttpResponse(html, status=status, content_type="text/html; charset=utf-8")


def bad_request_response(request: HttpRequest, detail: str) -> HttpResponse:
    if is_api(request):
        return problem_response(400, {"detail": detail})
    return _plain_page(400, _("Invalid request"), detail)


def _query_problem(raw: str) -> str | None:
    if len(raw) > MAX_QUERY_STRING:
        return _("The address is too long.")
    try:
        # WSGI hands over the raw bytes as ISO-8859-1; they and every %-escape must be UTF-8.
        text = raw.encode("iso-8859-1").decode("utf-8")
        pairs = parse_qsl(
            text,
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
        )
    except UnicodeError:
        return _("The address holds characters that are not valid text.")
    except ValueError:
        return _("The address holds too many parameters.")
    if any("\x00" in key or "\x00" in value for key, value in pairs):
        return _("The address holds a NUL character, which is never valid.")
    return None


def _form_problem(request: HttpRequest) -> str | None:
    # Pages only: CsrfViewMiddleware reads the form of every page POST anyway.
    if (request.content_type or "") not in FORM_TYPES:
        return None
    for key, values in request.POST.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return _("A form field holds a NUL character, which is never valid.")
    return None


class RejectInvalidInputMiddleware:
    """400 for input no view can use (see the module docstring), for pages and API alike."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        problem = _query_problem(request.META.get("QUERY_STRING", ""))
        if problem is None and "\x00" in request.path:
            problem = _("The address holds a NUL character, which is never valid.")
        if problem is None and request.method == "POST" and not is_api(request):
            try:
                problem = _form_problem(request)
            except (MultiPartParserError, UnreadablePostError):
                problem = _("The request body cannot be read.")
        if problem is not None:
            return bad_request_response(request, problem)
        return self.get_response(request)


# Error handlers (``handler400`` ... in lentera.config.urls). Django calls them with debug off.


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return bad_request_response(request, _("The request is not valid."))


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api(request):
        return problem_response(403)
    return web_views.forbidden(request, exception)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api(request):
        return problem_response(404)
    return web_views.not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if is_api(request):
        return problem_response(500)
    return _plain_page(
        500,
        _("Server error"),
        _("Lentera could not show this page; the error has been logged. Try again later."),
    )
