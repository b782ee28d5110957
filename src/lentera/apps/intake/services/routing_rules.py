"""Keeping the routing rules: an administrator adds and edits them; every change is audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, TaskForce, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.intake.models import AgeBand, RoutingCategory, RoutingRule
from lentera.apps.reference.models import Region

FIELDS = (
    "region",
    "category",
    "age_band",
    "agency",
    "fallback_agency",
    "task_force",
    "priority",
    "is_active",
    "note",
)


def _snapshot(values: dict[str, Any]) -> dict[str, Any]:
    return {
        key: (value.pk if hasattr(value, "pk") else value)
        for key, value in values.items()
        if key in FIELDS
    }


def routing_rule_save(
    *,
    actor: User,
    rule: RoutingRule | None = None,
    version: int | None = None,
    region: Region | None,
    category: str,
    age_band: str,
    agency: Agency,
    fallback_agency: Agency | None = None,
    task_force: TaskForce | None = None,
    priority: int = 50,
    is_active: bool = True,
    note: str = "",
) -> RoutingRule:
    """Add a rule (``rule`` None) or change one; ``version`` is the one the administrator
    loaded (a rule changed meanwhile answers ``Conflict``)."""
    if not actor.has_action(Action.MANAGE_REFERENCE):
        raise deny()
    errors: dict[str, str] = {}
    if category not in RoutingCategory.values:
        errors["category"] = _("Unknown choice.")
    if age_band not in AgeBand.values:
        errors["age_band"] = _("Unknown choice.")
    if is_active and not agency.is_active:
        errors["agency"] = _("This agency is no longer active.")
    if fallback_agency is not None and fallback_agency.pk == agency.pk:
        errors["fallback_agency"] = _("Choose another agency than the first.")
    if not 0 <= priority <= 999:
        errors["priority"] = _("Give a number between 0 and 999.")
    note = " ".join(note.split())
    if not note:
        errors["note"] = _("Say why reports go there.")
    if errors:
        raise ValidationError(errors)
    values: dict[str, Any] = {
        "region": region,
        "category": category,
        "age_band": age_band,
        "agency": agency,
        "fallback_agency": fallback_agency,
        "task_force": task_force,
        "priority": priority,
        "is_active": is_active,
        "note": note[:300],
        "updated_by": actor,
        "updated_at": timezone.now(),
    }
    with transaction.atomic():
        if rule is None:
            rule = RoutingRule.objects.create(**values)
        else:
            transition(
                RoutingRule.objects,
                rule.pk,
                field="is_active",
                from_states=[rule.is_active],
                to_state=values.pop("is_active"),
                version=rule.version if version is None else version,
                instance=rule,
                **values,
            )
        record_event(
            actor=actor,
            event_type=EventType.ROUTING_RULE_SAVED,
            obj=rule,
            summary=f"#{rule.pk} → {agency}",
            data={"rule": rule.pk, **_snapshot({**values, "is_active": is_active})},
        )
    return rule
