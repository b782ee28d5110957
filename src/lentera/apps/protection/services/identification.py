"""Victim identification interviews and needs assessments."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lentera.apps.accounts import wording
from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action
from lentera.apps.cases import services as case_services
from lentera.apps.cases.models import CaseParty
from lentera.apps.cases.policies import cases
from lentera.apps.cases.vocab import VictimStatus
from lentera.apps.protection.models import (
    Assessment,
    Identification,
)
from lentera.apps.protection.services._common import _codes, _require, _victim, is_child
from lentera.apps.protection.vocab import (
    DECISION_TO_VICTIM_STATUS,
    STRONG_INDICATORS,
    Decision,
    Indicator,
    NeedDomain,
    NeedLevel,
    Setting,
)


def suggest_decision(indicators: Iterable[str]) -> Decision:
    """A first suggestion from the indicators found; the officer decides.

    One strong indicator (violence, debt bondage, retained documents, restricted movement,
    cannot leave, threats) or three indicators of any kind: presumed victim. One or two:
    possible victim. None: no indicators. Indicators are not proof (UNODC); they call for
    protection and investigation.
    """
    found = set(indicators)
    if not found:
        return Decision.NO_INDICATORS
    if found & STRONG_INDICATORS or len(found) >= 3:
        return Decision.PRESUMED
    return Decision.POSSIBLE


def identification_record(
    *,
    actor: User,
    party: CaseParty,
    setting: str,
    indicators: Iterable[str],
    decision: str = "",
    guardian_present: bool = False,
    interpreter_used: bool = False,
    notes: str = "",
) -> Identification:
    """Record an identification interview and its decision (the actor is who decided)."""
    case = party.case
    _require(actor, Action.PROVIDE_SERVICE, case, party)
    _victim(party)
    errors: dict[str, str] = {}
    if setting not in Setting.values:
        errors["setting"] = _("Unknown setting.")
    found = _codes(indicators, Indicator.values, "indicators")
    decision = decision or suggest_decision(found)
    if decision not in Decision.values:
        errors["decision"] = _("Unknown decision.")
    elif decision == Decision.NO_INDICATORS and found:
        errors["decision"] = _("Indicators were found; choose presumed or possible victim.")
    child = is_child(party)
    if child and not guardian_present:
        errors["guardian_present"] = _(
            "A child is interviewed with a parent, guardian or companion present."
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        row = Identification.objects.create(
            case=case,
            party=party,
            agency_id=actor.agency_id,
            recorded_by=actor,
            setting=setting,
            indicators=found,
            decision=decision,
            is_child=child,
            guardian_present=guardian_present,
            interpreter_used=interpreter_used,
            notes=notes,
        )
        record_event(
            actor=actor,
            event_type=EventType.VICTIM_IDENTIFIED,
            obj=case,
            summary=[party.person.initials, ": ", wording.label(Decision, decision)],
            data={
                "identification": row.pk,
                "party": party.pk,
                "decision": decision,
                "indicators": found,
            },
        )
        identification_sync_status(actor=actor, identification=row)
    return row


def identification_sync_status(*, actor: User, identification: Identification) -> bool:
    """Carry an interview's decision to the victim's status on the case
    (``CaseParty.victim_status``) through the case service, which records its own event.

    Only agencies that may edit the case (its lead agency) change the case; a receiving agency's
    interview stays in the protection file for the lead agency to act on. A status the lead
    agency has settled (confirmed victim, not a victim) is never changed by an interview.
    Returns whether the status changed.
    """
    party = CaseParty.objects.select_related("case", "person").get(pk=identification.party_id)
    target = DECISION_TO_VICTIM_STATUS[identification.decision]
    settled = {VictimStatus.CONFIRMED, VictimStatus.NOT_VICTIM}
    if party.victim_status == target or party.victim_status in settled:
        return False
    if not cases.can(actor, Action.EDIT_CASE, party.case):
        return False
    case_services.victim_decide(actor=actor, party=party, status=target)
    return True


def assessment_record(
    *, actor: User, party: CaseParty, needs: Mapping[str, str], notes: str = ""
) -> Assessment:
    case = party.case
    _require(actor, Action.PROVIDE_SERVICE, case, party)
    _victim(party)
    clean: dict[str, str] = {}
    for domain in NeedDomain.values:
        level = needs.get(domain, NeedLevel.NONE) or NeedLevel.NONE
        if level not in NeedLevel.values:
            raise ValidationError({domain: _("Unknown level.")})
        clean[domain] = level
    unknown = set(needs) - set(NeedDomain.values)
    if unknown:
        raise ValidationError({"needs": _("Unknown need: %(code)s") % {"code": sorted(unknown)[0]}})
    with transaction.atomic():
        row = Assessment.objects.create(
            case=case,
            party=party,
            agency_id=actor.agency_id,
            recorded_by=actor,
            needs=clean,
            notes=notes,
        )
        high = [d for d, level in clean.items() if level == NeedLevel.HIGH]
        record_event(
            actor=actor,
            event_type=EventType.NEEDS_ASSESSED,
            obj=case,
            summary=[
                f"{party.person.initials}: ",
                *(wording.joined(wording.label(NeedDomain, x) for x in high) or ["-"]),
            ],
            data={"assessment": row.pk, "party": party.pk, "needs": clean},
        )
    return row
