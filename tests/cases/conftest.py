from datetime import date

import pytest

from lentera.apps.cases import services
from lentera.apps.people.services import person_create


@pytest.fixture
def kupang_case(cast, regions):
    """The Kupang–Batam recruitment case (fictional names), led by Polresta Kupang Kota."""
    case = services.case_open(
        actor=cast.kupang_police_investigator,
        title="Perekrutan dua perempuan muda dari Alak ke Batam",
        region=regions["53.71"],
        offence_date=date(2021, 3, 1),
        narrative="DYM dan ESL dibujuk oleh YB dan AB, diserahkan kepada AS.",
        acts=["recruitment", "transportation", "harbouring", "sending"],
        means=["fraud", "abuse_of_vulnerability"],
        exploitation_types=["forced_labour"],
        recruitment_channel="informal_agent",
    )
    return case


@pytest.fixture
def child_victim(cast, regions, kupang_case):
    person = person_create(
        actor=cast.kupang_police_investigator,
        owner_agency=cast.kupang_police,
        full_name="Esther Contoh Lenggu",
        sex="female",
        birth_date=date(2005, 2, 1),
        region=regions["53.71.01"],
    )
    return services.case_add_party(
        actor=cast.kupang_police_investigator, case=kupang_case, person=person, role="victim"
    )
