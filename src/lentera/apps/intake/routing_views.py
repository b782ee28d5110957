"""The routing rules page: every signed-in user reads the rules (agencies and regions, no person)
and tests where a report would go; administrators (``MANAGE_REFERENCE``) add and change them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lentera.apps.accounts.decorators import login_only, requires, signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound
from lentera.apps.intake.models import RoutingRule, YesNoUnknown
from lentera.apps.intake.routing import Route, RouteFacts, route
from lentera.apps.intake.routing_forms import RoutePreviewForm, RoutingRuleForm
from lentera.apps.intake.services.routing_rules import routing_rule_save
from lentera.web.flow import submit


def preview(data: dict[str, Any]) -> Route:
    """Where a report with the preview form's facts would go (the same function as receipt)."""
    return route(
        RouteFacts(
            region_code=data["region_code"] or None,
            child=data["involves_child"] == YesNoUnknown.YES,
            adult_only=data["involves_child"] == YesNoUnknown.NO,
            danger_now=data["danger_now"],
            departure_today=data["departure_today"],
            migrant_worker=data["migrant_worker"],
        )
    )


@login_only
def rule_list(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    rules = RoutingRule.objects.select_related("region", "agency", "fallback_agency", "task_force")
    form = RoutePreviewForm(request.GET if "involves_child" in request.GET else None)
    result = preview(form.cleaned_data) if form.is_bound and form.is_valid() else None
    return render(
        request,
        "intake/routing.html",
        {
            "rules": rules,
            "form": form,
            "result": result,
            "can_edit": user.has_action(Action.MANAGE_REFERENCE),
        },
    )


@requires(Action.MANAGE_REFERENCE)
def rule_edit(request: HttpRequest, rule_id: int | None = None) -> HttpResponse:
    actor = signed_in(request)
    rule = None
    initial: dict[str, Any] = {"priority": 50, "is_active": True}
    if rule_id is not None:
        rule = RoutingRule.objects.select_related("region").filter(pk=rule_id).first()
        if rule is None:
            raise NotFound()
        initial = {
            "version": rule.version,
            "region_code": rule.region.code if rule.region else "",
            "category": rule.category,
            "age_band": rule.age_band,
            "agency": rule.agency_id,
            "fallback_agency": rule.fallback_agency_id,
            "task_force": rule.task_force_id,
            "priority": rule.priority,
            "is_active": rule.is_active,
            "note": rule.note,
        }
    form = RoutingRuleForm(request.POST or None, initial=initial)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda _data: routing_rule_save(actor=actor, rule=rule, **form.service_kwargs()),
            done=_("Routing rule saved."),
        )
        if outcome.ok:
            return redirect("intake:routing")
        return render(
            request,
            "intake/routing_form.html",
            {"form": form, "rule": rule},
            status=outcome.status,
        )
    return render(request, "intake/routing_form.html", {"form": form, "rule": rule})
