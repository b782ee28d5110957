"""The directory of service providers."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.protection.models import (
    Provider,
)
from lentera.apps.protection.policies import providers
from lentera.apps.protection.services._common import _codes
from lentera.apps.protection.vocab import (
    ProviderKind,
    ServiceType,
)
from lentera.apps.reference.models import Region


def provider_save(
    *,
    actor: User,
    provider: Provider | None = None,
    name: str,
    kind: str,
    agency: Agency | None = None,
    services: Iterable[str] = (),
    region: Region | None = None,
    address: str = "",
    phone: str = "",
    email: str = "",
    contact_person: str = "",
    accepts_children: bool = False,
    is_active: bool | None = None,
) -> Provider:
    """Create or edit a directory entry (reference managers; an agency's admin for its own).
    ``is_active`` left out keeps an edited provider as it is (a new one is active)."""
    if not providers.can_edit(actor, provider):
        raise deny()
    if not actor.has_action(Action.MANAGE_REFERENCE) and (
        agency is None or agency.pk != actor.agency_id
    ):
        raise ValidationError({"agency": _("You can only list providers of your own agency.")})
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = _("Give a name.")
    elif (
        Provider.objects.filter(name=name.strip())
        .exclude(pk=provider.pk if provider is not None else 0)
        .exists()
    ):
        errors["name"] = _("A provider with this name is already listed.")
    if kind not in ProviderKind.values:
        errors["kind"] = _("Unknown kind.")
    offered = _codes(services, ServiceType.values, "services")
    if errors:
        raise ValidationError(errors)
    row = provider or Provider()
    values = {
        "name": name.strip(),
        "kind": kind,
        "agency": agency,
        "services": offered,
        "region": region,
        "address": address.strip(),
        "phone": phone.strip(),
        "email": email.strip(),
        "contact_person": contact_person.strip(),
        "accepts_children": accepts_children,
        "is_active": row.is_active if is_active is None else is_active,
        "updated_by": actor,
        "updated_at": timezone.now(),
    }
    with transaction.atomic():
        for key, value in values.items():
            setattr(row, key, value)
        if provider is None:
            row.save()
        else:
            row.save(update_fields=list(values))
        record_event(
            actor=actor,
            event_type=EventType.PROVIDER_SAVED,
            obj=row,
            summary=row.name,
            data={"provider": row.pk, "services": offered},
        )
    return row
