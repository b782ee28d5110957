"""Lost updates on accounts (issue #11): deactivating a user or revoking a token twice at once
is done, and audited, once; the second writer gets Conflict.

The racing tests need PostgreSQL (two real transactions); the sequential one runs on SQLite too.
"""

import pytest

from lentera.apps.accounts import services
from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.models import ApiToken, User
from tests.concurrency import events, one_winner, race, read_then


def deactivate(actor):
    return lambda user: services.user_set_active(actor=actor, user=user, active=False)


def revoke(actor):
    return lambda token: services.api_token_revoke(actor=actor, token=token)


def audited(kind, obj):
    return [e for e in events(kind) if e.object_id == str(obj.pk)]


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_deactivation_and_token_revocation_races_have_one_winner(cast):
    target = cast.kupang_uptd_norole
    load = lambda: User.objects.get(pk=target.pk)  # noqa: E731
    admin = cast.system_admin
    one_winner(race(read_then(load, deactivate(admin)), read_then(load, deactivate(admin))))
    assert not User.objects.get(pk=target.pk).is_active
    assert len(audited("user_deactivated", target)) == 1
    token, _secret = services.api_token_create(actor=cast.kupang_analyst, name="skrip")
    load = lambda: ApiToken.objects.get(pk=token.pk)  # noqa: E731
    owner = cast.kupang_analyst
    one_winner(race(read_then(load, revoke(owner)), read_then(load, revoke(owner))))
    assert len(audited("api_token_revoked", token)) == 1


@pytest.mark.django_db
def test_stale_deactivation_and_revocation_are_conflicts(cast):
    target = cast.kupang_uptd_norole
    stale = User.objects.get(pk=target.pk)
    deactivate(cast.system_admin)(target)
    with pytest.raises(Conflict):
        deactivate(cast.system_admin)(stale)
    assert len(audited("user_deactivated", target)) == 1
    token, _secret = services.api_token_create(actor=cast.kupang_analyst, name="skrip")
    stale_token = ApiToken.objects.get(pk=token.pk)
    revoke(cast.kupang_analyst)(token)
    with pytest.raises(Conflict):
        revoke(cast.kupang_analyst)(stale_token)
    assert len(audited("api_token_revoked", token)) == 1
