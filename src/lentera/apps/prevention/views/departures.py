"""The posko departure screening: the interview form, its result, and what follows from it
(a case or a complaint in one step), and the list of the post's screenings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.cases.policies import cases
from lentera.apps.prevention import engine, selectors, services
from lentera.apps.prevention.forms import (
    DepartureFilterForm,
    DepartureForm,
    NoteForm,
    OpenCaseForm,
    RevealForm,
)
from lentera.apps.prevention.models import DepartureScreening
from lentera.apps.prevention.outreach_forms import DelayRequestForm, RecruiterForm
from lentera.apps.prevention.policies import READ, departures
from lentera.apps.prevention.views.common import reads
from lentera.apps.prevention.vocab import (
    JobSector,
    Purpose,
    Recruiter,
    Sex,
    VisaType,
)
from lentera.web.flow import submit

PAGE_SIZE = 50


@requires(Action.SCREEN_DEPARTURE)
def new(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    if user.agency_id is None:
        raise PermissionDenied
    initial = {
        "departure_post": selectors.last_post(user=user),
        "departure_date": timezone.localdate(),
    }
    form = DepartureForm(request.POST or None, initial=initial)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.departure_screen(
                actor=user,
                interview=form.interview(),
                post=data["departure_post"],
                traveller_name=data["traveller_name"],
                traveller_nik=data["traveller_nik"],
                traveller_phone=data["traveller_phone"],
            ),
            done=None,
        )
        if outcome.ok:
            screening, _result = outcome.value
            return redirect("prevention:departure", departure_id=screening.pk)
    return render(
        request,
        "prevention/departure_form.html",
        {"form": form, "posts": selectors.known_posts(user=user)},
        status=400 if form.is_bound else 200,
    )


def _answers(screening: DepartureScreening) -> list[tuple[str, str]]:
    """The interview as label/answer pairs, for the result page (unanswered ones left out)."""

    def yes_no(value: bool | None) -> str:
        return "" if value is None else (_("Yes") if value else _("No"))

    def label(choices: Any, value: str) -> str:
        return str(choices(value).label) if value else ""

    def money(value: int | None) -> str:
        return "" if value is None else f"Rp {value:,}".replace(",", ".")

    rows = [
        (
            _("Departure date"),
            screening.departure_date.isoformat() if screening.departure_date else "",
        ),
        (_("Destination"), engine.country_name(screening.destination_country)),
        (_("Purpose"), label(Purpose, screening.stated_purpose)),
        (_("Age"), "" if screening.age is None else str(screening.age)),
        (_("Sex"), label(Sex, screening.sex)),
        (_("Parental consent"), yes_no(screening.parental_consent)),
        (_("Expects to work"), yes_no(screening.job_offered)),
        (_("Kind of work"), label(JobSector, screening.job_sector)),
        (_("Knows the employer"), yes_no(screening.employer_known)),
        (_("Has seen a contract"), yes_no(screening.contract_seen)),
        (_("Salary promised"), money(screening.salary_promised_idr)),
        (_("Registered as a migrant worker"), yes_no(screening.placement_registered)),
        (_("Recruited by"), label(Recruiter, screening.recruited_by)),
        (_("Fees paid"), money(screening.fees_paid_idr)),
        (_("Costs paid by the recruiter"), yes_no(screening.costs_paid_by_recruiter)),
        (_("Visa"), label(VisaType, screening.visa_type)),
        (_("Holds own documents"), yes_no(screening.holds_own_documents)),
        (_("With a handler"), yes_no(screening.accompanied_by_handler)),
        (_("Travelling with"), "" if screening.group_size is None else str(screening.group_size)),
        (_("Story inconsistent"), yes_no(screening.story_inconsistent)),
        (_("Return ticket"), yes_no(screening.return_ticket)),
    ]
    return [(k, v) for k, v in rows if v]


def _complaint_url(complaint_id: int | None) -> str:
    if complaint_id is None:
        return ""
    try:
        return reverse("intake:detail", kwargs={"complaint_id": complaint_id})
    except NoReverseMatch:
        return ""


@reads(departures)
def detail(request: HttpRequest, departure_id: int) -> HttpResponse:
    user = signed_in(request)
    screening = departures.get_for(
        user,
        READ,
        departure_id,
        queryset=DepartureScreening.objects.select_related(
            "agency", "officer", "case", "complaint", "placement_agency"
        ),
    )
    handle = departures.can_handle(user, screening)
    context: dict[str, Any] = {
        "screening": screening,
        "view": engine.present_departure(screening.result, screening),
        "answers": _answers(screening),
        "handle": handle,
        "has_identity": handle and services.has_identity(screening),
        "can_open_case": services.can_open_case(user, screening),
        "can_open_complaint": services.can_open_complaint(user, screening),
        "case_visible": screening.case is not None
        and cases.can(user, Action.VIEW_CASE, screening.case),
        "complaint_url": _complaint_url(screening.complaint_id)
        if handle and user.has_action(Action.VIEW_COMPLAINT)
        else "",
    }
    context["unlicensed"] = selectors.unlicensed_pending(screening)
    context["delays"] = list(screening.delay_requests.all())
    if handle:
        context["recruiter"] = services.recruiter_reveal(user=user, screening=screening)
        context["delay_form"] = DelayRequestForm(initial={"sent_on": timezone.localdate()})
        context["recruiter_form"] = RecruiterForm(
            initial={
                "placement_agency": screening.placement_agency_id,
                "unlicensed_recruiter": context["recruiter"],
            }
        )
    if context["has_identity"]:
        context["reveal_form"] = RevealForm(initial={"purpose": "case_handling"})
    if context["can_open_case"]:
        context["case_form"] = OpenCaseForm()
    if context["can_open_complaint"]:
        context["complaint_form"] = NoteForm()
    return render(request, "prevention/departure_detail.html", context)


def _handled(request: HttpRequest, departure_id: int) -> DepartureScreening:
    return departures.get_to_act(request.user, Action.SCREEN_DEPARTURE, departure_id, read=READ)


@requires(Action.SCREEN_DEPARTURE)
@require_POST
def reveal(request: HttpRequest, departure_id: int) -> HttpResponse:
    screening = _handled(request, departure_id)
    form = RevealForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.departure_identity_reveal(
            user=signed_in(request), screening=screening, **data
        ),
        done=None,
    )
    identity = outcome.value if outcome.ok else None
    return render(
        request,
        "prevention/_traveller_identity.html",
        {"screening": screening, "identity": identity, "reveal_form": form},
        status=200 if identity is not None else 400,
    )


@requires(Action.SCREEN_DEPARTURE)
@require_POST
def open_case(request: HttpRequest, departure_id: int) -> HttpResponse:
    screening = _handled(request, departure_id)
    user = signed_in(request)
    if not services.can_open_case(user, screening):
        raise PermissionDenied
    form = OpenCaseForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.departure_open_case(actor=user, screening=screening, **data),
        done=lambda case: (
            _("Case %(ref)s opened with the traveller as a victim.") % {"ref": case.reference}
        ),
    )
    if outcome.ok:
        return redirect("cases:detail", case_id=outcome.value.pk)
    outcome.flash(request)
    return redirect("prevention:departure", departure_id=screening.pk)


@requires(Action.SCREEN_DEPARTURE)
@require_POST
def open_complaint(request: HttpRequest, departure_id: int) -> HttpResponse:
    screening = _handled(request, departure_id)
    user = signed_in(request)
    if not services.can_open_complaint(user, screening):
        raise PermissionDenied
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        complaint = services.departure_open_complaint(actor=user, screening=screening, note=note)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Complaint %(code)s registered from this screening.")
            % {"code": complaint.tracking_code},
        )
    return redirect("prevention:departure", departure_id=screening.pk)


@reads(departures)
def departure_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    form = DepartureFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
    qs = selectors.departure_list(user=user, **filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "screening": s,
            "destination": engine.country_name(s.destination_country),
            "first_action": engine.action_label(s.actions[0]) if s.actions else "",
            "unlicensed": selectors.unlicensed_pending(s),
        }
        for s in page
    ]
    return render(
        request,
        "prevention/departure_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "can_screen": user.has_action(Action.SCREEN_DEPARTURE),
            "show_agency": departures.wide(user) is not None,
        },
    )
