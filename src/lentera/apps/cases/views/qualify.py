"""The standalone legal-qualification page for trained officers: every fact of the contract,
the interpretation settings, and the answer with its checklists (``legal.present``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.cases import services
from lentera.apps.cases.forms import QualificationForm
from lentera.apps.cases.policies import snapshots
from lentera.apps.cases.views import legal


def _lang() -> str:
    return "en" if (get_language() or "id").startswith("en") else "id"


@requires(Action.QUALIFY)
def qualify_page(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    form = QualificationForm(request.POST or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        try:
            _result, snapshot = services.qualification_run(
                actor=user, facts=form.facts(), lang=_lang(), settings=form.settings()
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            outcome = legal.present(snapshot.result, snapshot) | {"snapshot": snapshot}
    recent = snapshots.visible(user, Action.QUALIFY).filter(actor=user)[:5]
    partial = bool(getattr(request, "htmx", False)) and outcome is not None
    template = "cases/_qualification_result.html" if partial else "cases/qualify.html"
    return render(request, template, {"form": form, "result": outcome, "recent": recent})
