"""Writes of the case module. Each validates, saves in one transaction and records one audit
event on the case (the case timeline is built from those events).

The writes are grouped by topic: ``files`` (opening a case, its facts, status, parties, victim decisions, journey, documents and notes), ``sharing`` (grants to other agencies, including the victim grants of referrals) and ``qualification`` (running the legal qualification); shared guards live in ``_common``.
"""

from __future__ import annotations

from lentera.apps.cases.services._common import DOCUMENT_TYPES, MAX_DOCUMENT_BYTES
from lentera.apps.cases.services.files import (
    case_add_party,
    case_open,
    case_set_status,
    case_update_facts,
    document_add,
    journey_add_leg,
    note_add,
    victim_decide,
)
from lentera.apps.cases.services.qualification import qualification_run
from lentera.apps.cases.services.sharing import (
    case_grant_for_referral,
    case_hand_over,
    case_share,
    case_share_revoke,
)

__all__ = [
    "DOCUMENT_TYPES",
    "MAX_DOCUMENT_BYTES",
    "case_add_party",
    "case_grant_for_referral",
    "case_hand_over",
    "case_open",
    "case_set_status",
    "case_share",
    "case_share_revoke",
    "case_update_facts",
    "document_add",
    "journey_add_leg",
    "note_add",
    "qualification_run",
    "victim_decide",
]
