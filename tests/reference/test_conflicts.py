"""Lost updates on a destination rule (issue #11): the rule's status is what departure screening
applies, and its audit event records the status before. Two administrators saving one rule at
once: one wins, the other gets Conflict; one event, with the real "before".

The racing test needs PostgreSQL (two real transactions); the sequential one runs on SQLite too.
"""

from datetime import date

import pytest

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.reference.models import Country, DestinationPolicy
from lentera.apps.reference.services import destination_policy_save
from tests.concurrency import events, one_winner, race, read_then


@pytest.fixture
def rule(cast, regions):
    return destination_policy_save(
        actor=cast.system_admin,
        policy=None,
        country=Country.objects.get(code="MY"),
        sector="plantation",
        status="open",
        legal_basis="Keputusan uji",
        valid_from=date(2020, 1, 1),
    )


def save(actor, status):
    return lambda policy: destination_policy_save(
        actor=actor,
        policy=policy,
        country=policy.country,
        sector=policy.sector,
        status=status,
        legal_basis=policy.legal_basis,
        valid_from=policy.valid_from,
    )


def saves(rule):
    """The edits of ``rule`` (its creation has no "before")."""
    return [
        e
        for e in events("destination_policy_saved")
        if e.object_id == str(rule.pk) and e.data["before"] is not None
    ]


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_rule_saved_twice_at_once_has_one_winner(cast, rule):
    load = lambda: DestinationPolicy.objects.select_related("country").get(pk=rule.pk)  # noqa: E731
    winner, _ = one_winner(
        race(
            read_then(load, save(cast.system_admin, "closed")),
            read_then(load, save(cast.system_admin, "no_agreement")),
        )
    )
    assert DestinationPolicy.objects.get(pk=rule.pk).status == winner.status
    edits = saves(rule)
    assert len(edits) == 1 and edits[0].data["before"]["status"] == "open"


@pytest.mark.django_db
def test_stale_rule_is_a_conflict(cast, rule):
    stale = DestinationPolicy.objects.select_related("country").get(pk=rule.pk)
    save(cast.system_admin, "closed")(DestinationPolicy.objects.get(pk=rule.pk))
    with pytest.raises(Conflict):
        save(cast.system_admin, "no_agreement")(stale)
    assert DestinationPolicy.objects.get(pk=rule.pk).status == "closed"
    assert len(saves(rule)) == 1
