"""Races on the registers of issue #15 (PostgreSQL: two real transactions): two officers opening
a case from one early warning, two answers to one Immigration request, two edits of one P3MI
from the same version: one wins, the other gets Conflict (or is refused), one audit event."""

from datetime import date

import pytest

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.permissions import Role
from lentera.apps.cases.models import Case
from lentera.apps.prevention import services
from lentera.apps.prevention.models import CommunityReport, DelayRequest, PlacementAgency
from tests.concurrency import events, one_winner, race, read_then
from tests.factories import UserFactory


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_cases_from_one_early_warning_one_wins(posko, regions):
    intake = UserFactory(
        username="kupang_disnaker_intake", agency=posko.kupang_disnaker, roles=[Role.INTAKE_OFFICER]
    )
    report = services.report_record(
        actor=intake,
        kind="early_warning",
        region=regions["53.71.01"],
        narrative="Tiga gadis dijemput malam ini",
    )

    def load():
        return CommunityReport.objects.get(pk=report.pk)

    def open_case(r):
        return services.report_open_case(actor=intake, report=r)

    one_winner(race(read_then(load, open_case), read_then(load, open_case)))
    assert Case.objects.count() == 1
    assert CommunityReport.objects.get(pk=report.pk).case is not None
    assert len(events("community_report_triaged")) == 1


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_answers_to_one_delay_request_one_wins(posko):
    officer = posko.kupang_posko_officer
    departure, _ = services.departure_screen(
        actor=officer, interview={"age": 16, "stated_purpose": "work"}, post="El Tari"
    )
    request = services.delay_request(
        actor=officer,
        departure=departure,
        kind="passport",
        immigration_office="Kantor Imigrasi Kupang",
        sent_on=date(2024, 2, 1),
    )

    def load():
        return DelayRequest.objects.get(pk=request.pk)

    def answer(outcome):
        return lambda r: services.delay_answer(
            actor=officer, request=r, outcome=outcome, answered_on=date(2024, 2, 2)
        )

    winner, _ = one_winner(
        race(read_then(load, answer("delayed")), read_then(load, answer("let_through")))
    )
    assert DelayRequest.objects.get(pk=request.pk).outcome == winner.outcome
    assert len(events("delay_answered")) == 1


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_edits_of_one_p3mi_from_one_version_one_wins(posko):
    manpower = UserFactory(
        username="kupang_manpower", agency=posko.kupang_disnaker, roles=[Role.MANPOWER_OFFICER]
    )
    agency = services.placement_agency_save(
        actor=manpower, record=services.AgencyRecord(licence_number="KEP.5", name="PT Lima")
    )

    def load():
        return PlacementAgency.objects.get(pk=agency.pk)

    def edit(status):
        return lambda a: services.placement_agency_save(
            actor=manpower,
            record=services.AgencyRecord(licence_number="KEP.5", name="PT Lima", status=status),
            agency=a,
            version=1,
        )

    winner, _ = one_winner(race(read_then(load, edit("revoked")), read_then(load, edit("active"))))
    fresh = PlacementAgency.objects.get(pk=agency.pk)
    assert fresh.status == winner.status and fresh.version == 2
    assert len(events("placement_agency_saved")) == 2  # the creation and the one edit
    with pytest.raises(Conflict):
        edit("suspended")(fresh)
