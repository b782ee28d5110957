"""The Kupang task force with its secretariat, its chair, Disnaker as a member agency, and
Pontianak's secretariat outside its reach."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from lentera.apps.accounts import services as account_services
from lentera.apps.accounts.models import Agency, TaskForce, User
from lentera.apps.accounts.permissions import Role
from lentera.apps.coordination import services
from lentera.apps.coordination.models import ActionItem, Decision, Meeting
from tests.conftest import make_user


@dataclass
class Coord:
    task_force: TaskForce
    disnaker: Agency
    secretariat: User
    chair: User
    disnaker_officer: User
    pontianak_secretariat: User


@pytest.fixture
def coord(cast, regions) -> Coord:
    tf = account_services.task_force_create(
        actor=None,
        name="Gugus Tugas PP-TPPO Kota Kupang",
        level="regency",
        region=regions["53.71"],
        legal_basis="Perda Kota Kupang 3/2019",
    )
    disnaker = account_services.agency_create(
        actor=None,
        name="Disnakertrans Kota Kupang",
        agency_type="manpower",
        region=regions["53.71"],
    )
    for agency in (cast.kupang_police, cast.kupang_uptd, disnaker):
        account_services.task_force_add_member(actor=None, task_force=tf, agency=agency)
    return Coord(
        task_force=tf,
        disnaker=disnaker,
        secretariat=make_user("kupang_secretariat", cast.kupang_uptd, [Role.SECRETARIAT]),
        chair=make_user("kupang_chair", cast.kupang_uptd, [Role.LEADER]),
        disnaker_officer=make_user("disnaker_officer", disnaker, [Role.MANPOWER_OFFICER]),
        pontianak_secretariat=make_user(
            "pontianak_secretariat", cast.pontianak_uptd, [Role.SECRETARIAT]
        ),
    )


def schedule(coord: Coord, cast, *, days_ago: int = 1, title: str = "Rapat koordinasi") -> Meeting:
    return services.meeting_schedule(
        actor=coord.secretariat,
        task_force=coord.task_force,
        title=title,
        starts_at=timezone.now() - timedelta(days=days_ago),
        place="Aula DP3A Kota Kupang",
        agencies=[cast.kupang_police, cast.kupang_uptd, coord.disnaker],
    )


def held(coord: Coord, cast, **kw) -> tuple[Meeting, Decision]:
    meeting = schedule(coord, cast, **kw)
    services.minutes_record(
        actor=coord.secretariat, meeting=meeting, minutes="Rapat dibuka.", version=meeting.version
    )
    decision = services.decision_add(
        actor=coord.secretariat, meeting=meeting, text="Sosialisasi di kelurahan."
    )
    return meeting, decision


def assign(coord: Coord, decision: Decision, agency: Agency, days: int = 30) -> ActionItem:
    return services.item_assign(
        actor=coord.secretariat,
        decision=decision,
        agency=agency,
        task="Sosialisasi bagi tokoh masyarakat",
        due_on=timezone.localdate() + timedelta(days=days),
    )


from tests.browser.conftest import base_url, browser_type_launch_args  # noqa: E402, F401
