"""One case from complaint to verdict across agencies (issue #18, item 1): UPTD PPA leads the
case, shares its proceedings with the police, who open the proceeding on that same case; a
co-handling agency edits; the lead hands the case over; the agency a complaint was routed to
takes it up. Need-to-know is tested from the other side: another agency, a revoked grant, the
secretariat."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from lentera.apps.accounts import services as account_services
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AuditEvent
from lentera.apps.accounts.permissions import Action, Role
from lentera.apps.accounts.policies import NotFound
from lentera.apps.cases import services as case_services
from lentera.apps.cases.models import Case, CaseGrant
from lentera.apps.cases.policies import cases
from lentera.apps.intake import services as intake_services
from lentera.apps.intake.services import FactsInput, ReporterInput
from lentera.apps.justice import services
from lentera.apps.justice.models import Proceeding
from lentera.apps.justice.policies import proceedings
from lentera.apps.people.policies import people
from tests.concurrency import events, one_winner, race, read_then
from tests.conftest import make_user
from tests.justice.conftest import add_suspect

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)


@pytest.fixture
def uptd_case(cast, regions, kupang_child):
    """A case opened by UPTD PPA Kota Kupang with its child victim and one suspect."""
    case = case_services.case_open(
        actor=cast.kupang_uptd_intake,
        title="Anak dijanjikan kerja di Batam",
        region=regions["53.71"],
    )
    case_services.case_add_party(
        actor=cast.kupang_uptd_caseworker, case=case, person=kupang_child, role="victim"
    )
    suspect = add_suspect(cast.kupang_uptd_caseworker, case, "Yohanis Contoh Bessie", "recruiter")
    return case, suspect


def share_proceedings(cast, case, **kw):
    return case_services.case_share(
        actor=cast.kupang_uptd_caseworker,
        case=case,
        agency=cast.kupang_police,
        scope="proceedings",
        include_identity=False,
        reason="Penyidikan oleh Unit PPA Polresta",
        **kw,
    )


def test_police_open_the_proceeding_on_the_uptd_case(cast, justice, uptd_case, kupang_child):
    case, suspect = uptd_case
    investigator = cast.kupang_police_investigator
    assert not cases.can(investigator, Action.MANAGE_PROCEEDINGS, case)
    with pytest.raises(PermissionDenied):
        services.proceeding_open(
            actor=investigator, suspect=suspect, police_report_date=TODAY, today=TODAY
        )
    share_proceedings(cast, case)
    proceeding = services.proceeding_open(
        actor=investigator,
        suspect=suspect,
        police_report_date=TODAY,
        prosecution_agency=justice.kupang_prosecution,
        today=TODAY,
    )
    # the same case, the investigator's police unit, and no second case anywhere
    assert proceeding.case == case and proceeding.police_agency == cast.kupang_police
    assert Case.objects.count() == 1
    # the police read facts, journey, qualifications and proceedings: not the people
    access = cases.access(investigator, case)
    assert access.sections == {"facts", "journey", "qualifications", "proceedings"}
    assert not access.narrative
    assert not people.can(investigator, Action.VIEW_IDENTITY, kupang_child)
    assert not cases.can(investigator, Action.EDIT_CASE, case)
    assert not cases.can(investigator, Action.SHARE_CASE, case)
    # the prosecutor records what follows, up to the verdict
    prosecutor = justice.kupang_prosecutor
    for stage, days in [
        ("investigation_order", 1),
        ("spdp", 2),
        ("file_stage_1", 10),
        ("p21", 15),
        ("stage_2", 20),
        ("indictment", 30),
        ("verdict", 60),
    ]:
        proceeding.refresh_from_db()
        actor = prosecutor if stage in ("p21", "indictment", "verdict") else investigator
        services.stage_record(
            actor=actor,
            proceeding=proceeding,
            stage=stage,
            on=TODAY + timedelta(days=days),
            today=TODAY + timedelta(days=90),
        )
    proceeding.refresh_from_db()
    assert proceeding.current_stage == "verdict"
    # every step is on the one case's timeline
    assert (
        AuditEvent.objects.filter(
            object_id=str(case.pk), event_type=EventType.PROCEEDING_STAGE_RECORDED
        ).count()
        == 7
    )


def test_a_whole_file_grant_reads_the_proceedings_but_opens_none(cast, uptd_case):
    case, suspect = uptd_case
    case_services.case_share(
        actor=cast.kupang_uptd_caseworker,
        case=case,
        agency=cast.kupang_police,
        scope="full",
        include_identity=False,
        reason="Untuk dibaca",
    )
    investigator = cast.kupang_police_investigator
    assert "proceedings" in cases.sections(investigator, case)
    with pytest.raises(PermissionDenied):
        services.proceeding_open(
            actor=investigator, suspect=suspect, police_report_date=TODAY, today=TODAY
        )


def test_a_proceedings_grant_with_identities_is_refused(cast, uptd_case):
    case, _suspect = uptd_case
    with pytest.raises(ValidationError) as exc:
        case_services.case_share(
            actor=cast.kupang_uptd_caseworker,
            case=case,
            agency=cast.kupang_police,
            scope="proceedings",
            include_identity=True,
            reason="x",
        )
    assert "include_identity" in exc.value.message_dict


def test_revoked_grant_other_agency_and_secretariat(cast, justice, regions, uptd_case):
    case, suspect = uptd_case
    grant = share_proceedings(cast, case)
    case_services.case_share_revoke(actor=cast.kupang_uptd_caseworker, grant=grant)
    investigator = cast.kupang_police_investigator
    with pytest.raises(PermissionDenied):
        services.proceeding_open(
            actor=investigator, suspect=suspect, police_report_date=TODAY, today=TODAY
        )
    assert not cases.can(investigator, Action.VIEW_CASE, case)
    # another agency's police never reach it
    with pytest.raises(PermissionDenied):
        services.proceeding_open(
            actor=justice.pontianak_investigator,
            suspect=suspect,
            police_report_date=TODAY,
            today=TODAY,
        )
    # the secretariat reads the proceedings region-wide, records nothing, sees no identity
    share_proceedings(cast, case)
    proceeding = services.proceeding_open(
        actor=investigator, suspect=suspect, police_report_date=TODAY, today=TODAY
    )
    dp3a = account_services.agency_create(
        actor=None,
        name="DP3A Kota Kupang",
        agency_type="women_child_protection",
        region=regions["53.71"],
    )
    secretariat = make_user("dp3a_secretariat", dp3a, [Role.SECRETARIAT])
    assert proceedings.can(secretariat, Action.VIEW_CASE, proceeding)
    assert not proceedings.can(secretariat, Action.MANAGE_PROCEEDINGS, proceeding)
    assert not proceedings.can_read_notes(secretariat, proceeding)
    assert not cases.access(secretariat, case).narrative
    # once opened, the proceeding stays with the police unit that investigates it
    CaseGrant.objects.filter(case=case).update(revoked_at=timezone.now())
    assert proceedings.can(investigator, Action.MANAGE_PROCEEDINGS, proceeding)


def test_co_handling_agency_edits_but_does_not_share(cast, uptd_case):
    case, _suspect = uptd_case
    with pytest.raises(ValidationError):
        case_services.case_share(
            actor=cast.kupang_uptd_caseworker,
            case=case,
            agency=cast.kupang_police,
            scope="facts",
            include_identity=False,
            co_handling=True,
            reason="x",
        )
    case_services.case_share(
        actor=cast.kupang_uptd_caseworker,
        case=case,
        agency=cast.kupang_police,
        scope="full",
        include_identity=False,
        co_handling=True,
        reason="Ditangani bersama",
    )
    investigator = cast.kupang_police_investigator
    assert cases.can(investigator, Action.EDIT_CASE, case)
    assert cases.can(investigator, Action.MANAGE_PROCEEDINGS, case)
    assert not cases.can(investigator, Action.SHARE_CASE, case)
    case_services.note_add(actor=investigator, case=case, text="Saksi diperiksa di Polresta.")
    with pytest.raises(PermissionDenied):
        case_services.case_hand_over(
            actor=investigator, case=case, agency=cast.kupang_police, reason="x"
        )


def test_hand_over_keeps_need_to_know(cast, uptd_case, kupang_child):
    case, _suspect = uptd_case
    share_proceedings(cast, case)
    with pytest.raises(ValidationError):
        case_services.case_hand_over(
            actor=cast.kupang_uptd_caseworker, case=case, agency=cast.kupang_uptd, reason="x"
        )
    case_services.case_hand_over(
        actor=cast.kupang_uptd_caseworker,
        case=case,
        agency=cast.kupang_police,
        reason="Penyidikan dipimpin Polresta",
    )
    case.refresh_from_db()
    assert case.lead_agency == cast.kupang_police
    # the police's proceedings grant is closed (the lead has the whole file); UPTD co-handles
    live = CaseGrant.objects.filter(case=case, revoked_at__isnull=True)
    assert [(g.agency, g.co_handling) for g in live] == [(cast.kupang_uptd, True)]
    event = AuditEvent.objects.get(event_type=EventType.CASE_HANDED_OVER)
    assert event.actor == cast.kupang_uptd_caseworker
    assert event.data["from_agency"] == cast.kupang_uptd.pk
    assert event.data["to_agency"] == cast.kupang_police.pk
    # leading the case gives the police no identity UPTD holds; UPTD keeps its own
    assert not people.can(cast.kupang_police_investigator, Action.VIEW_IDENTITY, kupang_child)
    assert people.can(cast.kupang_uptd_caseworker, Action.VIEW_IDENTITY, kupang_child)
    assert cases.can(cast.kupang_uptd_caseworker, Action.EDIT_CASE, case)
    assert not cases.can(cast.kupang_uptd_caseworker, Action.SHARE_CASE, case)


def test_hand_over_without_keeping_access(cast, uptd_case):
    case, _suspect = uptd_case
    case_services.case_hand_over(
        actor=cast.kupang_uptd_caseworker,
        case=case,
        agency=cast.kupang_police,
        reason="Diserahkan",
        keep_access=False,
    )
    with pytest.raises(NotFound):
        cases.get_for(cast.kupang_uptd_caseworker, Action.VIEW_CASE, case.pk)


# the complaint the police unit was routed to


@pytest.fixture
def routed_complaint(cast, regions):
    """A complaint received by UPTD PPA and routed to the police (someone in danger now)."""
    complaint = intake_services.complaint_register(
        actor=cast.kupang_uptd_intake,
        channel="hotline_129",
        facts=FactsInput(
            narrative="Dua perempuan ditahan di rumah penampungan di Alak malam ini.",
            region=regions["53.71.01"],
            danger_now=True,
        ),
        reporter=ReporterInput(anonymous=True),
    )
    assert complaint.routed_agency == cast.kupang_police
    return complaint


def test_routed_police_open_the_case_from_the_complaint(cast, justice, regions, routed_complaint):
    case = intake_services.complaint_open_case(
        actor=cast.kupang_police_investigator,
        complaint=routed_complaint,
        title="Penampungan di Alak",
        region=regions["53.71"],
    )
    routed_complaint.refresh_from_db()
    assert routed_complaint.case == case and case.lead_agency == cast.kupang_police
    # another agency's investigator may not
    with pytest.raises(PermissionDenied):
        intake_services.complaint_attach(
            actor=justice.pontianak_investigator, complaint=routed_complaint, case=case
        )


def test_routed_police_attach_through_the_api(cast, regions, routed_complaint, uptd_case):
    case, _suspect = uptd_case
    share_proceedings(cast, case)
    api = APIClient()
    api.force_authenticate(cast.kupang_police_investigator, token="t")
    url = f"/api/v1/complaints/{routed_complaint.pk}/case"
    # the police read the case through their proceedings grant and attach the complaint to it
    response = api.post(url, {"case": case.pk}, format="json")
    assert response.status_code == 200, response.content
    assert response.json() == {
        "complaint": routed_complaint.pk,
        "case": case.pk,
        "reference": case.reference,
        "opened": False,
    }
    assert Case.objects.count() == 1
    # no second take-up
    again = api.post(url, {"title": "Dobel", "region": "53.71"}, format="json")
    assert again.status_code == 400 and Case.objects.count() == 1


def test_the_routed_police_see_search_and_open_case_on_the_complaint_page(
    client, cast, routed_complaint
):
    client.force_login(cast.kupang_police_investigator)
    page = client.get(reverse("intake:detail", kwargs={"complaint_id": routed_complaint.pk}))
    html = page.content.decode()
    assert 'data-testid="search"' in html and 'data-testid="open-case"' in html
    assert 'data-testid="save-triage"' not in html  # triage stays with the intake officers


def test_case_page_offers_hand_over_and_proceedings_scope(client, cast, uptd_case):
    case, _suspect = uptd_case
    client.force_login(cast.kupang_uptd_caseworker)
    html = client.get(reverse("cases:detail", kwargs={"case_id": case.pk})).content.decode()
    assert 'data-testid="hand-over"' in html and 'value="proceedings"' in html
    response = client.post(
        reverse("cases:hand_over", kwargs={"case_id": case.pk}),
        {"agency": cast.kupang_police.pk, "keep_access": "on", "reason": "Dipimpin Polresta"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.lead_agency == cast.kupang_police
    # the API answers the same for the new lead handing it back
    api = APIClient()
    api.force_authenticate(cast.kupang_police_investigator, token="t")
    back = api.post(
        f"/api/v1/cases/{case.pk}/handover",
        {"agency": cast.kupang_uptd.pk, "reason": "Kembali ke UPTD"},
        format="json",
    )
    assert back.status_code == 200 and back.json()["lead_agency"] == cast.kupang_uptd.pk
    assert Proceeding.objects.count() == 0


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_hand_overs_at_once_have_one_winner(cast, justice, uptd_case):
    case, _suspect = uptd_case

    def hand_to(agency):
        return lambda loaded: case_services.case_hand_over(
            actor=cast.kupang_uptd_caseworker, case=loaded, agency=agency, reason="Serah"
        )

    load = lambda: Case.objects.select_related("lead_agency").get(pk=case.pk)  # noqa: E731
    outcomes = race(
        read_then(load, hand_to(cast.kupang_police)),
        read_then(load, hand_to(justice.kupang_prosecution)),
    )
    winner, _conflict = one_winner(outcomes)
    stored = Case.objects.get(pk=case.pk)
    assert stored.lead_agency_id == winner.lead_agency_id
    assert len(events("case_handed_over")) == 1
    # the former lead co-handles once, not twice
    assert CaseGrant.objects.filter(case=case, co_handling=True).count() == 1
