"""Reads of task-force coordination, each starting from the policy."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from lentera.apps.accounts.models import Agency, TaskForce
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound, Requester, is_user
from lentera.apps.coordination.models import ActionItem, Meeting, MeetingRule
from lentera.apps.coordination.policies import MEETING_ACTIONS, action_items, meetings
from lentera.apps.coordination.vocab import DEFAULT_MEETING_INTERVAL_DAYS, ItemStatus, MeetingStatus

HELD = (MeetingStatus.HELD, MeetingStatus.APPROVED)


def meeting_list(*, user: Requester) -> QuerySet[Meeting]:
    qs = meetings.visible(user, Action.MANAGE_MEETINGS) | meetings.visible(
        user, Action.APPROVE_MINUTES
    )
    return qs.distinct().select_related("task_force", "sub_task_force")


def meeting_get(*, user: Requester, meeting_id: int) -> Meeting:
    """The meeting with everything its page, PDF and API show (404 outside the user's reach)."""
    for action in MEETING_ACTIONS:
        try:
            return meetings.get_for(
                user,
                action,
                meeting_id,
                queryset=Meeting.objects.select_related(
                    "task_force", "sub_task_force", "approved_by", "minutes_by"
                ).prefetch_related(
                    "invitations__agency",
                    "agenda__case",
                    "decisions__items__agency",
                    "decisions__items__officer",
                ),
            )
        except NotFound:
            continue
    raise NotFound()


@dataclass
class Lapse:
    """A task force that went longer than its required interval without a meeting."""

    task_force: TaskForce
    interval_days: int
    last_held: date | None
    days_since: int | None


def lapses(*, user: Requester, today: date) -> list[Lapse]:
    """Task forces in the user's reach whose last held meeting is older than the interval."""
    if not is_user(user):
        return []
    forces = meetings.task_forces(user, Action.MANAGE_MEETINGS) | meetings.task_forces(
        user, Action.APPROVE_MINUTES
    )
    forces = forces.distinct().annotate(
        last=Max("meetings__starts_at", filter=Q(meetings__status__in=HELD))
    )
    rules = dict(MeetingRule.objects.values_list("task_force_id", "interval_days"))
    found = []
    for tf in forces.order_by("name"):
        interval = rules.get(tf.pk, DEFAULT_MEETING_INTERVAL_DAYS)
        last = timezone.localtime(tf.last).date() if tf.last else None
        if last is None or today - last > timedelta(days=interval):
            found.append(Lapse(tf, interval, last, None if last is None else (today - last).days))
    return found


def item_list(*, user: Requester) -> QuerySet[ActionItem]:
    return action_items.visible(user, Action.VIEW_DASHBOARD).select_related(
        "agency", "officer", "decision__meeting__task_force"
    )


def item_get(*, user: Requester, item_id: int) -> ActionItem:
    return action_items.get_for(user, Action.VIEW_DASHBOARD, item_id, queryset=item_list(user=user))


@dataclass
class AgencyOverdue:
    agency: Agency
    items: list[ActionItem] = field(default_factory=list)


def overdue_by_agency(*, user: Requester, today: date) -> list[AgencyOverdue]:
    """Open items past their due date, grouped by owning agency (the secretariat sees every
    agency of its task forces, an agency its own)."""
    groups: dict[int, AgencyOverdue] = {}
    for item in item_list(user=user).filter(status=ItemStatus.OPEN, due_on__lt=today):
        groups.setdefault(item.agency_id, AgencyOverdue(item.agency)).items.append(item)
    return sorted(groups.values(), key=lambda g: (-len(g.items), g.agency.name))


def attendance_rates(meeting_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Per meeting: (agencies present, agencies invited)."""
    from lentera.apps.coordination.models import Invitation

    rates: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for meeting_id, attendance in Invitation.objects.filter(meeting_id__in=meeting_ids).values_list(
        "meeting_id", "attendance"
    ):
        rates[meeting_id][1] += 1
        rates[meeting_id][0] += attendance == "present"
    return {k: (v[0], v[1]) for k, v in rates.items()}
