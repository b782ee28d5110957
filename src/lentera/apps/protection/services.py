"""Writes of the protection module. Each checks the policy, validates, saves in one transaction
and records one audit event **on the case** (``obj=case``) so the case timeline shows it.

Referrals share the case with the receiving agency through a ``cases.CaseGrant`` limited to what
the consent allows (facts; facts and people; plus identity); the grant is opened and closed by
``cases.services.case_grant_for_referral``, never written here. An adult's referral without a
consent covering the receiving agency and what is shared is refused: one REFERRAL_REFUSED event,
nothing else written, and :class:`ConsentMissing` explains why. A child, or a case where the law
requires it, may be referred without consent; the override and its legal basis are recorded
(event CONSENT_OVERRIDDEN).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import Conflict, lock, transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.cases import services as case_services
from lentera.apps.cases.models import Case, CaseGrant, CaseParty
from lentera.apps.cases.policies import cases
from lentera.apps.cases.vocab import GrantScope, PartyRole, VictimStatus
from lentera.apps.protection.models import (
    Assessment,
    Consent,
    Identification,
    Notification,
    Provider,
    Referral,
    ReintegrationVisit,
    Restitution,
    ReturnPlan,
    Service,
)
from lentera.apps.protection.policies import WORK_ACTIONS, can_act, providers, referrals
from lentera.apps.protection.timers import (
    NOTIFY_BEFORE,
    TimerState,
    add_months,
    timers_for_cases,
)
from lentera.apps.protection.vocab import (
    CHILD_OVERRIDE_BASIS,
    DECISION_TO_VICTIM_STATUS,
    REFERRAL_TRANSITIONS,
    SERVICE_TRANSITIONS,
    STRONG_INDICATORS,
    ConsentGiver,
    Decision,
    Indicator,
    NeedDomain,
    NeedLevel,
    OverrideBasis,
    ProviderKind,
    ReferralStatus,
    RestitutionStatus,
    ReturnStatus,
    ServiceStatus,
    ServiceType,
    Setting,
)
from lentera.apps.reference.models import Region
from lentera.privacy import Sealed, unseal


class IllegalTransition(ValidationError):
    """A status change the state machine does not allow."""


class ConsentMissing(ValidationError):
    """A referral refused because no consent covers it (the refusal itself is audited)."""


def _deny() -> PermissionDenied:
    return PermissionDenied(_("You do not have permission to do this."))


def _require(actor: User, action: Action, case: Case, party: CaseParty) -> None:
    if not can_act(actor, action, case, party):
        raise _deny()


def _victim(party: CaseParty) -> None:
    if party.role != PartyRole.VICTIM:
        raise ValidationError({"party": _("Only a victim can receive protection services.")})


def is_child(party: CaseParty) -> bool:
    """Under 18 at the time of the offence (the age comes from documents, not the NIK)."""
    return party.age_at_offence is not None and party.age_at_offence < 18


def _codes(values: Iterable[str], allowed: Iterable[str], field: str) -> list[str]:
    allowed_set = set(allowed)
    out: list[str] = []
    for value in values:
        if value not in allowed_set:
            raise ValidationError({field: _("Unknown code: %(code)s") % {"code": value}})
        if value not in out:
            out.append(value)
    return out


def _transition(current: str, target: str, table: Mapping[str, frozenset[str]]) -> None:
    if target not in table.get(current, frozenset()):
        raise IllegalTransition(
            {
                "status": _("Cannot go from %(old)s to %(new)s.")
                % {"old": current or "-", "new": target}
            }
        )


# ---------------------------------------------------------------- identification & assessment


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
            summary=f"{party.person.initials}: {Decision(decision).label}",
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
            summary=f"{party.person.initials}: {', '.join(high) or '-'}",
            data={"assessment": row.pk, "party": party.pk, "needs": clean},
        )
    return row


# ---------------------------------------------------------------- consent


def consent_record(
    *,
    actor: User,
    party: CaseParty,
    agencies: Iterable[Agency],
    purpose: str,
    share_facts: bool = True,
    share_people: bool = False,
    share_identity: bool = False,
    given_by: str = ConsentGiver.VICTIM,
    guardian_name: str = "",
    child_assent: bool = False,
    given_on: date | None = None,
) -> Consent:
    """Record what may be shared with which agencies. A child's consent is given by the
    guardian, with the child's own assent recorded."""
    case = party.case
    _require(actor, Action.REFER, case, party)
    _victim(party)
    targets = list(agencies)
    errors: dict[str, str] = {}
    if not targets:
        errors["agencies"] = _("Name at least one agency the information may be shared with.")
    if not purpose.strip():
        errors["purpose"] = _("Say what the information will be used for.")
    if given_by not in ConsentGiver.values:
        errors["given_by"] = _("Unknown value.")
    if share_identity and not share_people:
        errors["share_identity"] = _("Identity can only be shared together with the people.")
    if not (share_facts or share_people):
        errors["share_facts"] = _("Consent must allow sharing something.")
    if is_child(party):
        if given_by != ConsentGiver.GUARDIAN:
            errors["given_by"] = _("For a child, the parent or guardian gives consent.")
        if not guardian_name.strip():
            errors["guardian_name"] = _("Name the parent or guardian.")
    if given_on is not None and given_on > timezone.localdate():
        errors["given_on"] = _("The date is in the future.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        consent = Consent.objects.create(
            case=case,
            party=party,
            agency_id=actor.agency_id,
            recorded_by=actor,
            purpose=purpose.strip(),
            share_facts=share_facts or share_people,
            share_people=share_people,
            share_identity=share_identity,
            given_by=given_by,
            guardian_name=guardian_name.strip(),
            child_assent=child_assent,
            given_on=given_on or timezone.localdate(),
        )
        consent.agencies.set(targets)
        record_event(
            actor=actor,
            event_type=EventType.CONSENT_RECORDED,
            obj=case,
            summary=f"{party.person.initials}: {', '.join(str(a) for a in targets)}",
            data={
                "consent": consent.pk,
                "party": party.pk,
                "agencies": [a.pk for a in targets],
                "facts": consent.share_facts,
                "people": share_people,
                "identity": share_identity,
            },
        )
    return consent


def consent_withdraw(*, actor: User, consent: Consent, note: str = "") -> Consent:
    """Withdraw a consent. Open referrals made under it lose their grant (the receiving agency
    no longer sees the file); sent ones are declined on the victim's behalf."""
    _require(actor, Action.REFER, consent.case, consent.party)
    if consent.withdrawn_at is not None:
        raise ValidationError(_("This consent was already withdrawn."))
    now = timezone.now()
    with transaction.atomic():
        transition(
            Consent.objects,
            consent.pk,
            field="withdrawn_at",
            from_states=[None],
            to_state=now,
            instance=consent,
            withdrawn_by=actor,
            withdrawal_note=note.strip()[:300],
        )
        revoked: list[int] = []
        for referral in consent.referrals.select_related("grant").filter(
            status__in=[ReferralStatus.SENT, ReferralStatus.ACCEPTED]
        ):
            if referral.grant is not None and referral.grant.revoked_at is None:
                _revoke(referral.grant, actor)
                revoked.append(referral.grant.pk)
            if referral.status == ReferralStatus.SENT:
                # accepted meanwhile by the receiving agency: Conflict, nothing is written
                transition(
                    Referral.objects,
                    referral.pk,
                    from_states=[ReferralStatus.SENT],
                    to_state=ReferralStatus.DECLINED,
                    instance=referral,
                    decline_reason=_("Consent withdrawn"),
                    responded_at=now,
                )
        record_event(
            actor=actor,
            event_type=EventType.CONSENT_WITHDRAWN,
            obj=consent.case,
            summary=consent.party.person.initials,
            data={"consent": consent.pk, "revoked_grants": revoked},
        )
    return consent


def _covers(consent: Consent, agency: Agency, people: bool, identity: bool) -> str:
    """Why ``consent`` does not cover a referral ("" when it does)."""
    if consent.withdrawn_at is not None:
        return _("The consent was withdrawn.")
    if not consent.agencies.filter(pk=agency.pk).exists():
        return _("The consent does not name %(agency)s.") % {"agency": agency}
    if identity and not consent.share_identity:
        return _("The consent does not allow sharing the victim's identity.")
    if people and not consent.share_people:
        return _("The consent does not allow sharing the people in the case.")
    return ""


# ---------------------------------------------------------------- services


def service_plan(
    *,
    actor: User,
    party: CaseParty,
    service_type: str,
    provider_agency: Agency,
    due_on: date | None = None,
    urgent: bool = False,
    note: str = "",
) -> Service:
    case = party.case
    _require(actor, Action.PROVIDE_SERVICE, case, party)
    _victim(party)
    if service_type not in ServiceType.values:
        raise ValidationError({"service_type": _("Unknown service.")})
    with transaction.atomic():
        service = Service.objects.create(
            case=case,
            party=party,
            agency_id=actor.agency_id,
            recorded_by=actor,
            service_type=service_type,
            provider_agency=provider_agency,
            due_on=due_on,
            urgent=urgent,
            note=note.strip()[:300],
        )
        record_event(
            actor=actor,
            event_type=EventType.SERVICE_PLANNED,
            obj=case,
            summary=f"{party.person.initials}: {ServiceType(service_type).label} · {provider_agency}",
            data={
                "service": service.pk,
                "party": party.pk,
                "type": service_type,
                "provider": provider_agency.pk,
                "urgent": urgent,
            },
        )
    return service


def service_set_status(
    *, actor: User, service: Service, status: str, at: datetime | None = None, note: str = ""
) -> Service:
    """Move a service along planned → in progress → done (or cancelled). The provider agency or
    an agency working on the case may do it. Cancelling needs a reason."""
    if not (
        can_act(actor, Action.PROVIDE_SERVICE, service.case, service.party)
        or (
            actor.agency_id == service.provider_agency_id
            and actor.has_action(Action.PROVIDE_SERVICE)
        )
    ):
        raise _deny()
    _transition(service.status, status, SERVICE_TRANSITIONS)
    if status == ServiceStatus.CANCELLED and not note.strip():
        raise ValidationError({"note": _("Say why the service is cancelled.")})
    when = at or timezone.now()
    if when > timezone.now():
        raise ValidationError({"at": _("The date is in the future.")})
    old = service.status
    extra: dict[str, Any] = {"status_note": note.strip()[:300], "status_changed_at": when}
    if status == ServiceStatus.IN_PROGRESS:
        extra["started_at"] = when
    if status == ServiceStatus.DONE:
        extra["completed_at"] = when
    with transaction.atomic():
        transition(
            Service.objects,
            service.pk,
            from_states=[old],
            to_state=status,
            instance=service,
            **extra,
        )
        record_event(
            actor=actor,
            event_type=EventType.SERVICE_UPDATED,
            obj=service.case,
            summary=f"{ServiceType(service.service_type).label}: {ServiceStatus(status).label}",
            data={"service": service.pk, "from": old, "to": status, "note": service.status_note},
        )
    return service


# ---------------------------------------------------------------- referrals


def _revoke(grant: CaseGrant, actor: User) -> None:
    """Close the access a referral opened (through the case service, which audits it)."""
    case_services.case_grant_for_referral(
        actor=actor, case=grant.case, agency=grant.agency, revoke=grant
    )


def referral_send(
    *,
    actor: User,
    party: CaseParty,
    to_agency: Agency,
    service_type: str,
    reason: str,
    share_people: bool = False,
    share_identity: bool = False,
    consent: Consent | None = None,
    override_basis: str = "",
    override_legal_basis: str = "",
    provider: Provider | None = None,
) -> Referral:
    """Refer a victim to another agency, sharing only what the consent allows."""
    case = party.case
    _require(actor, Action.REFER, case, party)
    _victim(party)
    errors: dict[str, str] = {}
    if to_agency.pk == actor.agency_id:
        errors["to_agency"] = _("Refer to another agency.")
    elif to_agency.pk == case.lead_agency_id:
        errors["to_agency"] = _("The lead agency already has the whole file.")
    if service_type not in ServiceType.values:
        errors["service_type"] = _("Unknown service.")
    if not reason.strip():
        errors["reason"] = _("Say why the victim is referred.")
    if share_identity and not share_people:
        errors["share_identity"] = _("Identity can only be shared together with the people.")
    if provider is not None and provider.agency_id != to_agency.pk:
        errors["provider"] = _("This provider does not belong to the receiving agency.")
    if override_basis not in OverrideBasis.values:
        errors["override_basis"] = _("Unknown basis.")
    elif override_basis == OverrideBasis.CHILD and not is_child(party):
        errors["override_basis"] = _(
            "Only a child (under 18 at the offence) may be referred for the child's safety."
        )
    elif override_basis == OverrideBasis.LAW and not override_legal_basis.strip():
        errors["override_legal_basis"] = _("Name the provision of law that requires the referral.")
    if override_basis and consent is not None:
        errors["override_basis"] = _("Either rely on a consent or record an override, not both.")
    if errors:
        raise ValidationError(errors)
    held = list(
        CaseGrant.objects.filter(case=case, agency=to_agency, revoked_at__isnull=True).filter(
            Q(person__isnull=True) | Q(person_id=party.person_id)
        )
    )
    existing = next(
        (
            g
            for g in held
            if (not share_people or g.scope != GrantScope.FACTS)
            and (not share_identity or g.include_identity)
        ),
        None,
    )
    if existing is None and any(g.person_id is not None for g in held):
        raise ValidationError(
            {
                "to_agency": _(
                    "This agency already has narrower access to the case; the lead "
                    "agency must revoke it before a wider referral."
                )
            }
        )

    legal_basis = ""
    if override_basis:
        legal_basis = override_legal_basis.strip() or CHILD_OVERRIDE_BASIS
    else:
        problem = ""
        if consent is not None:
            if consent.party_id != party.pk:
                problem = _("This consent belongs to another person.")
            else:
                problem = _covers(consent, to_agency, share_people, share_identity)
        else:
            problem = _(
                "No recorded consent of the victim allows sharing this with %(agency)s."
            ) % {"agency": to_agency}
            for candidate in Consent.objects.filter(party=party, withdrawn_at__isnull=True):
                why = _covers(candidate, to_agency, share_people, share_identity)
                if not why:
                    consent, problem = candidate, ""
                    break
                if candidate.agencies.filter(pk=to_agency.pk).exists():
                    problem = why  # the closest consent says what is missing
        if problem:
            hint = (
                _("A child may be referred without consent for the child's safety.")
                if is_child(party)
                else _(
                    "Record the victim's consent first, or the provision of law that "
                    "requires the referral."
                )
            )
            record_event(
                actor=actor,
                event_type=EventType.REFERRAL_REFUSED,
                obj=case,
                summary=f"{party.person.initials} → {to_agency}: {problem}",
                data={
                    "party": party.pk,
                    "to_agency": to_agency.pk,
                    "type": service_type,
                    "people": share_people,
                    "identity": share_identity,
                },
            )
            raise ConsentMissing({"consent": f"{problem} {hint}"})

    with transaction.atomic():
        # one referral of a victim to an agency for a service at a time: the party row is locked
        # so two officers sending the same referral at once cannot both create it
        CaseParty.objects.select_for_update().filter(pk=party.pk).first()
        if Referral.objects.filter(
            party=party,
            to_agency=to_agency,
            service_type=service_type,
            status__in=[ReferralStatus.SENT, ReferralStatus.ACCEPTED],
        ).exists():
            raise Conflict(
                _("This victim is already referred to %(agency)s for this service.")
                % {"agency": to_agency}
            )
        grant = None
        if existing is None:
            grant = case_services.case_grant_for_referral(
                actor=actor,
                case=case,
                agency=to_agency,
                person=party.person,
                share_people=share_people,
                include_identity=share_identity,
                reason=_("Referral: %(service)s") % {"service": ServiceType(service_type).label},
            )
        referral = Referral.objects.create(
            case=case,
            party=party,
            agency_id=actor.agency_id,
            recorded_by=actor,
            to_agency=to_agency,
            provider=provider,
            service_type=service_type,
            reason=reason.strip()[:300],
            share_facts=True,
            share_people=share_people,
            share_identity=share_identity,
            consent=consent,
            override_basis=override_basis,
            override_legal_basis=legal_basis,
            grant=grant,
        )
        data: dict[str, Any] = {
            "referral": referral.pk,
            "party": party.pk,
            "to_agency": to_agency.pk,
            "type": service_type,
            "people": share_people,
            "identity": share_identity,
            "grant": grant.pk if grant else None,
        }
        if override_basis:
            data.update(basis=override_basis, legal_basis=legal_basis)
            record_event(
                actor=actor,
                event_type=EventType.CONSENT_OVERRIDDEN,
                obj=case,
                summary=f"{party.person.initials} → {to_agency}: {legal_basis}",
                data=data,
            )
        else:
            data["consent"] = consent.pk if consent else None
            record_event(
                actor=actor,
                event_type=EventType.REFERRAL_SENT,
                obj=case,
                summary=f"{party.person.initials} → {to_agency}: {ServiceType(service_type).label}",
                data=data,
            )
    return referral


def _respond(actor: User, referral: Referral, target: str, from_status: str = "") -> None:
    """``from_status``: the status the client showed; if the referral has moved on since,
    :class:`Conflict` (checked before the state machine, so a stale page is told to reload)."""
    if not referrals.can_respond(actor, referral):
        raise _deny()
    if from_status and from_status != referral.status:
        raise Conflict()
    _transition(referral.status, target, REFERRAL_TRANSITIONS)


def _move(referral: Referral, old: str, new: str, **fields: Any) -> None:
    """Write the step only while the referral is still ``old`` (what the caller read); the
    second of two concurrent responses gets :class:`Conflict`."""
    transition(
        Referral.objects, referral.pk, from_states=[old], to_state=new, instance=referral, **fields
    )


def referral_accept(
    *, actor: User, referral: Referral, note: str = "", from_status: str = ""
) -> Referral:
    """The receiving agency accepts; the service enters the victim's plan, in progress."""
    _respond(actor, referral, ReferralStatus.ACCEPTED, from_status)
    now = timezone.now()
    with transaction.atomic():
        _move(
            referral,
            ReferralStatus.SENT,
            ReferralStatus.ACCEPTED,
            responded_by=actor,
            responded_at=now,
        )
        Service.objects.create(
            case=referral.case,
            party=referral.party,
            agency_id=actor.agency_id,
            recorded_by=actor,
            service_type=referral.service_type,
            provider_agency=referral.to_agency,
            status=ServiceStatus.IN_PROGRESS,
            started_at=now,
            note=note.strip()[:300],
        )
        record_event(
            actor=actor,
            event_type=EventType.REFERRAL_ACCEPTED,
            obj=referral.case,
            summary=f"{referral.to_agency}: {ServiceType(referral.service_type).label}",
            data={
                "referral": referral.pk,
                "from": ReferralStatus.SENT,
                "to": ReferralStatus.ACCEPTED,
            },
        )
    return referral


def referral_decline(
    *, actor: User, referral: Referral, reason: str, from_status: str = ""
) -> Referral:
    """The receiving agency declines with a reason; the access the referral opened is closed."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the referral is declined.")})
    _respond(actor, referral, ReferralStatus.DECLINED, from_status)
    now = timezone.now()
    with transaction.atomic():
        _move(
            referral,
            ReferralStatus.SENT,
            ReferralStatus.DECLINED,
            responded_by=actor,
            responded_at=now,
            decline_reason=reason.strip()[:300],
        )
        if referral.grant is not None and referral.grant.revoked_at is None:
            _revoke(referral.grant, actor)
        record_event(
            actor=actor,
            event_type=EventType.REFERRAL_DECLINED,
            obj=referral.case,
            summary=f"{referral.to_agency}: {reason.strip()}",
            data={
                "referral": referral.pk,
                "from": ReferralStatus.SENT,
                "to": ReferralStatus.DECLINED,
            },
        )
    return referral


def referral_complete(
    *, actor: User, referral: Referral, note: str = "", from_status: str = ""
) -> Referral:
    """The receiving agency has delivered the service it accepted."""
    _respond(actor, referral, ReferralStatus.COMPLETED, from_status)
    now = timezone.now()
    with transaction.atomic():
        _move(referral, ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED, completed_at=now)
        Service.objects.filter(
            party=referral.party,
            provider_agency=referral.to_agency,
            service_type=referral.service_type,
            status=ServiceStatus.IN_PROGRESS,
        ).update(status=ServiceStatus.DONE, completed_at=now)
        record_event(
            actor=actor,
            event_type=EventType.REFERRAL_COMPLETED,
            obj=referral.case,
            summary=_("Referral completed: %(agency)s") % {"agency": referral.to_agency},
            data={
                "referral": referral.pk,
                "from": ReferralStatus.ACCEPTED,
                "to": ReferralStatus.COMPLETED,
                "note": note[:200],
            },
        )
    return referral


def referral_police_reported(
    *, actor: User, referral: Referral, at: datetime | None = None
) -> Referral:
    """The receiving centre records when it reported the victim to the police (24-hour rule,
    PP 9/2008 Pasal 14(5))."""
    if not referrals.can_respond(actor, referral):
        raise _deny()
    if referral.status not in (ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED):
        raise IllegalTransition({"status": _("Accept the referral first.")})
    if referral.police_reported_at is not None:
        raise IllegalTransition({"status": _("The report to the police is already recorded.")})
    when = at or timezone.now()
    if when > timezone.now():
        raise ValidationError({"at": _("The date is in the future.")})
    if referral.responded_at and when < referral.responded_at:
        raise ValidationError({"at": _("The report cannot be before the victim was received.")})
    with transaction.atomic():
        transition(
            Referral.objects,
            referral.pk,
            field="police_reported_at",
            from_states=[None],
            to_state=when,
            instance=referral,
        )
        record_event(
            actor=actor,
            event_type=EventType.POLICE_REPORTED,
            obj=referral.case,
            summary=_("Reported to the police: %(agency)s") % {"agency": referral.to_agency},
            data={"referral": referral.pk, "police_reported_at": when.isoformat()},
        )
    return referral


# ---------------------------------------------------------------- return home & reintegration


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
            summary=f"{plan.party.person.initials}: {', '.join(changed) or '-'}",
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


# ---------------------------------------------------------------- restitution

# The restitution steps in the order they happen (pages, API and this module share the list).
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
        raise _deny()
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
            summary=f"{r.party.person.initials}: {RestitutionStatus(r.status).label}",
            data={
                "restitution": r.pk,
                "from": before,
                "status": r.status,
                "changed": {k: str(v) for k, v in steps.items()},
            },
        )
    return r


# ---------------------------------------------------------------- provider directory


def provider_save(
    *,
    actor: User,
    provider: Provider | None = None,
    name: str,
    kind: str,
    agency: Agency | None = None,
    services: Iterable[str] = (),
    region: Region | None = None,
    address: str = "",
    phone: str = "",
    email: str = "",
    contact_person: str = "",
    accepts_children: bool = False,
    is_active: bool | None = None,
) -> Provider:
    """Create or edit a directory entry (reference managers; an agency's admin for its own).
    ``is_active`` left out keeps an edited provider as it is (a new one is active)."""
    if not providers.can_edit(actor, provider):
        raise _deny()
    if not actor.has_action(Action.MANAGE_REFERENCE) and (
        agency is None or agency.pk != actor.agency_id
    ):
        raise ValidationError({"agency": _("You can only list providers of your own agency.")})
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = _("Give a name.")
    elif (
        Provider.objects.filter(name=name.strip())
        .exclude(pk=provider.pk if provider is not None else 0)
        .exists()
    ):
        errors["name"] = _("A provider with this name is already listed.")
    if kind not in ProviderKind.values:
        errors["kind"] = _("Unknown kind.")
    offered = _codes(services, ServiceType.values, "services")
    if errors:
        raise ValidationError(errors)
    row = provider or Provider()
    values = {
        "name": name.strip(),
        "kind": kind,
        "agency": agency,
        "services": offered,
        "region": region,
        "address": address.strip(),
        "phone": phone.strip(),
        "email": email.strip(),
        "contact_person": contact_person.strip(),
        "accepts_children": accepts_children,
        "is_active": row.is_active if is_active is None else is_active,
        "updated_by": actor,
        "updated_at": timezone.now(),
    }
    with transaction.atomic():
        for key, value in values.items():
            setattr(row, key, value)
        if provider is None:
            row.save()
        else:
            row.save(update_fields=list(values))
        record_event(
            actor=actor,
            event_type=EventType.PROVIDER_SAVED,
            obj=row,
            summary=row.name,
            data={"provider": row.pk, "services": offered},
        )
    return row


# ---------------------------------------------------------------- notifications


def notify_timers(*, now: datetime, case_ids: Iterable[int] | None = None) -> list[Notification]:
    """Write an in-app notification for each legal deadline that has come close to its end
    (*due*, see :data:`timers.NOTIFY_BEFORE`) or passed (*overdue*), addressed to the agency
    responsible for it. Idempotent: a unique row per agency, deadline and state, so running it
    again (the ``protection_notify`` cron command) adds nothing. Notifications are messages, not
    case records, so no audit event is written. Returns the rows created."""
    if case_ids is None:
        case_ids = _cases_with_protection()
    created: list[Notification] = []
    for timer in timers_for_cases(case_ids):
        if timer.agency_id is None:
            continue
        state = timer.state(now)
        if state == TimerState.DUE and timer.remaining(now) > NOTIFY_BEFORE[timer.kind]:
            continue
        if state not in (TimerState.DUE, TimerState.OVERDUE):
            continue
        with transaction.atomic():
            row, was_created = Notification.objects.get_or_create(
                agency_id=timer.agency_id,
                timer_kind=timer.kind.value,
                source_id=timer.source_id,
                state=state.value,
                defaults={
                    "case_id": timer.case_id,
                    "party_id": timer.party_id,
                    "due_at": timer.due_at,
                    "created_at": now,
                },
            )
        if was_created:
            created.append(row)
    return created


def _cases_with_protection() -> list[int]:
    ids: set[int] = set()
    for model in (Referral, Service, Assessment, Restitution, ReturnPlan):
        ids.update(model.objects.values_list("case_id", flat=True).distinct())
    return sorted(ids)


def notification_read(*, actor: User, notification: Notification) -> Notification:
    """Mark a notification of the actor's agency as read (for the whole agency)."""
    if not (
        actor.agency_id
        and notification.agency_id == actor.agency_id
        and any(actor.has_action(a) for a in WORK_ACTIONS)
    ):
        raise _deny()
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=timezone.now(), read_by=actor
        )
        notification.refresh_from_db(fields=["read_at", "read_by"])
    return notification
