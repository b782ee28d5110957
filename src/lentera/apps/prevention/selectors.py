"""Reads of stored screenings, always starting from the access policies."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from lentera.apps.accounts.policies import Requester
from lentera.apps.prevention.models import DepartureScreening, OfferScreening
from lentera.apps.prevention.policies import READ, departures, offers
from lentera.apps.prevention.vocab import POSTS, OfferStatus

#: The queue's default: what still needs an officer's eye.
OPEN = "open"


def offer_queue(
    *,
    user: Requester,
    level: str = "",
    status: str = "",
    source: str = "",
    agency: int | None = None,
) -> QuerySet[OfferScreening]:
    """The monitoring queue, riskiest first. ``status`` ``open`` means new or watching."""
    qs = offers.visible(user, READ).select_related("agency", "triaged_by")
    if level:
        qs = qs.filter(level=level)
    if status == OPEN:
        qs = qs.filter(status__in=[OfferStatus.NEW, OfferStatus.WATCH])
    elif status:
        qs = qs.filter(status=status)
    if source:
        qs = qs.filter(source=source)
    if agency:
        qs = qs.filter(agency_id=agency)
    return qs.defer("text", "url", "result").order_by("-risk", "-screened_at", "-id")


def departure_list(
    *,
    user: Requester,
    level: str = "",
    post: str = "",
    destination: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[DepartureScreening]:
    """The posts' screenings, newest first."""
    qs = departures.visible(user, READ).select_related("agency")
    if level:
        qs = qs.filter(level=level)
    if post:
        qs = qs.filter(post__iexact=post.strip())
    if destination:
        qs = qs.filter(destination_country=destination.strip().upper())
    if date_from:
        qs = qs.filter(screened_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(screened_at__date__lte=date_to)
    return qs.defer("traveller_name", "traveller_nik", "traveller_phone").order_by(
        "-screened_at", "-id"
    )


def known_posts(*, user: Requester) -> list[str]:
    """Posts to offer on the form: the usual ones, then those the agency has used."""
    used = departures.visible(user, READ).order_by().values_list("post", flat=True).distinct()[:50]
    return list(dict.fromkeys([*POSTS, *sorted(used)]))


def last_post(*, user: Requester) -> str:
    """The post of the officer's latest screening (the default of the next one)."""
    latest = (
        DepartureScreening.objects.filter(officer_id=user.pk)
        .order_by("-screened_at", "-id")
        .values_list("post", flat=True)
        .first()
    )
    return latest or POSTS[0]
