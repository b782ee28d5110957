"""The case file itself: opening, facts, status, parties, victim decisions, journey, documents, notes."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from datetime import date
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lentera.apps.accounts import wording
from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import Conflict, transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.cases import evidence, legal_facts
from lentera.apps.cases.models import (
    Case,
    CaseCounter,
    CaseDocument,
    CaseNote,
    CaseParty,
    JourneyLeg,
)
from lentera.apps.cases.services._common import (
    DOCUMENT_TYPES,
    MAX_DOCUMENT_BYTES,
    _codes,
    _require_edit,
)
from lentera.apps.cases.vocab import (
    TRANSITIONS,
    CaseStatus,
    ControlMethod,
    ExploitationType,
    NetworkRole,
    PartyRole,
    Platform,
    RecruitmentChannel,
    TransportMode,
    VictimStatus,
)
from lentera.apps.people.models import Person
from lentera.apps.people.policies import people
from lentera.apps.reference.models import Country, Region
from lentera.law import (
    FACT_CODES,
)


def _clean_facts(facts: Mapping[str, Any]) -> dict[str, Any]:
    """Validate every given fact; all problems are reported together, field by field."""
    clean: dict[str, Any] = {}
    errors: dict[str, str] = {}

    def check(field: str, values: Iterable[str], allowed: Iterable[str]) -> list[str]:
        try:
            return _codes(values, allowed, field)
        except ValidationError as exc:
            errors[field] = exc.message_dict[field][0]
            return []

    if "title" in facts:
        title = " ".join(str(facts["title"]).split())
        if not title:
            errors["title"] = _("Give the case a short title (without names).")
        clean["title"] = title[:200]
    if "acts" in facts:
        clean["acts"] = check("acts", facts["acts"], FACT_CODES["acts"])
    if "means" in facts:
        clean["means"] = check("means", facts["means"], FACT_CODES["means"])
    if "exploitation_types" in facts:
        clean["exploitation_types"] = check(
            "exploitation_types", facts["exploitation_types"], ExploitationType.values
        )
    if "control_methods" in facts:
        clean["control_methods"] = check(
            "control_methods", facts["control_methods"], ControlMethod.values
        )
    if "recruitment_channel" in facts:
        found = check(
            "recruitment_channel", [facts["recruitment_channel"]], RecruitmentChannel.values
        )
        clean["recruitment_channel"] = found[0] if found else RecruitmentChannel.UNKNOWN
    if "recruitment_platform" in facts:
        found = check("recruitment_platform", [facts["recruitment_platform"]], Platform.values)
        clean["recruitment_platform"] = found[0] if found else ""
    if "offence_date" in facts:
        offence_date = facts["offence_date"]
        if offence_date is not None and offence_date > timezone.localdate():
            errors["offence_date"] = _("The date of the offence is in the future.")
        clean["offence_date"] = offence_date
    if "narrative" in facts:
        clean["narrative"] = str(facts["narrative"]).strip()
    clean.update(legal_facts.clean_case_facts(facts, errors))
    if errors:
        raise ValidationError(errors)
    return clean


def _next_reference(region: Region, year: int) -> str:
    code = region.code.replace(".", "")[:4]
    prefix = f"TPPO/{code}/{year}"
    counter, _created = CaseCounter.objects.get_or_create(prefix=prefix)
    CaseCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    counter.refresh_from_db(fields=["last"])
    return f"{prefix}/{counter.last:05d}"


def case_open(
    *,
    actor: User,
    title: str,
    region: Region,
    offence_date: date | None = None,
    narrative: str = "",
    acts: Iterable[str] = (),
    means: Iterable[str] = (),
    exploitation_types: Iterable[str] = (),
    control_methods: Iterable[str] = (),
    recruitment_channel: str = RecruitmentChannel.UNKNOWN,
    recruitment_platform: str = "",
    **legal: Any,
) -> Case:
    """Open a case with its facts; ``legal`` takes the legal facts of
    ``legal_facts.CASE_LEGAL_FIELDS`` (exploitation occurred, movement, organised group, ...)."""
    if not actor.has_action(Action.CREATE_CASE) or actor.agency is None:
        raise deny()
    unknown = set(legal) - set(legal_facts.CASE_LEGAL_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown fields: %(f)s") % {"f": ", ".join(sorted(unknown))})
    facts = _clean_facts(
        {
            "title": title,
            "offence_date": offence_date,
            "narrative": narrative,
            "acts": acts,
            "means": means,
            "exploitation_types": exploitation_types,
            "control_methods": control_methods,
            "recruitment_channel": recruitment_channel,
            "recruitment_platform": recruitment_platform,
            **legal,
        }
    )
    with transaction.atomic():
        case = Case(lead_agency=actor.agency, region=region, created_by=actor, **facts)
        case.reference = _next_reference(region, timezone.localdate().year)
        case.save()
        record_event(
            actor=actor,
            event_type=EventType.CASE_OPENED,
            obj=case,
            summary=case.reference,
            data={"title": case.title},
        )
    return case


def case_update_facts(
    *,
    actor: User,
    case: Case,
    version: int,
    parties: Mapping[int, Mapping[str, Any]] | None = None,
    region: Region | None = None,
    **facts: Any,
) -> Case:
    """Change the facts of a case; ``version`` is the one the editor loaded (no silent overwrite).

    ``region`` corrects the region the case belongs to (a region typed wrong at opening); the
    event keeps the region before and after.

    ``parties`` changes the legal facts of the case's parties (``legal_facts.PARTY_FACTS``, by
    party id) in the same write: one version, one event.
    """
    _require_edit(actor, case)
    allowed = {
        "title",
        "offence_date",
        "narrative",
        "acts",
        "means",
        "exploitation_types",
        "control_methods",
        "recruitment_channel",
        "recruitment_platform",
        *legal_facts.CASE_LEGAL_FIELDS,
    }
    unknown = set(facts) - allowed
    if unknown:
        raise ValidationError(_("Unknown fields: %(f)s") % {"f": ", ".join(sorted(unknown))})
    clean = _clean_facts(facts)
    moved = region is not None and region.pk != case.region_id
    before = case.region
    if moved:
        clean["region"] = region
    rows = {p.pk: p for p in case.parties.filter(pk__in=list(parties or {}))}
    if set(parties or {}) - set(rows):
        raise ValidationError({"parties": _("This person is not a party to the case.")})
    party_clean = {
        pk: legal_facts.clean_party_facts(rows[pk].role, values)
        for pk, values in (parties or {}).items()
    }
    if any(
        values.get("abused_position") and not rows[pk].is_official
        for pk, values in party_clean.items()
    ):
        raise ValidationError(
            {"abused_position": _("Only a state official abuses a position of power.")}
        )
    with transaction.atomic():
        updated = Case.objects.filter(pk=case.pk, version=version).update(
            version=F("version") + 1, updated_at=timezone.now(), **clean
        )
        if not updated:
            raise Conflict()
        for pk, values in party_clean.items():
            if values:
                CaseParty.objects.filter(pk=pk, case=case).update(**values)
        case.refresh_from_db()
        data: dict[str, Any] = {"fields": sorted(clean)}
        if party_clean:
            data["parties"] = sorted(party_clean)
        summary: list[wording.Part] = []
        if moved and region is not None:
            data["region"] = {"from": before.code, "to": region.code}
            summary = [
                wording.text(
                    gettext_noop("region %(before)s → %(after)s"),
                    before=f"{before.name} ({before.code})",
                    after=f"{region.name} ({region.code})",
                )
            ]
        record_event(
            actor=actor, event_type=EventType.CASE_UPDATED, obj=case, summary=summary, data=data
        )
    return case


def case_set_status(
    *, actor: User, case: Case, status: str, reason: str = "", from_status: str = ""
) -> Case:
    """Move the case to ``status``. The write is conditional on the status the caller read
    (``case.status``, or ``from_status`` when the client says what it showed): of two officers
    changing the same case at once, the second gets :class:`Conflict` and writes nothing."""
    _require_edit(actor, case)
    if from_status and from_status != case.status:
        raise Conflict()
    if status not in CaseStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    if status not in TRANSITIONS[CaseStatus(case.status)]:
        raise ValidationError(
            {
                "status": _("A case cannot go from “%(a)s” to “%(b)s”.")
                % {"a": CaseStatus(case.status).label, "b": CaseStatus(status).label}
            }
        )
    if status == CaseStatus.CLOSED and not reason.strip():
        raise ValidationError({"reason": _("Say why the case is closed.")})
    before = case.status
    now = timezone.now()
    with transaction.atomic():
        transition(
            Case.objects,
            case.pk,
            from_states=[before],
            to_state=status,
            instance=case,
            closed_at=now if status == CaseStatus.CLOSED else None,
            closure_reason=reason.strip() if status == CaseStatus.CLOSED else "",
            updated_at=now,
        )
        record_event(
            actor=actor,
            event_type=EventType.CASE_STATUS_CHANGED,
            obj=case,
            data={"from": before, "to": status, "reason": reason.strip()[:200]},
        )
    return case


def _refresh_child_flag(case: Case) -> None:
    has_child = case.parties.filter(role=PartyRole.VICTIM, age_at_offence__lt=18).exists()
    if has_child != case.has_child_victim:
        case.has_child_victim = has_child
        case.save(update_fields=["has_child_victim"])


def case_add_party(
    *,
    actor: User,
    case: Case,
    person: Person,
    role: str,
    network_role: str = "",
    is_official: bool = False,
    age_at_offence: int | None = None,
    **facts: Any,
) -> CaseParty:
    """Add a person in a role; ``facts`` takes the party's legal facts
    (``legal_facts.PARTY_FACTS``: a victim's harms, a suspect's corporation, abuse of position,
    participation, use of a victim and offences against justice)."""
    _require_edit(actor, case)
    if not people.can(actor, Action.VIEW_PERSON, person):
        raise deny()
    clean_facts = legal_facts.clean_party_facts(role, facts)
    if clean_facts.get("abused_position") and not is_official:
        raise ValidationError(
            {"abused_position": _("Only a state official abuses a position of power.")}
        )
    errors: dict[str, str] = {}
    if role not in PartyRole.values:
        errors["role"] = _("Unknown role.")
    if network_role not in NetworkRole.values:
        errors["network_role"] = _("Unknown role in the network.")
    if network_role and role != PartyRole.SUSPECT:
        errors["network_role"] = _("Only suspects have a role in the network.")
    if age_at_offence is None and person.birth_date and case.offence_date:
        age_at_offence = person.age_on(case.offence_date)
    if errors:
        raise ValidationError(errors)
    party = CaseParty(
        case=case,
        person=person,
        role=role,
        network_role=network_role,
        is_official=is_official,
        age_at_offence=age_at_offence,
        **clean_facts,
    )
    try:
        with transaction.atomic():
            party.save()
            _refresh_child_flag(case)
            record_event(
                actor=actor,
                event_type=EventType.CASE_PARTY_ADDED,
                obj=case,
                summary=[person.initials, " · ", wording.label(PartyRole, role)],
                data={"person": person.pk, "role": role, "network_role": network_role},
            )
    except IntegrityError as exc:
        raise ValidationError(_("This person already has that role in the case.")) from exc
    return party


def victim_decide(
    *, actor: User, party: CaseParty, status: str, from_status: str | None = None
) -> CaseParty:
    """Record the victim-identification decision and who took it. The decision replaces the
    status the caller read (``party.victim_status``, or ``from_status`` when the client says what
    it showed); if someone decided meanwhile, :class:`Conflict`."""
    _require_edit(actor, party.case)
    if from_status is not None and from_status != party.victim_status:
        raise Conflict()
    if party.role != PartyRole.VICTIM:
        raise ValidationError(_("Only a victim's status can be decided."))
    if status not in VictimStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    before = party.victim_status
    with transaction.atomic():
        transition(
            CaseParty.objects,
            party.pk,
            field="victim_status",
            from_states=[before],
            to_state=status,
            instance=party,
            victim_status_by=actor,
            victim_status_agency_id=actor.agency_id,
            victim_status_at=timezone.now(),
        )
        record_event(
            actor=actor,
            event_type=EventType.VICTIM_STATUS_DECIDED,
            obj=party.case,
            summary=[party.person.initials, ": ", wording.label(VictimStatus, status)],
            data={"party": party.pk, "from": before, "status": status},
        )
    return party


def journey_add_leg(
    *,
    actor: User,
    case: Case,
    origin_country: Country,
    destination_country: Country,
    origin_region: Region | None = None,
    destination_region: Region | None = None,
    origin_place: str = "",
    destination_place: str = "",
    is_transit: bool = False,
    departed_on: date | None = None,
    arrived_on: date | None = None,
    transport: str = TransportMode.UNKNOWN,
) -> JourneyLeg:
    _require_edit(actor, case)
    if departed_on and arrived_on and arrived_on < departed_on:
        raise ValidationError({"arrived_on": _("Arrival is before departure.")})
    if transport not in TransportMode.values:
        raise ValidationError({"transport": _("Unknown transport.")})
    with transaction.atomic():
        order = case.journey.count() + 1
        leg = JourneyLeg.objects.create(
            case=case,
            order=order,
            origin_country=origin_country,
            destination_country=destination_country,
            origin_region=origin_region,
            destination_region=destination_region,
            origin_place=origin_place.strip(),
            destination_place=destination_place.strip(),
            is_transit=is_transit,
            departed_on=departed_on,
            arrived_on=arrived_on,
            transport=transport,
        )
        record_event(
            actor=actor,
            event_type=EventType.JOURNEY_LEG_ADDED,
            obj=case,
            summary=f"{origin_place or origin_country.code} → "
            f"{destination_place or destination_country.code}",
            data={"leg": leg.pk},
        )
    return leg


def document_add(
    *,
    actor: User,
    case: Case,
    filename: str,
    content: bytes | IO[bytes],
    description: str = "",
) -> CaseDocument:
    """Add a document to the case. ``content`` is the file or a stream of it (an upload): it is
    encrypted as it is read, one chunk at a time, so a file over MAX_DOCUMENT_BYTES is refused
    without being held whole and leaves nothing behind (:mod:`lentera.apps.cases.evidence`)."""
    _require_edit(actor, case)
    source = io.BytesIO(content) if isinstance(content, bytes) else content
    try:
        head = evidence.read_chunk(source)
        if not head:
            raise ValidationError({"file": _("The file is empty.")})
        content_type = next(
            (t for magic, t in DOCUMENT_TYPES.items() if head.startswith(magic)), None
        )
        if content_type is None:
            raise ValidationError({"file": _("Only PDF, JPEG and PNG files are accepted.")})
        document = CaseDocument(
            case=case,
            name=filename.strip()[:200] or "document",
            description=description.strip(),
            content_type=content_type,
            uploaded_by=actor,
        )
        name = document.file.field.generate_filename(document, "upload")
        stored = evidence.store(name, head, source, limit=MAX_DOCUMENT_BYTES)
    except evidence.TooLarge:
        raise ValidationError({"file": _("The file is larger than 10 MB.")}) from None
    document.file = stored.name
    document.size, document.sha256 = stored.size, stored.sha256
    try:
        with transaction.atomic():
            document.save()
            record_event(
                actor=actor,
                event_type=EventType.CASE_DOCUMENT_ADDED,
                obj=case,
                summary=description.strip()[:100],
                data={"document": document.pk, "sha256": document.sha256},
            )
    except BaseException:
        evidence.discard(stored.name)
        raise
    return document


def note_add(*, actor: User, case: Case, text: str) -> CaseNote:
    _require_edit(actor, case)
    if not text.strip():
        raise ValidationError({"text": _("The note is empty.")})
    with transaction.atomic():
        note = CaseNote.objects.create(case=case, text=text.strip(), author=actor)
        record_event(
            actor=actor, event_type=EventType.CASE_NOTE_ADDED, obj=case, data={"note": note.pk}
        )
    return note
