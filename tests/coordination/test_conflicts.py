"""Lost updates in coordination: the secretariat cancelling a meeting while a colleague records
its minutes, or two officers closing one action item, at once: one wins, the other gets
Conflict; one audit event, and the notices follow the winner only.

The racing tests need PostgreSQL (two real transactions); the stale read runs on SQLite too.
"""

import pytest

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.coordination import services
from lentera.apps.coordination.models import ActionItem, Meeting, Notice
from tests.concurrency import events, one_winner, race, read_then
from tests.coordination.conftest import assign, held, schedule


def load_meeting(pk):
    return lambda: Meeting.objects.get(pk=pk)


def load_item(pk):
    return lambda: ActionItem.objects.get(pk=pk)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_cancel_racing_the_minutes_has_one_winner(cast, coord):
    meeting = schedule(coord, cast, days_ago=1)
    actor = coord.secretariat
    winner, _ = one_winner(
        race(
            read_then(
                load_meeting(meeting.pk),
                lambda m: services.meeting_cancel(
                    actor=actor, meeting=m, version=m.version, reason="Banjir."
                ),
            ),
            read_then(
                load_meeting(meeting.pk),
                lambda m: services.minutes_record(
                    actor=actor, meeting=m, minutes="Rapat dibuka.", version=m.version
                ),
            ),
        )
    )
    stored = Meeting.objects.get(pk=meeting.pk)
    assert stored.status == winner.status and stored.version == 2
    cancelled = events("meeting_cancelled")
    recorded = events("meeting_minutes_recorded")
    assert len(cancelled) + len(recorded) == 1
    # the invited agencies hear of a cancellation only when it won
    told = Notice.objects.filter(meeting=meeting, kind="meeting_cancelled").count()
    assert told == (3 if stored.status == "cancelled" else 0)
    assert (stored.minutes == "Rapat dibuka.") == (stored.status == "held")


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_closes_of_one_item_have_one_winner(cast, coord):
    _meeting, decision = held(coord, cast)
    item = assign(coord, decision, coord.disnaker)
    officer, secretariat = coord.disnaker_officer, coord.secretariat
    one_winner(
        race(
            read_then(
                load_item(item.pk),
                lambda i: services.item_close(
                    actor=officer, item=i, version=i.version, note="Selesai, daftar terlampir."
                ),
            ),
            read_then(
                load_item(item.pk),
                lambda i: services.item_close(
                    actor=secretariat, item=i, version=i.version, note="Dilaporkan di rapat."
                ),
            ),
        )
    )
    stored = ActionItem.objects.get(pk=item.pk)
    assert stored.status == "done" and stored.version == 2
    assert len(events("action_item_closed")) == 1


@pytest.mark.django_db
def test_a_stale_read_of_the_meeting_is_a_conflict(cast, coord):
    meeting = schedule(coord, cast, days_ago=1)
    seen = Meeting.objects.get(pk=meeting.pk)
    services.minutes_record(
        actor=coord.secretariat, meeting=meeting, minutes="Rapat dibuka.", version=1
    )
    with pytest.raises(Conflict):
        services.meeting_cancel(actor=coord.secretariat, meeting=seen, version=1, reason="x")
    assert Meeting.objects.get(pk=meeting.pk).status == "held"
