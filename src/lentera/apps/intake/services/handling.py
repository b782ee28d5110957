"""Handling a complaint: triage, acknowledgement, attaching to a case, opening one, closing and reopening."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lentera.apps.accounts import wording
from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.cases.models import Case
from lentera.apps.cases.policies import cases
from lentera.apps.cases.services import case_open
from lentera.apps.intake.models import (
    Acknowledgement,
    CloseReason,
    Complaint,
    ComplaintStatus,
    Urgency,
    YesNoUnknown,
)
from lentera.apps.intake.policies import complaints
from lentera.apps.intake.services._common import (
    _require_handler,
    _require_status,
    _update,
    triage_suggestion,
)
from lentera.apps.intake.triage import DUE_WITHIN
from lentera.apps.reference.models import Region

COMPLAINT_REOPENED = cast(EventType, getattr(EventType, "COMPLAINT_REOPENED", "complaint_reopened"))

# the urgency on the complaint's history, in the reader's language (accounts.wording)
_URGENCY_WORDS = {
    Urgency.CRITICAL: gettext_noop("Critical"),
    Urgency.HIGH: gettext_noop("High"),
    Urgency.NORMAL: gettext_noop("Normal"),
}


def complaint_triage(
    *,
    actor: User,
    complaint: Complaint,
    version: int,
    involves_child: str,
    danger_now: bool,
    departure_today: bool,
    migrant_worker: bool,
    any_child: bool | None = None,
    any_man: bool | None = None,
    people_count: int | None = None,
    urgency: str = "",
    routed_agency: Agency | None = None,
    reason: str = "",
    public_note: str | None = None,
) -> Complaint:
    """Confirm the facts and the triage. Empty ``urgency`` / ``routed_agency`` take what the rules
    say; anything else overrides them and needs a ``reason``. ``version`` is the one the officer
    loaded: a complaint changed meanwhile is not silently overwritten."""
    _require_handler(actor, complaint)
    _require_status(complaint, (ComplaintStatus.RECEIVED, ComplaintStatus.TRIAGED))
    errors: dict[str, list[str]] = {}
    if involves_child not in YesNoUnknown.values:
        errors.setdefault("involves_child", []).append(_("Unknown choice."))
    if urgency and urgency not in Urgency.values:
        errors.setdefault("urgency", []).append(_("Unknown urgency."))
    if people_count is not None and not 0 <= people_count <= 999:
        errors.setdefault("people_count", []).append(_("Give a number between 0 and 999."))
    if routed_agency is not None and not routed_agency.is_active:
        errors.setdefault("routed_agency", []).append(_("This agency is no longer active."))
    if errors:
        raise ValidationError(errors)
    probe = Complaint(
        received_at=complaint.received_at,
        region=complaint.region,
        receiving_agency=complaint.receiving_agency,
        involves_child=involves_child,
        any_child=complaint.any_child if any_child is None else any_child,
        danger_now=danger_now,
        departure_today=departure_today,
        migrant_worker=migrant_worker,
    )
    suggestion = triage_suggestion(probe)
    final_urgency = urgency or suggestion.urgency
    final_agency = routed_agency or suggestion.agency
    agency_overridden = routed_agency is not None and (
        suggestion.agency is None or routed_agency.pk != suggestion.agency.pk
    )
    overridden = final_urgency != suggestion.urgency or agency_overridden
    reason = " ".join(reason.split())
    if overridden and not reason:
        raise ValidationError(
            {"reason": _("Say why you decide differently from the triage rules.")}
        )
    due_at = complaint.received_at + DUE_WITHIN[final_urgency]
    values: dict[str, Any] = {
        "involves_child": involves_child,
        "danger_now": danger_now,
        "departure_today": departure_today,
        "migrant_worker": migrant_worker,
        "any_child": probe.any_child,
        "urgency": final_urgency,
        "due_at": due_at,
        "routed_agency": final_agency,
        "routing_rule": "override" if agency_overridden else suggestion.routing_rule,
        # the task force of the region is told whoever handles the complaint
        "task_force": suggestion.task_force,
        "override_reason": reason[:300] if overridden else "",
        "triaged_by": actor,
        "triaged_at": timezone.now(),
        "status": ComplaintStatus.TRIAGED,
    }
    if any_man is not None:
        values["any_man"] = any_man
    if people_count is not None:
        values["people_count"] = people_count
    if public_note is not None:
        values["public_note"] = public_note.strip()[:500]
    with transaction.atomic():
        before = _update(complaint, version, values)
        record_event(
            actor=actor,
            event_type=EventType.COMPLAINT_TRIAGED,
            obj=complaint,
            summary=[
                wording.text(_URGENCY_WORDS[Urgency(final_urgency)]),
                f" → {final_agency or '—'}",
            ],
            data={
                "from": before,
                "to": ComplaintStatus.TRIAGED,
                "urgency": final_urgency,
                "routed_agency": final_agency.pk if final_agency else None,
                "routing_rule": values["routing_rule"],
                "override": overridden,
                "version": complaint.version,
            },
        )
    return complaint


def complaint_acknowledge(*, actor: User, complaint: Complaint, method: str) -> Complaint:
    """Record that the reporter was given the tracking code (or called back)."""
    _require_handler(actor, complaint)
    if method not in Acknowledgement.values or not method:
        raise ValidationError({"method": _("Choose how the reporter was acknowledged.")})
    if complaint.reporter_anonymous and method in (
        Acknowledgement.CALLBACK,
        Acknowledgement.LETTER,
    ):
        raise ValidationError({"method": _("An anonymous reporter cannot be contacted.")})
    now = timezone.now()
    with transaction.atomic():
        _update(complaint, None, {"acknowledgement": method, "acknowledged_at": now})
        record_event(
            actor=actor,
            event_type=EventType.COMPLAINT_ACKNOWLEDGED,
            obj=complaint,
            summary=[wording.label(Acknowledgement, method)],
            data={"method": method},
        )
    return complaint


def complaint_attach(
    *,
    actor: User,
    complaint: Complaint,
    case: Case,
    version: int | None = None,
    public_note: str | None = None,
) -> Complaint:
    """Attach the complaint to an existing case the officer may see (a triage officer of a
    handling agency, or one of its users who edit case files)."""
    if not complaints.can_take_up(actor, complaint, Action.EDIT_CASE):
        raise deny()
    if not cases.can(actor, Action.VIEW_CASE, case):
        raise deny()
    _require_status(complaint, (ComplaintStatus.RECEIVED, ComplaintStatus.TRIAGED))
    values: dict[str, Any] = {
        "case": case,
        "status": ComplaintStatus.LINKED,
        "linked_at": timezone.now(),
    }
    if public_note is not None:
        values["public_note"] = public_note.strip()[:500]
    with transaction.atomic():
        before = _update(complaint, version, values)
        record_event(
            actor=actor,
            event_type=EventType.COMPLAINT_LINKED,
            obj=complaint,
            summary=case.reference,
            data={
                "from": before,
                "to": ComplaintStatus.LINKED,
                "case": case.pk,
                "reference": case.reference,
            },
        )
    return complaint


def complaint_open_case(
    *,
    actor: User,
    complaint: Complaint,
    title: str,
    region: Region,
    version: int | None = None,
) -> Case:
    """Open a new case from the complaint (when no existing case fits) and attach it. The
    reporter's identity and the narrative stay with the complaint (Pasal 33). A user of the
    agency the complaint was routed to (e.g. the police) may, when their role opens cases."""
    if not complaints.can_take_up(actor, complaint, Action.CREATE_CASE):
        raise deny()
    _require_status(complaint, (ComplaintStatus.RECEIVED, ComplaintStatus.TRIAGED))
    with transaction.atomic():
        case = case_open(actor=actor, title=title, region=region)
        complaint_attach(actor=actor, complaint=complaint, case=case, version=version)
    return case


def complaint_close(
    *,
    actor: User,
    complaint: Complaint,
    reason: str,
    note: str = "",
    public_note: str | None = None,
    version: int | None = None,
) -> Complaint:
    _require_handler(actor, complaint)
    _require_status(complaint, (ComplaintStatus.RECEIVED, ComplaintStatus.TRIAGED))
    note = " ".join(note.split())
    if reason not in CloseReason.values:
        raise ValidationError({"reason": _("Choose why the complaint is closed.")})
    if reason == CloseReason.OTHER and not note:
        raise ValidationError({"note": _("Explain why the complaint is closed.")})
    values: dict[str, Any] = {
        "status": ComplaintStatus.CLOSED,
        "closed_at": timezone.now(),
        "close_reason": reason,
        "close_note": note[:300],
    }
    if public_note is not None:
        values["public_note"] = public_note.strip()[:500]
    with transaction.atomic():
        before = _update(complaint, version, values)
        record_event(
            actor=actor,
            event_type=EventType.COMPLAINT_CLOSED,
            obj=complaint,
            summary=[wording.label(CloseReason, reason)],
            data={"from": before, "to": ComplaintStatus.CLOSED, "reason": reason},
        )
    return complaint


def complaint_reopen(
    *, actor: User, complaint: Complaint, reason: str, version: int | None = None
) -> Complaint:
    """A closed complaint goes back to where it was before closing (received or triaged)."""
    _require_handler(actor, complaint)
    _require_status(complaint, (ComplaintStatus.CLOSED,))
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError({"reason": _("Say why the complaint is reopened.")})
    back = ComplaintStatus.TRIAGED if complaint.triaged_at else ComplaintStatus.RECEIVED
    with transaction.atomic():
        before = _update(
            complaint,
            version,
            {"status": back, "closed_at": None, "close_reason": "", "close_note": ""},
        )
        record_event(
            actor=actor,
            event_type=COMPLAINT_REOPENED,
            obj=complaint,
            summary=reason[:200],
            data={"reason": reason[:200], "from": before, "status": back},
        )
    return complaint
