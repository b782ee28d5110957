"""Lost updates on the case (issue #11): of two concurrent status changes or victim decisions
only one wins, the other gets Conflict (409 from the API, the reload message on the page), and
only the winner writes the audit event, with the real "from" state.

The racing tests need PostgreSQL (two real transactions); the sequential ones (a stale read)
run on SQLite too.
"""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.cases import services
from lentera.apps.cases.models import Case, CaseGrant, CaseParty
from tests.concurrency import events, gated, in_threads, one_winner, race, read_then

RELOAD = ("This record was changed by someone else", "Data ini telah diubah oleh orang lain")


def api(user):
    client = APIClient()
    client.force_authenticate(user, token="personal-token")
    return client


def set_status(actor, status, reason=""):
    return lambda case: services.case_set_status(
        actor=actor, case=case, status=status, reason=reason
    )


# -- case status ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [(("assessment", ""), ("assessment", "")), (("assessment", ""), ("closed", "Ganda"))],
    ids=["same-target", "different-targets"],
)
@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_case_status_race_has_one_winner(cast, kupang_case, first, second):
    actor = cast.kupang_police_investigator
    load = lambda: Case.objects.get(pk=kupang_case.pk)  # noqa: E731
    outcomes = race(
        read_then(load, set_status(actor, *first)), read_then(load, set_status(actor, *second))
    )
    winner, _conflict = one_winner(outcomes)
    stored = Case.objects.get(pk=kupang_case.pk)
    assert stored.status == winner.status and stored.version == kupang_case.version + 1
    changed = events("case_status_changed")
    assert len(changed) == 1 and changed[0].data["from"] == "open"
    assert changed[0].data["to"] == winner.status


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_case_status_race_through_the_api_answers_409(cast, kupang_case, monkeypatch):
    gated(monkeypatch, services.files, "transition")
    url = f"/api/v1/cases/{kupang_case.pk}/status"
    actor = cast.kupang_police_investigator
    answers = in_threads(
        lambda: api(actor).post(url, {"status": "assessment"}, format="json"),
        lambda: api(actor).post(url, {"status": "closed", "reason": "Ganda"}, format="json"),
    )
    assert sorted(a.status_code for a in answers) == [200, 409]
    lost = next(a for a in answers if a.status_code == 409)
    body = lost.json()
    assert body["status"] == 409 and body["title"] == "Conflict" and body["code"] == "conflict"
    assert lost["Content-Type"].startswith("application/problem+json")
    won = next(a for a in answers if a.status_code == 200).json()
    assert Case.objects.get(pk=kupang_case.pk).status == won["status"]
    assert len(events("case_status_changed")) == 1


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_case_status_race_on_the_page_shows_the_reload_message(cast, kupang_case, monkeypatch):
    from django.test import Client

    gated(monkeypatch, services.files, "transition")
    url = reverse("cases:status", kwargs={"case_id": kupang_case.pk})
    clients = [Client(), Client()]
    for c in clients:
        c.force_login(cast.kupang_police_investigator)
    posts = [
        {"status": "assessment", "reason": "", "from_status": "open"},
        {"status": "closed", "reason": "Laporan ganda dari Polsek Alak", "from_status": "open"},
    ]
    answers = in_threads(
        *[lambda c=c, data=data: c.post(url, data) for c, data in zip(clients, posts, strict=True)]
    )
    assert sorted(a.status_code for a in answers) == [302, 409]
    lost_index = next(i for i, a in enumerate(answers) if a.status_code == 409)
    page = answers[lost_index].content.decode()
    assert any(text in page for text in RELOAD)
    if posts[lost_index]["reason"]:  # what the officer typed is still in the form
        assert posts[lost_index]["reason"] in page
    assert len(events("case_status_changed")) == 1


@pytest.mark.django_db
def test_stale_case_status_is_a_conflict_and_writes_nothing(cast, kupang_case):
    actor = cast.kupang_police_investigator
    stale = Case.objects.get(pk=kupang_case.pk)
    services.case_set_status(actor=actor, case=kupang_case, status="assessment")
    with pytest.raises(Conflict):  # assessment → closed would be legal: the read is what is stale
        services.case_set_status(actor=actor, case=stale, status="closed", reason="Ganda")
    assert Case.objects.get(pk=kupang_case.pk).status == "assessment"
    changed = events("case_status_changed")
    assert len(changed) == 1 and changed[0].data["from"] == "open"


@pytest.mark.django_db
def test_stale_status_from_the_api_and_the_page(client, cast, kupang_case):
    actor = cast.kupang_police_investigator
    services.case_set_status(actor=actor, case=kupang_case, status="assessment")
    url = f"/api/v1/cases/{kupang_case.pk}/status"
    answer = api(actor).post(
        url, {"status": "closed", "reason": "Ganda", "from_status": "open"}, format="json"
    )
    assert answer.status_code == 409 and answer.json()["code"] == "conflict"
    client.force_login(actor)
    page = client.post(
        reverse("cases:status", kwargs={"case_id": kupang_case.pk}),
        {"status": "closed", "reason": "Laporan ganda dari Polsek Alak", "from_status": "open"},
    )
    text = page.content.decode()
    assert page.status_code == 409 and any(t in text for t in RELOAD)
    assert "Laporan ganda dari Polsek Alak" in text  # the input is kept
    assert 'name="from_status" value="assessment"' in text  # the form now carries the new state
    assert Case.objects.get(pk=kupang_case.pk).status == "assessment"
    assert len(events("case_status_changed")) == 1
    # reloaded, the same change goes through
    again = client.post(
        reverse("cases:status", kwargs={"case_id": kupang_case.pk}),
        {"status": "closed", "reason": "Laporan ganda", "from_status": "assessment"},
    )
    assert again.status_code == 302 and Case.objects.get(pk=kupang_case.pk).status == "closed"


# -- victim decision -----------------------------------------------------------------------------


def decide(actor, status):
    return lambda party: services.victim_decide(actor=actor, party=party, status=status)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_victim_decision_race_has_one_winner(cast, child_victim):
    actor = cast.kupang_police_investigator
    load = lambda: CaseParty.objects.select_related("case", "person").get(pk=child_victim.pk)  # noqa: E731
    outcomes = race(
        read_then(load, decide(actor, "confirmed")), read_then(load, decide(actor, "not_victim"))
    )
    winner, _conflict = one_winner(outcomes)
    assert CaseParty.objects.get(pk=child_victim.pk).victim_status == winner.victim_status
    decided = events("victim_status_decided", party=child_victim.pk)
    assert len(decided) == 1 and decided[0].data["from"] == child_victim.victim_status


@pytest.mark.django_db
def test_stale_victim_decision_is_a_conflict(client, cast, kupang_case, child_victim):
    actor = cast.kupang_police_investigator
    stale = CaseParty.objects.get(pk=child_victim.pk)
    services.victim_decide(actor=actor, party=child_victim, status="presumed")
    with pytest.raises(Conflict):
        services.victim_decide(actor=actor, party=stale, status="not_victim")
    # the page's form says which status it showed
    client.force_login(actor)
    url = reverse(
        "cases:victim_status", kwargs={"case_id": kupang_case.pk, "party_id": child_victim.pk}
    )
    answer = client.post(url, {"status": "not_victim", "from_status": "undetermined"}, follow=True)
    assert any(t in answer.content.decode() for t in RELOAD)
    assert CaseParty.objects.get(pk=child_victim.pk).victim_status == "presumed"
    assert len(events("victim_status_decided", party=child_victim.pk)) == 1


# -- sharing revoked -----------------------------------------------------------------------------


def share(cast, case):
    return services.case_share(
        actor=cast.kupang_police_investigator,
        case=case,
        agency=cast.kupang_uptd,
        scope="facts",
        include_identity=False,
        reason="Pendampingan korban",
    )


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_share_revoke_race_has_one_winner(cast, kupang_case):
    grant = share(cast, kupang_case)
    actor = cast.kupang_police_investigator
    load = lambda: CaseGrant.objects.select_related("case", "agency").get(pk=grant.pk)  # noqa: E731
    revoke = lambda g: services.case_share_revoke(actor=actor, grant=g)  # noqa: E731
    one_winner(race(read_then(load, revoke), read_then(load, revoke)))
    assert len(events("case_share_revoked", grant=grant.pk)) == 1


@pytest.mark.django_db
def test_stale_share_revoke_is_a_conflict(cast, kupang_case):
    grant = share(cast, kupang_case)
    stale = CaseGrant.objects.get(pk=grant.pk)
    services.case_share_revoke(actor=cast.kupang_police_investigator, grant=grant)
    with pytest.raises(Conflict):
        services.case_share_revoke(actor=cast.kupang_police_investigator, grant=stale)
    assert len(events("case_share_revoked", grant=grant.pk)) == 1
