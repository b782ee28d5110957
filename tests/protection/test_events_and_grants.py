"""One audit event per state change; referral access through the case service; an interview's
decision reaching the victim's status on the case."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lentera.apps.accounts.models import AuditEvent
from lentera.apps.cases import services as case_services
from lentera.apps.cases.models import CaseGrant, CaseParty
from lentera.apps.protection import services

pytestmark = pytest.mark.django_db


def kinds(case):
    return list(
        AuditEvent.objects.filter(object_type="cases.case", object_id=str(case.pk))
        .order_by("id")
        .values_list("event_type", flat=True)
    )


def sent_to_batam(cast, party, identity=False):
    services.consent_record(
        actor=cast.kupang_uptd_caseworker,
        party=party,
        agencies=[cast.batam_dinsos],
        purpose="Rumah aman",
        share_people=True,
        share_identity=identity,
    )
    return services.referral_send(
        actor=cast.kupang_uptd_caseworker,
        party=party,
        to_agency=cast.batam_dinsos,
        service_type="shelter",
        reason="Rumah aman di Batam",
        share_people=True,
        share_identity=identity,
    )


def test_each_referral_step_has_its_own_event(cast, uptd_case, adult):
    before = len(kinds(uptd_case))
    r = sent_to_batam(cast, adult)
    services.referral_accept(actor=cast.batam_social_worker, referral=r)
    services.referral_complete(actor=cast.batam_social_worker, referral=r)
    assert kinds(uptd_case)[before:] == [
        "consent_recorded",
        "case_shared",
        "referral_sent",
        "referral_accepted",
        "referral_completed",
    ]
    shared = AuditEvent.objects.get(event_type="case_shared")
    assert shared.data["referral"] is True and shared.data["scope"] == "people"


def test_police_report_event_and_no_second_report(cast, uptd_case, adult):
    services.consent_record(
        actor=cast.kupang_uptd_caseworker,
        party=adult,
        agencies=[cast.pontianak_uptd],
        purpose="Pendampingan",
    )
    r = services.referral_send(
        actor=cast.kupang_uptd_caseworker,
        party=adult,
        to_agency=cast.pontianak_uptd,
        service_type="shelter",
        reason="Rumah aman",
    )
    services.referral_accept(actor=cast.pontianak_caseworker, referral=r)
    services.referral_police_reported(actor=cast.pontianak_caseworker, referral=r)
    assert AuditEvent.objects.filter(event_type="police_reported").count() == 1
    with pytest.raises(services.IllegalTransition):
        services.referral_police_reported(actor=cast.pontianak_caseworker, referral=r)
    assert AuditEvent.objects.filter(event_type="police_reported").count() == 1


def test_decline_closes_the_grant_through_the_case_service(cast, uptd_case, adult):
    r = sent_to_batam(cast, adult)
    services.referral_decline(actor=cast.batam_social_worker, referral=r, reason="Penuh")
    grant = CaseGrant.objects.get(pk=r.grant_id)
    assert grant.revoked_at is not None and grant.revoked_by == cast.batam_social_worker
    revoked = AuditEvent.objects.get(event_type="case_share_revoked")
    assert revoked.data == {"grant": grant.pk, "referral": True}


def test_case_grant_for_referral_guards(cast, uptd_case, adult):
    # an agency with no relation to the case cannot open access
    with pytest.raises(PermissionDenied):
        case_services.case_grant_for_referral(
            actor=cast.pontianak_caseworker,
            case=uptd_case,
            agency=cast.batam_dinsos,
            share_people=True,
            reason="x",
        )
    # a grantee cannot pass on more than it holds (Batam holds people, no identity)
    sent_to_batam(cast, adult)
    with pytest.raises(ValidationError) as exc:
        case_services.case_grant_for_referral(
            actor=cast.batam_social_worker,
            case=uptd_case,
            agency=cast.pontianak_uptd,
            person=adult.person,
            share_people=True,
            include_identity=True,
            reason="Rujukan lanjutan",
        )
    assert "agency" in exc.value.message_dict
    # intake officers do not refer
    with pytest.raises(PermissionDenied):
        case_services.case_grant_for_referral(
            actor=cast.kupang_uptd_intake, case=uptd_case, agency=cast.pontianak_uptd, reason="x"
        )
    assert not CaseGrant.objects.filter(agency=cast.pontianak_uptd).exists()


def test_interview_decision_reaches_the_case(cast, uptd_case, adult):
    services.identification_record(
        actor=cast.kupang_uptd_caseworker, party=adult, setting="shelter", indicators=["debt"]
    )
    party = CaseParty.objects.get(pk=adult.pk)
    assert (party.victim_status, party.victim_status_by) == (
        "presumed",
        cast.kupang_uptd_caseworker,
    )
    assert kinds(uptd_case)[-2:] == ["victim_identified", "victim_status_decided"]
    # the same decision again changes nothing on the case
    services.identification_record(
        actor=cast.kupang_uptd_caseworker, party=adult, setting="shelter", indicators=["debt"]
    )
    assert AuditEvent.objects.filter(event_type="victim_status_decided").count() == 1
    # a status the lead agency settled is not changed by an interview
    case_services.victim_decide(
        actor=cast.kupang_uptd_caseworker,
        party=CaseParty.objects.get(pk=adult.pk),
        status="confirmed",
    )
    services.identification_record(
        actor=cast.kupang_uptd_caseworker, party=adult, setting="shelter", indicators=["wages"]
    )
    assert CaseParty.objects.get(pk=adult.pk).victim_status == "confirmed"


def test_receiving_agency_interview_stays_in_the_protection_file(cast, uptd_case, adult):
    r = sent_to_batam(cast, adult)
    services.referral_accept(actor=cast.batam_social_worker, referral=r)
    row = services.identification_record(
        actor=cast.batam_social_worker, party=adult, setting="shelter", indicators=["violence"]
    )
    assert row.decision == "presumed"
    assert CaseParty.objects.get(pk=adult.pk).victim_status == "undetermined"
    assert not AuditEvent.objects.filter(event_type="victim_status_decided").exists()
