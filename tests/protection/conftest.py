from datetime import date

import pytest

from lentera.apps.cases import services as case_services
from lentera.apps.people.services import person_create


@pytest.fixture
def uptd_case(cast, regions):
    """A case led by UPTD PPA Kota Kupang (opened by its intake officer), fictional names."""
    return case_services.case_open(
        actor=cast.kupang_uptd_intake,
        title="Dua perempuan dari Alak dipekerjakan paksa di Batam",
        region=regions["53.71"],
        offence_date=date(2024, 3, 1),
        narrative="Korban dijanjikan pekerjaan di restoran.",
        acts=["recruitment", "transportation"],
        means=["fraud"],
        exploitation_types=["forced_labour"],
    )


def _victim(cast, regions, case, name, birth):
    person = person_create(
        actor=cast.kupang_uptd_intake,
        owner_agency=cast.kupang_uptd,
        full_name=name,
        sex="female",
        birth_date=birth,
        region=regions["53.71.01"],
    )
    return case_services.case_add_party(
        actor=cast.kupang_uptd_caseworker, case=case, person=person, role="victim"
    )


@pytest.fixture
def adult(cast, regions, uptd_case):
    return _victim(cast, regions, uptd_case, "Dina Contoh Manafe", date(2000, 5, 1))


@pytest.fixture
def child(cast, regions, uptd_case):
    return _victim(cast, regions, uptd_case, "Ester Contoh Lenggu", date(2009, 2, 1))


# The browser journey of this module reuses the project's chromium launch settings.
from tests.browser.conftest import base_url, browser_type_launch_args  # noqa: E402, F401


def accepted_referral(cast, party, *, days_ago: int):
    """``party`` referred with consent to UPTD PPA Pontianak (a service centre), which accepted
    ``days_ago`` days back (the fake clock: later steps can be dated after it)."""
    from datetime import timedelta

    from django.utils import timezone

    from lentera.apps.protection import services
    from lentera.apps.protection.models import Referral

    services.consent_record(
        actor=cast.kupang_uptd_caseworker,
        party=party,
        agencies=[cast.pontianak_uptd],
        purpose="Pendampingan",
        share_people=True,
    )
    r = services.referral_send(
        actor=cast.kupang_uptd_caseworker,
        party=party,
        to_agency=cast.pontianak_uptd,
        service_type="shelter",
        reason="Rumah aman",
        share_people=True,
    )
    r = services.referral_accept(actor=cast.pontianak_caseworker, referral=r)
    Referral.objects.filter(pk=r.pk).update(responded_at=timezone.now() - timedelta(days=days_ago))
    r.refresh_from_db()
    return r
