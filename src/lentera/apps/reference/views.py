from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lentera.apps.accounts.decorators import login_only, requires, signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound, task_forces
from lentera.apps.reference import services
from lentera.apps.reference.fields import find_regions, region_label
from lentera.apps.reference.forms import DestinationPolicyForm
from lentera.apps.reference.models import DestinationPolicy, Region
from lentera.web.flow import submit


@login_only
def destinations(request: HttpRequest) -> HttpResponse:
    qs = DestinationPolicy.objects.select_related("country")
    country = request.GET.get("country", "").strip().upper()
    if country:
        qs = qs.filter(country_id=country)
    return render(
        request,
        "reference/destinations.html",
        {
            "policies": qs,
            "can_edit": signed_in(request).has_action(Action.MANAGE_REFERENCE),
        },
    )


@requires(Action.MANAGE_REFERENCE)
def destination_edit(request: HttpRequest, policy_id: int | None = None) -> HttpResponse:
    actor = signed_in(request)
    policy = None
    if policy_id is not None:
        policy = DestinationPolicy.objects.filter(pk=policy_id).first()
        if policy is None:
            raise NotFound()
    initial = {}
    if policy is not None:
        initial = {
            f: getattr(policy, f)
            for f in ("sector", "status", "legal_basis", "valid_from", "valid_to", "note")
        }
        initial["country"] = policy.country_id
    form = DestinationPolicyForm(request.POST or None, initial=initial)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.destination_policy_save(actor=actor, policy=policy, **data),
            done=_("Destination policy saved."),
        )
        if outcome.ok:
            return redirect("reference:destinations")
    return render(request, "reference/destination_form.html", {"form": form, "policy": policy})


@login_only
def task_force_list(request: HttpRequest) -> HttpResponse:
    qs = (
        task_forces.visible(request.user, Action.VIEW_DASHBOARD)
        .select_related("region", "parent")
        .prefetch_related("memberships__agency", "memberships__sub_task_force", "sub_task_forces")
    )
    return render(request, "reference/task_forces.html", {"task_forces": qs})


@login_only
def regions(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    parent_code = request.GET.get("parent", "").strip()
    qs = Region.objects.select_related("parent")
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(code__startswith=q))
    elif parent_code:
        qs = qs.filter(parent__code=parent_code)
    else:
        qs = qs.filter(level="province")
    page = Paginator(qs, 100).get_page(request.GET.get("page"))
    parent = Region.objects.filter(code=parent_code).first() if parent_code else None
    template = "reference/_region_rows.html" if request.htmx else "reference/regions.html"  # type: ignore[attr-defined]
    return render(request, template, {"page": page, "q": q, "parent": parent})


@login_only
def region_search(request: HttpRequest) -> JsonResponse:
    """Regions whose name (or code) matches ``q``, for the region pickers of the forms
    (``reference.fields.RegionCodeField``): reference data, no person in it."""
    found = find_regions(request.GET.get("q", "")[:60])
    return JsonResponse(
        {
            "results": [
                {
                    "code": r.code,
                    "name": r.name,
                    "label": region_label(r),
                    "level": r.get_level_display(),
                }
                for r in found
            ]
        }
    )
