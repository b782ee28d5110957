"""Account services: validation, one audit event per change, nothing written on failure."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lentera.apps.accounts import services
from lentera.apps.accounts.models import AuditEvent, RoleAssignment, TaskForce, User
from lentera.apps.accounts.permissions import Role

pytestmark = pytest.mark.django_db


def test_user_create_records_one_event(cast):
    before = AuditEvent.objects.count()
    user = services.user_create(
        actor=cast.kupang_uptd_admin,
        username="kupang_new",
        password="Sandi-Kuat-2026!",
        agency=cast.kupang_uptd,
        roles=[Role.CASEWORKER],
    )
    assert user.role_set == {Role.CASEWORKER}
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.latest("id")
    assert event.event_type == "user_created" and event.actor == cast.kupang_uptd_admin


@pytest.mark.parametrize(
    ("password", "field"),
    [("short1!", "password"), ("password123456", "password"), ("alllowercaseletters", "password")],
)
def test_weak_passwords_rejected(cast, password, field):
    with pytest.raises(ValidationError) as err:
        services.user_create(actor=None, username="weak", password=password, agency=None, roles=[])
    assert field in err.value.message_dict
    assert not User.objects.filter(username="weak").exists()


def test_agency_admin_limits(cast):
    before = AuditEvent.objects.count()
    with pytest.raises(PermissionDenied):
        services.user_create(
            actor=cast.kupang_uptd_admin,
            username="x1",
            password="Sandi-Kuat-2026!",
            agency=cast.batam_dinsos,
            roles=[Role.CASEWORKER],
        )
    with pytest.raises(PermissionDenied):
        services.user_create(
            actor=cast.kupang_uptd_admin,
            username="x2",
            password="Sandi-Kuat-2026!",
            agency=cast.kupang_uptd,
            roles=[Role.SYSTEM_ADMIN],
        )
    with pytest.raises(PermissionDenied):
        services.user_create(
            actor=cast.kupang_uptd_caseworker,
            username="x3",
            password="Sandi-Kuat-2026!",
            agency=cast.kupang_uptd,
            roles=[],
        )
    assert AuditEvent.objects.count() == before
    assert not User.objects.filter(username__in=["x1", "x2", "x3"]).exists()


def test_duplicate_username_is_clear(cast):
    with pytest.raises(ValidationError) as err:
        services.user_create(
            actor=None,
            username="KUPANG_UPTD_CASEWORKER",
            password="Sandi-Kuat-2026!",
            agency=None,
            roles=[],
        )
    assert "username" in err.value.message_dict


def test_set_roles_events_per_change(cast):
    user = cast.kupang_uptd_caseworker
    before = AuditEvent.objects.count()
    services.user_set_roles(actor=cast.kupang_uptd_admin, user=user, roles=[Role.INTAKE_OFFICER])
    assert user.role_set == {Role.INTAKE_OFFICER}
    kinds = list(AuditEvent.objects.order_by("id").values_list("event_type", flat=True)[before:])
    assert sorted(kinds) == ["role_granted", "role_revoked"]
    assert RoleAssignment.objects.filter(user=user).count() == 1


def test_deactivate_removes_every_permission(cast):
    services.user_set_active(
        actor=cast.kupang_uptd_admin, user=cast.kupang_uptd_caseworker, active=False
    )
    user = User.objects.get(pk=cast.kupang_uptd_caseworker.pk)
    assert user.actions == frozenset()


def test_task_force_membership(cast, regions):
    tf = services.task_force_create(
        actor=cast.system_admin,
        name="GT Kota Kupang",
        level="regency",
        region=regions["53.71"],
        sub_task_forces=["Penegakan hukum", "Pencegahan"],
    )
    sub = tf.sub_task_forces.get(name="Penegakan hukum")
    services.task_force_add_member(
        actor=cast.system_admin, task_force=tf, agency=cast.kupang_police, sub_task_force=sub
    )
    with pytest.raises(ValidationError):
        services.task_force_add_member(
            actor=cast.system_admin, task_force=tf, agency=cast.kupang_police
        )
    with pytest.raises(PermissionDenied):
        services.task_force_create(
            actor=cast.kupang_uptd_admin, name="X", level="regency", region=None
        )
    assert TaskForce.objects.count() == 1
    assert tf.memberships.count() == 1


def test_api_token_hash_only(cast):
    token, secret = services.api_token_create(actor=cast.kupang_uptd_caseworker, name="sim")
    assert secret.startswith("lnt_") and secret not in token.key_hash
    assert token.key_hash == services.hash_token(secret)
    services.api_token_revoke(actor=cast.kupang_uptd_caseworker, token=token)
    token.refresh_from_db()
    assert not token.is_usable
