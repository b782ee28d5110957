from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from lentera.apps.accounts.middleware import needs_second_factor
from lentera.apps.accounts.permissions import Action


def required_for(view: Any, method: str) -> Action | None:
    """The action ``view`` declares for ``method``: its ``required_action``, or the entry of
    that dict for the method (HEAD as GET, ``"*"`` for any other method); None when the view
    declares nothing for it."""
    required = getattr(view, "required_action", None)
    if isinstance(required, dict):
        method = "GET" if method == "HEAD" else method
        required = required.get(method, required.get("*"))
    return None if required is None else Action(required)


class HasAction(BasePermission):
    """The view declares ``required_action`` (an action, or a dict per HTTP method) and the user
    holds it. A view that declares no action for the method is refused, never let through;
    the public endpoints say ``public = True`` and use ``AllowAny`` instead. This is the
    project's default permission class (``REST_FRAMEWORK`` in the settings)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if not user or not user.is_authenticated:
            return False
        # A session of an admin role must have passed its second factor (tokens were created
        # from such a session).
        if (
            request.auth is None
            and needs_second_factor(user)
            and not getattr(user, "is_verified", lambda: False)()
        ):
            return False
        required = required_for(view, request.method or "GET")
        if required is None:
            return False
        return bool(user.has_action(required))
