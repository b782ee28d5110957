"""Investigation fixtures: the cast plus the police of Batam and Pontianak, a prosecution office,
and the Kupang ring across the three police agencies' cases (fictional names)."""

from dataclasses import dataclass

import pytest

from lentera.apps.accounts import services as account_services
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Role
from lentera.apps.investigation.demo import Ring, build_ring
from tests.conftest import make_user


@dataclass
class Police:
    batam_police: Agency
    pontianak_police: Agency
    prosecution: Agency
    batam_investigator: User
    pontianak_investigator: User
    prosecutor: User
    kupang_secretariat: User
    kupang_police_norole: User


@pytest.fixture
def police(cast, regions) -> Police:
    def agency(name, kind, code):
        return account_services.agency_create(
            actor=None, name=name, agency_type=kind, region=regions[code]
        )

    bp = agency("Polresta Barelang", "police", "21.71")
    pp = agency("Polresta Pontianak Kota", "police", "61.71")
    kj = agency("Kejaksaan Negeri Kota Kupang", "prosecutor", "53.71")
    return Police(
        batam_police=bp,
        pontianak_police=pp,
        prosecution=kj,
        batam_investigator=make_user("batam_investigator", bp, [Role.INVESTIGATOR]),
        pontianak_investigator=make_user("pontianak_investigator", pp, [Role.INVESTIGATOR]),
        prosecutor=make_user("kupang_prosecutor", kj, [Role.PROSECUTOR]),
        kupang_secretariat=make_user("kupang_secretariat", cast.kupang_uptd, [Role.SECRETARIAT]),
        kupang_police_norole=make_user("kupang_police_norole", cast.kupang_police, []),
    )


@pytest.fixture
def ring(cast, regions, police) -> Ring:
    return build_ring(
        kupang=cast.kupang_police_investigator,
        batam=police.batam_investigator,
        third=police.pontianak_investigator,
        prosecution=police.prosecution,
        kupang_region=regions["53.71"],
        batam_region=regions["21.71"],
        third_region=regions["61.71"],
    )


# The browser journey of this package reuses the project's chromium launch settings.
from tests.browser.conftest import base_url, browser_type_launch_args  # noqa: E402, F401
