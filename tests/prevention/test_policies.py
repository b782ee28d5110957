"""Who sees which screenings: the screening agency whole, region readers without identities,
everyone else nothing."""

import pytest

from lentera.apps.accounts.permissions import Action
from lentera.apps.prevention import services
from lentera.apps.prevention.policies import READ, departures, offers

pytestmark = pytest.mark.django_db

TEXT = "Kerja di Kamboja jadi admin, gaji 20jt, tanpa pengalaman, japri"
INTERVIEW = {"age": 24, "destination_country": "KH", "stated_purpose": "tourism"}


@pytest.fixture
def screenings(posko):
    offer, _ = services.offer_screen(actor=posko.kupang_posko_officer, text=TEXT)
    batam_offer, _ = services.offer_screen(actor=posko.batam_posko_officer, text=TEXT)
    departure, _ = services.departure_screen(
        actor=posko.kupang_posko_officer, interview=INTERVIEW, post="El Tari"
    )
    batam_departure, _ = services.departure_screen(
        actor=posko.batam_posko_officer, interview=INTERVIEW, post="Hang Nadim"
    )
    return offer, batam_offer, departure, batam_departure


def ids(qs):
    return sorted(qs.values_list("pk", flat=True))


def test_the_screening_agency_sees_and_handles_its_own(posko, screenings):
    offer, batam_offer, departure, batam_departure = screenings
    officer = posko.kupang_posko_officer
    assert ids(offers.visible(officer, READ)) == [offer.pk]
    assert ids(offers.visible(officer, Action.SCREEN_OFFER)) == [offer.pk]
    assert ids(departures.visible(officer, READ)) == [departure.pk]
    assert offers.can_handle(officer, offer) and departures.can_handle(officer, departure)
    assert not offers.can_handle(officer, batam_offer)
    assert not departures.can_handle(officer, batam_departure)


def test_other_agency_and_no_role_see_nothing(cast, posko, screenings):
    offer, batam_offer, departure, _ = screenings
    assert ids(offers.visible(posko.batam_posko_officer, READ)) == [batam_offer.pk]
    for user in (posko.kupang_disnaker_norole, cast.pontianak_caseworker, cast.kupang_auditor):
        assert not offers.visible(user, READ).exists()
        assert not departures.visible(user, READ).exists()
        assert not offers.can_read_any(user) and not departures.can_read_any(user)
    assert not offers.can(posko.kupang_disnaker_norole, READ, offer)
    assert not departures.can(posko.batam_posko_officer, READ, departure)


def test_region_readers_read_their_region_without_handling(cast, posko, screenings):
    offer, batam_offer, departure, _ = screenings
    for reader in (cast.kupang_analyst, posko.ntt_secretariat):
        assert offer.pk in ids(offers.visible(reader, READ))
        assert batam_offer.pk not in ids(offers.visible(reader, READ))
        assert ids(departures.visible(reader, READ)) == [departure.pk]
        assert not offers.can_handle(reader, offer)
        assert not departures.can_handle(reader, departure)
        assert not departures.visible(reader, Action.SCREEN_DEPARTURE).exists()


def test_analyst_handles_only_their_agencys_offers(cast, posko, screenings):
    offer, *_ = screenings
    own, _ = services.offer_screen(actor=cast.kupang_analyst, text=TEXT)
    assert ids(offers.visible(cast.kupang_analyst, Action.SCREEN_OFFER)) == [own.pk]
    assert offers.can_handle(cast.kupang_analyst, own)
    assert not offers.can_handle(cast.kupang_analyst, offer)


def test_anonymous_sees_nothing(screenings):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert not offers.visible(anonymous, READ).exists()
    assert not offers.can_read_any(anonymous) and not departures.can_read_any(anonymous)
