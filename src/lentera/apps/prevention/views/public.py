"""The public page "Cek Lowongan Kerja" (no account): paste a job offer, see its red flags.

Nothing pasted is stored, logged or kept in the session: the text is screened in memory and
shown back. Only when the citizen chooses to report the offer does the text travel on, in the
POST of the public complaint form. Checks are limited per client address.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from lentera.apps.accounts.decorators import public
from lentera.apps.accounts.ratelimit import over_limit
from lentera.apps.prevention import engine
from lentera.apps.prevention.forms import PublicCheckForm
from lentera.web.flow import submit

#: Where citizens report (the intake app's public form); used as a plain link when it is not
#: installed under its name.
REPORT_PATH = "/publik/lapor/"


def report_target() -> tuple[str, bool]:
    """The public complaint form's address, and whether it takes the text by POST."""
    try:
        return reverse("public:report"), True
    except NoReverseMatch:
        return REPORT_PATH, False


@public
@never_cache
@sensitive_post_parameters("text")
def check(request: HttpRequest) -> HttpResponse:
    form = PublicCheckForm(request.POST or None)
    outcome = None
    status = 200
    if request.method == "POST":
        if over_limit(request, "jobcheck"):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Too many checks from this connection. Please wait a few minutes, or call "
                    "SAPA 129."
                ),
            )
            status = 429
        else:
            checked = submit(
                request,
                form,
                lambda data: engine.check_offer(text=data["text"], lang=engine.current_lang()),
                done=None,
            )
            if checked.ok:
                outcome = engine.present_offer(checked.value, form.cleaned_data["text"])
            else:
                status = checked.status
    report_url, report_by_post = report_target()
    context = {
        "form": form,
        "outcome": outcome,
        "report_url": report_url,
        "report_by_post": report_by_post,
        "report_text": _report_text(form) if outcome is not None else "",
    }
    return render(request, "prevention/public_check.html", context, status=status)


def _report_text(form: PublicCheckForm) -> str:
    text: str = form.cleaned_data["text"]
    return _("Job offer I checked on the Lentera job-check page:") + "\n\n" + text
