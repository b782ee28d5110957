"""Reads of the protection module, each starting from the access policy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound, Requester, is_user
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.cases.vocab import PartyRole
from lentera.apps.protection.models import (
    Assessment,
    Consent,
    Identification,
    Notification,
    Referral,
    Restitution,
    ReturnPlan,
    Service,
)
from lentera.apps.protection.policies import WORK_ACTIONS, can_read, referrals
from lentera.apps.protection.timers import (
    RESTITUTION_PAYMENT_DAYS,
    RESTITUTION_WARNING_DAYS,
    Timer,
    TimerState,
    timers_for_case,
    timers_for_cases,
)
from lentera.apps.protection.vocab import ReferralStatus, RestitutionStatus


def referral_list(
    *, user: Requester, incoming: bool | None = None, status: str = ""
) -> QuerySet[Referral]:
    if not is_user(user):
        return Referral.objects.none()
    qs = referrals.visible(user, Action.VIEW_CASE).select_related(
        "case", "party__person", "agency", "to_agency"
    )
    if incoming is True:
        qs = qs.filter(to_agency_id=user.agency_id or 0)
    elif incoming is False:
        qs = qs.filter(agency_id=user.agency_id or 0)
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


def protection_file(*, user: Requester, case: Case) -> list[VictimFile]:
    """Everything on the case's victims the user may read (empty when they may not)."""
    if not can_read(user, case):
        return []
    parties = [
        party
        for party in case.parties.filter(role=PartyRole.VICTIM).select_related("person")
        if can_read(user, case, party)
    ]

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


def case_timers(*, user: Requester, case: Case) -> list[Timer]:
    if not can_read(user, case):
        return []
    return timers_for_case(case.pk)


def overdue_for(*, user: Requester, now: datetime) -> list[Timer]:
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


def notifications_for(*, user: Requester, unread_only: bool = False) -> QuerySet[Notification]:
    """The in-app notifications of the user's agency (only for users who work on victims)."""
    if not is_user(user) or not user.agency_id or not any(user.has_action(a) for a in WORK_ACTIONS):
        return Notification.objects.none()
    qs = Notification.objects.filter(agency_id=user.agency_id).select_related("case")
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    return qs.order_by("read_at", "-created_at", "-id") if not unread_only else qs


def notification_get(*, user: Requester, notification_id: int) -> Notification:
    row = notifications_for(user=user).filter(pk=notification_id).first()
    if row is None:
        raise NotFound()
    return row


def unread_count(*, user: Requester) -> int:
    """For a dashboard badge: unread deadline notifications of the user's agency."""
    return notifications_for(user=user, unread_only=True).count()


def return_get(*, user: Requester, case: Case, plan_id: int) -> ReturnPlan:
    """A return plan of a case the user may read; "not found" otherwise."""
    if not can_read(user, case):
        raise NotFound()
    row = (
        ReturnPlan.objects.filter(case=case, pk=plan_id)
        .select_related("party__person", "home_region", "paying_agency", "agency")
        .prefetch_related("visits__recorded_by")
        .first()
    )
    if row is None or not can_read(user, case, row.party):
        raise NotFound()
    return row


def restitution_get(*, user: Requester, case: Case, restitution_id: int) -> Restitution:
    if not can_read(user, case):
        raise NotFound()
    row = (
        Restitution.objects.filter(case=case, pk=restitution_id)
        .select_related("party__person", "agency")
        .first()
    )
    if row is None or not can_read(user, case, row.party):
        raise NotFound()
    return row


def service_get(*, user: Requester, case: Case, service_id: int) -> Service:
    if not can_read(user, case):
        raise NotFound()
    row = (
        Service.objects.filter(case=case, pk=service_id)
        .select_related("provider_agency", "party__person")
        .first()
    )
    if row is None or not can_read(user, case, row.party):
        raise NotFound()
    return row


def restitution_alerts(r: Restitution, today: date) -> list[str]:
    """What the officer following a restitution should do next under UU 21/2007 Pasal 48–50,
    in plain words (translated)."""
    out: list[str] = []
    if r.status == RestitutionStatus.CLAIMED:
        out.append(
            _(
                "Ask the prosecutor to include the claim in the demand (tuntutan); "
                "the prosecutor must tell the victim of this right."
            )
        )
    if (
        r.status in (RestitutionStatus.FINAL, RestitutionStatus.COURT_NOTIFIED)
        and r.final_notice_on
    ):
        deadline = r.final_notice_on + timedelta(days=RESTITUTION_PAYMENT_DAYS)
        if today > deadline:
            out.append(
                _(
                    "Payment was due by %(date)s and is not recorded: the victim may notify "
                    "the court, which then issues a written warning (Pasal 50)."
                )
                % {"date": date_format(deadline)}
            )
        else:
            out.append(
                _("Payment is due by %(date)s (14 days after the notice of the final verdict).")
                % {"date": date_format(deadline)}
            )
    if r.status == RestitutionStatus.WARNED and r.warning_on:
        deadline = r.warning_on + timedelta(days=RESTITUTION_WARNING_DAYS)
        if today > deadline:
            out.append(
                _(
                    "Still unpaid 14 days after the warning (%(date)s): the court orders the "
                    "prosecutor to seize and auction the convict's assets."
                )
                % {"date": date_format(deadline)}
            )
        else:
            out.append(
                _("Payment is due by %(date)s (14 days after the court's warning).")
                % {"date": date_format(deadline)}
            )
    if r.status == RestitutionStatus.SEIZURE:
        out.append(
            _(
                "If the assets do not cover it, substitute detention of at most one year "
                "applies; record it as closed unpaid."
            )
        )
    if (
        r.status == RestitutionStatus.PAID
        and r.amount_ordered
        and r.amount_paid is not None
        and r.amount_paid < r.amount_ordered
    ):
        out.append(
            _("Only Rp %(paid)s of Rp %(ordered)s was paid.")
            % {
                "paid": f"{r.amount_paid:,}".replace(",", "."),
                "ordered": f"{r.amount_ordered:,}".replace(",", "."),
            }
        )
    return out
