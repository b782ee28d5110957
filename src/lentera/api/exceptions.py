from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler, set_rollback

from lentera.apps.accounts.concurrency import Conflict


def handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Service-layer ValidationErrors become 400 with the same messages the pages show; a
    :class:`Conflict` (someone else changed the record first) becomes 409 with a problem body.

    A number or date the database (or the calendar) cannot hold (an id of 25 digits, an amount
    beyond 64 bits, the year 1 in a time zone) is the input's fault, not the server's: 400."""
    if isinstance(exc, Conflict):
        return conflict_response(exc, context)
    if isinstance(exc, OverflowError | DataError):
        exc = exceptions.ValidationError()
    if isinstance(exc, DjangoValidationError):
        detail: Any = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    return exception_handler(exc, context)


def conflict_response(exc: Conflict, context: dict[str, Any]) -> Response:
    """409 with an RFC 9457 problem body; ``detail`` carries the same message the pages show."""
    set_rollback()
    request = context.get("request")
    renderer = getattr(request, "accepted_renderer", None)
    as_json = renderer is None or getattr(renderer, "format", "") == "json"
    return Response(
        {
            "type": "about:blank",
            "title": "Conflict",
            "status": 409,
            "detail": " ".join(str(m) for m in exc.messages),
            "code": "conflict",
        },
        status=409,
        content_type="application/problem+json" if as_json else None,
    )
