"""The authorization matrix of every API endpoint: one row per URL pattern under /api/v1/, read
from the resolver.

An endpoint that declares nothing, or a pattern without a row, fails with its name. Each row
pins what the view declares (``required_action``, an action or one per HTTP method, or
``public = True``) and the code of each caller: anonymous (401: the token scheme is announced),
a user of the same agency without the action (403), a user of another agency with it on a
record outside their scope (404), and the owner (200, or 405 for a POST-only endpoint).
"""

from __future__ import annotations

import pytest
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory, force_authenticate
from rest_framework.views import APIView

from lentera.api.permissions import HasAction
from lentera.apps.accounts.permissions import Role, actions_for
from tests.authz import (
    PUBLIC,
    Row,
    actions_of,
    check_route,
    in_savepoint,  # noqa: F401
    url_patterns,
    world,  # noqa: F401
)
from tests.authz import A as a

P = ("POST",)
GP = ("GET", "POST")
CASEWORKER = "kupang_uptd_caseworker"
INVESTIGATOR = "kupang_police_investigator"
INTAKE = "kupang_uptd_intake"
POSKO = "kupang_posko_officer"
ROLE_USERS = {
    Role.ANALYST: "kupang_analyst",
    Role.INTAKE_OFFICER: "kupang_uptd_intake",
    Role.CASEWORKER: "kupang_uptd_caseworker",
}
ANALYST = "kupang_analyst"


def reader(role, permission):
    """The user of the owner's agency who reads the record through ``role`` but lacks
    ``permission``: refused with 403 (nothing is hidden from them). None: the role holds it (the
    agency's user without roles is refused instead)."""
    held = actions_for([role])
    return None if any(a in held for a in actions_of(permission)) else ROLE_USERS[role]


def own_case(permission, methods=P, **kw):
    """An endpoint of the police case (the investigator's); Polresta Pontianak cannot see it; the
    analyst of Polresta Kupang reads it region-wide; Polsek Alak reads it through a grant and
    changes nothing."""
    kw.setdefault("without", reader(Role.ANALYST, permission))
    if permission not in (a.VIEW_CASE, a.QUALIFY):  # a reader may qualify the facts it reads
        kw.setdefault("grantee", "alak_investigator")
    return Row(permission, methods, owner=INVESTIGATOR, other="pontianak_investigator", **kw)


def victim(permission, methods=P, **kw):
    """An endpoint of the UPTD PPA case's victim (the case worker's); Batam cannot see it; the
    agency's intake officer reads the case."""
    kw.setdefault("without", reader(Role.INTAKE_OFFICER, permission))
    return Row(permission, methods, owner=CASEWORKER, other="batam_social_worker", on="uptd", **kw)


def complaint(permission, methods=P, **kw):
    """A complaint of UPTD PPA Kota Kupang (its intake officer's); UPTD PPA Kota Pontianak
    cannot see it; the agency's case worker reads it."""
    kw.setdefault("without", reader(Role.CASEWORKER, permission))
    return Row(permission, methods, owner=INTAKE, other="pontianak_intake", **kw)


ROWS: dict[str, Row] = {
    # public: no account, no authentication
    "api-public-statistics": Row(PUBLIC, anon=200),
    "api-public-complaints": Row(PUBLIC, P, anon=400),
    "api-public-status": Row(PUBLIC, anon=200),
    "api-public-screen-offer": Row(PUBLIC, P, anon=400),
    # what every signed-in user with a role may read
    "api-me": Row(a.VIEW_DASHBOARD, owner=CASEWORKER),
    "api-agencies": Row(a.VIEW_DASHBOARD, owner=CASEWORKER),
    "api-task-forces": Row(a.VIEW_DASHBOARD, owner=CASEWORKER),
    "api-regions": Row(a.VIEW_DASHBOARD, owner=CASEWORKER),
    "api-countries": Row(a.VIEW_DASHBOARD, owner=CASEWORKER),
    "api-destination-policies": Row(
        {"GET": a.VIEW_DASHBOARD, "POST": a.MANAGE_REFERENCE}, GP, owner="system_admin"
    ),
    "api-schema": Row(a.USE_API, owner=CASEWORKER),
    "api-docs": Row(a.USE_API, owner=CASEWORKER),
    # people
    "api-people": Row({"GET": a.VIEW_PERSON, "POST": a.CREATE_PERSON}, GP, owner=CASEWORKER),
    "api-people-search": Row(a.VIEW_PERSON, P, owner=CASEWORKER),
    "api-person": Row(a.VIEW_PERSON, owner=CASEWORKER, other="batam_social_worker"),
    "api-person-identity": Row(a.VIEW_IDENTITY, P, owner=CASEWORKER, other="batam_social_worker"),
    "api-person-accounts": Row(
        a.EDIT_PERSON, P, owner=CASEWORKER, other="batam_social_worker", without=INTAKE
    ),
    # record linkage: a run is its requester's; a match needs both records in scope
    "api-linkage-runs": Row(a.RUN_LINKAGE, P, owner=ANALYST),
    "api-linkage-run": Row(a.RUN_LINKAGE, owner=ANALYST, other="pontianak_analyst"),
    "api-linkage-matches": Row(a.REVIEW_MATCHES, owner=ANALYST),
    "api-linkage-decide": Row(a.REVIEW_MATCHES, P, owner=ANALYST, other="pontianak_analyst"),
    # audit
    "api-audit-events": Row(a.VIEW_AUDIT, owner="kupang_auditor"),
    "api-access-log": Row(a.VIEW_AUDIT, owner="kupang_auditor"),
    # case files
    "api-cases": Row({"GET": a.VIEW_CASE, "POST": a.CREATE_CASE}, GP, owner=INVESTIGATOR),
    "api-cases-export": Row(a.EXPORT, owner="kupang_secretariat"),
    "api-case": own_case(a.VIEW_CASE, ("GET",)),
    "api-case-parties": own_case(a.EDIT_CASE),
    "api-case-grants": own_case(a.SHARE_CASE),
    "api-case-handover": own_case(a.SHARE_CASE),
    "api-case-grant-revoke": own_case(a.SHARE_CASE),
    "api-case-status": own_case(a.EDIT_CASE),
    "api-case-facts": own_case(a.EDIT_CASE),
    "api-case-qualify": own_case(a.QUALIFY),
    "api-qualify": Row(a.QUALIFY, P, owner=CASEWORKER),
    # complaints
    "api-complaints": Row(
        {"GET": a.VIEW_COMPLAINT, "POST": a.REGISTER_COMPLAINT}, GP, owner=INTAKE
    ),
    "api-complaint": complaint(a.VIEW_COMPLAINT, ("GET",)),
    "api-complaint-triage": complaint(a.TRIAGE_COMPLAINT),
    # the service decides who takes a complaint up (triage officers, the routed agency's case
    # makers): the endpoint asks only to see complaints
    "api-complaint-case": complaint(a.VIEW_COMPLAINT, without="kupang_uptd_norole"),
    "api-routing-rules": Row(
        {"GET": a.VIEW_DASHBOARD, "POST": a.MANAGE_REFERENCE}, GP, owner="system_admin"
    ),
    "api-routing-rule": Row(
        {"GET": a.VIEW_DASHBOARD, "PUT": a.MANAGE_REFERENCE}, owner="system_admin"
    ),
    "api-routing-preview": Row(a.VIEW_DASHBOARD, owner=CASEWORKER),
    "api-complaint-reporter": complaint(a.VIEW_IDENTITY),
    "api-intake-gateway": Row(a.REGISTER_COMPLAINT, P, owner=INTAKE),
    # screening (the lists: the screening action of the own agency, or the region-wide read)
    "api-screen-offer": Row(a.SCREEN_OFFER, P, owner=INTAKE),
    "api-screen-departure": Row(a.SCREEN_DEPARTURE, P, owner=POSKO),
    "api-offer-screenings": Row(a.VIEW_DASHBOARD, owner=INTAKE),
    "api-departure-screenings": Row(a.VIEW_DASHBOARD, owner=POSKO),
    "api-outreach-events": Row(
        {"GET": a.VIEW_DASHBOARD, "POST": a.VIEW_DASHBOARD}, GP, owner=POSKO
    ),
    "api-courses": Row(a.VIEW_DASHBOARD, owner=POSKO),
    "api-placement-agencies": Row(a.VIEW_DASHBOARD, owner=POSKO),
    "api-community-reports": Row(
        {"GET": a.VIEW_DASHBOARD, "POST": a.VIEW_DASHBOARD}, GP, owner=POSKO
    ),
    "api-community-reports-sms": Row(a.VIEW_DASHBOARD, P, owner=POSKO),
    "api-delay-requests": Row(a.VIEW_DASHBOARD, owner=POSKO),
    "api-takedowns": Row(a.VIEW_DASHBOARD, owner=INTAKE),
    "api-return-operations": Row(a.VIEW_DASHBOARD, owner=POSKO),
    "api-prospective-workers": Row(a.VIEW_DASHBOARD, owner="kupang_manpower_officer"),
    # proceedings
    "api-proceedings": Row(
        {"GET": a.VIEW_CASE, "POST": a.MANAGE_PROCEEDINGS}, GP, owner=INVESTIGATOR
    ),
    "api-proceeding": own_case(a.VIEW_CASE, ("GET",)),
    "api-proceeding-stages": own_case(a.MANAGE_PROCEEDINGS),
    "api-proceeding-wanted": own_case(
        {"GET": a.VIEW_CASE, "POST": a.MANAGE_PROCEEDINGS}, GP, grantee=None
    ),
    "api-proceeding-wanted-end": own_case(a.MANAGE_PROCEEDINGS),
    # investigation (issue #17)
    "api-court-orders": own_case(
        {"GET": a.VIEW_CASE, "POST": a.MANAGE_PROCEEDINGS}, GP, grantee=None
    ),
    "api-court-order-outcome": own_case(a.MANAGE_PROCEEDINGS),
    "api-evidence-items": own_case(
        {"GET": a.VIEW_CASE, "POST": a.MANAGE_PROCEEDINGS}, GP, grantee=None
    ),
    "api-evidence-handovers": own_case(a.MANAGE_PROCEEDINGS),
    "api-evidence-trial-status": own_case(a.MANAGE_PROCEEDINGS),
    "api-transfers": own_case({"GET": a.VIEW_CASE, "POST": a.MANAGE_PROCEEDINGS}, GP, grantee=None),
    "api-transfers-import": own_case(a.MANAGE_PROCEEDINGS),
    "api-call-records": own_case(
        {"GET": a.VIEW_CASE, "POST": a.MANAGE_PROCEEDINGS}, GP, grantee=None
    ),
    "api-network": Row(a.VIEW_CASE, owner=INVESTIGATOR, code=400),
    "api-investigation-alerts": Row(a.VIEW_DASHBOARD, owner=INVESTIGATOR),
    "api-proceeding-statistics": Row(
        a.VIEW_STATISTICS, owner="kupang_secretariat", query="?from=2024-01-01&to=2024-12-31"
    ),
    # coordination
    "api-meetings": Row(a.MANAGE_MEETINGS, GP, owner="kupang_secretariat"),
    "api-meeting": Row(
        a.MANAGE_MEETINGS, owner="kupang_secretariat", other="pontianak_secretariat"
    ),
    "api-plan": Row(a.MANAGE_MEETINGS, owner="kupang_secretariat", other="pontianak_secretariat"),
    "api-scorecard": Row(
        a.MANAGE_MEETINGS, owner="kupang_secretariat", other="pontianak_secretariat"
    ),
    "api-report": Row(a.MANAGE_MEETINGS, owner="kupang_secretariat", other="pontianak_secretariat"),
    "api-action-items": Row(a.VIEW_DASHBOARD, owner=INVESTIGATOR),
    "api-action-item-close": Row(
        a.VIEW_DASHBOARD, P, owner=INVESTIGATOR, other="pontianak_investigator"
    ),
    "api-meeting-cancel": Row(
        a.MANAGE_MEETINGS, P, owner="kupang_secretariat", other="pontianak_secretariat"
    ),
    "api-coordination-notices": Row(a.VIEW_DASHBOARD, owner=INVESTIGATOR),
    "api-coordination-notice-read": Row(
        a.VIEW_DASHBOARD, P, owner=INVESTIGATOR, other="pontianak_investigator"
    ),
    # victim protection
    "api-protection-referrals": Row(a.VIEW_CASE, owner=CASEWORKER),
    "api-protection-referral-step": victim(a.VIEW_CASE),
    "api-protection-victim-referrals": victim(a.REFER),
    "api-protection-victim-consents": victim(a.REFER),
    "api-protection-victim-identifications": victim(a.PROVIDE_SERVICE),
    "api-protection-consent-withdraw": victim(a.REFER),
    "api-protection-timers": victim(a.VIEW_CASE, ("GET",)),
    "api-protection-overdue": Row(a.VIEW_DASHBOARD, owner=CASEWORKER),
    "api-protection-victim-assessments": victim(a.PROVIDE_SERVICE),
    "api-protection-victim-services": victim(a.PROVIDE_SERVICE),
    "api-protection-victim-returns": victim(a.PROVIDE_SERVICE),
    "api-protection-victim-restitutions": victim(a.PROVIDE_SERVICE),
    "api-protection-service-status": victim(a.PROVIDE_SERVICE),
    "api-protection-return": victim(a.VIEW_CASE, ("GET",)),
    "api-protection-return-step": victim(a.VIEW_CASE, kwargs={"step": "cancel"}),
    "api-protection-restitution": victim(a.VIEW_CASE, GP),
    "api-protection-notifications": Row(a.VIEW_DASHBOARD, owner="pontianak_caseworker"),
    "api-protection-notification-read": Row(
        a.VIEW_DASHBOARD, P, owner="pontianak_caseworker", other="batam_social_worker"
    ),
    "api-protection-providers": Row(a.VIEW_DASHBOARD, owner=CASEWORKER),
}


def row_of(route):
    if route.name not in ROWS:
        pytest.fail(f"{route.name} ({route.route}) has no row in the matrix: add one to ROWS")
    return ROWS[route.name]


ENDPOINTS = [r for r in url_patterns() if r.is_api]


def view_class(route):
    cls = getattr(route.callback, "cls", None)
    assert cls is not None, f"{route.name} ({route.route}) is not a REST framework view"
    return cls


def test_every_endpoint_has_a_row():
    names = {r.name for r in ENDPOINTS}
    assert not names - ROWS.keys(), f"URL patterns without a row: {sorted(names - ROWS.keys())}"
    assert not ROWS.keys() - names, f"rows without a URL pattern: {sorted(ROWS.keys() - names)}"


@pytest.mark.parametrize("route", ENDPOINTS, ids=lambda r: r.name)
def test_every_endpoint_declares_its_permission(route):
    cls = view_class(route)
    row = row_of(route)
    if getattr(cls, "public", False):
        assert row.permission == PUBLIC, f"{route.name} is public, its row says {row.permission}"
        assert list(cls.permission_classes) == [AllowAny], route.name
        return
    assert HasAction in cls.permission_classes, f"{route.name} does not check HasAction"
    declared = getattr(cls, "required_action", None)
    assert declared is not None, (
        f"{route.name} ({route.route}) declares no permission: set required_action "
        "(an Action, or a dict per HTTP method) or public = True with AllowAny"
    )
    assert declared == row.permission, route.name


@pytest.mark.django_db
@pytest.mark.parametrize("route", ENDPOINTS, ids=lambda r: r.name)
def test_api_matrix(in_savepoint, route):  # noqa: F811
    check_route(in_savepoint, route, row_of(route))


class Undeclared(APIView):
    permission_classes = [HasAction]

    def get(self, request):
        return None


class PerMethod(APIView):
    permission_classes = [HasAction]
    required_action = {"GET": a.VIEW_DASHBOARD}

    def get(self, request):
        return Response({})

    def post(self, request):
        raise AssertionError("never reached")


@pytest.mark.django_db
def test_an_endpoint_that_declares_nothing_is_refused(in_savepoint):  # noqa: F811
    factory = APIRequestFactory()
    request = factory.get("/")
    force_authenticate(request, in_savepoint.user("system_admin"), token="t")
    assert Undeclared.as_view()(request).status_code == 403
    # HEAD is read as GET; a method the dict leaves out is refused
    for method, code in (("get", 200), ("head", 200), ("post", 403), ("delete", 403)):
        request = getattr(factory, method)("/")
        force_authenticate(request, in_savepoint.user("kupang_uptd_caseworker"), token="t")
        assert PerMethod.as_view()(request).status_code == code, method
