"""Who may see a person record, and who may see the identity behind it.

* ``VIEW_PERSON``: the registering agency's users holding it; region-scoped roles (analyst,
  secretariat) for records in their region, pseudonymised only.
* ``VIEW_IDENTITY``: users of the registering agency whose role holds ``VIEW_IDENTITY``; and for a
  person who is a party to a case, users of the case's lead agency and of agencies holding an
  active grant on that case that includes identities (and covers people). Region-wide roles never
  see identities (need to know).
* A person who is a party to a case is also visible (pseudonymised) to whoever may read the
  people of that case: a grant covering people, or region-wide roles through the case's region.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import Q

from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action, Scope
from lentera.apps.accounts.policies import Policy, is_user, region_q
from lentera.apps.people.models import Person


class PersonPolicy(Policy[Person]):
    model = Person

    def scope_filter(self, user: User, action: Action, scope: Scope) -> Q | None:
        if not user.agency_id:
            return Q() if scope == Scope.NATIONAL and action != Action.VIEW_IDENTITY else None
        agency = user.agency_id
        own = Q(owner_agency_id=agency)
        parties = apps.get_model("cases", "CaseParty").objects
        lead = Q(pk__in=parties.filter(case__lead_agency_id=agency).values("person_id"))
        grants = {
            "case__grants__agency_id": agency,
            "case__grants__revoked_at__isnull": True,
            "case__grants__scope__in": ["people", "full"],
        }
        granted = Q(pk__in=parties.filter(**grants).values("person_id"))
        if action == Action.VIEW_IDENTITY:
            # identity stays with the handling agencies, whatever the scope
            with_identity = parties.filter(**grants, case__grants__include_identity=True)
            return own | lead | Q(pk__in=with_identity.values("person_id"))
        if scope == Scope.AGENCY:
            return own | lead | granted
        if scope == Scope.REGION:
            in_region = parties.filter(region_q("case__region", user)).values("person_id")
            wide = (
                region_q("region", user)
                | region_q("owner_agency__region", user)
                | Q(pk__in=in_region)
            )
            return wide | own | lead | granted
        return Q()

    def can_see_identity(self, user: Any, person: Person) -> bool:
        return is_user(user) and self.can(user, Action.VIEW_IDENTITY, person)


people = PersonPolicy()
