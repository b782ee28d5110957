"""Triage rules as data (pure) and the routing walk up the region tree (database)."""

from datetime import UTC, datetime, timedelta

import pytest

from lentera.apps.accounts import services as account_services
from lentera.apps.intake import services
from lentera.apps.intake.services import FactsInput, ReporterInput, find_agency
from lentera.apps.intake.triage import (
    DUE_WITHIN,
    ROUTING_RULES,
    URGENCY_RULES,
    TriageFacts,
    assess,
    region_chain,
)

T0 = datetime(2025, 3, 1, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("facts", "urgency", "hours"),
    [
        (TriageFacts(danger_now=True), "critical", 2),
        (TriageFacts(departure_today=True), "critical", 2),
        (TriageFacts(child=True), "high", 24),
        (TriageFacts(child=True, danger_now=True), "critical", 2),
        (TriageFacts(migrant_worker=True), "normal", 72),
        (TriageFacts(), "normal", 72),
    ],
)
def test_urgency_and_due_time(facts, urgency, hours):
    result = assess(facts, T0)
    assert result.urgency == urgency
    assert result.due_at == T0 + timedelta(hours=hours)


def test_routing_rows_apply_in_order():
    result = assess(TriageFacts(child=True, migrant_worker=True, danger_now=True), T0)
    assert [r.code for r in result.routing] == ["crime_in_progress", "child", "migrant_worker"]
    assert assess(TriageFacts(), T0).routing == ()


def test_tables_are_consistent():
    facts = set(TriageFacts.__dataclass_fields__)
    assert all(rule.when in facts for rule in URGENCY_RULES)
    assert all(set(rule.when) <= facts for rule in ROUTING_RULES)
    assert all(rule.urgency in DUE_WITHIN for rule in URGENCY_RULES)
    from lentera.apps.accounts.models import AgencyType

    assert all(set(r.agency_types) <= set(AgencyType.values) for r in ROUTING_RULES)


def test_region_chain():
    assert region_chain("53.71.01.1001") == ["53.71.01.1001", "53.71.01", "53.71", "53"]
    assert region_chain("53") == ["53"]


# -- with agencies -------------------------------------------------------------------------------


def submit(regions, code="53.71.01", **facts):
    return services.complaint_submit_public(
        facts=FactsInput(narrative="Ada yang mencurigakan.", region=regions[code], **facts),
        reporter=ReporterInput(anonymous=True),
    )


@pytest.mark.django_db
def test_child_goes_to_child_protection_of_the_region(cast, regions):
    complaint = submit(regions, involves_child="yes")
    assert complaint.routed_agency == cast.kupang_uptd
    assert complaint.routing_rule == "child"
    assert complaint.urgency == "high"
    assert complaint.due_at == complaint.received_at + timedelta(hours=24)


@pytest.mark.django_db
def test_danger_goes_to_police_first(cast, regions):
    complaint = submit(regions, involves_child="yes", danger_now=True)
    assert complaint.routed_agency == cast.kupang_police
    assert (complaint.urgency, complaint.routing_rule) == ("critical", "crime_in_progress")


@pytest.mark.django_db
def test_migrant_worker_walks_up_to_the_province(cast, regions, ntt_agencies):
    complaint = submit(regions, migrant_worker=True)
    assert complaint.routed_agency == ntt_agencies["manpower"]
    # manpower preferred over migrant protection at the same level; a nearer one wins
    nearer = account_services.agency_create(
        actor=None,
        name="BP3MI pos Kupang",
        agency_type="migrant_protection",
        region=regions["53.71"],
    )
    assert find_agency("53.71.01", ("manpower", "migrant_protection")) == nearer


@pytest.mark.django_db
def test_no_agency_of_the_type_falls_back(cast, regions):
    # no manpower or migrant agency anywhere: the rule finds nothing
    complaint = submit(regions, migrant_worker=True)
    assert complaint.routing_rule == ""
    assert complaint.routed_agency == complaint.receiving_agency == cast.kupang_uptd


@pytest.mark.django_db
def test_national_agencies_are_the_last_level(cast, regions):
    # Batam has no police agency in the cast; the national Satgas TPPO is found
    complaint = submit(regions, code="21.71", danger_now=True)
    assert complaint.routed_agency == cast.national_satgas


@pytest.mark.django_db
def test_inactive_agencies_are_skipped(cast, regions):
    account_services.agency_update(actor=None, agency=cast.kupang_uptd, is_active=False)
    complaint = submit(regions, involves_child="yes")
    assert complaint.routed_agency != cast.kupang_uptd


@pytest.mark.django_db
def test_public_complaints_go_to_the_nearest_complaint_desk(cast, regions):
    assert submit(regions).receiving_agency == cast.kupang_uptd
    assert submit(regions, code="61.71").receiving_agency == cast.pontianak_uptd
    assert submit(regions, code="21.71").receiving_agency == cast.batam_dinsos
