"""Every error under ``/api/`` is a JSON problem body (RFC 9457, formerly RFC 7807).

The body keeps what DRF and the views put there and adds the problem members::

    {"type": "about:blank", "title": "Bad Request", "status": 400,
     "detail": "Invalid input.", "errors": {"nik": ["..."]}, "nik": ["..."]}

``title`` is the HTTP reason phrase (``type`` is ``about:blank``), ``detail`` the message for a
person, in the request's language. Field messages of a 400 stay at the top level, as they always
were, and also sit under ``errors``, where a field named like a problem member (``status``) is
not hidden by it. The content type is ``application/problem+json``.

:class:`ApiProblemMiddleware` applies this to every error response under ``/api/``, whoever made
it: DRF's exception handler, a view returning ``Response({...}, status=400)``, a middleware, the
404/500 handlers (:func:`problem_response`), or Django's 405 for a plain view. The browsable
API's HTML error page is replaced too: an API client never receives an HTML page.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from http import HTTPStatus
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

API_PREFIX = "/api/"
CONTENT_TYPE = "application/problem+json"
MEMBERS = ("type", "title", "status", "detail")


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX) or request.path.startswith(API_PREFIX)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _default_detail(status: int) -> str:
    if status == 400:
        return _("The request is not valid.")
    if status == 401:
        return _("Sign in or send a valid API token.")
    if status == 403:
        return _("Your role does not allow this.")
    if status == 404:
        return _("This address does not exist, or you do not have access to it.")
    if status == 405:
        return _("This address does not accept this method.")
    if status == 429:
        return _("Too many requests; wait and try again.")
    if status >= 500:
        return _("The server could not answer; the error has been logged.")
    return _phrase(status)


def _text(messages: Any) -> str:
    if isinstance(messages, str):
        return messages
    if isinstance(messages, list | tuple):
        return " ".join(_text(m) for m in messages)
    return str(messages)


def problem_body(status: int, data: Any = None) -> dict[str, Any]:
    """The problem body for ``status``, keeping what ``data`` (the old body) said."""
    body: dict[str, Any] = {"type": "about:blank", "title": _phrase(status), "status": status}
    if isinstance(data, Mapping):
        if "type" in data and "title" in data and data.get("status") == status:
            return {**data}  # already a problem body
        fields = {str(k): v for k, v in data.items() if k != "detail"}
        if "detail" in data:
            body["detail"] = _text(data["detail"])
        elif "non_field_errors" in fields:
            body["detail"] = _text(fields["non_field_errors"])
        if fields:
            body["errors"] = fields
            body.update({k: v for k, v in fields.items() if k not in MEMBERS and k != "errors"})
    elif isinstance(data, list | tuple) and data:
        body["detail"] = _text(data)
        body["errors"] = list(data)
    elif isinstance(data, str) and data:
        body["detail"] = data
    if "detail" not in body or not body["detail"]:
        body["detail"] = _default_detail(status)
    return body


def _encode(body: Mapping[str, Any]) -> bytes:
    return json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False).encode()


def problem_response(status: int, data: Any = None) -> HttpResponse:
    """A new response with the problem body for ``status``."""
    return HttpResponse(
        _encode(problem_body(status, data)), status=status, content_type=CONTENT_TYPE
    )


def _old_body(response: HttpResponse) -> Any:
    data = getattr(response, "data", None)  # a DRF Response, whatever renderer it used
    if data is not None:
        return data
    if "json" in response.get("Content-Type", ""):
        try:
            return json.loads(response.content)
        except ValueError:
            return None
    return None


class ApiProblemMiddleware:
    """Turn every error response under ``/api/`` into a problem body (see the module docstring).

    Headers (``Allow``, ``WWW-Authenticate``, ``Retry-After``, cookies) are kept.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code < 400 or response.streaming or not is_api(request):
            return response
        if response.get("Content-Type", "").startswith(CONTENT_TYPE):
            return response
        content = _encode(problem_body(response.status_code, _old_body(response)))
        response.content = content
        response["Content-Type"] = CONTENT_TYPE
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(content))
        return response
