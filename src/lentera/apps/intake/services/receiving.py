"""Receiving complaints: the public page, an officer's registration and the message gateway."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts import wording
from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.identity import keep_verbatim
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.intake import codes, parsing
from lentera.apps.intake.models import (
    GATEWAY_CHANNELS,
    OFFICER_CHANNELS,
    Acknowledgement,
    Channel,
    Complaint,
    ReporterRelation,
    YesNoUnknown,
)
from lentera.apps.intake.services._common import (
    CLOCK_SKEW,
    MAX_NARRATIVE,
    PUBLIC_INTAKE_TYPES,
    find_agency,
    triage_suggestion,
)
from lentera.apps.reference.models import Region
from lentera.idn import InvalidPhone, normalize_phone


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
    complaint.task_force = suggestion.task_force
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
        summary=[f"{complaint.tracking_code} · ", wording.label(Channel, complaint.channel)],
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
    keep_verbatim(complaint)  # a message is kept whole, even one that reads like the mask
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
