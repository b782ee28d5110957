"""Who reads and records the investigation records of a case (court orders, evidence register,
transfers) and who reads their free text.

* **Read** (``VIEW_CASE``): the agencies that hold the case's *proceedings* section (the lead
  agency, an agency whose grant shares the whole file) and the investigating police and the
  prosecution office of a proceeding on the case. Region-wide readers (secretariat, analyst) do
  not: an investigation's orders, exhibits and money trail are need-to-know.
* **Record** (``MANAGE_PROCEEDINGS``): users of the lead agency and of the agencies handling a
  proceeding on the case.
* **Free text and account numbers** (descriptions, places of seizure, targets of an order,
  account numbers): readers above whose role holds ``VIEW_IDENTITY`` and who either hold the
  case's narrative (:meth:`lentera.apps.cases.policies.CasePolicy.can_see_identity`) or handle
  a proceeding on it. An account number tied to a person follows the person policy
  (:data:`lentera.apps.people.policies.people`): the agency that holds that identity.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound, Requester, is_user
from lentera.apps.cases.models import Case
from lentera.apps.cases.policies import cases, section_q
from lentera.apps.justice.models import Proceeding
from lentera.apps.people.models import Person
from lentera.apps.people.policies import people


def _handling_q(user: User) -> Q:
    handled = Proceeding.objects.filter(
        Q(police_agency_id=user.agency_id) | Q(prosecution_agency_id=user.agency_id)
    ).values("case_id")
    return Q(pk__in=handled)


def readable_cases(user: Requester) -> QuerySet[Case]:
    """Cases whose investigation records the user reads."""
    if not is_user(user) or not user.agency_id or not user.has_action(Action.VIEW_CASE):
        return Case.objects.none()
    held = section_q(user, "proceedings")
    condition = _handling_q(user) if held is None else held | _handling_q(user)
    return Case.objects.filter(condition)


def recordable_cases(user: Requester) -> QuerySet[Case]:
    """Cases on which the user records investigation records."""
    if not is_user(user) or not user.agency_id or not user.has_action(Action.MANAGE_PROCEEDINGS):
        return Case.objects.none()
    return Case.objects.filter(Q(lead_agency_id=user.agency_id) | _handling_q(user))


def can_read(user: Requester, case: Case) -> bool:
    return readable_cases(user).filter(pk=case.pk).exists()


def can_record(user: Requester, case: Case) -> bool:
    return recordable_cases(user).filter(pk=case.pk).exists()


def case_for(user: Requester, case_id: Any, action: Action = Action.VIEW_CASE) -> Case:
    """The case for ``action``: 404 when its investigation records are out of the user's reach,
    403 when the user reads them but may not record."""
    try:
        case = readable_cases(user).get(pk=case_id)
    except (Case.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound() from exc
    if action == Action.MANAGE_PROCEEDINGS and not can_record(user, case):
        raise PermissionDenied
    return case


def sees_text(user: Requester, case: Case) -> bool:
    """Whether the user reads the free text of the case's investigation records."""
    if not is_user(user) or not user.has_action(Action.VIEW_IDENTITY) or not can_read(user, case):
        return False
    if cases.can_see_identity(user, case):
        return True
    return Case.objects.filter(_handling_q(user), pk=case.pk).exists()


def sees_account(user: Requester, case: Case, person: Person | None) -> bool:
    """Whether the user reads an account number of the case (tied to ``person`` or to nobody)."""
    if person is not None:
        return can_read(user, case) and people.can_see_identity(user, person)
    return sees_text(user, case)
