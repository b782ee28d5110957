"""Intake services: validation, one audit event each, nothing written on refusal, optimistic
locking, identity and narrative reads logged."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.cases import services as case_services
from lentera.apps.cases.models import Case
from lentera.apps.intake import services
from lentera.apps.intake.models import Complaint
from lentera.apps.intake.services import FactsInput, ReporterInput
from lentera.privacy import MASK, Sealed, unseal

pytestmark = pytest.mark.django_db

CODE = re.compile(r"LTR-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}")


def events(event_type=None):
    qs = AuditEvent.objects.filter(object_type="intake.complaint")
    return qs.filter(event_type=event_type) if event_type else qs


def unchanged(complaint):
    """The stored row equals ``complaint`` as loaded (nothing was written)."""
    fresh = Complaint.objects.get(pk=complaint.pk)
    return (fresh.version, fresh.status, fresh.urgency, fresh.routed_agency_id) == (
        complaint.version,
        complaint.status,
        complaint.urgency,
        complaint.routed_agency_id,
    )


def triage(actor, complaint, **overrides):
    values = {
        "version": complaint.version,
        "involves_child": complaint.involves_child,
        "danger_now": complaint.danger_now,
        "departure_today": complaint.departure_today,
        "migrant_worker": complaint.migrant_worker,
    }
    return services.complaint_triage(actor=actor, complaint=complaint, **(values | overrides))


# -- public submit -------------------------------------------------------------------------------


def test_public_submit(public_complaint, cast):
    c = public_complaint
    assert CODE.fullmatch(c.tracking_code)
    assert c.channel == "web" and c.registered_by is None
    assert c.receiving_agency == cast.kupang_uptd and c.routed_agency == cast.kupang_uptd
    assert c.status == "received" and c.urgency == "high"
    assert c.acknowledgement == "screen" and c.acknowledged_at is not None
    event = events().get()
    assert event.event_type == "complaint_received" and event.actor is None
    assert event.data["public"] is True


@pytest.mark.parametrize(
    ("facts", "reporter", "field"),
    [
        ({"narrative": "  "}, {}, "narrative"),
        ({"narrative": "x" * 20_001}, {}, "narrative"),
        ({}, {"anonymous": True, "name": "Maria"}, "reporter_anonymous"),
        ({}, {"phone": "12"}, "reporter_phone"),
        ({}, {"email": "not-an-email"}, "reporter_email"),
        ({"people_count": 5000}, {}, "people_count"),
        ({"involves_child": "maybe"}, {}, "involves_child"),
    ],
)
def test_public_submit_validation_writes_nothing(cast, regions, facts, reporter, field):
    with pytest.raises(ValidationError) as exc:
        services.complaint_submit_public(
            facts=FactsInput(**({"narrative": "Ada calo."} | facts)),
            reporter=ReporterInput(**reporter),
        )
    assert field in exc.value.message_dict
    assert not Complaint.objects.exists() and not events().exists()


def test_identity_and_account_are_encrypted_at_rest(hotline_complaint):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reporter_name, reporter_phone, narrative FROM intake_complaint WHERE id = %s",
            [hotline_complaint.pk],
        )
        row = cursor.fetchone()
    assert all(value.startswith("enc1:") for value in row)
    assert "Yuliana" not in " ".join(row) and "3333" not in " ".join(row)
    fresh = Complaint.objects.get(pk=hotline_complaint.pk)
    assert isinstance(fresh.reporter_name, Sealed) and str(fresh.reporter_name) == MASK


def test_confidentiality_needs_an_identity(cast, regions):
    c = services.complaint_submit_public(
        facts=FactsInput(narrative="Ada calo."),
        reporter=ReporterInput(anonymous=True, confidential=True),
    )
    assert c.reporter_anonymous and not c.reporter_confidential


# -- officer registration ------------------------------------------------------------------------


def test_register(hotline_complaint, cast):
    c = hotline_complaint
    assert c.receiving_agency == cast.kupang_uptd and c.registered_by == cast.kupang_uptd_intake
    assert c.acknowledgement == "verbal"
    assert unseal(c.reporter_phone) == "+6281333334444"
    assert events("complaint_received").get().actor == cast.kupang_uptd_intake


@pytest.mark.parametrize("who", ["kupang_analyst", "kupang_uptd_caseworker", "system_admin"])
def test_register_needs_the_permission(cast, who):
    with pytest.raises(PermissionDenied):
        services.complaint_register(
            actor=getattr(cast, who),
            channel="walk_in",
            facts=FactsInput(narrative="Ada calo."),
            reporter=ReporterInput(),
        )
    assert not Complaint.objects.exists() and not events().exists()


def test_register_validation(cast):
    with pytest.raises(ValidationError) as exc:
        services.complaint_register(
            actor=cast.kupang_uptd_intake,
            channel="web",
            received_at=timezone.now() + timedelta(days=1),
            facts=FactsInput(narrative="Ada calo."),
            reporter=ReporterInput(),
        )
    assert {"channel", "received_at"} <= set(exc.value.message_dict)
    assert not Complaint.objects.exists()


def test_registered_earlier_is_due_from_receipt(cast, regions):
    received = timezone.now() - timedelta(hours=5)
    c = services.complaint_register(
        actor=cast.kupang_uptd_intake,
        channel="posko",
        received_at=received,
        facts=FactsInput(narrative="Calon penumpang tanpa dokumen.", departure_today=True),
        reporter=ReporterInput(),
    )
    assert c.urgency == "critical" and c.due_at == received + timedelta(hours=2)
    assert c.is_overdue


# -- gateway -------------------------------------------------------------------------------------


def test_gateway_keyword_message(cast, regions):
    receipt = services.complaint_receive_gateway(
        actor=cast.kupang_uptd_intake,
        channel="sms",
        sender="0812 3456 7890",
        text="TPPO#TKI#Maria#Adik saya dibawa ke Malaysia",
    )
    c = receipt.complaint
    assert receipt.created and c.tracking_code in receipt.reply
    assert c.channel == "sms" and c.acknowledgement == "sms"
    assert c.migrant_worker and unseal(c.reporter_name) == "Maria"
    assert unseal(c.reporter_phone) == "+6281234567890"
    assert unseal(c.narrative) == "Adik saya dibawa ke Malaysia"
    assert unseal(c.raw_message) == "TPPO#TKI#Maria#Adik saya dibawa ke Malaysia"
    assert (c.gateway_keyword, c.gateway_category) == ("TPPO", "TKI")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": ""},
        {"text": "TPPO#"},
        {"text": "x" * 50_000},
        {"raw": "!!!not base64"},
        {"raw": "/////w=="},
        {"text": "a\x00b\ud800"},
        {},
    ],
)
def test_gateway_never_loses_a_message(cast, kwargs):
    receipt = services.complaint_receive_gateway(
        actor=cast.kupang_uptd_intake, channel="whatsapp", sender="nomor?", **kwargs
    )
    c = Complaint.objects.get(pk=receipt.complaint.pk)
    assert c.parse_flags  # every one of these is worth a note
    expected = kwargs.get("text", kwargs.get("raw", ""))
    if "raw" in kwargs or "\x00" in expected:
        assert unseal(c.raw_base64) or unseal(c.raw_message) == expected
    else:
        assert unseal(c.raw_message) == expected
    assert events("complaint_received").count() == 1


def test_gateway_unknown_channel_and_future_time(cast):
    receipt = services.complaint_receive_gateway(
        actor=cast.kupang_uptd_intake,
        channel="telegram",
        sender="+6281234567890",
        text="tolong",
        received_at=timezone.now() + timedelta(days=2),
    )
    c = receipt.complaint
    assert c.channel == "other" and {"unknown_channel", "future_received_at"} <= set(c.parse_flags)
    assert c.received_at <= timezone.now()


def test_gateway_retries_return_the_first_complaint(cast):
    first = services.complaint_receive_gateway(
        actor=cast.kupang_uptd_intake,
        channel="sms",
        sender="081234567890",
        text="a",
        message_id="m1",
    )
    again = services.complaint_receive_gateway(
        actor=cast.kupang_uptd_intake,
        channel="sms",
        sender="081234567890",
        text="a",
        message_id="m1",
    )
    assert again.complaint.pk == first.complaint.pk and not again.created
    assert Complaint.objects.count() == 1 and events().count() == 1


def test_gateway_needs_the_permission(cast):
    with pytest.raises(PermissionDenied):
        services.complaint_receive_gateway(
            actor=cast.kupang_uptd_caseworker, channel="sms", sender="", text="x"
        )
    assert not Complaint.objects.exists()


# -- triage --------------------------------------------------------------------------------------


def test_triage_takes_the_rules_by_default(public_complaint, cast):
    c = triage(cast.kupang_uptd_intake, public_complaint)
    assert c.status == "triaged" and c.version == 2
    assert c.urgency == "high" and c.routed_agency == cast.kupang_uptd
    assert c.triaged_by == cast.kupang_uptd_intake and c.override_reason == ""
    event = events("complaint_triaged").get()
    assert event.data["override"] is False and event.actor == cast.kupang_uptd_intake


def test_triage_recomputes_from_corrected_facts(public_complaint, cast):
    c = triage(cast.kupang_uptd_intake, public_complaint, danger_now=True)
    assert c.urgency == "critical" and c.routed_agency == cast.kupang_police
    assert c.due_at == c.received_at + timedelta(hours=2)


def test_override_needs_a_reason(public_complaint, cast):
    with pytest.raises(ValidationError) as exc:
        triage(cast.kupang_uptd_intake, public_complaint, urgency="normal")
    assert "reason" in exc.value.message_dict
    assert unchanged(public_complaint) and not events("complaint_triaged").exists()
    c = triage(
        cast.kupang_uptd_intake,
        public_complaint,
        urgency="critical",
        routed_agency=cast.kupang_police,
        reason="Korban akan dibawa malam ini",
    )
    assert (c.urgency, c.routed_agency, c.routing_rule) == (
        "critical",
        cast.kupang_police,
        "override",
    )
    assert c.override_reason == "Korban akan dibawa malam ini"


def test_concurrent_triage_does_not_silently_overwrite(
    public_complaint, cast, kupang_police_intake
):
    first_view = Complaint.objects.get(pk=public_complaint.pk)
    second_view = Complaint.objects.get(pk=public_complaint.pk)
    triage(cast.kupang_uptd_intake, first_view, danger_now=True)
    with pytest.raises(Conflict):
        triage(cast.kupang_uptd_intake, second_view, migrant_worker=True)
    stored = Complaint.objects.get(pk=public_complaint.pk)
    assert stored.danger_now and not stored.migrant_worker and stored.version == 2
    assert events("complaint_triaged").count() == 1


@pytest.mark.parametrize(
    "who",
    [
        "batam_social_worker",
        "kupang_uptd_caseworker",
        "kupang_analyst",
        "kupang_police_investigator",
    ],
)
def test_triage_refused_writes_nothing(public_complaint, cast, who):
    with pytest.raises(PermissionDenied):
        triage(getattr(cast, who), public_complaint)
    assert unchanged(public_complaint) and not events("complaint_triaged").exists()


def test_routed_agency_may_triage(public_complaint, cast, kupang_police_intake):
    c = triage(cast.kupang_uptd_intake, public_complaint, danger_now=True)
    c = triage(kupang_police_intake, c, danger_now=True)
    assert c.triaged_by == kupang_police_intake


# -- acknowledgement -----------------------------------------------------------------------------


def test_acknowledge(public_complaint, hotline_complaint, cast):
    with pytest.raises(ValidationError):
        services.complaint_acknowledge(
            actor=cast.kupang_uptd_intake, complaint=public_complaint, method="callback"
        )
    c = services.complaint_acknowledge(
        actor=cast.kupang_uptd_intake, complaint=hotline_complaint, method="callback"
    )
    assert c.acknowledgement == "callback"
    assert events("complaint_acknowledged").count() == 1


# -- attach, open a case, close, reopen ----------------------------------------------------------


@pytest.fixture
def uptd_case(cast, regions):
    return case_services.case_open(
        actor=cast.kupang_uptd_intake,
        title="Anak dijanjikan kerja di Batam",
        region=regions["53.71"],
    )


@pytest.fixture
def police_case(cast, regions):
    return case_services.case_open(
        actor=cast.kupang_police_investigator,
        title="Pengiriman ke Malaysia",
        region=regions["53.71"],
    )


def test_attach_to_a_visible_case(public_complaint, uptd_case, cast):
    c = services.complaint_attach(
        actor=cast.kupang_uptd_intake,
        complaint=public_complaint,
        case=uptd_case,
        public_note="Ditangani.",
    )
    assert c.status == "linked" and c.case == uptd_case and c.public_note == "Ditangani."
    event = events("complaint_linked").get()
    assert event.data == {
        "from": "received",
        "to": "linked",
        "case": uptd_case.pk,
        "reference": uptd_case.reference,
    }


def test_attach_to_an_invisible_case_is_refused(public_complaint, police_case, cast):
    with pytest.raises(PermissionDenied):
        services.complaint_attach(
            actor=cast.kupang_uptd_intake, complaint=public_complaint, case=police_case
        )
    assert unchanged(public_complaint) and not events("complaint_linked").exists()


def test_attach_when_shared(public_complaint, police_case, cast):
    case_services.case_share(
        actor=cast.kupang_police_investigator,
        case=police_case,
        agency=cast.kupang_uptd,
        scope="facts",
        include_identity=False,
        reason="Pendampingan korban anak",
    )
    c = services.complaint_attach(
        actor=cast.kupang_uptd_intake, complaint=public_complaint, case=police_case
    )
    assert c.case == police_case


def test_open_a_case_from_the_complaint(public_complaint, cast, regions):
    case = services.complaint_open_case(
        actor=cast.kupang_uptd_intake,
        complaint=public_complaint,
        title="Anak dijanjikan kerja di Batam",
        region=regions["53.71"],
        version=public_complaint.version,
    )
    assert case.lead_agency == cast.kupang_uptd and unseal(case.narrative) == ""
    public_complaint.refresh_from_db()
    assert public_complaint.case == case and public_complaint.status == "linked"
    assert AuditEvent.objects.filter(event_type="case_opened").count() == 1
    assert events("complaint_linked").count() == 1


def test_open_a_case_with_a_stale_version_opens_nothing(public_complaint, cast, regions):
    with pytest.raises(Conflict):
        services.complaint_open_case(
            actor=cast.kupang_uptd_intake,
            complaint=public_complaint,
            title="Anak dijanjikan kerja di Batam",
            region=regions["53.71"],
            version=public_complaint.version + 7,
        )
    assert not Case.objects.exists() and not events("complaint_linked").exists()


def test_open_a_case_needs_the_handling_agency(public_complaint, cast, regions):
    for who in ("kupang_uptd_caseworker", "kupang_police_investigator"):
        with pytest.raises(PermissionDenied):
            services.complaint_open_case(
                actor=getattr(cast, who),
                complaint=public_complaint,
                title="Anak dijanjikan kerja di Batam",
                region=regions["53.71"],
            )
    assert not Case.objects.exists() and not events("complaint_linked").exists()


def test_close_and_reopen(public_complaint, cast):
    with pytest.raises(ValidationError) as exc:
        services.complaint_close(
            actor=cast.kupang_uptd_intake, complaint=public_complaint, reason="other"
        )
    assert "note" in exc.value.message_dict
    c = services.complaint_close(
        actor=cast.kupang_uptd_intake,
        complaint=public_complaint,
        reason="duplicate",
        public_note="Laporan yang sama sudah ditangani.",
    )
    assert c.status == "closed" and c.close_reason == "duplicate" and c.closed_at
    with pytest.raises(ValidationError):
        triage(cast.kupang_uptd_intake, c)
    with pytest.raises(ValidationError):
        services.complaint_reopen(actor=cast.kupang_uptd_intake, complaint=c, reason=" ")
    c = services.complaint_reopen(
        actor=cast.kupang_uptd_intake, complaint=c, reason="Bukan duplikat"
    )
    assert c.status == "received" and c.close_reason == "" and c.closed_at is None
    assert [e.event_type for e in events().order_by("id")] == [
        "complaint_received",
        "complaint_closed",
        "complaint_reopened",
    ]


def test_reopen_returns_a_triaged_complaint_to_triaged(public_complaint, cast):
    c = triage(cast.kupang_uptd_intake, public_complaint)
    c = services.complaint_close(actor=cast.kupang_uptd_intake, complaint=c, reason="insufficient")
    c = services.complaint_reopen(actor=cast.kupang_uptd_intake, complaint=c, reason="Info baru")
    assert c.status == "triaged"


def test_linked_complaints_stay_linked(public_complaint, uptd_case, cast):
    c = services.complaint_attach(
        actor=cast.kupang_uptd_intake, complaint=public_complaint, case=uptd_case
    )
    for call in (
        lambda: services.complaint_close(actor=cast.kupang_uptd_intake, complaint=c, reason="test"),
        lambda: services.complaint_attach(
            actor=cast.kupang_uptd_intake, complaint=c, case=uptd_case
        ),
        lambda: triage(cast.kupang_uptd_intake, c),
    ):
        with pytest.raises(ValidationError):
            call()


# -- logged reads --------------------------------------------------------------------------------


def test_reporter_reveal_is_logged(hotline_complaint, cast):
    identity = services.reporter_reveal(
        user=cast.kupang_uptd_intake, complaint=hotline_complaint, purpose="case_handling"
    )
    assert identity["name"] == "Yuliana Contoh" and identity["phone"] == "+6281333334444"
    log = AccessLog.objects.get()
    assert log.user == cast.kupang_uptd_intake and log.object_type == "intake.complaint"
    assert log.object_id == str(hotline_complaint.pk)
    assert set(log.fields) == {"reporter_name", "reporter_phone"}


def test_reporter_reveal_needs_a_purpose(hotline_complaint, cast):
    with pytest.raises(ValidationError):
        services.reporter_reveal(
            user=cast.kupang_uptd_intake, complaint=hotline_complaint, purpose="nosy"
        )
    with pytest.raises(ValidationError):
        services.reporter_reveal(
            user=cast.kupang_uptd_intake, complaint=hotline_complaint, purpose="other"
        )
    assert not AccessLog.objects.exists()


def test_confidential_reporter_stays_with_the_receiving_agency(
    hotline_complaint, cast, ntt_agencies
):
    from lentera.apps.accounts.permissions import Role
    from tests.conftest import make_user

    manpower_officer = make_user("ntt_disnaker", ntt_agencies["manpower"], [Role.CASEWORKER])
    c = triage(cast.kupang_uptd_intake, hotline_complaint, routed_agency=ntt_agencies["manpower"])
    assert c.routed_agency == ntt_agencies["manpower"]
    with pytest.raises(PermissionDenied):
        services.reporter_reveal(user=manpower_officer, complaint=c, purpose="case_handling")
    # ... but the routed agency reads the account
    assert "Malaysia" in services.narrative_read(user=manpower_officer, complaint=c)["narrative"]
    assert AccessLog.objects.get().user == manpower_officer


@pytest.mark.parametrize("who", ["kupang_analyst", "batam_social_worker", "kupang_uptd_norole"])
def test_others_read_nothing(hotline_complaint, cast, who):
    user = getattr(cast, who)
    with pytest.raises(PermissionDenied):
        services.reporter_reveal(user=user, complaint=hotline_complaint, purpose="case_handling")
    with pytest.raises(PermissionDenied):
        services.narrative_read(user=user, complaint=hotline_complaint)
    assert not AccessLog.objects.exists()


def test_narrative_read_is_logged(hotline_complaint, cast):
    content = services.narrative_read(user=cast.kupang_uptd_caseworker, complaint=hotline_complaint)
    assert "paspor ditahan" in content["narrative"]
    log = AccessLog.objects.get()
    assert log.fields == ["narrative"] and log.purpose == "case_handling"
