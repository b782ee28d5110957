"""Record linkage pages: start a run over the records you may see, follow its progress, review
the candidate pairs (pseudonymised) and confirm or reject them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.insights import selectors, services
from lentera.apps.insights.models import MatchStatus
from lentera.apps.insights.policies import matches, runs
from lentera.apps.ops.heartbeat import worker_available
from lentera.apps.people.selectors import pseudonym_of


@requires(Action.REVIEW_MATCHES)
def linkage_home(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    status = request.GET.get("status", MatchStatus.PENDING)
    if status not in MatchStatus.values:
        status = MatchStatus.PENDING
    page = Paginator(selectors.review_queue(user=user, status=status), 25).get_page(
        request.GET.get("page")
    )
    rows = [(c, pseudonym_of(c.left), pseudonym_of(c.right)) for c in page]
    latest = (
        runs.visible(user, Action.RUN_LINKAGE).first()
        if user.has_action(Action.RUN_LINKAGE)
        else None
    )
    return render(
        request,
        "insights/linkage.html",
        {
            "page": page,
            "rows": rows,
            "status": status,
            "statuses": MatchStatus.choices,
            "latest": latest,
            "can_run": user.has_action(Action.RUN_LINKAGE),
            "worker_missing": bool(latest and latest.status == "queued") and not worker_available(),
        },
    )


@requires(Action.RUN_LINKAGE)
@require_POST
def run_start(request: HttpRequest) -> HttpResponse:
    try:
        services.linkage_run_start(actor=signed_in(request))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Linkage started. The queue fills when it finishes."))
    return redirect("insights:linkage")


@requires(Action.RUN_LINKAGE)
def run_status(request: HttpRequest, run_id: int) -> HttpResponse:
    run = runs.get_for(request.user, Action.RUN_LINKAGE, run_id)
    missing = run.status == "queued" and not worker_available()
    return render(request, "insights/_run.html", {"latest": run, "worker_missing": missing})


@requires(Action.REVIEW_MATCHES)
@require_POST
def decide(request: HttpRequest, candidate_id: int) -> HttpResponse:
    candidate = matches.get_for(request.user, Action.REVIEW_MATCHES, candidate_id)
    same = request.POST.get("decision") == "same"
    try:
        services.match_decide(
            actor=signed_in(request),
            candidate=candidate,
            same_person=same,
            note=request.POST.get("note", ""),
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Recorded: same person.") if same else _("Recorded: different people.")
        )
    return redirect("insights:linkage")
