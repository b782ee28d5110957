"""Investigation services (every write of the investigation app); see the topic modules."""

from lentera.apps.investigation.services.alerts import alert_read, alerts_for
from lentera.apps.investigation.services.calls import calls_import
from lentera.apps.investigation.services.evidence_register import (
    MAX_EVIDENCE_BYTES,
    evidence_add,
    evidence_file,
    evidence_hand_over,
    evidence_trial_status,
)
from lentera.apps.investigation.services.links import (
    links_for_case,
    links_for_complaint,
    links_for_screening,
    links_sweep,
)
from lentera.apps.investigation.services.money import (
    ImportResult,
    TransferInput,
    statement_import,
    transfer_record,
)
from lentera.apps.investigation.services.orders import order_outcome, order_record, orders_alert

__all__ = [
    "MAX_EVIDENCE_BYTES",
    "ImportResult",
    "TransferInput",
    "alert_read",
    "alerts_for",
    "calls_import",
    "evidence_add",
    "evidence_file",
    "evidence_hand_over",
    "evidence_trial_status",
    "links_for_case",
    "links_for_complaint",
    "links_for_screening",
    "links_sweep",
    "order_outcome",
    "order_record",
    "orders_alert",
    "statement_import",
    "transfer_record",
]
