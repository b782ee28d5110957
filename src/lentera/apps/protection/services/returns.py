"""Return home (pemulangan) and the reintegration follow-up visits."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts import wording
from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import Conflict, lock, transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.cases.models import CaseParty
from lentera.apps.protection.models import (
    ReintegrationVisit,
    ReturnPlan,
)
from lentera.apps.protection.services._common import IllegalTransition, _require, _victim
from lentera.apps.protection.timers import (
    add_months,
)
from lentera.apps.protection.vocab import (
    ReturnStatus,
)
from lentera.apps.reference.models import Region
from lentera.privacy import Sealed, unseal


def return_plan(
    *,
    actor: User,
    party: CaseParty,
    victim_wishes_return: bool,
    wish_note: str = "",
    family_assessed: bool = False,
    family_assessment: str = "",
    safe_to_return: bool = False,
    home_region: Region | None = None,
    paying_agency: Agency | None = None,
    travel: str = "",
    travel_on: date | None = None,
    handover_to: str = "",
) -> ReturnPlan:
    """Plan a return home. The return must be wanted by the victim and not expose them to
    greater risk (UU 21/2007 Pasal 51 elucidation); the home region pays (PP 9/2008 Pasal 19)."""
    case = party.case
    _require(actor, Action.PROVIDE_SERVICE, case, party)
    _victim(party)
    errors = _return_errors(
        home_region=home_region,
        family_assessed=family_assessed,
        family_assessment=family_assessment,
        safe_to_return=safe_to_return,
    )
    if errors or home_region is None:
        raise ValidationError(errors)
    with transaction.atomic():
        plan = ReturnPlan.objects.create(
            case=case,
            party=party,
            agency_id=actor.agency_id,
            recorded_by=actor,
            victim_wishes_return=victim_wishes_return,
            wish_note=wish_note,
            family_assessed=family_assessed,
            family_assessment=family_assessment,
            safe_to_return=safe_to_return,
            home_region=home_region,
            paying_agency=paying_agency,
            travel=travel.strip()[:200],
            travel_on=travel_on,
            handover_to=handover_to.strip()[:200],
        )
        record_event(
            actor=actor,
            event_type=EventType.RETURN_PLANNED,
            obj=case,
            summary=f"{party.person.initials} → {home_region.name}",
            data={"return": plan.pk, "party": party.pk, "home_region": home_region.code},
        )
    return plan


def _return_errors(
    *,
    home_region: Region | None,
    family_assessed: bool,
    family_assessment: str,
    safe_to_return: bool,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if home_region is None:
        errors["home_region_code"] = _("Name the home region (it pays the return).")
    if family_assessed and not family_assessment.strip():
        errors["family_assessment"] = _("Write down what the family assessment found.")
    if safe_to_return and not family_assessed:
        errors["safe_to_return"] = _("Judge the safety of the return after assessing the family.")
    return errors


_RETURN_FIELDS = {
    "victim_wishes_return",
    "wish_note",
    "family_assessed",
    "family_assessment",
    "safe_to_return",
    "home_region",
    "paying_agency",
    "travel",
    "travel_on",
    "handover_to",
}


def return_update(*, actor: User, plan: ReturnPlan, version: int, **changes: Any) -> ReturnPlan:
    """Update a planned return: the victim's wish, the family and safety assessment, who pays,
    the travel and to whom the person will be handed over. ``version`` is the one the user saw,
    so two officers editing at once do not overwrite each other."""
    _require(actor, Action.PROVIDE_SERVICE, plan.case, plan.party)
    if plan.status != ReturnStatus.PLANNED:
        raise IllegalTransition({"status": _("This return is not planned any more.")})
    unknown = set(changes) - _RETURN_FIELDS
    if unknown:
        raise ValidationError({sorted(unknown)[0]: _("Unknown field.")})
    for name in ("wish_note", "family_assessment"):
        if name in changes:
            changes[name] = (changes[name] or "").strip()
    for name, limit in (("travel", 200), ("handover_to", 200)):
        if name in changes:
            changes[name] = (changes[name] or "").strip()[:limit]
    stored = {
        name: unseal(value) if isinstance(value, Sealed) else value
        for name in _RETURN_FIELDS
        for value in [getattr(plan, name)]
    }
    merged = {name: changes.get(name, stored[name]) for name in _RETURN_FIELDS}
    errors = _return_errors(
        home_region=merged["home_region"],
        family_assessed=merged["family_assessed"],
        family_assessment=merged["family_assessment"],
        safe_to_return=merged["safe_to_return"],
    )
    if errors:
        raise ValidationError(errors)
    changed = sorted(n for n in changes if changes[n] != stored[n])
    with transaction.atomic():
        transition(
            ReturnPlan.objects,
            plan.pk,
            from_states=[ReturnStatus.PLANNED],
            to_state=ReturnStatus.PLANNED,
            version=version,
            instance=plan,
            **{name: changes[name] for name in changed},
        )
        record_event(
            actor=actor,
            event_type=EventType.RETURN_UPDATED,
            obj=plan.case,
            summary=[
                f"{plan.party.person.initials}: ",
                *(wording.joined(wording.field(ReturnPlan, name) for name in changed) or ["-"]),
            ],
            data={"return": plan.pk, "changed": changed},
        )
    return plan


def return_cancel(*, actor: User, plan: ReturnPlan, reason: str) -> ReturnPlan:
    """Cancel a planned return (the victim changed their mind, the family is not safe...)."""
    _require(actor, Action.PROVIDE_SERVICE, plan.case, plan.party)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the return is cancelled.")})
    if plan.status != ReturnStatus.PLANNED:
        raise IllegalTransition({"status": _("This return is not planned any more.")})
    with transaction.atomic():
        transition(
            ReturnPlan.objects,
            plan.pk,
            from_states=[ReturnStatus.PLANNED],
            to_state=ReturnStatus.CANCELLED,
            instance=plan,
            cancel_reason=reason.strip()[:300],
        )
        record_event(
            actor=actor,
            event_type=EventType.RETURN_CANCELLED,
            obj=plan.case,
            summary=f"{plan.party.person.initials}: {plan.cancel_reason}",
            data={"return": plan.pk, "from": ReturnStatus.PLANNED, "to": ReturnStatus.CANCELLED},
        )
    return plan


def return_complete(
    *, actor: User, plan: ReturnPlan, returned_on: date, handover_to: str = ""
) -> ReturnPlan:
    """Record the hand-over. Refused unless the victim wished to return, the family was assessed
    and the return was judged safe."""
    _require(actor, Action.PROVIDE_SERVICE, plan.case, plan.party)
    if plan.status != ReturnStatus.PLANNED:
        raise IllegalTransition({"status": _("This return is not planned any more.")})
    errors: dict[str, str] = {}
    if not plan.victim_wishes_return:
        errors["victim_wishes_return"] = _("The victim has not said they want to return.")
    if not plan.family_assessed:
        errors["family_assessed"] = _("Assess the family before the return.")
    if not plan.safe_to_return:
        errors["safe_to_return"] = _("The return has not been judged safe.")
    handover = handover_to.strip() or plan.handover_to
    if not handover:
        errors["handover_to"] = _("Say to whom the person was handed over.")
    if returned_on > timezone.localdate():
        errors["returned_on"] = _("The date is in the future.")
    if errors:
        raise ValidationError(errors)
    if plan.travel_on is not None and returned_on < plan.travel_on:
        raise ValidationError({"returned_on": _("The hand-over cannot be before the travel.")})
    with transaction.atomic():
        transition(
            ReturnPlan.objects,
            plan.pk,
            from_states=[ReturnStatus.PLANNED],
            to_state=ReturnStatus.COMPLETED,
            instance=plan,
            completed_on=returned_on,
            handover_to=handover[:200],
        )
        record_event(
            actor=actor,
            event_type=EventType.RETURN_COMPLETED,
            obj=plan.case,
            summary=f"{plan.party.person.initials}: {handover[:100]}",
            data={
                "return": plan.pk,
                "from": ReturnStatus.PLANNED,
                "to": ReturnStatus.COMPLETED,
                "returned_on": returned_on.isoformat(),
            },
        )
    return plan


def reintegration_visit(
    *,
    actor: User,
    plan: ReturnPlan,
    visited_on: date,
    wellbeing: str = "",
    note: str = "",
    closes_follow_up: bool = False,
) -> ReintegrationVisit:
    """Record a follow-up visit after the return. The follow-up lasts at least 3 months, so a
    visit can close it only from 3 months after the return."""
    _require(actor, Action.PROVIDE_SERVICE, plan.case, plan.party)
    if plan.status != ReturnStatus.COMPLETED or plan.completed_on is None:
        raise ValidationError({"plan": _("Visits follow a completed return.")})
    if plan.visits.filter(closes_follow_up=True).exists():
        raise ValidationError({"plan": _("The follow-up of this return is already closed.")})
    if visited_on < plan.completed_on:
        raise ValidationError({"visited_on": _("The visit is before the return.")})
    if visited_on > timezone.localdate():
        raise ValidationError({"visited_on": _("The date is in the future.")})
    if closes_follow_up and visited_on < add_months(plan.completed_on, 3):
        raise ValidationError(
            {"closes_follow_up": _("Follow-up lasts at least 3 months after the return.")}
        )
    with transaction.atomic():
        # one visit at a time per return; a closing visit recorded meanwhile is a conflict
        lock(ReturnPlan.objects, plan.pk, status=plan.status)
        if plan.visits.filter(closes_follow_up=True).exists():
            raise Conflict()
        visit = ReintegrationVisit.objects.create(
            plan=plan,
            visited_on=visited_on,
            wellbeing=wellbeing.strip()[:200],
            note=note,
            closes_follow_up=closes_follow_up,
            recorded_by=actor,
            agency_id=actor.agency_id,
        )
        record_event(
            actor=actor,
            event_type=EventType.REINTEGRATION_VISIT,
            obj=plan.case,
            summary=f"{plan.party.person.initials}: {visited_on.isoformat()}",
            data={"return": plan.pk, "visit": visit.pk, "closes": closes_follow_up},
        )
    return visit
