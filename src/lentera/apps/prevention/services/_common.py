"""Guards and errors shared by the prevention services."""

from __future__ import annotations

from typing import Any

from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny

MAX_NOTE = 500


def _require_screener(actor: User, action: Action) -> int:
    """The actor's agency id, when the actor may screen (else PermissionDenied)."""
    if not actor.has_action(action) or actor.agency_id is None:
        raise deny()
    return actor.agency_id


def _register_complaint() -> Any:
    """The intake service that registers an officer's complaint, when the intake app has it."""
    try:
        from lentera.apps.intake import services as intake_services
    except ImportError:  # pragma: no cover - the intake app is part of the project
        return None
    return getattr(intake_services, "complaint_register", None)


def complaints_available() -> bool:
    return _register_complaint() is not None
