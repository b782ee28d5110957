"""Writes for accounts: users and roles, agencies, task forces, API tokens, second factor.

Each function validates, writes in one transaction and records one audit event. Views, API,
commands and the demo loader all call these; nothing else saves these models.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import (
    Agency,
    ApiToken,
    RoleAssignment,
    SubTaskForce,
    TaskForce,
    TaskForceMembership,
    User,
)
from lentera.apps.accounts.permissions import Action, Role
from lentera.apps.reference.models import Region

#: Roles only a system administrator may grant.
SYSTEM_GRANTED_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.AGENCY_ADMIN, Role.AUDITOR})


def _require(actor: User | None, action: Action) -> None:
    """``actor=None`` is the system itself (installation, demo loader, migrations)."""
    if actor is not None and not actor.has_action(action):
        raise PermissionDenied(_("You do not have permission to do this."))


def _check_role_grant(actor: User | None, agency: Agency | None, roles: Iterable[Role]) -> None:
    if actor is None or actor.has_action(Action.MANAGE_AGENCIES):
        return  # system administrators
    if agency is None or agency.pk != actor.agency_id:
        raise PermissionDenied(_("You can only manage users of your own agency."))
    forbidden = sorted(str(Role(r).label) for r in roles if Role(r) in SYSTEM_GRANTED_ROLES)
    if forbidden:
        raise PermissionDenied(
            _("Only a system administrator can grant: %(roles)s") % {"roles": ", ".join(forbidden)}
        )


def user_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    agency: Agency | None,
    roles: Iterable[Role | str],
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    phone: str = "",
    preferred_language: str = "id",
) -> User:
    _require(actor, Action.MANAGE_USERS)
    role_list = sorted({Role(r) for r in roles})
    _check_role_grant(actor, agency, role_list)
    username = username.strip()
    if not username:
        raise ValidationError({"username": _("A username is required.")})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This username is already taken.")})
    user = User(
        username=username,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        agency=agency,
        preferred_language=preferred_language,
    )
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    with transaction.atomic():
        user.save()
        RoleAssignment.objects.bulk_create(
            [RoleAssignment(user=user, role=r, granted_by=actor) for r in role_list]
        )
        record_event(
            actor=actor,
            event_type=EventType.USER_CREATED,
            obj=user,
            summary=user.username,
            data={"roles": [str(r) for r in role_list], "agency": agency.pk if agency else None},
        )
    return user


def user_set_roles(*, actor: User | None, user: User, roles: Iterable[Role | str]) -> User:
    _require(actor, Action.MANAGE_USERS)
    wanted = {Role(r) for r in roles}
    current = set(user.role_set)
    _check_role_grant(actor, user.agency, (wanted ^ current))
    if actor is not None and actor.pk == user.pk and Role.SYSTEM_ADMIN in current - wanted:
        raise ValidationError(_("You cannot remove your own system administrator role."))
    with transaction.atomic():
        for role in sorted(wanted - current):
            RoleAssignment.objects.create(user=user, role=role, granted_by=actor)
            record_event(
                actor=actor, event_type=EventType.ROLE_GRANTED, obj=user, data={"role": str(role)}
            )
        removed = sorted(current - wanted)
        if removed:
            RoleAssignment.objects.filter(user=user, role__in=removed).delete()
            for role in removed:
                record_event(
                    actor=actor,
                    event_type=EventType.ROLE_REVOKED,
                    obj=user,
                    data={"role": str(role)},
                )
    user.forget_permissions()
    return user


def user_set_active(*, actor: User | None, user: User, active: bool) -> User:
    _require(actor, Action.MANAGE_USERS)
    _check_role_grant(actor, user.agency, [])
    if actor is not None and actor.pk == user.pk and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    if user.is_active == active:
        return user
    with transaction.atomic():
        # from the state the administrator saw: of two opposite changes at once, one wins
        transition(
            User.objects,
            user.pk,
            field="is_active",
            from_states=[not active],
            to_state=active,
            instance=user,
        )
        record_event(
            actor=actor,
            event_type=EventType.USER_UPDATED if active else EventType.USER_DEACTIVATED,
            obj=user,
            data={"active": active},
        )
    user.forget_permissions()
    return user


def user_unlock(*, actor: User | None, user: User) -> None:
    """Lift a login lockout (django-axes) for this username."""
    from axes.utils import reset

    _require(actor, Action.MANAGE_USERS)
    _check_role_grant(actor, user.agency, [])
    with transaction.atomic():
        reset(username=user.username)
        record_event(actor=actor, event_type=EventType.USER_UNLOCKED, obj=user)


def password_change(*, user: User, old_password: str, new_password: str) -> User:
    if not user.check_password(old_password):
        raise ValidationError({"old_password": _("Your current password is not correct.")})
    try:
        validate_password(new_password, user)
    except ValidationError as exc:
        raise ValidationError({"new_password": exc.messages}) from exc
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        record_event(actor=user, event_type=EventType.PASSWORD_CHANGED, obj=user)
    return user


def login_recorded(*, user: User | None, username: str, succeeded: bool, ip: str | None) -> None:
    """Sign-in attempts are audited (the lockout itself is enforced by django-axes)."""
    record_event(
        actor=user if succeeded else None,
        event_type=EventType.LOGIN_SUCCEEDED if succeeded else EventType.LOGIN_FAILED,
        obj=user,
        summary=username[:150],
        data={"ip": ip or ""},
    )


# --- agencies and task forces ---------------------------------------------------------------


def agency_create(
    *,
    actor: User | None,
    name: str,
    agency_type: str,
    region: Region | None,
    short_name: str = "",
    time_zone: str = "Asia/Jakarta",
    address: str = "",
    phone: str = "",
    email: str = "",
) -> Agency:
    _require(actor, Action.MANAGE_AGENCIES)
    agency = Agency(
        name=name.strip(),
        short_name=short_name.strip(),
        agency_type=agency_type,
        region=region,
        time_zone=time_zone,
        address=address.strip(),
        phone=phone.strip(),
        email=email.strip(),
    )
    agency.full_clean()
    with transaction.atomic():
        agency.save()
        record_event(
            actor=actor, event_type=EventType.AGENCY_CREATED, obj=agency, summary=agency.name
        )
    return agency


AGENCY_EDITABLE = (
    "name",
    "short_name",
    "agency_type",
    "region",
    "time_zone",
    "address",
    "phone",
    "email",
    "is_active",
)


def agency_update(*, actor: User | None, agency: Agency, **changes: object) -> Agency:
    _require(actor, Action.MANAGE_AGENCIES)
    unknown = set(changes) - set(AGENCY_EDITABLE)
    if unknown:
        raise ValidationError(_("Unknown fields: %(f)s") % {"f": ", ".join(sorted(unknown))})
    changed = [k for k, v in changes.items() if getattr(agency, k) != v]
    if not changed:
        return agency
    for key in changed:
        setattr(agency, key, changes[key])
    agency.full_clean()
    with transaction.atomic():
        agency.save(update_fields=changed)
        record_event(
            actor=actor, event_type=EventType.AGENCY_UPDATED, obj=agency, data={"fields": changed}
        )
    return agency


def task_force_create(
    *,
    actor: User | None,
    name: str,
    level: str,
    region: Region | None,
    parent: TaskForce | None = None,
    legal_basis: str = "",
    sub_task_forces: Iterable[str] = (),
) -> TaskForce:
    _require(actor, Action.MANAGE_TASK_FORCES)
    task_force = TaskForce(
        name=name.strip(), level=level, region=region, parent=parent, legal_basis=legal_basis
    )
    task_force.full_clean()
    with transaction.atomic():
        task_force.save()
        SubTaskForce.objects.bulk_create(
            [SubTaskForce(task_force=task_force, name=n) for n in dict.fromkeys(sub_task_forces)]
        )
        record_event(
            actor=actor,
            event_type=EventType.TASK_FORCE_CREATED,
            obj=task_force,
            summary=task_force.name,
        )
    return task_force


def task_force_add_member(
    *,
    actor: User | None,
    task_force: TaskForce,
    agency: Agency,
    role: str = "member",
    sub_task_force: SubTaskForce | None = None,
) -> TaskForceMembership:
    _require(actor, Action.MANAGE_TASK_FORCES)
    if sub_task_force is not None and sub_task_force.task_force_id != task_force.pk:
        raise ValidationError(_("That working group belongs to another task force."))
    membership = TaskForceMembership(
        task_force=task_force, agency=agency, role=role, sub_task_force=sub_task_force
    )
    membership.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            membership.save()
            record_event(
                actor=actor,
                event_type=EventType.TASK_FORCE_MEMBER_ADDED,
                obj=task_force,
                data={"agency": agency.pk, "role": role},
            )
    except IntegrityError as exc:
        raise ValidationError(_("This agency already has that role in the task force.")) from exc
    return membership


# --- API tokens -----------------------------------------------------------------------------


def hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def api_token_create(
    *, actor: User, name: str, expires_at: datetime | None = None
) -> tuple[ApiToken, str]:
    """Create a personal token; the secret is returned once and never stored."""
    _require(actor, Action.USE_API)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name.")})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("The expiry date must be in the future.")})
    secret = "lnt_" + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=actor,
            name=name,
            prefix=secret[:12],
            key_hash=hash_token(secret),
            expires_at=expires_at,
        )
        record_event(actor=actor, event_type=EventType.API_TOKEN_CREATED, obj=token, summary=name)
    return token, secret


def api_token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    if token.user_id != actor.pk:
        _require(actor, Action.MANAGE_USERS)
    if token.revoked_at is not None:
        return token
    with transaction.atomic():
        transition(
            ApiToken.objects,
            token.pk,
            field="revoked_at",
            from_states=[None],
            to_state=timezone.now(),
            instance=token,
        )
        record_event(actor=actor, event_type=EventType.API_TOKEN_REVOKED, obj=token)
    return token


# --- second factor --------------------------------------------------------------------------


def totp_start(*, user: User) -> TOTPDevice:
    """An unconfirmed authenticator for the user (replacing any earlier unconfirmed one)."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def totp_confirm(*, user: User, device: TOTPDevice, token: str) -> TOTPDevice:
    if device.user_id != user.pk:
        raise PermissionDenied
    if not device.verify_token(token.strip().replace(" ", "")):
        raise ValidationError({"token": _("The code is not correct or has expired. Try again.")})
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        record_event(actor=user, event_type=EventType.TOTP_ENABLED, obj=user)
    return device


def totp_remove(*, actor: User, user: User) -> None:
    if actor.pk != user.pk:
        _require(actor, Action.MANAGE_USERS)
        _check_role_grant(actor, user.agency, [])
    with transaction.atomic():
        deleted, _detail = TOTPDevice.objects.filter(user=user).delete()
        if deleted:
            record_event(actor=actor, event_type=EventType.TOTP_DISABLED, obj=user)
