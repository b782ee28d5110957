"""Who may see and record proceedings.

* **See**: whoever holds the case's *proceedings* section (the lead agency, an agency whose grant
  shares the whole file, region-wide roles of the case's region), plus the users of the
  investigating police and of the prosecution office named on the proceeding (they handle it
  even when another agency leads the case file). A shelter holding a victim's referral does not
  read the police and prosecution record.
* **Open** a proceeding: users with ``MANAGE_PROCEEDINGS`` of an agency holding the case's
  proceedings section: the lead, a co-handling agency, or the police unit the case was shared
  with through a *proceedings* grant (``cases.policies``); the opener's police unit investigates.
* **Record** (``MANAGE_PROCEEDINGS``): users of the case's lead agency, of the investigating police
  and of the prosecution office (prosecutors record P-18/P-19/P-21 and what follows).
* **Statistics** (``VIEW_STATISTICS``): proceedings of cases in the user's region (all for national
  roles); figures only, never names.
* The complicity flag on a suspect shows only to users holding ``VIEW_COMPLICITY``.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action, Scope
from lentera.apps.accounts.policies import Policy, Requester, is_user, region_q
from lentera.apps.cases.models import Case
from lentera.apps.cases.policies import cases, section_q
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
            visible_cases = cases.visible(user, Action.VIEW_CASE)
            held = section_q(user, "proceedings")
            # correlated EXISTS on the proceeding's case (``case IN (visible cases)`` re-scanned
            # the visible cases for every proceeding at a million cases)
            mine = visible_cases.filter(pk=OuterRef("case_id"))
            if scope == Scope.NATIONAL:
                reach = Q(Exists(mine))
            elif scope == Scope.REGION:
                reach = Q(Exists(mine.filter(region_q("region", user))))
                if held is not None:
                    reach |= Q(Exists(mine.filter(held)))
            elif held is not None:
                reach = Q(Exists(mine.filter(held)))
            else:
                return handling
            return reach | handling if handling is not None else reach
        return None

    def can_read_notes(self, user: Requester, proceeding: Proceeding) -> bool:
        """The prosecutor's instructions and the stage notes are free text that may name
        victims and witnesses: only the agencies handling the proceeding or holding the case's
        proceedings section by lead or grant read them, never region-wide readers."""
        if not is_user(user) or not user.agency_id:
            return False
        if user.agency_id in (proceeding.police_agency_id, proceeding.prosecution_agency_id):
            return True
        held = section_q(user, "proceedings")
        return held is not None and Case.objects.filter(held, pk=proceeding.case_id).exists()

    def can_see_complicity(self, user: Requester) -> bool:
        return is_user(user) and bool(user.has_action(Action.VIEW_COMPLICITY))


proceedings = ProceedingPolicy()
