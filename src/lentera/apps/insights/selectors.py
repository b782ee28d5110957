from __future__ import annotations

from django.db.models import Q, QuerySet

from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import Requester
from lentera.apps.insights.models import MatchCandidate, MatchStatus
from lentera.apps.insights.policies import matches
from lentera.apps.people.models import Person


def review_queue(*, user: Requester, status: str = MatchStatus.PENDING) -> QuerySet[MatchCandidate]:
    qs = matches.visible(user, Action.REVIEW_MATCHES).select_related(
        "left__owner_agency", "right__owner_agency", "decided_by"
    )
    return qs.filter(status=status) if status else qs


def linked_records(*, user: Requester, person: Person) -> list[MatchCandidate]:
    """Confirmed links of a person to other records the user may see (the merged view)."""
    return list(
        matches.visible(user, Action.VIEW_PERSON)
        .filter(Q(left=person) | Q(right=person), status=MatchStatus.CONFIRMED)
        .select_related("left__owner_agency", "right__owner_agency", "decided_by")
    )
