"""Communication records: a call-record file saved whole or not at all, numbers encrypted and
masked, the calls linking the harbourer's phone to the coordinator's in the network; another
agency reads none of it."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from lentera.apps.investigation import services
from lentera.apps.investigation.demo import COORDINATOR_PHONE, HARBOURER_PHONE
from lentera.apps.investigation.models import CallRecord
from lentera.apps.investigation.network import network_view

pytestmark = pytest.mark.django_db
GOOD = "datetime,from_number,to_number\n2023-03-03 10:00,0813-3900-1212,0812-1111-2222\n"


def test_import_is_atomic_and_encrypted(cast, police, ring):
    case = ring.batam_case
    before = CallRecord.objects.count()
    assert before == 2  # the ring's two records
    future = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    bad = GOOD + "kemarin,0813,0812\n" + f"{future},0813-3900-1212,0812-1111-2222\n"
    with pytest.raises(ValidationError) as err:
        services.calls_import(actor=police.batam_investigator, case=case, content=bad.encode())
    problems = err.value.message_dict["file"]
    assert any(re.search(r"(line|baris) 3:", p) for p in problems)
    assert any(re.search(r"(line|baris) 4:", p) for p in problems)
    assert CallRecord.objects.count() == before
    rows = services.calls_import(actor=police.batam_investigator, case=case, content=GOOD.encode())
    stored = CallRecord.objects.get(pk=rows[0].pk)
    assert stored.caller.unseal() == "+6281339001212"
    with connection.cursor() as cursor:
        cursor.execute("SELECT caller FROM investigation_callrecord WHERE id = %s", [rows[0].pk])
        assert "1212" not in cursor.fetchone()[0]
    with pytest.raises(PermissionDenied):
        services.calls_import(
            actor=cast.kupang_police_investigator, case=case, content=GOOD.encode()
        )


def test_calls_link_the_phones_in_the_network(cast, police, ring):
    view = network_view(
        user=police.batam_investigator,
        start=f"case:{ring.batam_case.pk}",
        today=timezone.localdate(),
    )
    calls = [e["data"] for e in view.elements if e["data"].get("kind") == "call"]
    assert calls and {c["count"] for c in calls} == {1}
    text = str(view.elements)
    assert HARBOURER_PHONE[-4:] not in text and COORDINATOR_PHONE[-4:] not in text


def test_pages_and_api(cast, police, ring):
    case = ring.batam_case
    client = Client()
    client.force_login(police.batam_investigator)
    page = client.get(reverse("investigation:case", args=[case.pk])).content.decode()
    assert page.count('data-testid="call-row"') == 2 and "7000-3434" not in page
    api = APIClient()
    api.force_authenticate(police.batam_investigator)
    made = api.post(f"/api/v1/cases/{case.pk}/call-records", {"csv": GOOD}, format="json")
    assert made.status_code == 201 and made.json()["imported"] == 1
    assert len(api.get(f"/api/v1/cases/{case.pk}/call-records").json()) == 3
    outsider = APIClient()
    outsider.force_authenticate(cast.kupang_police_investigator)
    assert outsider.get(f"/api/v1/cases/{case.pk}/call-records").status_code == 404
