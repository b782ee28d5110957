"""Court orders with their clocks: interception permits (Pasal 31 UU 21/2007: written
permission of the district court chair, for at most one year) and asset-blocking orders
(Pasal 32), their outcome, and the expiry sweep that alerts the holding agencies."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import User
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.investigation.models import CourtOrder, InvestigationAlert
from lentera.apps.investigation.services._common import require_record, require_text
from lentera.apps.investigation.vocab import (
    EXPIRY_WARNING_DAYS,
    INTERCEPTION_MAX_DAYS,
    AlertKind,
    OrderKind,
    OrderOutcome,
)


def order_record(
    *,
    actor: User,
    case: Case,
    kind: str,
    number: str,
    court: str,
    issued_on: date,
    valid_from: date,
    valid_until: date | None = None,
    subject: CaseParty | None = None,
    target: str = "",
    today: date,
) -> CourtOrder:
    """Record a court order on the case (the actor's agency requested it)."""
    agency = require_record(actor, case)
    errors: dict[str, str] = {}
    if kind not in OrderKind.values:
        errors["kind"] = _("Choose the kind of order.")
    if issued_on > today:
        errors["issued_on"] = _("The date cannot be in the future.")
    if valid_from < issued_on:
        errors["valid_from"] = _("An order cannot take effect before it was issued.")
    if valid_until is not None and valid_until < valid_from:
        errors["valid_until"] = _("The order ends before it starts.")
    if kind == OrderKind.INTERCEPTION:
        longest = valid_from + timedelta(days=INTERCEPTION_MAX_DAYS)
        if valid_until is None:
            errors["valid_until"] = _("An interception permit runs for a set period.")
        elif valid_until > longest:
            errors["valid_until"] = _(
                "An interception permit runs for at most one year (Pasal 31): until %(day)s."
            ) % {"day": longest.isoformat()}
    if subject is not None and subject.case_id != case.pk:
        errors["subject"] = _("Choose a person of this case.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        order = CourtOrder.objects.create(
            case=case,
            kind=kind,
            agency=agency,
            number=require_text(number, "number", _("Give the order number.")),
            court=require_text(court, "court", _("Name the court.")),
            issued_on=issued_on,
            valid_from=valid_from,
            valid_until=valid_until,
            subject=subject,
            target=target.strip(),
            recorded_by=actor,
        )
        record_event(
            actor=actor,
            event_type=EventType.COURT_ORDER_RECORDED,
            obj=case,
            summary=f"{OrderKind(kind).label}: {order.number}",
            data={"order": order.pk, "kind": kind},
        )
    return order


def order_outcome(
    *, actor: User, order: CourtOrder, outcome: str, on: date, note: str = "", version: int
) -> CourtOrder:
    """Record what the order gave (or that it was lifted or lapsed)."""
    require_record(actor, order.case)
    if outcome not in OrderOutcome.values or not outcome:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    if on < order.issued_on:
        raise ValidationError({"on": _("The date is before the order was issued.")})
    with transaction.atomic():
        transition(
            CourtOrder.objects,
            order.pk,
            from_states=[order.outcome],
            to_state=outcome,
            field="outcome",
            instance=order,
            version=version,
            outcome_on=on,
            outcome_note=note.strip(),
        )
        record_event(
            actor=actor,
            event_type=EventType.COURT_ORDER_OUTCOME,
            obj=order.case,
            summary=f"{order.number}: {OrderOutcome(outcome).label}",
            data={"order": order.pk, "outcome": outcome},
        )
    return order


def orders_alert(*, today: date) -> list[InvestigationAlert]:
    """The expiry sweep (the worker runs it; safe to repeat): a running order ending within
    :data:`EXPIRY_WARNING_DAYS` days alerts its agency once as *expiring*, one past its end once
    as *expired*. The alert names the order's number and end, never a person."""
    made: list[InvestigationAlert] = []
    running = CourtOrder.objects.filter(
        outcome=OrderOutcome.PENDING,
        valid_until__isnull=False,
        valid_until__lte=today + timedelta(days=EXPIRY_WARNING_DAYS),
    ).select_related("case")
    for order in running:
        assert order.valid_until is not None
        kind = AlertKind.ORDER_EXPIRED if order.valid_until < today else AlertKind.ORDER_EXPIRING
        try:
            with transaction.atomic():
                alert, created = InvestigationAlert.objects.get_or_create(
                    agency_id=order.agency_id,
                    key=f"order:{order.pk}:{kind}",
                    defaults={
                        "kind": kind,
                        "case": order.case,
                        "own_record": f"{order.case.reference} · {order.number}"[:80],
                        "order": order,
                        "due_on": order.valid_until,
                    },
                )
        except IntegrityError:  # a concurrent sweep wrote it
            continue
        if created:
            made.append(alert)
    return made
