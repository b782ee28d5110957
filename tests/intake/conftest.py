"""Intake fixtures: more agencies for routing, ready-made complaints, a clean cache (the public
pages' rate limit lives there), and the browser fixtures of ``tests/browser``."""

from __future__ import annotations

import pytest

from lentera.apps.accounts import services as account_services
from lentera.apps.accounts.permissions import Role
from lentera.apps.intake import services
from lentera.apps.intake.services import FactsInput, ReporterInput
from tests.browser.conftest import base_url, browser_type_launch_args  # noqa: F401
from tests.conftest import make_user


@pytest.fixture(autouse=True)
def _empty_cache(fresh_cache):
    """The public pages count requests in the cache: every test starts at zero."""


@pytest.fixture
def ntt_agencies(cast, regions):
    """Province-level agencies of Nusa Tenggara Timur (found by walking up from Kota Kupang)."""

    def agency(name, kind):
        return account_services.agency_create(
            actor=None, name=name, agency_type=kind, region=regions["53"]
        )

    return {
        "manpower": agency("Disnakertrans Provinsi NTT", "manpower"),
        "bp3mi": agency("BP3MI NTT", "migrant_protection"),
    }


@pytest.fixture
def kupang_police_intake(cast):
    return make_user("kupang_police_intake", cast.kupang_police, [Role.INTAKE_OFFICER])


@pytest.fixture
def public_complaint(cast, regions):
    """An anonymous web complaint about a child in Kota Kupang (goes to UPTD PPA Kota Kupang)."""
    return services.complaint_submit_public(
        facts=FactsInput(
            narrative="Anak tetangga kami, 15 tahun, dijanjikan kerja di Batam oleh seorang calo.",
            place="Kelurahan Alak",
            region=regions["53.71"],
            involves_child="yes",
        ),
        reporter=ReporterInput(anonymous=True),
    )


@pytest.fixture
def hotline_complaint(cast, regions):
    """A SAPA 129 call registered by UPTD PPA Kota Kupang, with the reporter's identity."""
    return services.complaint_register(
        actor=cast.kupang_uptd_intake,
        channel="hotline_129",
        facts=FactsInput(
            narrative="Ibu Yuliana menelepon: kakaknya bekerja di Malaysia, paspor ditahan majikan.",
            region=regions["53.71.01"],
            migrant_worker=True,
        ),
        reporter=ReporterInput(
            name="Yuliana Contoh", phone="0813-3333-4444", relation="family", confidential=True
        ),
        acknowledged_verbally=True,
    )
