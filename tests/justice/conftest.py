"""Justice fixtures: the named cast plus a prosecution office, its prosecutor, the task-force
secretariat, and the Kupang–Batam case with its four arrested suspects (fictional names)."""

from dataclasses import dataclass
from datetime import date

import pytest

from lentera.apps.accounts import services as account_services
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Role
from lentera.apps.cases import services as case_services
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.people.services import person_create
from tests.conftest import make_user

FOUR_SUSPECTS = [
    ("Agustinus Contoh Sinlae", "recruiter", False),
    ("Katarina Contoh Tefa", "harbourer", False),
    ("Simon Contoh Batam", "transporter", False),
    ("Fransiska Contoh Tobi", "document_forger", True),
]


@dataclass
class Justice:
    kupang_prosecution: Agency
    pontianak_police: Agency
    kupang_prosecutor: User
    kupang_secretariat: User
    kupang_police_norole: User
    pontianak_investigator: User
    pontianak_secretariat: User


@pytest.fixture
def justice(cast, regions) -> Justice:
    def agency(name, kind, code):
        return account_services.agency_create(
            actor=None, name=name, agency_type=kind, region=regions[code]
        )

    kj = agency("Kejaksaan Negeri Kota Kupang", "prosecutor", "53.71")
    pp = agency("Polresta Pontianak Kota", "police", "61.71")
    return Justice(
        kupang_prosecution=kj,
        pontianak_police=pp,
        kupang_prosecutor=make_user("kupang_prosecutor", kj, [Role.PROSECUTOR]),
        kupang_secretariat=make_user("kupang_secretariat", cast.kupang_uptd, [Role.SECRETARIAT]),
        kupang_police_norole=make_user("kupang_police_norole", cast.kupang_police, []),
        pontianak_investigator=make_user("pontianak_investigator", pp, [Role.INVESTIGATOR]),
        pontianak_secretariat=make_user(
            "pontianak_secretariat", cast.pontianak_uptd, [Role.SECRETARIAT]
        ),
    )


def add_suspect(actor, case: Case, name: str, network_role: str, official: bool = False):
    person = person_create(
        actor=actor, owner_agency=actor.agency, full_name=name, sex="unknown", region=case.region
    )
    return case_services.case_add_party(
        actor=actor,
        case=case,
        person=person,
        role="suspect",
        network_role=network_role,
        is_official=official,
    )


def add_victims(actor, case: Case, n: int) -> None:
    for i in range(n):
        person = person_create(
            actor=actor,
            owner_agency=actor.agency,
            full_name=f"Korban Contoh {case.pk} {i}",
            sex="female",
            region=case.region,
        )
        case_services.case_add_party(actor=actor, case=case, person=person, role="victim")


@pytest.fixture
def kupang_batam_case(cast, regions):
    case = case_services.case_open(
        actor=cast.kupang_police_investigator,
        title="Perekrutan dua perempuan muda dari Alak ke Batam",
        region=regions["53.71"],
        offence_date=date(2023, 3, 1),
        acts=["recruitment", "transportation", "harbouring", "sending"],
        means=["fraud"],
        exploitation_types=["forced_labour"],
    )
    add_victims(cast.kupang_police_investigator, case, 2)
    return case


@pytest.fixture
def four_suspects(cast, kupang_batam_case) -> list[CaseParty]:
    return [
        add_suspect(cast.kupang_police_investigator, kupang_batam_case, name, role, official)
        for name, role, official in FOUR_SUSPECTS
    ]


# The browser journey of this package reuses the project's chromium launch settings.
from tests.browser.conftest import base_url, browser_type_launch_args  # noqa: E402, F401
