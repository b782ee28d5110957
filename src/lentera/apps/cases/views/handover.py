"""Handing a case over to another lead agency (issue #18): the lead's page action."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.cases import services
from lentera.apps.cases.forms import HandOverForm
from lentera.apps.cases.policies import cases
from lentera.web.flow import submit


@requires(Action.SHARE_CASE)
@require_POST
def hand_over(request: HttpRequest, case_id: int) -> HttpResponse:
    actor = signed_in(request)
    case = cases.get_to_act(actor, Action.SHARE_CASE, case_id, read=Action.VIEW_CASE)
    form = HandOverForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.case_hand_over(actor=actor, case=case, **data),
        done=_("The case was handed over."),
    )
    if not outcome.ok:
        outcome.flash(request, invalid=form.errors.as_text())
        return redirect("cases:detail", case_id=case.pk)
    # the former lead reads on only when it kept a co-handling grant
    if cases.can(actor, Action.VIEW_CASE, case):
        return redirect("cases:detail", case_id=case.pk)
    return redirect("cases:list")
