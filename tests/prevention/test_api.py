"""Screening endpoints: the authorization matrix of each (anonymous, other agency, same agency
without the permission, with it), contract objects in and out, and what is stored when."""

import pytest
from rest_framework.test import APIClient

from lentera.apps.accounts.models import AuditEvent
from lentera.apps.prevention import services
from lentera.apps.prevention.models import DepartureScreening, OfferScreening

pytestmark = pytest.mark.django_db

OFFER = {
    "id": "tt-77",
    "text": "Dibutuhkan operator game online di Myawaddy, gaji 25jt, tiket ditanggung, japri",
    "source": "tiktok",
}
INTERVIEW = {
    "id": "eltari-1",
    "departure_post": "El Tari",
    "age": 16,
    "sex": "female",
    "destination_country": "MY",
    "stated_purpose": "work",
    "job_offered": True,
}


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user, token="personal-token")
    return client


def counts():
    return (
        OfferScreening.objects.count(),
        DepartureScreening.objects.count(),
        AuditEvent.objects.count(),
    )


def test_screen_offer_matrix_and_no_storing_by_default(cast, posko):
    url = "/api/v1/screen/offer"
    before = counts()
    assert api().post(url, OFFER, format="json").status_code == 401
    for user in (posko.kupang_disnaker_norole, cast.kupang_uptd_caseworker):
        assert api(user).post(url, OFFER, format="json").status_code == 403
    response = api(posko.kupang_posko_officer).post(url, OFFER, format="json")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"id", "risk", "level", "flags", "advice"}
    assert body["id"] == "tt-77" and body["level"] == "high"
    assert {"code": "risky_destination", "evidence": "Myawaddy"} in body["flags"]
    assert counts() == before  # nothing stored without ?store=1


def test_screen_offer_store(posko):
    url = "/api/v1/screen/offer?store=1"
    response = api(posko.kupang_posko_officer).post(
        url, {**OFFER, "url": "https://tiktok.com/@a/1", "found_at": "2026-03-01"}, format="json"
    )
    assert response.status_code == 201
    body = response.json()
    screening = OfferScreening.objects.get(pk=body["screening_id"])
    assert screening.external_id == "tt-77" and screening.source == "tiktok"
    assert screening.found_at.date().isoformat() == "2026-03-01"
    assert body["id"] == "tt-77" and body["level"] == screening.level
    # batam's officer stores into their own agency's queue
    other = api(posko.batam_posko_officer).post(url, OFFER, format="json").json()
    assert OfferScreening.objects.get(pk=other["screening_id"]).agency == posko.batam_imigrasi


def test_screen_offer_invalid_input_names_the_field(posko):
    client = api(posko.kupang_posko_officer)
    cases = [
        ({**OFFER, "source": "friendster"}, "source"),
        ({**OFFER, "colour": "red"}, "colour"),
        ({**OFFER, "url": "https://x"}, "url"),  # only with ?store=1
        ({"id": "1"}, "text"),
        ({**OFFER, "text": "  "}, "text"),
        ({**OFFER, "lang": "fr"}, "lang"),
    ]
    for payload, field in cases:
        response = client.post("/api/v1/screen/offer", payload, format="json")
        assert response.status_code == 400, payload
        assert field in response.json(), (field, response.json())
    response = client.post(
        "/api/v1/screen/offer?store=1", {**OFFER, "url": "ftp://x"}, format="json"
    )
    assert response.status_code == 400 and "url" in response.json()
    assert not OfferScreening.objects.exists()


def test_public_screen_offer_needs_no_account_and_never_stores(cast):
    before = counts()
    response = api().post("/api/v1/public/screen/offer", OFFER, format="json")
    assert response.status_code == 200 and response.json()["level"] == "high"
    english = api().post("/api/v1/public/screen/offer?lang=en", OFFER, format="json").json()
    assert english["advice"][0] != response.json()["advice"][0]
    bad = api().post("/api/v1/public/screen/offer", {**OFFER, "store": True}, format="json")
    assert bad.status_code == 400 and "store" in bad.json()
    assert counts() == before


def test_public_screen_offer_is_throttled(settings):
    settings.LENTERA_RATE_LIMITS = {"jobcheck": (2, 600)}
    client = api()
    statuses = [
        client.post("/api/v1/public/screen/offer", OFFER, format="json").status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_screen_departure_matrix_stores_and_returns_the_contract(cast, posko):
    url = "/api/v1/screen/departure"
    before = counts()
    assert api().post(url, INTERVIEW, format="json").status_code == 401
    for user in (
        posko.kupang_disnaker_norole,
        cast.kupang_police_investigator,
        cast.kupang_analyst,
    ):
        assert api(user).post(url, INTERVIEW, format="json").status_code == 403
    assert counts() == before
    response = api(posko.kupang_posko_officer).post(
        url, {**INTERVIEW, "traveller_name": "Maria Contoh"}, format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "risk", "level", "indicators", "actions", "screening_id"}
    assert body["id"] == "eltari-1" and body["level"] == "high"
    assert body["actions"][0] == "refer_child_protection"
    screening = DepartureScreening.objects.get(pk=body["screening_id"])
    assert screening.post == "El Tari" and screening.officer == posko.kupang_posko_officer


def test_screen_departure_invalid_input_names_the_field(posko):
    client = api(posko.kupang_posko_officer)
    cases = [
        ({**INTERVIEW, "visa_type": "b1"}, "visa_type"),
        ({**INTERVIEW, "age": 16.5}, "age"),
        ({**INTERVIEW, "job_offered": "yes"}, "job_offered"),
        ({k: v for k, v in INTERVIEW.items() if k != "departure_post"}, "departure_post"),
        ({**INTERVIEW, "traveller_phone": "12"}, "traveller_phone"),
    ]
    for payload, field in cases:
        response = client.post("/api/v1/screen/departure", payload, format="json")
        assert response.status_code == 400, payload
        assert field in response.json(), (field, response.json())
    assert not DepartureScreening.objects.exists()


@pytest.fixture
def stored(posko):
    offer, _ = services.offer_screen(actor=posko.kupang_posko_officer, text=OFFER["text"])
    departure, _ = services.departure_screen(
        actor=posko.kupang_posko_officer, interview=INTERVIEW, traveller_name="Maria Contoh"
    )
    return offer, departure


def test_screening_lists_matrix(cast, posko, stored):
    offer, departure = stored
    for url, pk in (
        ("/api/v1/screenings/offers", offer.pk),
        ("/api/v1/screenings/departures", departure.pk),
    ):
        assert api().get(url).status_code == 401
        assert api(posko.kupang_disnaker_norole).get(url).status_code == 403
        assert api(cast.kupang_uptd_caseworker).get(url).status_code == 403
        assert api(posko.batam_posko_officer).get(url).json()["results"] == []
        for reader in (posko.kupang_posko_officer, cast.kupang_analyst, posko.ntt_secretariat):
            response = api(reader).get(url)
            assert response.status_code == 200, reader
            assert [row["id"] for row in response.json()["results"]] == [pk]


def test_screening_lists_carry_no_identity(cast, posko, stored):
    offers_body = api(posko.kupang_posko_officer).get("/api/v1/screenings/offers").json()
    row = offers_body["results"][0]
    assert "text" not in row and "url" not in row and "Myawaddy" not in str(offers_body)
    assert row["level"] == "high" and "risky_destination" in row["flags"]
    departures_body = api(cast.kupang_analyst).get("/api/v1/screenings/departures").json()
    row = departures_body["results"][0]
    assert "Maria" not in str(departures_body)
    assert row["interview"]["age"] == 16 and row["indicators"] == ["child_work"]
    filtered = api(cast.kupang_analyst).get("/api/v1/screenings/departures?level=low").json()
    assert filtered["results"] == []
    bad = api(cast.kupang_analyst).get("/api/v1/screenings/departures?date_from=kemarin")
    assert bad.status_code == 400 and "date_from" in bad.json()


def test_schema_lists_the_screening_endpoints(posko):
    schema = api(posko.kupang_posko_officer).get("/api/v1/schema?format=json").json()
    for path in (
        "/api/v1/screen/offer",
        "/api/v1/public/screen/offer",
        "/api/v1/screen/departure",
        "/api/v1/screenings/offers",
        "/api/v1/screenings/departures",
    ):
        assert path in schema["paths"], path
