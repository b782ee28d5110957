"""Sharing a case with another agency: grants, their revocation, and the victim grants that referrals open."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import Conflict, transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.cases.models import (
    Case,
    CaseGrant,
)
from lentera.apps.cases.policies import cases
from lentera.apps.cases.vocab import (
    GrantScope,
)
from lentera.apps.people.models import Person


def case_share(
    *,
    actor: User,
    case: Case,
    agency: Agency,
    scope: str,
    include_identity: bool,
    reason: str,
    co_handling: bool = False,
) -> CaseGrant:
    """The lead agency shares the case with another agency: part of it, the proceedings (the
    police or prosecution of another agency then open and record proceedings on this case, with
    no identities), or the whole file, optionally as a co-handling agency that edits it too."""
    if not cases.can(actor, Action.SHARE_CASE, case):
        raise deny()
    errors: dict[str, str] = {}
    if agency.pk == case.lead_agency_id:
        errors["agency"] = _("The lead agency already has the whole file.")
    elif not agency.is_active:
        errors["agency"] = _("This agency is no longer active.")
    if scope not in GrantScope.values:
        errors["scope"] = _("Unknown scope.")
    if include_identity and scope in (GrantScope.FACTS, GrantScope.PROCEEDINGS):
        errors["include_identity"] = _("Identities can only be shared with the people section.")
    if co_handling and scope != GrantScope.FULL:
        errors["co_handling"] = _("A co-handling agency receives the whole file.")
    if not reason.strip():
        errors["reason"] = _("Say why the agency needs the file.")
    if errors:
        raise ValidationError(errors)
    return _grant_write(
        actor=actor,
        case=case,
        agency=agency,
        scope=scope,
        include_identity=include_identity,
        reason=reason,
        co_handling=co_handling,
    )


def _grant_write(
    *,
    actor: User,
    case: Case,
    agency: Agency,
    scope: str,
    include_identity: bool,
    reason: str,
    person: Person | None = None,
    co_handling: bool = False,
) -> CaseGrant:
    """Write one grant and its CASE_SHARED event together; a second live grant for the same
    agency (and person) is a clear error, not a database failure. A grant with ``person`` is a
    referral's victim grant."""
    data: dict[str, Any] = {"agency": agency.pk, "scope": scope, "identity": include_identity}
    if person is not None:
        data.update(referral=True, person=person.pk)
    if co_handling:
        data["co_handling"] = True
    try:
        with transaction.atomic():
            grant = CaseGrant.objects.create(
                case=case,
                agency=agency,
                scope=scope,
                include_identity=include_identity,
                co_handling=co_handling,
                person=person,
                reason=reason.strip()[:300],
                granted_by=actor,
                granted_at=timezone.now(),
            )
            record_event(
                actor=actor,
                event_type=EventType.CASE_SHARED,
                obj=case,
                summary=str(agency),
                data={"grant": grant.pk, **data},
            )
    except IntegrityError as exc:
        raise ValidationError(
            {"agency": _("This agency already has access; revoke it first to change it.")}
        ) from exc
    return grant


def case_hand_over(
    *, actor: User, case: Case, agency: Agency, reason: str, keep_access: bool = True
) -> Case:
    """The lead agency hands the case over: ``agency`` becomes the lead. With ``keep_access`` the
    former lead stays on the case as a co-handling agency (a whole-file grant, without
    identities: it keeps those of the people it registered, as their holder). A whole-file grant
    the new lead held is closed, since the lead has the whole file. One audit event on the case
    says who handed it to whom and why; the grants written with it have their own."""
    if not cases.can(actor, Action.SHARE_CASE, case):
        raise deny()
    errors: dict[str, str] = {}
    if agency.pk == case.lead_agency_id:
        errors["agency"] = _("This agency already leads the case.")
    elif not agency.is_active:
        errors["agency"] = _("This agency is no longer active.")
    reason = " ".join(reason.split())
    if not reason:
        errors["reason"] = _("Say why the case is handed over.")
    if errors:
        raise ValidationError(errors)
    former = case.lead_agency
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.lead_agency_id != former.pk:  # another hand-over was faster
            raise Conflict()
        now = timezone.now()
        for grant in CaseGrant.objects.filter(
            case=case, agency=agency, person__isnull=True, revoked_at__isnull=True
        ):
            CaseGrant.objects.filter(pk=grant.pk).update(revoked_at=now, revoked_by=actor)
            record_event(
                actor=actor,
                event_type=EventType.CASE_SHARE_REVOKED,
                obj=case,
                summary=str(agency),
                data={"grant": grant.pk, "handover": True},
            )
        Case.objects.filter(pk=case.pk).update(
            lead_agency=agency, updated_at=now, version=locked.version + 1
        )
        case.lead_agency, case.updated_at, case.version = agency, now, locked.version + 1
        record_event(
            actor=actor,
            event_type=EventType.CASE_HANDED_OVER,
            obj=case,
            summary=f"{former} → {agency}",
            data={
                "from_agency": former.pk,
                "to_agency": agency.pk,
                "reason": reason[:300],
                "kept_access": keep_access,
            },
        )
        if keep_access:
            grant = CaseGrant.objects.create(
                case=case,
                agency=former,
                scope=GrantScope.FULL,
                include_identity=False,
                co_handling=True,
                reason=reason[:300],
                granted_by=actor,
                granted_at=now,
            )
            record_event(
                actor=actor,
                event_type=EventType.CASE_SHARED,
                obj=case,
                summary=str(former),
                data={
                    "grant": grant.pk,
                    "agency": former.pk,
                    "scope": GrantScope.FULL,
                    "identity": False,
                    "co_handling": True,
                    "handover": True,
                },
            )
    return case


def case_share_revoke(*, actor: User, grant: CaseGrant) -> CaseGrant:
    if not cases.can(actor, Action.SHARE_CASE, grant.case):
        raise deny()
    if grant.revoked_at is not None:
        return grant
    with transaction.atomic():
        transition(
            CaseGrant.objects,
            grant.pk,
            field="revoked_at",
            from_states=[None],
            to_state=timezone.now(),
            instance=grant,
            revoked_by=actor,
        )
        record_event(
            actor=actor,
            event_type=EventType.CASE_SHARE_REVOKED,
            obj=grant.case,
            summary=str(grant.agency),
            data={"grant": grant.pk},
        )
    return grant


def case_grant_for_referral(
    *,
    actor: User,
    case: Case,
    agency: Agency,
    person: Person | None = None,
    share_people: bool = False,
    include_identity: bool = False,
    reason: str = "",
    revoke: CaseGrant | None = None,
) -> CaseGrant:
    """Open (or, with ``revoke``, close) the victim grant a referral gives the receiving agency:
    the facts, the journey and ``person`` (with the identity when ``include_identity``), never
    the other parties. Called by the protection services, which have already checked the consent
    or the recorded override; this function owns the grant row and its audit event.

    Opening: the actor's agency works on the case (leads it or holds an active grant reaching
    the person) and may not pass on more than it holds itself. Closing: the actor belongs to the
    receiving agency (it declines) or to an agency working on the case (the victim withdrew
    consent).
    """
    if not (actor.has_action(Action.REFER) or actor.has_action(Action.PROVIDE_SERVICE)):
        raise deny()
    held = cases.grants_for(actor, case)
    leads = bool(actor.agency_id) and case.lead_agency_id == actor.agency_id
    now = timezone.now()
    if revoke is not None:
        if revoke.case_id != case.pk or revoke.agency_id != agency.pk:
            raise ValidationError({"grant": _("This access belongs to another case or agency.")})
        if not (leads or held or actor.agency_id == revoke.agency_id):
            raise deny()
        if revoke.revoked_at is not None:
            return revoke
        with transaction.atomic():
            # conditional: of two revocations at once only one writes and audits
            closed = CaseGrant.objects.filter(pk=revoke.pk, revoked_at__isnull=True).update(
                revoked_at=now, revoked_by=actor
            )
            if not closed:
                revoke.refresh_from_db()
                return revoke
            revoke.revoked_at, revoke.revoked_by = now, actor
            record_event(
                actor=actor,
                event_type=EventType.CASE_SHARE_REVOKED,
                obj=case,
                summary=str(agency),
                data={"grant": revoke.pk, "referral": True},
            )
        return revoke
    own = [g for g in held if person is None or g.person_id in (None, person.pk)]
    if not actor.has_action(Action.REFER) or not (leads or own):
        raise deny()
    errors: dict[str, str] = {}
    if agency.pk == case.lead_agency_id:
        errors["agency"] = _("The lead agency already has the whole file.")
    if include_identity and not share_people:
        errors["include_identity"] = _("Identities can only be shared with the people section.")
    if not leads:
        wide_enough = any(
            (not share_people or g.scope != GrantScope.FACTS)
            and (not include_identity or g.include_identity)
            for g in own
        )
        if not wide_enough:
            errors["agency"] = _("You cannot share more of the case than your agency holds.")
    if person is None:
        errors["person"] = _("A referral concerns one person.")
    elif not case.parties.filter(person=person).exists():
        errors["person"] = _("This person is not a party to the case.")
    if not reason.strip():
        errors["reason"] = _("Say why the agency needs the file.")
    if errors:
        raise ValidationError(errors)
    return _grant_write(
        actor=actor,
        case=case,
        agency=agency,
        scope=GrantScope.PEOPLE if share_people else GrantScope.FACTS,
        include_identity=include_identity,
        reason=reason,
        person=person,
    )
