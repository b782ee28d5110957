"""Departure screenings at posts: the interview, the traveller's identity, and the case or complaint opened from one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_access, record_event
from lentera.apps.accounts.concurrency import lock
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AccessPurpose, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.prevention import engine
from lentera.apps.prevention.models import DepartureScreening
from lentera.apps.prevention.policies import departures
from lentera.apps.prevention.services._common import (
    MAX_NOTE,
    _register_complaint,
    _require_screener,
    complaints_available,
)
from lentera.idn import InvalidNik, InvalidPhone, normalize_phone, parse_nik
from lentera.privacy import unseal
from lentera.screening import (
    DepartureResult,
    departure_rules_version,
)

DEPARTURE_REFERRED = cast(EventType, getattr(EventType, "DEPARTURE_REFERRED", "departure_referred"))


MAX_POST = 100


ABROAD_FLAGS = frozenset({"risky_destination", "tourist_visa", "transit_route", "few_documents"})


RECRUITMENT_CHANNEL = {
    "licensed_agency": "agency",
    "government_programme": "agency",
    "individual_agent": "informal_agent",
    "travel_agency": "other",
    "friend_or_relative": "acquaintance",
    "online_contact": "social_media",
}


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
        result=result.to_record(),
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
    for indicator in engine.indicator_views(screening.result, screening):
        lines.append(f"- {indicator['reason']}")
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
