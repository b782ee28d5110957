"""Returns in batches: the operation, its manifest, progress by region, and each returnee's
screening at arrival, search in the person index, referral and reintegration (issue #15,
item 6)."""

from __future__ import annotations

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
from lentera.apps.prevention import services
from lentera.apps.prevention.importing import read_manifest
from lentera.apps.prevention.models import Returnee, ReturnOperation
from lentera.apps.prevention.outreach_forms import (
    ArrivalScreeningForm,
    ManifestForm,
    ReintegrationForm,
    ReturnOperationForm,
)
from lentera.apps.prevention.policies import (
    READ,
    RETURN_WORK,
    receives_returns,
    return_operations,
    returnees,
)
from lentera.apps.prevention.views.common import reads
from lentera.apps.prevention.vocab import ARRIVAL_INDICATORS, MatchState
from lentera.web.flow import submit

PAGE_SIZE = 100


@reads(return_operations)
def operation_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    qs = return_operations.visible(user, READ).select_related("agency")
    incoming = (
        returnees.visible(user, READ)
        .filter(referred_agency_id=user.agency_id)
        .select_related("operation", "home_region")[:500]
        if receives_returns(user)
        else []
    )
    return render(
        request,
        "prevention/return_list.html",
        {"operations": qs[:200], "incoming": incoming, "can_record": receives_returns(user)},
    )


@requires(*RETURN_WORK)
def operation_new(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    form = ReturnOperationForm(request.POST or None)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.operation_create(actor=user, **data),
            done=_("Return operation recorded. Import its manifest."),
        )
        if outcome.ok:
            return redirect("prevention:return", operation_id=outcome.value.pk)
    status = 400 if form.is_bound else 200
    return render(request, "prevention/return_form.html", {"form": form}, status=status)


def _operation(request: HttpRequest, operation_id: int) -> ReturnOperation:
    return return_operations.get_for(
        request.user,
        READ,
        operation_id,
        queryset=ReturnOperation.objects.select_related("agency"),
    )


@reads(return_operations)
def operation_detail(request: HttpRequest, operation_id: int) -> HttpResponse:
    user = signed_in(request)
    operation = _operation(request, operation_id)
    handle = return_operations.can_handle(user, operation)
    context: dict[str, Any] = {
        "operation": operation,
        "handle": handle,
        "progress": services.region_progress(operation),
        "total": operation.returnees.count(),
    }
    if handle:
        qs = operation.returnees.select_related("home_region", "referred_agency")
        region = request.GET.get("region", "")
        if region:
            qs = qs.filter(home_region__code__startswith=region)
        page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
        context.update(page=page, region=region, manifest_form=ManifestForm())
    return render(request, "prevention/return_detail.html", context)


@requires(*RETURN_WORK)
@require_POST
def manifest_import(request: HttpRequest, operation_id: int) -> HttpResponse:
    user = signed_in(request)
    operation = return_operations.get_to_act(
        user, return_operations.screen_action, operation_id, read=READ
    )
    form = ManifestForm(request.POST, request.FILES)

    def run(data: dict[str, Any]) -> services.ManifestResult:
        upload = data["file"]
        rows = read_manifest(name=upload.name or "", content=upload.read())
        return services.manifest_import(
            actor=user, operation=operation, rows=rows, filename=upload.name or ""
        )

    outcome = submit(
        request,
        form,
        run,
        done=lambda r: (
            _("%(n)s returnees imported; %(noted)s with a note to check.")
            % {"n": r.imported, "noted": r.noted}
        ),
    )
    if outcome.ok:
        return redirect("prevention:return", operation_id=operation.pk)
    return render(
        request,
        "prevention/return_detail.html",
        {
            "operation": operation,
            "handle": True,
            "progress": services.region_progress(operation),
            "total": operation.returnees.count(),
            "page": Paginator(operation.returnees.all(), PAGE_SIZE).get_page(1),
            "manifest_form": form,
        },
        status=outcome.status,
    )


@requires(*RETURN_WORK)
@require_POST
def refer_all(request: HttpRequest, operation_id: int) -> HttpResponse:
    user = signed_in(request)
    operation = return_operations.get_to_act(
        user, return_operations.screen_action, operation_id, read=READ
    )
    result = services.returns_refer(actor=user, operation=operation)
    messages.success(
        request,
        _("%(n)s returnees referred to their home regions; %(missing)s without an agency there.")
        % {"n": result.referred, "missing": result.no_agency},
    )
    return redirect("prevention:return", operation_id=operation.pk)


def _returnee(request: HttpRequest, returnee_id: int) -> Returnee:
    return returnees.get_for(
        request.user,
        READ,
        returnee_id,
        queryset=Returnee.objects.select_related(
            "operation", "operation__agency", "home_region", "referred_agency", "person"
        ),
    )


@requires(*RETURN_WORK)
def returnee_detail(request: HttpRequest, returnee_id: int) -> HttpResponse:
    user = signed_in(request)
    returnee = _returnee(request, returnee_id)
    labels = dict(ARRIVAL_INDICATORS)
    return render(
        request,
        "prevention/returnee_detail.html",
        {
            "returnee": returnee,
            "revealed": services.returnee_reveal(user=user, returnee=returnee),
            "handle": return_operations.can_handle(user, returnee.operation),
            "referred_here": returnee.referred_agency_id == user.agency_id,
            "indicators": [labels.get(c, c) for c in returnee.indicators],
            "screen_form": ArrivalScreeningForm(initial={"indicators": returnee.indicators}),
            "reintegration_form": ReintegrationForm(initial={"on": timezone.localdate()}),
            "can_register": returnee.match_state == MatchState.NONE,
        },
    )


@requires(*RETURN_WORK)
@require_POST
def returnee_act(request: HttpRequest, returnee_id: int) -> HttpResponse:
    user = signed_in(request)
    returnee = _returnee(request, returnee_id)
    action = request.POST.get("action", "")
    try:
        if action == "screen":
            form = ArrivalScreeningForm(request.POST)
            indicators = form.cleaned_data["indicators"] if form.is_valid() else ["?"]
            services.returnee_screen(actor=user, returnee=returnee, indicators=indicators)
            messages.success(request, _("Screening at arrival saved."))
        elif action == "search":
            lookup = services.returnee_search(actor=user, returnee=returnee)
            if lookup.matches:
                messages.success(request, _("Found in the person index."))
            elif lookup.held_by:
                messages.warning(
                    request,
                    _("A matching record is held by: %(agencies)s. Ask them.")
                    % {"agencies": ", ".join(a.name for a in lookup.held_by)},
                )
            else:
                messages.info(request, _("Nobody found in the person index."))
        elif action == "register":
            services.returnee_register(actor=user, returnee=returnee)
            messages.success(request, _("Registered in the person index."))
        elif action == "reintegrated":
            dated = ReintegrationForm(request.POST)
            if not dated.is_valid():
                raise ValidationError(_("Give the date."))
            services.returnee_reintegrated(
                actor=user, returnee=returnee, on=dated.cleaned_data["on"]
            )
            messages.success(request, _("Reintegration recorded."))
        else:
            messages.error(request, _("Unknown action."))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("prevention:returnee", returnee_id=returnee.pk)
