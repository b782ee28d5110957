"""Writes of task-force coordination: one keyword-only function per change, each with its policy
check, the identity guard on free text, one transaction and one audit event."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import lock, transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, SubTaskForce, TaskForce, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound, deny
from lentera.apps.cases.models import Case
from lentera.apps.cases.policies import cases
from lentera.apps.coordination import notices
from lentera.apps.coordination.guard import check_no_identity
from lentera.apps.coordination.models import (
    AcceptedRecommendation,
    ActionItem,
    AgendaItem,
    Decision,
    Invitation,
    Meeting,
    MeetingRule,
    PeriodicReport,
    PlanActivity,
    ReportVersion,
)
from lentera.apps.coordination.plan import catalogue
from lentera.apps.coordination.policies import action_items, meetings
from lentera.apps.coordination.vocab import (
    Attendance,
    ItemStatus,
    MeetingKind,
    MeetingStatus,
    NoticeKind,
    RecordKind,
    ReportPeriod,
)

MAX_PROOF_BYTES = 5 * 1024 * 1024
OPEN_MEETING = (MeetingStatus.SCHEDULED, MeetingStatus.HELD)


def _require_meeting(
    actor: User, meeting: Meeting, action: Action = Action.MANAGE_MEETINGS
) -> None:
    if not meetings.can(actor, action, meeting):
        raise deny()


def _require_open(meeting: Meeting) -> None:
    if meeting.status not in OPEN_MEETING:
        raise ValidationError(
            _("The minutes of this meeting are approved (or it was cancelled): nothing changes.")
        )


def meeting_schedule(
    *,
    actor: User,
    task_force: TaskForce,
    title: str,
    starts_at: datetime,
    agencies: list[Agency],
    kind: str = MeetingKind.REGULAR,
    place: str = "",
    sub_task_force: SubTaskForce | None = None,
) -> Meeting:
    if not meetings.task_forces(actor, Action.MANAGE_MEETINGS).filter(pk=task_force.pk).exists():
        raise deny()
    if sub_task_force is not None and sub_task_force.task_force_id != task_force.pk:
        raise ValidationError({"sub_task_force": _("This working group is of another task force.")})
    if not agencies:
        raise ValidationError({"agencies": _("Invite at least one agency.")})
    check_no_identity(actor, {"title": title, "place": place})
    with transaction.atomic():
        meeting = Meeting.objects.create(
            task_force=task_force,
            sub_task_force=sub_task_force,
            kind=MeetingKind(kind),
            title=title.strip(),
            starts_at=starts_at,
            place=place.strip(),
            created_by=actor,
        )
        Invitation.objects.bulk_create(
            [Invitation(meeting=meeting, agency=a) for a in {a.pk: a for a in agencies}.values()]
        )
        record_event(
            actor=actor,
            event_type=EventType.MEETING_SCHEDULED,
            obj=meeting,
            data={"task_force": task_force.pk, "invited": sorted(a.pk for a in agencies)},
        )
        notices.meeting_notices(meeting, NoticeKind.MEETING_INVITED)
    return meeting


def agenda_add(
    *, actor: User, meeting: Meeting, topic: str, case: Case | None = None
) -> AgendaItem:
    """An agenda item: a topic, and a case by reference only (one the actor may see)."""
    _require_meeting(actor, meeting)
    _require_open(meeting)
    if case is not None and not cases.can(actor, Action.VIEW_CASE, case):
        raise NotFound()
    if not topic.strip():
        raise ValidationError({"topic": _("Give the topic.")})
    check_no_identity(actor, {"topic": topic})
    with transaction.atomic():
        last = meeting.agenda.aggregate(n=Max("position"))["n"] or 0
        item = AgendaItem.objects.create(
            meeting=meeting, position=last + 1, topic=topic.strip(), case=case
        )
        record_event(
            actor=actor,
            event_type=EventType.MEETING_AGENDA_ADDED,
            obj=meeting,
            data={"agenda_item": item.pk, "case": case.pk if case else None},
        )
    return item


def attendance_record(
    *, actor: User, meeting: Meeting, attendance: dict[int, str], version: int | None = None
) -> Meeting:
    """Attendance per invited agency (``attendance``: agency id -> :class:`Attendance`)."""
    _require_meeting(actor, meeting)
    _require_open(meeting)
    invited = {i.agency_id: i for i in meeting.invitations.all()}
    unknown = set(attendance) - set(invited)
    if unknown:
        raise ValidationError(_("Only invited agencies have an attendance."))
    values = {k: Attendance(v) for k, v in attendance.items()}
    with transaction.atomic():
        expected = {"status": meeting.status} | ({} if version is None else {"version": version})
        lock(Meeting.objects, meeting.pk, **expected)
        for agency_id, value in values.items():
            Invitation.objects.filter(pk=invited[agency_id].pk).update(attendance=value)
        record_event(
            actor=actor,
            event_type=EventType.MEETING_ATTENDANCE_RECORDED,
            obj=meeting,
            data={"attendance": {str(k): str(v) for k, v in values.items()}},
        )
    return meeting


def minutes_record(*, actor: User, meeting: Meeting, minutes: str, version: int) -> Meeting:
    """The minutes (notulen) of a meeting that took place; the meeting counts as held."""
    _require_meeting(actor, meeting)
    _require_open(meeting)
    if meeting.starts_at > timezone.now():
        raise ValidationError({"minutes": _("The meeting has not started yet.")})
    if not minutes.strip():
        raise ValidationError({"minutes": _("Write the minutes.")})
    check_no_identity(actor, {"minutes": minutes})
    with transaction.atomic():
        transition(
            Meeting.objects,
            meeting.pk,
            from_states=OPEN_MEETING,
            to_state=MeetingStatus.HELD,
            version=version,
            instance=meeting,
            minutes=minutes.strip(),
            minutes_by=actor,
        )
        record_event(
            actor=actor,
            event_type=EventType.MEETING_MINUTES_RECORDED,
            obj=meeting,
            data={"from": meeting.status},
        )
    return meeting


def decision_add(*, actor: User, meeting: Meeting, text: str) -> Decision:
    _require_meeting(actor, meeting)
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("Record the minutes first; approved minutes take no decision."))
    if not text.strip():
        raise ValidationError({"text": _("Write the decision.")})
    check_no_identity(actor, {"text": text})
    with transaction.atomic():
        lock(Meeting.objects, meeting.pk, status=MeetingStatus.HELD)
        number = (meeting.decisions.aggregate(n=Max("number"))["n"] or 0) + 1
        decision = Decision.objects.create(meeting=meeting, number=number, text=text.strip())
        record_event(
            actor=actor,
            event_type=EventType.MEETING_DECISION_ADDED,
            obj=meeting,
            data={"decision": decision.pk, "number": number},
        )
    return decision


def minutes_approve(*, actor: User, meeting: Meeting, version: int) -> Meeting:
    """The chair approves the minutes: from then on the meeting, its agenda, attendance and
    decisions are final (action items still move)."""
    _require_meeting(actor, meeting, Action.APPROVE_MINUTES)
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("Only recorded minutes can be approved."))
    with transaction.atomic():
        transition(
            Meeting.objects,
            meeting.pk,
            from_states=[MeetingStatus.HELD],
            to_state=MeetingStatus.APPROVED,
            version=version,
            instance=meeting,
            approved_by=actor,
            approved_at=timezone.now(),
        )
        record_event(
            actor=actor,
            event_type=EventType.MEETING_MINUTES_APPROVED,
            obj=meeting,
            data={"from": MeetingStatus.HELD.value},
        )
    return meeting


def item_assign(
    *,
    actor: User,
    decision: Decision,
    agency: Agency,
    task: str,
    due_on: date,
    officer: User | None = None,
) -> ActionItem:
    """An action item of a decision for one member (or invited) agency."""
    meeting = decision.meeting
    _require_meeting(actor, meeting)
    if meeting.status not in (MeetingStatus.HELD, MeetingStatus.APPROVED):
        raise ValidationError(_("Action items come from the decisions of a held meeting."))
    members = set(meeting.task_force.memberships.values_list("agency_id", flat=True))
    members |= set(meeting.invitations.values_list("agency_id", flat=True))
    errors: dict[str, str] = {}
    if agency.pk not in members:
        errors["agency"] = _("The agency is neither a member of the task force nor invited.")
    if officer is not None and officer.agency_id != agency.pk:
        errors["officer"] = _("The officer must work for the owning agency.")
    if not task.strip():
        errors["task"] = _("Say what is to be done.")
    if due_on < timezone.localtime(meeting.starts_at).date():
        errors["due_on"] = _("The due date is before the meeting.")
    if errors:
        raise ValidationError(errors)
    check_no_identity(actor, {"task": task})
    with transaction.atomic():
        item = ActionItem.objects.create(
            decision=decision, agency=agency, officer=officer, task=task.strip(), due_on=due_on
        )
        record_event(
            actor=actor,
            event_type=EventType.ACTION_ITEM_ASSIGNED,
            obj=item,
            data={"meeting": meeting.pk, "agency": agency.pk, "due_on": due_on.isoformat()},
        )
    return item


def _record_exists(kind: str, record_id: int) -> bool:
    from lentera.apps.justice.models import Proceeding
    from lentera.apps.protection.models import Referral

    model = {
        RecordKind.CASE: Case,
        RecordKind.REFERRAL: Referral,
        RecordKind.PROCEEDING: Proceeding,
        RecordKind.MEETING: Meeting,
    }[RecordKind(kind)]
    return bool(model._default_manager.filter(pk=record_id).exists())


def item_close(
    *,
    actor: User,
    item: ActionItem,
    version: int,
    note: str = "",
    file_name: str = "",
    file_content: bytes | None = None,
    record_kind: str = "",
    record_id: int | None = None,
) -> ActionItem:
    """Done, with proof: a note, a file, or a link to the Lentera record that shows it."""
    if not action_items.can(actor, Action.VIEW_DASHBOARD, item):
        raise NotFound()
    if item.status != ItemStatus.OPEN:
        raise ValidationError(_("This action item is no longer open."))
    errors: dict[str, str] = {}
    if file_content is not None and len(file_content) > MAX_PROOF_BYTES:
        errors["file"] = _("The file is larger than 5 MB.")
    if record_kind and (record_id is None or not _record_exists(record_kind, record_id)):
        errors["record_id"] = _("No such record.")
    if not (note.strip() or file_content or record_kind):
        errors["note"] = _("Give the proof: a note, a file or a Lentera record.")
    if errors:
        raise ValidationError(errors)
    check_no_identity(actor, {"note": note})
    with transaction.atomic():
        transition(
            ActionItem.objects,
            item.pk,
            from_states=[ItemStatus.OPEN],
            to_state=ItemStatus.DONE,
            version=version,
            instance=item,
            proof_note=note.strip(),
            proof_filename=file_name[:200] if file_content else "",
            proof_file=file_content or None,
            proof_record_kind=record_kind,
            proof_record_id=record_id if record_kind else None,
            closed_at=timezone.now(),
            closed_by=actor,
        )
        record_event(
            actor=actor,
            event_type=EventType.ACTION_ITEM_CLOSED,
            obj=item,
            data={
                "from": ItemStatus.OPEN.value,
                "proof": [
                    k
                    for k, v in (
                        ("note", note.strip()),
                        ("file", file_content),
                        ("record", record_kind),
                    )
                    if v
                ],
            },
        )
    return item


def item_cancel(*, actor: User, item: ActionItem, version: int, reason: str) -> ActionItem:
    if not action_items.can(actor, Action.MANAGE_MEETINGS, item):
        raise deny()
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the item is cancelled.")})
    check_no_identity(actor, {"reason": reason})
    with transaction.atomic():
        transition(
            ActionItem.objects,
            item.pk,
            from_states=[ItemStatus.OPEN],
            to_state=ItemStatus.CANCELLED,
            version=version,
            instance=item,
            proof_note=reason.strip(),
            closed_at=timezone.now(),
            closed_by=actor,
        )
        record_event(
            actor=actor,
            event_type=EventType.ACTION_ITEM_CANCELLED,
            obj=item,
            data={"from": ItemStatus.OPEN.value},
        )
    return item


def meeting_interval_set(
    *, actor: User | None, task_force: TaskForce, days: int, version: int | None = None
) -> MeetingRule:
    """The required interval between meetings of a task force (its regulation: Kupang every six
    months). ``version`` is the rule's version the form showed (a second save of a stale form
    is a conflict)."""
    if (
        actor is not None
        and not meetings.task_forces(actor, Action.MANAGE_MEETINGS)
        .filter(pk=task_force.pk)
        .exists()
    ):
        raise deny()
    if not 1 <= days <= 3660:
        raise ValidationError({"days": _("Give a number of days between 1 and 3660.")})
    with transaction.atomic():
        rule, _created = MeetingRule.objects.get_or_create(task_force=task_force)
        if version is not None:
            lock(MeetingRule.objects, rule.pk, version=version)
        before = rule.interval_days
        MeetingRule.objects.filter(pk=rule.pk).update(interval_days=days, version=F("version") + 1)
        rule.refresh_from_db()
        if actor is not None:
            record_event(
                actor=actor,
                event_type=EventType.MEETING_INTERVAL_SET,
                obj=task_force,
                data={"from": before, "to": days},
            )
    return rule


def interval_of(task_force: TaskForce) -> MeetingRule:
    """The task force's rule (unsaved, with the default interval, when none was set)."""
    return MeetingRule.objects.filter(task_force=task_force).first() or MeetingRule(
        task_force=task_force
    )


def meeting_cancel(*, actor: User, meeting: Meeting, version: int, reason: str) -> Meeting:
    """Cancel a meeting that has not been held (no minutes yet); the invited agencies are told.
    Its open action items stay as they are (a scheduled meeting has none)."""
    _require_meeting(actor, meeting)
    if meeting.status != MeetingStatus.SCHEDULED:
        raise ValidationError(_("Only a meeting still scheduled (no minutes) can be cancelled."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the meeting is cancelled.")})
    check_no_identity(actor, {"reason": reason})
    with transaction.atomic():
        transition(
            Meeting.objects,
            meeting.pk,
            from_states=[MeetingStatus.SCHEDULED],
            to_state=MeetingStatus.CANCELLED,
            version=version,
            instance=meeting,
        )
        record_event(
            actor=actor,
            event_type=EventType.MEETING_CANCELLED,
            obj=meeting,
            data={"from": MeetingStatus.SCHEDULED.value, "reason": reason.strip()[:300]},
        )
        notices.meeting_notices(meeting, NoticeKind.MEETING_CANCELLED)
    return meeting


def agenda_edit(
    *, actor: User, item: AgendaItem, topic: str, version: int, case: Case | None = None
) -> AgendaItem:
    """Change an agenda item's topic (and case reference) while the meeting is open; a stale
    form is a conflict."""
    meeting = item.meeting
    _require_meeting(actor, meeting)
    _require_open(meeting)
    if case is not None and not cases.can(actor, Action.VIEW_CASE, case):
        raise NotFound()
    if not topic.strip():
        raise ValidationError({"topic": _("Give the topic.")})
    check_no_identity(actor, {"topic": topic})
    with transaction.atomic():
        lock(Meeting.objects, meeting.pk, status=meeting.status)
        lock(AgendaItem.objects, item.pk, version=version)
        AgendaItem.objects.filter(pk=item.pk).update(
            topic=topic.strip(), case=case, version=F("version") + 1
        )
        item.refresh_from_db()
        record_event(
            actor=actor,
            event_type=EventType.MEETING_AGENDA_EDITED,
            obj=meeting,
            data={"agenda_item": item.pk, "case": case.pk if case else None},
        )
    return item


def decision_edit(*, actor: User, decision: Decision, text: str, version: int) -> Decision:
    """Reword a decision while the minutes are a draft (approved minutes are final); a stale
    form is a conflict."""
    meeting = decision.meeting
    _require_meeting(actor, meeting)
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("Decisions change only while the minutes are a draft."))
    if not text.strip():
        raise ValidationError({"text": _("Write the decision.")})
    check_no_identity(actor, {"text": text})
    with transaction.atomic():
        lock(Meeting.objects, meeting.pk, status=MeetingStatus.HELD)
        lock(Decision.objects, decision.pk, version=version)
        Decision.objects.filter(pk=decision.pk).update(text=text.strip(), version=F("version") + 1)
        decision.refresh_from_db()
        record_event(
            actor=actor,
            event_type=EventType.MEETING_DECISION_EDITED,
            obj=meeting,
            data={"decision": decision.pk, "number": decision.number},
        )
    return decision


def plan_seed(*, actor: User | None, task_force: TaskForce, year: int) -> list[PlanActivity]:
    """Start a task force's work plan for ``year`` from the catalogue (the national action
    plan's areas; Kupang's Perda activities too). Activities already there are kept."""
    if (
        actor is not None
        and not meetings.task_forces(actor, Action.MANAGE_MEETINGS)
        .filter(pk=task_force.pk)
        .exists()
    ):
        raise deny()
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Give a year between 2000 and 2100.")})
    with transaction.atomic():
        have = set(
            PlanActivity.objects.filter(task_force=task_force, year=year).values_list(
                "code", flat=True
            )
        )
        created = PlanActivity.objects.bulk_create(
            [
                PlanActivity(
                    task_force=task_force,
                    year=year,
                    code=code,
                    area=area,
                    source=source,
                    name=name,
                    measure=measure,
                    unit=unit,
                )
                for code, area, source, name, measure, unit in catalogue(task_force.legal_basis)
                if code not in have
            ]
        )
        if created:
            record_event(
                actor=actor,
                event_type=EventType.PLAN_SEEDED,
                obj=task_force,
                data={"year": year, "activities": len(created)},
            )
    return created


def activity_update(
    *,
    actor: User,
    activity: PlanActivity,
    version: int,
    target: int,
    unit: str,
    budget: int,
    realisation: int,
    done_typed: int,
    agencies: list[Agency],
) -> PlanActivity:
    """Responsible agencies, yearly target, budget and realisation of one activity; what was done
    is typed only for an activity Lentera does not count."""
    if (
        not meetings.task_forces(actor, Action.MANAGE_MEETINGS)
        .filter(pk=activity.task_force_id)
        .exists()
    ):
        raise deny()
    if min(target, budget, realisation, done_typed) < 0:
        raise ValidationError(_("Figures cannot be negative."))
    if activity.measure and done_typed:
        raise ValidationError(
            {"done_typed": _("Lentera counts this activity itself; leave 'done' empty.")}
        )
    check_no_identity(actor, {"unit": unit})
    with transaction.atomic():
        lock(PlanActivity.objects, activity.pk, version=version)
        PlanActivity.objects.filter(pk=activity.pk).update(
            target=target,
            unit=unit.strip(),
            budget=budget,
            realisation=realisation,
            done_typed=done_typed,
            version=F("version") + 1,
        )
        activity.refresh_from_db()
        activity.agencies.set(agencies)
        record_event(
            actor=actor,
            event_type=EventType.PLAN_ACTIVITY_UPDATED,
            obj=activity.task_force,
            data={
                "activity": activity.pk,
                "target": target,
                "budget": budget,
                "realisation": realisation,
                "done_typed": done_typed,
                "agencies": sorted(a.pk for a in agencies),
            },
        )
    return activity


def recommendation_accept(
    *, actor: User, task_force: TaskForce, year: int, agency: Agency, kind: str
) -> AcceptedRecommendation:
    """The chair accepts an incentive or disincentive that the year's scorecard proposes (only
    a proposal can be accepted, with the figures it rests on)."""
    from lentera.apps.coordination.scorecard import proposals, scorecard

    if not meetings.task_forces(actor, Action.APPROVE_MINUTES).filter(pk=task_force.pk).exists():
        raise deny()
    match = [
        p
        for p in proposals(scorecard(task_force=task_force, year=year))
        if p.agency.pk == agency.pk and p.kind == kind
    ]
    if not match:
        raise ValidationError(_("The scorecard does not propose this for the agency."))
    if AcceptedRecommendation.objects.filter(
        task_force=task_force, year=year, agency=agency, kind=kind
    ).exists():
        raise ValidationError(_("Already accepted."))
    with transaction.atomic():
        accepted = AcceptedRecommendation.objects.create(
            task_force=task_force,
            year=year,
            agency=agency,
            kind=kind,
            reasons=match[0].reasons,
            accepted_by=actor,
        )
        record_event(
            actor=actor,
            event_type=EventType.RECOMMENDATION_ACCEPTED,
            obj=task_force,
            data={"year": year, "agency": agency.pk, "kind": kind},
        )
    return accepted


def _require_task_force(actor: User, task_force: TaskForce) -> None:
    if not meetings.task_forces(actor, Action.MANAGE_MEETINGS).filter(pk=task_force.pk).exists():
        raise deny()


def report_for(*, task_force: TaskForce, year: int, period: str) -> PeriodicReport:
    """The report of the period (a row with an empty narrative until someone writes one)."""
    if period not in ReportPeriod.values or not 2000 <= year <= 2100:
        raise NotFound()
    report, _created = PeriodicReport.objects.get_or_create(
        task_force=task_force, year=year, period=period
    )
    return report


def narrative_save(*, actor: User, report: PeriodicReport, narrative: str, version: int) -> None:
    _require_task_force(actor, report.task_force)
    check_no_identity(actor, {"narrative": narrative})
    with transaction.atomic():
        lock(PeriodicReport.objects, report.pk, version=version)
        PeriodicReport.objects.filter(pk=report.pk).update(
            narrative=narrative.strip(), version=F("version") + 1
        )
        report.refresh_from_db()
        record_event(
            actor=actor,
            event_type=EventType.REPORT_NARRATIVE_SAVED,
            obj=report.task_force,
            data={"report": report.pk},
        )


def report_issue(*, actor: User, report: PeriodicReport, version: int) -> ReportVersion:
    """Issue the report as it stands: the figures, the narrative and the three files (PDF, XLSX,
    DOCX) are archived as a new numbered version."""
    from lentera.apps.coordination.report import (
        report_data,
        report_docx,
        report_pdf,
        report_xlsx,
    )

    _require_task_force(actor, report.task_force)
    with transaction.atomic():
        locked = lock(PeriodicReport.objects, report.pk, version=version)
        number = (locked.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        data = report_data(task_force=locked.task_force, year=locked.year, period=locked.period)
        issued = ReportVersion.objects.create(
            report=locked,
            number=number,
            issued_by=actor,
            narrative=locked.narrative,
            data=data,
            pdf=report_pdf(data, locked.narrative, number=number),
            xlsx=report_xlsx(data),
            docx=report_docx(data, locked.narrative, number=number),
        )
        record_event(
            actor=actor,
            event_type=EventType.REPORT_ISSUED,
            obj=locked.task_force,
            data={"report": locked.pk, "version": number},
        )
    return issued
