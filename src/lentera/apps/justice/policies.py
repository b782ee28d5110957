"""Who may see and record proceedings.

* **See**: whoever may see the case (:data:`lentera.apps.cases.policies.cases`), plus the users of
  the investigating police and of the prosecution office named on the proceeding (they handle it
  even when another agency leads the case file).
* **Record** (``MANAGE_PROCEEDINGS``): users of the case's lead agency, of the investigating police
  and of the prosecution office (prosecutors record P-18/P-19/P-21 and what follows).
* **Statistics** (``VIEW_STATISTICS``): proceedings of cases in the user's region (all for national
  roles); figures only, never names.
* The complicity flag on a suspect shows only to users holding ``VIEW_COMPLICITY``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action, Scope
from lentera.apps.accounts.policies import Policy, is_user, region_q
from lentera.apps.cases.policies import cases
from lentera.apps.justice.models import Proceeding


def _handling(user: User) -> Q | None:
    if not user.agency_id:
        return None
    return Q(police_agency_id=user.agency_id) | Q(prosecution_agency_id=user.agency_id)


class ProceedingPolicy(Policy[Proceeding]):
    model = Proceeding

    def scope_filter(self, user: User, action: Action, scope: Scope) -> Q | None:
        handling = _handling(user)
        if action == Action.MANAGE_PROCEEDINGS:
            if handling is None:
                return None
            return handling | Q(case__lead_agency_id=user.agency_id)
        if action == Action.VIEW_STATISTICS:
            if scope == Scope.NATIONAL or (user.region is None and scope != Scope.AGENCY):
                return Q()
            if scope == Scope.REGION:
                return region_q("case__region", user)
            return handling
        if action in (Action.VIEW_CASE, Action.VIEW_COMPLICITY):
            visible_cases = Q(case__in=cases.visible(user, Action.VIEW_CASE).values("pk"))
            return visible_cases | handling if handling is not None else visible_cases
        return None

    def can_see_complicity(self, user: Any) -> bool:
        return is_user(user) and bool(user.has_action(Action.VIEW_COMPLICITY))


proceedings = ProceedingPolicy()
