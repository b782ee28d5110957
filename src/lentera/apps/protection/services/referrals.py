"""Referrals between agencies: sending (consent or recorded override), responses, police report."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lentera.apps.accounts import wording
from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import Conflict, transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.cases import services as case_services
from lentera.apps.cases.models import CaseGrant, CaseParty
from lentera.apps.cases.vocab import GrantScope
from lentera.apps.protection.models import (
    Consent,
    Provider,
    Referral,
    Service,
)
from lentera.apps.protection.policies import referrals
from lentera.apps.protection.services._common import (
    ConsentMissing,
    IllegalTransition,
    _covers,
    _require,
    _revoke,
    _transition,
    _victim,
    is_child,
)
from lentera.apps.protection.vocab import (
    CHILD_OVERRIDE_BASIS,
    REFERRAL_TRANSITIONS,
    OverrideBasis,
    ReferralStatus,
    ServiceStatus,
    ServiceType,
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
                summary=[
                    f"{party.person.initials} → {to_agency}: ",
                    wording.label(ServiceType, service_type),
                ],
                data=data,
            )
    return referral


def _respond(actor: User, referral: Referral, target: str, from_status: str = "") -> None:
    """``from_status``: the status the client showed; if the referral has moved on since,
    :class:`Conflict` (checked before the state machine, so a stale page is told to reload)."""
    if not referrals.can_respond(actor, referral):
        raise deny()
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
            summary=[f"{referral.to_agency}: ", wording.label(ServiceType, referral.service_type)],
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
            summary=[
                wording.text(
                    gettext_noop("Referral completed: %(agency)s"), agency=str(referral.to_agency)
                )
            ],
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
        raise deny()
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
            summary=[
                wording.text(
                    gettext_noop("Reported to the police: %(agency)s"),
                    agency=str(referral.to_agency),
                )
            ],
            data={"referral": referral.pk, "police_reported_at": when.isoformat()},
        )
    return referral
