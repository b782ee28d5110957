"""The officers' monitoring queue of job offers: paste or import, screen, triage."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.prevention import engine, selectors, services
from lentera.apps.prevention.forms import (
    NoteForm,
    OfferFilterForm,
    OfferImportForm,
    OfferPasteForm,
    OfferTriageForm,
)
from lentera.apps.prevention.importing import read_offer_file
from lentera.apps.prevention.models import OfferScreening
from lentera.apps.prevention.outreach_forms import RecruiterForm
from lentera.apps.prevention.policies import READ, offers
from lentera.apps.prevention.selectors import OPEN
from lentera.apps.prevention.services.offers import offer_snippets
from lentera.apps.prevention.views.common import reads
from lentera.apps.prevention.vocab import OfferStatus
from lentera.screening import score_of_risk
from lentera.web.flow import submit

PAGE_SIZE = 50


@reads(offers)
def queue(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    data = request.GET.copy()
    if "status" not in data:
        data["status"] = OPEN
    form = OfferFilterForm(data)
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v}
    qs = selectors.offer_queue(user=user, **filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    snippets = offer_snippets(user=user, screenings=list(page))
    rows = [
        {
            "offer": o,
            "flags": [engine.flag_label(code) for code in o.flags],
            "score": score_of_risk(o.risk),
            "snippets": snippets.get(o.pk, []),
        }
        for o in page
    ]
    can_screen = user.has_action(Action.SCREEN_OFFER) and user.agency_id is not None
    return render(
        request,
        "prevention/offer_queue.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "can_screen": can_screen,
            "paste_form": OfferPasteForm() if can_screen else None,
            "show_agency": offers.wide(user) is not None,
        },
    )


@requires(Action.SCREEN_OFFER)
def add(request: HttpRequest) -> HttpResponse:
    form = OfferPasteForm(request.POST or None)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.offer_screen(
                actor=signed_in(request),
                text=data["text"],
                source=data["source"],
                url=data["url"],
                found_at=form.found_at(),
            ),
            done=lambda screened: (
                _("Offer screened: %(level)s.") % {"level": engine.level_label(screened[1].level)}
            ),
        )
        if outcome.ok:
            screening, _result = outcome.value
            return redirect("prevention:offer", offer_id=screening.pk)
    status = 400 if form.is_bound else 200
    return render(request, "prevention/offer_add.html", {"form": form}, status=status)


@requires(Action.SCREEN_OFFER)
def import_file(request: HttpRequest) -> HttpResponse:
    form = OfferImportForm(request.POST or None, request.FILES or None)

    def import_offers(data: dict[str, Any]) -> list[OfferScreening]:
        upload = data["file"]
        rows = read_offer_file(name=upload.name or "", content=upload.read())
        return services.offers_import(
            actor=signed_in(request), rows=rows, filename=upload.name or ""
        )

    if request.method == "POST":
        outcome = submit(
            request,
            form,
            import_offers,
            done=lambda created: (
                _("%(n)s offers imported and screened; %(high)s at high risk.")
                % {"n": len(created), "high": sum(1 for s in created if s.level == "high")}
            ),
        )
        if outcome.ok:
            return redirect("prevention:queue")
    status = 400 if form.is_bound else 200
    return render(request, "prevention/offer_import.html", {"form": form}, status=status)


def _get(request: HttpRequest, offer_id: int) -> OfferScreening:
    return offers.get_for(
        request.user,
        READ,
        offer_id,
        queryset=OfferScreening.objects.select_related(
            "agency", "triaged_by", "complaint", "placement_agency"
        ),
    )


@reads(offers)
def detail(request: HttpRequest, offer_id: int) -> HttpResponse:
    user = signed_in(request)
    screening = _get(request, offer_id)
    handle = offers.can_handle(user, screening)
    context: dict[str, Any] = {
        "offer": screening,
        "handle": handle,
        "flags": [engine.flag_label(code) for code in screening.flags],
        "score": score_of_risk(screening.risk),
    }
    if handle:
        revealed = services.offer_reveal(user=user, screening=screening)
        recruiter = services.recruiter_reveal(user=user, screening=screening)
        context.update(
            recruiter=recruiter,
            view=engine.present_stored_offer(revealed["result"], revealed["text"]),
            url=revealed["url"],
            # filled with the stored status: saved unchanged, the offer stays where it is
            triage_form=OfferTriageForm(
                initial={"status": screening.status, "note": screening.note}
            ),
            complaint_form=NoteForm(initial={"note": screening.note}),
            can_complain=screening.status != OfferStatus.COMPLAINT
            and (user.has_action(Action.REGISTER_COMPLAINT) or not services.complaints_available()),
            complaints_available=services.complaints_available(),
            recruiter_form=RecruiterForm(
                initial={
                    "placement_agency": screening.placement_agency_id,
                    "unlicensed_recruiter": recruiter,
                }
            ),
        )
    return render(request, "prevention/offer_detail.html", context)


@requires(Action.SCREEN_OFFER)
@require_POST
def triage(request: HttpRequest, offer_id: int) -> HttpResponse:
    screening = offers.get_to_act(request.user, Action.SCREEN_OFFER, offer_id, read=READ)
    form = OfferTriageForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.offer_triage(actor=signed_in(request), screening=screening, **data),
        done=_("Status saved."),
    )
    if not outcome.ok:
        outcome.flash(request, invalid=_("Choose a status."))
    return redirect("prevention:offer", offer_id=screening.pk)


@requires(Action.SCREEN_OFFER)
@require_POST
def complaint(request: HttpRequest, offer_id: int) -> HttpResponse:
    screening = offers.get_to_act(request.user, Action.SCREEN_OFFER, offer_id, read=READ)
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        updated = services.offer_open_complaint(
            actor=signed_in(request), screening=screening, note=note
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        if updated.complaint is not None:
            messages.success(
                request,
                _("Complaint %(code)s registered with this offer.")
                % {"code": updated.complaint.tracking_code},
            )
        else:
            messages.success(request, _("Marked for a complaint."))
    return redirect("prevention:offer", offer_id=screening.pk)
