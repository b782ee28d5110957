"""Citizens' pages under /publik/ (no account): report a case of trafficking, and follow a report
with its tracking code. Both are rate-limited (per client address and overall)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from lentera.apps.accounts.decorators import public
from lentera.apps.accounts.ratelimit import over_limit
from lentera.apps.intake import selectors, services
from lentera.apps.intake.forms import PublicComplaintForm, StatusForm
from lentera.web.flow import submit

SESSION_KEY = "intake_last_code"


@public
@never_cache
def report(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and request.POST.get("prefill") == "1":
        # Coming from "Cek Lowongan Kerja": start the form with the offer's text; nothing is
        # stored and the rate limit is not counted until the citizen sends the report.
        narrative = request.POST.get("narrative", "")[:5000]
        form = PublicComplaintForm(initial={"narrative": narrative, "migrant_worker": True})
        return render(request, "intake/public_report.html", {"form": form})
    form = PublicComplaintForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if over_limit(request, "report"):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Too many reports were sent from this connection. Please try again in an "
                    "hour, or call SAPA 129."
                ),
            )
            status = 429
        else:
            outcome = submit(
                request,
                form,
                lambda _data: services.complaint_submit_public(
                    facts=form.facts_input(form.region_obj()), reporter=form.reporter_input()
                ),
                done=None,
            )
            if outcome.ok:
                request.session[SESSION_KEY] = outcome.value.tracking_code
                return redirect("public:report_done")
            status = 400
    return render(request, "intake/public_report.html", {"form": form}, status=status)


@public
@never_cache
def report_done(request: HttpRequest) -> HttpResponse:
    code = request.session.get(SESSION_KEY)
    if not code:
        return redirect("public:report")
    return render(request, "intake/public_done.html", {"code": code})


@public
@never_cache
def status(request: HttpRequest) -> HttpResponse:
    """The same answer for a malformed code and for one that does not exist."""
    form = StatusForm(request.POST or None)
    result = None
    looked_up = False
    code = 200
    if request.method == "POST":
        if over_limit(request, "status"):
            form.is_valid()
            form.add_error(
                None, _("Too many look-ups from this connection. Please try again in an hour.")
            )
            code = 429
        elif form.is_valid():
            looked_up = True
            result = selectors.public_status(code=form.cleaned_data["code"])
        else:
            code = 400
    return render(
        request,
        "intake/public_status.html",
        {"form": form, "result": result, "looked_up": looked_up},
        status=code,
    )
