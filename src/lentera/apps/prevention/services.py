"""Writes of the prevention module, and the logged reads of screenings' identity fields.

Every service checks the actor, validates, writes in one transaction and records one audit event
(opening a complaint or a case from a screening is the intake or case service followed by the
link, so their events too). A refused or invalid call writes nothing.

Screening without storing (the public page, the API without ``store``) is
:func:`lentera.apps.prevention.engine.check_offer`: no service, no row, no event.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_access, record_event
from lentera.apps.accounts.concurrency import lock, transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.identity import sealed_json
from lentera.apps.accounts.models import AccessPurpose, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.prevention import engine
from lentera.apps.prevention.importing import OfferRow, check_url
from lentera.apps.prevention.models import DepartureScreening, OfferScreening
from lentera.apps.prevention.policies import departures, offers
from lentera.apps.prevention.vocab import Level, OfferSource, OfferStatus
from lentera.idn import InvalidNik, InvalidPhone, normalize_phone, parse_nik
from lentera.privacy import unseal
from lentera.screening import (
    MODEL_VERSION,
    DepartureResult,
    InvalidInput,
    OfferResult,
    departure_rules_version,
    parse_offer,
    screen_offer,
)

#: Until ``EventType`` lists it, linking a departure screening to the case or complaint opened
#: from it is recorded under this code; the constant picks up the member once it exists.
DEPARTURE_REFERRED = cast(EventType, getattr(EventType, "DEPARTURE_REFERRED", "departure_referred"))

MAX_POST = 100
MAX_NOTE = 500
#: Flags that point at work abroad (the complaint is then marked as about a migrant worker).
ABROAD_FLAGS = frozenset({"risky_destination", "tourist_visa", "transit_route", "few_documents"})
#: How the recruiter of a departure is recorded on a case opened from it.
RECRUITMENT_CHANNEL = {
    "licensed_agency": "agency",
    "government_programme": "agency",
    "individual_agent": "informal_agent",
    "travel_agency": "other",
    "friend_or_relative": "acquaintance",
    "online_contact": "social_media",
}


def _require_screener(actor: User, action: Action) -> int:
    """The actor's agency id, when the actor may screen (else PermissionDenied)."""
    if not actor.has_action(action) or actor.agency_id is None:
        raise deny()
    return actor.agency_id


# -- job offers ---------------------------------------------------------------------------------


def _clean_offer_extras(
    *, source: str, url: str, external_id: str, found_at: datetime | None
) -> None:
    errors: dict[str, str] = {}
    if source and source not in OfferSource.values:
        errors["source"] = _("Unknown source.")
    problem = check_url(url)
    if problem:
        errors["url"] = problem
    if len(external_id) > 100:
        errors["external_id"] = _("At most 100 characters.")
    if found_at is not None and found_at > timezone.now() + timedelta(minutes=10):
        errors["found_at"] = _("The date it was found is in the future.")
    if errors:
        raise ValidationError(errors)


def _offer_row(
    *,
    actor: User,
    agency_id: int,
    text: str,
    result: OfferResult,
    lang: str,
    source: str,
    url: str,
    external_id: str,
    found_at: datetime | None,
) -> OfferScreening:
    return OfferScreening(
        agency_id=agency_id,
        screened_by=actor,
        external_id=external_id,
        text=text,
        url=url,
        result=json.dumps(engine.stored_result(result, lang), ensure_ascii=False),
        source=source,
        found_at=found_at,
        level=result.level,
        risk=result.risk,
        flags=[f.code for f in result.flags],
        notice=result.notice,
        model_version=MODEL_VERSION,
    )


def offer_screen(
    *,
    actor: User,
    text: str,
    source: str = "",
    url: str = "",
    external_id: str = "",
    found_at: datetime | None = None,
    lang: str | None = None,
) -> tuple[OfferScreening, OfferResult]:
    """Screen one offer an officer pasted and put it in the agency's monitoring queue."""
    agency_id = _require_screener(actor, Action.SCREEN_OFFER)
    url = url.strip()
    external_id = external_id.strip()
    _clean_offer_extras(source=source, url=url, external_id=external_id, found_at=found_at)
    language = lang or engine.current_lang()
    result = engine.check_offer(text=text, source=source, lang=language)
    screening = _offer_row(
        actor=actor,
        agency_id=agency_id,
        text=text.strip(),
        result=result,
        lang=language,
        source=source,
        url=url,
        external_id=external_id,
        found_at=found_at,
    )
    with transaction.atomic():
        screening.save()
        record_event(
            actor=actor,
            event_type=EventType.OFFER_SCREENED,
            obj=screening,
            summary=f"#{screening.pk} · {result.level}",
            data={"level": result.level, "risk": result.risk, "flags": screening.flags},
        )
    return screening, result


def offers_import(
    *, actor: User, rows: Sequence[OfferRow], lang: str | None = None, filename: str = ""
) -> list[OfferScreening]:
    """Screen every offer of a checked file and store them all, or none (one audit event)."""
    agency_id = _require_screener(actor, Action.SCREEN_OFFER)
    if not rows:
        raise ValidationError({"file": [_("The file holds no offers.")]})
    language = lang or engine.current_lang()
    policy = engine.destination_table()
    screenings = []
    for row in rows:
        try:
            result = screen_offer(
                parse_offer({"text": row.text}, line=row.line), lang=language, policy=policy
            )
        except InvalidInput as exc:
            raise engine.invalid(exc, line=row.line) from exc
        screenings.append(
            _offer_row(
                actor=actor,
                agency_id=agency_id,
                text=row.text,
                result=result,
                lang=language,
                source=row.source,
                url=row.url,
                external_id=row.external_id,
                found_at=None,
            )
        )
    with transaction.atomic():
        created = OfferScreening.objects.bulk_create(screenings)
        levels = {level: sum(1 for s in created if s.level == level) for level in Level.values}
        record_event(
            actor=actor,
            event_type=EventType.OFFERS_IMPORTED,
            summary=_("%(n)s offers imported") % {"n": len(created)},
            data={
                "count": len(created),
                "levels": levels,
                "file": filename[:100],
                "ids": [s.pk for s in created][:2000],
            },
        )
    return created


def offer_triage(
    *, actor: User, screening: OfferScreening, status: str, note: str = ""
) -> OfferScreening:
    """Set an offer to new, watching or dismissed (a complaint is opened with its own service)."""
    if not offers.can_handle(actor, screening):
        raise deny()
    if status not in (OfferStatus.NEW, OfferStatus.WATCH, OfferStatus.DISMISSED):
        raise ValidationError({"status": _("Unknown status.")})
    if screening.status == OfferStatus.COMPLAINT:
        raise ValidationError(
            {"status": _("A complaint was opened for this offer; its status stays.")}
        )
    note = note.strip()[:MAX_NOTE]
    now = timezone.now()
    before = screening.status
    with transaction.atomic():
        # conditional on the status read: of two officers triaging at once, the second (or one
        # racing a complaint being opened) gets Conflict
        transition(
            OfferScreening.objects,
            screening.pk,
            from_states=[before],
            to_state=status,
            instance=screening,
            triaged_by=actor,
            triaged_at=now,
            note=note,
        )
        record_event(
            actor=actor,
            event_type=EventType.OFFER_TRIAGED,
            obj=screening,
            summary=f"#{screening.pk} · {status}",
            data={"from": before, "to": status},
        )
    return screening


def _register_complaint() -> Any:
    """The intake service that registers an officer's complaint, when the intake app has it."""
    try:
        from lentera.apps.intake import services as intake_services
    except ImportError:  # pragma: no cover - the intake app is part of the project
        return None
    return getattr(intake_services, "complaint_register", None)


def complaints_available() -> bool:
    return _register_complaint() is not None


def offer_open_complaint(
    *, actor: User, screening: OfferScreening, note: str = ""
) -> OfferScreening:
    """Register a complaint (channel "media") with the offer and link it; the offer's status
    becomes "complaint". Without the intake service, only the status is set."""
    if not offers.can_handle(actor, screening):
        raise deny()
    register = _register_complaint()
    if register is not None and not actor.has_action(Action.REGISTER_COMPLAINT):
        raise deny(_("Your role does not register complaints; ask an intake officer."))
    note = note.strip()[:MAX_NOTE]
    with transaction.atomic():
        locked = lock(OfferScreening.objects, screening.pk, status=screening.status)
        if locked.status == OfferStatus.COMPLAINT:
            raise ValidationError({"status": _("A complaint was already opened for this offer.")})
        complaint = None
        if register is not None:
            from lentera.apps.intake.services import FactsInput, ReporterInput

            result = sealed_json(locked.result) or {}
            flags = set(locked.flags)
            complaint = register(
                actor=actor,
                channel="media",
                facts=FactsInput(
                    narrative=_offer_narrative(locked, result, note),
                    place=str(OfferSource(locked.source).label) if locked.source else "",
                    region=actor.agency.region if actor.agency else None,
                    involves_child="yes" if "minor_targeted" in flags else "unknown",
                    migrant_worker=bool(flags & ABROAD_FLAGS),
                ),
                reporter=ReporterInput(
                    name=actor.get_full_name() or actor.username, relation="official"
                ),
            )
        locked.status = OfferStatus.COMPLAINT
        locked.complaint = complaint
        locked.triaged_by = actor
        locked.triaged_at = timezone.now()
        locked.note = note
        locked.save(update_fields=["status", "complaint", "triaged_by", "triaged_at", "note"])
        record_event(
            actor=actor,
            event_type=EventType.OFFER_TRIAGED,
            obj=locked,
            summary=f"#{locked.pk} · complaint",
            data={
                "from": screening.status,
                "to": OfferStatus.COMPLAINT,
                "complaint": complaint.pk if complaint is not None else None,
            },
        )
    return locked


def _offer_narrative(screening: OfferScreening, result: Mapping[str, Any], note: str) -> str:
    lines = [
        _("Job offer screened in the monitoring queue (#%(id)s): %(level)s, risk %(risk)s.")
        % {
            "id": screening.pk,
            "level": engine.level_label(screening.level),
            "risk": f"{screening.risk:.2f}",
        }
    ]
    if screening.source:
        lines.append(_("Source: %(source)s") % {"source": OfferSource(screening.source).label})
    url = unseal(screening.url)
    if url:
        lines.append(_("Address: %(url)s") % {"url": url})
    flags = [
        f"{engine.flag_label(str(f.get('code')))} (“{f.get('evidence', '')}”)"
        for f in result.get("flags", [])
    ]
    if flags:
        lines.append(_("Red flags: %(flags)s") % {"flags": "; ".join(flags)})
    if note:
        lines.append(_("Officer's note: %(note)s") % {"note": note})
    lines.append("")
    lines.append(unseal(screening.text))
    return "\n".join(lines)


def offer_reveal(
    *, user: User, screening: OfferScreening, purpose: str = AccessPurpose.VERIFICATION
) -> dict[str, Any]:
    """The text, address and stored result of an offer for its agency's officer (logged)."""
    if not offers.can_handle(user, screening):
        raise deny()
    if purpose not in AccessPurpose.values:
        purpose = AccessPurpose.VERIFICATION
    text = unseal(screening.text)
    revealed = {
        "text": text,
        "url": unseal(screening.url),
        "result": sealed_json(screening.result) or {},
    }
    record_access(
        user=user,
        obj=screening,
        fields=["text", "url", "result"] if revealed["url"] else ["text", "result"],
        purpose=purpose,
        purpose_note="offer screening",
    )
    return revealed


# -- departures ---------------------------------------------------------------------------------


def _clean_identity(name: str, nik: str, phone: str) -> tuple[str, str, str]:
    errors: dict[str, str] = {}
    name = " ".join(name.split())[:200]
    nik = nik.strip()
    phone = phone.strip()
    if nik:
        try:
            nik = parse_nik(nik).nik
        except InvalidNik:
            errors["traveller_nik"] = _("This NIK is not valid (16 digits).")
    if phone:
        try:
            phone = normalize_phone(phone)
        except InvalidPhone:
            errors["traveller_phone"] = _("“%(phone)s” is not a valid phone number.") % {
                "phone": phone
            }
    if errors:
        raise ValidationError(errors)
    return name, nik, phone


def departure_screen(
    *,
    actor: User,
    interview: Mapping[str, object],
    post: str = "",
    traveller_name: str = "",
    traveller_nik: str = "",
    traveller_phone: str = "",
    lang: str | None = None,
) -> tuple[DepartureScreening, DepartureResult]:
    """Screen a posko interview (the contract's fields) and store it with its outcome."""
    agency_id = _require_screener(actor, Action.SCREEN_DEPARTURE)
    record = dict(interview)
    given_post = record.get("departure_post")
    post = " ".join((post or (given_post if isinstance(given_post, str) else "")).split())
    if not post:
        raise ValidationError({"departure_post": _("Name the post (e.g. El Tari, Tenau).")})
    if len(post) > MAX_POST:
        raise ValidationError({"departure_post": _("At most 100 characters.")})
    record["departure_post"] = post
    name, nik, phone = _clean_identity(traveller_name, traveller_nik, traveller_phone)
    dep, result = engine.check_departure(record, lang=lang)
    screening = DepartureScreening(
        agency_id=agency_id,
        officer=actor,
        post=post,
        departure_date=dep.departure_date,
        age=dep.age,
        sex=dep.sex or "",
        destination_country=dep.destination_country or "",
        stated_purpose=dep.stated_purpose or "",
        job_offered=dep.job_offered,
        job_sector=dep.job_sector or "",
        employer_known=dep.employer_known,
        contract_seen=dep.contract_seen,
        salary_promised_idr=dep.salary_promised_idr,
        visa_type=dep.visa_type or "",
        placement_registered=dep.placement_registered,
        recruited_by=dep.recruited_by or "",
        fees_paid_idr=dep.fees_paid_idr,
        costs_paid_by_recruiter=dep.costs_paid_by_recruiter,
        holds_own_documents=dep.holds_own_documents,
        accompanied_by_handler=dep.accompanied_by_handler,
        group_size=dep.group_size,
        story_inconsistent=dep.story_inconsistent,
        parental_consent=dep.parental_consent,
        return_ticket=dep.return_ticket,
        level=result.level,
        risk=result.risk,
        result=result.to_dict(),
        actions=list(result.actions),
        rules_version=departure_rules_version(),
        traveller_name=name,
        traveller_nik=nik,
        traveller_phone=phone,
    )
    with transaction.atomic():
        screening.save()
        record_event(
            actor=actor,
            event_type=EventType.DEPARTURE_SCREENED,
            obj=screening,
            summary=f"#{screening.pk} · {post} · {result.level}",
            data={
                "level": result.level,
                "risk": result.risk,
                "post": post,
                "indicators": [i.code for i in result.indicators],
                "actions": list(result.actions),
            },
        )
    return screening, result


def has_identity(screening: DepartureScreening) -> bool:
    return any(
        unseal(value)
        for value in (
            screening.traveller_name,
            screening.traveller_nik,
            screening.traveller_phone,
        )
    )


def departure_identity_reveal(
    *, user: User, screening: DepartureScreening, purpose: str, purpose_note: str = ""
) -> dict[str, str]:
    """The traveller's name, NIK and phone for the screening agency's officer (logged)."""
    if not departures.can_handle(user, screening):
        raise deny()
    if purpose not in AccessPurpose.values:
        raise ValidationError({"purpose": _("Choose why you need to see the identity.")})
    if purpose == AccessPurpose.OTHER and not purpose_note.strip():
        raise ValidationError({"purpose_note": _("Explain why you need to see the identity.")})
    identity = {
        "traveller_name": unseal(screening.traveller_name),
        "traveller_nik": unseal(screening.traveller_nik),
        "traveller_phone": unseal(screening.traveller_phone),
    }
    record_access(
        user=user,
        obj=screening,
        fields=[k for k, v in identity.items() if v],
        purpose=purpose,
        purpose_note=purpose_note,
    )
    return identity


def can_open_case(user: User, screening: DepartureScreening) -> bool:
    """Open a case from the screening in one step: the screening agency's officer whose roles
    open cases, add people and edit the case (to add the traveller)."""
    return (
        departures.can_handle(user, screening)
        and all(
            user.has_action(a) for a in (Action.CREATE_CASE, Action.EDIT_CASE, Action.CREATE_PERSON)
        )
        and screening.case_id is None
    )


def can_open_complaint(user: User, screening: DepartureScreening) -> bool:
    return (
        departures.can_handle(user, screening)
        and user.has_action(Action.REGISTER_COMPLAINT)
        and complaints_available()
        and screening.complaint_id is None
        and screening.case_id is None
    )


def _departure_summary(screening: DepartureScreening) -> str:
    lines = [
        _("Departure screened at %(post)s on %(date)s: %(level)s (risk %(risk)s).")
        % {
            "post": screening.post,
            "date": timezone.localtime(screening.screened_at).strftime("%Y-%m-%d %H:%M"),
            "level": engine.level_label(screening.level),
            "risk": f"{screening.risk:.2f}",
        }
    ]
    for indicator in screening.result.get("indicators", []):
        lines.append(f"- {indicator.get('reason', indicator.get('code', ''))}")
    actions = [engine.action_label(a) for a in screening.actions]
    if actions:
        lines.append(_("Actions: %(actions)s") % {"actions": "; ".join(actions)})
    return "\n".join(lines)


def _case_title(screening: DepartureScreening) -> str:
    country = engine.country_name(screening.destination_country) or _("unknown destination")
    return _("Departure stopped at %(post)s on %(date)s, to %(country)s") % {
        "post": screening.post,
        "date": timezone.localtime(screening.screened_at).strftime("%Y-%m-%d"),
        "country": country,
    }


def departure_open_case(
    *,
    actor: User,
    screening: DepartureScreening,
    full_name: str = "",
    nik: str = "",
    phone: str = "",
) -> Any:
    """Open a case led by the officer's agency with the traveller as a victim, in one step.

    The identity given here (or, when empty, the one stored with the screening) registers the
    traveller in the person index; the screening is linked to the case and the person.
    """
    from lentera.apps.cases.services import case_add_party, case_open
    from lentera.apps.people.services import person_create

    if not can_open_case(actor, screening):
        raise deny()
    agency = actor.agency
    if agency is None or agency.region is None:
        raise ValidationError(_("Your agency has no region: a case cannot be opened from here."))
    name, nik, phone = _clean_identity(full_name, nik, phone)
    name = name or " ".join(unseal(screening.traveller_name).split())
    nik = nik or unseal(screening.traveller_nik)
    phone = phone or unseal(screening.traveller_phone)
    if not name:
        raise ValidationError(
            {"full_name": _("Enter the traveller's name (an alias will do) to open a case.")}
        )
    with transaction.atomic():
        locked = lock(DepartureScreening.objects, screening.pk, case_id=screening.case_id)
        if locked.case_id is not None:
            raise ValidationError(_("A case was already opened from this screening."))
        case = case_open(
            actor=actor,
            title=_case_title(locked),
            region=agency.region,
            narrative=_departure_summary(locked),
            recruitment_channel=RECRUITMENT_CHANNEL.get(locked.recruited_by, "unknown"),
        )
        person = person_create(
            actor=actor,
            owner_agency=agency,
            full_name=name,
            sex=locked.sex or "unknown",
            nik=nik,
            phones=[phone] if phone else [],
            region=agency.region,
            accept_nik_mismatch=True,
        )
        case_add_party(
            actor=actor, case=case, person=person, role="victim", age_at_offence=locked.age
        )
        locked.case = case
        locked.person = person
        locked.traveller_name = name
        locked.traveller_nik = nik
        locked.traveller_phone = phone
        locked.save(
            update_fields=["case", "person", "traveller_name", "traveller_nik", "traveller_phone"]
        )
        record_event(
            actor=actor,
            event_type=DEPARTURE_REFERRED,
            obj=locked,
            summary=f"#{locked.pk} → {case.reference}",
            data={"case": case.pk, "person": person.pk},
        )
    return case


def departure_open_complaint(*, actor: User, screening: DepartureScreening, note: str = "") -> Any:
    """Register a complaint (channel "posko") with the screening's outcome and link it."""
    if not can_open_complaint(actor, screening):
        raise deny()
    register = _register_complaint()
    from lentera.apps.intake.services import FactsInput, ReporterInput

    note = note.strip()[:MAX_NOTE]
    with transaction.atomic():
        locked = lock(DepartureScreening.objects, screening.pk, complaint_id=screening.complaint_id)
        if locked.complaint_id is not None:
            raise ValidationError(_("A complaint was already opened from this screening."))
        narrative = _departure_summary(locked)
        if note:
            narrative += "\n" + _("Officer's note: %(note)s") % {"note": note}
        child = locked.age is not None and locked.age < 18
        today = timezone.localdate()
        complaint = register(
            actor=actor,
            channel="posko",
            facts=FactsInput(
                narrative=narrative,
                place=locked.post,
                region=actor.agency.region if actor.agency else None,
                people_count=1 + (locked.group_size or 0),
                any_child=child,
                any_man=locked.sex == "male",
                involves_child="yes" if child else ("no" if locked.age is not None else "unknown"),
                departure_today=locked.departure_date in (None, today),
                migrant_worker=bool(locked.job_offered or locked.stated_purpose == "work")
                and locked.destination_country not in ("", "ID"),
            ),
            reporter=ReporterInput(
                name=actor.get_full_name() or actor.username, relation="official"
            ),
        )
        locked.complaint = complaint
        locked.save(update_fields=["complaint"])
        record_event(
            actor=actor,
            event_type=DEPARTURE_REFERRED,
            obj=locked,
            summary=f"#{locked.pk} → {complaint.tracking_code}",
            data={"complaint": complaint.pk},
        )
    return complaint
