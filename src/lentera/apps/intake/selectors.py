"""Reads of complaints, always starting from the access policy; the public status by code; and
search before create (people and cases the officer may see)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.models import AuditEvent
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import Requester
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.cases.selectors import case_list
from lentera.apps.intake.codes import normalize_code
from lentera.apps.intake.models import Complaint, ComplaintStatus, YesNoUnknown
from lentera.apps.intake.policies import complaints
from lentera.apps.people.matching import Match, identifier_lookup
from lentera.apps.people.selectors import pseudonym_of
from lentera.privacy import Pseudonym

ORDERS = {
    "newest": ("-received_at", "-id"),
    "oldest": ("received_at", "id"),
    "due": ("due_at", "id"),
}


def complaint_list(
    *,
    user: Requester,
    status: str = "",
    channel: str = "",
    urgency: str = "",
    region: str = "",
    received_from: date | None = None,
    received_to: date | None = None,
    child: str = "",
    q: str = "",
    order: str = "newest",
) -> QuerySet[Complaint]:
    qs = complaints.visible(user, Action.VIEW_COMPLAINT).select_related(
        "receiving_agency", "routed_agency", "region", "case"
    )
    if status:
        qs = qs.filter(status=status)
    if channel:
        qs = qs.filter(channel=channel)
    if urgency:
        qs = qs.filter(urgency=urgency)
    if region:
        code = region.strip()
        qs = qs.filter(Q(region__code=code) | Q(region__code__startswith=code + "."))
    if received_from:
        qs = qs.filter(received_at__date__gte=received_from)
    if received_to:
        qs = qs.filter(received_at__date__lte=received_to)
    if child == "yes":
        qs = qs.filter(Q(involves_child=YesNoUnknown.YES) | Q(any_child=True))
    elif child == "no":
        qs = qs.exclude(involves_child=YesNoUnknown.YES).filter(any_child=False)
    if q.strip():
        wanted = normalize_code(q)
        qs = qs.filter(tracking_code=wanted) if wanted else qs.none()
    return qs.order_by(*ORDERS.get(order, ORDERS["newest"]))


def complaint_history(*, complaint: Complaint) -> QuerySet[AuditEvent]:
    return (
        AuditEvent.objects.filter(
            object_type=complaint._meta.label_lower, object_id=str(complaint.pk)
        )
        .select_related("actor", "actor_agency")
        .order_by("occurred_at", "id")
    )


# -- what the citizen sees ---------------------------------------------------------------------

PUBLIC_STATUS_TEXT = {
    ComplaintStatus.RECEIVED: _(
        "We have received your report. An officer will read it and decide who handles it."
    ),
    ComplaintStatus.TRIAGED: _(
        "An officer has read your report and passed it to the agency that handles it."
    ),
    ComplaintStatus.LINKED: _(
        "Your report is being handled by the responsible agency as part of a case."
    ),
    ComplaintStatus.CLOSED: _("The handling of your report has ended."),
}


@dataclass(frozen=True)
class PublicStatus:
    """All a citizen with the tracking code learns: never agencies, names or internal notes."""

    tracking_code: str
    received_on: date
    status: str
    text: str
    note: str


def public_status(*, code: str) -> PublicStatus | None:
    """The public status of a complaint, or None (for a malformed and for an unknown code
    alike)."""
    canonical = normalize_code(code)
    if canonical is None:
        return None
    row = (
        Complaint.objects.filter(tracking_code=canonical)
        .values("tracking_code", "received_at", "status", "public_note")
        .first()
    )
    if row is None:
        return None
    received: datetime = row["received_at"]
    return PublicStatus(
        tracking_code=row["tracking_code"],
        received_on=timezone.localtime(received).date(),
        status=row["status"],
        text=str(PUBLIC_STATUS_TEXT[ComplaintStatus(row["status"])]),
        note=row["public_note"],
    )


# -- search before create ----------------------------------------------------------------------


@dataclass
class PersonHit:
    match: Match
    pseudonym: Pseudonym
    cases: list[Case] = field(default_factory=list)


@dataclass
class SearchResult:
    people: list[PersonHit]
    cases: list[Case]
    searched: bool
    held_by: list[Any] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.people and not self.cases


def search_before_create(
    *, user: Requester, name: str = "", nik: str = "", phone: str = "", q: str = "", limit: int = 10
) -> SearchResult:
    """People the user may see who may be the ones the complaint is about (names with
    Indonesian spelling variants, NIK, phone in any form), the cases among those the user may
    see that they appear in, and cases found by reference or title."""
    searched = any(v.strip() for v in (name, nik, phone, q))
    if not searched:
        return SearchResult(people=[], cases=[], searched=False)
    lookup = identifier_lookup(user=user, name=name, nik=nik, phone=phone, limit=limit)
    matches = lookup.matches
    visible_cases = case_list(user=user)
    hits = [PersonHit(match=m, pseudonym=pseudonym_of(m.person)) for m in matches]
    by_person = {hit.match.person.pk: hit for hit in hits}
    if by_person:
        parties = (
            CaseParty.objects.filter(
                person_id__in=list(by_person), case_id__in=visible_cases.values("pk")
            )
            .select_related("case", "case__lead_agency", "case__region")
            .order_by("-case__opened_at", "case_id")
        )
        for party in parties:
            hit = by_person[party.person_id]
            if party.case not in hit.cases:
                hit.cases.append(party.case)
    found_cases = list(case_list(user=user, q=q)[:limit]) if q.strip() else []
    return SearchResult(people=hits, cases=found_cases, searched=True, held_by=lookup.held_by)
