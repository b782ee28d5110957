"""Helpers shared by the prevention pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from lentera.apps.accounts.decorators import declare
from lentera.apps.prevention.policies import READ_WIDE, ScreeningPolicy

View = Callable[..., HttpResponseBase]


def reads(*policies: ScreeningPolicy[Any]) -> Callable[[View], View]:
    """Signed in, and one of the policies lets the user read some screenings (own agency's or
    the region's); else 403. Which rows is the policy's business in the view. Declares the
    actions that open the lists: a policy's screening action, or the region-wide read."""
    actions = tuple(
        dict.fromkeys(
            [
                *(a for p in policies for a in getattr(p, "work_actions", (p.screen_action,))),
                READ_WIDE,
            ]
        )
    )

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not any(policy.can_read_any(request.user) for policy in policies):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return declare(login_required(wrapped), actions)

    return decorator
