"""Outreach events and courses with their six-month evaluation (issue #15, item 1)."""

from __future__ import annotations

import csv
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.policies import NotFound
from lentera.apps.prevention import selectors, services
from lentera.apps.prevention.models import Course, CourseParticipant
from lentera.apps.prevention.outreach_forms import (
    CourseForm,
    EvaluationForm,
    EventForm,
    ParticipantsForm,
)
from lentera.apps.prevention.policies import (
    PREVENTION_WORK,
    READ,
    WORK,
    courses,
    does_prevention,
    outreach,
)
from lentera.apps.prevention.views.common import reads
from lentera.apps.prevention.vocab import AUDIENCE_GROUPS
from lentera.web.flow import submit

PAGE_SIZE = 50


@reads(outreach)
def event_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    qs = outreach.visible(user, READ).select_related("agency", "region")
    year = request.GET.get("year", "")
    if year.isdigit() and 1900 <= int(year) <= 2100:
        qs = qs.filter(held_on__year=int(year))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "prevention/outreach_list.html",
        {
            "page": page,
            "totals": selectors.outreach_totals(qs),
            "groups": AUDIENCE_GROUPS,
            "can_record": does_prevention(user),
            "year": year,
        },
    )


@requires(*PREVENTION_WORK)
def event_new(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    form = EventForm(request.POST or None, user=user)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.event_record(actor=user, **form.service_kwargs()),
            done=_("Outreach event recorded."),
        )
        if outcome.ok:
            return redirect("prevention:outreach")
    status = 400 if form.is_bound else 200
    return render(request, "prevention/outreach_form.html", {"form": form}, status=status)


@reads(courses)
def course_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    qs = courses.visible(user, READ).select_related("agency", "region")
    rows = [{"course": c, "figures": selectors.course_figures(c)} for c in qs[:200]]
    return render(
        request,
        "prevention/course_list.html",
        {"rows": rows, "can_record": does_prevention(user)},
    )


@requires(*PREVENTION_WORK)
def course_new(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    form = CourseForm(request.POST or None, user=user)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.course_record(actor=user, **data),
            done=_("Course recorded. Add its participants."),
        )
        if outcome.ok:
            return redirect("prevention:course", course_id=outcome.value.pk)
    status = 400 if form.is_bound else 200
    return render(request, "prevention/course_form.html", {"form": form}, status=status)


def _course(request: HttpRequest, course_id: int) -> Course:
    return courses.get_for(
        request.user,
        READ,
        course_id,
        queryset=Course.objects.select_related("agency", "region", "recorded_by"),
    )


@reads(courses)
def course_detail(request: HttpRequest, course_id: int) -> HttpResponse:
    user = signed_in(request)
    course = _course(request, course_id)
    handle = courses.can_handle(user, course)
    participants = (
        [
            {"p": p, "name": name}
            for p, name in services.participants_reveal(user=user, course=course)
        ]
        if handle
        else []
    )
    context: dict[str, Any] = {
        "course": course,
        "handle": handle,
        "participants": participants,
        "figures": selectors.course_figures(course),
        "today": timezone.localdate(),
        "due_on": services.add_months(course.ends_on, course.evaluation_months),
    }
    if handle:
        context["participants_form"] = ParticipantsForm()
    return render(request, "prevention/course_detail.html", context)


@requires(*PREVENTION_WORK)
@require_POST
def course_participants(request: HttpRequest, course_id: int) -> HttpResponse:
    user = signed_in(request)
    course = courses.get_to_act(user, WORK, course_id, read=READ)
    form = ParticipantsForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.participants_add(actor=user, course=course, people=form.people()),
        done=lambda created: _("%(n)s participants added.") % {"n": len(created)},
    )
    if not outcome.ok:
        if form.errors:
            outcome.flash(
                request, invalid=" ".join(str(e) for es in form.errors.values() for e in es)
            )
        else:
            outcome.flash(request)
    return redirect("prevention:course", course_id=course.pk)


@requires(*PREVENTION_WORK)
@require_POST
def course_attendance(request: HttpRequest, course_id: int) -> HttpResponse:
    user = signed_in(request)
    course = courses.get_to_act(user, WORK, course_id, read=READ)
    attended: dict[int, int] = {}
    completed: set[int] = set()
    for key in request.POST:
        value = str(request.POST.get(key, ""))
        if key.startswith("attended-") and key[9:].isdigit():
            attended[int(key[9:])] = int(value) if value.strip().isdigit() else -1
        if key.startswith("completed-") and key[10:].isdigit():
            completed.add(int(key[10:]))
    try:
        services.attendance_record(
            actor=user, course=course, attended=attended, completed=completed
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Attendance saved."))
    return redirect("prevention:course", course_id=course.pk)


@requires(*PREVENTION_WORK)
def participant_evaluate(request: HttpRequest, course_id: int, participant_id: int) -> HttpResponse:
    user = signed_in(request)
    course = courses.get_to_act(user, WORK, course_id, read=READ)
    participant = course.participants.filter(pk=participant_id).first()
    if participant is None:
        raise NotFound()
    initial: dict[str, Any] = {"evaluated_on": participant.evaluated_on or timezone.localdate()}
    for name in ("employed", "migrated", "licensed_channel"):
        value = getattr(participant, name)
        initial[name] = "" if value is None else ("yes" if value else "no")
    initial["note"] = participant.evaluation_note
    form = EvaluationForm(request.POST or None, initial=initial)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.participant_evaluate(
                actor=user, participant=participant, **form.service_kwargs()
            ),
            done=_("Evaluation saved."),
        )
        if outcome.ok:
            return redirect("prevention:course", course_id=course.pk)
    status = 400 if form.is_bound else 200
    name = services.participant_reveal(user=user, participant=participant)
    return render(
        request,
        "prevention/evaluation_form.html",
        {"form": form, "course": course, "participant": participant, "name": name},
        status=status,
    )


@requires(*PREVENTION_WORK)
def course_export(request: HttpRequest, course_id: int) -> HttpResponse:
    """The follow-up table of a course as CSV, without names: number, sex, age, attendance and
    the evaluation's answers."""
    user = signed_in(request)
    course = courses.get_to_act(user, WORK, course_id, read=READ)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="course-{course.pk}-followup.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "participant",
            "sex",
            "age",
            "sessions_attended",
            "sessions",
            "completed",
            "evaluation_due",
            "evaluated_on",
            "employed",
            "migrated",
            "licensed_channel",
        ]
    )

    def tri(value: bool | None) -> str:
        return "" if value is None else ("yes" if value else "no")

    rows: list[CourseParticipant] = list(course.participants.all())
    for number, p in enumerate(rows, start=1):
        writer.writerow(
            [
                number,
                p.sex,
                "" if p.age is None else p.age,
                p.sessions_attended,
                course.sessions,
                tri(p.completed),
                p.evaluation_due.isoformat(),
                p.evaluated_on.isoformat() if p.evaluated_on else "",
                tri(p.employed),
                tri(p.migrated),
                tri(p.licensed_channel),
            ]
        )
    return response
