"""Coordination notices: one mechanism for everything the task force tells an agency — meeting
invitations (and cancellations), action items due soon or overdue, periodic reports due.

* A notice is a row (:class:`..models.Notice`) for one agency, written once per subject
  (``key``): the services write the meeting ones as they schedule or cancel, the worker's sweep
  (:func:`sweep`, the ``coordination-notices`` job of ``LENTERA_SCHEDULE``) the ones that depend
  on the date.
* Every new notice is then e-mailed through the task queue (:func:`..tasks.email_notices_task`,
  after the transaction commits): to the agency's active users with an address, in each user's
  language; a report notice only to the users who write the report. Claiming a notice before
  sending makes a second run send nothing.
* The agency's users read them on the **Pemberitahuan** page (and the API) and mark them read,
  for the whole agency.

Notices carry no free text of their own: the text is made from the linked record when shown,
and holds a meeting's title, date and place, an item's task and due date, a report's period —
text that passed the identity guard when it was written. Never a person or a case.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lentera.apps.accounts.models import Agency, TaskForce, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound, Requester, deny, is_user
from lentera.apps.coordination.models import (
    ActionItem,
    Meeting,
    Notice,
    PeriodicReport,
    ReportVersion,
)
from lentera.apps.coordination.vocab import (
    ITEM_NOTICE_DAYS_BEFORE,
    REPORT_DUE_DAYS,
    REPORT_NOTICE_HORIZON_DAYS,
    ItemStatus,
    NoticeKind,
    ReportPeriod,
)

REPORT_KINDS = (NoticeKind.REPORT_DUE, NoticeKind.REPORT_OVERDUE)


# ------------------------------------------------------------------------------------- writing


def _write(agency_id: int, kind: NoticeKind, key: str, **links: object) -> Notice | None:
    """The notice, if it is new (None when the agency already has one with this key)."""
    with transaction.atomic():
        row, created = Notice.objects.get_or_create(
            agency_id=agency_id, key=key, defaults={"kind": kind, **links}
        )
    return row if created else None


def send_later(notices: Iterable[Notice]) -> None:
    """E-mail the notices through the task queue once the current transaction commits."""
    ids = [n.pk for n in notices]
    if not ids:
        return
    from lentera.apps.coordination.tasks import email_notices_task
    from lentera.apps.ops.queue import enqueue

    transaction.on_commit(lambda: enqueue(email_notices_task, ids))


def meeting_notices(meeting: Meeting, kind: NoticeKind) -> list[Notice]:
    """An invitation (or a cancellation) to each invited agency (called inside the service's
    transaction; the e-mail follows the commit)."""
    made = [
        n
        for agency_id in meeting.invitations.values_list("agency_id", flat=True)
        if (n := _write(agency_id, kind, f"meeting:{meeting.pk}:{kind}", meeting=meeting))
    ]
    send_later(made)
    return made


def item_notices(*, today: date) -> list[Notice]:
    """An open action item due within three days: 'due soon'; past its due date: 'overdue';
    each once, to the owning agency."""
    made: list[Notice] = []
    open_items = ActionItem.objects.filter(status=ItemStatus.OPEN).only("pk", "agency_id", "due_on")
    # only the items without the notice yet (a second sweep reads two short lists)
    overdue = open_items.filter(due_on__lt=today).exclude(notices__kind=NoticeKind.ITEM_OVERDUE)
    soon = open_items.filter(
        due_on__gte=today, due_on__lte=today + timedelta(days=ITEM_NOTICE_DAYS_BEFORE)
    ).exclude(notices__kind=NoticeKind.ITEM_DUE_SOON)
    for kind, items in ((NoticeKind.ITEM_OVERDUE, overdue), (NoticeKind.ITEM_DUE_SOON, soon)):
        for item in items:
            notice = _write(item.agency_id, kind, f"item:{item.pk}:{kind}", item=item)
            if notice is not None:
                made.append(notice)
    return made


def report_due_on(year: int, period: str) -> date:
    from lentera.apps.coordination.report import period_dates

    return period_dates(year, period)[1] + timedelta(days=REPORT_DUE_DAYS)


def secretariats() -> list[User]:
    """The active users who hold *manage meetings* (read once per sweep)."""
    from lentera.apps.accounts.permissions import ROLE_ACTIONS, expand

    roles = [r for r, actions in ROLE_ACTIONS.items() if Action.MANAGE_MEETINGS in expand(actions)]
    return list(
        User.objects.filter(is_active=True, agency__isnull=False, role_assignments__role__in=roles)
        .distinct()
        .select_related("agency__region")
    )


def secretariat_agencies(task_force: TaskForce, users: list[User] | None = None) -> list[Agency]:
    """The agencies whose users write the task force's report (hold *manage meetings* over it:
    the same rule as :meth:`..policies.MeetingPolicy.task_forces`, without a query per user)."""
    from lentera.apps.accounts.permissions import Scope

    found: dict[int, Agency] = {}
    for user in secretariats() if users is None else users:
        scope = user.scope_for(Action.MANAGE_MEETINGS)
        region = user.region
        reaches = scope == Scope.NATIONAL or (
            scope == Scope.REGION
            and region is not None
            and task_force.region is not None
            and task_force.region.code == region.code
        )
        if reaches and user.agency is not None:
            found[user.agency.pk] = user.agency
    return sorted(found.values(), key=lambda a: a.pk)


def report_notices(*, today: date) -> list[Notice]:
    """For each task force and each period that has ended (semester I, semester II, the year)
    without an issued report: 'due' until its due date (:data:`REPORT_DUE_DAYS` after the end),
    'overdue' after it; each once, to the agencies of the task force's secretariat. Periods
    whose due date is more than :data:`REPORT_NOTICE_HORIZON_DAYS` past are left alone."""
    from lentera.apps.coordination.report import period_dates
    from lentera.apps.coordination.services import report_for

    made: list[Notice] = []
    periods = [
        (year, period)
        for year in (today.year - 1, today.year)
        for period in ReportPeriod.values
        if period_dates(year, period)[1] < today
        and (today - report_due_on(year, period)).days <= REPORT_NOTICE_HORIZON_DAYS
    ]
    if not periods:
        return made
    users = secretariats()
    years = {year for year, _period in periods}
    reports = {
        (r.task_force_id, r.year, r.period): r
        for r in PeriodicReport.objects.filter(year__in=years)
    }
    issued = set(
        ReportVersion.objects.filter(report__year__in=years).values_list(
            "report__task_force_id", "report__year", "report__period"
        )
    )
    notified = set(
        Notice.objects.filter(kind__in=REPORT_KINDS, report__year__in=years).values_list(
            "report__task_force_id", "report__year", "report__period", "kind"
        )
    )
    for task_force in TaskForce.objects.select_related("region").order_by("pk"):
        agencies: list[Agency] | None = None
        for year, period in periods:
            if (task_force.pk, year, period) in issued:
                continue
            existing = reports.get((task_force.pk, year, period))
            due = report_due_on(year, period)
            kind = NoticeKind.REPORT_OVERDUE if today > due else NoticeKind.REPORT_DUE
            if (task_force.pk, year, period, kind) in notified:
                continue
            if agencies is None:
                agencies = secretariat_agencies(task_force, users)
            if not agencies:
                break
            report = existing or report_for(task_force=task_force, year=year, period=period)
            for agency in agencies:
                notice = _write(
                    agency.pk,
                    kind,
                    f"report:{task_force.pk}:{year}:{period}:{kind}",
                    report=report,
                    due_on=due,
                )
                if notice is not None:
                    made.append(notice)
    return made


def sweep(*, today: date) -> list[Notice]:
    """The worker's sweep: date-driven notices (action items, reports), then their e-mail
    through the queue. Safe to run again: a notice is written once."""
    made = item_notices(today=today) + report_notices(today=today)
    send_later(made)
    return made


# ------------------------------------------------------------------------------------- texts


def subject_and_body(notice: Notice) -> tuple[str, str]:
    """The notice's text in the active language (made from the linked record)."""
    kind = NoticeKind(notice.kind)
    values: dict[str, object]
    if notice.meeting_id is not None:
        m = notice.meeting
        assert m is not None
        values = {
            "title": m.title,
            "task_force": m.task_force.name,
            "when": timezone.localtime(m.starts_at).strftime("%Y-%m-%d %H:%M"),
            "place": m.place or "-",
        }
        if kind == NoticeKind.MEETING_CANCELLED:
            return (
                _("Meeting cancelled: %(title)s") % values,
                _('%(task_force)s has cancelled the meeting "%(title)s" of %(when)s.') % values,
            )
        return (
            _("Meeting invitation: %(title)s") % values,
            _('%(task_force)s invites your agency to "%(title)s" on %(when)s at %(place)s.')
            % values,
        )
    if notice.item_id is not None:
        item = notice.item
        assert item is not None
        values = {
            "task": item.task,
            "task_force": item.decision.meeting.task_force.name,
            "due": item.due_on.isoformat(),
        }
        subject = (
            _("Action item overdue: %(task)s")
            if kind == NoticeKind.ITEM_OVERDUE
            else _("Action item due: %(task)s")
        )
        return subject % values, _("%(task_force)s asks your agency: %(task)s (due %(due)s).") % (
            values
        )
    report = notice.report
    assert report is not None
    values = {
        "task_force": report.task_force.name,
        "period": str(ReportPeriod(report.period).label),
        "year": report.year,
        "due": notice.due_on.isoformat() if notice.due_on else "-",
    }
    if kind == NoticeKind.REPORT_OVERDUE:
        return (
            _("Periodic report overdue: %(period)s %(year)s") % values,
            _("The %(period)s %(year)s report of %(task_force)s was due on %(due)s.") % values,
        )
    return (
        _("Periodic report due: %(period)s %(year)s") % values,
        _("The %(period)s %(year)s report of %(task_force)s is due by %(due)s.") % values,
    )


# ------------------------------------------------------------------------------------- e-mail


def email(notice_ids: list[int]) -> int:
    """Send each notice not yet sent to its agency's active users with an address, in each
    user's language (a report notice: only the users who write the report). Returns how many
    messages were sent."""
    sent = 0
    rows = Notice.objects.filter(pk__in=notice_ids, emailed_at__isnull=True).select_related(
        "meeting__task_force", "item__decision__meeting__task_force", "report__task_force"
    )
    connection = get_connection(fail_silently=True)
    for notice in rows:
        if not Notice.objects.filter(pk=notice.pk, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        ):
            continue  # another run has it
        users = User.objects.filter(agency_id=notice.agency_id, is_active=True).exclude(email="")
        by_language: dict[str, list[str]] = defaultdict(list)
        for user in users:
            if notice.kind in REPORT_KINDS and not user.has_action(Action.MANAGE_MEETINGS):
                continue
            by_language[user.preferred_language or "id"].append(user.email)
        messages = []
        for language, addresses in sorted(by_language.items()):
            with translation.override(language):
                subject, body = subject_and_body(notice)
            messages.append(
                EmailMessage(subject=subject, body=body, bcc=addresses, connection=connection)
            )
        count = (connection.send_messages(messages) or 0) if messages else 0
        Notice.objects.filter(pk=notice.pk).update(
            emailed=sum(len(m.bcc) for m in messages[:count])
        )
        sent += count
    return sent


# ------------------------------------------------------------------------------------- reading


def notices_for(*, user: Requester, unread_only: bool = False) -> QuerySet[Notice]:
    """The notices of the user's agency (every signed-in user of an agency)."""
    if not is_user(user) or not user.agency_id or not user.has_action(Action.VIEW_DASHBOARD):
        return Notice.objects.none()
    qs = Notice.objects.filter(agency_id=user.agency_id).select_related(
        "meeting__task_force", "item__decision__meeting__task_force", "report__task_force"
    )
    if unread_only:
        return qs.filter(read_at__isnull=True)
    # unread first (a NULL read_at sorts first on both databases), then the newest
    return qs.order_by(F("read_at").asc(nulls_first=True), "-created_at", "-id")


def notice_get(*, user: Requester, notice_id: int) -> Notice:
    row = notices_for(user=user).filter(pk=notice_id).first()
    if row is None:
        raise NotFound()
    return row


def notice_read(*, actor: User, notice: Notice) -> Notice:
    """Mark a notice of the actor's agency read (for the whole agency); reading it again
    changes nothing."""
    if not (actor.agency_id and notice.agency_id == actor.agency_id):
        raise deny()
    if notice.read_at is None:
        Notice.objects.filter(pk=notice.pk, read_at__isnull=True).update(
            read_at=timezone.now(), read_by=actor
        )
        notice.refresh_from_db(fields=["read_at", "read_by"])
    return notice


def link_of(notice: Notice) -> str:
    """Where the notice leads the reader (a page they may open), or ''."""
    from django.urls import reverse

    if notice.item_id is not None:
        return reverse("coordination:item", args=[notice.item_id])
    if notice.report is not None:
        r = notice.report
        return reverse("coordination:report", args=[r.task_force_id, r.year, r.period])
    return ""
