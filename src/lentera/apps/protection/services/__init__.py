"""Writes of the protection module. Each checks the policy, validates, saves in one transaction
and records one audit event **on the case** (``obj=case``) so the case timeline shows it.

Referrals share the case with the receiving agency through a ``cases.CaseGrant`` limited to what
the consent allows (facts; facts and people; plus identity); the grant is opened and closed by
``cases.services.case_grant_for_referral``, never written here. An adult's referral without a
consent covering the receiving agency and what is shared is refused: one REFERRAL_REFUSED event,
nothing else written, and :class:`ConsentMissing` explains why. A child, or a case where the law
requires it, may be referred without consent; the override and its legal basis are recorded
(event CONSENT_OVERRIDDEN).

The writes are grouped by topic (identification, consent, care, referrals, returns, restitution, directory, notifications); shared guards live in ``_common``. Import from this package: ``from lentera.apps.protection import services``.
"""

from __future__ import annotations

from lentera.apps.protection.services._common import ConsentMissing, IllegalTransition, is_child
from lentera.apps.protection.services.care import service_plan, service_set_status
from lentera.apps.protection.services.consent import consent_record, consent_withdraw
from lentera.apps.protection.services.directory import provider_save
from lentera.apps.protection.services.identification import (
    assessment_record,
    identification_record,
    identification_sync_status,
    suggest_decision,
)
from lentera.apps.protection.services.notifications import notification_read, notify_timers
from lentera.apps.protection.services.referrals import (
    referral_accept,
    referral_complete,
    referral_decline,
    referral_police_reported,
    referral_send,
)
from lentera.apps.protection.services.restitution import (
    RESTITUTION_STEP_FIELDS,
    restitution_claim,
    restitution_update,
)
from lentera.apps.protection.services.returns import (
    reintegration_visit,
    return_cancel,
    return_complete,
    return_plan,
    return_update,
)

__all__ = [
    "RESTITUTION_STEP_FIELDS",
    "ConsentMissing",
    "IllegalTransition",
    "assessment_record",
    "consent_record",
    "consent_withdraw",
    "identification_record",
    "identification_sync_status",
    "is_child",
    "notification_read",
    "notify_timers",
    "provider_save",
    "referral_accept",
    "referral_complete",
    "referral_decline",
    "referral_police_reported",
    "referral_send",
    "reintegration_visit",
    "restitution_claim",
    "restitution_update",
    "return_cancel",
    "return_complete",
    "return_plan",
    "return_update",
    "service_plan",
    "service_set_status",
    "suggest_decision",
]
