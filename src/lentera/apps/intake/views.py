"""Officers' pages under /pengaduan/: the complaint list, registering a complaint, the complaint
page with triage, the reporter behind "show identity", search before create, attaching to a
case, opening a case, closing and reopening."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import Requester
from lentera.apps.cases.models import Case
from lentera.apps.cases.policies import cases
from lentera.apps.intake import selectors, services
from lentera.apps.intake.forms import (
    AcknowledgeForm,
    CloseForm,
    ListFilterForm,
    OpenCaseForm,
    RegisterForm,
    ReopenForm,
    SearchForm,
    TriageForm,
)
from lentera.apps.intake.models import URGENCY_SHORT, Complaint, ComplaintStatus, Urgency
from lentera.apps.intake.parsing import FLAGS
from lentera.apps.intake.policies import complaints
from lentera.apps.people.forms import RevealForm
from lentera.apps.reference.models import Region
from lentera.web.flow import submit

PAGE_SIZE = 25
DETAIL_RELATED = (
    "receiving_agency",
    "routed_agency",
    "region",
    "case",
    "registered_by",
    "task_force",
)


def _region(code: str, field: str) -> Region | None:
    code = code.strip()
    if not code:
        return None
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise ValidationError({field: _("No region has this code.")})
    return region


def _get(user: Requester, complaint_id: int) -> Complaint:
    return complaints.get_for(
        user,
        Action.VIEW_COMPLAINT,
        complaint_id,
        queryset=Complaint.objects.select_related(*DETAIL_RELATED),
    )


@requires(Action.VIEW_COMPLAINT)
def complaint_list(request: HttpRequest) -> HttpResponse:
    form = ListFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
    qs = selectors.complaint_list(user=request.user, **filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    user = signed_in(request)
    return render(
        request,
        "intake/list.html",
        {
            "form": form,
            "page": page,
            "now": timezone.now(),
            "can_register": user.has_action(Action.REGISTER_COMPLAINT),
        },
    )


@requires(Action.REGISTER_COMPLAINT)
def complaint_register(request: HttpRequest) -> HttpResponse:
    actor = signed_in(request)
    form = RegisterForm(request.POST or None)

    def register(data: dict[str, Any]) -> Complaint:
        return services.complaint_register(
            actor=actor,
            channel=data["channel"],
            received_at=data["received_at"],
            facts=form.facts_input(_region(data["region_code"], "region_code")),
            reporter=form.reporter_input(),
            acknowledged_verbally=data["acknowledged_verbally"],
        )

    if request.method == "POST":
        outcome = submit(
            request,
            form,
            register,
            done=lambda complaint: (
                _("Complaint registered. Tracking code for the reporter: %(code)s")
                % {"code": complaint.tracking_code}
            ),
        )
        if outcome.ok:
            return redirect("intake:detail", complaint_id=outcome.value.pk)
    return render(request, "intake/register.html", {"form": form})


def _triage_form(complaint: Complaint, suggestion: services.Suggestion | None) -> TriageForm:
    """The triage form filled from the complaint. Once triaged, an urgency or agency that differs
    from what the rules say is filled in too, with its reason: saved unchanged, the triage stays
    as it was instead of falling back to the rules (issue #11). What agrees with the rules stays
    "as the rules say", so corrected facts still decide."""
    initial: dict[str, Any] = {
        "version": complaint.version,
        "involves_child": complaint.involves_child,
        "any_child": complaint.any_child,
        "any_man": complaint.any_man,
        "people_count": complaint.people_count,
        "danger_now": complaint.danger_now,
        "departure_today": complaint.departure_today,
        "migrant_worker": complaint.migrant_worker,
        "public_note": complaint.public_note,
    }
    if complaint.triaged_at is not None and suggestion is not None:
        if complaint.urgency != suggestion.urgency:
            initial["urgency"] = complaint.urgency
        if complaint.routed_agency_id != (suggestion.agency.pk if suggestion.agency else None):
            initial["routed_agency"] = complaint.routed_agency_id
        initial["reason"] = complaint.override_reason
    return TriageForm(initial=initial)


def _detail(
    request: HttpRequest,
    complaint: Complaint,
    status: int = 200,
    search: Any = None,
    **forms: Any,
) -> HttpResponse:
    user = signed_in(request)
    handler = complaints.is_handler(user, complaint)
    content = services.narrative_read(user=user, complaint=complaint) if handler else None
    can_handle = complaints.can(user, Action.TRIAGE_COMPLAINT, complaint)
    can_take_up = can_handle or complaints.can_take_up(user, complaint, Action.EDIT_CASE)
    open_states = (ComplaintStatus.RECEIVED, ComplaintStatus.TRIAGED)
    is_open = complaint.status in open_states
    search_form = SearchForm(search)  # identity search: only from a POST body, never the URL
    result = None
    if can_take_up and is_open and search_form.is_bound and search_form.is_valid():
        result = selectors.search_before_create(user=user, **search_form.cleaned_data)
    suggestion = services.triage_suggestion(complaint) if can_handle and is_open else None
    case_visible = complaint.case is not None and cases.can(user, Action.VIEW_CASE, complaint.case)
    context = {
        "complaint": complaint,
        "content": content,
        "handler": handler,
        "can_handle": can_handle,
        "is_open": is_open,
        "can_reveal": complaints.can_see_identity(user, complaint),
        "can_open_case": is_open
        and user.has_action(Action.CREATE_CASE)
        and (can_handle or complaints.can(user, Action.CREATE_CASE, complaint)),
        "can_take_up": can_take_up,
        "case_visible": case_visible,
        "suggestion": suggestion,
        "suggested_urgency": URGENCY_SHORT[Urgency(suggestion.urgency)] if suggestion else "",
        "flags": [(flag, FLAGS.get(flag, flag)) for flag in complaint.parse_flags],
        "history": selectors.complaint_history(complaint=complaint),
        "now": timezone.now(),
        "reveal_form": forms.get("reveal_form") or RevealForm(),
        "triage_form": forms.get("triage_form") or _triage_form(complaint, suggestion),
        "ack_form": forms.get("ack_form") or AcknowledgeForm(),
        "search_form": search_form,
        "result": result,
        "open_case_form": forms.get("open_case_form")
        or OpenCaseForm(
            initial={
                "version": complaint.version,
                "region_code": complaint.region or "",  # shown by name, no second read
            }
        ),
        "close_form": forms.get("close_form")
        or CloseForm(initial={"version": complaint.version, "public_note": complaint.public_note}),
        "reopen_form": forms.get("reopen_form")
        or ReopenForm(initial={"version": complaint.version}),
    }
    return render(request, "intake/detail.html", context, status=status)


@requires(Action.VIEW_COMPLAINT)
def complaint_detail(request: HttpRequest, complaint_id: int) -> HttpResponse:
    return _detail(request, _get(request.user, complaint_id))


@requires(Action.TRIAGE_COMPLAINT)
@require_POST
def complaint_triage(request: HttpRequest, complaint_id: int) -> HttpResponse:
    actor = signed_in(request)
    complaint = _get(actor, complaint_id)
    form = TriageForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.complaint_triage(actor=actor, complaint=complaint, **data),
        done=_("Triage saved."),
    )
    if outcome.ok:
        return redirect("intake:detail", complaint_id=complaint.pk)
    return _detail(request, complaint, status=400, triage_form=form)


@requires(Action.TRIAGE_COMPLAINT)
@require_POST
def complaint_acknowledge(request: HttpRequest, complaint_id: int) -> HttpResponse:
    actor = signed_in(request)
    complaint = _get(actor, complaint_id)
    form = AcknowledgeForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.complaint_acknowledge(actor=actor, complaint=complaint, **data),
        done=_("Acknowledgement recorded."),
    )
    if outcome.ok:
        return redirect("intake:detail", complaint_id=complaint.pk)
    return _detail(request, complaint, status=400, ack_form=form)


@requires(Action.VIEW_IDENTITY)
@require_POST
def reporter_reveal(request: HttpRequest, complaint_id: int) -> HttpResponse:
    user = signed_in(request)
    complaint = _get(user, complaint_id)
    form = RevealForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.reporter_reveal(user=user, complaint=complaint, **data),
        done=None,
    )
    identity = outcome.value if outcome.ok else None
    context = {"complaint": complaint, "identity": identity, "reveal_form": form}
    htmx = bool(getattr(request, "htmx", False))
    template = "intake/_reporter.html" if htmx else "intake/reporter_page.html"
    return render(request, template, context)


@requires(Action.TRIAGE_COMPLAINT, Action.EDIT_CASE)
@require_POST
def complaint_search(request: HttpRequest, complaint_id: int) -> HttpResponse:
    """Search before create (the htmx partial; without htmx the complaint page shows it)."""
    user = signed_in(request)
    complaint = _get(user, complaint_id)
    if not complaints.can_take_up(user, complaint, Action.EDIT_CASE):
        raise PermissionDenied
    if not getattr(request, "htmx", False):
        return _detail(request, complaint, search=request.POST)
    form = SearchForm(request.POST)
    result = (
        selectors.search_before_create(user=user, **form.cleaned_data) if form.is_valid() else None
    )
    return render(request, "intake/_matches.html", {"complaint": complaint, "result": result})


@requires(Action.TRIAGE_COMPLAINT, Action.EDIT_CASE)
@require_POST
def complaint_attach(request: HttpRequest, complaint_id: int) -> HttpResponse:
    actor = signed_in(request)
    complaint = _get(actor, complaint_id)
    case = cases.get_for(actor, Action.VIEW_CASE, request.POST.get("case", ""))
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = complaint.version
    try:
        services.complaint_attach(actor=actor, complaint=complaint, case=case, version=version)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The complaint is attached to case %(reference)s.") % {"reference": case.reference},
        )
    return redirect("intake:detail", complaint_id=complaint.pk)


@requires(Action.CREATE_CASE)
@require_POST
def complaint_open_case(request: HttpRequest, complaint_id: int) -> HttpResponse:
    actor = signed_in(request)
    complaint = _get(actor, complaint_id)
    form = OpenCaseForm(request.POST)

    def open_case(data: dict[str, Any]) -> Case:
        region = _region(data["region_code"], "region_code")
        if region is None:
            raise ValidationError({"region_code": _("Give the region of the case.")})
        return services.complaint_open_case(
            actor=actor,
            complaint=complaint,
            title=data["title"],
            region=region,
            version=data["version"],
        )

    outcome = submit(
        request,
        form,
        open_case,
        done=lambda case: (
            _("Case %(reference)s opened and the complaint attached to it.")
            % {"reference": case.reference}
        ),
    )
    if outcome.ok:
        return redirect("intake:detail", complaint_id=complaint.pk)
    return _detail(request, complaint, status=400, open_case_form=form)


@requires(Action.TRIAGE_COMPLAINT)
@require_POST
def complaint_close(request: HttpRequest, complaint_id: int) -> HttpResponse:
    actor = signed_in(request)
    complaint = _get(actor, complaint_id)
    form = CloseForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.complaint_close(actor=actor, complaint=complaint, **data),
        done=_("Complaint closed."),
    )
    if outcome.ok:
        return redirect("intake:detail", complaint_id=complaint.pk)
    return _detail(request, complaint, status=400, close_form=form)


@requires(Action.TRIAGE_COMPLAINT)
@require_POST
def complaint_reopen(request: HttpRequest, complaint_id: int) -> HttpResponse:
    actor = signed_in(request)
    complaint = _get(actor, complaint_id)
    form = ReopenForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.complaint_reopen(actor=actor, complaint=complaint, **data),
        done=_("Complaint reopened."),
    )
    if outcome.ok:
        return redirect("intake:detail", complaint_id=complaint.pk)
    return _detail(request, complaint, status=400, reopen_form=form)
