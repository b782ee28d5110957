"""The victim's consent to share, and its withdrawal."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.cases.models import CaseParty
from lentera.apps.protection.models import (
    Consent,
    Referral,
)
from lentera.apps.protection.services._common import _require, _revoke, _victim, is_child
from lentera.apps.protection.vocab import (
    ConsentGiver,
    ReferralStatus,
)


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
