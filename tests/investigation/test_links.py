"""Cross-case alerts: a new complaint, a departure screening or a case that shares an
identifier, an account or a transfer counterpart with another agency's case alerts both
holders, once, saying only that a link exists and who holds the other record."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from lentera.apps.intake import services as intake_services
from lentera.apps.intake.services import FactsInput, ReporterInput
from lentera.apps.investigation import services
from lentera.apps.investigation.demo import COORDINATOR_PHONE
from lentera.apps.investigation.models import InvestigationAlert
from lentera.apps.prevention import services as prevention_services

pytestmark = pytest.mark.django_db


def test_complaint_and_screening_sharing_a_phone_alert_both_holders(cast, regions, police, ring):
    complaint = intake_services.complaint_register(
        actor=cast.kupang_uptd_intake,
        channel="hotline_129",
        facts=FactsInput(narrative="Kakak saya dijanjikan kerja.", region=regions["53.71.01"]),
        reporter=ReporterInput(name="Pelapor Contoh", phone=COORDINATOR_PHONE, relation="family"),
    )
    departure, _outcome = prevention_services.departure_screen(
        actor=_posko(cast),
        interview={"age": 19, "destination_country": "MY", "stated_purpose": "tourism"},
        post="El Tari",
        traveller_name="Penumpang Contoh",
        traveller_phone=COORDINATOR_PHONE,
    )
    since = timezone.now() - timedelta(minutes=5)
    made = services.links_sweep(since=since)
    assert made > 0
    assert services.links_sweep(since=since) == 0  # written once
    uptd = InvestigationAlert.objects.filter(agency=cast.kupang_uptd)
    assert {a.holder_id for a in uptd} >= {cast.kupang_police.pk, police.batam_police.pk}
    assert {a.own_record for a in uptd} >= {complaint.tracking_code}
    barelang = InvestigationAlert.objects.filter(
        agency=police.batam_police, holder=cast.kupang_uptd
    )
    assert barelang.exists() and all(a.own_record == ring.batam_case.reference for a in barelang)
    assert departure.pk


def _posko(cast):
    from lentera.apps.accounts.permissions import Role
    from tests.conftest import make_user

    return make_user("posko_contoh", cast.kupang_uptd, [Role.POSKO_OFFICER])


def test_alerts_say_only_who_holds_the_link(cast, police, ring):
    client = Client()
    client.force_login(police.batam_investigator)
    body = client.get(reverse("investigation:alerts")).content.decode()
    assert ring.batam_case.reference in body and "Polresta Kupang Kota" in body
    for secret in (ring.kupang_case.reference, "Yohanis", "Markus", "0291", "BNI"):
        assert secret not in body
    alert = InvestigationAlert.objects.filter(agency=police.batam_police).first()
    other = Client()
    other.force_login(police.pontianak_investigator)
    assert other.post(reverse("investigation:alert_read", args=[alert.pk])).status_code == 404
    assert client.post(reverse("investigation:alert_read", args=[alert.pk])).status_code == 302
    alert.refresh_from_db()
    assert alert.read_at is not None
    api = APIClient()
    api.force_authenticate(police.batam_investigator)
    rows = api.get("/api/v1/investigation/alerts").json()
    assert rows and all(r["held_by"] for r in rows if r["kind"] == "link")
    assert ring.kupang_case.reference not in str(rows)
