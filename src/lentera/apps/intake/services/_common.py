"""Guards and errors shared by the intake services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.concurrency import transition
from lentera.apps.accounts.models import Agency, TaskForce, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.intake.models import (
    Complaint,
    ComplaintStatus,
    YesNoUnknown,
)
from lentera.apps.intake.policies import complaints
from lentera.apps.intake.routing import RouteFacts, find_agency, route
from lentera.apps.intake.triage import assess

MAX_NARRATIVE = 20_000


PUBLIC_INTAKE_TYPES = (
    "women_child_protection",
    "integrated_service_centre",
    "social_affairs",
    "police",
)


CLOCK_SKEW = timedelta(minutes=10)

__all__ = ["CLOCK_SKEW", "MAX_NARRATIVE", "PUBLIC_INTAKE_TYPES", "Suggestion", "find_agency"]


def _start_code(complaint: Complaint) -> str | None:
    if complaint.region is not None:
        return complaint.region.code
    agency = complaint.receiving_agency
    return agency.region.code if agency is not None and agency.region is not None else None


@dataclass(frozen=True)
class Suggestion:
    """What the triage rules say for a complaint's facts."""

    urgency: str
    urgency_rule: str
    due_at: datetime
    agency: Agency | None
    routing_rule: str
    task_force: TaskForce | None = None


def route_facts(complaint: Complaint) -> RouteFacts:
    return RouteFacts(
        region_code=_start_code(complaint),
        child=complaint.has_child,
        adult_only=complaint.involves_child == YesNoUnknown.NO and not complaint.any_child,
        danger_now=complaint.danger_now,
        departure_today=complaint.departure_today,
        migrant_worker=complaint.migrant_worker,
    )


def triage_suggestion(complaint: Complaint) -> Suggestion:
    """Urgency from the triage table; agency and task force from the routing rules
    (:mod:`lentera.apps.intake.routing`)."""
    facts = route_facts(complaint)
    result = assess(facts.triage(), complaint.received_at)
    found = route(facts, receiving_agency=complaint.receiving_agency)
    return Suggestion(
        result.urgency,
        result.urgency_rule,
        result.due_at,
        found.agency,
        found.code,
        found.task_force,
    )


def _require_handler(actor: User, complaint: Complaint) -> None:
    if not complaints.can(actor, Action.TRIAGE_COMPLAINT, complaint):
        raise deny()


def _require_status(complaint: Complaint, allowed: tuple[str, ...], field: str = "status") -> None:
    if complaint.status not in allowed:
        raise ValidationError(
            {
                field: _("This cannot be done to a complaint that is “%(status)s”.")
                % {"status": ComplaintStatus(complaint.status).label}
            }
        )


def _update(complaint: Complaint, version: int | None, values: dict[str, Any]) -> str:
    """Write ``values`` if the complaint is still at ``version`` (the one the officer loaded;
    by default the one read) and at the status read, else ``Conflict``. Returns the status the
    complaint had, the real "from" of the audit event."""
    before = complaint.status
    fields = {**values, "updated_at": timezone.now()}
    transition(
        Complaint.objects,
        complaint.pk,
        from_states=[before],
        to_state=fields.pop("status", before),
        version=complaint.version if version is None else version,
        instance=complaint,
        **fields,
    )
    return before
