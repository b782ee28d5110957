"""The navigation: every module, linked when built and allowed for the user, else marked 'soon'."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.permissions import Action, Scope

# (key, label, url name or None while the module is not built, action needed)
MODULES: list[tuple[str, Any, str | None, Action | None]] = [
    ("dashboard", _("Dashboard"), "web:dashboard", None),
    ("intake", _("Intake"), "intake:list", Action.VIEW_COMPLAINT),
    ("cases", _("Cases"), "cases:list", Action.VIEW_CASE),
    ("people", _("People"), "people:list", Action.VIEW_PERSON),
    ("qualify", _("Qualification"), "cases:qualify", Action.QUALIFY),
    ("protection", _("Protection"), "protection:home", Action.PROVIDE_SERVICE),
    ("proceedings", _("Proceedings"), "justice:home", Action.VIEW_CASE),
    ("investigation", _("Investigation"), "investigation:alerts", Action.MANAGE_PROCEEDINGS),
    ("prevention", _("Prevention"), "prevention:home", None),
    ("coordination", _("Coordination"), "coordination:items", Action.VIEW_DASHBOARD),
    ("insights", _("Record linkage"), "insights:linkage", Action.REVIEW_MATCHES),
    ("statistics", _("Statistics"), "justice:statistics", Action.VIEW_STATISTICS),
    ("admin", _("Admin"), "web:admin_home", None),
    ("audit", _("Audit"), "accounts:audit", Action.VIEW_AUDIT),
]
ADMIN_ACTIONS = (
    Action.MANAGE_USERS,
    Action.MANAGE_AGENCIES,
    Action.MANAGE_REFERENCE,
    Action.MANAGE_TASK_FORCES,
)


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = []
    for key, label, url_name, action in MODULES:
        if key == "admin":
            if not any(user.has_action(a) for a in ADMIN_ACTIONS):
                continue
        elif key == "prevention":
            wide = user.scope_for(Action.VIEW_CASE) in (Scope.REGION, Scope.NATIONAL)
            if not (
                user.has_action(Action.SCREEN_OFFER)
                or user.has_action(Action.SCREEN_DEPARTURE)
                or wide
            ):
                continue
        elif action is not None and not user.has_action(action):
            continue
        if key == "coordination" and (
            user.has_action(Action.MANAGE_MEETINGS) or user.has_action(Action.APPROVE_MINUTES)
        ):
            url_name = "coordination:home"  # the meetings; everyone else: their action items
        url = reverse(url_name) if url_name else None
        items.append(
            {
                "key": key,
                "label": label,
                "url": url,
                "active": bool(url)
                and (request.path == url or (url != "/" and request.path.startswith(url or ""))),
            }
        )
    return {"nav_items": items}
