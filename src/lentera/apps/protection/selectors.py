"""Reads of the protection module, each starting from the access policy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet

from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import is_user
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.cases.vocab import PartyRole
from lentera.apps.protection.models import (
    Assessment,
    Consent,
    Identification,
    Referral,
    Restitution,
    ReturnPlan,
    Service,
)
from lentera.apps.protection.policies import can_read, referrals
from lentera.apps.protection.timers import Timer, TimerState, timers_for_case, timers_for_cases
from lentera.apps.protection.vocab import ReferralStatus


def referral_list(
    *, user: Any, incoming: bool | None = None, status: str = ""
) -> QuerySet[Referral]:
    qs = referrals.visible(user, Action.VIEW_CASE).select_related(
        "case", "party__person", "agency", "to_agency"
    )
    if incoming is True:
        qs = qs.filter(to_agency_id=user.agency_id)
    elif incoming is False:
        qs = qs.filter(agency_id=user.agency_id)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-recorded_at", "-id")


@dataclass
class VictimFile:
    party: CaseParty
    identifications: list[Identification]
    assessments: list[Assessment]
    consents: list[Consent]
    services: list[Service]
    referrals: list[Referral]
    returns: list[ReturnPlan]
    restitutions: list[Restitution]


def protection_file(*, user: Any, case: Case) -> list[VictimFile]:
    """Everything on the case's victims the user may read (empty when they may not)."""
    if not can_read(user, case):
        return []
    parties = list(case.parties.filter(role=PartyRole.VICTIM).select_related("person"))

    def by_party(qs: QuerySet[Any]) -> dict[int, list[Any]]:
        grouped: dict[int, list[Any]] = {}
        for row in qs:
            grouped.setdefault(row.party_id, []).append(row)
        return grouped

    ids = Identification.objects.filter(case=case).select_related("recorded_by", "agency")
    ass = Assessment.objects.filter(case=case).select_related("recorded_by")
    cons = Consent.objects.filter(case=case).prefetch_related("agencies")
    svc = Service.objects.filter(case=case).select_related("provider_agency")
    refs = Referral.objects.filter(case=case).select_related("to_agency", "agency")
    rets = (
        ReturnPlan.objects.filter(case=case)
        .select_related("home_region")
        .prefetch_related("visits")
    )
    rest = Restitution.objects.filter(case=case)
    groups = [by_party(q) for q in (ids, ass, cons, svc, refs, rets, rest)]
    return [VictimFile(p, *(g.get(p.pk, []) for g in groups)) for p in parties]


def case_timers(*, user: Any, case: Case) -> list[Timer]:
    if not can_read(user, case):
        return []
    return timers_for_case(case.pk)


def overdue_for(*, user: Any, now: datetime) -> list[Timer]:
    """Overdue timers the user's agency is responsible for (the "overdue" list)."""
    if not is_user(user) or not user.agency_id:
        return []
    if not (user.has_action(Action.REFER) or user.has_action(Action.PROVIDE_SERVICE)):
        return []
    agency = user.agency_id
    case_ids: set[int] = set()
    case_ids.update(
        Referral.objects.filter(to_agency_id=agency)
        .exclude(status=ReferralStatus.DECLINED)
        .values_list("case_id", flat=True)
    )
    case_ids.update(
        Service.objects.filter(Q(provider_agency_id=agency) | Q(agency_id=agency)).values_list(
            "case_id", flat=True
        )
    )
    for model in (Assessment, Restitution, ReturnPlan):
        case_ids.update(model.objects.filter(agency_id=agency).values_list("case_id", flat=True))
    return [
        t
        for t in timers_for_cases(sorted(case_ids))
        if t.agency_id == agency and t.state(now) == TimerState.OVERDUE
    ]
