"""Who may see and do what in task-force coordination.

* **Meetings** (agenda, attendance, minutes, decisions): the secretariat (``MANAGE_MEETINGS``)
  schedules and records them, the chair (``APPROVE_MINUTES``, the leader role) approves the
  minutes; both reach the task force of their agency's own region (national roles: all); a
  province's task force sees its cities' issued reports as aggregates only.
* **Action items**: the owning agency's users see and close their agency's items (any role: the
  officer named on an item may be anyone of the agency); the secretariat sees every item of the
  task forces in its reach and may close or cancel them too.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from lentera.apps.accounts.models import TaskForce, User
from lentera.apps.accounts.permissions import Action, Scope
from lentera.apps.accounts.policies import Policy, Requester, is_user
from lentera.apps.coordination.models import ActionItem, Meeting

MEETING_ACTIONS = (Action.MANAGE_MEETINGS, Action.APPROVE_MINUTES)


def _task_force_q(user: User, scope: Scope, region: str) -> Q | None:
    """Rows whose task force's region (``region``, a path to a Region) is the user's agency's
    region: a city's secretariat works for the city's task force, a province's for the
    province's (which sees its cities' reports rolled up as aggregates only, never their
    meetings)."""
    if scope == Scope.NATIONAL:
        return Q()
    if scope == Scope.REGION and user.region is not None:
        return Q(**{f"{region}__code": user.region.code})
    return None


class MeetingPolicy(Policy[Meeting]):
    model = Meeting

    def scope_filter(self, user: User, action: Action, scope: Scope) -> Q | None:
        if action not in MEETING_ACTIONS:
            return None
        return _task_force_q(user, scope, "task_force__region")

    def task_forces(self, user: Requester, action: Action) -> QuerySet[TaskForce]:
        """The task forces whose meetings the user may schedule (or approve)."""
        if not is_user(user):
            return TaskForce.objects.none()
        scope = user.scope_for(action)
        condition = None if scope is None else _task_force_q(user, scope, "region")
        if condition is None:
            return TaskForce.objects.none()
        return TaskForce.objects.filter(condition)

    def can_see(self, user: Requester, meeting: Meeting) -> bool:
        return any(self.can(user, a, meeting) for a in MEETING_ACTIONS)


class ActionItemPolicy(Policy[ActionItem]):
    model = ActionItem

    def visible(self, user: Requester, action: Action) -> QuerySet[ActionItem]:
        qs = ActionItem.objects.all()
        if not is_user(user):
            return qs.none()
        condition: Q | None = None
        if action == Action.VIEW_DASHBOARD and user.agency_id and user.has_action(action):
            condition = Q(agency_id=user.agency_id)
        scope = user.scope_for(Action.MANAGE_MEETINGS)
        if action in (Action.VIEW_DASHBOARD, Action.MANAGE_MEETINGS) and scope is not None:
            wide = _task_force_q(user, scope, "decision__meeting__task_force__region")
            if wide is not None:
                condition = wide if condition is None else condition | wide
        return qs.none() if condition is None else qs.filter(condition)


meetings = MeetingPolicy()
action_items = ActionItemPolicy()
