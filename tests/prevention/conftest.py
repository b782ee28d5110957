"""Fixtures of the prevention tests: posko officers and their agencies, besides the shared cast.

The browser fixtures of ``tests/browser/conftest.py`` are imported so ``test_browser.py`` runs
the same headless chromium against a live server.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from lentera.apps.accounts import services as account_services
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Role
from tests.browser.conftest import base_url, browser_type_launch_args  # noqa: F401
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _empty_cache(fresh_cache):
    """The public pages count requests in the cache: every test starts at zero."""


@dataclass
class Posko:
    kupang_disnaker: Agency
    batam_imigrasi: Agency
    kupang_posko_officer: User  # posko officer of the Kupang manpower office (El Tari, Tenau)
    kupang_police_posko: User  # police officer at the posko: screens and opens cases
    kupang_disnaker_norole: User  # same agency, no role
    batam_posko_officer: User  # another agency, same role
    ntt_secretariat: User  # region-wide reader (the province task force's secretariat)


@pytest.fixture
def posko(cast, regions) -> Posko:
    disnaker = account_services.agency_create(
        actor=None,
        name="Disnakertrans Kota Kupang",
        agency_type="manpower",
        region=regions["53.71"],
        time_zone="Asia/Makassar",
    )
    imigrasi = account_services.agency_create(
        actor=None, name="Kantor Imigrasi Batam", agency_type="immigration", region=regions["21.71"]
    )
    biro = account_services.agency_create(
        actor=None,
        name="Biro Pemerintahan NTT",
        agency_type="local_government",
        region=regions["53"],
    )
    return Posko(
        kupang_disnaker=disnaker,
        batam_imigrasi=imigrasi,
        kupang_posko_officer=UserFactory(
            username="kupang_posko_officer",
            first_name="Yanti",
            agency=disnaker,
            roles=[Role.POSKO_OFFICER],
        ),
        kupang_police_posko=UserFactory(
            username="kupang_police_posko",
            first_name="Frans",
            agency=cast.kupang_police,
            roles=[Role.POSKO_OFFICER, Role.INVESTIGATOR],
        ),
        kupang_disnaker_norole=UserFactory(
            username="kupang_disnaker_norole", agency=disnaker, roles=[]
        ),
        batam_posko_officer=UserFactory(
            username="batam_posko_officer", agency=imigrasi, roles=[Role.POSKO_OFFICER]
        ),
        ntt_secretariat=UserFactory(
            username="ntt_secretariat", agency=biro, roles=[Role.SECRETARIAT]
        ),
    )
