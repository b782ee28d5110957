"""Helpers shared by the prevention pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from lentera.apps.accounts.models import User
from lentera.apps.prevention.policies import ScreeningPolicy

View = Callable[..., HttpResponseBase]


def user_of(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def reads(policy: ScreeningPolicy[Any]) -> Callable[[View], View]:
    """Signed in, and the policy lets the user read some screenings (own agency's or the
    region's); else 403. Which rows is the policy's business in the view."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not policy.can_read_any(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(wrapped)

    return decorator
