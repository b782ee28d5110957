"""Language choice: Bahasa Indonesia unless the user chose otherwise.

Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language header: officers'
browsers are often set to English, but Lentera speaks Indonesian by default. Order of choice:
the language cookie (set by the switch in the header), the user's preferred language, then
``LANGUAGE_CODE``.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers

SUPPORTED = {code for code, _name in settings.LANGUAGES}


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in SUPPORTED:
            user = getattr(request, "user", None)
            preferred = getattr(user, "preferred_language", None) if user is not None else None
            language = preferred if preferred in SUPPORTED else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class AgencyTimeZoneMiddleware:
    """Show times in the zone of the user's agency (WIB, WITA or WIT); they are stored in UTC."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        agency = (
            getattr(user, "agency", None) if user is not None and user.is_authenticated else None
        )
        if agency is not None:
            timezone.activate(zoneinfo.ZoneInfo(agency.time_zone))
        else:
            timezone.deactivate()
        return self.get_response(request)
