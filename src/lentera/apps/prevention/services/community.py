"""Community reports (a village's residents leaving to work elsewhere; early warnings of RT/RW
heads, village officials and Bhabinkamtibmas), requests to Immigration to delay a passport or a
departure, and take-down requests to platforms.

Each write checks the actor against the record's policy, validates, writes in one transaction
and records one audit event; identity fields (a reporter's name and phone, a narrative, a post's
address, an account) never go into an event, and are unsealed only through the logged reveals.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_access, record_event
from lentera.apps.accounts.concurrency import lock, transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AccessPurpose, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.prevention.models import (
    CommunityReport,
    DelayRequest,
    DepartureScreening,
    OfferScreening,
    PlacementAgency,
    TakedownRequest,
)
from lentera.apps.prevention.policies import (
    community_reports,
    delay_requests,
    departures,
    does_prevention,
    offers,
    takedowns,
)
from lentera.apps.prevention.sms import parse_report
from lentera.apps.prevention.vocab import (
    REPORT_TRIAGE_STATUSES,
    DelayKind,
    DelayOutcome,
    Platform,
    ReporterRole,
    ReportKind,
    ReportStatus,
    TakedownFoundBy,
    TakedownOutcome,
)
from lentera.apps.reference.models import Region
from lentera.privacy import unseal

MAX_TEXT = 5000


# -- community reports ---------------------------------------------------------------------------


def report_record(
    *,
    actor: User,
    kind: str,
    region: Region | None,
    reporter_role: str = ReporterRole.OTHER,
    reporter_name: str = "",
    reporter_phone: str = "",
    people_count: int | None = None,
    destination: str = "",
    narrative: str = "",
    placement_agency: PlacementAgency | None = None,
    offer: OfferScreening | None = None,
    channel: str = "form",
    parse_flags: tuple[str, ...] = (),
    received_at: datetime | None = None,
) -> CommunityReport:
    """Record a community report for the actor's agency. A form report names its kelurahan or
    desa; an SMS is kept whatever it says (its problems are in ``parse_flags``)."""
    if not does_prevention(actor) or actor.agency_id is None:
        raise deny()
    agency_id: int = actor.agency_id
    errors: dict[str, list[str]] = {}
    if kind not in ReportKind.values:
        errors["kind"] = [_("Choose the kind of report.")]
    if reporter_role not in ReporterRole.values:
        errors["reporter_role"] = [_("Choose who reports.")]
    if channel == "form":
        if region is None:
            errors["region"] = [_("Choose the kelurahan or desa.")]
        if kind == ReportKind.EARLY_WARNING and not narrative.strip():
            errors["narrative"] = [_("Say what was seen or heard.")]
        if kind == ReportKind.RESIDENTS_LEAVING and not people_count:
            errors["people_count"] = [_("Give how many residents are leaving.")]
    if len(narrative) > MAX_TEXT:
        errors["narrative"] = [_("At most %(n)s characters.") % {"n": MAX_TEXT}]
    if offer is not None and not offers.can_handle(actor, offer):
        errors["offer"] = [_("Choose a job offer your agency screened.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report = CommunityReport.objects.create(
            agency_id=agency_id,
            recorded_by=actor,
            received_at=received_at or timezone.now(),
            kind=kind,
            channel=channel,
            reporter_role=reporter_role,
            reporter_name=reporter_name.strip()[:200],
            reporter_phone=reporter_phone.strip()[:40],
            region=region,
            people_count=people_count,
            destination=destination.strip()[:200],
            narrative=narrative.strip(),
            parse_flags=list(parse_flags),
            placement_agency=placement_agency,
            offer=offer,
        )
        record_event(
            actor=actor,
            event_type=EventType.COMMUNITY_REPORT_RECEIVED,
            obj=report,
            summary=f"{kind} {channel} {region.code if region else ''}",
            data={"kind": kind, "channel": channel, "people": people_count},
        )
    return report


def report_from_sms(
    *, actor: User, text: str, sender: str = "", received_at: datetime | None = None
) -> CommunityReport:
    """Store an SMS community report, however it reads (see :mod:`lentera.apps.prevention.sms`)."""
    parsed = parse_report(text)
    region = Region.objects.filter(code=parsed.region_code).first() if parsed.region_code else None
    flags = list(parsed.flags)
    if parsed.region_code and region is None:
        flags.append("unknown_region")
    return report_record(
        actor=actor,
        kind=parsed.kind,
        region=region,
        reporter_role=parsed.reporter_role,
        reporter_name=parsed.reporter_name,
        reporter_phone=sender,
        people_count=parsed.people_count,
        destination=parsed.destination,
        narrative=parsed.narrative or (text if "free_text" in flags else ""),
        channel="sms",
        parse_flags=tuple(flags),
        received_at=received_at,
    )


def report_triage(
    *, actor: User, report: CommunityReport, status: str, note: str = ""
) -> CommunityReport:
    """Set the triage status (new, watching, dismissed) like a complaint's."""
    if not community_reports.can_handle(actor, report):
        raise deny()
    if status not in REPORT_TRIAGE_STATUSES:
        raise ValidationError({"status": [_("Choose a status.")]})
    if len(note) > 500:
        raise ValidationError({"note": [_("At most 500 characters.")]})
    with transaction.atomic():
        before = report.status
        transition(
            CommunityReport.objects,
            report.pk,
            from_states=[before] if before != ReportStatus.CASE else [],
            to_state=status,
            instance=report,
            triaged_by_id=actor.pk,
            triaged_at=timezone.now(),
            note=note.strip(),
        )
        record_event(
            actor=actor,
            event_type=EventType.COMMUNITY_REPORT_TRIAGED,
            obj=report,
            data={"from": before, "to": status},
        )
    return report


def can_open_case_from_report(user: User, report: CommunityReport) -> bool:
    return (
        community_reports.can_handle(user, report)
        and user.has_action(Action.CREATE_CASE)
        and report.case_id is None
        and report.kind == ReportKind.EARLY_WARNING
    )


def report_open_case(*, actor: User, report: CommunityReport, title: str = "") -> Any:
    """Open a case led by the actor's agency from an early-warning report, in the report's
    region (the agency's when the report names none), and link the two."""
    from lentera.apps.cases.services import case_open

    if not can_open_case_from_report(actor, report):
        if report.case_id is not None and community_reports.can_handle(actor, report):
            raise ValidationError(_("A case was already opened from this report."))
        raise deny()
    region = report.region or (actor.agency.region if actor.agency else None)
    if region is None:
        raise ValidationError(_("Your agency has no region: a case cannot be opened from here."))
    with transaction.atomic():
        locked = lock(CommunityReport.objects, report.pk, case_id=None)
        case = case_open(
            actor=actor,
            title=title.strip() or _("Early warning from %(place)s") % {"place": region.name},
            region=region,
            narrative=unseal(locked.narrative),
        )
        transition(
            CommunityReport.objects,
            report.pk,
            from_states=[locked.status],
            to_state=ReportStatus.CASE,
            instance=report,
            case=case,
            triaged_by_id=actor.pk,
            triaged_at=timezone.now(),
        )
        record_event(
            actor=actor,
            event_type=EventType.COMMUNITY_REPORT_TRIAGED,
            obj=report,
            data={"from": locked.status, "to": ReportStatus.CASE, "case": case.pk},
        )
    return case


def report_reveal(*, user: User, report: CommunityReport) -> dict[str, str]:
    """The reporter's name and phone and the narrative, for the receiving agency (logged)."""
    if not community_reports.can_handle(user, report):
        raise deny()
    revealed = {
        "reporter_name": unseal(report.reporter_name),
        "reporter_phone": unseal(report.reporter_phone),
        "narrative": unseal(report.narrative),
    }
    record_access(
        user=user,
        obj=report,
        fields=[k for k, v in revealed.items() if v] or ["narrative"],
        purpose=AccessPurpose.VERIFICATION,
        purpose_note="community report",
    )
    return revealed


# -- delay requests --------------------------------------------------------------------------------


def delay_request(
    *,
    actor: User,
    departure: DepartureScreening,
    kind: str,
    immigration_office: str,
    sent_on: date,
    reference: str = "",
) -> DelayRequest:
    """Record the request sent to Immigration to delay the traveller's passport or departure."""
    if not departures.can_handle(actor, departure) or actor.agency_id is None:
        raise deny()
    agency_id: int = actor.agency_id
    errors: dict[str, list[str]] = {}
    if kind not in DelayKind.values:
        errors["kind"] = [_("Choose what is asked.")]
    if not immigration_office.strip():
        errors["immigration_office"] = [_("Name the Immigration office.")]
    if sent_on > timezone.localdate():
        errors["sent_on"] = [_("The date cannot be in the future.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        request = DelayRequest.objects.create(
            agency_id=agency_id,
            requested_by=actor,
            departure=departure,
            kind=kind,
            immigration_office=immigration_office.strip()[:200],
            sent_on=sent_on,
            reference=reference.strip()[:100],
        )
        record_event(
            actor=actor,
            event_type=EventType.DELAY_REQUESTED,
            obj=request,
            data={"kind": kind, "departure": departure.pk},
        )
    return request


def delay_answer(
    *, actor: User, request: DelayRequest, outcome: str, answered_on: date, answer: str = ""
) -> DelayRequest:
    """Record Immigration's answer: delayed, refused or let through (once)."""
    if not delay_requests.can_handle(actor, request):
        raise deny()
    errors: dict[str, list[str]] = {}
    if outcome not in DelayOutcome.values or outcome == DelayOutcome.PENDING:
        errors["outcome"] = [_("Choose the outcome.")]
    if answered_on < request.sent_on:
        errors["answered_on"] = [_("The answer cannot come before the request.")]
    if answered_on > timezone.localdate():
        errors["answered_on"] = [_("The date cannot be in the future.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        transition(
            DelayRequest.objects,
            request.pk,
            field="outcome",
            from_states=[DelayOutcome.PENDING],
            to_state=outcome,
            instance=request,
            answered_on=answered_on,
            answer=answer.strip()[:500],
        )
        record_event(
            actor=actor,
            event_type=EventType.DELAY_ANSWERED,
            obj=request,
            data={"outcome": outcome},
        )
    return request


# -- take-downs ----------------------------------------------------------------------------------


def takedown_record(
    *,
    actor: User,
    platform: str,
    requested_on: date,
    post_url: str = "",
    account: str = "",
    found_by: str = TakedownFoundBy.OFFICER,
    offer: OfferScreening | None = None,
    request_reference: str = "",
) -> TakedownRequest:
    """Record a take-down request sent to a platform for a post, a group or an account."""
    if not actor.has_action(Action.SCREEN_OFFER) or actor.agency_id is None:
        raise deny()
    errors: dict[str, list[str]] = {}
    if platform not in Platform.values:
        errors["platform"] = [_("Choose the platform.")]
    if found_by not in TakedownFoundBy.values:
        errors["found_by"] = [_("Choose how it was found.")]
    if not post_url.strip() and not account.strip():
        errors["post_url"] = [_("Give the post's address or the account.")]
    if requested_on > timezone.localdate():
        errors["requested_on"] = [_("The date cannot be in the future.")]
    if offer is not None and not offers.can_handle(actor, offer):
        errors["offer"] = [_("Choose a job offer your agency screened.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        request = TakedownRequest.objects.create(
            agency_id=actor.agency_id,
            recorded_by=actor,
            platform=platform,
            found_by=found_by,
            post_url=post_url.strip()[:500],
            account=account.strip()[:200],
            offer=offer,
            requested_on=requested_on,
            request_reference=request_reference.strip()[:100],
        )
        record_event(
            actor=actor,
            event_type=EventType.TAKEDOWN_REQUESTED,
            obj=request,
            data={"platform": platform, "found_by": found_by},
        )
    return request


def takedown_answer(
    *,
    actor: User,
    request: TakedownRequest,
    outcome: str,
    answered_on: date,
    answer: str = "",
) -> TakedownRequest:
    """Record the platform's answer (once): removed, refused or no answer."""
    if not takedowns.can_handle(actor, request):
        raise deny()
    if outcome not in TakedownOutcome.values or outcome == TakedownOutcome.PENDING:
        raise ValidationError({"outcome": [_("Choose the outcome.")]})
    if answered_on < request.requested_on or answered_on > timezone.localdate():
        raise ValidationError({"answered_on": [_("Give a date between the request and today.")]})
    with transaction.atomic():
        transition(
            TakedownRequest.objects,
            request.pk,
            field="outcome",
            from_states=[TakedownOutcome.PENDING],
            to_state=outcome,
            instance=request,
            answered_on=answered_on,
            answer=answer.strip()[:500],
        )
        record_event(
            actor=actor,
            event_type=EventType.TAKEDOWN_ANSWERED,
            obj=request,
            data={"outcome": outcome},
        )
    return request


def takedown_link_case(*, actor: User, request: TakedownRequest, case: Any) -> TakedownRequest:
    """Link the account of a take-down request to a case the actor may see."""
    from lentera.apps.cases.policies import cases

    if not takedowns.can_handle(actor, request):
        raise deny()
    if case is None or not cases.can(actor, Action.VIEW_CASE, case):
        raise ValidationError({"case": [_("Choose a case your agency can see.")]})
    with transaction.atomic():
        TakedownRequest.objects.filter(pk=request.pk).update(case=case)
        request.case = case
        record_event(
            actor=actor,
            event_type=EventType.TAKEDOWN_ANSWERED,
            obj=request,
            data={"case": case.pk},
        )
    return request


def takedown_reveal(*, user: User, request: TakedownRequest) -> dict[str, str]:
    """The post's address and the account, for the requesting agency (logged)."""
    if not takedowns.can_handle(user, request):
        raise deny()
    revealed = {"post_url": unseal(request.post_url), "account": unseal(request.account)}
    record_access(
        user=user,
        obj=request,
        fields=[k for k, v in revealed.items() if v] or ["post_url"],
        purpose=AccessPurpose.VERIFICATION,
        purpose_note="take-down request",
    )
    return revealed


__all__ = [
    "can_open_case_from_report",
    "delay_answer",
    "delay_request",
    "report_from_sms",
    "report_open_case",
    "report_record",
    "report_reveal",
    "report_triage",
    "takedown_answer",
    "takedown_link_case",
    "takedown_record",
    "takedown_reveal",
]
