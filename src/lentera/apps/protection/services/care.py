"""Services planned for a victim and their status."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts import wording
from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.cases.models import CaseParty
from lentera.apps.protection.models import (
    Service,
)
from lentera.apps.protection.policies import can_act
from lentera.apps.protection.services._common import _require, _transition, _victim
from lentera.apps.protection.vocab import (
    SERVICE_TRANSITIONS,
    ServiceStatus,
    ServiceType,
)


def service_plan(
    *,
    actor: User,
    party: CaseParty,
    service_type: str,
    provider_agency: Agency,
    due_on: date | None = None,
    urgent: bool = False,
    note: str = "",
) -> Service:
    case = party.case
    _require(actor, Action.PROVIDE_SERVICE, case, party)
    _victim(party)
    if service_type not in ServiceType.values:
        raise ValidationError({"service_type": _("Unknown service.")})
    with transaction.atomic():
        service = Service.objects.create(
            case=case,
            party=party,
            agency_id=actor.agency_id,
            recorded_by=actor,
            service_type=service_type,
            provider_agency=provider_agency,
            due_on=due_on,
            urgent=urgent,
            note=note.strip()[:300],
        )
        record_event(
            actor=actor,
            event_type=EventType.SERVICE_PLANNED,
            obj=case,
            summary=[
                party.person.initials,
                ": ",
                wording.label(ServiceType, service_type),
                f" · {provider_agency}",
            ],
            data={
                "service": service.pk,
                "party": party.pk,
                "type": service_type,
                "provider": provider_agency.pk,
                "urgent": urgent,
            },
        )
    return service


def service_set_status(
    *, actor: User, service: Service, status: str, at: datetime | None = None, note: str = ""
) -> Service:
    """Move a service along planned → in progress → done (or cancelled). The provider agency or
    an agency working on the case may do it. Cancelling needs a reason."""
    if not (
        can_act(actor, Action.PROVIDE_SERVICE, service.case, service.party)
        or (
            actor.agency_id == service.provider_agency_id
            and actor.has_action(Action.PROVIDE_SERVICE)
        )
    ):
        raise deny()
    _transition(service.status, status, SERVICE_TRANSITIONS)
    if status == ServiceStatus.CANCELLED and not note.strip():
        raise ValidationError({"note": _("Say why the service is cancelled.")})
    when = at or timezone.now()
    if when > timezone.now():
        raise ValidationError({"at": _("The date is in the future.")})
    old = service.status
    extra: dict[str, Any] = {"status_note": note.strip()[:300], "status_changed_at": when}
    if status == ServiceStatus.IN_PROGRESS:
        extra["started_at"] = when
    if status == ServiceStatus.DONE:
        extra["completed_at"] = when
    with transaction.atomic():
        transition(
            Service.objects,
            service.pk,
            from_states=[old],
            to_state=status,
            instance=service,
            **extra,
        )
        record_event(
            actor=actor,
            event_type=EventType.SERVICE_UPDATED,
            obj=service.case,
            summary=[
                wording.label(ServiceType, service.service_type),
                ": ",
                wording.label(ServiceStatus, status),
            ],
            data={"service": service.pk, "from": old, "to": status, "note": service.status_note},
        )
    return service
