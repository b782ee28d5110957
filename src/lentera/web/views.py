"""The shell: dashboard per role, the admin hub, error pages. (The health and readiness probes
are in :mod:`lentera.apps.ops.health`.)"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.decorators import login_only, public, signed_in
from lentera.apps.accounts.models import TaskForceMembership, User
from lentera.apps.accounts.permissions import Action, Role
from lentera.apps.accounts.policies import access_logs, agencies, audit_events, users
from lentera.apps.cases.policies import cases
from lentera.apps.intake.policies import complaints
from lentera.apps.justice.selectors import (
    kupang_table,
    open_q,
    stalled_or_overdue_count,
    statistics_queryset,
    watch,
)
from lentera.apps.justice.services import stall_days
from lentera.apps.justice.stages import PROSECUTION_STAGES
from lentera.apps.justice.watching import on_watch
from lentera.apps.people.policies import people
from lentera.apps.protection.selectors import overdue_for, unread_count
from lentera.apps.reference.models import DestinationPolicy

#: How long a dashboard counter may be old (issue #21: figures at most five minutes old).
FIGURE_SECONDS = 300


def _figure(user: User, key: str, compute: Callable[[], int]) -> int:
    """A counter of the dashboard, counted at most once in ``FIGURE_SECONDS`` per user (the
    shared cache: the database's or Redis), not on every visit to the home page."""
    name = f"dashboard:{user.pk}:{key}"
    value = cache.get(name)
    if value is None:
        value = compute()
        cache.set(name, value, FIGURE_SECONDS)
    return int(value)


def _cards(user: User) -> list[dict[str, Any]]:
    cards: list[dict[str, Any]] = []
    if user.has_action(Action.VIEW_PERSON):
        cards.append(
            {
                "key": "people",
                "title": _("Person index"),
                "value": _figure(user, "people", people.visible(user, Action.VIEW_PERSON).count),
                "text": _(
                    "People registered that you may see. Identities show only to the handling agency."
                ),
                "url": reverse("people:list"),
                "link": _("Open the person index"),
            }
        )
    if user.has_action(Action.VIEW_AUDIT):
        since = timezone.now() - timedelta(days=7)
        cards.append(
            {
                "key": "audit",
                "title": _("Audit trail"),
                "value": audit_events.visible(user, Action.VIEW_AUDIT)
                .filter(occurred_at__gte=since)
                .count(),
                "text": _("Changes recorded in the last 7 days."),
                "url": reverse("accounts:audit"),
                "link": _("Filter the audit trail"),
            }
        )
        cards.append(
            {
                "key": "access",
                "title": _("Identity reads"),
                "value": access_logs.visible(user, Action.VIEW_AUDIT).filter(at__gte=since).count(),
                "text": _("Times an identity was shown in the last 7 days."),
                "url": reverse("accounts:access_log"),
                "link": _("Open the access log"),
            }
        )
    if user.has_action(Action.MANAGE_USERS):
        cards.append(
            {
                "key": "users",
                "title": _("User accounts"),
                "value": users.visible(user, Action.MANAGE_USERS).filter(is_active=True).count(),
                "text": _("Active accounts you manage."),
                "url": reverse("accounts:users"),
                "link": _("Manage users"),
            }
        )
    if user.has_action(Action.MANAGE_AGENCIES):
        cards.append(
            {
                "key": "agencies",
                "title": _("Agencies"),
                "value": agencies.visible(user, Action.MANAGE_AGENCIES).count(),
                "text": _("Member agencies of the task forces."),
                "url": reverse("accounts:agencies"),
                "link": _("Manage agencies"),
            }
        )
    if user.has_action(Action.MANAGE_REFERENCE):
        cards.append(
            {
                "key": "destinations",
                "title": _("Destination policy"),
                "value": DestinationPolicy.objects.count(),
                "text": _("Rules on where migrant workers may be placed."),
                "url": reverse("reference:destinations"),
                "link": _("Edit the destination policy"),
            }
        )
    if user.has_action(Action.VIEW_COMPLAINT):
        open_complaints = complaints.visible(user, Action.VIEW_COMPLAINT).filter(
            status__in=["received", "triaged"]
        )
        cards.append(
            {
                "key": "complaints",
                "title": _("Complaints waiting"),
                "value": open_complaints.count(),
                "text": _("Received or triaged complaints not yet attached to a case or closed."),
                "url": reverse("intake:list"),
                "link": _("Open the complaints"),
            }
        )
    if user.has_action(Action.VIEW_CASE):
        visible_cases = cases.visible(user, Action.VIEW_CASE)
        cards.append(
            {
                "key": "cases",
                "title": _("Open cases"),
                "value": _figure(user, "cases", visible_cases.exclude(status="closed").count),
                "text": _(
                    "Case files you may see that are not closed (led by your agency or shared with it)."
                ),
                "url": reverse("cases:list"),
                "link": _("Open the case list"),
            }
        )
    if user.has_action(Action.SCREEN_DEPARTURE) or user.has_action(Action.SCREEN_OFFER):
        cards.append(
            {
                "key": "prevention",
                "title": _("Early detection"),
                "value": None,
                "text": _(
                    "Screen a traveller at the post (El Tari, Tenau) or job offers found on "
                    "social media, and act on the risky ones."
                ),
                "url": reverse("prevention:home"),
                "link": _("Open early detection"),
            }
        )
    if user.has_action(Action.PROVIDE_SERVICE) or user.has_action(Action.REFER):
        overdue = overdue_for(user=user, now=timezone.now())
        unread = unread_count(user=user)
        cards.append(
            {
                "key": "protection",
                "title": _("Victim protection: overdue"),
                "value": len(overdue),
                "text": _(
                    "Legal deadlines your agency has passed (report to police, first aid, "
                    "evaluation, restitution, reintegration). Unread notices: %(unread)d."
                )
                % {"unread": unread},
                "url": reverse("protection:overdue"),
                "link": _("Open the overdue list"),
            }
        )
    if user.has_action(Action.MANAGE_PROCEEDINGS) or Role.SECRETARIAT in user.role_set:
        stalled_count = _figure(
            user,
            "stalled",
            lambda: stalled_or_overdue_count(user=user, today=timezone.localdate()),
        )
        cards.append(
            {
                "key": "proceedings",
                "title": _("Proceedings stalled or overdue"),
                "value": stalled_count,
                "text": _(
                    "Proceedings with a legal deadline passed or no movement for too long, "
                    "across the agencies you may see."
                ),
                "url": reverse("justice:stalled"),
                "link": _("Open the stall list"),
            }
        )
    if user.has_action(Action.VIEW_STATISTICS):
        # the proceedings card above lists the stalled ones to those who may open them
        watched = user.has_action(Action.MANAGE_PROCEEDINGS) or Role.SECRETARIAT in user.role_set
        cards += _statistics_cards(user, figures=not watched)
    if user.has_action(Action.QUALIFY):
        cards.append(
            {
                "key": "qualify",
                "title": _("Legal qualification"),
                "value": None,
                "text": _(
                    "Which offences do the facts satisfy, under the law in force on the offence "
                    "date? See the charges, penalties and missing facts."
                ),
                "url": reverse("cases:qualify"),
                "link": _("Qualify a case"),
            }
        )
    cards.append(
        {
            "key": "account",
            "title": _("Your account"),
            "value": None,
            "text": _("Change your password, set up a second factor, or create an API token."),
            "url": reverse("accounts:profile"),
            "link": _("Account settings"),
        }
    )
    return cards


def _statistics_cards(user: User, *, figures: bool) -> list[dict[str, Any]]:
    """The figures a leader (or anyone with ``VIEW_STATISTICS``) may see: proceedings of the
    region this year, and how many open ones are stalled or past a legal deadline. Counts only,
    never names; the statistics page holds the tables."""
    today = timezone.localdate()
    region = user.region.code if user.region else ""
    table = kupang_table(user=user, start=date(today.year, 1, 1), end=today, region=region)
    statistics = reverse("justice:statistics")
    cards: list[dict[str, Any]] = [
        {
            "key": "statistics",
            "title": _("Police reports this year"),
            "value": table.police_reports,
            "text": _(
                "%(victims)d victims; %(prosecutor)d with the prosecutor, %(decided)d decided. "
                "Figures only, for your region."
            )
            % {
                "victims": table.victims,
                "prosecutor": table.with_prosecutor,
                "decided": table.decided,
            },
            "url": statistics,
            "link": _("Open the statistics"),
        }
    ]
    if not figures:
        return cards
    # only the proceedings whose watch day has come can be stalled or overdue (an index)
    open_ones = on_watch(statistics_queryset(user=user, region=region).filter(open_q()), today)
    watches = watch(open_ones, today=today)
    stalled: Counter[str] = Counter()
    overdue: Counter[str] = Counter()
    for w in watches:
        p = w.proceeding
        with_prosecutor = p.current_stage in PROSECUTION_STAGES and p.prosecution_agency
        if w.stalled:
            stalled[str(p.prosecution_agency if with_prosecutor else p.police_agency)] += 1
        for x in w.overdue:
            prosecutor = x.code == "prosecutor_review" and p.prosecution_agency
            overdue[str(p.prosecution_agency if prosecutor else p.police_agency)] += 1
    # who is behind, by agency (figures only): whom the leader calls in the coordination meeting
    return [
        *cards,
        {
            "key": "stalled",
            "title": _("Stalled proceedings"),
            "value": sum(stalled.values()),
            "text": _("Open proceedings in your region with no movement for %(days)d days or more.")
            % {"days": stall_days()},
            "rows": stalled.most_common(),
        },
        {
            "key": "overdue",
            "title": _("Legal deadlines passed"),
            "value": sum(overdue.values()),
            "text": _(
                "Deadlines of open proceedings in your region that have passed "
                "(SPDP, the prosecutor's review, the file after P-19, detention, appeal)."
            ),
            "rows": overdue.most_common(),
        },
    ]


@public
def dashboard(request: HttpRequest) -> HttpResponse:
    """A signed-in user's home; a visitor (a citizen who typed the address) gets the public
    welcome, not the sign-in page (issue #18, item 7)."""
    if not request.user.is_authenticated:
        return redirect("web:public_home")
    user = signed_in(request)
    task_forces = (
        TaskForceMembership.objects.filter(agency_id=user.agency_id).select_related(
            "task_force", "sub_task_force"
        )
        if user.agency_id
        else []
    )
    return render(
        request,
        "web/dashboard.html",
        {
            "cards": _cards(user),
            "roles": sorted(user.role_set, key=str),
            "task_forces": task_forces,
        },
    )


@login_only
def admin_home(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    links = []
    if user.has_action(Action.MANAGE_USERS):
        links.append((reverse("accounts:users"), _("Users and roles")))
    if user.has_action(Action.MANAGE_AGENCIES):
        links.append((reverse("accounts:agencies"), _("Agencies")))
    if user.has_action(Action.MANAGE_REFERENCE):
        links.append((reverse("reference:destinations"), _("Destination policy")))
    links.append((reverse("intake:routing"), _("Routing rules")))
    links.append((reverse("reference:task_forces"), _("Task forces")))
    links.append((reverse("reference:regions"), _("Regions")))
    return render(request, "web/admin_home.html", {"links": links})


@public
def public_home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("web:dashboard")
    return render(request, "web/public_home.html")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {
            "title": _("Not found"),
            "text": _("This page does not exist, or you do not have access to it."),
        },
        status=404,
    )


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "web/error.html",
        {
            "title": _("Not allowed"),
            "text": _(
                "Your role does not allow this. Ask your agency administrator if you need it."
            ),
        },
        status=403,
    )
