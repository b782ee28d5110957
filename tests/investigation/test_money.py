"""Transfers and the bank-statement import: per-row errors and nothing saved, the account
attached to the person by its blind index, account numbers encrypted and shown only to those
who hold the identity, each showing logged; the API from the other side."""

import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from lentera.apps.accounts.models import AccessLog
from lentera.apps.investigation import selectors, services
from lentera.apps.investigation.models import Transfer
from lentera.apps.investigation.services import TransferInput
from lentera.apps.investigation.services.money import parse_amount

pytestmark = pytest.mark.django_db

GOOD = (
    "date,amount,from_bank,from_account,to_bank,to_account,reference\n"
    "2023-02-25,12.000.000,BNI,0291 7765 43,BRI,4410 0101 2345 507,T1\n"
    '26/02/2023,"1,500,000.00",BNI,0291776543,Mandiri,109 000 777 1234,T2\n'
)


def test_amounts():
    assert parse_amount("Rp12.000.000") == 12_000_000
    assert parse_amount("12.000.000,00") == 12_000_000
    assert parse_amount("12,000,000.00") == 12_000_000
    assert parse_amount("12000000") == 12_000_000
    with pytest.raises(ValueError):
        parse_amount("dua belas juta")


def test_import_attaches_people_and_is_atomic(cast, ring):
    inv, case = cast.kupang_police_investigator, ring.kupang_case
    before = Transfer.objects.count()
    bad = GOOD + "2023-02-27,abc,BNI,1,BRI,2,T3\n2099-01-01,5,BNI,1,BRI,2,T4\n"
    with pytest.raises(ValidationError) as err:
        services.statement_import(actor=inv, case=case, content=bad.encode())
    problems = err.value.message_dict["file"]
    assert any(re.search(r"(line|baris) 4:", p) for p in problems)
    assert any(re.search(r"(line|baris) 5:", p) for p in problems)
    assert Transfer.objects.count() == before  # nothing of the good rows either
    result = services.statement_import(actor=inv, case=case, content=GOOD.encode())
    first, second = result.saved
    assert first.from_person == ring.coordinator.person and first.to_person == ring.yb.person
    assert second.amount == 1_500_000 and second.from_digest == first.from_digest
    with connection.cursor() as cursor:
        cursor.execute("SELECT from_account FROM investigation_transfer WHERE id = %s", [first.pk])
        assert "0291" not in cursor.fetchone()[0]  # encrypted at rest


def test_account_numbers_follow_the_identity_rule(cast, police, ring):
    inv, case = cast.kupang_police_investigator, ring.kupang_case
    masked = selectors.case_register(user=inv, case=case)
    assert all("0291" not in row.from_account for row in masked.transfers)
    logged = AccessLog.objects.count()
    shown = selectors.case_register(user=inv, case=case, reveal=True)
    assert shown.transfers[0].from_account == "0291 7765 43"
    assert AccessLog.objects.count() == logged + 1
    # a whole-file grant without identities: the amounts, never the numbers
    from lentera.apps.cases import services as case_services

    case_services.case_share(
        actor=inv,
        case=case,
        agency=police.batam_police,
        scope="full",
        include_identity=False,
        reason="Penyidikan bersama",
    )
    other = selectors.case_register(user=police.batam_investigator, case=case, reveal=True)
    assert [r.t.amount for r in other.transfers] == [12_000_000, 12_000_000]
    assert all("0291" not in r.from_account for r in other.transfers)


def test_validation_and_refusals(cast, police, ring):
    inv, case = cast.kupang_police_investigator, ring.kupang_case
    with pytest.raises(ValidationError):
        services.transfer_record(
            actor=inv, case=case, row=TransferInput(channel="bank", amount=5, on=date(2023, 1, 1))
        )
    with pytest.raises(ValidationError):  # a person who is not of this case
        services.transfer_record(
            actor=inv,
            case=case,
            row=TransferInput(
                channel="cash", amount=5, on=date(2023, 1, 1), to_person=ring.harbourer.person
            ),
        )
    with pytest.raises(PermissionDenied):
        services.statement_import(actor=police.batam_investigator, case=case, content=GOOD.encode())


def test_pages_and_api(cast, police, ring):
    case = ring.kupang_case
    client = Client()
    client.force_login(cast.kupang_police_investigator)
    response = client.post(
        reverse("investigation:statement_import", args=[case.pk]),
        {"file": _upload("2023-02-25,x,BNI,1,BRI,2\n")},
    )
    assert response.status_code == 400 and re.search(r"(line|baris) 2", response.content.decode())
    response = client.post(reverse("investigation:accounts_reveal", args=[case.pk]))
    assert "0291 7765 43" in response.content.decode()
    api = APIClient()
    api.force_authenticate(cast.kupang_police_investigator)
    made = api.post(f"/api/v1/cases/{case.pk}/transfers/import", {"csv": GOOD}, format="json")
    assert made.status_code == 201 and made.json()["total"] == 13_500_000
    listed = api.get(f"/api/v1/cases/{case.pk}/transfers").json()
    assert all("0291" not in row["from_account"] for row in listed)
    outsider = APIClient()
    outsider.force_authenticate(police.batam_investigator)
    assert outsider.get(f"/api/v1/cases/{case.pk}/transfers").status_code == 404
    assert (
        outsider.post(
            f"/api/v1/cases/{case.pk}/transfers/import", {"csv": GOOD}, format="json"
        ).status_code
        == 404
    )


def _upload(rows):
    from django.core.files.uploadedfile import SimpleUploadedFile

    header = "date,amount,from_bank,from_account,to_bank,to_account\n"
    return SimpleUploadedFile("rek.csv", (header + rows).encode(), content_type="text/csv")
