"""Writing audit events and identity-access records (called by services only)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import translation

from lentera.apps.accounts import wording
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AccessLog, AccessPurpose, AuditEvent, User
from lentera.apps.accounts.wording import Part


def object_label(obj: models.Model) -> tuple[str, str]:
    return obj._meta.label_lower, str(obj.pk)


def record_event(
    *,
    actor: User | None,
    event_type: EventType,
    obj: models.Model | None = None,
    summary: str | list[Part] = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """``summary`` is a sentence, or parts (``accounts.wording``) that each reader sees in their
    own language; the parts are kept in ``data["summary_parts"]``."""
    object_type, object_id = object_label(obj) if obj is not None else ("", "")
    if isinstance(summary, list):
        data = {**(data or {}), "summary_parts": summary}
        with translation.override(settings.LANGUAGE_CODE):
            summary = wording.render(summary)
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_agency_id=getattr(actor, "agency_id", None),
        event_type=event_type,
        object_type=object_type,
        object_id=object_id,
        summary=summary[:300],
        data=data or {},
    )


def record_access(
    *,
    user: User,
    obj: models.Model,
    fields: list[str],
    purpose: AccessPurpose | str,
    purpose_note: str = "",
    channel: str = "web",
) -> AccessLog:
    object_type, object_id = object_label(obj)
    return AccessLog.objects.create(
        user=user,
        agency_id=user.agency_id,
        object_type=object_type,
        object_id=object_id,
        fields=sorted(fields),
        purpose=purpose,
        purpose_note=purpose_note[:300],
        channel=channel,
    )


def record_lookup(
    *, user: User, kinds: list[str], found: int, held_elsewhere: int, channel: str = "web"
) -> AccessLog:
    """A look-up by identifier (NIK, phone, account, name): which kinds were searched and how
    many records answered, never the values typed."""
    return AccessLog.objects.create(
        user=user,
        agency_id=user.agency_id,
        object_type="people.lookup",
        object_id="",
        fields=sorted(kinds),
        purpose=AccessPurpose.VERIFICATION,
        purpose_note=f"found {found}; held by other agencies {held_elsewhere}",
        channel=channel,
    )
