"""Writes of the intake module, and the logged reads of a complaint's protected fields.

Every service validates, writes in one transaction and records one audit event on the complaint
(opening a case from a complaint is the case's own service followed by the attachment, so two).
A refused call writes nothing. Reading the reporter's identity or the narrative writes the
access log.

On receipt the triage rules (:mod:`lentera.apps.intake.triage`) already suggest an urgency, a
due time and an agency, so a critical complaint that arrives at night is routed and counted as
due at once; the officer who triages confirms or overrides them (with a reason).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_access, record_event
from lentera.apps.accounts.concurrency import transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AccessPurpose, Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.cases.models import Case
from lentera.apps.cases.policies import cases
from lentera.apps.cases.services import case_open
from lentera.apps.intake import codes, parsing
from lentera.apps.intake.models import (
    GATEWAY_CHANNELS,
    OFFICER_CHANNELS,
    URGENCY_SHORT,
    Acknowledgement,
    Channel,
    CloseReason,
    Complaint,
    ComplaintStatus,
    ReporterRelation,
    Urgency,
    YesNoUnknown,
)
from lentera.apps.intake.policies import complaints
from lentera.apps.intake.triage import DUE_WITHIN, TriageFacts, assess, region_chain
from lentera.apps.reference.models import Region
from lentera.idn import InvalidPhone, normalize_phone
from lentera.privacy import unseal

#: Until ``EventType`` lists it, reopening is recorded under this code (the audit page shows it
#: as is); the constant picks up the enumeration member as soon as it exists.
COMPLAINT_REOPENED = cast(EventType, getattr(EventType, "COMPLAINT_REOPENED", "complaint_reopened"))

MAX_NARRATIVE = 20_000
#: Agencies that take complaints from the public, in order of preference, when a complaint
#: arrives without an officer (the public form).
PUBLIC_INTAKE_TYPES = (
    "women_child_protection",
    "integrated_service_centre",
    "social_affairs",
    "police",
)
#: A clock a little ahead on the reporting device is not a complaint "from the future".
CLOCK_SKEW = timedelta(minutes=10)


# -- agencies: walking up the region tree ---------------------------------------------------


def find_agency(region_code: str | None, agency_types: tuple[str, ...]) -> Agency | None:
    """The nearest active agency of one of ``agency_types``: in the region, then the regions above
    it (district → regency → province), then national agencies; earlier types win at one level."""
    chain = region_chain(region_code) if region_code else []
    candidates = list(
        Agency.objects.filter(is_active=True, agency_type__in=agency_types)
        .filter(Q(region__code__in=chain) | Q(region__isnull=True))
        .select_related("region")
    )
    if not candidates:
        return None

    def rank(agency: Agency) -> tuple[int, int, int]:
        level = chain.index(agency.region.code) if agency.region else len(chain)
        return (level, agency_types.index(agency.agency_type), agency.pk)

    return min(candidates, key=rank)


def _start_code(complaint: Complaint) -> str | None:
    if complaint.region is not None:
        return complaint.region.code
    agency = complaint.receiving_agency
    return agency.region.code if agency is not None and agency.region is not None else None


@dataclass(frozen=True)
class Suggestion:
    """What the triage rules say for a complaint's facts."""

    urgency: str
    urgency_rule: str
    due_at: datetime
    agency: Agency | None
    routing_rule: str


def triage_suggestion(complaint: Complaint) -> Suggestion:
    facts = TriageFacts(
        child=complaint.has_child,
        danger_now=complaint.danger_now,
        departure_today=complaint.departure_today,
        migrant_worker=complaint.migrant_worker,
    )
    result = assess(facts, complaint.received_at)
    start = _start_code(complaint)
    for rule in result.routing:
        agency = find_agency(start, rule.agency_types)
        if agency is not None:
            return Suggestion(result.urgency, result.urgency_rule, result.due_at, agency, rule.code)
    return Suggestion(
        result.urgency, result.urgency_rule, result.due_at, complaint.receiving_agency, ""
    )


# -- receiving ---------------------------------------------------------------------------------


@dataclass
class ReporterInput:
    name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    anonymous: bool = False
    confidential: bool = False
    relation: str = ReporterRelation.UNKNOWN


def _clean_reporter(reporter: ReporterInput, errors: dict[str, list[str]]) -> ReporterInput:
    name = " ".join(reporter.name.split())[:200]
    phone = reporter.phone.strip()
    email = reporter.email.strip()
    address = reporter.address.strip()[:500]
    if reporter.anonymous and (name or phone or email or address):
        errors.setdefault("reporter_anonymous", []).append(
            _(
                "You chose to report anonymously: leave your name and contact details empty, or "
                "untick “anonymous”."
            )
        )
    if phone:
        try:
            phone = normalize_phone(phone)
        except InvalidPhone:
            errors.setdefault("reporter_phone", []).append(
                _("“%(phone)s” is not a valid phone number.") % {"phone": phone}
            )
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.setdefault("reporter_email", []).append(_("This email address is not valid."))
    if reporter.relation not in ReporterRelation.values:
        errors.setdefault("reporter_relation", []).append(_("Unknown choice."))
    return ReporterInput(
        name=name,
        phone=phone,
        email=email,
        address=address,
        anonymous=reporter.anonymous,
        confidential=reporter.confidential and not reporter.anonymous,
        relation=reporter.relation,
    )


@dataclass
class FactsInput:
    narrative: str = ""
    place: str = ""
    region: Region | None = None
    people_count: int | None = None
    any_child: bool = False
    any_man: bool = False
    involves_child: str = YesNoUnknown.UNKNOWN
    danger_now: bool = False
    departure_today: bool = False
    migrant_worker: bool = False


def _clean_facts(
    facts: FactsInput, errors: dict[str, list[str]], *, narrative_required: bool = True
) -> FactsInput:
    narrative = facts.narrative.strip()
    if narrative_required and not narrative:
        errors.setdefault("narrative", []).append(_("Tell us what happened."))
    if len(narrative) > MAX_NARRATIVE:
        errors.setdefault("narrative", []).append(
            _("Please keep the account under %(n)s characters.") % {"n": MAX_NARRATIVE}
        )
    if facts.people_count is not None and not 0 <= facts.people_count <= 999:
        errors.setdefault("people_count", []).append(_("Give a number between 0 and 999."))
    if facts.involves_child not in YesNoUnknown.values:
        errors.setdefault("involves_child", []).append(_("Unknown choice."))
    return FactsInput(
        narrative=narrative,
        place=" ".join(facts.place.split())[:300],
        region=facts.region,
        people_count=facts.people_count,
        any_child=facts.any_child,
        any_man=facts.any_man,
        involves_child=facts.involves_child,
        danger_now=facts.danger_now,
        departure_today=facts.departure_today,
        migrant_worker=facts.migrant_worker,
    )


def _build(
    *,
    channel: str,
    received_at: datetime,
    receiving_agency: Agency | None,
    registered_by: User | None,
    reporter: ReporterInput,
    facts: FactsInput,
) -> Complaint:
    complaint = Complaint(
        channel=channel,
        received_at=received_at,
        receiving_agency=receiving_agency,
        registered_by=registered_by,
        reporter_name=reporter.name,
        reporter_phone=reporter.phone,
        reporter_email=reporter.email,
        reporter_address=reporter.address,
        reporter_anonymous=reporter.anonymous,
        reporter_confidential=reporter.confidential,
        reporter_relation=reporter.relation,
        narrative=facts.narrative,
        place=facts.place,
        region=facts.region,
        people_count=facts.people_count,
        any_child=facts.any_child,
        any_man=facts.any_man,
        involves_child=facts.involves_child,
        danger_now=facts.danger_now,
        departure_today=facts.departure_today,
        migrant_worker=facts.migrant_worker,
    )
    suggestion = triage_suggestion(complaint)
    complaint.urgency = suggestion.urgency
    complaint.due_at = suggestion.due_at
    complaint.routed_agency = suggestion.agency
    complaint.routing_rule = suggestion.routing_rule
    return complaint


def _save_new(complaint: Complaint, actor: User | None, data: dict[str, Any]) -> Complaint:
    """Insert with a fresh tracking code (a collision, however unlikely, draws again) and record
    the receipt. Runs inside the caller's transaction."""
    for _attempt in range(5):
        complaint.tracking_code = codes.new_code()
        try:
            with transaction.atomic():
                complaint.save()
        except IntegrityError:
            if Complaint.objects.filter(tracking_code=complaint.tracking_code).exists():
                continue
            raise
        break
    else:  # pragma: no cover - 5 collisions in 6.6e11 codes
        raise RuntimeError("could not draw a free tracking code")
    record_event(
        actor=actor,
        event_type=EventType.COMPLAINT_RECEIVED,
        obj=complaint,
        summary=f"{complaint.tracking_code} · {Channel(complaint.channel).label}",
        data={
            "channel": complaint.channel,
            "urgency": complaint.urgency,
            "routed_agency": complaint.routed_agency_id,
            "routing_rule": complaint.routing_rule,
            "acknowledgement": complaint.acknowledgement,
            **data,
        },
    )
    return complaint


def public_receiving_agency(region: Region | None) -> Agency | None:
    """Who receives a complaint filed by the public: the nearest complaint desk of the region."""
    return find_agency(region.code if region else None, PUBLIC_INTAKE_TYPES)


def complaint_submit_public(
    *,
    facts: FactsInput,
    reporter: ReporterInput,
    channel: str = Channel.WEB,
) -> Complaint:
    """A citizen's complaint from the public form or the public API (no account). The tracking
    code is the acknowledgement, shown on screen."""
    errors: dict[str, list[str]] = {}
    clean_reporter = _clean_reporter(reporter, errors)
    clean_facts = _clean_facts(facts, errors)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    complaint = _build(
        channel=channel,
        received_at=now,
        receiving_agency=public_receiving_agency(clean_facts.region),
        registered_by=None,
        reporter=clean_reporter,
        facts=clean_facts,
    )
    complaint.acknowledgement = Acknowledgement.SCREEN
    complaint.acknowledged_at = now
    with transaction.atomic():
        return _save_new(complaint, None, {"public": True})


def complaint_register(
    *,
    actor: User,
    channel: str,
    facts: FactsInput,
    reporter: ReporterInput,
    received_at: datetime | None = None,
    acknowledged_verbally: bool = False,
) -> Complaint:
    """An officer registers a complaint taken by phone (SAPA 129), at the desk, from a police
    report, a posko referral or the media. The officer's agency receives it."""
    if not actor.has_action(Action.REGISTER_COMPLAINT) or actor.agency is None:
        raise deny()
    errors: dict[str, list[str]] = {}
    if channel not in OFFICER_CHANNELS:
        errors.setdefault("channel", []).append(_("Choose how the complaint came in."))
    now = timezone.now()
    received = received_at or now
    if received > now + CLOCK_SKEW:
        errors.setdefault("received_at", []).append(_("The time of receipt is in the future."))
    clean_reporter = _clean_reporter(reporter, errors)
    clean_facts = _clean_facts(facts, errors)
    if errors:
        raise ValidationError(errors)
    complaint = _build(
        channel=channel,
        received_at=received,
        receiving_agency=actor.agency,
        registered_by=actor,
        reporter=clean_reporter,
        facts=clean_facts,
    )
    if acknowledged_verbally:
        complaint.acknowledgement = Acknowledgement.VERBAL
        complaint.acknowledged_at = now
    with transaction.atomic():
        return _save_new(complaint, actor, {})


@dataclass(frozen=True)
class GatewayReceipt:
    complaint: Complaint
    reply: str
    created: bool


def complaint_receive_gateway(
    *,
    actor: User,
    channel: str,
    sender: str = "",
    text: str | None = None,
    raw: str | None = None,
    received_at: datetime | None = None,
    message_id: str = "",
    extra_flags: tuple[str, ...] = (),
) -> GatewayReceipt:
    """An SMS or WhatsApp message from the gateway. Whatever the message holds, a complaint is
    stored with the whole text (and the raw bytes when they were not clean text); parsing
    problems become flags. A message id seen before from the same gateway account returns the
    complaint stored the first time (gateways retry)."""
    if not actor.has_action(Action.REGISTER_COMPLAINT) or actor.agency is None:
        raise deny()
    message_id = message_id.strip()[:100]
    if message_id:
        earlier = Complaint.objects.filter(
            registered_by=actor, gateway_message_id=message_id
        ).first()
        if earlier is not None:
            return GatewayReceipt(earlier, parsing.reply_text(earlier.tracking_code), False)
    flags = list(extra_flags)
    if channel not in GATEWAY_CHANNELS:
        flags.append("unknown_channel")
        channel = Channel.OTHER
    if text is None and raw is None:
        text = ""
    message = parsing.parse_gateway(text=text, raw=raw, sender=sender)
    flags.extend(message.flags)
    now = timezone.now()
    received = received_at or now
    if received > now + CLOCK_SKEW:
        flags.append("future_received_at")
        received = now
    reporter = ReporterInput(
        name=message.sender_name,
        phone=message.sender_phone or message.sender_raw,
        anonymous=not (message.sender_name or message.sender_phone or message.sender_raw),
    )
    narrative = (message.message or message.text)[:MAX_NARRATIVE]
    facts = FactsInput(
        narrative=narrative,
        involves_child=YesNoUnknown.YES if "child" in message.facts else YesNoUnknown.UNKNOWN,
        danger_now="danger_now" in message.facts,
        departure_today="departure_today" in message.facts,
        migrant_worker="migrant_worker" in message.facts,
    )
    complaint = _build(
        channel=channel,
        received_at=received,
        receiving_agency=actor.agency,
        registered_by=actor,
        reporter=reporter,
        facts=facts,
    )
    complaint.raw_message = message.text
    complaint.raw_base64 = message.raw_base64
    complaint.gateway_keyword = message.keyword[:20]
    complaint.gateway_category = message.category[:40]
    complaint.gateway_message_id = message_id
    complaint.parse_flags = list(dict.fromkeys(flags))
    if channel in GATEWAY_CHANNELS:
        complaint.acknowledgement = (
            Acknowledgement.SMS if channel == Channel.SMS else Acknowledgement.WHATSAPP
        )
        complaint.acknowledged_at = now
    try:
        with transaction.atomic():
            _save_new(complaint, actor, {"format": message.format, "flags": complaint.parse_flags})
    except IntegrityError:
        # The same message id arrived twice at the same moment: the other request stored it.
        earlier = Complaint.objects.get(registered_by=actor, gateway_message_id=message_id)
        return GatewayReceipt(earlier, parsing.reply_text(earlier.tracking_code), False)
    return GatewayReceipt(complaint, parsing.reply_text(complaint.tracking_code), True)


# -- handling ----------------------------------------------------------------------------------


def _require_handler(actor: User, complaint: Complaint) -> None:
    if not complaints.can(actor, Action.TRIAGE_COMPLAINT, complaint):
        raise deny()


def _require_status(complaint: Complaint, allowed: tuple[str, ...], field: str = "status") -> None:
    if complaint.status not in allowed:
        raise ValidationError(
            {
                field: _("This cannot be done to a complaint that is “%(status)s”.")
                % {"status": ComplaintStatus(complaint.status).label}
            }
        )


def _update(complaint: Complaint, version: int | None, values: dict[str, Any]) -> str:
    """Write ``values`` if the complaint is still at ``version`` (the one the officer loaded;
    by default the one read) and at the status read, else ``Conflict``. Returns the status the
    complaint had, the real "from" of the audit event."""
    before = complaint.status
    fields = {**values, "updated_at": timezone.now()}
    transition(
        Complaint.objects,
        complaint.pk,
        from_states=[before],
        to_state=fields.pop("status", before),
        version=complaint.version if version is None else version,
        instance=complaint,
        **fields,
    )
    return before


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
            summary=f"{URGENCY_SHORT[Urgency(final_urgency)]} → {final_agency or '—'}",
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
            summary=str(Acknowledgement(method).label),
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
    """Attach the complaint to an existing case the officer may see."""
    _require_handler(actor, complaint)
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
    reporter's identity and the narrative stay with the complaint (Pasal 33)."""
    _require_handler(actor, complaint)
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
            summary=str(CloseReason(reason).label),
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


# -- logged reads ------------------------------------------------------------------------------


def reporter_reveal(
    *,
    user: User,
    complaint: Complaint,
    purpose: str,
    purpose_note: str = "",
    channel: str = "web",
) -> dict[str, str]:
    """Who reported the complaint, for a user allowed to see it; the read is logged."""
    if not complaints.can_see_identity(user, complaint):
        raise PermissionDenied(_("You may not see who reported this complaint."))
    if purpose not in AccessPurpose.values:
        raise ValidationError({"purpose": _("Choose why you need to see the identity.")})
    if purpose == AccessPurpose.OTHER and not purpose_note.strip():
        raise ValidationError({"purpose_note": _("Explain why you need to see the identity.")})
    identity = {
        "name": unseal(complaint.reporter_name),
        "phone": unseal(complaint.reporter_phone),
        "email": unseal(complaint.reporter_email),
        "address": unseal(complaint.reporter_address),
        "raw_message": unseal(complaint.raw_message),
        "raw_base64": unseal(complaint.raw_base64),
    }
    field_names = {
        "name": "reporter_name",
        "phone": "reporter_phone",
        "email": "reporter_email",
        "address": "reporter_address",
        "raw_message": "raw_message",
        "raw_base64": "raw_base64",
    }
    record_access(
        user=user,
        obj=complaint,
        fields=[field_names[k] for k, v in identity.items() if v] or ["reporter_name"],
        purpose=purpose,
        purpose_note=purpose_note,
        channel=channel,
    )
    return identity


def narrative_read(*, user: User, complaint: Complaint, channel: str = "web") -> dict[str, str]:
    """The account and the place, for the handling agencies; the read is logged."""
    if not complaints.is_handler(user, complaint):
        raise PermissionDenied(_("Only the handling agencies read the account."))
    content = {"narrative": unseal(complaint.narrative), "place": unseal(complaint.place)}
    shown = [k for k, v in content.items() if v]
    if shown:
        record_access(
            user=user,
            obj=complaint,
            fields=shown,
            purpose=AccessPurpose.CASE_HANDLING,
            purpose_note="complaint triage",
            channel=channel,
        )
    return content
