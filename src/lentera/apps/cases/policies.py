"""Who may see and change a case file, and which parts of it.

* The **lead agency** (users whose role holds the action, agency scope) sees and edits all of it.
* An agency holding an **active grant** sees what the grant covers (facts and journey; plus people;
  or the whole file, proceedings included) and the narrative and notes only when the grant
  includes identities. A **victim grant** (opened by a referral) covers facts, journey and that
  one person. Grantees do not edit, except:
* a **co-handling agency** (an active whole-file grant marked co-handling) edits the file like
  the lead; only the lead shares it and hands it over to another lead agency;
* a **proceedings grant** lets another agency's police and prosecutors open and record
  proceedings on the case: it shows facts, journey, qualifications and proceedings, never the
  parties' identities.
* **Region-wide roles** (secretariat, analyst) read facts, journey, people and proceedings of
  cases in their region, pseudonymised.
* Everyone else gets "not found".

Whose *identity* a reader sees is decided per person by
:data:`lentera.apps.people.policies.people`, never by the case: leading a case gives no right to
the identity of a person someone else registered.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action, Scope
from lentera.apps.accounts.policies import Policy, Requester, is_user, region_q
from lentera.apps.cases.models import Case, CaseGrant, QualificationSnapshot
from lentera.apps.cases.vocab import GrantScope

ALL_SECTIONS = frozenset(
    {
        "facts",
        "journey",
        "people",
        "documents",
        "notes",
        "timeline",
        "qualifications",
        "proceedings",
        "sharing",
    }
)
GRANT_SECTIONS = {
    GrantScope.FULL: ALL_SECTIONS - {"sharing"},
    GrantScope.PEOPLE: frozenset({"facts", "journey", "people"}),
    GrantScope.FACTS: frozenset({"facts", "journey"}),
    # police and prosecution of another agency: their record, never the parties' identities
    GrantScope.PROCEEDINGS: frozenset({"facts", "journey", "qualifications", "proceedings"}),
}
REGION_SECTIONS = frozenset({"facts", "journey", "people", "proceedings"})
READ_ACTIONS = {Action.VIEW_CASE, Action.VIEW_COMPLICITY}
NO_PERSONS: frozenset[int] = frozenset()


@dataclass(frozen=True)
class CaseAccess:
    """What one reader may read of one case.

    ``person_ids`` is None when every party is in reach, otherwise the people of the reader's
    victim grants. ``narrative`` says whether the narrative and notes (which name people) show.
    """

    sections: frozenset[str]
    person_ids: frozenset[int] | None
    narrative: bool

    def covers(self, person_id: int) -> bool:
        return "people" in self.sections and (
            self.person_ids is None or person_id in self.person_ids
        )


NO_ACCESS = CaseAccess(frozenset(), NO_PERSONS, False)


def live_grant_q(**filters: object) -> Q:
    """Cases with an unrevoked grant matching ``filters``, as a correlated ``EXISTS`` (served by
    the partial index on live grants): an ``IN (subquery)`` OR'd with the lead agency made
    PostgreSQL re-scan every granted case for each row at a million cases."""
    live = CaseGrant.objects.filter(case_id=OuterRef("pk"), revoked_at__isnull=True, **filters)
    return Q(Exists(live))


def active_grant_q(user: User) -> Q:
    return live_grant_q(agency_id=user.agency_id or 0)


def section_q(user: User, section: str) -> Q | None:
    """Cases on which the user's agency holds ``section`` (lead or active grant); None: none."""
    if not user.agency_id:
        return None
    scopes = [scope for scope, sections in GRANT_SECTIONS.items() if section in sections]
    return Q(lead_agency_id=user.agency_id) | live_grant_q(
        agency_id=user.agency_id, scope__in=scopes
    )


def co_handling_q(user: User) -> Q:
    """Cases on which the user's agency is a co-handling agency (an active co-handling grant)."""
    return live_grant_q(agency_id=user.agency_id or 0, co_handling=True)


def proceedings_grant_q(user: User) -> Q:
    """Cases shared with the user's agency through a proceedings grant: it opens proceedings."""
    granted = CaseGrant.objects.filter(
        agency_id=user.agency_id or 0, revoked_at__isnull=True, scope=GrantScope.PROCEEDINGS
    )
    return Q(pk__in=granted.values("case_id"))


class CasePolicy(Policy[Case]):
    model = Case

    def scope_filter(self, user: User, action: Action, scope: Scope) -> Q | None:
        own = Q(lead_agency_id=user.agency_id) if user.agency_id else None
        if action not in READ_ACTIONS:
            # changes belong to the lead agency and its co-handling agencies; sharing and handing
            # over to the lead alone; proceedings also to the agencies of a proceedings grant (a
            # whole-file grant without co-handling only reads them)
            if own is None or action == Action.SHARE_CASE:
                return own
            if action == Action.MANAGE_PROCEEDINGS:
                return own | co_handling_q(user) | proceedings_grant_q(user)
            return own | co_handling_q(user)
        granted = active_grant_q(user) if user.agency_id else None
        if scope == Scope.AGENCY:
            return own | granted if own is not None and granted is not None else None
        if scope == Scope.REGION:
            wide = region_q("region", user)
            return wide | own | granted if own is not None and granted is not None else wide
        return Q()

    def grants_for(self, user: User, case: Case) -> list[CaseGrant]:
        if not user.agency_id:
            return []
        return list(case.grants.filter(agency_id=user.agency_id, revoked_at__isnull=True))

    def grant_for(self, user: User, case: Case) -> CaseGrant | None:
        """The agency's whole-case grant (not a victim grant)."""
        return next((g for g in self.grants_for(user, case) if g.person_id is None), None)

    def access(self, user: Requester, case: Case) -> CaseAccess:
        """The parts of ``case`` the user may read (no sections when the case is not visible)."""
        if not is_user(user) or not user.has_action(Action.VIEW_CASE):
            return NO_ACCESS
        if user.agency_id and case.lead_agency_id == user.agency_id:
            return CaseAccess(ALL_SECTIONS, None, True)
        sections: set[str] = set()
        persons: set[int] = set()
        whole_people = narrative = False
        for grant in self.grants_for(user, case):
            covered = GRANT_SECTIONS[GrantScope(grant.scope)]
            sections |= covered
            if grant.person_id is not None:
                persons.add(grant.person_id)
                continue
            whole_people = whole_people or "people" in covered
            narrative = narrative or (grant.include_identity and "people" in covered)
        if sections:
            return CaseAccess(
                frozenset(sections), None if whole_people else frozenset(persons), narrative
            )
        if user.scope_for(Action.VIEW_CASE) in (Scope.REGION, Scope.NATIONAL) and self.can(
            user, Action.VIEW_CASE, case
        ):
            return CaseAccess(REGION_SECTIONS, None, False)
        return NO_ACCESS

    def sections(self, user: Requester, case: Case) -> frozenset[str]:
        return self.access(user, case).sections

    def can_see_identity(self, user: Requester, case: Case) -> bool:
        """The narrative and the notes (not the parties' identities: see the person policy)."""
        if not is_user(user) or not user.has_action(Action.VIEW_IDENTITY):
            return False
        return self.access(user, case).narrative


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
