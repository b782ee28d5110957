"""Lost updates on screenings (issue #11): two officers triaging one offer, or opening a
complaint or a case from one screening, at once: one wins, the other gets Conflict; one audit
event, with the real "from".

The racing tests need PostgreSQL (two real transactions); the sequential ones (a stale read)
run on SQLite too.
"""

import pytest

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.cases.models import Case
from lentera.apps.intake.models import Complaint
from lentera.apps.prevention import services
from lentera.apps.prevention.models import DepartureScreening, OfferScreening
from tests.concurrency import events, one_winner, race, read_then
from tests.prevention.test_services import CHILD_FOR_WORK, SCAM


@pytest.fixture
def offer(posko):
    screening, _ = services.offer_screen(actor=posko.kupang_posko_officer, text=SCAM)
    return screening


@pytest.fixture
def departure(posko):
    screening, _ = services.departure_screen(
        actor=posko.kupang_police_posko,
        interview=CHILD_FOR_WORK,
        post="El Tari",
        traveller_name="Maria Contoh",
    )
    return screening


def load_offer(pk):
    return lambda: OfferScreening.objects.get(pk=pk)


def load_departure(pk):
    return lambda: DepartureScreening.objects.get(pk=pk)


def triage(actor, status):
    return lambda s: services.offer_triage(actor=actor, screening=s, status=status)


def open_complaint(actor):
    return lambda s: services.offer_open_complaint(actor=actor, screening=s)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_offer_triage_race_has_one_winner(posko, offer):
    officer = posko.kupang_posko_officer
    winner, _ = one_winner(
        race(
            read_then(load_offer(offer.pk), triage(officer, "watch")),
            read_then(load_offer(offer.pk), triage(officer, "dismissed")),
        )
    )
    assert OfferScreening.objects.get(pk=offer.pk).status == winner.status
    triaged = events("offer_triaged")
    assert len(triaged) == 1 and triaged[0].data["from"] == "new"


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_offer_triage_racing_a_complaint_has_one_winner(posko, offer):
    officer = posko.kupang_posko_officer
    winner, _ = one_winner(
        race(
            read_then(load_offer(offer.pk), triage(officer, "dismissed")),
            read_then(load_offer(offer.pk), open_complaint(officer)),
        )
    )
    stored = OfferScreening.objects.get(pk=offer.pk)
    assert stored.status == winner.status
    assert Complaint.objects.count() == (1 if stored.status == "complaint" else 0)
    triaged = events("offer_triaged")
    assert len(triaged) == 1 and triaged[0].data["from"] == "new"


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_departure_case_and_complaint_are_opened_once(posko, departure):
    officer = posko.kupang_police_posko
    open_case = lambda s: services.departure_open_case(actor=officer, screening=s)  # noqa: E731
    one_winner(
        race(
            read_then(load_departure(departure.pk), open_case),
            read_then(load_departure(departure.pk), open_case),
        )
    )
    assert Case.objects.count() == 1 and len(events("departure_referred")) == 1
    # (a complaint is opened from a screening without a case: another traveller)
    other, _ = services.departure_screen(
        actor=officer, interview=CHILD_FOR_WORK, post="Tenau", traveller_name="Yuni Contoh"
    )
    complain = lambda s: services.departure_open_complaint(actor=officer, screening=s)  # noqa: E731
    one_winner(
        race(
            read_then(load_departure(other.pk), complain),
            read_then(load_departure(other.pk), complain),
        )
    )
    assert Complaint.objects.count() == 1 and len(events("departure_referred")) == 2


@pytest.mark.django_db
def test_stale_screenings_are_conflicts(posko, offer, departure):
    officer = posko.kupang_posko_officer
    stale = OfferScreening.objects.get(pk=offer.pk)
    triage(officer, "watch")(offer)
    with pytest.raises(Conflict):
        triage(officer, "dismissed")(stale)
    with pytest.raises(Conflict):
        open_complaint(officer)(stale)
    assert OfferScreening.objects.get(pk=offer.pk).status == "watch"
    assert not Complaint.objects.exists() and len(events("offer_triaged")) == 1
    police = posko.kupang_police_posko
    stale = DepartureScreening.objects.get(pk=departure.pk)
    services.departure_open_complaint(actor=police, screening=departure)
    with pytest.raises(Conflict):
        services.departure_open_complaint(actor=police, screening=stale)
    assert Complaint.objects.count() == 1
