"""Guards and errors shared by the protection services."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.cases import services as case_services
from lentera.apps.cases.models import Case, CaseGrant, CaseParty
from lentera.apps.cases.vocab import PartyRole
from lentera.apps.protection.models import Consent
from lentera.apps.protection.policies import can_act


class IllegalTransition(ValidationError):
    """A status change the state machine does not allow."""


class ConsentMissing(ValidationError):
    """A referral refused because no consent covers it (the refusal itself is audited)."""


def _require(actor: User, action: Action, case: Case, party: CaseParty) -> None:
    if not can_act(actor, action, case, party):
        raise deny()


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


def _revoke(grant: CaseGrant, actor: User) -> None:
    """Close the access a referral opened (through the case service, which audits it)."""
    case_services.case_grant_for_referral(
        actor=actor, case=grant.case, agency=grant.agency, revoke=grant
    )
