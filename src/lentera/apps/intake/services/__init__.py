"""Writes of the intake module, and the logged reads of a complaint's protected fields.

Every service validates, writes in one transaction and records one audit event on the complaint
(opening a case from a complaint is the case's own service followed by the attachment, so two).
A refused call writes nothing. Reading the reporter's identity or the narrative writes the
access log.

On receipt the triage rules (:mod:`lentera.apps.intake.triage`) already suggest an urgency, a
due time and an agency, so a critical complaint that arrives at night is routed and counted as
due at once; the officer who triages confirms or overrides them (with a reason).

The writes are grouped by topic: ``receiving`` (the public page, an officer's registration, the SMS/WhatsApp gateway), ``handling`` (triage, acknowledgement, attaching, opening a case, closing, reopening) and ``reads`` (the logged reads of protected fields); shared guards live in ``_common``.
"""

from __future__ import annotations

from lentera.apps.intake.services._common import (
    CLOCK_SKEW,
    MAX_NARRATIVE,
    PUBLIC_INTAKE_TYPES,
    Suggestion,
    find_agency,
    triage_suggestion,
)
from lentera.apps.intake.services.handling import (
    COMPLAINT_REOPENED,
    complaint_acknowledge,
    complaint_attach,
    complaint_close,
    complaint_open_case,
    complaint_reopen,
    complaint_triage,
)
from lentera.apps.intake.services.reads import narrative_read, reporter_reveal
from lentera.apps.intake.services.receiving import (
    FactsInput,
    GatewayReceipt,
    ReporterInput,
    complaint_receive_gateway,
    complaint_register,
    complaint_submit_public,
    public_receiving_agency,
)

__all__ = [
    "CLOCK_SKEW",
    "COMPLAINT_REOPENED",
    "MAX_NARRATIVE",
    "PUBLIC_INTAKE_TYPES",
    "FactsInput",
    "GatewayReceipt",
    "ReporterInput",
    "Suggestion",
    "complaint_acknowledge",
    "complaint_attach",
    "complaint_close",
    "complaint_open_case",
    "complaint_receive_gateway",
    "complaint_register",
    "complaint_reopen",
    "complaint_submit_public",
    "complaint_triage",
    "find_agency",
    "narrative_read",
    "public_receiving_agency",
    "reporter_reveal",
    "triage_suggestion",
]
