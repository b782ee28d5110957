"""Consent, referrals and their state machine; what the receiving agency sees."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from lentera.apps.accounts.models import AuditEvent
from lentera.apps.cases.models import CaseGrant
from lentera.apps.cases.policies import cases
from lentera.apps.people.policies import people
from lentera.apps.protection import services
from lentera.apps.protection.models import Consent, Referral, Service
from lentera.apps.protection.policies import referrals
from lentera.apps.protection.vocab import REFERRAL_TRANSITIONS, ReferralStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English whatever language an earlier test left active."""
    with translation.override("en"):
        yield


def consent(cast, party, agencies, people=False, identity=False, **kw):
    return services.consent_record(
        actor=cast.kupang_uptd_caseworker,
        party=party,
        agencies=agencies,
        purpose="Rumah aman dan pemulihan",
        share_people=people,
        share_identity=identity,
        **kw,
    )


def refer(cast, party, to, **kw):
    kw.setdefault("service_type", "shelter")
    kw.setdefault("reason", "Membutuhkan rumah aman")
    return services.referral_send(
        actor=cast.kupang_uptd_caseworker, party=party, to_agency=to, **kw
    )


def events(kind):
    return AuditEvent.objects.filter(event_type=kind)


def test_adult_referral_without_consent_is_refused_and_nothing_written(cast, adult):
    with pytest.raises(services.ConsentMissing) as exc:
        refer(cast, adult, cast.batam_dinsos, share_people=True)
    assert "Dinas Sosial Kota Batam" in str(exc.value)
    assert not Referral.objects.exists()
    assert not CaseGrant.objects.filter(agency=cast.batam_dinsos).exists()
    refused = events("referral_refused").get()
    assert refused.object_id == str(adult.case_id)
    assert not events("referral_sent").exists()


def test_consent_for_another_agency_or_less_data_does_not_cover(cast, adult):
    consent(cast, adult, [cast.pontianak_uptd], people=True, identity=True)
    with pytest.raises(services.ConsentMissing):
        refer(cast, adult, cast.batam_dinsos)
    consent(cast, adult, [cast.batam_dinsos], people=True)
    with pytest.raises(services.ConsentMissing) as exc:
        refer(cast, adult, cast.batam_dinsos, share_people=True, share_identity=True)
    assert "identity" in str(exc.value)
    assert events("referral_refused").count() == 2
    assert not Referral.objects.exists()


def test_withdrawn_consent_does_not_cover(cast, adult):
    c = consent(cast, adult, [cast.batam_dinsos], people=True)
    services.consent_withdraw(actor=cast.kupang_uptd_caseworker, consent=c, note="korban menolak")
    with pytest.raises(services.ConsentMissing):
        refer(cast, adult, cast.batam_dinsos, share_people=True)


def test_consent_limits_what_the_receiving_agency_sees(cast, adult, uptd_case):
    batam = cast.batam_social_worker
    assert not cases.can(batam, cases_action(), uptd_case)
    consent(cast, adult, [cast.batam_dinsos], people=True, identity=False)
    referral = refer(cast, adult, cast.batam_dinsos, share_people=True)
    assert referral.consent is not None
    grant = referral.grant
    assert (grant.scope, grant.include_identity) == ("people", False)
    assert "people" in cases.sections(batam, uptd_case)
    assert not cases.can_see_identity(batam, uptd_case)
    assert not people.can_see_identity(batam, adult.person)
    # facts only: no people section at all
    consent(cast, adult, [cast.pontianak_uptd])
    r2 = refer(cast, adult, cast.pontianak_uptd)
    assert r2.grant.scope == "facts"
    assert "people" not in cases.sections(cast.pontianak_caseworker, uptd_case)
    assert cases.sections(cast.pontianak_caseworker, uptd_case) == {"facts", "journey"}


def test_identity_shared_only_when_consented(cast, adult, uptd_case):
    consent(cast, adult, [cast.batam_dinsos], people=True, identity=True)
    referral = refer(cast, adult, cast.batam_dinsos, share_people=True, share_identity=True)
    # the victim grant gives the referred person's identity, not the case narrative
    assert referral.grant.person == adult.person
    assert people.can_see_identity(cast.batam_social_worker, adult.person)
    assert not cases.can_see_identity(cast.batam_social_worker, uptd_case)


def cases_action():
    from lentera.apps.accounts.permissions import Action

    return Action.VIEW_CASE


def test_child_referred_without_consent_records_override(cast, child, uptd_case):
    with pytest.raises(services.ConsentMissing) as exc:
        refer(cast, child, cast.batam_dinsos, share_people=True)
    assert "child" in str(exc.value)
    referral = refer(cast, child, cast.batam_dinsos, share_people=True, override_basis="child")
    assert referral.consent is None
    assert referral.override_legal_basis.startswith("PP 9/2008")
    event = events("consent_overridden").get()
    assert event.object_id == str(uptd_case.pk)
    assert event.data["basis"] == "child"


def test_adult_override_needs_a_law_basis_and_child_basis_needs_a_child(cast, adult):
    with pytest.raises(ValidationError) as exc:
        refer(cast, adult, cast.batam_dinsos, override_basis="child")
    assert "override_basis" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        refer(cast, adult, cast.batam_dinsos, override_basis="law")
    assert "override_legal_basis" in exc.value.message_dict
    r = refer(
        cast,
        adult,
        cast.batam_dinsos,
        override_basis="law",
        override_legal_basis="UU 21/2007 Pasal 47 (ancaman terhadap korban)",
    )
    assert r.override_basis == "law"
    assert not Referral.objects.exclude(pk=r.pk).exists()


def test_accept_decline_complete_and_illegal_transitions(cast, adult):
    consent(cast, adult, [cast.batam_dinsos, cast.pontianak_uptd], people=True)
    r = refer(cast, adult, cast.batam_dinsos, share_people=True)
    # only the receiving agency responds
    with pytest.raises(PermissionDenied):
        services.referral_accept(actor=cast.kupang_uptd_caseworker, referral=r)
    with pytest.raises(PermissionDenied):
        services.referral_accept(actor=cast.pontianak_caseworker, referral=r)
    with pytest.raises(services.IllegalTransition):
        services.referral_complete(actor=cast.batam_social_worker, referral=r)
    services.referral_accept(actor=cast.batam_social_worker, referral=r)
    r.refresh_from_db()
    assert r.status == "accepted"
    assert Service.objects.get(party=adult).status == "in_progress"
    with pytest.raises(services.IllegalTransition):
        services.referral_decline(actor=cast.batam_social_worker, referral=r, reason="penuh")
    with pytest.raises(services.IllegalTransition):
        services.referral_accept(actor=cast.batam_social_worker, referral=r)
    services.referral_complete(actor=cast.batam_social_worker, referral=r)
    assert Referral.objects.get(pk=r.pk).status == "completed"
    assert Service.objects.get(party=adult).status == "done"
    for target in ReferralStatus.values:
        with pytest.raises((services.IllegalTransition, PermissionDenied)):
            services.referral_accept(actor=cast.batam_social_worker, referral=r)
        assert target not in REFERRAL_TRANSITIONS[ReferralStatus.COMPLETED]


def test_decline_needs_reason_and_closes_access(cast, adult, uptd_case):
    consent(cast, adult, [cast.batam_dinsos], people=True)
    r = refer(cast, adult, cast.batam_dinsos, share_people=True)
    with pytest.raises(ValidationError) as exc:
        services.referral_decline(actor=cast.batam_social_worker, referral=r, reason=" ")
    assert "reason" in exc.value.message_dict
    services.referral_decline(actor=cast.batam_social_worker, referral=r, reason="Kapasitas penuh")
    r.refresh_from_db()
    assert (r.status, r.decline_reason) == ("declined", "Kapasitas penuh")
    assert not cases.sections(cast.batam_social_worker, uptd_case)
    with pytest.raises(services.IllegalTransition):
        services.referral_accept(actor=cast.batam_social_worker, referral=r)


def test_withdrawal_closes_the_receiving_agency_access(cast, adult, uptd_case):
    c = consent(cast, adult, [cast.batam_dinsos], people=True)
    r = refer(cast, adult, cast.batam_dinsos, share_people=True)
    services.referral_accept(actor=cast.batam_social_worker, referral=r)
    services.consent_withdraw(actor=cast.kupang_uptd_caseworker, consent=c)
    assert not cases.sections(cast.batam_social_worker, uptd_case)
    assert Consent.objects.get(pk=c.pk).withdrawn_at is not None


def test_referral_lists_follow_the_agencies(cast, adult):
    consent(cast, adult, [cast.batam_dinsos], people=True)
    r = refer(cast, adult, cast.batam_dinsos, share_people=True)
    from lentera.apps.accounts.permissions import Action

    assert list(referrals.visible(cast.batam_social_worker, Action.REFER)) == [r]
    assert list(referrals.visible(cast.kupang_uptd_caseworker, Action.REFER)) == [r]
    assert not referrals.visible(cast.pontianak_caseworker, Action.REFER).exists()
    assert not referrals.visible(cast.kupang_police_investigator, Action.REFER).exists()


def test_other_agency_and_no_role_cannot_refer(cast, adult):
    consent(cast, adult, [cast.batam_dinsos])
    for actor in (cast.pontianak_caseworker, cast.kupang_uptd_norole, cast.kupang_uptd_intake):
        with pytest.raises(PermissionDenied):
            services.referral_send(
                actor=actor,
                party=adult,
                to_agency=cast.batam_dinsos,
                service_type="shelter",
                reason="x",
            )
    assert not Referral.objects.exists()
    assert not AuditEvent.objects.filter(event_type__startswith="referral").exists()


def test_child_consent_is_given_by_guardian(cast, child):
    with pytest.raises(ValidationError) as exc:
        consent(cast, child, [cast.batam_dinsos])
    assert {"given_by", "guardian_name"} <= set(exc.value.message_dict)
    c = consent(
        cast,
        child,
        [cast.batam_dinsos],
        given_by="guardian",
        guardian_name="Ibu Contoh",
        child_assent=True,
    )
    assert c.child_assent
