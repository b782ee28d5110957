"""The compliance scorecard of a task force for a year: per activity of its work plan, planned
against done, and per member agency, what it attended, closed and recorded. What Lentera can
count is computed from its records (never typed): meetings held and attended, action items
closed on time, departure screenings, returns home completed, proceedings opened on a police
report. Figures only: no person, no case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
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


def _counts(task_force: TaskForce, year: int, agency: Agency | None = None) -> dict[str, int]:
    from lentera.apps.justice.models import Proceeding
    from lentera.apps.prevention.models import DepartureScreening
    from lentera.apps.protection.models import ReturnPlan

    screenings = DepartureScreening.objects.filter(screened_at__year=year)
    returns = ReturnPlan.objects.filter(completed_on__year=year)
    proceedings = Proceeding.objects.filter(police_report_date__year=year)
    if agency is None:
        screenings = screenings.filter(_in_region("agency__region", task_force))
        returns = returns.filter(_in_region("case__region", task_force))
        proceedings = proceedings.filter(_in_region("case__region", task_force))
    else:
        screenings = screenings.filter(agency=agency)
        returns = returns.filter(agency=agency)
        proceedings = proceedings.filter(police_agency=agency)
    meetings = Meeting.objects.filter(task_force=task_force, status__in=HELD, starts_at__year=year)
    items = ActionItem.objects.filter(
        decision__meeting__task_force=task_force, status=ItemStatus.DONE, closed_at__year=year
    )
    return {
        Measure.DEPARTURE_SCREENINGS: screenings.count(),
        Measure.RETURNS_COMPLETED: returns.count(),
        Measure.POLICE_REPORTS: proceedings.count(),
        Measure.MEETINGS_HELD: meetings.count(),
        Measure.ITEMS_CLOSED: items.count(),
    }


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
    screenings: int
    returns: int
    police_reports: int

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


def scorecard(*, task_force: TaskForce, year: int, today: date | None = None) -> Scorecard:
    """The scorecard (the caller has checked the user reaches the task force)."""
    today = today or timezone.localdate()
    counts = _counts(task_force, year)
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
        theirs = _counts(task_force, year, agency)
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
                screenings=theirs[Measure.DEPARTURE_SCREENINGS],
                returns=theirs[Measure.RETURNS_COMPLETED],
                police_reports=theirs[Measure.POLICE_REPORTS],
            )
        )
    return Scorecard(
        task_force=task_force,
        year=year,
        activities=activities,
        agencies=agencies,
        meetings_held=held.count(),
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
