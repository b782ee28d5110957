"""The standalone legal-qualification page for trained officers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.cases import services
from lentera.apps.cases.forms import QualificationForm
from lentera.apps.cases.policies import snapshots
from lentera.law import Qualification, article_label


def _lang() -> str:
    return "en" if (get_language() or "id").startswith("en") else "id"


def _present(result: Qualification, lang: str) -> dict[str, Any]:
    def label(ref: str) -> str:
        try:
            return article_label(ref).get(lang)
        except KeyError:
            return ""

    return {
        "outcome": result.outcome,
        "regime": result.regime,
        "charges": [
            {
                "ref": c.ref,
                "label": c.label.get(lang),
                "prison": c.prison_years,
                "life": c.life,
                "fine": c.fine_idr,
                "fine_alternative": c.fine_alternative,
                "aggravations": [(ref, label(ref)) for ref in c.aggravations],
            }
            for c in result.charges
        ],
        "related": [(ref, label(ref)) for ref in result.related],
        "missing": list(result.missing),
        "reasons": list(result.reasons_in(lang)),
    }


@requires(Action.QUALIFY)
def qualify_page(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    form = QualificationForm(request.POST or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        try:
            result, snapshot = services.qualification_run(
                actor=user, facts=form.facts(), lang=_lang()
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            outcome = _present(result, _lang()) | {"snapshot": snapshot}
    recent = snapshots.visible(user, Action.QUALIFY).filter(actor=user)[:5]
    partial = bool(getattr(request, "htmx", False)) and outcome is not None
    template = "cases/_qualification_result.html" if partial else "cases/qualify.html"
    return render(request, template, {"form": form, "result": outcome, "recent": recent})
