"""Community reports, delay requests to Immigration and platform take-downs (issue #15,
items 3-5)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.prevention import services
from lentera.apps.prevention.models import CommunityReport, TakedownRequest
from lentera.apps.prevention.outreach_forms import (
    CaseReferenceForm,
    CommunityReportForm,
    DelayAnswerForm,
    DelayRequestForm,
    OpenCaseTitleForm,
    ReportTriageForm,
    TakedownAnswerForm,
    TakedownForm,
)
from lentera.apps.prevention.policies import (
    PREVENTION_WORK,
    READ,
    WORK,
    community_reports,
    delay_requests,
    departures,
    does_prevention,
    takedowns,
)
from lentera.apps.prevention.views.common import reads
from lentera.apps.prevention.vocab import DelayOutcome, ReportStatus, TakedownOutcome
from lentera.web.flow import submit

PAGE_SIZE = 50


# -- community reports ---------------------------------------------------------------------------


@reads(community_reports)
def report_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    qs = community_reports.visible(user, READ).select_related("agency", "region")
    status = request.GET.get("status", "open")
    if status == "open":
        qs = qs.filter(status__in=[ReportStatus.NEW, ReportStatus.WATCH])
    elif status in ReportStatus.values:
        qs = qs.filter(status=status)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "prevention/report_list.html",
        {
            "page": page,
            "status": status,
            "statuses": ReportStatus.choices,
            "can_record": does_prevention(user),
        },
    )


@requires(*PREVENTION_WORK)
def report_new(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    form = CommunityReportForm(request.POST or None, user=user)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.report_record(actor=user, **data),
            done=_("Report recorded."),
        )
        if outcome.ok:
            return redirect("prevention:report", report_id=outcome.value.pk)
    status = 400 if form.is_bound else 200
    return render(request, "prevention/report_form.html", {"form": form}, status=status)


@reads(community_reports)
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    user = signed_in(request)
    report = community_reports.get_for(
        user,
        READ,
        report_id,
        queryset=CommunityReport.objects.select_related(
            "agency", "region", "placement_agency", "case", "triaged_by"
        ),
    )
    handle = community_reports.can_handle(user, report)
    context: dict[str, Any] = {"report": report, "handle": handle}
    if handle:
        context.update(
            revealed=services.report_reveal(user=user, report=report),
            triage_form=ReportTriageForm(
                initial={
                    "status": report.status if report.status != ReportStatus.CASE else "new",
                    "note": report.note,
                }
            ),
            can_open_case=services.can_open_case_from_report(user, report),
            case_form=OpenCaseTitleForm(),
        )
    return render(request, "prevention/report_detail.html", context)


@requires(*PREVENTION_WORK)
@require_POST
def report_triage(request: HttpRequest, report_id: int) -> HttpResponse:
    user = signed_in(request)
    report = community_reports.get_to_act(user, WORK, report_id, read=READ)
    form = ReportTriageForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.report_triage(actor=user, report=report, **data),
        done=_("Status saved."),
        conflict_as_message=True,
    )
    if not outcome.ok:
        outcome.flash(request, invalid=_("Choose a status."))
    return redirect("prevention:report", report_id=report.pk)


@requires(Action.CREATE_CASE)
@require_POST
def report_case(request: HttpRequest, report_id: int) -> HttpResponse:
    user = signed_in(request)
    report = community_reports.get_to_act(user, WORK, report_id, read=READ)
    form = OpenCaseTitleForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.report_open_case(actor=user, report=report, title=data["title"]),
        done=lambda case: (
            _("Case %(reference)s opened from the report.") % {"reference": case.reference}
        ),
        conflict_as_message=True,
    )
    if outcome.ok:
        return redirect("cases:detail", outcome.value.pk)
    outcome.flash(request)
    return redirect("prevention:report", report_id=report.pk)


# -- delay requests --------------------------------------------------------------------------------


@reads(delay_requests)
def delay_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    qs = delay_requests.visible(user, READ).select_related("agency", "departure")
    figures = dict(qs.values_list("outcome").annotate(n=Count("id")).values_list("outcome", "n"))
    return render(
        request,
        "prevention/delay_list.html",
        {
            "requests": qs[:500],
            "figures": [
                (label, figures.get(code, 0), code) for code, label in DelayOutcome.choices
            ],
            "answer_form": DelayAnswerForm(initial={"answered_on": timezone.localdate()}),
            "handle_ids": {r.pk for r in qs if delay_requests.can_handle(user, r)},
        },
    )


@requires(Action.SCREEN_DEPARTURE)
@require_POST
def delay_new(request: HttpRequest, departure_id: int) -> HttpResponse:
    user = signed_in(request)
    departure = departures.get_to_act(user, Action.SCREEN_DEPARTURE, departure_id, read=READ)
    form = DelayRequestForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.delay_request(actor=user, departure=departure, **data),
        done=_("Request to Immigration recorded."),
    )
    if not outcome.ok:
        outcome.flash(request, invalid=_("Give the office and the date sent."))
    return redirect("prevention:departure", departure_id=departure.pk)


@requires(Action.SCREEN_DEPARTURE)
@require_POST
def delay_answer(request: HttpRequest, delay_id: int) -> HttpResponse:
    user = signed_in(request)
    item = delay_requests.get_to_act(user, Action.SCREEN_DEPARTURE, delay_id, read=READ)
    form = DelayAnswerForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.delay_answer(actor=user, request=item, **data),
        done=_("Answer recorded."),
        conflict_as_message=True,
    )
    if not outcome.ok:
        outcome.flash(request, invalid=_("Choose the outcome and the date."))
    return redirect("prevention:delays")


# -- take-downs ----------------------------------------------------------------------------------


@reads(takedowns)
def takedown_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    can_record = user.has_action(Action.SCREEN_OFFER) and user.agency_id is not None
    form = TakedownForm(request.POST or None) if can_record else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        outcome = submit(
            request,
            form,
            lambda data: services.takedown_record(actor=user, **data),
            done=_("Take-down request recorded."),
        )
        if outcome.ok:
            return redirect("prevention:takedown", takedown_id=outcome.value.pk)
    qs = takedowns.visible(user, READ).select_related("agency", "case")
    figures = dict(qs.values_list("outcome").annotate(n=Count("id")).values_list("outcome", "n"))
    return render(
        request,
        "prevention/takedown_list.html",
        {
            "requests": qs[:500],
            "form": form,
            "figures": [
                (label, figures.get(code, 0), code) for code, label in TakedownOutcome.choices
            ],
        },
        status=400 if form is not None and form.is_bound else 200,
    )


@reads(takedowns)
def takedown_detail(request: HttpRequest, takedown_id: int) -> HttpResponse:
    user = signed_in(request)
    item = takedowns.get_for(
        user,
        READ,
        takedown_id,
        queryset=TakedownRequest.objects.select_related("agency", "case", "offer"),
    )
    handle = takedowns.can_handle(user, item)
    context: dict[str, Any] = {"item": item, "handle": handle}
    if handle:
        context.update(
            revealed=services.takedown_reveal(user=user, request=item),
            answer_form=TakedownAnswerForm(initial={"answered_on": timezone.localdate()}),
            case_form=CaseReferenceForm(),
        )
    return render(request, "prevention/takedown_detail.html", context)


@requires(Action.SCREEN_OFFER)
@require_POST
def takedown_answer(request: HttpRequest, takedown_id: int) -> HttpResponse:
    user = signed_in(request)
    item = takedowns.get_to_act(user, Action.SCREEN_OFFER, takedown_id, read=READ)
    form = TakedownAnswerForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.takedown_answer(actor=user, request=item, **data),
        done=_("Answer recorded."),
        conflict_as_message=True,
    )
    if not outcome.ok:
        outcome.flash(request, invalid=_("Choose the outcome and the date."))
    return redirect("prevention:takedown", takedown_id=item.pk)


@requires(Action.SCREEN_OFFER)
@require_POST
def takedown_case(request: HttpRequest, takedown_id: int) -> HttpResponse:
    from lentera.apps.cases.models import Case

    user = signed_in(request)
    item = takedowns.get_to_act(user, Action.SCREEN_OFFER, takedown_id, read=READ)
    form = CaseReferenceForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.takedown_link_case(
            actor=user,
            request=item,
            case=Case.objects.filter(reference=data["reference"].strip()).first(),
        ),
        done=_("Account linked to the case."),
    )
    if not outcome.ok:
        outcome.flash(request, invalid=_("Give a case reference."))
    return redirect("prevention:takedown", takedown_id=item.pk)
