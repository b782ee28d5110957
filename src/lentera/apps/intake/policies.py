"""Who may see and handle a complaint, and who may see who reported it.

* **Handling agencies**: the receiving agency and the agency the complaint was routed to. Their
  users holding ``VIEW_COMPLAINT`` see it whole (the narrative read is logged); those holding
  ``TRIAGE_COMPLAINT`` triage it, acknowledge it, attach it to a case, close and reopen it.
* The **routed agency acts on what it received**: besides its triage officers, its users who
  open or edit case files (``CREATE_CASE`` / ``EDIT_CASE``, e.g. the police unit a complaint was
  routed to) search before creating, open a case from the complaint or attach it to a case they
  may see (:meth:`ComplaintPolicy.can_take_up`), so nobody opens a duplicate case elsewhere.
* The **lead agency of the case** the complaint was attached to sees it too (it is part of the
  case's history), without the reporter's identity.
* **Region-wide roles** (secretariat) see the complaints of their region pseudonymised: codes,
  dates, flags, triage and status; never the narrative, the place or the reporter. They also see
  the complaints the routing rules sent to the task force whose secretariat their agency is
  (a report from a regency without a task force of its own).
* The **reporter's identity** shows only to users with ``VIEW_IDENTITY`` of the receiving or
  the routed agency; when the reporter asked for confidentiality (UU 21/2007 Pasal 33), only to
  the receiving agency's.
* Everyone else gets "not found".
"""

from __future__ import annotations

from django.db.models import Q

from lentera.apps.accounts.models import TaskForceMembership, User
from lentera.apps.accounts.permissions import Action, Scope
from lentera.apps.accounts.policies import Policy, Requester, is_user, region_q
from lentera.apps.intake.models import Complaint

READ_ACTIONS = frozenset({Action.VIEW_COMPLAINT})


class ComplaintPolicy(Policy[Complaint]):
    model = Complaint

    def scope_filter(self, user: User, action: Action, scope: Scope) -> Q | None:
        agency = user.agency_id
        handling = Q(receiving_agency_id=agency) | Q(routed_agency_id=agency) if agency else None
        if action not in READ_ACTIONS:
            return handling  # only the handling agencies act on a complaint
        if handling is not None:
            handling |= Q(case__lead_agency_id=agency)
        if scope == Scope.AGENCY:
            return handling
        if scope == Scope.REGION:
            if user.region is None:
                return Q()
            wide = region_q("region", user) | (
                Q(region__isnull=True) & region_q("receiving_agency__region", user)
            )
            if agency:  # the task force the routing rules told, whatever the region
                told = TaskForceMembership.objects.filter(agency_id=agency, role="secretariat")
                wide |= Q(task_force_id__in=told.values("task_force_id"))
            return wide | handling if handling is not None else wide
        return Q()

    def is_handler(self, user: Requester, complaint: Complaint) -> bool:
        """A user of the receiving or routed agency (or the case's lead agency) who may see
        complaints: they read the narrative and the place."""
        if not is_user(user) or not user.has_action(Action.VIEW_COMPLAINT) or not user.agency_id:
            return False
        agencies = {complaint.receiving_agency_id, complaint.routed_agency_id}
        if complaint.case is not None:
            agencies.add(complaint.case.lead_agency_id)
        return user.agency_id in agencies

    def can_take_up(self, user: Requester, complaint: Complaint, action: Action) -> bool:
        """May the user attach the complaint to a case (``EDIT_CASE``) or open one from it
        (``CREATE_CASE``)? Triage officers of a handling agency may do both; other users of a
        handling agency may when their role holds ``action``."""
        return self.can(user, Action.TRIAGE_COMPLAINT, complaint) or self.can(
            user, action, complaint
        )

    def can_see_identity(self, user: Requester, complaint: Complaint) -> bool:
        if not is_user(user) or not user.agency_id:
            return False
        if not (user.has_action(Action.VIEW_IDENTITY) and user.has_action(Action.VIEW_COMPLAINT)):
            return False
        if user.agency_id == complaint.receiving_agency_id:
            return True
        return not complaint.reporter_confidential and user.agency_id == complaint.routed_agency_id


complaints = ComplaintPolicy()
