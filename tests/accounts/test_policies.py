"""visible() and guarded fetches: need to know, and 'not found' for missing and forbidden alike."""

import pytest

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound, audit_events, users
from lentera.apps.people.policies import people

pytestmark = pytest.mark.django_db


def test_person_visible_to_own_agency_and_region_roles_only(cast, kupang_child):
    assert list(people.visible(cast.kupang_uptd_caseworker, Action.VIEW_PERSON)) == [kupang_child]
    assert list(people.visible(cast.kupang_analyst, Action.VIEW_PERSON)) == [kupang_child]
    for outsider in (
        cast.batam_social_worker,
        cast.pontianak_caseworker,
        cast.kupang_auditor,
        cast.system_admin,
        cast.kupang_uptd_norole,
    ):
        assert not people.visible(outsider, Action.VIEW_PERSON).exists(), outsider


def test_identity_only_for_the_handling_agency(cast, kupang_child):
    assert people.can_see_identity(cast.kupang_uptd_caseworker, kupang_child)
    assert people.can_see_identity(cast.kupang_uptd_intake, kupang_child)
    # Same region, even with region-wide reading rights: pseudonym only.
    assert not people.can_see_identity(cast.kupang_analyst, kupang_child)
    # Another Kupang agency holding VIEW_IDENTITY but not handling the person.
    assert not people.can_see_identity(cast.kupang_police_investigator, kupang_child)


def test_guarded_fetch_hides_existence(cast, kupang_child):
    assert people.get_for(cast.kupang_uptd_caseworker, Action.VIEW_PERSON, kupang_child.pk)
    with pytest.raises(NotFound) as forbidden:
        people.get_for(cast.batam_social_worker, Action.VIEW_PERSON, kupang_child.pk)
    with pytest.raises(NotFound) as missing:
        people.get_for(cast.batam_social_worker, Action.VIEW_PERSON, 999_999)
    assert str(forbidden.value) == str(missing.value)
    with pytest.raises(NotFound):
        people.get_for(cast.kupang_uptd_caseworker, Action.VIEW_PERSON, "not-a-number")


def test_anonymous_and_inactive_see_nothing(cast, kupang_child):
    from django.contrib.auth.models import AnonymousUser

    assert not people.visible(AnonymousUser(), Action.VIEW_PERSON).exists()
    user = cast.kupang_uptd_caseworker
    user.is_active = False
    assert not people.visible(user, Action.VIEW_PERSON).exists()
    assert not people.can(user, Action.VIEW_PERSON, kupang_child)


def test_audit_events_scoped_to_auditor_region(cast):
    record_event(actor=cast.kupang_uptd_caseworker, event_type=EventType.USER_UPDATED)
    record_event(actor=cast.batam_social_worker, event_type=EventType.USER_UPDATED)
    seen = audit_events.visible(cast.kupang_auditor, Action.VIEW_AUDIT)
    agencies = set(seen.values_list("actor_agency__region__code", flat=True))
    assert agencies == {"53.71"}
    assert not audit_events.visible(cast.kupang_uptd_caseworker, Action.VIEW_AUDIT).exists()


def test_agency_admin_manages_only_own_agency_users(cast):
    managed = set(users.visible(cast.kupang_uptd_admin, Action.MANAGE_USERS))
    assert cast.kupang_uptd_caseworker in managed
    assert cast.kupang_police_investigator not in managed
    assert cast.batam_social_worker in set(users.visible(cast.system_admin, Action.MANAGE_USERS))
    assert not users.visible(cast.kupang_uptd_caseworker, Action.MANAGE_USERS).exists()


def test_role_scope_from_factories(regions):
    from lentera.apps.accounts.permissions import Role
    from tests.factories import AgencyFactory, PersonFactory, UserFactory

    pontianak = AgencyFactory(region=regions["61.71"])
    kupang = AgencyFactory(region=regions["53.71"])
    analyst = UserFactory(agency=AgencyFactory(region=regions["61"]), roles=[Role.ANALYST])
    inside = PersonFactory(owner_agency=pontianak)
    PersonFactory(owner_agency=kupang)
    # A provincial analyst reads every person registered in the province, nothing outside it.
    assert list(people.visible(analyst, Action.VIEW_PERSON)) == [inside]


def test_audit_filters(cast):
    from datetime import date, timedelta

    from lentera.apps.accounts.selectors import access_log_list, audit_event_list

    record_event(actor=cast.kupang_uptd_caseworker, event_type=EventType.USER_UPDATED, summary="a")
    record_event(actor=cast.kupang_uptd_intake, event_type=EventType.PASSWORD_CHANGED)
    auditor = cast.kupang_auditor
    assert [e.event_type for e in audit_event_list(user=auditor, filters={"actor": "intake"})] == [
        "password_changed"
    ]
    today = date.today()
    assert (
        audit_event_list(user=auditor, filters={"date_to": today - timedelta(days=2)}).count() == 0
    )
    assert audit_event_list(
        user=auditor, filters={"event_type": "user_updated", "date_from": today - timedelta(days=1)}
    ).exists()
    assert not access_log_list(user=auditor, filters={"purpose": "referral"}).exists()
