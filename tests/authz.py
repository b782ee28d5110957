"""The authorization matrix's world: every URL pattern of the project, and one record of each
kind a URL names, held by the named cast.

``tests/web/test_url_matrix.py`` (pages) and ``tests/api/test_authz_matrix.py`` (API) build the
world once per module (:func:`world`), run each route's checks in a savepoint that is rolled
back, and compare the resolver's pattern names with their rows, so a new URL without a row
fails with its name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from rest_framework.test import APIClient

from lentera.apps.accounts import services as account_services
from lentera.apps.accounts.middleware import needs_second_factor
from lentera.apps.accounts.models import AccessLog, Agency, AuditEvent, User
from lentera.apps.accounts.permissions import Action, Role
from lentera.apps.cases import services as case_services
from lentera.apps.insights import services as insight_services
from lentera.apps.insights.models import MatchCandidate
from lentera.apps.intake import services as intake_services
from lentera.apps.intake.services import FactsInput, ReporterInput
from lentera.apps.justice import services as justice_services
from lentera.apps.people.services import person_create
from lentera.apps.prevention import services as prevention_services
from lentera.apps.prevention.importing import ManifestRow
from lentera.apps.protection import services as protection_services
from lentera.apps.protection.models import Notification
from lentera.apps.reference import services as reference_services
from lentera.apps.reference.models import Country
from tests.conftest import login_verified, make_cast, make_regions, make_user
from tests.coordination.world import coordination_world
from tests.investigation.world import investigation_world

A = Action


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", or the route itself when the pattern has no name
    route: str  # the path pattern, e.g. "kasus/<int:case_id>/"
    callback: Any

    @property
    def is_api(self) -> bool:
        return self.route.startswith("api/")

    @property
    def params(self) -> list[str]:
        return re.findall(r"<(?:\w+:)?(\w+)>", self.route)


def url_patterns() -> list[Route]:
    """Every URL pattern of the project, walked recursively from the root resolver."""

    def walk(resolver: URLResolver, prefix: str, namespace: str | None) -> Iterator[Route]:
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                ns = namespace
                if p.namespace:
                    ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
                yield from walk(p, prefix + str(p.pattern), ns)
            else:
                assert isinstance(p, URLPattern)
                route = prefix + str(p.pattern)
                name = p.name or route
                if p.name and namespace:
                    name = f"{namespace}:{p.name}"
                yield Route(name=name, route=route, callback=p.callback)

    return list(walk(get_resolver(), "", None))


@dataclass
class World:
    users: dict[str, User]
    ids: dict[str, Any]  # URL keyword -> the record's value (case_id of the police case)
    uptd_ids: dict[str, Any]  # the same keywords for the UPTD PPA case (protection)
    pages: dict[str, Client] = field(default_factory=dict)
    apis: dict[str, APIClient] = field(default_factory=dict)

    def user(self, name: str) -> User:
        return self.users[name]

    def kwargs(self, route: Route, on: str) -> dict[str, Any]:
        source = self.uptd_ids if on == "uptd" else self.ids
        values = {**self.ids, **source}
        missing = [p for p in route.params if p not in values]
        assert not missing, f"{route.name}: no record for {missing}"
        return {p: values[p] for p in route.params}

    def sign_in_everyone(self) -> None:
        """A signed-in page client and an API client per user (the sessions are rows of the
        module's transaction, so they outlive each test's savepoint)."""
        for name, user in self.users.items():
            client = Client()
            if needs_second_factor(user):
                login_verified(client, user)
            else:
                client.force_login(user)
            self.pages[name] = client
            api = APIClient()
            api.force_authenticate(user, token="matrix-token")
            self.apis[name] = api

    def page(self, name: str | None) -> Client:
        return Client() if name is None else self.pages[name]

    def api(self, name: str | None) -> APIClient:
        return APIClient() if name is None else self.apis[name]


def norole_of(world: World, user: User) -> str:
    """The user of ``user``'s agency who holds no role (the cast's UPTD PPA one by default)."""
    for name, candidate in world.users.items():
        if name.endswith("_norole") and candidate.agency_id == user.agency_id:
            return name
    return "kupang_uptd_norole"


def changes() -> tuple[int, int]:
    """What a refused request must not add to: the audit trail and the access log."""
    return AuditEvent.objects.count(), AccessLog.objects.count()


def build_world() -> World:
    regions = make_regions()
    cast = make_cast(regions)
    users: dict[str, User] = {
        name: getattr(cast, name)
        for name in (
            "kupang_police_investigator",
            "kupang_uptd_caseworker",
            "kupang_uptd_intake",
            "kupang_uptd_norole",
            "kupang_analyst",
            "kupang_auditor",
            "kupang_uptd_admin",
            "pontianak_caseworker",
            "batam_social_worker",
            "system_admin",
        )
    }
    pontianak_police = account_services.agency_create(
        actor=None, name="Polresta Pontianak Kota", agency_type="police", region=regions["61.71"]
    )
    alak_police = account_services.agency_create(
        actor=None, name="Polsek Alak", agency_type="police", region=regions["53.71.01"]
    )
    extra: list[tuple[str, Agency, list[Role]]] = [
        ("kupang_police_norole", cast.kupang_police, []),
        ("kupang_inspectorate_norole", cast.kupang_inspectorate, []),
        ("kupang_posko_officer", cast.kupang_police, [Role.POSKO_OFFICER]),
        ("kupang_manpower_officer", cast.kupang_police, [Role.MANPOWER_OFFICER]),
        ("kupang_secretariat", cast.kupang_uptd, [Role.SECRETARIAT]),
        ("kupang_leader", cast.kupang_uptd, [Role.LEADER]),
        ("pontianak_secretariat", cast.pontianak_uptd, [Role.SECRETARIAT]),
        ("batam_posko_officer", cast.batam_dinsos, [Role.POSKO_OFFICER]),
        ("pontianak_investigator", pontianak_police, [Role.INVESTIGATOR]),
        ("pontianak_intake", cast.pontianak_uptd, [Role.INTAKE_OFFICER]),
        ("pontianak_analyst", cast.pontianak_uptd, [Role.ANALYST]),
        ("pontianak_admin", cast.pontianak_uptd, [Role.AGENCY_ADMIN]),
        ("pontianak_norole", cast.pontianak_uptd, []),
        ("alak_investigator", alak_police, [Role.INVESTIGATOR]),
    ]
    for name, agency, roles in extra:
        users[name] = make_user(name, agency, roles)

    investigator = cast.kupang_police_investigator
    caseworker = cast.kupang_uptd_caseworker
    today = timezone.localdate()

    # A person of UPTD PPA Kota Kupang.
    child = person_create(
        actor=caseworker,
        owner_agency=cast.kupang_uptd,
        full_name="Ester Contoh Nenobais",
        sex="female",
        birth_date=date(2010, 4, 12),
        nik="5371015204100001",
        phones=["0812-3456-7890"],
        region=regions["53.71.01"],
    )

    # The police case: a victim, a suspect with a proceeding and a detention, a document, a grant.
    police_case = case_services.case_open(
        actor=investigator,
        title="Perekrutan dua perempuan muda dari Alak ke Batam",
        region=regions["53.71"],
        offence_date=date(2023, 3, 1),
        acts=["recruitment", "transportation"],
        means=["fraud"],
        exploitation_types=["forced_labour"],
    )

    def party(case: Any, actor: User, agency: Agency, name: str, role: str) -> Any:
        person = person_create(
            actor=actor,
            owner_agency=agency,
            full_name=name,
            sex="female" if role == "victim" else "male",
            birth_date=date(2000, 5, 1),
            region=regions["53.71.01"],
        )
        return case_services.case_add_party(actor=actor, case=case, person=person, role=role)

    police_victim = party(police_case, investigator, cast.kupang_police, "Dina Contoh", "victim")
    suspect = party(police_case, investigator, cast.kupang_police, "Agus Contoh Sinlae", "suspect")
    proceeding = justice_services.proceeding_open(
        actor=investigator,
        suspect=suspect,
        police_report_date=today - timedelta(days=5),
        police_report_number="LP/B/41/II/SPKT/Polresta Kupang Kota",
    )
    detention = justice_services.detention_record(
        actor=investigator, proceeding=proceeding, level="investigator", start=today
    )
    document = case_services.document_add(
        actor=investigator, case=police_case, filename="bukti.pdf", content=b"%PDF-1.4 bukti"
    )
    grant = case_services.case_share(
        actor=investigator,
        case=police_case,
        agency=cast.kupang_inspectorate,
        scope="facts",
        include_identity=False,
        reason="Pengawasan",
    )
    # Polsek Alak reads the whole police case (a grant): its investigator sees it, changes nothing.
    case_services.case_share(
        actor=investigator,
        case=police_case,
        agency=alak_police,
        scope="full",
        include_identity=False,
        reason="Penyelidikan bersama",
    )

    # The UPTD PPA case: a victim with consent, a service, a return plan, a restitution claim, and
    # a referral that UPTD PPA Kota Pontianak accepted (which notified Pontianak of a deadline).
    uptd_case = case_services.case_open(
        actor=cast.kupang_uptd_intake,
        title="Dua perempuan dari Alak dipekerjakan paksa di Batam",
        region=regions["53.71"],
        offence_date=date(2024, 3, 1),
        acts=["recruitment"],
        means=["fraud"],
        exploitation_types=["forced_labour"],
    )
    adult = party(uptd_case, caseworker, cast.kupang_uptd, "Maria Contoh Manafe", "victim")
    consent = protection_services.consent_record(
        actor=caseworker,
        party=adult,
        agencies=[cast.pontianak_uptd],
        purpose="Pendampingan",
        share_people=True,
    )
    service = protection_services.service_plan(
        actor=caseworker, party=adult, service_type="shelter", provider_agency=cast.kupang_uptd
    )
    plan = protection_services.return_plan(
        actor=caseworker,
        party=adult,
        victim_wishes_return=True,
        family_assessed=True,
        family_assessment="Orang tua siap menerima.",
        safe_to_return=True,
        home_region=regions["53.71"],
        handover_to="Ibu kandung",
    )
    restitution = protection_services.restitution_claim(
        actor=caseworker, party=adult, amount_claimed=20_000_000, basis="Gaji"
    )
    referral = protection_services.referral_send(
        actor=caseworker,
        party=adult,
        to_agency=cast.pontianak_uptd,
        service_type="shelter",
        reason="Rumah aman",
        share_people=True,
    )
    referral = protection_services.referral_accept(
        actor=cast.pontianak_caseworker, referral=referral
    )
    notification = Notification.objects.create(
        agency=cast.pontianak_uptd,
        case=uptd_case,
        party=adult,
        timer_kind="police_report",
        source_id=referral.pk,
        state="due",
        due_at=timezone.now() + timedelta(hours=12),
    )

    complaint = intake_services.complaint_register(
        actor=cast.kupang_uptd_intake,
        channel="hotline_129",
        facts=FactsInput(
            narrative="Ibu Yuliana menelepon: kakaknya bekerja di Malaysia, paspor ditahan.",
            region=regions["53.71.01"],
            migrant_worker=True,
        ),
        reporter=ReporterInput(name="Yuliana Contoh", phone="0813-3333-4444", relation="family"),
    )
    offer, _result = prevention_services.offer_screen(
        actor=cast.kupang_uptd_intake,
        text="Kerja di Kamboja jadi admin, gaji 20jt, tanpa pengalaman, japri",
    )
    departure, _outcome = prevention_services.departure_screen(
        actor=users["kupang_posko_officer"],
        interview={"age": 24, "destination_country": "KH", "stated_purpose": "tourism"},
        post="El Tari",
        traveller_name="Maria Contoh",
    )
    # outreach, a course with a participant, and a P3MI of the register (issue #15)
    course = prevention_services.course_record(
        actor=users["kupang_posko_officer"],
        kind="vocational",
        title="Pelatihan las Kupang",
        region=regions["53.71"],
        starts_on=date(2023, 8, 1),
        ends_on=date(2023, 8, 30),
        sessions=10,
    )
    (participant,) = prevention_services.participants_add(
        actor=users["kupang_posko_officer"],
        course=course,
        people=[{"name": "Agus Contoh", "sex": "male", "age": 19}],
    )
    p3mi = prevention_services.placement_agency_save(
        actor=users["kupang_manpower_officer"],
        record=prevention_services.AgencyRecord(licence_number="KEP.1/2020", name="PT Contoh"),
    )
    report = prevention_services.report_record(
        actor=users["kupang_posko_officer"],
        kind="early_warning",
        region=regions["53.71.01"],
        reporter_role="rt_rw_head",
        narrative="Tiga anak muda dijemput mobil malam ini",
    )
    delay = prevention_services.delay_request(
        actor=users["kupang_posko_officer"],
        departure=departure,
        kind="passport",
        immigration_office="Kantor Imigrasi Kupang",
        sent_on=date(2024, 1, 10),
    )
    takedown = prevention_services.takedown_record(
        actor=cast.kupang_uptd_intake,
        platform="facebook",
        post_url="https://facebook.com/groups/loker-kamboja",
        requested_on=date(2024, 1, 12),
    )
    operation = prevention_services.operation_create(
        actor=users["kupang_posko_officer"],
        title="Pemulangan dari Kamboja",
        arrived_on=date(2024, 5, 2),
    )
    prevention_services.manifest_import(
        actor=users["kupang_posko_officer"],
        operation=operation,
        rows=[ManifestRow(line=2, name="Dina Contoh", home_region="53.71.01")],
    )
    worker = prevention_services.worker_register(
        actor=users["kupang_manpower_officer"],
        full_name="Dina Contoh",
        birth_date=date(2000, 2, 2),
        destination_country="MY",
        sector="plantation",
        placement_agency=p3mi,
    )
    run = insight_services.linkage_run_start(actor=cast.kupang_analyst)
    candidate = MatchCandidate.objects.create(
        run=run,
        left=min(child, police_victim.person, key=lambda p: p.pk),
        right=max(child, police_victim.person, key=lambda p: p.pk),
        probability=0.97,
        reasons=["phone"],
    )
    provider = protection_services.provider_save(
        actor=cast.kupang_uptd_admin,
        name="Rumah Aman Contoh Kupang",
        kind="shelter",
        agency=cast.kupang_uptd,
    )
    policy = reference_services.destination_policy_save(
        actor=cast.system_admin,
        policy=None,
        country=Country.objects.get(code="MY"),
        sector="domestic_work",
        status="open",
        legal_basis="MoU RI–Malaysia 2022",
        valid_from=date(2022, 4, 1),
    )
    from lentera.apps.intake.services.routing_rules import routing_rule_save

    routing_rule = routing_rule_save(
        actor=cast.system_admin,
        region=regions["53.71"],
        category="any",
        age_band="child",
        agency=cast.kupang_uptd,
        note="Anak di Kota Kupang: UPTD PPA",
    )
    token, _secret = account_services.api_token_create(actor=caseworker, name="sms")
    coordination = coordination_world(
        regions=regions,
        secretariat=users["kupang_secretariat"],
        agencies=[cast.kupang_police, cast.kupang_uptd],
    )

    investigation = investigation_world(
        investigator=investigator, case=police_case, proceeding=proceeding
    )
    # one URL argument, one record: a name two worlds share would test the wrong record
    shared = set(investigation) & set(coordination)
    assert not shared, f"the worlds name the same URL argument: {sorted(shared)}"
    ids = {
        **investigation,
        "person_id": child.pk,
        "case_id": police_case.pk,
        "party_id": police_victim.pk,
        "document_id": document.pk,
        "grant_id": grant.pk,
        "proceeding_id": proceeding.pk,
        "detention_id": detention.pk,
        "complaint_id": complaint.pk,
        "code": complaint.tracking_code,
        "offer_id": offer.pk,
        "departure_id": departure.pk,
        "course_id": course.pk,
        "participant_id": participant.pk,
        "p3mi_id": p3mi.pk,
        "report_id": report.pk,
        "delay_id": delay.pk,
        "takedown_id": takedown.pk,
        "operation_id": operation.pk,
        "returnee_id": operation.returnees.get().pk,
        "worker_id": worker.pk,
        "run_id": run.pk,
        "candidate_id": candidate.pk,
        "provider_id": provider.pk,
        "policy_id": policy.pk,
        "rule_id": routing_rule.pk,
        "user_id": caseworker.pk,
        "token_id": token.pk,
        "notification_id": notification.pk,
        "consent_id": consent.pk,
        "service_id": service.pk,
        "plan_id": plan.pk,
        "restitution_id": restitution.pk,
        "referral_id": referral.pk,
        **coordination,
        "step": "accept",  # a referral step and (see the rows) a return step
    }
    uptd_ids = {"case_id": uptd_case.pk, "party_id": adult.pk}
    return World(users=users, ids=ids, uptd_ids=uptd_ids)


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    """The world, built once for the module inside a transaction that is rolled back at its end.
    Each test runs in a savepoint of its own (:func:`in_savepoint`; pytest-django leaves the
    class-level set-up of ``TestCase`` out, so its tests nest in a wider transaction)."""
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=fast),
        transaction.atomic(),
    ):
        built = build_world()
        built.sign_in_everyone()
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def in_savepoint(world: World, db: Any) -> Iterator[World]:
    """The world for one test (``db``: pytest-django runs the test in a savepoint of the
    module's transaction and rolls it back)."""
    cache.clear()  # the public pages count requests per address there
    yield world
    cache.clear()


def url_for(route: Route, kwargs: dict[str, Any]) -> str:
    return reverse(route.name, kwargs=kwargs or None)


# ------------------------------------------------------------------------------ the rows

PUBLIC = "public"  # the declaration of pages and endpoints open to anyone
SIGNED_IN = "signed_in"  # any signed-in user, whatever their roles (pages only)
#: Names and titles of the world's records: never in the body of a refusal.
SECRETS = ("Ester", "Maria Contoh", "Dina Contoh", "Agus Contoh", "Yuliana", "Perekrutan")


@dataclass(frozen=True)
class Row:
    """One URL pattern: what its view declares and the codes each kind of visitor gets.

    ``methods`` are the HTTP methods the route answers; every refusal is checked with each
    (a refused POST must leave the audit trail and the access log as they were). The owner holds
    the permission and the record is their agency's: their GET answers ``code`` (405 for a
    route that takes POST only). ``other`` is a user of another agency holding the permission:
    a record outside their scope is not found (``other_code``). ``without`` is a user of the
    owner's agency lacking the permission (default: that agency's user without roles): 403.
    ``grantee`` holds the permission and reads the record through a grant, so may not change
    it: refused, not hidden (``grantee_code``).
    """

    permission: Any
    methods: tuple[str, ...] = ("GET",)
    owner: str | None = None
    code: int | None = None
    other: str | None = None
    other_code: int = 404
    without: str | None = None
    grantee: str | None = None
    grantee_code: int = 403
    on: str = "police"  # which case ``case_id``/``party_id`` name: "police" or "uptd"
    anon: int | dict[str, int] | None = None  # public rows: the code per method
    kwargs: dict[str, Any] = field(default_factory=dict)
    query: str = ""  # appended to the URL, e.g. "?from=2024-01-01"


def actions_for(permission: Any, method: str) -> tuple[Action, ...]:
    """The actions of a declaration that open ``method`` (any one of them suffices)."""
    if isinstance(permission, dict):
        method = "GET" if method == "HEAD" else method
        found = permission.get(method, permission.get("*"))
        return () if found is None else (Action(found),)
    if isinstance(permission, tuple):
        return tuple(Action(a) for a in permission)
    if isinstance(permission, Action):
        return (permission,)
    return ()


def actions_of(permission: Any) -> tuple[Action, ...]:
    """Every action a declaration names."""
    if isinstance(permission, dict):
        return tuple(Action(a) for a in permission.values())
    return actions_for(permission, "GET")


def send(client: Any, method: str, url: str, *, api: bool) -> Any:
    if method == "GET":
        return client.get(url)
    if api:
        return client.post(url, {}, format="json")
    return client.post(url, {})


def check_route(world: World, route: Route, row: Row) -> None:
    """Every visitor of ``route`` gets the code its row pins; refusals return and change
    nothing."""
    api = route.is_api
    client = world.api if api else world.page
    url = url_for(route, {**world.kwargs(route, row.on), **row.kwargs}) + row.query
    failures: list[str] = []

    def expect(who: str | None, method: str, code: int, *, refusal: bool) -> None:
        before = changes()
        response = send(client(who), method, url, api=api)
        label = f"{who or 'anonymous'} {method} {url}"
        if response.status_code != code:
            failures.append(f"{label}: {response.status_code}, expected {code}")
        if not refusal:
            return
        if changes() != before:
            failures.append(f"{label}: a refused request wrote to the audit trail or access log")
        if code in (401, 403, 404) and not getattr(response, "streaming", False):
            body = response.content.decode(errors="replace")
            leaked = [s for s in SECRETS if s in body]
            if leaked:
                failures.append(f"{label}: the refusal shows {leaked}")
        if code == 302 and not api:
            login = reverse("accounts:login")
            if not response["Location"].startswith(login):
                failures.append(f"{label}: redirected to {response['Location']}, not {login}")

    if row.permission == PUBLIC:
        codes = row.anon if isinstance(row.anon, dict) else dict.fromkeys(row.methods, row.anon)
        for method in row.methods:
            expect(None, method, codes[method], refusal=False)
        assert not failures, "\n".join(failures)
        return

    for method in row.methods:
        expect(None, method, 401 if api else 302, refusal=True)

    assert row.owner is not None, f"{route.name}: the row names no owner"
    owner = world.user(row.owner)
    if row.permission != SIGNED_IN:
        without = row.without or norole_of(world, owner)
        lacking = world.user(without)
        assert lacking.agency_id == owner.agency_id or owner.agency_id is None, (
            f"{route.name}: {without} is not of {row.owner}'s agency"
        )
        for method in row.methods:
            assert not any(lacking.has_action(a) for a in actions_for(row.permission, method))
            expect(without, method, 403, refusal=True)
        assert any(owner.has_action(a) for a in actions_for(row.permission, "GET")) or (
            "GET" not in row.methods
        ), f"{route.name}: {row.owner} lacks {row.permission}"

    if row.other is not None:
        other = world.user(row.other)
        assert other.agency_id != owner.agency_id, (
            f"{route.name}: {row.other} is of the same agency"
        )
        for method in row.methods:
            actions = actions_for(row.permission, method)
            assert any(other.has_action(a) for a in actions), f"{row.other} lacks {actions}"
            expect(row.other, method, row.other_code, refusal=True)

    if row.grantee is not None:
        for method in row.methods:
            expect(row.grantee, method, row.grantee_code, refusal=True)

    code = row.code if row.code is not None else (200 if "GET" in row.methods else 405)
    expect(row.owner, "GET", code, refusal=False)
    assert not failures, "\n".join(failures)
