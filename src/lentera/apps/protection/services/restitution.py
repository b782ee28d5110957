"""Restitution: the claim and its steps under UU 21/2007 Pasal 48-50."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts import wording
from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.cases.models import CaseParty
from lentera.apps.protection.models import (
    Restitution,
)
from lentera.apps.protection.policies import can_act
from lentera.apps.protection.services._common import _require, _victim
from lentera.apps.protection.vocab import (
    RestitutionStatus,
)

RESTITUTION_STEP_FIELDS: tuple[str, ...] = (
    "in_demand_on",
    "ordered_on",
    "amount_ordered",
    "final_notice_on",
    "court_notified_on",
    "warning_on",
    "seizure_on",
    "paid_on",
    "amount_paid",
    "unpaid_closed_on",
)


_RESTITUTION_FIELDS = set(RESTITUTION_STEP_FIELDS)


def _restitution_status(r: Restitution) -> str:
    if r.paid_on:
        return RestitutionStatus.PAID
    if r.unpaid_closed_on:
        return RestitutionStatus.NOT_PAID
    if r.seizure_on:
        return RestitutionStatus.SEIZURE
    if r.warning_on:
        return RestitutionStatus.WARNED
    if r.court_notified_on:
        return RestitutionStatus.COURT_NOTIFIED
    if r.final_notice_on:
        return RestitutionStatus.FINAL
    if r.ordered_on:
        return RestitutionStatus.ORDERED if r.amount_ordered else RestitutionStatus.NOT_ORDERED
    if r.in_demand_on:
        return RestitutionStatus.IN_DEMAND
    return RestitutionStatus.CLAIMED


def restitution_claim(
    *, actor: User, party: CaseParty, amount_claimed: int, basis: str
) -> Restitution:
    case = party.case
    _require(actor, Action.PROVIDE_SERVICE, case, party)
    _victim(party)
    errors: dict[str, str] = {}
    if amount_claimed <= 0:
        errors["amount_claimed"] = _("The amount must be positive (whole rupiah).")
    if not basis.strip():
        errors["basis"] = _("Say which losses the claim covers.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        row = Restitution.objects.create(
            case=case,
            party=party,
            agency_id=actor.agency_id,
            recorded_by=actor,
            amount_claimed=amount_claimed,
            basis=basis.strip()[:300],
        )
        record_event(
            actor=actor,
            event_type=EventType.RESTITUTION_CLAIMED,
            obj=case,
            summary=f"{party.person.initials}: Rp {amount_claimed:,}".replace(",", "."),
            data={"restitution": row.pk, "status": row.status, "claimed": amount_claimed},
        )
    return row


def restitution_update(
    *, actor: User, restitution: Restitution, version: int, **steps: Any
) -> Restitution:
    """Record the steps: in the demand, ordered (amount), notice of the final verdict, court
    warning, seizure order, payment. Dates must follow each other; the status follows the dates."""
    if not (
        can_act(actor, Action.PROVIDE_SERVICE, restitution.case, restitution.party)
        or can_act(actor, Action.MANAGE_PROCEEDINGS, restitution.case, restitution.party)
    ):
        raise deny()
    unknown = set(steps) - _RESTITUTION_FIELDS
    if unknown:
        raise ValidationError({sorted(unknown)[0]: _("Unknown field.")})
    for name, value in steps.items():
        setattr(restitution, name, value)
    r = restitution
    errors: dict[str, str] = {}
    order = [
        "in_demand_on",
        "ordered_on",
        "final_notice_on",
        "court_notified_on",
        "warning_on",
        "seizure_on",
    ]
    last: tuple[str, date] | None = None
    for name in order:
        value = getattr(r, name)
        if value is None:
            continue
        if last is not None and value < last[1]:
            errors[name] = _("This step cannot come before an earlier one.")
        last = (name, value)
    today = timezone.localdate()
    for name in [*order, "paid_on", "unpaid_closed_on"]:
        value = getattr(r, name)
        if value is not None and value > today:
            errors[name] = _("The date is in the future.")
    if r.court_notified_on and not r.final_notice_on:
        errors["court_notified_on"] = _(
            "The court is told of non-payment after the notice of the final verdict."
        )
    if r.paid_on and r.unpaid_closed_on:
        errors["unpaid_closed_on"] = _("A paid restitution cannot also be closed as unpaid.")
    if r.unpaid_closed_on and not r.final_notice_on:
        errors["unpaid_closed_on"] = _("Only an ordered restitution can end unpaid.")
    if r.paid_on and r.ordered_on and r.paid_on < r.ordered_on:
        errors["paid_on"] = _("Payment cannot come before the court's order.")
    if r.final_notice_on and not r.ordered_on:
        errors["final_notice_on"] = _("Record the court's order first.")
    if r.final_notice_on and r.ordered_on and not r.amount_ordered:
        errors["final_notice_on"] = _("No restitution was ordered, so nothing is due.")
    if r.amount_paid is not None and r.amount_paid <= 0:
        errors["amount_paid"] = _("The amount must be positive (whole rupiah).")
    if r.warning_on and not r.final_notice_on:
        errors["warning_on"] = _("A warning follows the notice of the final verdict.")
    if r.seizure_on and not r.warning_on:
        errors["seizure_on"] = _("Seizure follows the court's warning.")
    if r.paid_on and r.amount_paid is None:
        errors["amount_paid"] = _("Give the amount paid.")
    if r.amount_ordered is not None and r.amount_ordered < 0:
        errors["amount_ordered"] = _("The amount must not be negative.")
    if r.ordered_on and r.amount_ordered is None:
        errors["amount_ordered"] = _("Give the amount ordered (0 if none).")
    if errors:
        raise ValidationError(errors)
    before = r.status
    r.status = _restitution_status(r)
    with transaction.atomic():
        # conditional on the version the user saw (and so on the status it held then)
        transition(
            Restitution.objects,
            r.pk,
            from_states=[before],
            to_state=r.status,
            version=version,
            instance=r,
            **{f: getattr(r, f) for f in sorted(steps)},
        )
        record_event(
            actor=actor,
            event_type=EventType.RESTITUTION_UPDATED,
            obj=r.case,
            summary=[r.party.person.initials, ": ", wording.label(RestitutionStatus, r.status)],
            data={
                "restitution": r.pk,
                "from": before,
                "status": r.status,
                "changed": {k: str(v) for k, v in steps.items()},
            },
        )
    return r
