"""The P3MI register (issue #15, item 2): import with per-row errors (all or nothing), edit with
the version seen, the recruiter named on screenings, and a licence that is not valid turning the
agency's pending departures red."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.accounts.permissions import Role
from lentera.apps.prevention import selectors, services
from lentera.apps.prevention.importing import read_placement_agency_file
from lentera.apps.prevention.models import PlacementAgency
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LINE = "baris"  # the messages are in the default language, Indonesian

HEADER = "licence_number,name,valid_from,valid_to,status,head_office,branches,note\n"
GOOD = (
    HEADER
    + "KEP.101/2021,PT Bintang Kerja Nusantara,2021-03-01,2026-02-28,aktif,Jakarta,Kupang;Atambua,\n"
    + 'KEP.102/2020,"PT Sumber Rejeki, Tbk",2020-01-15,2025-01-14,active,Surabaya,,\n'
    + "KEP.103/2019,PT Contoh Dicabut,2019-05-01,2024-04-30,dicabut,Medan,Kupang,izin dicabut 2023\n"
)


@pytest.fixture
def manpower(posko):
    return UserFactory(
        username="kupang_manpower", agency=posko.kupang_disnaker, roles=[Role.MANPOWER_OFFICER]
    )


def _import(actor, text: str, name: str = "p3mi.csv"):
    records = read_placement_agency_file(name=name, content=text.encode())
    return services.placement_agencies_import(actor=actor, records=records, filename=name)


def test_import_adds_then_updates(manpower):
    result = _import(manpower, GOOD)
    assert (result.created, result.updated) == (3, 0)
    first = PlacementAgency.objects.get(licence_number="KEP.101/2021")
    assert first.branches == ["Kupang", "Atambua"] and first.status == "active"
    assert PlacementAgency.objects.get(licence_number="KEP.103/2019").status == "revoked"
    again = _import(manpower, GOOD.replace("aktif", "dibekukan"))
    assert (again.created, again.updated) == (0, 1)
    first.refresh_from_db()
    assert first.status == "suspended" and first.version == 2
    assert AuditEvent.objects.filter(event_type="placement_agencies_imported").count() == 2


def test_import_lists_every_bad_row_and_writes_nothing(manpower):
    bad = (
        HEADER
        + "KEP.1,PT Satu,2021-01-01,2020-01-01,active,,,\n"  # ends before it starts
        + "KEP.2,PT Dua,2021-13-01,,active,,,\n"  # no such month
        + ",PT Tiga,,,active,,,\n"  # no licence number
        + "KEP.4,PT Empat,,,closed,,,\n"  # unknown status
        + "KEP.5,PT Lima,,,active,,,\n"  # fine
        + "KEP.5,PT Lima lagi,,,active,,,\n"  # the same licence twice
    )
    with pytest.raises(ValidationError) as exc:
        _import(manpower, bad)
    text = " ".join(exc.value.messages)
    for line in ("2", "3", "4", "5"):
        assert f"p3mi.csv, {LINE} {line}" in text
    assert "valid_to" in text and "valid_from" in text and "status" in text
    # the duplicate is caught by the service, once the file reads
    records = read_placement_agency_file(
        name="dup.csv",
        content=(HEADER + bad.splitlines()[5] + "\n" + bad.splitlines()[6] + "\n").encode(),
    )
    with pytest.raises(ValidationError) as dup:
        services.placement_agencies_import(actor=manpower, records=records)
    (message,) = dup.value.messages
    assert message.index("3") < message.index("2")  # line 3 repeats line 2
    assert not PlacementAgency.objects.exists()
    assert not AuditEvent.objects.filter(event_type="placement_agencies_imported").exists()


def test_broken_csv_names_its_line(manpower):
    with pytest.raises(ValidationError) as exc:
        read_placement_agency_file(name="x.csv", content=(HEADER + 'KEP.1,"PT Satu\n').encode())
    assert f"x.csv, {LINE} 2" in exc.value.messages[0]
    with pytest.raises(ValidationError):
        read_placement_agency_file(name="x.csv", content=b"nomor,nama\n1,PT\n")


def test_only_registers_keepers_import_or_edit(posko, manpower):
    records = read_placement_agency_file(name="p.csv", content=GOOD.encode())
    with pytest.raises(PermissionDenied):
        services.placement_agencies_import(actor=posko.kupang_posko_officer, records=records)
    assert not PlacementAgency.objects.exists()
    with pytest.raises(PermissionDenied):
        services.placement_agency_save(
            actor=posko.ntt_secretariat,
            record=services.AgencyRecord(licence_number="K", name="PT"),
        )


def test_edit_with_a_stale_version_is_a_conflict(manpower):
    agency = services.placement_agency_save(
        actor=manpower, record=services.AgencyRecord(licence_number="KEP.9", name="PT Sembilan")
    )
    services.placement_agency_save(
        actor=manpower,
        record=services.AgencyRecord(licence_number="KEP.9", name="PT Sembilan", status="revoked"),
        agency=agency,
        version=1,
    )
    with pytest.raises(Conflict):
        services.placement_agency_save(
            actor=manpower,
            record=services.AgencyRecord(licence_number="KEP.9", name="PT 9"),
            agency=agency,
            version=1,
        )
    agency.refresh_from_db()
    assert agency.status == "revoked" and agency.name == "PT Sembilan"


def _departure(officer, **interview):
    screening, _result = services.departure_screen(
        actor=officer,
        interview={"age": 23, "destination_country": "MY", "stated_purpose": "work", **interview},
        post="El Tari",
    )
    return screening


def test_revoked_licence_turns_pending_departures_red(posko, manpower):
    officer = posko.kupang_posko_officer
    agency = services.placement_agency_save(
        actor=manpower,
        record=services.AgencyRecord(
            licence_number="KEP.7", name="PT Tujuh", valid_to=date.today() + timedelta(days=300)
        ),
    )
    pending = _departure(officer, departure_date=(date.today() + timedelta(days=2)).isoformat())
    left = _departure(officer, departure_date=(date.today() - timedelta(days=20)).isoformat())
    for screening in (pending, left):
        services.recruiter_name(actor=officer, screening=screening, placement_agency=agency)
    pending.refresh_from_db()
    assert not selectors.unlicensed_pending(pending)
    services.placement_agency_save(
        actor=manpower,
        record=services.AgencyRecord(licence_number="KEP.7", name="PT Tujuh", status="revoked"),
        agency=agency,
        version=agency.version,
    )
    pending.refresh_from_db()
    left.refresh_from_db()
    assert selectors.unlicensed_pending(pending)
    assert not selectors.unlicensed_pending(left)
    record = selectors.agency_record(user=officer, agency=pending.placement_agency)
    assert record["pending"] == [pending] and record["departures"] == 2
    # another agency's officer sees the register but none of Kupang's screenings
    other = selectors.agency_record(user=posko.batam_posko_officer, agency=agency)
    assert other["departures"] == 0 and other["pending"] == []


def test_recruiter_named_only_by_the_screening_agency_and_its_name_logged(client, posko):
    officer = posko.kupang_posko_officer
    screening = _departure(officer)
    with pytest.raises(PermissionDenied):
        services.recruiter_name(
            actor=posko.batam_posko_officer,
            screening=screening,
            placement_agency=None,
            unlicensed_recruiter="Pak Calo",
        )
    services.recruiter_name(
        actor=officer, screening=screening, placement_agency=None, unlicensed_recruiter="Om Calo"
    )
    client.force_login(officer)
    url = reverse("prevention:departure", kwargs={"departure_id": screening.pk})
    assert "Om Calo" in client.get(url).content.decode()
    assert ["unlicensed_recruiter"] in [
        log.fields for log in AccessLog.objects.filter(user=officer)
    ]
    client.force_login(posko.ntt_secretariat)
    assert "Om Calo" not in client.get(url).content.decode()


def test_import_page_and_export_round_trip(client, manpower, posko):
    client.force_login(manpower)
    upload = SimpleUploadedFile("p3mi.csv", GOOD.encode(), content_type="text/csv")
    response = client.post(reverse("prevention:agency_import"), {"file": upload})
    assert response.status_code == 302
    exported = client.get(reverse("prevention:agency_export")).content.decode()
    assert exported.startswith(HEADER.strip())
    PlacementAgency.objects.all().delete()
    again = SimpleUploadedFile("export.csv", exported.encode(), content_type="text/csv")
    assert client.post(reverse("prevention:agency_import"), {"file": again}).status_code == 302
    assert PlacementAgency.objects.count() == 3
    bad = SimpleUploadedFile("bad.csv", (HEADER + ",,,,,,,x\n").encode(), content_type="text/csv")
    response = client.post(reverse("prevention:agency_import"), {"file": bad})
    assert response.status_code == 400 and f"bad.csv, {LINE} 2" in response.content.decode()


def test_api_lists_the_register(posko, manpower):
    _import(manpower, GOOD)
    api = APIClient()
    api.force_authenticate(posko.batam_posko_officer)
    body = api.get("/api/v1/prevention/placement-agencies?status=revoked").json()
    assert [a["licence_number"] for a in body["results"]] == ["KEP.103/2019"]


def test_prospective_worker_checks_policy_age_documents_and_licence(client, posko, manpower):
    from lentera.apps.reference.models import Country, DestinationPolicy

    DestinationPolicy.objects.create(
        country=Country.objects.get(code="MY"),
        sector="domestic_work",
        status="domestic_worker_ban",
        legal_basis="Kepmenaker 260/2015 (contoh)",
        valid_from=date(2015, 1, 1),
    )
    agency = services.placement_agency_save(
        actor=manpower, record=services.AgencyRecord(licence_number="KEP.8", name="PT Delapan")
    )
    every = ["passport", "contract", "medical", "training", "consent", "insurance"]
    fine = services.worker_register(
        actor=manpower,
        full_name="Dina Contoh",
        nik="5371014502000001",
        birth_date=date(2000, 2, 5),
        destination_country="MY",
        sector="plantation",
        placement_agency=agency,
        documents=every,
    )
    assert fine.allowed and fine.flags == []
    flagged = services.worker_register(
        actor=manpower,
        full_name="Ani Contoh",
        birth_date=date.today() - timedelta(days=17 * 365),
        destination_country="MY",
        sector="domestic_work",
        documents=["passport"],
    )
    assert not flagged.allowed
    assert set(flagged.flags) == {
        "underage",
        "destination_closed",
        "no_agency",
        "missing_documents",
    }
    # the agency's licence is revoked: the next check flags the placement
    services.placement_agency_save(
        actor=manpower,
        record=services.AgencyRecord(licence_number="KEP.8", name="PT Delapan", status="revoked"),
        agency=agency,
        version=agency.version,
    )
    services.worker_recheck(actor=manpower, worker=fine)
    assert fine.flags == ["agency_not_licensed"] and not fine.allowed
    # names only to the registrars of the office; others: not found or no name
    with pytest.raises(PermissionDenied):
        services.worker_register(
            actor=posko.kupang_posko_officer,
            full_name="X",
            birth_date=date(2000, 1, 1),
            destination_country="MY",
            sector="plantation",
        )
    client.force_login(manpower)
    url = reverse("prevention:worker", kwargs={"worker_id": fine.pk})
    assert "Dina Contoh" in client.get(url).content.decode()
    client.force_login(posko.ntt_secretariat)
    page = client.get(url)
    assert page.status_code == 200 and "Dina Contoh" not in page.content.decode()
    client.force_login(posko.batam_posko_officer)
    assert client.get(url).status_code in (403, 404)
