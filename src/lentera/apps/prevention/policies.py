"""Who may see and handle stored screenings.

* **The screening agency.** Its users holding the screening action (``SCREEN_OFFER`` for
  offers, ``SCREEN_DEPARTURE`` for departures) see its screenings whole and act on them: triage,
  open a complaint or a case. They alone see the identity fields (an offer's text, link and
  quoted evidence; a traveller's name, NIK and phone), and each time they are shown the access
  log records it.
* **Region-wide readers** (the secretariat and analysts, the roles that read the cases of their
  region) see the screenings of agencies in their region without identity fields: level, risk,
  flag or indicator codes, post, dates and status. This read comes with ``READ_WIDE``, the
  region-wide case-reading permission those roles hold; their own agency's screenings they see
  as above when they also hold the screening action (an analyst monitors offers).
* Everyone else gets "not found".

Use ``visible(user, READ)`` for lists and ``visible(user, screen_action)`` (or
:meth:`ScreeningPolicy.can_handle`) before any change or identity read.
"""

from __future__ import annotations

from typing import TypeVar

from django.db import models
from django.db.models import Q, QuerySet

from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action, Scope
from lentera.apps.accounts.policies import Policy, Requester, is_user, region_q
from lentera.apps.prevention.models import (
    CommunityReport,
    Course,
    DelayRequest,
    DepartureScreening,
    OfferScreening,
    OutreachEvent,
    PlacementAgency,
    ProspectiveWorker,
    Returnee,
    ReturnOperation,
    TakedownRequest,
)

#: Pseudo-action of the policies' read lists: the screening action of the own agency, or the
#: region-wide read of ``READ_WIDE``.
READ = Action.VIEW_DASHBOARD
#: The permission whose region (or national) scope lets a role read screenings region-wide.
READ_WIDE = Action.VIEW_CASE

S = TypeVar("S", bound=models.Model)


class ScreeningPolicy(Policy[S]):
    screen_action: Action

    def own(self, user: User) -> Q | None:
        if not user.agency_id or not user.has_action(self.screen_action):
            return None
        return Q(agency_id=user.agency_id)

    def wide(self, user: User) -> Q | None:
        scope = user.scope_for(READ_WIDE)
        if scope == Scope.NATIONAL:
            return Q()
        if scope == Scope.REGION:
            if user.region is None:
                return None
            return region_q("agency__region", user)
        return None

    def visible(self, user: Requester, action: Action) -> QuerySet[S]:
        qs = self.model._default_manager.all()
        if not is_user(user):
            return qs.none()
        if action == self.screen_action:
            condition = self.own(user)
        elif action == READ:
            parts = [q for q in (self.own(user), self.wide(user)) if q is not None]
            condition = None
            for part in parts:
                condition = part if condition is None else condition | part
        else:
            condition = None
        return qs.none() if condition is None else qs.filter(condition)

    def can(self, user: Requester, action: Action, obj: S | None = None) -> bool:
        if not is_user(user):
            return False
        if obj is None:
            return self.can_read_any(user) if action == READ else user.has_action(action)
        return self.visible(user, action).filter(pk=obj.pk).exists()

    def can_read_any(self, user: Requester) -> bool:
        """The user may open the lists at all (own agency's or the region's)."""
        if not is_user(user):
            return False
        return self.own(user) is not None or self.wide(user) is not None

    def can_handle(self, user: Requester, obj: S) -> bool:
        """Act on the screening and see its identity fields: the screening agency's officers."""
        return (
            is_user(user)
            and user.has_action(self.screen_action)
            and user.agency_id is not None
            and getattr(obj, "agency_id", None) == user.agency_id
        )


class OfferScreeningPolicy(ScreeningPolicy[OfferScreening]):
    model = OfferScreening
    screen_action = Action.SCREEN_OFFER


class DepartureScreeningPolicy(ScreeningPolicy[DepartureScreening]):
    model = DepartureScreening
    screen_action = Action.SCREEN_DEPARTURE


offers = OfferScreeningPolicy()
departures = DepartureScreeningPolicy()


# -- outreach, courses and the placement register (issue #15) -----------------------------------

#: The actions of the officers who do prevention work (monitor offers, screen departures, keep
#: the placement registers): any one of them lets a user record their agency's outreach and
#: courses.
PREVENTION_WORK = (Action.SCREEN_OFFER, Action.SCREEN_DEPARTURE, Action.MANAGE_REGISTERS)


def does_prevention(user: Requester) -> bool:
    return (
        is_user(user)
        and user.agency_id is not None
        and any(user.has_action(a) for a in PREVENTION_WORK)
    )


class ActivityPolicy(ScreeningPolicy[S]):
    """Outreach events and courses: recorded and handled by the agency's prevention officers
    (any action of :data:`PREVENTION_WORK`); read region-wide like the screenings, without the
    participants' names. ``visible(user, WORK)`` is the own agency's records."""

    screen_action = Action.SCREEN_OFFER  # the key of ``visible`` for the own agency's records
    work_actions = PREVENTION_WORK

    def own(self, user: User) -> Q | None:
        if not does_prevention(user):
            return None
        return Q(agency_id=user.agency_id)

    def can_handle(self, user: Requester, obj: S) -> bool:
        return does_prevention(user) and getattr(obj, "agency_id", None) == getattr(
            user, "agency_id", None
        )


#: The key of ``visible`` for the records an agency's prevention officers act on.
WORK = ActivityPolicy.screen_action


class OutreachPolicy(ActivityPolicy[OutreachEvent]):
    model = OutreachEvent


class CoursePolicy(ActivityPolicy[Course]):
    model = Course


class PlacementAgencyPolicy(Policy[PlacementAgency]):
    """The P3MI register is public information: every user who reads screenings, or keeps
    the registers, reads it whole; ``MANAGE_REGISTERS`` edits and imports it."""

    model = PlacementAgency

    def can_read(self, user: Requester) -> bool:
        return is_user(user) and (
            user.has_action(Action.MANAGE_REGISTERS)
            or offers.can_read_any(user)
            or departures.can_read_any(user)
        )

    def visible(self, user: Requester, action: Action) -> QuerySet[PlacementAgency]:
        qs = PlacementAgency.objects.all()
        if action == READ and self.can_read(user):
            return qs
        if action == Action.MANAGE_REGISTERS and is_user(user) and user.has_action(action):
            return qs
        return qs.none()

    def can(self, user: Requester, action: Action, obj: PlacementAgency | None = None) -> bool:
        if action == READ:
            return self.can_read(user)
        return is_user(user) and action == Action.MANAGE_REGISTERS and user.has_action(action)


outreach = OutreachPolicy()
courses = CoursePolicy()
placement_agencies = PlacementAgencyPolicy()


# -- community reports, delay requests, take-downs (issue #15, items 3-5) -----------------------


class CommunityReportPolicy(ActivityPolicy[CommunityReport]):
    """Village and early-warning reports: recorded and triaged by the receiving agency's
    prevention officers; the reporter and the narrative only to them; read region-wide without
    them."""

    model = CommunityReport


class DelayRequestPolicy(ScreeningPolicy[DelayRequest]):
    """Requests to Immigration: the agency that screened the departure."""

    model = DelayRequest
    screen_action = Action.SCREEN_DEPARTURE


class TakedownPolicy(ScreeningPolicy[TakedownRequest]):
    """Take-down requests: the agency that monitors offers; the post and account only to it."""

    model = TakedownRequest
    screen_action = Action.SCREEN_OFFER


community_reports = CommunityReportPolicy()
delay_requests = DelayRequestPolicy()
takedowns = TakedownPolicy()


# -- returns in batches (issue #15, item 6) -------------------------------------------------------

#: The actions of the officers who receive returnees (posko and manpower officers at the arrival
#: point, case workers who refer them home).
RETURN_WORK = (Action.SCREEN_DEPARTURE, Action.MANAGE_REGISTERS, Action.REFER)


def receives_returns(user: Requester) -> bool:
    return (
        is_user(user)
        and user.agency_id is not None
        and any(user.has_action(a) for a in RETURN_WORK)
    )


class ReturnOperationPolicy(ScreeningPolicy[ReturnOperation]):
    """A return operation: its agency's receiving officers handle it (and see the returnees'
    identities); region-wide readers see its figures."""

    model = ReturnOperation
    screen_action = Action.REFER  # the key of ``visible`` for the own agency's operations
    work_actions = RETURN_WORK

    def own(self, user: User) -> Q | None:
        if not receives_returns(user):
            return None
        return Q(agency_id=user.agency_id)

    def can_handle(self, user: Requester, obj: ReturnOperation) -> bool:
        return receives_returns(user) and obj.agency_id == getattr(user, "agency_id", None)


class ReturneePolicy(Policy[Returnee]):
    """A returnee: handled by the operation's agency, and by the agency it was referred to
    (the referral is what the home agency needs to act)."""

    model = Returnee

    def visible(self, user: Requester, action: Action) -> QuerySet[Returnee]:
        qs = Returnee.objects.all()
        if not is_user(user) or not receives_returns(user):
            return qs.none()
        return qs.filter(
            Q(operation__agency_id=user.agency_id) | Q(referred_agency_id=user.agency_id)
        )

    def can(self, user: Requester, action: Action, obj: Returnee | None = None) -> bool:
        if obj is None:
            return receives_returns(user)
        return self.visible(user, action).filter(pk=obj.pk).exists()


return_operations = ReturnOperationPolicy()
returnees = ReturneePolicy()


class ProspectiveWorkerPolicy(ScreeningPolicy[ProspectiveWorker]):
    """The prospective-worker register: kept by the manpower office's registrars
    (``MANAGE_REGISTERS``), who alone see names and NIKs; region-wide readers see the checks."""

    model = ProspectiveWorker
    screen_action = Action.MANAGE_REGISTERS


prospective_workers = ProspectiveWorkerPolicy()
