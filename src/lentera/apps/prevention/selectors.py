"""Reads of stored screenings, always starting from the access policies."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

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
    qs = departures.visible(user, READ).select_related("agency", "placement_agency")
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


# -- outreach, courses and the placement register (issue #15) -----------------------------------


def course_figures(course: Any, today: date | None = None) -> dict[str, int]:
    """The outcome figures of a course: participants, attendance, completion and the follow-up
    evaluation (employed, migrated, through a licensed channel). Counts only."""
    from lentera.apps.prevention.models import CourseParticipant

    today = today or timezone.localdate()
    rows = CourseParticipant.objects.filter(course=course)
    counted = rows.aggregate(
        n_participants=Count("id"),
        n_female=Count("id", filter=Q(sex="female")),
        n_male=Count("id", filter=Q(sex="male")),
        n_completed=Count("id", filter=Q(completed=True)),
        n_attended=Sum("sessions_attended"),
        n_evaluated=Count("id", filter=Q(evaluated_on__isnull=False)),
        n_overdue=Count("id", filter=Q(evaluated_on__isnull=True, evaluation_due__lt=today)),
        n_employed=Count("id", filter=Q(employed=True)),
        n_migrated=Count("id", filter=Q(migrated=True)),
        n_licensed=Count("id", filter=Q(migrated=True, licensed_channel=True)),
        n_unlicensed=Count("id", filter=Q(migrated=True, licensed_channel=False)),
    )
    figures = {key[2:]: int(value or 0) for key, value in counted.items()}
    possible = (figures["participants"] or 0) * max(course.sessions, 1)
    figures["attendance_percent"] = round(100 * figures["attended"] / possible) if possible else 0
    return {k: int(v or 0) for k, v in figures.items()}


def outreach_totals(events: QuerySet[Any]) -> dict[str, int]:
    """Events and people reached, by sex and age group."""
    from lentera.apps.prevention.vocab import AUDIENCE_GROUPS

    sums = events.aggregate(
        events=Count("id"), **{name: Sum(name) for name, _label in AUDIENCE_GROUPS}
    )
    totals = {k: int(v or 0) for k, v in sums.items()}
    totals["people"] = sum(totals[name] for name, _label in AUDIENCE_GROUPS)
    return totals


def agency_record(*, user: Requester, agency: Any) -> dict[str, Any]:
    """What the register shows of one P3MI: the offers and departures naming it that the user
    may read, its interceptions (departures at high risk) and the cases opened from them, and the
    pending departures (not yet left) that its licence status turns red."""
    today = timezone.localdate()
    offer_rows = offers.visible(user, READ).filter(placement_agency=agency)
    departure_rows = departures.visible(user, READ).filter(placement_agency=agency)
    pending = departure_rows.filter(
        Q(departure_date__isnull=True) | Q(departure_date__gte=today), case__isnull=True
    )
    return {
        "offers": offer_rows.count(),
        "offers_high": offer_rows.filter(level="high").count(),
        "departures": departure_rows.count(),
        "interceptions": departure_rows.filter(level="high").count(),
        "cases": departure_rows.filter(case__isnull=False).count(),
        "complaints": offer_rows.filter(complaint__isnull=False).count()
        + departure_rows.filter(complaint__isnull=False).count(),
        "pending": list(pending.select_related("agency")[:200]),
        "licensed": agency.licensed_on(today),
    }


def unlicensed_pending(screening: Any, today: date | None = None) -> bool:
    """A departure not yet left (no date, or today or later; no case opened) whose named
    placement agency holds no valid licence today: shown red."""
    agency = screening.placement_agency
    if agency is None or screening.case_id is not None:
        return False
    today = today or timezone.localdate()
    if screening.departure_date is not None and screening.departure_date < today:
        return False
    return not agency.licensed_on(today)
