"""The authorization matrix of every page: one row per URL pattern, read from the resolver.

A page that declares nothing, or a pattern without a row, fails with its name. Each row pins
what the view declares (``requires``, ``login_only``, ``public``: see
``lentera.apps.accounts.decorators``) and the code of each visitor: anonymous (to the sign-in
page), a user of the same agency without the permission (403), a user of another agency with
it on a record outside their scope (404), and the owner (200, or 405 for a POST-only route).
"""

from __future__ import annotations

import pytest

from lentera.apps.accounts.decorators import declared
from lentera.apps.accounts.permissions import Role, actions_for
from tests.authz import (
    PUBLIC,
    SIGNED_IN,
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
MANPOWER = "kupang_manpower_officer"
#: Outreach and courses: any prevention action of the own agency, or the region-wide read.
WORK = (a.SCREEN_OFFER, a.SCREEN_DEPARTURE, a.MANAGE_REGISTERS, a.VIEW_CASE)
#: Returns: the officers who receive returnees (posko, manpower, case workers who refer).
RETURNS = (a.SCREEN_DEPARTURE, a.MANAGE_REGISTERS, a.REFER)
ROLE_USERS = {
    Role.ANALYST: "kupang_analyst",
    Role.INTAKE_OFFICER: "kupang_uptd_intake",
    Role.CASEWORKER: "kupang_uptd_caseworker",
}


def reader(role, permission):
    """The user of the owner's agency who reads the record through ``role`` but lacks
    ``permission``: refused with 403 (nothing is hidden from them). None: the role holds it (the
    agency's user without roles is refused instead)."""
    held = actions_for([role])
    return None if any(a in held for a in actions_of(permission)) else ROLE_USERS[role]


def own_case(permission, methods=P, **kw):
    """A page of the police case (the investigator's); Polresta Pontianak cannot see it; the
    analyst of Polresta Kupang reads it region-wide; Polsek Alak reads it through a grant and
    changes nothing."""
    kw.setdefault("without", reader(Role.ANALYST, permission))
    if permission not in (a.VIEW_CASE, a.QUALIFY):  # a reader may qualify the facts it reads
        kw.setdefault("grantee", "alak_investigator")
    return Row((permission,), methods, owner=INVESTIGATOR, other="pontianak_investigator", **kw)


def victim(permission, methods=GP, **kw):
    """A page of the UPTD PPA case's victim (the case worker's); Batam cannot see it; the
    agency's intake officer reads the case."""
    kw.setdefault("without", reader(Role.INTAKE_OFFICER, permission))
    return Row(
        (permission,), methods, owner=CASEWORKER, other="batam_social_worker", on="uptd", **kw
    )


def complaint(permission, methods=P, **kw):
    """A complaint of UPTD PPA Kota Kupang (its intake officer's); UPTD PPA Kota Pontianak
    cannot see it; the agency's case worker reads it."""
    kw.setdefault("without", reader(Role.CASEWORKER, permission))
    return Row((permission,), methods, owner=INTAKE, other="pontianak_intake", **kw)


SECRETARIAT = "kupang_secretariat"
MEETINGS = (a.MANAGE_MEETINGS, a.APPROVE_MINUTES)


def meeting(permission, methods=P, **kw):
    """A page of the world's Kupang meeting (its secretariat's); Pontianak's secretariat cannot
    see it; the chair (leader) of the same agency reads it and may not change it."""
    kw.setdefault("without", "kupang_leader")
    return Row((permission,), methods, owner=SECRETARIAT, other="pontianak_secretariat", **kw)


ROWS: dict[str, Row] = {
    # Django's language switch and catalogue, and the public pages
    "set_language": Row(PUBLIC, GP, anon={"GET": 302, "POST": 302}),
    "javascript-catalog": Row(PUBLIC, anon=200),
    "accounts:login": Row(PUBLIC, GP, anon=200),
    "accounts:logout": Row(PUBLIC, GP, anon={"GET": 405, "POST": 302}),
    "jobcheck:check": Row(PUBLIC, GP, anon={"GET": 200, "POST": 400}),
    "publicstats:statistics": Row(PUBLIC, anon=200),
    "public:report": Row(PUBLIC, GP, anon={"GET": 200, "POST": 400}),
    "public:report_done": Row(PUBLIC, anon=302),
    "public:status": Row(PUBLIC, GP, anon={"GET": 200, "POST": 400}),
    "web:public_home": Row(PUBLIC, anon=200),
    "web:healthz": Row(PUBLIC, anon=200),
    "web:readyz": Row(PUBLIC, anon=503),  # no worker beats in the test world
    # any signed-in user
    "accounts:second_factor": Row(SIGNED_IN, GP, owner="kupang_uptd_norole"),
    "accounts:profile": Row(SIGNED_IN, GP, owner="kupang_uptd_norole"),
    "accounts:totp_remove": Row(SIGNED_IN, P, owner="kupang_uptd_norole"),
    "reference:destinations": Row(SIGNED_IN, owner="kupang_uptd_norole"),
    "reference:task_forces": Row(SIGNED_IN, owner="kupang_uptd_norole"),
    "reference:regions": Row(SIGNED_IN, owner="kupang_uptd_norole"),
    "reference:region_search": Row(SIGNED_IN, owner="kupang_uptd_norole"),
    "web:dashboard": Row(PUBLIC, anon=302),  # a visitor goes to the public welcome
    "web:admin_home": Row(SIGNED_IN, owner="kupang_uptd_norole"),
    # accounts
    "accounts:api_tokens": Row((a.USE_API,), GP, owner=CASEWORKER),
    "accounts:api_token_revoke": Row(
        (a.USE_API,), P, owner=CASEWORKER, other="batam_social_worker"
    ),
    "accounts:users": Row((a.MANAGE_USERS,), owner="kupang_uptd_admin"),
    "accounts:user_create": Row((a.MANAGE_USERS,), GP, owner="kupang_uptd_admin"),
    "accounts:user_detail": Row(
        (a.MANAGE_USERS,), GP, owner="kupang_uptd_admin", other="pontianak_admin"
    ),
    "accounts:agencies": Row((a.MANAGE_AGENCIES,), GP, owner="system_admin"),
    "accounts:audit": Row((a.VIEW_AUDIT,), owner="kupang_auditor"),
    "accounts:access_log": Row((a.VIEW_AUDIT,), owner="kupang_auditor"),
    # people
    "people:list": Row((a.VIEW_PERSON,), owner=CASEWORKER),
    "people:create": Row((a.CREATE_PERSON,), GP, owner=CASEWORKER),
    "people:detail": Row((a.VIEW_PERSON,), owner=CASEWORKER, other="batam_social_worker"),
    "people:reveal": Row((a.VIEW_IDENTITY,), P, owner=CASEWORKER, other="batam_social_worker"),
    "people:edit": Row(
        (a.EDIT_PERSON,), GP, owner=CASEWORKER, other="batam_social_worker", without=INTAKE
    ),
    "people:account_add": Row(
        (a.EDIT_PERSON,), P, owner=CASEWORKER, other="batam_social_worker", without=INTAKE
    ),
    # reference data (national: no other agency's record)
    "reference:destination_create": Row((a.MANAGE_REFERENCE,), GP, owner="system_admin"),
    "reference:destination_edit": Row((a.MANAGE_REFERENCE,), GP, owner="system_admin"),
    # case files
    "cases:qualify": Row((a.QUALIFY,), GP, owner=CASEWORKER),
    "cases:list": Row((a.VIEW_CASE,), owner=INVESTIGATOR),
    "cases:create": Row((a.CREATE_CASE,), GP, owner=INVESTIGATOR),
    "cases:export": Row((a.EXPORT,), owner="kupang_secretariat"),
    "cases:detail": own_case(a.VIEW_CASE, ("GET",)),
    "cases:edit": own_case(a.EDIT_CASE, GP),
    "cases:reveal": own_case(a.VIEW_IDENTITY),
    "cases:party_search": own_case(a.EDIT_CASE),
    "cases:party_add": own_case(a.EDIT_CASE),
    "cases:victim_status": own_case(a.EDIT_CASE),
    "cases:leg_add": own_case(a.EDIT_CASE),
    "cases:document_add": own_case(a.EDIT_CASE),
    "cases:document": own_case(a.VIEW_CASE, ("GET",)),
    "cases:note_add": own_case(a.EDIT_CASE),
    "cases:status": own_case(a.EDIT_CASE),
    "cases:share": own_case(a.SHARE_CASE),
    "cases:share_revoke": own_case(a.SHARE_CASE),
    "cases:case_qualify": own_case(a.QUALIFY),
    "cases:hand_over": own_case(a.SHARE_CASE),
    # complaints
    "intake:list": Row((a.VIEW_COMPLAINT,), owner=INTAKE),
    "intake:register": Row((a.REGISTER_COMPLAINT,), GP, owner=INTAKE),
    "intake:detail": complaint(a.VIEW_COMPLAINT, ("GET",)),
    "intake:triage": complaint(a.TRIAGE_COMPLAINT),
    "intake:acknowledge": complaint(a.TRIAGE_COMPLAINT),
    "intake:reveal": complaint(a.VIEW_IDENTITY),
    # the routed agency's case makers take a complaint up too (issue #18)
    "intake:search": Row(
        (a.TRIAGE_COMPLAINT, a.EDIT_CASE), P, owner=INTAKE, other="pontianak_intake"
    ),
    "intake:attach": Row(
        (a.TRIAGE_COMPLAINT, a.EDIT_CASE), P, owner=INTAKE, other="pontianak_intake"
    ),
    "intake:routing": Row(SIGNED_IN, owner="kupang_uptd_norole"),
    "intake:routing_new": Row((a.MANAGE_REFERENCE,), GP, owner="system_admin"),
    "intake:routing_edit": Row((a.MANAGE_REFERENCE,), GP, owner="system_admin"),
    "intake:open_case": complaint(a.CREATE_CASE),
    "intake:close": complaint(a.TRIAGE_COMPLAINT),
    "intake:reopen": complaint(a.TRIAGE_COMPLAINT),
    # prevention: the lists open with the screening action (own agency) or the region-wide read
    "prevention:home": Row((a.SCREEN_OFFER, a.SCREEN_DEPARTURE, a.VIEW_CASE), owner=POSKO),
    "prevention:queue": Row((a.SCREEN_OFFER, a.VIEW_CASE), owner=INTAKE),
    "prevention:offer_add": Row((a.SCREEN_OFFER,), GP, owner=INTAKE),
    "prevention:offer_import": Row((a.SCREEN_OFFER,), GP, owner=INTAKE),
    "prevention:offer": Row(
        (a.SCREEN_OFFER, a.VIEW_CASE), owner=INTAKE, other="batam_posko_officer"
    ),
    "prevention:offer_triage": Row((a.SCREEN_OFFER,), P, owner=INTAKE, other="batam_posko_officer"),
    "prevention:offer_complaint": Row(
        (a.SCREEN_OFFER,), P, owner=INTAKE, other="batam_posko_officer"
    ),
    "prevention:departures": Row((a.SCREEN_DEPARTURE, a.VIEW_CASE), owner=POSKO),
    "prevention:departure_new": Row((a.SCREEN_DEPARTURE,), GP, owner=POSKO),
    "prevention:departure": Row(
        (a.SCREEN_DEPARTURE, a.VIEW_CASE), owner=POSKO, other="batam_posko_officer"
    ),
    "prevention:departure_reveal": Row(
        (a.SCREEN_DEPARTURE,), P, owner=POSKO, other="batam_posko_officer"
    ),
    "prevention:departure_case": Row(
        (a.SCREEN_DEPARTURE,), P, owner=POSKO, other="batam_posko_officer"
    ),
    "prevention:departure_complaint": Row(
        (a.SCREEN_DEPARTURE,), P, owner=POSKO, other="batam_posko_officer"
    ),
    # outreach, courses and the P3MI register (issue #15): prevention officers of the agency
    "prevention:offer_recruiter": Row(
        (a.SCREEN_OFFER,), P, owner=INTAKE, other="batam_posko_officer"
    ),
    "prevention:departure_recruiter": Row(
        (a.SCREEN_DEPARTURE,), P, owner=POSKO, other="batam_posko_officer"
    ),
    "prevention:outreach": Row(WORK, owner=POSKO),
    "prevention:outreach_new": Row(WORK[:3], GP, owner=POSKO),
    "prevention:courses": Row(WORK, owner=POSKO),
    "prevention:course_new": Row(WORK[:3], GP, owner=POSKO),
    "prevention:course": Row(WORK, owner=POSKO, other="batam_posko_officer"),
    "prevention:course_participants": Row(WORK[:3], P, owner=POSKO, other="batam_posko_officer"),
    "prevention:course_attendance": Row(WORK[:3], P, owner=POSKO, other="batam_posko_officer"),
    "prevention:participant_evaluate": Row(WORK[:3], GP, owner=POSKO, other="batam_posko_officer"),
    "prevention:course_export": Row(WORK[:3], owner=POSKO, other="batam_posko_officer"),
    "prevention:agencies": Row(WORK, owner=POSKO),
    "prevention:agency_export": Row(WORK, owner=POSKO),
    "prevention:agency": Row(WORK, owner=POSKO),
    "prevention:agency_new": Row((a.MANAGE_REGISTERS,), GP, owner=MANPOWER),
    "prevention:agency_import": Row((a.MANAGE_REGISTERS,), GP, owner=MANPOWER),
    "prevention:agency_edit": Row((a.MANAGE_REGISTERS,), GP, owner=MANPOWER),
    # community reports, delays, take-downs (issue #15, items 3-5)
    "prevention:reports": Row(WORK, owner=POSKO),
    "prevention:report_new": Row(WORK[:3], GP, owner=POSKO),
    "prevention:report": Row(WORK, owner=POSKO, other="batam_posko_officer"),
    "prevention:report_triage": Row(WORK[:3], P, owner=POSKO, other="batam_posko_officer"),
    "prevention:report_case": Row(
        (a.CREATE_CASE,), P, owner=INVESTIGATOR, other="pontianak_investigator"
    ),
    "prevention:delays": Row((a.SCREEN_DEPARTURE, a.VIEW_CASE), owner=POSKO),
    "prevention:delay_new": Row((a.SCREEN_DEPARTURE,), P, owner=POSKO, other="batam_posko_officer"),
    "prevention:delay_answer": Row(
        (a.SCREEN_DEPARTURE,), P, owner=POSKO, other="batam_posko_officer"
    ),
    "prevention:takedowns": Row((a.SCREEN_OFFER, a.VIEW_CASE), GP, owner=INTAKE),
    "prevention:takedown": Row(
        (a.SCREEN_OFFER, a.VIEW_CASE), owner=INTAKE, other="batam_posko_officer"
    ),
    "prevention:takedown_answer": Row(
        (a.SCREEN_OFFER,), P, owner=INTAKE, other="batam_posko_officer"
    ),
    "prevention:takedown_case": Row(
        (a.SCREEN_OFFER,), P, owner=INTAKE, other="batam_posko_officer"
    ),
    # returns in batches (issue #15, item 6)
    "prevention:returns": Row((*RETURNS, a.VIEW_CASE), owner=POSKO),
    "prevention:return_new": Row(RETURNS, GP, owner=POSKO),
    "prevention:return": Row((*RETURNS, a.VIEW_CASE), owner=POSKO, other="batam_posko_officer"),
    "prevention:return_manifest": Row(RETURNS, P, owner=POSKO, other="batam_posko_officer"),
    "prevention:return_refer": Row(RETURNS, P, owner=POSKO, other="batam_posko_officer"),
    "prevention:returnee": Row(RETURNS, owner=POSKO, other="batam_posko_officer"),
    "prevention:returnee_act": Row(RETURNS, P, owner=POSKO, other="batam_posko_officer"),
    "prevention:workers": Row((a.MANAGE_REGISTERS, a.VIEW_CASE), GP, owner=MANPOWER),
    "prevention:worker": Row((a.MANAGE_REGISTERS, a.VIEW_CASE), owner=MANPOWER),
    "prevention:worker_recheck": Row((a.MANAGE_REGISTERS,), P, owner=MANPOWER),
    # proceedings
    "justice:home": Row((a.VIEW_CASE,), owner=INVESTIGATOR),
    "justice:stalled": Row((a.VIEW_CASE,), owner=INVESTIGATOR),
    "justice:statistics": Row((a.VIEW_STATISTICS,), owner="kupang_secretariat"),
    "justice:settings": Row((a.MANAGE_REFERENCE,), GP, owner="system_admin"),
    "justice:case": own_case(a.VIEW_CASE, ("GET",)),
    "justice:open": own_case(a.MANAGE_PROCEEDINGS),
    "justice:detail": own_case(a.VIEW_CASE, ("GET",)),
    "justice:stage_add": own_case(a.MANAGE_PROCEEDINGS),
    "justice:charges_add": own_case(a.MANAGE_PROCEEDINGS),
    "justice:detention_add": own_case(a.MANAGE_PROCEEDINGS),
    "justice:detention_update": own_case(a.MANAGE_PROCEEDINGS),
    "justice:outcome": own_case(a.MANAGE_PROCEEDINGS),
    "justice:wanted_add": own_case(a.MANAGE_PROCEEDINGS),
    "justice:wanted_close": own_case(a.MANAGE_PROCEEDINGS),
    # investigation (issue #17): a case's orders, evidence and money; the network; the alerts
    "investigation:case": own_case(a.VIEW_CASE, ("GET",)),
    "investigation:accounts_reveal": own_case(a.VIEW_CASE, P, grantee=None),
    "investigation:order_add": own_case(a.MANAGE_PROCEEDINGS),
    "investigation:order_outcome": own_case(a.MANAGE_PROCEEDINGS),
    "investigation:evidence_add": own_case(a.MANAGE_PROCEEDINGS),
    "investigation:evidence_hand_over": own_case(a.MANAGE_PROCEEDINGS),
    "investigation:evidence_status": own_case(a.MANAGE_PROCEEDINGS),
    "investigation:evidence_download": own_case(a.VIEW_CASE, ("GET",)),
    "investigation:transfer_add": own_case(a.MANAGE_PROCEEDINGS),
    "investigation:statement_import": own_case(a.MANAGE_PROCEEDINGS),
    "investigation:calls_import": own_case(a.MANAGE_PROCEEDINGS),
    "investigation:network": Row((a.VIEW_CASE,), owner=INVESTIGATOR),
    "investigation:alerts": Row((a.VIEW_DASHBOARD,), owner=INVESTIGATOR),
    "investigation:alert_read": Row(
        (a.VIEW_DASHBOARD,), P, owner=INVESTIGATOR, other="pontianak_investigator"
    ),
    # record linkage
    "insights:linkage": Row((a.REVIEW_MATCHES,), owner="kupang_analyst"),
    "insights:run_start": Row((a.RUN_LINKAGE,), P, owner="kupang_analyst"),
    "insights:run_status": Row((a.RUN_LINKAGE,), owner="kupang_analyst", other="pontianak_analyst"),
    "insights:decide": Row(
        (a.REVIEW_MATCHES,), P, owner="kupang_analyst", other="pontianak_analyst"
    ),
    # victim protection
    "protection:home": Row((a.VIEW_DASHBOARD,), owner=CASEWORKER),
    "protection:overdue": Row((a.VIEW_DASHBOARD,), owner=CASEWORKER),
    "protection:directory": Row((a.VIEW_DASHBOARD,), owner=CASEWORKER),
    # reference managers edit every entry, an agency's administrator those of the agency
    "protection:provider_add": Row(
        (a.MANAGE_REFERENCE, a.MANAGE_USERS), GP, owner="kupang_uptd_admin"
    ),
    # the directory is every signed-in user's to read: another agency's administrator sees the
    # entry and may not edit it
    "protection:provider_edit": Row(
        (a.MANAGE_REFERENCE, a.MANAGE_USERS),
        GP,
        owner="kupang_uptd_admin",
        other="pontianak_admin",
        other_code=403,
    ),
    "protection:referral": victim(a.VIEW_CASE),
    "protection:case": victim(a.VIEW_CASE, ("GET",)),
    "protection:identify": victim(a.PROVIDE_SERVICE),
    "protection:assess": victim(a.PROVIDE_SERVICE),
    "protection:consent": victim(a.REFER),
    "protection:refer": victim(a.REFER),
    "protection:service_add": victim(a.PROVIDE_SERVICE),
    "protection:return_add": victim(a.PROVIDE_SERVICE),
    "protection:restitution_add": victim(a.PROVIDE_SERVICE),
    "protection:consent_withdraw": victim(a.REFER, P),
    "protection:service": victim(a.PROVIDE_SERVICE),
    "protection:return": victim(a.VIEW_CASE),
    "protection:restitution": victim(a.VIEW_CASE),
    "protection:service_status": victim(a.PROVIDE_SERVICE, P),
    "protection:notifications": Row((a.VIEW_DASHBOARD,), owner="pontianak_caseworker"),
    "protection:notification_read": Row(
        (a.VIEW_DASHBOARD,), P, owner="pontianak_caseworker", other="batam_social_worker"
    ),
    # coordination: the secretariat's meetings (the chair reads and approves), every agency's items
    "coordination:home": Row(MEETINGS, owner=SECRETARIAT),
    "coordination:meeting_new": Row((a.MANAGE_MEETINGS,), GP, owner=SECRETARIAT),
    "coordination:meeting": Row(MEETINGS, owner=SECRETARIAT, other="pontianak_secretariat"),
    "coordination:pdf": Row(MEETINGS, owner=SECRETARIAT, other="pontianak_secretariat"),
    "coordination:agenda_add": meeting(a.MANAGE_MEETINGS),
    "coordination:attendance": meeting(a.MANAGE_MEETINGS),
    "coordination:minutes": meeting(a.MANAGE_MEETINGS),
    "coordination:decision_add": meeting(a.MANAGE_MEETINGS),
    "coordination:item_add": meeting(a.MANAGE_MEETINGS),
    "coordination:approve": Row(
        (a.APPROVE_MINUTES,), P, owner="kupang_leader", without=SECRETARIAT
    ),
    "coordination:items": Row((a.VIEW_DASHBOARD,), owner=INVESTIGATOR),
    "coordination:item": Row(
        (a.VIEW_DASHBOARD,), GP, owner=INVESTIGATOR, other="pontianak_investigator"
    ),
    "coordination:plan": Row(MEETINGS, GP, owner=SECRETARIAT, other="pontianak_secretariat"),
    "coordination:activity": meeting(a.MANAGE_MEETINGS, GP),
    "coordination:scorecard": Row(MEETINGS, owner=SECRETARIAT, other="pontianak_secretariat"),
    "coordination:recommendation_accept": Row(
        (a.APPROVE_MINUTES,), P, owner="kupang_leader", without=SECRETARIAT
    ),
    "coordination:report": Row(MEETINGS, GP, owner=SECRETARIAT, other="pontianak_secretariat"),
    "coordination:report_issue": meeting(a.MANAGE_MEETINGS),
    "coordination:report_pdf": Row(MEETINGS, owner=SECRETARIAT, other="pontianak_secretariat"),
    "coordination:report_xlsx": Row(MEETINGS, owner=SECRETARIAT, other="pontianak_secretariat"),
    "coordination:report_docx": Row(MEETINGS, owner=SECRETARIAT, other="pontianak_secretariat"),
    "coordination:meeting_cancel": meeting(a.MANAGE_MEETINGS),
    "coordination:agenda_edit": meeting(a.MANAGE_MEETINGS),
    "coordination:decision_edit": meeting(a.MANAGE_MEETINGS),
    "coordination:interval": meeting(a.MANAGE_MEETINGS, GP),
    # notices: every user of an agency reads its own (another agency's: not found)
    "coordination:notices": Row((a.VIEW_DASHBOARD,), owner=INVESTIGATOR),
    "coordination:notice_read": Row(
        (a.VIEW_DASHBOARD,), P, owner=INVESTIGATOR, other="pontianak_investigator"
    ),
    # the world's item has no file: the owner gets 404 too
    "coordination:item_file": Row(
        (a.VIEW_DASHBOARD,), owner=INVESTIGATOR, other="pontianak_investigator", code=404
    ),
}


def row_of(route):
    if route.name not in ROWS:
        pytest.fail(f"{route.name} ({route.route}) has no row in the matrix: add one to ROWS")
    return ROWS[route.name]


PAGES = [r for r in url_patterns() if not r.is_api]


def test_every_page_has_a_row():
    names = {r.name for r in PAGES}
    assert not names - ROWS.keys(), f"URL patterns without a row: {sorted(names - ROWS.keys())}"
    assert not ROWS.keys() - names, f"rows without a URL pattern: {sorted(ROWS.keys() - names)}"


@pytest.mark.parametrize("route", PAGES, ids=lambda r: r.name)
def test_every_page_declares_its_permission(route):
    permission = declared(route.callback)
    assert permission is not None, (
        f"{route.name} ({route.route}) declares no permission: use requires(Action.X), "
        "login_only or public (lentera.apps.accounts.decorators)"
    )
    assert permission == row_of(route).permission, route.name


@pytest.mark.django_db
@pytest.mark.parametrize("route", PAGES, ids=lambda r: r.name)
def test_page_matrix(in_savepoint, route):  # noqa: F811
    check_route(in_savepoint, route, row_of(route))
