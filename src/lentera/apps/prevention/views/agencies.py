"""The register of licensed placement agencies (P3MI) and the recruiter named on a screening
(issue #15, item 2)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.decorators import declare, requires, signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.prevention import selectors, services
from lentera.apps.prevention.importing import read_placement_agency_file
from lentera.apps.prevention.models import (
    DepartureScreening,
    OfferScreening,
    PlacementAgency,
    ProspectiveWorker,
)
from lentera.apps.prevention.outreach_forms import (
    AgencyImportForm,
    PlacementAgencyForm,
    ProspectiveWorkerForm,
    RecruiterForm,
)
from lentera.apps.prevention.policies import (
    READ,
    READ_WIDE,
    departures,
    offers,
    placement_agencies,
    prospective_workers,
)
from lentera.apps.prevention.services import AgencyRecord
from lentera.apps.prevention.views.common import reads
from lentera.apps.prevention.vocab import PLACEMENT_DOCUMENTS, PLACEMENT_FLAGS, LicenceStatus
from lentera.web.flow import submit

View = Callable[..., HttpResponseBase]
READERS = (Action.SCREEN_OFFER, Action.SCREEN_DEPARTURE, Action.MANAGE_REGISTERS, READ_WIDE)


def reads_register(view: View) -> View:
    """Signed in, and the user reads the register (else 403)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not placement_agencies.can_read(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return declare(login_required(wrapped), READERS)


def _record(data: dict[str, Any]) -> AgencyRecord:
    return AgencyRecord(
        licence_number=data["licence_number"],
        name=data["name"],
        valid_from=data["valid_from"],
        valid_to=data["valid_to"],
        status=data["status"],
        head_office=data["head_office"],
        branches=tuple(b for b in data["branches"].splitlines() if b.strip()),
        note=data["note"],
    )


@reads_register
def agency_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    qs = placement_agencies.visible(user, READ)
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(licence_number__icontains=q))
    status = request.GET.get("status", "")
    if status in LicenceStatus.values:
        qs = qs.filter(status=status)
    return render(
        request,
        "prevention/agency_list.html",
        {
            "agencies": qs[:500],
            "q": q,
            "status": status,
            "statuses": LicenceStatus.choices,
            "can_edit": user.has_action(Action.MANAGE_REGISTERS),
            "today": timezone.localdate(),
        },
    )


@requires(Action.MANAGE_REGISTERS)
def agency_new(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    form = PlacementAgencyForm(request.POST or None)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.placement_agency_save(actor=user, record=_record(data)),
            done=_("Placement agency added to the register."),
        )
        if outcome.ok:
            return redirect("prevention:agency", p3mi_id=outcome.value.pk)
    status = 400 if form.is_bound else 200
    return render(
        request, "prevention/agency_form.html", {"form": form, "agency": None}, status=status
    )


def _get(request: HttpRequest, p3mi_id: int) -> PlacementAgency:
    return placement_agencies.get_for(request.user, READ, p3mi_id)


@reads_register
def agency_detail(request: HttpRequest, p3mi_id: int) -> HttpResponse:
    user = signed_in(request)
    agency = _get(request, p3mi_id)
    return render(
        request,
        "prevention/agency_detail.html",
        {
            "agency": agency,
            "record": selectors.agency_record(user=user, agency=agency),
            "can_edit": user.has_action(Action.MANAGE_REGISTERS),
            "today": timezone.localdate(),
        },
    )


@requires(Action.MANAGE_REGISTERS)
def agency_edit(request: HttpRequest, p3mi_id: int) -> HttpResponse:
    user = signed_in(request)
    agency = placement_agencies.get_for(user, Action.MANAGE_REGISTERS, p3mi_id)
    form = PlacementAgencyForm(request.POST) if request.method == "POST" else None
    if form is None:
        form = PlacementAgencyForm.of(agency)
    else:
        outcome = submit(
            request,
            form,
            lambda data: services.placement_agency_save(
                actor=user, record=_record(data), agency=agency, version=data["version"]
            ),
            done=_("Register entry saved."),
        )
        if outcome.ok:
            return redirect("prevention:agency", p3mi_id=agency.pk)
        return render(
            request,
            "prevention/agency_form.html",
            {"form": form, "agency": agency},
            status=outcome.status,
        )
    return render(request, "prevention/agency_form.html", {"form": form, "agency": agency})


@requires(Action.MANAGE_REGISTERS)
def agency_import(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    form = AgencyImportForm(request.POST or None, request.FILES or None)

    def run(data: dict[str, Any]) -> services.ImportResult:
        upload = data["file"]
        records = read_placement_agency_file(name=upload.name or "", content=upload.read())
        return services.placement_agencies_import(
            actor=user, records=records, filename=upload.name or ""
        )

    if request.method == "POST":
        outcome = submit(
            request,
            form,
            run,
            done=lambda r: (
                _("Register imported: %(created)s added, %(updated)s updated.")
                % {"created": r.created, "updated": r.updated}
            ),
        )
        if outcome.ok:
            return redirect("prevention:agencies")
    status = 400 if form.is_bound else 200
    return render(request, "prevention/agency_import.html", {"form": form}, status=status)


@reads_register
def agency_export(request: HttpRequest) -> HttpResponse:
    """The register as the import reads it (the same columns), so an edited export imports."""
    user = signed_in(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="p3mi-register.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "licence_number",
            "name",
            "valid_from",
            "valid_to",
            "status",
            "head_office",
            "branches",
            "note",
        ]
    )
    for a in placement_agencies.visible(user, READ).order_by("licence_number"):
        writer.writerow(
            [
                a.licence_number,
                a.name,
                a.valid_from.isoformat() if a.valid_from else "",
                a.valid_to.isoformat() if a.valid_to else "",
                a.status,
                a.head_office,
                ";".join(a.branches),
                a.note,
            ]
        )
    return response


def _name_recruiter(
    request: HttpRequest, screening: OfferScreening | DepartureScreening
) -> HttpResponse | None:
    form = RecruiterForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.recruiter_name(
            actor=signed_in(request),
            screening=screening,
            placement_agency=data["placement_agency"],
            unlicensed_recruiter=data["unlicensed_recruiter"],
        ),
        done=_("Recruiter saved."),
    )
    if not outcome.ok:
        outcome.flash(request, invalid=_("Choose a placement agency of the register."))
    return None


@requires(Action.SCREEN_OFFER)
@require_POST
def offer_recruiter(request: HttpRequest, offer_id: int) -> HttpResponse:
    screening = offers.get_to_act(request.user, Action.SCREEN_OFFER, offer_id, read=READ)
    _name_recruiter(request, screening)
    return redirect("prevention:offer", offer_id=screening.pk)


@requires(Action.SCREEN_DEPARTURE)
@require_POST
def departure_recruiter(request: HttpRequest, departure_id: int) -> HttpResponse:
    screening = departures.get_to_act(
        request.user, Action.SCREEN_DEPARTURE, departure_id, read=READ
    )
    _name_recruiter(request, screening)
    return redirect("prevention:departure", departure_id=screening.pk)


# -- the prospective-worker register (CPMI) ----------------------------------------------------------


@reads(prospective_workers)
def worker_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    keeps = user.has_action(Action.MANAGE_REGISTERS) and user.agency_id is not None
    form = ProspectiveWorkerForm(request.POST or None) if keeps else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        outcome = submit(
            request,
            form,
            lambda data: services.worker_register(actor=user, **data),
            done=lambda w: _("Placement allowed.") if w.allowed else _("Placement flagged."),
        )
        if outcome.ok:
            return redirect("prevention:worker", worker_id=outcome.value.pk)
    qs = prospective_workers.visible(user, READ).select_related("placement_agency")
    flagged = request.GET.get("flagged", "")
    if flagged:
        qs = qs.filter(allowed=False)
    return render(
        request,
        "prevention/worker_list.html",
        {"workers": qs[:500], "form": form, "flags": PLACEMENT_FLAGS, "flagged": flagged},
        status=400 if form is not None and form.is_bound else 200,
    )


@reads(prospective_workers)
def worker_detail(request: HttpRequest, worker_id: int) -> HttpResponse:
    user = signed_in(request)
    worker = prospective_workers.get_for(
        user,
        READ,
        worker_id,
        queryset=ProspectiveWorker.objects.select_related("placement_agency", "home_region"),
    )
    handle = prospective_workers.can_handle(user, worker)
    labels = dict(PLACEMENT_DOCUMENTS)
    return render(
        request,
        "prevention/worker_detail.html",
        {
            "worker": worker,
            "handle": handle,
            "revealed": services.worker_reveal(user=user, worker=worker) if handle else None,
            "flags": [(code, PLACEMENT_FLAGS.get(code, code)) for code in worker.flags],
            "documents": [labels.get(d, d) for d in worker.documents],
            "missing": [
                label for code, label in PLACEMENT_DOCUMENTS if code not in worker.documents
            ],
        },
    )


@requires(Action.MANAGE_REGISTERS)
@require_POST
def worker_recheck(request: HttpRequest, worker_id: int) -> HttpResponse:
    user = signed_in(request)
    worker = prospective_workers.get_to_act(user, Action.MANAGE_REGISTERS, worker_id, read=READ)
    services.worker_recheck(actor=user, worker=worker)
    messages.success(request, _("Placement checked again."))
    return redirect("prevention:worker", worker_id=worker.pk)
