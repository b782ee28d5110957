"""The landing page of the prevention module."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.prevention.models import CourseParticipant, PlacementAgency
from lentera.apps.prevention.policies import (
    READ,
    community_reports,
    courses,
    departures,
    offers,
    outreach,
)
from lentera.apps.prevention.selectors import OPEN, offer_queue
from lentera.apps.prevention.views.common import reads
from lentera.apps.prevention.vocab import LicenceStatus


@reads(offers, departures)
def home(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    read_offers = offers.can_read_any(user)
    read_departures = departures.can_read_any(user)
    today = timezone.localdate()
    context = {
        "read_offers": read_offers,
        "read_departures": read_departures,
        "screen_offers": user.has_action(Action.SCREEN_OFFER) and user.agency_id is not None,
        "screen_departures": user.has_action(Action.SCREEN_DEPARTURE)
        and user.agency_id is not None,
        "open_high": offer_queue(user=user, status=OPEN, level="high").count()
        if read_offers
        else 0,
        "departures_today": departures.visible(user, READ).filter(screened_at__date=today).count()
        if read_departures
        else 0,
    }
    context["outreach_year"] = outreach.visible(user, READ).filter(held_on__year=today.year).count()
    context["evaluations_overdue"] = CourseParticipant.objects.filter(
        course__in=courses.visible(user, READ),
        evaluated_on__isnull=True,
        evaluation_due__lt=today,
    ).count()
    context["agencies_not_active"] = PlacementAgency.objects.exclude(
        status=LicenceStatus.ACTIVE
    ).count()
    context["reports_open"] = (
        community_reports.visible(user, READ).filter(status__in=["new", "watch"]).count()
    )
    return render(request, "prevention/home.html", context)
