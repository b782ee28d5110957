"""The investigation records of the authorization matrix's world (``tests/authz.py``): on the
police case of Polresta Kupang Kota, a wanted notice, a court order, a digital evidence item,
a transfer, and an alert of the agency."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from lentera.apps.accounts.models import User
from lentera.apps.investigation import services
from lentera.apps.investigation.models import InvestigationAlert
from lentera.apps.investigation.services import TransferInput
from lentera.apps.justice import wanted


def investigation_world(*, investigator: User, case: Any, proceeding: Any) -> dict[str, Any]:
    today = timezone.localdate()
    assert investigator.agency is not None
    notice = wanted.wanted_issue(
        actor=investigator,
        proceeding=proceeding,
        issued_by=investigator.agency,
        issued_on=today,
        number="DPO/1",
    )
    order = services.order_record(
        actor=investigator,
        case=case,
        kind="interception",
        number="1/Pen/Sadap/PN Kpg",
        court="PN Kupang",
        issued_on=today - timedelta(days=10),
        valid_from=today - timedelta(days=10),
        valid_until=today + timedelta(days=100),
        target="0813 0000 1111",
        today=today,
    )
    item = services.evidence_add(
        actor=investigator,
        case=case,
        kind="digital",
        description="Ekspor percakapan",
        seized_by="Bripka Contoh",
        seized_at=timezone.now() - timedelta(days=1),
        seized_place="Alak",
        storage_place="Lemari bukti",
        content=b"chat export",
    )
    transfer = services.transfer_record(
        actor=investigator,
        case=case,
        row=TransferInput(
            channel="bank",
            amount=12_000_000,
            on=today - timedelta(days=3),
            from_provider="BNI",
            from_account="0291 7765 43",
            to_provider="BRI",
            to_account="4410 0101 2345 507",
        ),
    )
    alert = InvestigationAlert.objects.create(
        agency=investigator.agency,
        kind="link",
        key="matrix",
        case=case,
        own_record=case.reference,
        holder=investigator.agency,
    )
    return {
        "notice_id": notice.pk,
        "order_id": order.pk,
        "evidence_id": item.pk,  # not "item_id": an action item of coordination has that
        "transfer_id": transfer.pk,
        "alert_id": alert.pk,
    }
