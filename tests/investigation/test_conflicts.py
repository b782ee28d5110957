"""Lost updates in the investigation records (issue #17): two hand-overs of one exhibit, two
wanted notices or two arrests recorded at once — one wins, the other gets Conflict, one audit
event. The races need PostgreSQL (two real transactions)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lentera.apps.investigation import services
from lentera.apps.investigation.models import CustodyEvent, EvidenceItem
from lentera.apps.justice import wanted
from lentera.apps.justice.models import WantedNotice
from tests.concurrency import events, one_winner, race, read_then

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def test_two_hand_overs_of_one_item_have_one_winner(cast, police, ring):
    inv, item = cast.kupang_police_investigator, ring.items[0]

    def hand_to(agency, holder):
        return lambda seen: services.evidence_hand_over(
            actor=inv,
            item=seen,
            to_holder=holder,
            to_agency=agency,
            at=timezone.now() - timedelta(minutes=5),
            storage_place="Rupbasan",
            purpose="Tahap II",
            version=seen.version,
        )

    def load():
        return EvidenceItem.objects.select_related("case").get(pk=item.pk)

    winner, _ = one_winner(
        race(
            read_then(load, hand_to(police.prosecution, "Jaksa A")),
            read_then(load, hand_to(police.batam_police, "Penyidik B")),
        )
    )
    assert CustodyEvent.objects.filter(item=item).count() == 1
    assert EvidenceItem.objects.get(pk=item.pk).holder == winner.to_holder
    assert len(events("evidence_handed_over", item=item.pk)) == 1


def test_two_arrests_of_one_wanted_suspect_have_one_winner(cast, ring):
    inv, notice = cast.kupang_police_investigator, ring.wanted[0]

    def load():
        return WantedNotice.objects.select_related("proceeding").get(pk=notice.pk)

    def end(reason):
        return lambda seen: wanted.wanted_end(
            actor=inv, notice=seen, on=timezone.localdate(), reason=reason
        )

    one_winner(race(read_then(load, end("arrested")), read_then(load, end("surrendered"))))
    assert len(events("wanted_ended", notice=notice.pk)) == 1
