"""The wanted-suspect (DPO) forms of the proceeding page: issue a notice, end it. Thin: parse,
call the service, go back to the proceeding (errors as messages)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.models import Agency
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound
from lentera.apps.justice import selectors, wanted
from lentera.apps.justice.models import Proceeding, WantedEnd, WantedNotice
from lentera.apps.justice.policies import proceedings
from lentera.web.flow import submit
from lentera.web.widgets import IsoDateInput


class WantedForm(forms.Form):
    issued_by = forms.ModelChoiceField(
        label=gettext_lazy("Issuing agency"), queryset=Agency.objects.filter(is_active=True)
    )
    issued_on = forms.DateField(label=gettext_lazy("Issued on"), widget=IsoDateInput())
    number = forms.CharField(label=gettext_lazy("DPO number"), max_length=80, required=False)


class WantedEndForm(forms.Form):
    on = forms.DateField(label=gettext_lazy("Date"), widget=IsoDateInput())
    reason = forms.ChoiceField(label=gettext_lazy("How it ended"), choices=WantedEnd.choices)


def _to_act(request: HttpRequest, proceeding_id: int) -> Proceeding:
    return proceedings.get_to_act(
        request.user,
        Action.MANAGE_PROCEEDINGS,
        proceeding_id,
        read=Action.VIEW_CASE,
        queryset=selectors.proceeding_list(user=request.user),
    )


def _back(request: HttpRequest, proceeding: Proceeding, form: forms.Form, ok: bool) -> HttpResponse:
    if not ok:
        errors: list[Any] = [e for errs in form.errors.values() for e in errs]
        messages.error(request, " ".join(str(e) for e in errors) or _("Nothing was saved."))
    return redirect("justice:detail", proceeding_id=proceeding.pk)


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def wanted_add(request: HttpRequest, proceeding_id: int) -> HttpResponse:
    proceeding = _to_act(request, proceeding_id)
    form = WantedForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: wanted.wanted_issue(actor=signed_in(request), proceeding=proceeding, **data),
        done=_("The suspect is on the wanted list (DPO)."),
    )
    return _back(request, proceeding, form, outcome.ok)


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def wanted_close(request: HttpRequest, proceeding_id: int, notice_id: int) -> HttpResponse:
    proceeding = _to_act(request, proceeding_id)
    try:
        notice = proceeding.wanted.get(pk=notice_id)
    except (WantedNotice.DoesNotExist, ValueError) as exc:
        raise NotFound() from exc
    form = WantedEndForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: wanted.wanted_end(actor=signed_in(request), notice=notice, **data),
        done=_("The wanted status ended; open deadlines count again from that day."),
    )
    return _back(request, proceeding, form, outcome.ok)


def wanted_context(proceeding: Proceeding) -> dict[str, Any]:
    """What the wanted section of the proceeding page needs beside the proceeding."""
    return {
        "wanted_form": WantedForm(initial={"issued_by": proceeding.police_agency_id}),
        "wanted_end_form": WantedEndForm(auto_id="id_wanted_end_%s"),
        "wanted_open": wanted.open_notice(proceeding.wanted.all()),
    }
