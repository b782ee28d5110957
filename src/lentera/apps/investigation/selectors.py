"""Reads of a case's investigation records for the page and the API alike, starting from the
policy; free text and account numbers only to those who may read them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from lentera.apps.accounts.audit import record_access
from lentera.apps.accounts.models import AccessPurpose
from lentera.apps.accounts.policies import Requester, is_user
from lentera.apps.cases.models import Case
from lentera.apps.investigation import policies
from lentera.apps.investigation.models import CallRecord, CourtOrder, EvidenceItem, Transfer
from lentera.apps.investigation.vocab import EXPIRY_WARNING_DAYS, OrderOutcome
from lentera.privacy import MASK, unseal


def mask_account(value: str) -> str:
    """The last two characters of an account number, the rest hidden."""
    plain = unseal(value)
    return f"{MASK}{plain[-2:]}" if len(plain) > 4 else MASK if plain else ""


@dataclass
class TransferRow:
    t: Transfer
    from_account: str
    to_account: str
    from_person: str
    to_person: str


@dataclass
class OrderRow:
    order: CourtOrder
    days_left: int | None
    warn: bool
    target: str
    note: str
    outcome_form: Any = None  # the page's form, set by the view of a user who records


@dataclass
class ItemRow:
    item: EvidenceItem
    description: str
    seized_place: str
    custody: list[Any]
    handover_form: Any = None  # the page's forms, set by the view of a user who records
    status_form: Any = None


@dataclass
class CallRow:
    c: CallRecord
    caller: str
    callee: str


@dataclass
class Register:
    orders: list[OrderRow] = field(default_factory=list)
    items: list[ItemRow] = field(default_factory=list)
    transfers: list[TransferRow] = field(default_factory=list)
    total: int = 0
    calls: list[CallRow] = field(default_factory=list)
    text: bool = False
    revealed: bool = False


def case_register(*, user: Requester, case: Case, reveal: bool = False) -> Register:
    """The court orders, the evidence register and the transfers of ``case`` (whose records the
    user reads: the caller fetched it through :func:`policies.case_for`). ``reveal`` shows the
    account numbers the user may see, and logs it."""
    text = policies.sees_text(user, case)
    today = timezone.localdate()
    register = Register(text=text)
    for order in CourtOrder.objects.filter(case=case).select_related("agency", "subject__person"):
        left = (order.valid_until - today).days if order.valid_until else None
        running = order.outcome == OrderOutcome.PENDING
        register.orders.append(
            OrderRow(
                order=order,
                days_left=left if running else None,
                warn=running and left is not None and left <= EXPIRY_WARNING_DAYS,
                target=unseal(order.target) if text else str(order.target),
                note=unseal(order.outcome_note) if text else str(order.outcome_note),
            )
        )
    items = EvidenceItem.objects.filter(case=case).select_related("holder_agency", "seized_agency")
    for item in items.prefetch_related("custody__to_agency", "custody__from_agency"):
        register.items.append(
            ItemRow(
                item=item,
                description=unseal(item.description) if text else str(item.description),
                seized_place=unseal(item.seized_place) if text else str(item.seized_place),
                custody=list(item.custody.all()),
            )
        )
    shown = False
    transfers = Transfer.objects.filter(case=case).select_related("from_person", "to_person")
    for t in transfers:
        sides = []
        for account, person in ((t.from_account, t.from_person), (t.to_account, t.to_person)):
            if reveal and policies.sees_account(user, case, person) and unseal(account):
                sides.append(unseal(account))
                shown = True
            else:
                sides.append(mask_account(account))
        register.transfers.append(
            TransferRow(
                t=t,
                from_account=sides[0],
                to_account=sides[1],
                from_person=_label(t.from_person),
                to_person=_label(t.to_person),
            )
        )
        register.total += t.amount
    for call in CallRecord.objects.filter(case=case).order_by("-at", "-id")[:200]:
        numbers = []
        for value in (call.caller, call.callee):
            if reveal and policies.sees_text(user, case):
                numbers.append(unseal(value))
                shown = True
            else:
                numbers.append(mask_account(value))
        register.calls.append(CallRow(c=call, caller=numbers[0], callee=numbers[1]))
    if shown and is_user(user):
        record_access(
            user=user,
            obj=case,
            fields=["transfer.from_account", "transfer.to_account", "call.numbers"],
            purpose=AccessPurpose.INVESTIGATION,
            purpose_note="transfer accounts",
        )
        register.revealed = True
    return register


def _label(person: Any) -> str:
    return "" if person is None else f"{person.initials or '?'} #{person.pk}"
