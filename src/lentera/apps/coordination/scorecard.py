"""The compliance scorecard of a task force for a year: per activity of its work plan, planned
against done, and per member agency, what it attended, closed and recorded. What Lentera can
count is computed from its records (never typed), measure by measure (:data:`COUNTERS`):
meetings held and attended, action items closed on time, departure screenings, returns home
completed, proceedings opened on a police report, complaints registered within a day, referrals
answered within the legal time, proceedings stalled. Figures only: no person, no case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import F, Q
from django.utils import timezone

from lentera.apps.accounts.models import Agency, TaskForce
from lentera.apps.coordination.models import ActionItem, Invitation, Meeting, PlanActivity
from lentera.apps.coordination.vocab import (
    Attendance,
    ItemStatus,
    Measure,
    MeetingStatus,
    Recommendation,
)

HELD = (MeetingStatus.HELD, MeetingStatus.APPROVED)


def _in_region(path: str, task_force: TaskForce) -> Q:
    """Rows whose region (``path`` to a Region) lies in the task force's region (all for a task
    force without one, the national)."""
    if task_force.region is None:
        return Q()
    code = task_force.region.code
    return Q(**{f"{path}__code": code}) | Q(**{f"{path}__code__startswith": code + "."})


# What Lentera counts itself: one function per measure, (task force, year, agency or None for
# the whole region, the scorecard's date) -> count. A new measure is a Measure value, a function
# and a line in COUNTERS (and in AGENCY_MEASURES to show it per agency).
CountFn = Callable[[TaskForce, int, Agency | None, date], int]


def _departure_screenings(tf: TaskForce, year: int, agency: Agency | None, today: date) -> int:
    from lentera.apps.prevention.models import DepartureScreening

    rows = DepartureScreening.objects.filter(screened_at__year=year)
    if agency is None:
        return rows.filter(_in_region("agency__region", tf)).count()
    return rows.filter(agency=agency).count()


def _returns_completed(tf: TaskForce, year: int, agency: Agency | None, today: date) -> int:
    from lentera.apps.protection.models import ReturnPlan

    rows = ReturnPlan.objects.filter(completed_on__year=year)
    if agency is None:
        return rows.filter(_in_region("case__region", tf)).count()
    return rows.filter(agency=agency).count()


def _police_reports(tf: TaskForce, year: int, agency: Agency | None, today: date) -> int:
    from lentera.apps.justice.models import Proceeding

    rows = Proceeding.objects.filter(police_report_date__year=year)
    if agency is None:
        return rows.filter(_in_region("case__region", tf)).count()
    return rows.filter(police_agency=agency).count()


def _meetings_held(tf: TaskForce, year: int, agency: Agency | None, today: date) -> int:
    return Meeting.objects.filter(task_force=tf, status__in=HELD, starts_at__year=year).count()


def _items_closed(tf: TaskForce, year: int, agency: Agency | None, today: date) -> int:
    rows = ActionItem.objects.filter(
        decision__meeting__task_force=tf, status=ItemStatus.DONE, closed_at__year=year
    )
    return (rows if agency is None else rows.filter(agency=agency)).count()


def _complaints_in_a_day(tf: TaskForce, year: int, agency: Agency | None, today: date) -> int:
    """Complaints received in the year and registered (triaged: urgency and routing confirmed)
    within 24 hours of their receipt, by the receiving agency."""
    from lentera.apps.intake.models import Complaint

    rows = Complaint.objects.filter(
        received_at__year=year,
        triaged_at__isnull=False,
        triaged_at__lte=F("received_at") + timedelta(days=1),
    )
    if agency is None:
        return rows.filter(_in_region("receiving_agency__region", tf)).count()
    return rows.filter(receiving_agency=agency).count()


def _referrals_in_time(tf: TaskForce, year: int, agency: Agency | None, today: date) -> int:
    """Referred victims accepted in the year by an integrated service centre (PPT / UPTD PPA)
    that reported them to the police within the 24 hours of PP 9/2008 Pasal 14(5)."""
    from lentera.apps.protection.models import Referral
    from lentera.apps.protection.timers import POLICE_REPORT_WITHIN, SERVICE_CENTRE_TYPES
    from lentera.apps.protection.vocab import ReferralStatus

    rows = Referral.objects.filter(
        status__in=[ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED],
        to_agency__agency_type__in=SERVICE_CENTRE_TYPES,
        responded_at__year=year,
        police_reported_at__isnull=False,
        police_reported_at__lte=F("responded_at") + POLICE_REPORT_WITHIN,
    )
    if agency is None:
        return rows.filter(_in_region("case__region", tf)).count()
    return rows.filter(to_agency=agency).count()


def _proceedings_stalled(tf: TaskForce, year: int, agency: Agency | None, today: date) -> int:
    """Proceedings reported to the police by the year's end, not closed, and without a stage
    movement for more than 60 days on the scorecard's date (today; a past year: its last day,
    from the last movement recorded)."""
    from lentera.apps.justice.deadlines import DEFAULT_STALL_DAYS
    from lentera.apps.justice.models import Proceeding
    from lentera.apps.justice.vocab import Outcome, Stage

    on = min(today, date(year, 12, 31))
    rows = (
        Proceeding.objects.filter(
            police_report_date__lte=on,
            last_movement_at__lt=on - timedelta(days=DEFAULT_STALL_DAYS),
        )
        .exclude(current_stage=Stage.FINAL)
        .exclude(outcome=Outcome.DISMISSED)
    )
    if agency is None:
        return rows.filter(_in_region("case__region", tf)).count()
    return rows.filter(police_agency=agency).count()


def _outreach_held(tf: TaskForce, year: int, agency: Agency | None, today: date) -> int:
    """Outreach events held in the year and courses that ended in it (issue #15)."""
    from lentera.apps.prevention.models import Course, OutreachEvent

    events = OutreachEvent.objects.filter(held_on__year=year)
    courses = Course.objects.filter(ends_on__year=year)
    if agency is None:
        where = _in_region("agency__region", tf)
        return events.filter(where).count() + courses.filter(where).count()
    return events.filter(agency=agency).count() + courses.filter(agency=agency).count()


COUNTERS: dict[Measure, CountFn] = {
    Measure.DEPARTURE_SCREENINGS: _departure_screenings,
    Measure.RETURNS_COMPLETED: _returns_completed,
    Measure.POLICE_REPORTS: _police_reports,
    Measure.MEETINGS_HELD: _meetings_held,
    Measure.ITEMS_CLOSED: _items_closed,
    Measure.COMPLAINTS_IN_A_DAY: _complaints_in_a_day,
    Measure.REFERRALS_IN_TIME: _referrals_in_time,
    Measure.PROCEEDINGS_STALLED: _proceedings_stalled,
    Measure.OUTREACH_HELD: _outreach_held,
}

#: The measures shown per member agency, in this order (meetings and action items have their
#: own columns).
AGENCY_MEASURES: list[Measure] = [
    Measure.DEPARTURE_SCREENINGS,
    Measure.RETURNS_COMPLETED,
    Measure.POLICE_REPORTS,
    Measure.COMPLAINTS_IN_A_DAY,
    Measure.REFERRALS_IN_TIME,
    Measure.PROCEEDINGS_STALLED,
    Measure.OUTREACH_HELD,
]

#: The measures shown for the task force as a whole (its region), beside the activities.
TASK_FORCE_MEASURES: list[Measure] = list(COUNTERS)


def _counts(
    task_force: TaskForce,
    year: int,
    agency: Agency | None = None,
    today: date | None = None,
    measures: list[Measure] | None = None,
) -> dict[str, int]:
    today = today or timezone.localdate()
    wanted = list(COUNTERS) if measures is None else measures
    return {m: COUNTERS[m](task_force, year, agency, today) for m in wanted}


@dataclass
class ActivityScore:
    activity: PlanActivity
    done: int
    computed: bool

    @property
    def percent(self) -> int | None:
        if not self.activity.target:
            return None
        return round(100 * self.done / self.activity.target)

    @property
    def never_done(self) -> bool:
        return self.done == 0


@dataclass
class AgencyScore:
    agency: Agency
    meetings_invited: int
    meetings_present: int
    items: int
    closed_on_time: int
    closed_late: int
    overdue: int
    counted: dict[str, int] = field(default_factory=dict)

    @property
    def screenings(self) -> int:
        return self.counted.get(Measure.DEPARTURE_SCREENINGS, 0)

    @property
    def returns(self) -> int:
        return self.counted.get(Measure.RETURNS_COMPLETED, 0)

    @property
    def police_reports(self) -> int:
        return self.counted.get(Measure.POLICE_REPORTS, 0)

    @property
    def measures(self) -> list[tuple[Measure, int]]:
        return [(m, self.counted.get(m, 0)) for m in AGENCY_MEASURES]

    @property
    def attendance_percent(self) -> int | None:
        if not self.meetings_invited:
            return None
        return round(100 * self.meetings_present / self.meetings_invited)

    @property
    def on_time_percent(self) -> int | None:
        closed = self.closed_on_time + self.closed_late + self.overdue
        if not closed:
            return None
        return round(100 * self.closed_on_time / closed)


@dataclass
class Scorecard:
    task_force: TaskForce
    year: int
    activities: list[ActivityScore]
    agencies: list[AgencyScore]
    meetings_held: int
    counted: dict[str, int] = field(default_factory=dict)

    @property
    def measures(self) -> list[tuple[Measure, int]]:
        return [(m, self.counted.get(m, 0)) for m in TASK_FORCE_MEASURES]

    @property
    def agency_measures(self) -> list[Measure]:
        return AGENCY_MEASURES


def scorecard(*, task_force: TaskForce, year: int, today: date | None = None) -> Scorecard:
    """The scorecard (the caller has checked the user reaches the task force)."""
    today = today or timezone.localdate()
    counts = _counts(task_force, year, today=today)
    activities = [
        ActivityScore(
            activity=a,
            done=counts[Measure(a.measure)] if a.measure else a.done_typed,
            computed=bool(a.measure),
        )
        for a in PlanActivity.objects.filter(task_force=task_force, year=year).prefetch_related(
            "agencies"
        )
    ]
    held = Meeting.objects.filter(task_force=task_force, status__in=HELD, starts_at__year=year)
    invitations = Invitation.objects.filter(meeting__in=held)
    items = ActionItem.objects.filter(
        decision__meeting__task_force=task_force, due_on__year=year
    ).exclude(status=ItemStatus.CANCELLED)
    members = {m.agency for m in task_force.memberships.select_related("agency")}
    members |= {i.agency for i in invitations.select_related("agency")}
    agencies = []
    for agency in sorted(members, key=lambda a: a.name):
        own = [i for i in items if i.agency_id == agency.pk]
        theirs = _counts(task_force, year, agency, today=today, measures=AGENCY_MEASURES)
        agencies.append(
            AgencyScore(
                agency=agency,
                # attendance not recorded (still "invited") counts neither way
                meetings_invited=invitations.filter(agency=agency)
                .exclude(attendance=Attendance.INVITED)
                .count(),
                meetings_present=invitations.filter(
                    agency=agency, attendance=Attendance.PRESENT
                ).count(),
                items=len(own),
                closed_on_time=sum(1 for i in own if i.on_time is True),
                closed_late=sum(1 for i in own if i.on_time is False),
                overdue=sum(1 for i in own if i.status == ItemStatus.OPEN and i.due_on < today),
                counted=theirs,
            )
        )
    return Scorecard(
        task_force=task_force,
        year=year,
        activities=activities,
        agencies=agencies,
        meetings_held=held.count(),
        counted=counts,
    )


@dataclass
class Proposal:
    agency: Agency
    kind: Recommendation
    reasons: list[str]


def proposals(card: Scorecard) -> list[Proposal]:
    """Incentives and disincentives the scorecard proposes, each with the figures behind it.

    * incentive: attended at least 80% of the meetings it was invited to (at least one), and
      closed every action item of the year on time (at least one), none overdue;
    * disincentive: attended under half of at least two meetings, or two or more items overdue,
      or under half of at least two items closed on time.
    """
    found: list[Proposal] = []
    for s in card.agencies:
        attendance, on_time = s.attendance_percent, s.on_time_percent
        figures = [
            f"attendance {s.meetings_present}/{s.meetings_invited}",
            f"on time {s.closed_on_time}/{s.closed_on_time + s.closed_late + s.overdue}",
            f"overdue {s.overdue}",
        ]
        good = (
            attendance is not None
            and attendance >= 80
            and s.closed_on_time >= 1
            and s.closed_late == 0
            and s.overdue == 0
        )
        bad = (
            (attendance is not None and s.meetings_invited >= 2 and attendance < 50)
            or s.overdue >= 2
            or (on_time is not None and s.items >= 2 and on_time < 50)
        )
        if good:
            found.append(Proposal(s.agency, Recommendation.INCENTIVE, figures))
        elif bad:
            found.append(Proposal(s.agency, Recommendation.DISINCENTIVE, figures))
    return found
