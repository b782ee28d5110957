"""The landing page of the prevention module."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.prevention.policies import READ, departures, offers
from lentera.apps.prevention.selectors import OPEN, offer_queue
from lentera.apps.prevention.views.common import reads


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
    return render(request, "prevention/home.html", context)
