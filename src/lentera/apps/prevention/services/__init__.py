"""Writes of the prevention module, and the logged reads of screenings' identity fields.

Every service checks the actor, validates, writes in one transaction and records one audit event
(opening a complaint or a case from a screening is the intake or case service followed by the
link, so their events too). A refused or invalid call writes nothing.

Screening without storing (the public page, the API without ``store``) is
:func:`lentera.apps.prevention.engine.check_offer`: no service, no row, no event.

The writes are grouped by topic: ``offers`` (job offers screened, imported, triaged, turned into complaints, and their logged reads) and ``departures`` (posko interviews, the traveller's identity, and the case or complaint opened from one); ``outreach`` (outreach events, courses, participants and their follow-up evaluation, the reminder sweep) and ``placement`` (the P3MI register and the recruiter named on a screening); shared guards live in ``_common``.
"""

from __future__ import annotations

from lentera.apps.prevention.services._common import MAX_NOTE, complaints_available
from lentera.apps.prevention.services.community import (
    can_open_case_from_report,
    delay_answer,
    delay_request,
    report_from_sms,
    report_open_case,
    report_record,
    report_reveal,
    report_triage,
    takedown_answer,
    takedown_link_case,
    takedown_record,
    takedown_reveal,
)
from lentera.apps.prevention.services.departures import (
    ABROAD_FLAGS,
    DEPARTURE_REFERRED,
    MAX_POST,
    RECRUITMENT_CHANNEL,
    can_open_case,
    can_open_complaint,
    departure_identity_reveal,
    departure_open_case,
    departure_open_complaint,
    departure_screen,
    has_identity,
)
from lentera.apps.prevention.services.offers import (
    offer_open_complaint,
    offer_reveal,
    offer_screen,
    offer_triage,
    offers_import,
)
from lentera.apps.prevention.services.outreach import (
    REMIND_DAYS_BEFORE,
    EvaluationReminder,
    add_months,
    attendance_record,
    course_record,
    event_record,
    participant_evaluate,
    participant_reveal,
    participants_add,
    participants_reveal,
    remind_evaluations,
)
from lentera.apps.prevention.services.placement import (
    AgencyRecord,
    ImportResult,
    check_record,
    placement_agencies_import,
    placement_agency_save,
    recruiter_name,
    recruiter_reveal,
    worker_recheck,
    worker_register,
    worker_reveal,
)
from lentera.apps.prevention.services.returns import (
    ManifestResult,
    ReferralResult,
    home_agency,
    manifest_import,
    operation_create,
    region_progress,
    returnee_register,
    returnee_reintegrated,
    returnee_reveal,
    returnee_screen,
    returnee_search,
    returns_refer,
)

__all__ = [
    "ABROAD_FLAGS",
    "DEPARTURE_REFERRED",
    "MAX_NOTE",
    "MAX_POST",
    "RECRUITMENT_CHANNEL",
    "REMIND_DAYS_BEFORE",
    "AgencyRecord",
    "EvaluationReminder",
    "ImportResult",
    "ManifestResult",
    "ReferralResult",
    "add_months",
    "attendance_record",
    "can_open_case",
    "can_open_case_from_report",
    "can_open_complaint",
    "check_record",
    "complaints_available",
    "course_record",
    "delay_answer",
    "delay_request",
    "departure_identity_reveal",
    "departure_open_case",
    "departure_open_complaint",
    "departure_screen",
    "event_record",
    "has_identity",
    "home_agency",
    "manifest_import",
    "offer_open_complaint",
    "offer_reveal",
    "offer_screen",
    "offer_triage",
    "offers_import",
    "operation_create",
    "participant_evaluate",
    "participant_reveal",
    "participants_add",
    "participants_reveal",
    "placement_agencies_import",
    "placement_agency_save",
    "recruiter_name",
    "recruiter_reveal",
    "region_progress",
    "remind_evaluations",
    "report_from_sms",
    "report_open_case",
    "report_record",
    "report_reveal",
    "report_triage",
    "returnee_register",
    "returnee_reintegrated",
    "returnee_reveal",
    "returnee_screen",
    "returnee_search",
    "returns_refer",
    "takedown_answer",
    "takedown_link_case",
    "takedown_record",
    "takedown_reveal",
    "worker_recheck",
    "worker_register",
    "worker_reveal",
]
