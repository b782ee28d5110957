"""Case services: reference numbers, facts with optimistic locking, status workflow, people,
journey, documents, notes and sharing — each change one audit event on the case."""

import importlib
from datetime import date

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import PermissionDenied, ValidationError

from lentera.apps.accounts.models import AuditEvent
from lentera.apps.accounts.permissions import Action
from lentera.apps.cases import selectors, services
from lentera.apps.cases.models import Case, CaseDocument
from lentera.apps.cases.policies import cases
from lentera.apps.people.policies import people
from lentera.apps.reference.models import Country

pytestmark = pytest.mark.django_db


def events(case):
    return list(selectors.case_timeline(case=case).values_list("event_type", flat=True))


def test_open_gives_sequential_references(cast, regions, kupang_case):
    second = services.case_open(
        actor=cast.kupang_police_investigator, title="Kasus kedua", region=regions["53.71"]
    )
    year = date.today().year
    assert kupang_case.reference == f"TPPO/5371/{year}/00001"
    assert second.reference == f"TPPO/5371/{year}/00002"
    assert kupang_case.lead_agency == cast.kupang_police
    assert events(kupang_case) == ["case_opened"]


def test_open_refused_without_permission_writes_nothing(cast, regions):
    for who in ("kupang_analyst", "kupang_uptd_caseworker", "kupang_auditor"):
        with pytest.raises(PermissionDenied):
            services.case_open(actor=getattr(cast, who), title="x", region=regions["53.71"])
    assert (
        not Case.objects.exists()
        and not AuditEvent.objects.filter(event_type="case_opened").exists()
    )


def test_unknown_codes_are_clear_errors(cast, regions):
    with pytest.raises(ValidationError) as err:
        services.case_open(
            actor=cast.kupang_police_investigator,
            title=" ",
            region=regions["53.71"],
            acts=["kidnap"],
            exploitation_types=["mining"],
        )
    assert set(err.value.message_dict) == {"title", "acts", "exploitation_types"}
    assert not Case.objects.exists()


def test_lists_of_codes_are_stored_in_the_vocabulary_order(cast, kupang_case):
    """A list of codes is a set: stored one way whatever order it is given in (web, API,
    import), so a form saved unchanged does not reorder it (issue #11)."""
    services.case_update_facts(
        actor=cast.kupang_police_investigator,
        case=kupang_case,
        version=kupang_case.version,
        acts=["receipt", "recruitment", "receipt"],
        control_methods=["threats", "debt_bondage"],
    )
    fresh = Case.objects.get(pk=kupang_case.pk)
    assert fresh.acts == ["recruitment", "receipt"]
    assert fresh.control_methods == ["debt_bondage", "threats"]


def test_the_migration_puts_stored_lists_in_the_vocabulary_order(cast, kupang_case):
    """Rows written before: the data migration orders them; codes it does not know stay, last."""
    migration = importlib.import_module("lentera.apps.cases.migrations.0003_order_fact_codes")
    Case.objects.filter(pk=kupang_case.pk).update(
        acts=["receipt", "recruitment"],
        means=["retired_code", "fraud", "violence"],
        exploitation_types=["forced_labour", "sexual_exploitation"],
        control_methods=[],
    )
    migration.order_fact_codes(django_apps, None)
    fresh = Case.objects.get(pk=kupang_case.pk)
    assert fresh.acts == ["recruitment", "receipt"]
    assert fresh.means == ["violence", "fraud", "retired_code"]
    assert fresh.exploitation_types == ["sexual_exploitation", "forced_labour"]
    assert fresh.control_methods == []


def test_concurrent_edits_do_not_silently_overwrite(cast, kupang_case):
    services.case_update_facts(
        actor=cast.kupang_police_investigator, case=kupang_case, version=1, means=["fraud"]
    )
    stale = Case.objects.get(pk=kupang_case.pk)
    stale.version = 1
    with pytest.raises(ValidationError):
        services.case_update_facts(
            actor=cast.kupang_police_investigator, case=stale, version=1, means=["violence"]
        )
    assert Case.objects.get(pk=kupang_case.pk).means == ["fraud"]


@pytest.mark.parametrize(
    ("path", "ok"),
    [
        (["assessment", "in_handling", "closed", "assessment"], True),
        (["in_handling"], False),
        (["assessment", "open"], False),
    ],
)
def test_status_workflow(cast, kupang_case, path, ok):
    def walk():
        for status in path:
            services.case_set_status(
                actor=cast.kupang_police_investigator,
                case=kupang_case,
                status=status,
                reason="selesai" if status == "closed" else "",
            )

    if ok:
        walk()
        assert kupang_case.status == path[-1]
    else:
        with pytest.raises(ValidationError):
            walk()


def test_closing_needs_a_reason(cast, kupang_case):
    with pytest.raises(ValidationError):
        services.case_set_status(
            actor=cast.kupang_police_investigator, case=kupang_case, status="closed"
        )


def test_child_victim_flag_and_identification(cast, kupang_case, child_victim):
    kupang_case.refresh_from_db()
    assert child_victim.age_at_offence == 16 and kupang_case.has_child_victim
    services.victim_decide(
        actor=cast.kupang_police_investigator, party=child_victim, status="presumed"
    )
    child_victim.refresh_from_db()
    assert child_victim.victim_status == "presumed"
    assert child_victim.victim_status_by == cast.kupang_police_investigator
    assert child_victim.victim_status_agency == cast.kupang_police
    assert events(kupang_case)[-1] == "victim_status_decided"


def test_suspect_network_and_official_flag(cast, regions, kupang_case):
    from lentera.apps.people.services import person_create

    suspect = person_create(
        actor=cast.kupang_police_investigator,
        owner_agency=cast.kupang_police,
        full_name="Ks Contoh",
        sex="female",
    )
    party = services.case_add_party(
        actor=cast.kupang_police_investigator,
        case=kupang_case,
        person=suspect,
        role="suspect",
        network_role="harbourer",
        is_official=True,
    )
    assert party.network_role == "harbourer"
    with pytest.raises(ValidationError):
        services.case_add_party(
            actor=cast.kupang_police_investigator,
            case=kupang_case,
            person=suspect,
            role="victim",
            network_role="recruiter",
        )
    with pytest.raises(ValidationError):  # same role twice
        services.case_add_party(
            actor=cast.kupang_police_investigator, case=kupang_case, person=suspect, role="suspect"
        )


def test_journey_and_documents(cast, regions, kupang_case):
    indonesia = Country.objects.get(code="ID")
    malaysia = Country.objects.get(code="MY")
    services.journey_add_leg(
        actor=cast.kupang_police_investigator,
        case=kupang_case,
        origin_country=indonesia,
        destination_country=indonesia,
        origin_place="Kupang",
        destination_place="Batam",
        transport="air",
    )
    services.journey_add_leg(
        actor=cast.kupang_police_investigator,
        case=kupang_case,
        origin_country=indonesia,
        destination_country=malaysia,
        origin_place="Batam",
        destination_place="Johor",
        transport="sea",
    )
    with pytest.raises(ValidationError):
        services.journey_add_leg(
            actor=cast.kupang_police_investigator,
            case=kupang_case,
            origin_country=indonesia,
            destination_country=malaysia,
            departed_on=date(2021, 3, 2),
            arrived_on=date(2021, 3, 1),
        )
    assert list(kupang_case.journey.values_list("order", flat=True)) == [1, 2]
    doc = services.document_add(
        actor=cast.kupang_police_investigator,
        case=kupang_case,
        filename="buku-tabungan.pdf",
        content=b"%PDF-1.4 test",
    )
    assert doc.content_type == "application/pdf" and doc.size == 13
    for bad in (b"", b"MZ\x90\x00 not a pdf", b"%PDF-" + b"x" * (10 * 1024 * 1024)):
        with pytest.raises(ValidationError):
            services.document_add(
                actor=cast.kupang_police_investigator, case=kupang_case, filename="x", content=bad
            )
    assert CaseDocument.objects.count() == 1
    facts = selectors.case_facts_for_law(case=kupang_case)
    assert facts["movement"] == "out_of_indonesia"


def test_sharing_grants_what_it_says(cast, kupang_case, child_victim):
    other = cast.batam_social_worker
    assert not cases.visible(other, Action.VIEW_CASE).exists()
    assert not people.visible(other, Action.VIEW_PERSON).exists()
    grant = services.case_share(
        actor=cast.kupang_police_investigator,
        case=kupang_case,
        agency=cast.batam_dinsos,
        scope="facts",
        include_identity=False,
        reason="Korban ditampung di Batam",
    )
    assert list(cases.visible(other, Action.VIEW_CASE)) == [kupang_case]
    assert cases.sections(other, kupang_case) == {"facts", "journey"}
    assert not cases.can_see_identity(other, kupang_case)
    assert not people.visible(other, Action.VIEW_PERSON).exists()
    assert not cases.can(other, Action.EDIT_CASE, kupang_case)
    services.case_share_revoke(actor=cast.kupang_police_investigator, grant=grant)
    assert not cases.visible(other, Action.VIEW_CASE).exists()
    services.case_share(
        actor=cast.kupang_police_investigator,
        case=kupang_case,
        agency=cast.batam_dinsos,
        scope="people",
        include_identity=True,
        reason="Pendampingan korban",
    )
    assert "people" in cases.sections(other, kupang_case)
    assert cases.can_see_identity(other, kupang_case)
    assert people.can_see_identity(other, child_victim.person)
    kinds = events(kupang_case)
    assert kinds.count("case_shared") == 2 and kinds.count("case_share_revoked") == 1


def test_share_validation(cast, kupang_case):
    with pytest.raises(ValidationError):
        services.case_share(
            actor=cast.kupang_police_investigator,
            case=kupang_case,
            agency=cast.kupang_police,
            scope="full",
            include_identity=False,
            reason="x",
        )
    with pytest.raises(ValidationError):
        services.case_share(
            actor=cast.kupang_police_investigator,
            case=kupang_case,
            agency=cast.batam_dinsos,
            scope="facts",
            include_identity=True,
            reason="x",
        )
    with pytest.raises(PermissionDenied):
        services.case_share(
            actor=cast.kupang_analyst,
            case=kupang_case,
            agency=cast.batam_dinsos,
            scope="facts",
            include_identity=False,
            reason="x",
        )


def test_region_roles_read_pseudonymised(cast, kupang_case, child_victim):
    from lentera.apps.accounts.permissions import Role
    from tests.factories import UserFactory

    analyst = UserFactory(agency=cast.kupang_uptd, roles=[Role.ANALYST])
    assert cases.sections(analyst, kupang_case) == {"facts", "journey", "people", "proceedings"}
    assert not cases.can_see_identity(analyst, kupang_case)
    assert not people.can_see_identity(analyst, child_victim.person)
    # an analyst of the lead agency reads the whole file, still without identities
    assert "documents" in cases.sections(cast.kupang_analyst, kupang_case)
    assert not cases.can_see_identity(cast.kupang_analyst, kupang_case)
    assert cases.sections(cast.pontianak_caseworker, kupang_case) == frozenset()


def test_qualification_on_case_facts(cast, kupang_case, child_victim):
    result, snapshot = services.qualification_run(
        actor=cast.kupang_police_investigator,
        facts=selectors.case_facts_for_law(case=kupang_case),
        case=kupang_case,
    )
    assert snapshot.case == kupang_case
    assert "exploitation_occurred" in snapshot.facts["unknown"]
    assert result.outcome in {"trafficking", "insufficient_facts"}
    assert events(kupang_case)[-1] == "qualification_run"
