"""Court orders with their clocks (Pasal 31, 32): the one-year cap of an interception permit,
the outcome with its version, the expiry sweep written once, refusals from the other side."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.cases import services as case_services
from lentera.apps.investigation import services
from lentera.apps.investigation.models import CourtOrder, InvestigationAlert

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 1)


@pytest.fixture
def case(cast, regions):
    return case_services.case_open(
        actor=cast.kupang_police_investigator,
        title="Perekrutan ke Batam",
        region=regions["53.71"],
        offence_date=date(2025, 1, 1),
        acts=["recruitment"],
        means=["fraud"],
        exploitation_types=["forced_labour"],
    )


def order(actor, case, **kw):
    values = dict(
        kind="interception",
        number="1/Pen/Sadap",
        court="PN Kupang",
        issued_on=date(2025, 1, 10),
        valid_from=date(2025, 1, 10),
        valid_until=date(2025, 6, 10),
        target="0813 0000 1111",
        today=TODAY,
    )
    values.update(kw)
    return services.order_record(actor=actor, case=case, **values)


def test_interception_runs_at_most_one_year(cast, case):
    inv = cast.kupang_police_investigator
    with pytest.raises(ValidationError) as err:
        order(inv, case, valid_until=date(2026, 1, 11))
    assert "valid_until" in err.value.message_dict
    with pytest.raises(ValidationError):
        order(inv, case, valid_until=None)
    with pytest.raises(ValidationError):
        order(inv, case, valid_from=date(2025, 1, 9))  # before it was issued
    assert not CourtOrder.objects.exists()
    made = order(inv, case, valid_until=date(2026, 1, 10))
    assert made.valid_until == date(2026, 1, 10)
    # an asset-blocking order may run without an end date
    blocking = order(inv, case, kind="asset_blocking", valid_until=None)
    assert blocking.valid_until is None


def test_expiry_sweep_alerts_once_and_outcome_stops_it(cast, case):
    inv = cast.kupang_police_investigator
    permit = order(inv, case)
    assert services.orders_alert(today=date(2025, 5, 1)) == []  # 40 days left
    first = services.orders_alert(today=TODAY)
    assert [(a.kind, a.agency_id) for a in first] == [("order_expiring", cast.kupang_police.pk)]
    assert services.orders_alert(today=TODAY) == []  # written once
    assert [a.kind for a in services.orders_alert(today=date(2025, 6, 11))] == ["order_expired"]
    with pytest.raises(Conflict):
        services.order_outcome(
            actor=inv, order=permit, outcome="evidence_obtained", on=TODAY, version=99
        )
    services.order_outcome(
        actor=inv, order=permit, outcome="evidence_obtained", on=TODAY, version=permit.version
    )
    assert permit.outcome == "evidence_obtained"
    InvestigationAlert.objects.all().delete()
    assert services.orders_alert(today=date(2025, 6, 12)) == []  # a decided order is quiet


def test_refusals_from_the_other_side(cast, case, police):
    for outsider in (
        police.pontianak_investigator,
        police.kupang_secretariat,
        cast.kupang_uptd_caseworker,
    ):
        with pytest.raises(PermissionDenied):
            order(outsider, case)
    assert not CourtOrder.objects.exists()
    # the prosecutor records once a proceeding names the prosecution office
