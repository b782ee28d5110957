"""Who may see and change a case file, and which parts of it.

* The **lead agency** (users whose role holds the action, agency scope) sees and edits all of it.
* An agency holding an **active grant** sees what the grant covers (facts and journey; plus people;
  or the whole file) and identities only when the grant includes them. Grantees never edit.
* **Region-wide roles** (secretariat, analyst) read facts, journey and people of cases in their
  region, pseudonymised.
* Everyone else gets "not found".
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action, Scope
from lentera.apps.accounts.policies import Policy, is_user, region_q
from lentera.apps.cases.models import Case, CaseGrant, QualificationSnapshot
from lentera.apps.cases.vocab import GrantScope

ALL_SECTIONS = frozenset(
    {"facts", "journey", "people", "documents", "notes", "timeline", "qualifications", "sharing"}
)
GRANT_SECTIONS = {
    GrantScope.FULL: ALL_SECTIONS - {"sharing"},
    GrantScope.PEOPLE: frozenset({"facts", "journey", "people"}),
    GrantScope.FACTS: frozenset({"facts", "journey"}),
}
REGION_SECTIONS = frozenset({"facts", "journey", "people"})
READ_ACTIONS = {Action.VIEW_CASE, Action.VIEW_COMPLICITY}


def active_grant_q(user: User) -> Q:
    granted = CaseGrant.objects.filter(agency_id=user.agency_id or 0, revoked_at__isnull=True)
    return Q(pk__in=granted.values("case_id"))


class CasePolicy(Policy[Case]):
    model = Case

    def scope_filter(self, user: User, action: Action, scope: Scope) -> Q | None:
        own = Q(lead_agency_id=user.agency_id) if user.agency_id else None
        if action not in READ_ACTIONS:
            return own  # every change belongs to the lead agency
        granted = active_grant_q(user) if user.agency_id else None
        if scope == Scope.AGENCY:
            return own | granted if own is not None and granted is not None else None
        if scope == Scope.REGION:
            wide = region_q("region", user)
            return wide | own | granted if own is not None and granted is not None else wide
        return Q()

    def grant_for(self, user: User, case: Case) -> Any:
        if not user.agency_id:
            return None
        return case.grants.filter(agency_id=user.agency_id, revoked_at__isnull=True).first()

    def sections(self, user: Any, case: Case) -> frozenset[str]:
        """The parts of ``case`` the user may read (empty when the case is not visible)."""
        if not is_user(user) or not user.has_action(Action.VIEW_CASE):
            return frozenset()
        if user.agency_id and case.lead_agency_id == user.agency_id:
            return ALL_SECTIONS
        grant = self.grant_for(user, case)
        if grant is not None:
            return GRANT_SECTIONS[GrantScope(grant.scope)]
        if user.scope_for(Action.VIEW_CASE) in (Scope.REGION, Scope.NATIONAL) and self.can(
            user, Action.VIEW_CASE, case
        ):
            return REGION_SECTIONS
        return frozenset()

    def can_see_identity(self, user: Any, case: Case) -> bool:
        if not is_user(user) or not user.has_action(Action.VIEW_IDENTITY):
            return False
        if user.agency_id and case.lead_agency_id == user.agency_id:
            return True
        grant = self.grant_for(user, case)
        return bool(grant and grant.include_identity and grant.scope != GrantScope.FACTS)


class QualificationSnapshotPolicy(Policy[QualificationSnapshot]):
    """Standalone runs: the officer and their agency. Runs on a case follow the case."""

    model = QualificationSnapshot

    def scope_filter(self, user: User, action: Action, scope: Scope) -> Q | None:
        if action != Action.QUALIFY:
            return None
        own = Q(actor_id=user.pk)
        return own | Q(agency_id=user.agency_id) if user.agency_id else own


cases = CasePolicy()
snapshots = QualificationSnapshotPolicy()
