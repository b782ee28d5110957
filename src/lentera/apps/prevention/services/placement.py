"""The register of licensed placement agencies (P3MI), and naming who recruited on a screening.

The register is edited one agency at a time (with the version the officer saw) or imported from
the ministry's list (:func:`lentera.apps.prevention.importing.read_placement_agency_file`): an
import is all or nothing, adds the new licence numbers and updates the known ones, and its one
audit event counts both. A screening names the licensed agency, an unlicensed recruiter (calo),
or both (a calo working for an agency); the recruiter's name is an identity field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_access, record_event
from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AccessPurpose, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.prevention.models import DepartureScreening, OfferScreening, PlacementAgency
from lentera.apps.prevention.policies import departures, offers
from lentera.apps.prevention.vocab import LicenceStatus
from lentera.privacy import unseal

MAX_RECRUITER = 200


@dataclass(frozen=True)
class AgencyRecord:
    """One agency of the register as typed or read from the ministry's file."""

    licence_number: str
    name: str
    valid_from: date | None = None
    valid_to: date | None = None
    status: str = LicenceStatus.ACTIVE
    head_office: str = ""
    branches: tuple[str, ...] = ()
    note: str = ""
    line: int = 0


def _require_registrar(actor: User) -> None:
    if not actor.has_action(Action.MANAGE_REGISTERS):
        raise deny()


def check_record(record: AgencyRecord) -> dict[str, list[str]]:
    """What is wrong with a record, by field (empty: nothing)."""
    errors: dict[str, list[str]] = {}
    if not record.licence_number.strip():
        errors["licence_number"] = [_("is required")]
    elif len(record.licence_number) > 100:
        errors["licence_number"] = [_("is longer than %(n)s characters") % {"n": 100}]
    if not record.name.strip():
        errors["name"] = [_("is required")]
    elif len(record.name) > 200:
        errors["name"] = [_("is longer than %(n)s characters") % {"n": 200}]
    if record.status not in LicenceStatus.values:
        errors["status"] = [
            _("unknown status '%(value)s'; expected one of %(codes)s")
            % {"value": record.status, "codes": ", ".join(LicenceStatus.values)}
        ]
    if record.valid_from and record.valid_to and record.valid_to < record.valid_from:
        errors["valid_to"] = [_("the licence cannot end before it starts")]
    if len(record.head_office) > 300:
        errors["head_office"] = [_("is longer than %(n)s characters") % {"n": 300}]
    if len(record.note) > 500:
        errors["note"] = [_("is longer than %(n)s characters") % {"n": 500}]
    return errors


def _values(record: AgencyRecord) -> dict[str, Any]:
    return {
        "name": record.name.strip(),
        "valid_from": record.valid_from,
        "valid_to": record.valid_to,
        "status": record.status,
        "head_office": record.head_office.strip(),
        "branches": [b.strip() for b in record.branches if b.strip()],
        "note": record.note.strip(),
    }


def placement_agency_save(
    *,
    actor: User,
    record: AgencyRecord,
    agency: PlacementAgency | None = None,
    version: int | None = None,
) -> PlacementAgency:
    """Add an agency to the register, or change one (``agency`` with the ``version`` the officer
    saw: a change made meanwhile by someone else is a :class:`Conflict`)."""
    _require_registrar(actor)
    errors = check_record(record)
    number = record.licence_number.strip()
    taken = PlacementAgency.objects.filter(licence_number=number)
    if agency is not None:
        taken = taken.exclude(pk=agency.pk)
    if "licence_number" not in errors and taken.exists():
        errors["licence_number"] = [
            _("Another placement agency of the register has this licence number.")
        ]
    if errors:
        raise ValidationError(errors)
    values = {"licence_number": number, **_values(record)}
    with transaction.atomic():
        if agency is None:
            saved = PlacementAgency.objects.create(**values)
            before = None
        else:
            before = agency.status
            rows = PlacementAgency.objects.filter(pk=agency.pk)
            if version is not None:
                rows = rows.filter(version=version)
            if not rows.update(**values, version=F("version") + 1):
                raise Conflict()
            saved = PlacementAgency.objects.get(pk=agency.pk)
        record_event(
            actor=actor,
            event_type=EventType.PLACEMENT_AGENCY_SAVED,
            obj=saved,
            summary=f"{saved.licence_number} {saved.status}",
            data={"status": saved.status, "from": before},
        )
    return saved


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def placement_agencies_import(
    *, actor: User, records: list[AgencyRecord], filename: str = ""
) -> ImportResult:
    """Import the ministry's list: every row is checked first (a file naming one licence number
    twice is refused); then, in one transaction, new licence numbers are added and known ones
    updated. Agencies missing from the file stay as they are."""
    _require_registrar(actor)
    errors: list[str] = []
    seen: dict[str, int] = {}
    for record in records:
        for field, messages in check_record(record).items():
            for message in messages:
                errors.append(
                    _("line %(line)s, field '%(field)s': %(message)s")
                    % {"line": record.line, "field": field, "message": message}
                )
        number = record.licence_number.strip()
        if number in seen:
            errors.append(
                _("line %(line)s: the licence number is already on line %(first)s")
                % {"line": record.line, "first": seen[number]}
            )
        seen.setdefault(number, record.line)
    if errors:
        raise ValidationError({"file": errors})
    if not records:
        raise ValidationError({"file": [_("The file holds no agencies.")]})
    created = updated = 0
    with transaction.atomic():
        known = {a.licence_number: a for a in PlacementAgency.objects.select_for_update()}
        for record in records:
            number = record.licence_number.strip()
            values = _values(record)
            existing = known.get(number)
            if existing is None:
                PlacementAgency.objects.create(licence_number=number, **values)
                created += 1
            elif any(getattr(existing, k) != v for k, v in values.items()):
                PlacementAgency.objects.filter(pk=existing.pk).update(
                    **values, version=existing.version + 1
                )
                updated += 1
        record_event(
            actor=actor,
            event_type=EventType.PLACEMENT_AGENCIES_IMPORTED,
            summary=f"{filename[:100]} +{created} ~{updated}",
            data={"file": filename[:200], "created": created, "updated": updated},
        )
    return ImportResult(created=created, updated=updated)


def recruiter_name(
    *,
    actor: User,
    screening: OfferScreening | DepartureScreening,
    placement_agency: PlacementAgency | None,
    unlicensed_recruiter: str = "",
) -> OfferScreening | DepartureScreening:
    """Name who recruited on a screening: the licensed agency, an unlicensed recruiter, or both
    (empty both: nobody known). The screening agency's officers only."""
    policy: Any = offers if isinstance(screening, OfferScreening) else departures
    if not policy.can_handle(actor, screening):
        raise deny()
    recruiter = unlicensed_recruiter.strip()
    if len(recruiter) > MAX_RECRUITER:
        raise ValidationError(
            {"unlicensed_recruiter": [_("At most %(n)s characters.") % {"n": MAX_RECRUITER}]}
        )
    with transaction.atomic():
        screening.placement_agency = placement_agency
        screening.unlicensed_recruiter = recruiter
        screening.save(update_fields=["placement_agency", "unlicensed_recruiter"])
        record_event(
            actor=actor,
            event_type=EventType.RECRUITER_NAMED,
            obj=screening,
            data={
                "placement_agency": placement_agency.pk if placement_agency else None,
                "unlicensed": bool(recruiter),
            },
        )
    return screening


def recruiter_reveal(*, user: User, screening: OfferScreening | DepartureScreening) -> str:
    """The unlicensed recruiter named on a screening, for the screening agency's officers
    (logged when there is one)."""
    policy: Any = offers if isinstance(screening, OfferScreening) else departures
    if not policy.can_handle(user, screening):
        raise deny()
    name = unseal(screening.unlicensed_recruiter)
    if name:
        record_access(
            user=user,
            obj=screening,
            fields=["unlicensed_recruiter"],
            purpose=AccessPurpose.VERIFICATION,
            purpose_note="recruiter",
        )
    return name


# -- the prospective-worker register ---------------------------------------------------------------


def destination_closed(country: str, sector: str, day: date) -> bool:
    """Whether the destination policy in force on ``day`` closes ``country`` to ``sector``
    (a sector's own rule wins over the rule for all sectors; no rule: open)."""
    from django.db.models import Q

    from lentera.apps.reference.models import DestinationPolicy, PolicyStatus, Sector

    rules = (
        DestinationPolicy.objects.filter(
            country_id=country, sector__in=[sector, Sector.ALL], valid_from__lte=day
        )
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .order_by("-valid_from")
    )
    own = [r for r in rules if r.sector == sector]
    rule = own[0] if own else next(iter(rules), None)
    return rule is not None and rule.status != PolicyStatus.OPEN


def placement_check(
    *,
    birth_date: date,
    destination_country: str,
    sector: str,
    placement_agency: PlacementAgency | None,
    documents: list[str],
    on: date,
) -> list[str]:
    """What is not allowed in a placement, as codes of ``vocab.PLACEMENT_FLAGS`` (empty: allowed)."""
    from lentera.apps.prevention.vocab import PLACEMENT_DOCUMENTS

    flags: list[str] = []
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    if age < 18:
        flags.append("underage")
    if destination_closed(destination_country, sector, on):
        flags.append("destination_closed")
    if placement_agency is None:
        flags.append("no_agency")
    elif not placement_agency.licensed_on(on):
        flags.append("agency_not_licensed")
    if any(code not in documents for code, _label in PLACEMENT_DOCUMENTS):
        flags.append("missing_documents")
    return flags


def worker_register(
    *,
    actor: User,
    full_name: str,
    birth_date: date,
    destination_country: str,
    sector: str,
    nik: str = "",
    sex: str = "",
    home_region: Any = None,
    placement_agency: PlacementAgency | None = None,
    planned_departure: date | None = None,
    documents: list[str] | None = None,
) -> Any:
    """Register a prospective worker in the actor's manpower office and check the placement."""
    from django.utils import timezone

    from lentera.apps.prevention.models import ProspectiveWorker
    from lentera.apps.prevention.vocab import PLACEMENT_DOCUMENTS

    _require_registrar(actor)
    if actor.agency_id is None:
        raise deny()
    agency_id: int = actor.agency_id
    errors: dict[str, list[str]] = {}
    if not full_name.strip():
        errors["full_name"] = [_("is required")]
    if len(destination_country) != 2:
        errors["destination_country"] = [_("Choose the destination country.")]
    codes = {code for code, _label in PLACEMENT_DOCUMENTS}
    docs = sorted(set(documents or []))
    if any(d not in codes for d in docs):
        errors["documents"] = [_("Unknown document.")]
    if birth_date > timezone.localdate():
        errors["birth_date"] = [_("The date cannot be in the future.")]
    if errors:
        raise ValidationError(errors)
    day = planned_departure or timezone.localdate()
    flags = placement_check(
        birth_date=birth_date,
        destination_country=destination_country,
        sector=sector,
        placement_agency=placement_agency,
        documents=docs,
        on=day,
    )
    with transaction.atomic():
        worker = ProspectiveWorker.objects.create(
            agency_id=agency_id,
            recorded_by=actor,
            full_name=" ".join(full_name.split())[:200],
            nik=nik.strip()[:30],
            sex=sex,
            birth_date=birth_date,
            home_region=home_region,
            destination_country=destination_country.upper(),
            sector=sector,
            placement_agency=placement_agency,
            planned_departure=planned_departure,
            documents=docs,
            flags=flags,
            allowed=not flags,
            checked_at=timezone.now(),
        )
        record_event(
            actor=actor,
            event_type=EventType.PROSPECTIVE_WORKER_CHECKED,
            obj=worker,
            data={"flags": flags, "country": worker.destination_country, "sector": sector},
        )
    return worker


def worker_recheck(*, actor: User, worker: Any) -> Any:
    """Check the placement again (the agency's licence or the destination policy changed)."""
    from django.utils import timezone

    from lentera.apps.prevention.models import ProspectiveWorker
    from lentera.apps.prevention.policies import prospective_workers

    if not prospective_workers.can_handle(actor, worker):
        raise deny()
    day = worker.planned_departure or timezone.localdate()
    fresh_agency = PlacementAgency.objects.filter(pk=worker.placement_agency_id).first()
    flags = placement_check(
        birth_date=worker.birth_date,
        destination_country=worker.destination_country,
        sector=worker.sector,
        placement_agency=fresh_agency,
        documents=list(worker.documents),
        on=day,
    )
    with transaction.atomic():
        ProspectiveWorker.objects.filter(pk=worker.pk).update(
            flags=flags, allowed=not flags, checked_at=timezone.now()
        )
        worker.flags, worker.allowed = flags, not flags
        record_event(
            actor=actor,
            event_type=EventType.PROSPECTIVE_WORKER_CHECKED,
            obj=worker,
            data={"flags": flags, "recheck": True},
        )
    return worker


def worker_reveal(*, user: User, worker: Any) -> dict[str, str]:
    from lentera.apps.prevention.policies import prospective_workers

    if not prospective_workers.can_handle(user, worker):
        raise deny()
    revealed = {"full_name": unseal(worker.full_name), "nik": unseal(worker.nik)}
    record_access(
        user=user,
        obj=worker,
        fields=[k for k, v in revealed.items() if v],
        purpose=AccessPurpose.VERIFICATION,
        purpose_note="prospective worker",
    )
    return revealed


__all__ = [
    "AgencyRecord",
    "ImportResult",
    "check_record",
    "destination_closed",
    "placement_agencies_import",
    "placement_agency_save",
    "placement_check",
    "recruiter_name",
    "recruiter_reveal",
    "worker_recheck",
    "worker_register",
    "worker_reveal",
]
