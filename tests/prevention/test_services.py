"""Services of the prevention module: screening and storing, atomic import, triage, complaints
and cases opened from a screening. Refused or invalid calls write nothing."""

import json
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import translation

from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.intake.models import Complaint
from lentera.apps.people.models import Person
from lentera.apps.prevention import services
from lentera.apps.prevention.importing import read_offer_file
from lentera.apps.prevention.models import DepartureScreening, OfferScreening
from lentera.apps.reference.models import Country, DestinationPolicy
from lentera.privacy import unseal

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages in English, so the assertions read like the code."""
    with translation.override("en"):
        yield


SCAM = (
    "LOKER KAMBOJA!! Butuh CS online, gaji 18jt/bln, tanpa pengalaman, tiket & visa ditanggung "
    "bos. Berangkat minggu ini, slot tinggal 3. Minat japri WA 0812-1111-2222"
)
LOCAL = (
    "Dicari kasir untuk toko bangunan UD Sinar Jaya, Jl. Timor Raya No. 12, Oesapa, Kupang. "
    "Syarat: pendidikan minimal SMA, pengalaman 1 tahun. Gaji sesuai UMK, BPJS. Lamaran "
    "diantar langsung ke toko."
)


def raw_column(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


# -- job offers ---------------------------------------------------------------------------------


def test_offer_screen_stores_encrypted_text_and_the_outcome(posko):
    officer = posko.kupang_posko_officer
    screening, result = services.offer_screen(
        actor=officer, text=SCAM, source="facebook", url="https://www.facebook.com/groups/1/posts/2"
    )
    assert result.level == "high"
    assert screening.agency == posko.kupang_disnaker
    # the risk is kept unrounded, so the queue can order and score offers where it nears 1
    assert screening.level == "high" and round(screening.risk, 4) == result.risk
    assert {"risky_destination", "scam_job_role", "costs_covered"} <= set(screening.flags)
    assert screening.model_version and screening.status == "new"
    # the text, the link and the result (which quotes the text) are encrypted at rest
    for column in ("text", "url", "result"):
        stored = raw_column("prevention_offerscreening", column, screening.pk)
        assert stored.startswith("enc1:") and "KAMBOJA" not in stored and "facebook" not in stored
    event = AuditEvent.objects.get(event_type="offer_screened")
    assert event.object_id == str(screening.pk) and event.actor == officer
    assert "KAMBOJA" not in str(event.data) and "0812" not in str(event.data)


def test_lawful_local_job_is_low_and_stored_as_such(posko):
    screening, result = services.offer_screen(actor=posko.kupang_posko_officer, text=LOCAL)
    assert result.level == "low" and screening.level == "low"


def test_offer_screen_refused_without_the_permission(cast, posko):
    events = AuditEvent.objects.count()
    for actor in (posko.kupang_disnaker_norole, cast.kupang_uptd_caseworker, cast.system_admin):
        with pytest.raises(PermissionDenied):
            services.offer_screen(actor=actor, text=SCAM)
    assert not OfferScreening.objects.exists() and AuditEvent.objects.count() == events


def test_offer_screen_rejects_bad_fields(posko):
    cases = [
        ({"text": "   "}, "text"),
        ({"text": SCAM, "source": "friendster"}, "source"),
        ({"text": SCAM, "url": "javascript:alert(1)"}, "url"),
    ]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as exc:
            services.offer_screen(actor=posko.kupang_posko_officer, **kwargs)
        assert field in exc.value.message_dict
    assert not OfferScreening.objects.exists()


LOCAL_SHORT = "Kasir toko roti di Kupang gaji UMK"
CSV_OK = (
    "id,text,source,url\n"
    f'fb-1,"{SCAM}",facebook,https://facebook.com/p/1\n'
    f'fb-2,"{LOCAL}",facebook,\n'
    '3,"Lowongan admin\nmulti baris, Myanmar, gaji 25jt, japri",tiktok,\n'
)


def test_import_csv_stores_every_offer_with_one_event(posko):
    rows = read_offer_file(name="pantauan.csv", content=CSV_OK.encode())
    assert [r.line for r in rows] == [2, 3, 4]
    created = services.offers_import(actor=posko.kupang_posko_officer, rows=rows)
    assert [s.external_id for s in created] == ["fb-1", "fb-2", "3"]
    assert [s.level for s in created][:2] == ["high", "low"]
    assert OfferScreening.objects.count() == 3
    event = AuditEvent.objects.get(event_type="offers_imported")
    assert event.data["count"] == 3 and event.data["levels"]["high"] >= 1


def test_import_with_a_bad_line_stores_nothing_and_names_the_line(posko):
    events = AuditEvent.objects.count()
    bad = CSV_OK + '4,"Kerja di Malaysia, gaji 9jt",myspace,\n' + '5,"",facebook,\n'
    with pytest.raises(ValidationError) as exc:
        read_offer_file(name="pantauan.csv", content=bad.encode())
    messages = exc.value.message_dict["file"]
    assert any("line 6" in m and "'source'" in m and "myspace" in m for m in messages)
    assert any("line 7" in m and "'text'" in m for m in messages)
    assert not OfferScreening.objects.exists() and AuditEvent.objects.count() == events


def test_import_json_lines_names_bad_json_and_unknown_fields(posko):
    good = json.dumps({"id": "w1", "text": SCAM, "source": "whatsapp"}) + "\n"
    rows = read_offer_file(name="chat.jsonl", content=(good * 2).encode())
    assert len(rows) == 2
    bad = good + "{not json}\n" + '{"text": "x", "lang": "id"}\n'
    with pytest.raises(ValidationError) as exc:
        read_offer_file(name="chat.jsonl", content=bad.encode())
    messages = exc.value.message_dict["file"]
    assert any(m.startswith("chat.jsonl, line 2") and "JSON" in m for m in messages)
    assert any("line 3" in m and "'lang'" in m for m in messages)


def test_import_refuses_empty_and_non_utf8_files(posko):
    for name, content in (("a.csv", b"id,text\n"), ("a.csv", "teks\xe9".encode("latin-1"))):
        with pytest.raises(ValidationError):
            read_offer_file(name=name, content=content)
    with pytest.raises(ValidationError) as exc:
        read_offer_file(name="a.csv", content=b"id,body\n1,hello\n")
    assert "'text'" in exc.value.message_dict["file"][0]


BROKEN_CSV = [
    # (content, line at fault, words): each used to lose or shift a row without a word
    (f'text,source\n"{SCAM}",tiktok\n"Kerja di Taiwan,facebook\nLoker,tiktok\n', 3, "never closed"),
    (f"text,source,url\n{LOCAL_SHORT},tiktok,\nLoker,facebook\n", 3, "2 values"),
    (f"text,source\n{LOCAL_SHORT},tiktok\nLoker,facebook,https://x.id\n", 3, "3 values"),
]


@pytest.mark.parametrize(("content", "line", "words"), BROKEN_CSV)
def test_import_refuses_rows_that_would_be_lost_naming_file_and_line(posko, content, line, words):
    with pytest.raises(ValidationError) as exc:
        read_offer_file(name="pantauan.csv", content=content.encode())
    (message,) = exc.value.message_dict["file"]
    assert message.startswith(f"pantauan.csv, line {line}: ") and words in message


def test_import_names_the_line_of_a_byte_that_is_not_utf8(posko):
    content = f"text,source\n{LOCAL_SHORT},tiktok\nLoker caf\xe9,tiktok\n".encode("latin-1")
    with pytest.raises(ValidationError) as exc:
        read_offer_file(name="pantauan.csv", content=content)
    (message,) = exc.value.message_dict["file"]
    assert message.startswith("pantauan.csv, line 3: ") and "UTF-8" in message


def test_import_allows_blank_lines(posko):
    content = f"\ntext,source\n\n{LOCAL_SHORT},tiktok\n  \n,\nLoker,facebook\n\n"
    rows = read_offer_file(name="pantauan.csv", content=content.encode())
    assert [(r.line, r.source) for r in rows] == [(4, "tiktok"), (7, "facebook")]


def test_import_is_atomic_when_storing_fails(posko, monkeypatch):
    rows = read_offer_file(name="pantauan.csv", content=CSV_OK.encode())

    def broken(**kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr(services.offers, "record_event", broken)
    with pytest.raises(RuntimeError):
        services.offers_import(actor=posko.kupang_posko_officer, rows=rows)
    assert not OfferScreening.objects.exists()


def test_triage_and_its_event(posko):
    screening, _ = services.offer_screen(actor=posko.kupang_posko_officer, text=SCAM)
    services.offer_triage(
        actor=posko.kupang_posko_officer, screening=screening, status="watch", note="akun baru"
    )
    screening.refresh_from_db()
    assert screening.status == "watch" and screening.triaged_by == posko.kupang_posko_officer
    assert screening.note == "akun baru" and screening.triaged_at is not None
    event = AuditEvent.objects.filter(event_type="offer_triaged").get()
    assert event.data == {"from": "new", "to": "watch"}
    with pytest.raises(ValidationError):
        services.offer_triage(actor=posko.kupang_posko_officer, screening=screening, status="x")


def test_triage_refused_to_other_agencies(cast, posko):
    screening, _ = services.offer_screen(actor=posko.kupang_posko_officer, text=SCAM)
    for actor in (posko.batam_posko_officer, cast.kupang_analyst, posko.kupang_disnaker_norole):
        with pytest.raises(PermissionDenied):
            services.offer_triage(actor=actor, screening=screening, status="dismissed")
    screening.refresh_from_db()
    assert screening.status == "new"
    assert not AuditEvent.objects.filter(event_type="offer_triaged").exists()


def test_open_complaint_from_an_offer(posko):
    screening, _ = services.offer_screen(
        actor=posko.kupang_posko_officer, text=SCAM, source="facebook", url="https://fb.com/1"
    )
    updated = services.offer_open_complaint(
        actor=posko.kupang_posko_officer, screening=screening, note="grup loker Kupang"
    )
    assert updated.status == "complaint"
    complaint = Complaint.objects.get()
    assert updated.complaint == complaint
    assert complaint.channel == "media" and complaint.receiving_agency == posko.kupang_disnaker
    assert complaint.migrant_worker is True
    narrative = unseal(complaint.narrative)
    assert "KAMBOJA" in narrative and "https://fb.com/1" in narrative
    assert "grup loker Kupang" in narrative
    with pytest.raises(ValidationError):
        services.offer_open_complaint(actor=posko.kupang_posko_officer, screening=updated)
    with pytest.raises(ValidationError):  # the status stays once a complaint is open
        services.offer_triage(actor=posko.kupang_posko_officer, screening=updated, status="new")
    assert Complaint.objects.count() == 1


def test_open_complaint_needs_the_complaint_permission(cast, posko):
    """An analyst monitors offers but does not register complaints."""
    screening, _ = services.offer_screen(actor=cast.kupang_analyst, text=SCAM)
    with pytest.raises(PermissionDenied):
        services.offer_open_complaint(actor=cast.kupang_analyst, screening=screening)
    assert not Complaint.objects.exists()
    screening.refresh_from_db()
    assert screening.status == "new"


def test_offer_reveal_is_logged_and_limited_to_the_agency(cast, posko):
    screening, _ = services.offer_screen(actor=posko.kupang_posko_officer, text=SCAM)
    revealed = services.offer_reveal(user=posko.kupang_posko_officer, screening=screening)
    assert revealed["text"] == SCAM and revealed["result"]["level"] == "high"
    log = AccessLog.objects.get()
    assert log.user == posko.kupang_posko_officer and log.object_id == str(screening.pk)
    with pytest.raises(PermissionDenied):
        services.offer_reveal(user=cast.kupang_analyst, screening=screening)
    assert AccessLog.objects.count() == 1


# -- departures ---------------------------------------------------------------------------------

CHILD_FOR_WORK = {
    "departure_date": "2026-03-02",
    "age": 16,
    "sex": "female",
    "destination_country": "MY",
    "stated_purpose": "family_visit",
    "job_offered": True,
    "job_sector": "domestic_work",
    "recruited_by": "individual_agent",
    "accompanied_by_handler": True,
}


def test_departure_of_a_child_for_work_is_high_with_child_protection_first(posko):
    screening, result = services.departure_screen(
        actor=posko.kupang_posko_officer,
        interview=CHILD_FOR_WORK,
        post="Tenau",
        traveller_name="Maria Contoh Tlonaen",
        traveller_nik="5371014507100002",
        traveller_phone="0813 3900 1122",
    )
    assert result.level == "high" and screening.level == "high"
    assert screening.actions[0] == "refer_child_protection"
    assert "child_work" in [i["code"] for i in screening.result["indicators"]]
    assert screening.post == "Tenau" and screening.officer == posko.kupang_posko_officer
    assert screening.agency == posko.kupang_disnaker
    assert screening.age == 16 and screening.departure_date == date(2026, 3, 2)
    assert screening.job_sector == "domestic_work" and screening.accompanied_by_handler is True
    assert screening.rules_version
    for column in ("traveller_name", "traveller_nik", "traveller_phone"):
        stored = raw_column("prevention_departurescreening", column, screening.pk)
        assert stored.startswith("enc1:")
    assert unseal(screening.traveller_phone) == "+6281339001122"
    event = AuditEvent.objects.get(event_type="departure_screened")
    assert event.data["level"] == "high" and event.data["post"] == "Tenau"
    assert "Maria" not in str(event.data) and "5371" not in str(event.data)


def test_departure_invalid_input_names_the_field_and_stores_nothing(posko):
    events = AuditEvent.objects.count()
    cases = [
        ({**CHILD_FOR_WORK, "visa_type": "b1"}, "visa_type"),
        ({**CHILD_FOR_WORK, "age": "enam belas"}, "age"),
        ({**CHILD_FOR_WORK, "hobby": "x"}, "hobby"),
        ({**CHILD_FOR_WORK, "destination_country": "Malaysia"}, "destination_country"),
    ]
    for interview, field in cases:
        with pytest.raises(ValidationError) as exc:
            services.departure_screen(
                actor=posko.kupang_posko_officer, interview=interview, post="El Tari"
            )
        assert field in exc.value.message_dict, field
    with pytest.raises(ValidationError) as exc:
        services.departure_screen(actor=posko.kupang_posko_officer, interview={}, post=" ")
    assert "departure_post" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.departure_screen(
            actor=posko.kupang_posko_officer,
            interview=CHILD_FOR_WORK,
            post="El Tari",
            traveller_nik="1234",
        )
    assert "traveller_nik" in exc.value.message_dict
    assert not DepartureScreening.objects.exists() and AuditEvent.objects.count() == events


def test_departure_refused_without_the_permission(cast, posko):
    for actor in (posko.kupang_disnaker_norole, cast.kupang_police_investigator):
        with pytest.raises(PermissionDenied):
            services.departure_screen(actor=actor, interview=CHILD_FOR_WORK, post="El Tari")
    assert not DepartureScreening.objects.exists()


LAWFUL_WORKER = {
    "age": 27,
    "destination_country": "MY",
    "stated_purpose": "work",
    "job_offered": True,
    "job_sector": "plantation",
    "employer_known": True,
    "contract_seen": True,
    "visa_type": "work",
    "placement_registered": True,
    "recruited_by": "licensed_agency",
    "holds_own_documents": True,
}


def test_administrators_destination_policy_takes_effect(posko, regions):
    officer = posko.kupang_posko_officer
    # no rows yet: the shipped defaults (Malaysia open through lawful channels)
    _, before = services.departure_screen(actor=officer, interview=LAWFUL_WORKER, post="El Tari")
    assert before.level == "low"
    # an administrator closes Malaysia for plantation work
    DestinationPolicy.objects.create(
        country=Country.objects.get(code="MY"),
        sector="plantation",
        status="closed",
        legal_basis="Keputusan uji",
        valid_from=date(2020, 1, 1),
    )
    _, after = services.departure_screen(actor=officer, interview=LAWFUL_WORKER, post="El Tari")
    assert after.level == "high"
    assert "destination_closed" in [i.code for i in after.indicators]


def test_ended_policy_rows_no_longer_apply(posko, regions):
    DestinationPolicy.objects.create(
        country=Country.objects.get(code="MY"),
        sector="*",
        status="closed",
        legal_basis="Penutupan sementara",
        valid_from=date(2020, 1, 1),
        valid_to=date(2021, 1, 1),
    )
    _, result = services.departure_screen(
        actor=posko.kupang_posko_officer,
        interview={**LAWFUL_WORKER, "departure_date": "2026-02-01"},
        post="El Tari",
    )
    assert "destination_closed" not in [i.code for i in result.indicators]


def test_open_case_from_a_departure_in_one_step(cast, posko):
    officer = posko.kupang_police_posko
    screening, _ = services.departure_screen(
        actor=officer, interview=CHILD_FOR_WORK, post="El Tari", traveller_name="Maria Contoh"
    )
    assert services.can_open_case(officer, screening)
    case = services.departure_open_case(actor=officer, screening=screening, nik="5371014507100002")
    assert case.lead_agency == cast.kupang_police and case.has_child_victim
    assert "Maria" not in case.title and "El Tari" in case.title
    party = CaseParty.objects.get(case=case)
    assert party.role == "victim" and party.age_at_offence == 16
    assert unseal(party.person.full_name) == "Maria Contoh"
    assert party.person.owner_agency == cast.kupang_police
    screening.refresh_from_db()
    assert screening.case == case and screening.person == party.person
    assert unseal(screening.traveller_nik) == "5371014507100002"
    types = list(
        AuditEvent.objects.filter(occurred_at__gte=screening.screened_at)
        .order_by("id")
        .values_list("event_type", flat=True)
    )
    assert types == [
        "departure_screened",
        "case_opened",
        "person_created",
        "case_party_added",
        "departure_referred",
    ]
    with pytest.raises(PermissionDenied):  # once only
        services.departure_open_case(actor=officer, screening=screening)


def test_open_case_needs_a_name_and_writes_nothing_without_one(posko):
    officer = posko.kupang_police_posko
    screening, _ = services.departure_screen(
        actor=officer, interview=CHILD_FOR_WORK, post="El Tari"
    )
    with pytest.raises(ValidationError) as exc:
        services.departure_open_case(actor=officer, screening=screening)
    assert "full_name" in exc.value.message_dict
    assert not Case.objects.exists() and not Person.objects.exists()


def test_posko_officer_without_case_roles_cannot_open_a_case(posko):
    officer = posko.kupang_posko_officer
    screening, _ = services.departure_screen(
        actor=officer, interview=CHILD_FOR_WORK, post="El Tari", traveller_name="Maria Contoh"
    )
    assert not services.can_open_case(officer, screening)
    with pytest.raises(PermissionDenied):
        services.departure_open_case(actor=officer, screening=screening)
    assert not Case.objects.exists() and not Person.objects.exists()
    assert services.can_open_complaint(officer, screening)


def test_open_complaint_from_a_departure(posko):
    officer = posko.kupang_posko_officer
    screening, _ = services.departure_screen(
        actor=officer, interview=CHILD_FOR_WORK, post="Tenau", traveller_name="Maria Contoh"
    )
    complaint = services.departure_open_complaint(
        actor=officer, screening=screening, note="dijemput sponsor"
    )
    assert complaint.channel == "posko" and complaint.any_child
    assert complaint.involves_child == "yes" and complaint.migrant_worker
    narrative = unseal(complaint.narrative)
    assert "Tenau" in narrative and "dijemput sponsor" in narrative
    assert "Maria" not in narrative  # the identity stays with the screening
    screening.refresh_from_db()
    assert screening.complaint == complaint
    assert not services.can_open_complaint(officer, screening)
    with pytest.raises(PermissionDenied):
        services.departure_open_complaint(actor=officer, screening=screening)
    assert Complaint.objects.count() == 1


def test_identity_reveal_is_logged_and_limited_to_the_agency(cast, posko):
    screening, _ = services.departure_screen(
        actor=posko.kupang_posko_officer,
        interview=CHILD_FOR_WORK,
        post="El Tari",
        traveller_name="Maria Contoh",
    )
    identity = services.departure_identity_reveal(
        user=posko.kupang_posko_officer, screening=screening, purpose="case_handling"
    )
    assert identity["traveller_name"] == "Maria Contoh"
    log = AccessLog.objects.get()
    assert log.fields == ["traveller_name"] and log.purpose == "case_handling"
    for user in (cast.kupang_analyst, posko.batam_posko_officer, posko.ntt_secretariat):
        with pytest.raises(PermissionDenied):
            services.departure_identity_reveal(
                user=user, screening=screening, purpose="case_handling"
            )
    with pytest.raises(ValidationError):
        services.departure_identity_reveal(
            user=posko.kupang_posko_officer, screening=screening, purpose="other"
        )
    assert AccessLog.objects.count() == 1
