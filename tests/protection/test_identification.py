import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lentera.apps.accounts.models import AuditEvent
from lentera.apps.protection import services
from lentera.apps.protection.models import Identification
from lentera.apps.protection.vocab import Decision

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ([], Decision.NO_INDICATORS),
        (["deception"], Decision.POSSIBLE),
        (["debt"], Decision.PRESUMED),
        (["deception", "wages", "overtime"], Decision.PRESUMED),
    ],
)
def test_suggested_decision(found, expected):
    assert services.suggest_decision(found) == expected


def test_identification_records_who_decided(cast, adult, uptd_case):
    row = services.identification_record(
        actor=cast.kupang_uptd_caseworker,
        party=adult,
        setting="shelter",
        indicators=["deception", "documents"],
    )
    assert (row.decision, row.recorded_by, row.agency) == (
        "presumed",
        cast.kupang_uptd_caseworker,
        cast.kupang_uptd,
    )
    event = AuditEvent.objects.get(event_type="victim_identified")
    assert event.object_id == str(uptd_case.pk)


def test_identification_errors_name_the_field(cast, adult, child):
    with pytest.raises(ValidationError) as exc:
        services.identification_record(
            actor=cast.kupang_uptd_caseworker, party=adult, setting="x", indicators=["nope"]
        )
    assert "indicators" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.identification_record(
            actor=cast.kupang_uptd_caseworker,
            party=adult,
            setting="police",
            indicators=["debt"],
            decision="no_indicators",
        )
    assert "decision" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.identification_record(
            actor=cast.kupang_uptd_caseworker, party=child, setting="rescue", indicators=[]
        )
    assert "guardian_present" in exc.value.message_dict
    row = services.identification_record(
        actor=cast.kupang_uptd_caseworker,
        party=child,
        setting="rescue",
        indicators=[],
        guardian_present=True,
    )
    assert row.is_child


def test_identification_by_other_agency_is_refused(cast, adult):
    with pytest.raises(PermissionDenied):
        services.identification_record(
            actor=cast.batam_social_worker, party=adult, setting="shelter", indicators=[]
        )
    assert not Identification.objects.exists()
