"""Shared fixtures: a small region tree and the named cast of agencies and users.

Every permission test reuses the same people so results read like the field:
``kupang_police_investigator``, ``kupang_uptd_caseworker``, ``batam_social_worker``...
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.test import override_settings

from lentera.apps.accounts import services
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Role
from lentera.apps.people.models import Person
from lentera.apps.people.services import person_create
from lentera.apps.reference.models import Country, Region

PASSWORD = "Uji-Lentera-2026!"  # test-only password (fake deployments only)


def pytest_collection_modifyitems(config, items):
    """``postgres_only`` tests (row locks, truly concurrent transactions) run on PostgreSQL and
    are skipped on SQLite; the suite runs on both (scripts/check-and-test)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True, scope="session")
def _media_root(tmp_path_factory):
    # Evidence files of a run live in a fresh folder, never in var/ (a test that rotates the keys
    # re-encrypts every file under MEDIA_ROOT: it gives itself a MEDIA_ROOT of its own).
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media") / "private-media"):
        yield


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    # Argon2 is the production hasher (tested in tests/accounts/test_security.py); tests that
    # create many users use a fast hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def regions(db):
    return make_regions()


def make_regions() -> dict[str, Region]:
    """The region tree of the cast (a plain function, for fixtures of a wider scope)."""
    tree = [
        ("53", "Nusa Tenggara Timur", "province", None),
        ("53.71", "Kota Kupang", "regency", "53"),
        ("53.71.01", "Alak", "district", "53.71"),
        ("61", "Kalimantan Barat", "province", None),
        ("61.71", "Kota Pontianak", "regency", "61"),
        ("21", "Kepulauan Riau", "province", None),
        ("21.71", "Kota Batam", "regency", "21"),
    ]
    made: dict[str, Region] = {}
    for code, name, level, parent in tree:
        made[code] = Region.objects.create(
            code=code, name=name, level=level, parent=made.get(parent) if parent else None
        )
    Country.objects.get_or_create(
        code="ID", defaults={"alpha3": "IDN", "name_en": "Indonesia", "name_id": "Indonesia"}
    )
    Country.objects.get_or_create(
        code="MY", defaults={"alpha3": "MYS", "name_en": "Malaysia", "name_id": "Malaysia"}
    )
    return made


@dataclass
class Cast:
    kupang_police: Agency
    kupang_uptd: Agency
    kupang_inspectorate: Agency
    pontianak_uptd: Agency
    batam_dinsos: Agency
    national_satgas: Agency
    kupang_police_investigator: User
    kupang_uptd_caseworker: User
    kupang_uptd_intake: User
    kupang_uptd_norole: User
    kupang_analyst: User
    kupang_auditor: User
    kupang_uptd_admin: User
    pontianak_caseworker: User
    batam_social_worker: User
    system_admin: User


def make_user(username: str, agency: Agency | None, roles: list[Role]) -> User:
    return services.user_create(
        actor=None,
        username=username,
        password=PASSWORD,
        agency=agency,
        roles=roles,
        first_name=username.split("_")[0].title(),
    )


@pytest.fixture
def cast(regions) -> Cast:
    return make_cast(regions)


def make_cast(regions: dict[str, Region]) -> Cast:
    """The named agencies and users (a plain function, for fixtures of a wider scope)."""

    def agency(name: str, kind: str, code: str | None) -> Agency:
        return services.agency_create(
            actor=None, name=name, agency_type=kind, region=regions[code] if code else None
        )

    kp = agency("Polresta Kupang Kota", "police", "53.71")
    ku = agency("UPTD PPA Kota Kupang", "women_child_protection", "53.71")
    ki = agency("Inspektorat Kota Kupang", "local_government", "53.71")
    pu = agency("UPTD PPA Kota Pontianak", "women_child_protection", "61.71")
    bd = agency("Dinas Sosial Kota Batam", "social_affairs", "21.71")
    ns = agency("Satgas TPPO", "police", None)
    return Cast(
        kupang_police=kp,
        kupang_uptd=ku,
        kupang_inspectorate=ki,
        pontianak_uptd=pu,
        batam_dinsos=bd,
        national_satgas=ns,
        kupang_police_investigator=make_user("kupang_police_investigator", kp, [Role.INVESTIGATOR]),
        kupang_uptd_caseworker=make_user("kupang_uptd_caseworker", ku, [Role.CASEWORKER]),
        kupang_uptd_intake=make_user("kupang_uptd_intake", ku, [Role.INTAKE_OFFICER]),
        kupang_uptd_norole=make_user("kupang_uptd_norole", ku, []),
        kupang_analyst=make_user("kupang_analyst", kp, [Role.ANALYST]),
        kupang_auditor=make_user("kupang_auditor", ki, [Role.AUDITOR]),
        kupang_uptd_admin=make_user("kupang_uptd_admin", ku, [Role.AGENCY_ADMIN]),
        pontianak_caseworker=make_user("pontianak_caseworker", pu, [Role.CASEWORKER]),
        batam_social_worker=make_user("batam_social_worker", bd, [Role.CASEWORKER]),
        system_admin=make_user("system_admin", None, [Role.SYSTEM_ADMIN]),
    )


@pytest.fixture
def kupang_child(cast, regions) -> Person:
    """A fictional child registered by UPTD PPA Kota Kupang."""
    return person_create(
        actor=cast.kupang_uptd_caseworker,
        owner_agency=cast.kupang_uptd,
        full_name="Ester Contoh Nenobais",
        sex="female",
        birth_date=date(2010, 4, 12),
        nik="5371015204100001",
        phones=["0812-3456-7890"],
        address="Kelurahan Alak, Kota Kupang",
        region=regions["53.71.01"],
    )


def login_verified(client, user) -> None:
    """Sign in as someone who has also passed the TOTP second factor (admin roles need it)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device, _created = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def uses_database(request: pytest.FixtureRequest) -> bool:
    """Whether the running test may touch the database (so the shared cache, which lives there)."""
    return bool(
        request.node.get_closest_marker("django_db")
        or {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    )


@pytest.fixture
def fresh_cache(request: pytest.FixtureRequest):
    """Start and end with an empty cache (the rate limits count requests there)."""
    from django.core.cache import cache

    if uses_database(request):
        cache.clear()
    yield
    if uses_database(request):
        cache.clear()
