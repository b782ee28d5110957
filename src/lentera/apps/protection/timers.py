"""Legal timers of victim protection, computed from the records with an explicit clock.

Timers are data, not jobs: :func:`timers_for_case` reads the protection rows of a case and
returns :class:`Timer` values; :meth:`Timer.state` answers *due*, *overdue*, *done on time* or
*done late* for a given ``now``. Tests pass a fake ``now``; pages pass ``timezone.now()``.

| Timer | Starts | Done | Length | Source |
|---|---|---|---|---|
| police_report | a PPT / UPTD PPA accepts a referred victim | the centre records its report to the police | 24 hours | PP 9/2008 Pasal 14(5) |
| first_aid | an urgent health or psychosocial service is requested | the service starts | 7 days | UU 21/2007 Pasal 53 |
| evaluation | a needs assessment while services are open | the next assessment | 6 months | PP 9/2008 Pasal 22 |
| restitution_payment | notice of the final verdict | payment | 14 days | UU 21/2007 Pasal 48(7), 50(1) |
| restitution_warning | the court's written warning | payment | 14 days | UU 21/2007 Pasal 50(2)–(3) |
| reintegration | the return home (hand-over) | a visit that closes the follow-up | at least 3 months, then a 30-day window to close | Perda DIY 6/2025 (minimum); window is a local setting |

The reintegration timer is a *minimum*: it cannot be closed before 3 months (state *waiting*),
then it is *due* for :data:`REINTEGRATION_CLOSE_WINDOW_DAYS` days, then *overdue*. The window is
not in the law; it is here so that an open follow-up does not go unnoticed.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.models import AgencyType
from lentera.apps.protection.models import (
    Assessment,
    Referral,
    Restitution,
    ReturnPlan,
    Service,
)
from lentera.apps.protection.vocab import (
    FIRST_AID_SERVICES,
    ReferralStatus,
    ReturnStatus,
    ServiceStatus,
)

POLICE_REPORT_WITHIN = timedelta(hours=24)
FIRST_AID_WITHIN = timedelta(days=7)
RESTITUTION_PAYMENT_DAYS = 14
RESTITUTION_WARNING_DAYS = 14
EVALUATION_MONTHS = 6
REINTEGRATION_MONTHS = 3
REINTEGRATION_CLOSE_WINDOW_DAYS = 30

#: Agencies that act as an integrated service centre (PPT) and so carry the 24-hour rule.
SERVICE_CENTRE_TYPES = frozenset(
    {AgencyType.INTEGRATED_SERVICE_CENTRE, AgencyType.WOMEN_CHILD_PROTECTION}
)


class TimerKind(models.TextChoices):
    POLICE_REPORT = "police_report", _("PPT reports the victim to the police (24 hours)")
    FIRST_AID = "first_aid", _("First aid for trauma or dangerous illness (7 days)")
    EVALUATION = "evaluation", _("Evaluation of the services (every 6 months)")
    RESTITUTION_PAYMENT = "restitution_payment", _("Restitution paid after final verdict (14 days)")
    RESTITUTION_WARNING = "restitution_warning", _("Restitution paid after court warning (14 days)")
    REINTEGRATION = "reintegration", _("Reintegration follow-up (at least 3 months)")


#: How long before the end a running deadline is announced to the responsible agency (a
#: *due* notification); overdue deadlines are always announced. Local settings, not law.
NOTIFY_BEFORE: dict[TimerKind, timedelta] = {
    TimerKind.POLICE_REPORT: POLICE_REPORT_WITHIN,  # at once: 24 hours leave no room
    TimerKind.FIRST_AID: timedelta(days=3),
    TimerKind.EVALUATION: timedelta(days=14),
    TimerKind.RESTITUTION_PAYMENT: timedelta(days=4),
    TimerKind.RESTITUTION_WARNING: timedelta(days=4),
    TimerKind.REINTEGRATION: timedelta(days=REINTEGRATION_CLOSE_WINDOW_DAYS + 1),
}


class TimerState(models.TextChoices):
    DUE = "due", _("Running")
    OVERDUE = "overdue", _("Overdue")
    DONE_ON_TIME = "done_on_time", _("Done on time")
    DONE_LATE = "done_late", _("Done late")
    WAITING = "waiting", _("Minimum period running")


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (clamped to the month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def end_of(day: date) -> datetime:
    """The end of a calendar day (a date-based deadline expires at the next midnight, UTC)."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=UTC)


@dataclass(frozen=True)
class Timer:
    kind: TimerKind
    case_id: int
    party_id: int
    agency_id: int | None
    started_at: datetime
    due_at: datetime
    done_at: datetime | None
    source_id: int
    opens_at: datetime | None = None  # a minimum period: cannot be done before this

    @property
    def label(self) -> str:
        return str(self.kind.label)

    def state(self, now: datetime) -> TimerState:
        if self.done_at is not None:
            return TimerState.DONE_ON_TIME if self.done_at <= self.due_at else TimerState.DONE_LATE
        if now > self.due_at:
            return TimerState.OVERDUE
        if self.opens_at is not None and now < self.opens_at:
            return TimerState.WAITING
        return TimerState.DUE

    def remaining(self, now: datetime) -> timedelta:
        return self.due_at - now


def police_report_timers(rows: Iterable[Referral]) -> list[Timer]:
    out = []
    for r in rows:
        if r.status not in (ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED):
            continue
        if r.responded_at is None or r.to_agency.agency_type not in SERVICE_CENTRE_TYPES:
            continue
        out.append(
            Timer(
                TimerKind.POLICE_REPORT,
                r.case_id,
                r.party_id,
                r.to_agency_id,
                r.responded_at,
                r.responded_at + POLICE_REPORT_WITHIN,
                r.police_reported_at,
                r.pk,
            )
        )
    return out


def first_aid_timers(rows: Iterable[Service]) -> list[Timer]:
    out = []
    for s in rows:
        if not s.urgent or s.service_type not in FIRST_AID_SERVICES:
            continue
        if s.status == ServiceStatus.CANCELLED:
            continue
        out.append(
            Timer(
                TimerKind.FIRST_AID,
                s.case_id,
                s.party_id,
                s.provider_agency_id,
                s.recorded_at,
                s.recorded_at + FIRST_AID_WITHIN,
                s.started_at,
                s.pk,
            )
        )
    return out


def evaluation_timers(assessments: Iterable[Assessment], open_services: set[int]) -> list[Timer]:
    """Each assessment starts a 6-month period closed by the next one. The latest assessment of a
    victim runs only while that victim has open services (``open_services``: party ids)."""
    by_party: dict[int, list[Assessment]] = {}
    for a in assessments:
        by_party.setdefault(a.party_id, []).append(a)
    out = []
    for party_id, rows in by_party.items():
        rows.sort(key=lambda a: a.recorded_at)
        for current, following in zip(rows, [*rows[1:], None], strict=True):
            if following is None and party_id not in open_services:
                continue
            due = end_of(add_months(current.recorded_at.date(), EVALUATION_MONTHS))
            out.append(
                Timer(
                    TimerKind.EVALUATION,
                    current.case_id,
                    party_id,
                    current.agency_id,
                    current.recorded_at,
                    due,
                    following.recorded_at if following else None,
                    current.pk,
                )
            )
    return out


def restitution_timers(rows: Iterable[Restitution]) -> list[Timer]:
    out = []
    for r in rows:
        paid = datetime.combine(r.paid_on, time.min, tzinfo=UTC) if r.paid_on else None
        if r.final_notice_on and (r.amount_ordered or 0) > 0:
            out.append(
                Timer(
                    TimerKind.RESTITUTION_PAYMENT,
                    r.case_id,
                    r.party_id,
                    r.agency_id,
                    datetime.combine(r.final_notice_on, time.min, tzinfo=UTC),
                    end_of(r.final_notice_on + timedelta(days=RESTITUTION_PAYMENT_DAYS)),
                    paid,
                    r.pk,
                )
            )
        if r.warning_on:
            out.append(
                Timer(
                    TimerKind.RESTITUTION_WARNING,
                    r.case_id,
                    r.party_id,
                    r.agency_id,
                    datetime.combine(r.warning_on, time.min, tzinfo=UTC),
                    end_of(r.warning_on + timedelta(days=RESTITUTION_WARNING_DAYS)),
                    paid,
                    r.pk,
                )
            )
    return out


def reintegration_timers(plans: Iterable[ReturnPlan]) -> list[Timer]:
    out = []
    for p in plans:
        if p.status != ReturnStatus.COMPLETED or p.completed_on is None:
            continue
        closing = sorted(v.visited_on for v in p.visits.all() if v.closes_follow_up)
        opens = add_months(p.completed_on, REINTEGRATION_MONTHS)
        out.append(
            Timer(
                TimerKind.REINTEGRATION,
                p.case_id,
                p.party_id,
                p.agency_id,
                datetime.combine(p.completed_on, time.min, tzinfo=UTC),
                end_of(opens + timedelta(days=REINTEGRATION_CLOSE_WINDOW_DAYS)),
                datetime.combine(closing[0], time.min, tzinfo=UTC) if closing else None,
                p.pk,
                opens_at=datetime.combine(opens, time.min, tzinfo=UTC),
            )
        )
    return out


def timers_for_cases(case_ids: Iterable[int]) -> list[Timer]:
    ids = list(case_ids)
    refs = Referral.objects.filter(case_id__in=ids).select_related("to_agency")
    services = list(Service.objects.filter(case_id__in=ids))
    open_parties = {
        s.party_id
        for s in services
        if s.status in (ServiceStatus.PLANNED, ServiceStatus.IN_PROGRESS)
    }
    timers = [
        *police_report_timers(refs),
        *first_aid_timers(services),
        *evaluation_timers(Assessment.objects.filter(case_id__in=ids), open_parties),
        *restitution_timers(Restitution.objects.filter(case_id__in=ids)),
        *reintegration_timers(
            ReturnPlan.objects.filter(case_id__in=ids).prefetch_related("visits")
        ),
    ]
    timers.sort(key=lambda t: t.due_at)
    return timers


def timers_for_case(case_id: int) -> list[Timer]:
    return timers_for_cases([case_id])
