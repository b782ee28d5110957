"""Guards shared by the investigation services."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.policies import deny
from lentera.apps.cases.models import Case
from lentera.apps.investigation import policies


def require_record(actor: User, case: Case) -> Agency:
    """The actor's agency, once the policy lets the actor record on the case."""
    if not policies.can_record(actor, case) or actor.agency is None:
        raise deny()
    return actor.agency


def require_text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value
