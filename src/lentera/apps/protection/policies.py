"""Who may see and do what in victim protection.

Protection rows hang on a case, so they follow the case policy:

* **reading** a victim's protection file needs the case's *people* section
  (:func:`can_read`): the lead agency, or an agency whose grant covers people;
* **acting** (refer, record services, consent, return, restitution) needs the action and a
  working relation with the case (:func:`can_act`): the lead agency, or an agency holding an
  active grant that covers people (for example a shelter that accepted a referral);
* **referrals** are visible to the sending and the receiving agency and to the case's lead agency
  (:data:`referrals`); only the receiving agency accepts, declines or completes one.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action, Scope
from lentera.apps.accounts.policies import Policy, Requester, is_user, region_q
from lentera.apps.cases.models import Case, CaseGrant, CaseParty
from lentera.apps.cases.policies import cases
from lentera.apps.people.policies import people
from lentera.apps.protection.models import Provider, Referral

WORK_ACTIONS = frozenset({Action.REFER, Action.PROVIDE_SERVICE})


def can_read(user: Requester, case: Case, party: CaseParty | None = None) -> bool:
    """The user reads the case's people section (and, with ``party``, reaches that person: a
    referral's victim grant reaches only the referred victim)."""
    access = cases.access(user, case)
    if party is None:
        return "people" in access.sections
    return access.covers(party.person_id)


def works_on(user: Requester, case: Case) -> bool:
    """The user's agency leads the case or holds an active grant on it."""
    if not is_user(user) or not user.agency_id:
        return False
    if case.lead_agency_id == user.agency_id:
        return True
    return CaseGrant.objects.filter(
        case=case, agency_id=user.agency_id, revoked_at__isnull=True
    ).exists()


def can_act(user: Requester, action: Action, case: Case, party: CaseParty | None = None) -> bool:
    """``action`` on the case's victims, or with ``party`` on that victim only."""
    return (
        is_user(user)
        and user.has_action(action)
        and works_on(user, case)
        and can_read(user, case, party)
    )


def sees_identity(user: Requester, party: CaseParty) -> bool:
    """Whether the user holds the victim's identity (the person policy's rule). Relatives'
    names, addresses and free-text notes about a victim identify the victim: they show only
    then."""
    return people.can_see_identity(user, party.person)


class ReferralPolicy(Policy[Referral]):
    model = Referral

    def scope_filter(self, user: User, action: Action, scope: Scope) -> Q | None:
        if not user.agency_id:
            return Q() if scope == Scope.NATIONAL and action == Action.VIEW_CASE else None
        own = (
            Q(agency_id=user.agency_id)
            | Q(to_agency_id=user.agency_id)
            | Q(case__lead_agency_id=user.agency_id)
        )
        if action == Action.VIEW_CASE and scope == Scope.REGION:
            return own | region_q("case__region", user)
        if action == Action.VIEW_CASE and scope == Scope.NATIONAL:
            return Q()
        return own

    def can_respond(self, user: Requester, referral: Referral) -> bool:
        """Only the receiving agency's case workers accept, decline or complete."""
        return (
            is_user(user)
            and bool(user.agency_id)
            and referral.to_agency_id == user.agency_id
            and any(user.has_action(a) for a in WORK_ACTIONS)
        )


class ProviderPolicy(Policy[Provider]):
    """Every signed-in user reads the directory (to refer); reference managers edit every
    entry, an agency's own administrator the entries of their agency."""

    model = Provider

    def visible(self, user: Requester, action: Action) -> Any:
        qs = Provider.objects.all()
        if not is_user(user):
            return qs.none()
        if action == Action.VIEW_DASHBOARD:
            return qs if user.has_action(action) else qs.none()
        if user.has_action(Action.MANAGE_REFERENCE):
            return qs
        if user.has_action(Action.MANAGE_USERS) and user.agency_id:
            return qs.filter(agency_id=user.agency_id)
        return qs.none()

    def can_edit(self, user: Requester, provider: Provider | None = None) -> bool:
        if not is_user(user):
            return False
        if user.has_action(Action.MANAGE_REFERENCE):
            return True
        if not (user.has_action(Action.MANAGE_USERS) and user.agency_id):
            return False
        return provider is None or provider.agency_id == user.agency_id


referrals = ReferralPolicy()
providers = ProviderPolicy()
