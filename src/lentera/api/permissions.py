from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from lentera.apps.accounts.middleware import needs_second_factor
from lentera.apps.accounts.permissions import Action


class HasAction(BasePermission):
    """The view declares ``required_action`` (or a dict per HTTP method)."""

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
        required = getattr(view, "required_action", None)
        if isinstance(required, dict):
            required = required.get(request.method or "GET", required.get("*"))
        if required is None:
            return True
        return bool(user.has_action(Action(required)))
