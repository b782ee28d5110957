"""Coordination pages: meetings (schedule, agenda, attendance, minutes, decisions, approval,
PDF), the lapse alert, and action items (the agency's and the secretariat's overdue lists).
Thin: parse, call one selector or service, render."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.models import Agency, TaskForce
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound
from lentera.apps.cases.policies import cases
from lentera.apps.coordination import notices, pdf, scorecard, selectors, services
from lentera.apps.coordination.forms import (
    ActivityForm,
    AgendaEditForm,
    AgendaForm,
    ApproveForm,
    AttendanceForm,
    CancelMeetingForm,
    CloseForm,
    DecisionEditForm,
    DecisionForm,
    IntervalForm,
    ItemForm,
    MeetingForm,
    MinutesForm,
    NarrativeForm,
)
from lentera.apps.coordination.models import (
    AcceptedRecommendation,
    Meeting,
    PlanActivity,
    ReportVersion,
)
from lentera.apps.coordination.policies import action_items, meetings
from lentera.apps.coordination.vocab import ItemStatus, MeetingStatus
from lentera.web.flow import Done, Outcome, submit

VIEW = (Action.MANAGE_MEETINGS, Action.APPROVE_MINUTES)


@requires(*VIEW)
def home(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    listed = list(selectors.meeting_list(user=user)[:200])
    rates = selectors.attendance_rates([m.pk for m in listed])
    return render(
        request,
        "coordination/home.html",
        {
            "meetings": [(m, rates.get(m.pk, (0, 0))) for m in listed],
            "lapses": selectors.lapses(user=user, today=timezone.localdate()),
            "can_manage": user.has_action(Action.MANAGE_MEETINGS),
            "forces": (
                meetings.task_forces(user, Action.MANAGE_MEETINGS)
                | meetings.task_forces(user, Action.APPROVE_MINUTES)
            ).distinct(),
            "year": timezone.localdate().year,
        },
    )


@requires(Action.MANAGE_MEETINGS)
def meeting_new(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    forces = meetings.task_forces(user, Action.MANAGE_MEETINGS)
    form = MeetingForm(request.POST or None, task_forces=forces)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda d: services.meeting_schedule(
                actor=user,
                task_force=d["task_force"],
                title=d["title"],
                kind=d["kind"],
                starts_at=d["starts_at"],
                place=d["place"],
                agencies=list(d["agencies"]),
                sub_task_force=d["sub_task_force"],
            ),
            done=_("Meeting scheduled."),
        )
        if isinstance(outcome, Done):
            return redirect("coordination:meeting", meeting_id=outcome.value.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "coordination/meeting_new.html", {"form": form}, status=status)


def _meeting_for(request: HttpRequest, meeting_id: int, action: Action | None = None) -> Meeting:
    """The meeting (404 outside reach); 403 when the user sees it but may not do ``action``."""
    meeting = selectors.meeting_get(user=request.user, meeting_id=meeting_id)
    if action is not None and not meetings.can(request.user, action, meeting):
        raise PermissionDenied
    return meeting


def _context(request: HttpRequest, meeting: Meeting, **forms: Any) -> dict[str, Any]:
    user = signed_in(request)
    manage = meetings.can(user, Action.MANAGE_MEETINGS, meeting)
    open_ = meeting.status in services.OPEN_MEETING
    held = meeting.status in (MeetingStatus.HELD, MeetingStatus.APPROVED)
    context: dict[str, Any] = {
        "m": meeting,
        "manage": manage and open_,
        "assign": manage and held,
        "decide": manage and meeting.status == MeetingStatus.HELD,
        "approve": meeting.status == MeetingStatus.HELD
        and meetings.can(user, Action.APPROVE_MINUTES, meeting),
        "today": timezone.localdate(),
    }
    if context["manage"]:
        context["agenda_form"] = forms.get("agenda_form") or AgendaForm()
        context["attendance_form"] = forms.get("attendance_form") or AttendanceForm(
            invitations=meeting.invitations.all()
        )
        context["minutes_form"] = forms.get("minutes_form") or MinutesForm(
            initial={"minutes": meeting.minutes, "version": meeting.version}
        )
    if context["decide"]:
        context["decision_form"] = forms.get("decision_form") or DecisionForm()
    if context["assign"]:
        context["item_form"] = forms.get("item_form") or ItemForm()
    if context["approve"]:
        context["approve_form"] = ApproveForm(initial={"version": meeting.version})
    if manage and meeting.status == MeetingStatus.SCHEDULED:
        context["cancel_form"] = forms.get("cancel_form") or CancelMeetingForm(
            initial={"version": meeting.version}
        )
    return context


@requires(*VIEW)
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_for(request, meeting_id)
    return render(request, "coordination/meeting.html", _context(request, meeting))


def _after(
    request: HttpRequest, meeting: Meeting, name: str, form: Any, outcome: Outcome[Any]
) -> HttpResponse:
    """Back to the meeting after a form of its page (the message was added by ``submit``), or
    the page again with the refused form."""
    if outcome.ok:
        return redirect("coordination:meeting", meeting_id=meeting.pk)
    fresh = _meeting_for(request, meeting.pk)
    return render(
        request, "coordination/meeting.html", _context(request, fresh, **{name: form}), status=400
    )


@require_POST
@requires(Action.MANAGE_MEETINGS)
def agenda_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_for(request, meeting_id, Action.MANAGE_MEETINGS)
    form = AgendaForm(request.POST)

    def add(data: dict[str, Any]) -> Any:
        return services.agenda_add(
            actor=signed_in(request),
            meeting=meeting,
            topic=data["topic"],
            case=_case_by_reference(request, data["case_reference"]),
        )

    outcome = submit(request, form, add, done=_("Agenda item added."))
    return _after(request, meeting, "agenda_form", form, outcome)


def _case_by_reference(request: HttpRequest, reference: str) -> Any:
    """The case with this reference in the user's reach, None for an empty reference."""
    reference = reference.strip()
    if not reference:
        return None
    case = cases.visible(request.user, Action.VIEW_CASE).filter(reference=reference).first()
    if case is None:
        raise ValidationError({"case_reference": _("No case with this reference in your reach.")})
    return case


def _after_flash(
    request: HttpRequest, meeting: Meeting, outcome: Outcome[Any], invalid: str
) -> HttpResponse:
    """For the small forms written in the page's lists (edit, cancel): back to the meeting,
    the refusal as messages, with the status it calls for (409: someone changed it first)."""
    if outcome.ok:
        return redirect("coordination:meeting", meeting_id=meeting.pk)
    assert not outcome.ok
    outcome.flash(request, invalid)
    fresh = _meeting_for(request, meeting.pk)
    return render(
        request, "coordination/meeting.html", _context(request, fresh), status=outcome.status
    )


@require_POST
@requires(Action.MANAGE_MEETINGS)
def agenda_edit(request: HttpRequest, meeting_id: int, agenda_id: int) -> HttpResponse:
    meeting = _meeting_for(request, meeting_id, Action.MANAGE_MEETINGS)
    item = meeting.agenda.filter(pk=agenda_id).first()
    if item is None:
        raise NotFound()
    form = AgendaEditForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda d: services.agenda_edit(
            actor=signed_in(request),
            item=item,
            topic=d["topic"],
            version=d["version"],
            case=_case_by_reference(request, d["case_reference"]),
        ),
        done=_("Agenda item changed."),
        conflict_as_message=True,
    )
    return _after_flash(request, meeting, outcome, _("Give the topic."))


@require_POST
@requires(Action.MANAGE_MEETINGS)
def decision_edit(request: HttpRequest, meeting_id: int, decision_id: int) -> HttpResponse:
    meeting = _meeting_for(request, meeting_id, Action.MANAGE_MEETINGS)
    decision = meeting.decisions.filter(pk=decision_id).first()
    if decision is None:
        raise NotFound()
    form = DecisionEditForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda d: services.decision_edit(
            actor=signed_in(request), decision=decision, text=d["text"], version=d["version"]
        ),
        done=_("Decision changed."),
        conflict_as_message=True,
    )
    return _after_flash(request, meeting, outcome, _("Write the decision."))


@require_POST
@requires(Action.MANAGE_MEETINGS)
def meeting_cancel(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_for(request, meeting_id, Action.MANAGE_MEETINGS)
    form = CancelMeetingForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda d: services.meeting_cancel(
            actor=signed_in(request), meeting=meeting, version=d["version"], reason=d["reason"]
        ),
        done=_("Meeting cancelled; the invited agencies are told."),
        conflict_as_message=True,
    )
    if outcome.ok:
        return redirect("coordination:meeting", meeting_id=meeting.pk)
    fresh = _meeting_for(request, meeting.pk)
    return render(
        request,
        "coordination/meeting.html",
        _context(request, fresh, cancel_form=form),
        status=outcome.status,
    )


@requires(Action.MANAGE_MEETINGS)
def interval(request: HttpRequest, task_force_id: int) -> HttpResponse:
    """The task force's required interval between meetings (the lapse alert uses it)."""
    user = signed_in(request)
    task_force = meetings.task_forces(user, Action.MANAGE_MEETINGS).filter(pk=task_force_id).first()
    if task_force is None:
        raise NotFound()
    rule = services.interval_of(task_force)
    form = IntervalForm(
        request.POST or None,
        initial={"days": rule.interval_days, "version": rule.version if rule.pk else None},
    )
    status = 200
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda d: services.meeting_interval_set(
                actor=user, task_force=task_force, days=d["days"], version=d["version"]
            ),
            done=_("Required interval saved."),
        )
        if outcome.ok:
            return redirect("coordination:home")
        status = outcome.status
    return render(
        request,
        "coordination/interval.html",
        {"tf": task_force, "form": form, "rule": rule},
        status=status,
    )


@requires(Action.VIEW_DASHBOARD)
def notice_list(request: HttpRequest) -> HttpResponse:
    """The coordination notices of the user's agency, unread first."""
    rows = list(notices.notices_for(user=request.user)[:200])
    return render(
        request,
        "coordination/notices.html",
        {"rows": [(n, *notices.subject_and_body(n), notices.link_of(n)) for n in rows]},
    )


@require_POST
@requires(Action.VIEW_DASHBOARD)
def notice_read(request: HttpRequest, coordination_notice_id: int) -> HttpResponse:
    row = notices.notice_get(user=request.user, notice_id=coordination_notice_id)
    notices.notice_read(actor=signed_in(request), notice=row)
    return redirect("coordination:notices")


@require_POST
@requires(Action.MANAGE_MEETINGS)
def attendance(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_for(request, meeting_id, Action.MANAGE_MEETINGS)
    form = AttendanceForm(request.POST, invitations=meeting.invitations.all())
    outcome = submit(
        request,
        form,
        lambda _d: services.attendance_record(
            actor=signed_in(request), meeting=meeting, attendance=form.values()
        ),
        done=_("Attendance recorded."),
    )
    return _after(request, meeting, "attendance_form", form, outcome)


@require_POST
@requires(Action.MANAGE_MEETINGS)
def minutes(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_for(request, meeting_id, Action.MANAGE_MEETINGS)
    form = MinutesForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda d: services.minutes_record(actor=signed_in(request), meeting=meeting, **d),
        done=_("Minutes recorded."),
    )
    return _after(request, meeting, "minutes_form", form, outcome)


@require_POST
@requires(Action.MANAGE_MEETINGS)
def decision_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_for(request, meeting_id, Action.MANAGE_MEETINGS)
    form = DecisionForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda d: services.decision_add(actor=signed_in(request), meeting=meeting, text=d["text"]),
        done=_("Decision recorded."),
    )
    return _after(request, meeting, "decision_form", form, outcome)


@require_POST
@requires(Action.MANAGE_MEETINGS)
def item_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_for(request, meeting_id, Action.MANAGE_MEETINGS)
    form = ItemForm(request.POST)

    def assign(data: dict[str, Any]) -> Any:
        raw = request.POST.get("decision", "")
        decision = meeting.decisions.filter(pk=int(raw)).first() if raw.isdigit() else None
        if decision is None:
            raise NotFound()
        return services.item_assign(
            actor=signed_in(request),
            decision=decision,
            agency=data["agency"],
            officer=data["officer"],
            task=data["task"],
            due_on=data["due_on"],
        )

    outcome = submit(
        request,
        form,
        assign,
        done=lambda _item: (
            _("Action item assigned to %(agency)s.") % {"agency": form.cleaned_data["agency"]}
        ),
    )
    return _after(request, meeting, "item_form", form, outcome)


@require_POST
@requires(Action.APPROVE_MINUTES)
def approve(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_for(request, meeting_id, Action.APPROVE_MINUTES)
    form = ApproveForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda d: services.minutes_approve(
            actor=signed_in(request), meeting=meeting, version=d["version"]
        ),
        done=_("Minutes approved."),
    )
    return _after(request, meeting, "approve_form", form, outcome)


@requires(*VIEW)
def minutes_pdf(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting_for(request, meeting_id)
    response = HttpResponse(pdf.minutes_pdf(meeting), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="notulen-{meeting.pk}.pdf"'
    return response


@requires(Action.VIEW_DASHBOARD)
def items(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    today = timezone.localdate()
    listed = selectors.item_list(user=user)
    return render(
        request,
        "coordination/items.html",
        {
            "mine": listed.filter(agency_id=user.agency_id, status=ItemStatus.OPEN)
            if user.agency_id
            else listed.none(),
            "overdue": selectors.overdue_by_agency(user=user, today=today),
            "today": today,
            "perms_meetings": any(user.has_action(a) for a in VIEW),
            "unread": notices.notices_for(user=user, unread_only=True).count(),
        },
    )


def _item_context(request: HttpRequest, item: Any, form: Any = None) -> dict[str, Any]:
    user = signed_in(request)
    closable = item.status == ItemStatus.OPEN and action_items.can(
        user, Action.VIEW_DASHBOARD, item
    )
    return {
        "item": item,
        "form": (form or CloseForm(initial={"version": item.version})) if closable else None,
        "today": timezone.localdate(),
    }


@requires(Action.VIEW_DASHBOARD)
def item_detail(request: HttpRequest, item_id: int) -> HttpResponse:
    item = selectors.item_get(user=request.user, item_id=item_id)
    if request.method != "POST":
        return render(request, "coordination/item.html", _item_context(request, item))
    form = CloseForm(request.POST, request.FILES)

    def close(data: dict[str, Any]) -> Any:
        upload = data["file"]
        return services.item_close(
            actor=signed_in(request),
            item=item,
            version=data["version"],
            note=data["note"],
            file_name=upload.name if upload else "",
            file_content=upload.read() if upload else None,
            record_kind=data["record_kind"],
            record_id=data["record_id"],
        )

    if submit(request, form, close, done=_("Action item closed.")).ok:
        return redirect("coordination:item", item_id=item.pk)
    fresh = selectors.item_get(user=request.user, item_id=item_id)
    return render(
        request, "coordination/item.html", _item_context(request, fresh, form), status=400
    )


@requires(Action.VIEW_DASHBOARD)
def item_file(request: HttpRequest, item_id: int) -> HttpResponse:
    item = selectors.item_get(user=request.user, item_id=item_id)
    if not item.proof_file:
        raise NotFound()
    response = HttpResponse(bytes(item.proof_file), content_type="application/octet-stream")
    name = item.proof_filename.replace('"', "") or f"bukti-{item.pk}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _task_force_for(request: HttpRequest, task_force_id: int) -> TaskForce:
    """A task force in the user's reach (404 otherwise)."""
    user = signed_in(request)
    reach = meetings.task_forces(user, Action.MANAGE_MEETINGS) | meetings.task_forces(
        user, Action.APPROVE_MINUTES
    )
    found = reach.filter(pk=task_force_id).first()
    if found is None:
        raise NotFound()
    return found


@requires(*VIEW)
def plan(request: HttpRequest, task_force_id: int, year: int) -> HttpResponse:
    """The work plan (RAD) of a task force for a year; the secretariat starts it from the
    catalogue (POST)."""
    task_force = _task_force_for(request, task_force_id)
    user = signed_in(request)
    if request.method == "POST":
        if not user.has_action(Action.MANAGE_MEETINGS):
            raise PermissionDenied
        created = services.plan_seed(actor=user, task_force=task_force, year=year)
        messages.success(
            request, _("%(n)s activities added from the catalogue.") % {"n": len(created)}
        )
        return redirect("coordination:plan", task_force_id=task_force.pk, year=year)
    activities = PlanActivity.objects.filter(task_force=task_force, year=year).prefetch_related(
        "agencies"
    )
    return render(
        request,
        "coordination/plan.html",
        {
            "tf": task_force,
            "year": year,
            "activities": activities,
            "manage": user.has_action(Action.MANAGE_MEETINGS),
        },
    )


@requires(Action.MANAGE_MEETINGS)
def activity(request: HttpRequest, activity_id: int) -> HttpResponse:
    user = signed_in(request)
    found = (
        PlanActivity.objects.filter(
            task_force__in=meetings.task_forces(user, Action.MANAGE_MEETINGS)
        )
        .select_related("task_force")
        .filter(pk=activity_id)
        .first()
    )
    if found is None:
        raise NotFound()
    form = ActivityForm.of(found)
    if request.method == "POST":
        form = ActivityForm(request.POST)
        if found.measure:
            del form.fields["done_typed"]
        saved = submit(
            request,
            form,
            lambda d: services.activity_update(
                actor=user,
                activity=found,
                version=d["version"],
                target=d["target"],
                unit=d["unit"],
                budget=d["budget"],
                realisation=d["realisation"],
                done_typed=d.get("done_typed") or 0,
                agencies=list(d["agencies"]),
            ),
            done=_("Activity saved."),
        )
        if saved.ok:
            return redirect("coordination:plan", task_force_id=found.task_force_id, year=found.year)
    status = 400 if request.method == "POST" else 200
    return render(request, "coordination/activity.html", {"a": found, "form": form}, status=status)


@requires(*VIEW)
def scorecard_page(request: HttpRequest, task_force_id: int, year: int) -> HttpResponse:
    task_force = _task_force_for(request, task_force_id)
    card = scorecard.scorecard(task_force=task_force, year=year)
    accepted = {
        (r.agency_id, r.kind): r
        for r in AcceptedRecommendation.objects.filter(task_force=task_force, year=year)
    }
    return render(
        request,
        "coordination/scorecard.html",
        {
            "card": card,
            "proposals": [
                (p, accepted.get((p.agency.pk, p.kind))) for p in scorecard.proposals(card)
            ],
            "can_accept": meetings.task_forces(request.user, Action.APPROVE_MINUTES)
            .filter(pk=task_force.pk)
            .exists(),
        },
    )


@require_POST
@requires(Action.APPROVE_MINUTES)
def recommendation_accept(request: HttpRequest, task_force_id: int, year: int) -> HttpResponse:
    task_force = _task_force_for(request, task_force_id)
    agency = Agency.objects.filter(pk=request.POST.get("agency") or 0).first()
    if agency is None:
        raise NotFound()
    try:
        services.recommendation_accept(
            actor=signed_in(request),
            task_force=task_force,
            year=year,
            agency=agency,
            kind=request.POST.get("kind", ""),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Recommendation accepted."))
    return redirect("coordination:scorecard", task_force_id=task_force.pk, year=year)


@requires(*VIEW)
def report(request: HttpRequest, task_force_id: int, year: int, period: str) -> HttpResponse:
    """The periodic report: the figures as they stand, the narrative (the secretariat writes it,
    POST) and the issued versions."""
    from lentera.apps.coordination.report import (
        report_data,
        report_tables,
        rollup,
        rollup_tables,
    )

    task_force = _task_force_for(request, task_force_id)
    user = signed_in(request)
    found = services.report_for(task_force=task_force, year=year, period=period)
    form = NarrativeForm(initial={"narrative": found.narrative, "version": found.version})
    status = 200
    if request.method == "POST":
        if not user.has_action(Action.MANAGE_MEETINGS):
            raise PermissionDenied
        form = NarrativeForm(request.POST)
        saved = submit(
            request,
            form,
            lambda d: services.narrative_save(actor=user, report=found, **d),
            done=_("Narrative saved."),
        )
        if saved.ok:
            return redirect(request.path)
        status = 400
    data = report_data(task_force=task_force, year=year, period=period)
    rolled = rollup(task_force=task_force, year=year, period=period, k=settings.LENTERA_PUBLIC_K)
    return render(
        request,
        "coordination/report.html",
        {
            "r": found,
            "data": data,
            "tables": report_tables(data),
            "rollup_tables": rollup_tables(rolled) if rolled else [],
            "form": form,
            "manage": user.has_action(Action.MANAGE_MEETINGS),
            "versions": found.versions.only("number", "issued_at", "report_id"),
            "rollup": rolled,
        },
        status=status,
    )


@require_POST
@requires(Action.MANAGE_MEETINGS)
def report_issue(request: HttpRequest, task_force_id: int, year: int, period: str) -> HttpResponse:
    task_force = _task_force_for(request, task_force_id)
    found = services.report_for(task_force=task_force, year=year, period=period)
    raw = request.POST.get("version", "")
    try:
        issued = services.report_issue(
            actor=signed_in(request), report=found, version=int(raw) if raw.isdigit() else 0
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Version %(n)s issued.") % {"n": issued.number})
    return redirect("coordination:report", task_force_id=task_force.pk, year=year, period=period)


def _version_for(request: HttpRequest, version_id: int) -> ReportVersion:
    user = signed_in(request)
    reach = meetings.task_forces(user, Action.MANAGE_MEETINGS) | meetings.task_forces(
        user, Action.APPROVE_MINUTES
    )
    found = ReportVersion.objects.filter(pk=version_id, report__task_force__in=reach).first()
    if found is None:
        raise NotFound()
    return found


@requires(*VIEW)
def report_pdf(request: HttpRequest, version_id: int) -> HttpResponse:
    found = _version_for(request, version_id)
    response = HttpResponse(bytes(found.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="laporan-v{found.number}.pdf"'
    return response


@requires(*VIEW)
def report_xlsx(request: HttpRequest, version_id: int) -> HttpResponse:
    found = _version_for(request, version_id)
    response = HttpResponse(
        bytes(found.xlsx),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="laporan-v{found.number}.xlsx"'
    return response


@requires(*VIEW)
def report_docx(request: HttpRequest, version_id: int) -> HttpResponse:
    from lentera.apps.coordination.report import report_docx as make_docx

    found = _version_for(request, version_id)
    # a version issued before the DOCX existed: made from what that version archived
    content = bytes(found.docx) or make_docx(found.data, found.narrative, number=found.number)
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="laporan-v{found.number}.docx"'
    return response
