"""Admin roles must pass a second factor (TOTP) before reaching any page."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse

EXEMPT_PREFIXES = (
    "/akun/masuk/",
    "/akun/keluar/",
    "/akun/faktor-kedua/",
    "/static/",
    "/i18n/",
    "/publik/",
    "/healthz",
)


def needs_second_factor(user: object) -> bool:
    roles: frozenset[object] = getattr(user, "role_set", frozenset())
    return any(str(r) in settings.LENTERA_SECOND_FACTOR_ROLES for r in roles)


class RequireSecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(EXEMPT_PREFIXES)
            and needs_second_factor(user)
            and not user.is_verified()
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "second factor required"}, status=403)
            return HttpResponseRedirect(reverse("accounts:second_factor") + f"?next={request.path}")
        return self.get_response(request)
