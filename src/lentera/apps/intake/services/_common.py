"""Guards and errors shared by the intake services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.concurrency import transition
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.intake.models import (
    Complaint,
    ComplaintStatus,
)
from lentera.apps.intake.policies import complaints
from lentera.apps.intake.triage import TriageFacts, assess, region_chain

MAX_NARRATIVE = 20_000


PUBLIC_INTAKE_TYPES = (
    "women_child_protection",
    "integrated_service_centre",
    "social_affairs",
    "police",
)


CLOCK_SKEW = timedelta(minutes=10)


def find_agency(region_code: str | None, agency_types: tuple[str, ...]) -> Agency | None:
    """The nearest active agency of one of ``agency_types``: in the region, then the regions above
    it (district → regency → province), then national agencies; earlier types win at one level."""
    chain = region_chain(region_code) if region_code else []
    candidates = list(
        Agency.objects.filter(is_active=True, agency_type__in=agency_types)
        .filter(Q(region__code__in=chain) | Q(region__isnull=True))
        .select_related("region")
    )
    if not candidates:
        return None

    def rank(agency: Agency) -> tuple[int, int, int]:
        level = chain.index(agency.region.code) if agency.region else len(chain)
        return (level, agency_types.index(agency.agency_type), agency.pk)

    return min(candidates, key=rank)


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


def triage_suggestion(complaint: Complaint) -> Suggestion:
    facts = TriageFacts(
        child=complaint.has_child,
        danger_now=complaint.danger_now,
        departure_today=complaint.departure_today,
        migrant_worker=complaint.migrant_worker,
    )
    result = assess(facts, complaint.received_at)
    start = _start_code(complaint)
    for rule in result.routing:
        agency = find_agency(start, rule.agency_types)
        if agency is not None:
            return Suggestion(result.urgency, result.urgency_rule, result.due_at, agency, rule.code)
    return Suggestion(
        result.urgency, result.urgency_rule, result.due_at, complaint.receiving_agency, ""
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
