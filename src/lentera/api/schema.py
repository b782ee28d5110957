"""The OpenAPI description: the personal-token scheme, the problem body of every error and the
schema class that documents those errors on every operation.

Every endpoint declares its success responses with output serializers (``responses=`` in
``extend_schema``); :class:`LenteraAutoSchema` adds the errors every endpoint can answer, each an
RFC 9457 problem body (``application/problem+json``, see :mod:`lentera.api.problems`):

* 400 invalid input (field by field, also a query string with a NUL character or too long),
* 401 no or an invalid credential, 403 the role does not allow it, 404 no such record or not
  in reach (and an unknown address), 429 a rate limit (with ``Retry-After``),
* 409 for a write: someone else changed the record first.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from lentera.api.problems import CONTENT_TYPE


class ApiTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "lentera.api.authentication.ApiTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Personal token from Akun → Token: `Token lnt_…`",
        }


class Problem(serializers.Serializer[dict[str, Any]]):
    """An error (RFC 9457). A 400 also gives each field's messages under ``errors`` and, except
    for a field named like a member here, at the top level."""

    type = serializers.CharField(help_text="Always `about:blank`.")
    title = serializers.CharField(help_text="The HTTP status phrase.")
    status = serializers.IntegerField()
    detail = serializers.CharField(help_text="The message for a person, in the session's language.")
    errors = serializers.JSONField(  # type: ignore[assignment]  # a field, not .errors
        required=False, help_text="Field name → messages (400), or a list of messages."
    )
    code = serializers.CharField(required=False)


def _problem(description: str) -> OpenApiResponse:
    return OpenApiResponse(response=Problem, description=description)


ERRORS: dict[int, OpenApiResponse] = {
    400: _problem("Invalid input: each field's messages under `errors`."),
    401: _problem("No credentials, or a token that is invalid, expired or revoked."),
    403: _problem("The role does not allow this (or the record is shared read-only)."),
    404: _problem("No such record, or one outside your reach; or an unknown address."),
    409: _problem("Someone changed the record first: reload and try again."),
    429: _problem("A rate limit was reached: wait `Retry-After` seconds."),
}
READ_ERRORS = (400, 401, 403, 404, 429)
WRITE_ERRORS = (*READ_ERRORS, 409)


class LenteraAutoSchema(AutoSchema):
    """The project's schema class: every operation also documents its error responses."""

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        codes: tuple[int, ...] = READ_ERRORS if self.method in ("GET", "HEAD") else WRITE_ERRORS
        if not self.view.get_authenticators():  # a public endpoint that reads no credentials
            codes = tuple(code for code in codes if code != 401)
        for code in codes:
            if str(code) not in responses:
                responses[str(code)] = self._get_response_for_code(  # type: ignore[no-untyped-call]
                    ERRORS[code], str(code), [CONTENT_TYPE], direction
                )
        return responses

    def get_operation_id(self) -> str:
        """``…_list`` for a page of records (as for a generic list view), not ``…_retrieve``."""
        operation_id = str(super().get_operation_id())
        if getattr(self.get_response_serializers(), "is_page", False):
            return operation_id.removesuffix("_retrieve") + "_list"
        return operation_id


def paginated(item: type[serializers.Serializer[Any]]) -> type[serializers.Serializer[Any]]:
    """The page of a list (``?page=``, 50 a page): ``count`` (exact up to ten pages past this
    one, then a lower bound and ``count_capped`` true), the ``next`` and ``previous`` pages'
    addresses (null at either end) and the ``results``."""
    name = item.__name__.removesuffix("Out")
    fields: dict[str, Any] = {
        "count": serializers.IntegerField(),
        "count_capped": serializers.BooleanField(required=False),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": item(many=True),
        "is_page": True,
    }
    return type(f"Paginated{name}List", (serializers.Serializer,), fields)


PAGE = OpenApiParameter("page", int, description="The page number (50 a page), from 1.")
