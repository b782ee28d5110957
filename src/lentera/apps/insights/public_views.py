"""The public statistics page (no login): published figures with small cells suppressed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lentera.apps.accounts.decorators import public
from lentera.apps.insights.public_stats import parse_year, public_figures


@public
def statistics(request: HttpRequest) -> HttpResponse:
    """One year (``?tahun=2026``) or, without one or with a year that cannot be, all years."""
    figures = public_figures(year=parse_year(request.GET.get("tahun", "")))
    return render(request, "insights/public_stats.html", {"figures": figures})
