"""Returns in batches: a repatriation's manifest imported as one return operation; each returnee
screened at arrival, searched in the person index before anyone is registered, referred by home
region to an agency there, and followed to reintegration.

Identity rules: returnees' names, NIKs and passport numbers are sealed; they are shown to the
operation's agency and to the agency a returnee was referred to, each read logged. A search of
the person index goes through :func:`lentera.apps.people.matching.identifier_lookup`, which
answers only with people whose identity the officer's agency holds (others: only who holds them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_access, record_event
from lentera.apps.accounts.concurrency import transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AccessPurpose, Agency, User
from lentera.apps.accounts.policies import deny
from lentera.apps.prevention.importing import ManifestRow
from lentera.apps.prevention.models import Returnee, ReturnOperation
from lentera.apps.prevention.policies import (
    READ,
    receives_returns,
    return_operations,
    returnees,
)
from lentera.apps.prevention.vocab import (
    ARRIVAL_INDICATORS,
    MatchState,
    ReturneeStatus,
)
from lentera.apps.reference.models import Region
from lentera.privacy import unseal

INDICATOR_CODES = tuple(code for code, _label in ARRIVAL_INDICATORS)
#: The agency types a returnee is referred to at home, most fitting first.
REFERRAL_TYPES = (
    "social_affairs",
    "women_child_protection",
    "integrated_service_centre",
    "migrant_protection",
    "manpower",
    "local_government",
)


def operation_create(
    *,
    actor: User,
    title: str,
    arrived_on: date,
    source: str = "",
    countries: str = "",
    arrival_point: str = "",
) -> ReturnOperation:
    if not receives_returns(actor) or actor.agency_id is None:
        raise deny()
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("Give the operation a title.")]
    if arrived_on > timezone.localdate():
        errors["arrived_on"] = [_("Record the operation once the returnees have arrived.")]
    if errors:
        raise ValidationError(errors)
    agency_id: int = actor.agency_id
    with transaction.atomic():
        operation = ReturnOperation.objects.create(
            agency_id=agency_id,
            recorded_by=actor,
            title=title.strip()[:200],
            arrived_on=arrived_on,
            source=source.strip()[:200],
            countries=countries.strip()[:100],
            arrival_point=arrival_point.strip()[:200],
        )
        record_event(actor=actor, event_type=EventType.RETURN_OPERATION_RECORDED, obj=operation)
    return operation


def _require_operation(actor: User, operation: ReturnOperation) -> None:
    if not return_operations.can_handle(actor, operation):
        raise deny()


@dataclass(frozen=True)
class ManifestResult:
    imported: int
    noted: int  # rows kept with a note (no NIK, unknown home region)


def manifest_import(
    *, actor: User, operation: ReturnOperation, rows: list[ManifestRow], filename: str = ""
) -> ManifestResult:
    """Add every row of a checked manifest to the operation, in one transaction. A line already
    imported into the operation refuses the file (nothing is added twice, nothing dropped)."""
    _require_operation(actor, operation)
    taken = set(
        Returnee.objects.filter(operation=operation, line__in=[r.line for r in rows]).values_list(
            "line", flat=True
        )
    )
    if taken:
        lines = ", ".join(str(n) for n in sorted(taken)[:20])
        raise ValidationError(
            {
                "file": [
                    _("Lines already imported into this operation: %(lines)s.") % {"lines": lines}
                ]
            }
        )
    codes = {r.home_region for r in rows if r.home_region}
    regions = {r.code: r for r in Region.objects.filter(code__in=codes)}
    batch: list[Returnee] = []
    noted = 0
    for row in rows:
        notes = list(row.notes)
        region = regions.get(row.home_region)
        if row.home_region and region is None:
            notes.append("unknown_home_region")
        noted += bool(notes)
        batch.append(
            Returnee(
                operation=operation,
                line=row.line,
                full_name=row.name,
                nik=row.nik,
                passport=row.passport,
                sex=row.sex,
                birth_date=row.birth_date,
                home_region=region,
                country=row.country,
                notes=notes,
            )
        )
    with transaction.atomic():
        Returnee.objects.bulk_create(batch, batch_size=500)
        record_event(
            actor=actor,
            event_type=EventType.RETURN_MANIFEST_IMPORTED,
            obj=operation,
            summary=f"{filename[:100]} {len(batch)}",
            data={"file": filename[:200], "returnees": len(batch), "noted": noted},
        )
    return ManifestResult(imported=len(batch), noted=noted)


def _require_returnee(actor: User, returnee: Returnee) -> None:
    if not returnees.can(actor, READ, returnee):
        raise deny()


def returnee_screen(
    *, actor: User, returnee: Returnee, indicators: list[str], note: str = ""
) -> Returnee:
    """Record the victim indicators found at arrival (none: screened, not a likely victim)."""
    _require_operation(actor, returnee.operation)
    unknown = [c for c in indicators if c not in INDICATOR_CODES]
    if unknown:
        raise ValidationError({"indicators": [_("Unknown indicator.")]})
    with transaction.atomic():
        transition(
            Returnee.objects,
            returnee.pk,
            from_states=[ReturneeStatus.ARRIVED, ReturneeStatus.SCREENED],
            to_state=ReturneeStatus.SCREENED,
            instance=returnee,
            indicators=sorted(set(indicators)),
            likely_victim=bool(indicators),
            screened_at=timezone.now(),
        )
        record_event(
            actor=actor,
            event_type=EventType.RETURNEE_UPDATED,
            obj=returnee.operation,
            data={"returnee": returnee.pk, "screened": len(indicators)},
        )
    return returnee


def returnee_reveal(*, user: User, returnee: Returnee) -> dict[str, str]:
    """Name, NIK and passport of a returnee for the operation's or the referred agency (logged)."""
    _require_returnee(user, returnee)
    revealed = {
        "full_name": unseal(returnee.full_name),
        "nik": unseal(returnee.nik),
        "passport": unseal(returnee.passport),
    }
    record_access(
        user=user,
        obj=returnee.operation,
        fields=[f"returnee.{k}" for k, v in revealed.items() if v],
        purpose=AccessPurpose.VICTIM_SERVICES,
        purpose_note=f"returnee #{returnee.pk}",
    )
    return revealed


def returnee_search(*, actor: User, returnee: Returnee) -> Any:
    """Search the person index for the returnee (NIK, name, date of birth), as the officer:
    found people only where the officer's agency holds their identity; otherwise who holds
    them. Records what was found on the returnee."""
    from lentera.apps.people.matching import identifier_lookup

    _require_operation(actor, returnee.operation)
    lookup = identifier_lookup(
        user=actor,
        name=unseal(returnee.full_name),
        nik=unseal(returnee.nik),
        birth_date=returnee.birth_date,
    )
    strong = [m for m in lookup.matches if "NIK" in m.reasons or m.score >= 0.9]
    if strong:
        state, person = MatchState.MATCHED, strong[0].person
    elif lookup.held_by:
        state, person = MatchState.HELD_ELSEWHERE, None
    else:
        state, person = MatchState.NONE, None
    with transaction.atomic():
        Returnee.objects.filter(pk=returnee.pk).update(match_state=state, person=person)
        returnee.match_state, returnee.person = state, person
    return lookup


def returnee_register(*, actor: User, returnee: Returnee) -> Returnee:
    """Register the returnee in the person index for the actor's agency, after a search found
    nobody (search before create)."""
    from lentera.apps.people.services import person_create

    _require_operation(actor, returnee.operation)
    if returnee.match_state != MatchState.NONE:
        raise ValidationError(
            _("Search the person index first; register only when nobody is found.")
        )
    agency = actor.agency
    assert agency is not None
    with transaction.atomic():
        person = person_create(
            actor=actor,
            owner_agency=agency,
            full_name=unseal(returnee.full_name),
            sex=returnee.sex or "unknown",
            birth_date=returnee.birth_date,
            nik=unseal(returnee.nik),
            region=returnee.home_region,
            accept_nik_mismatch=True,
        )
        Returnee.objects.filter(pk=returnee.pk).update(
            person=person, match_state=MatchState.REGISTERED
        )
        returnee.person, returnee.match_state = person, MatchState.REGISTERED
    return returnee


def home_agency(region: Region | None) -> Agency | None:
    """The agency that receives a returnee of ``region``: the one of the deepest region that
    contains it, of the most fitting type."""
    if region is None:
        return None
    codes = [region.code]
    parts = region.code.split(".")
    codes += [".".join(parts[:n]) for n in range(len(parts) - 1, 0, -1)]
    candidates = list(
        Agency.objects.filter(region__code__in=codes, is_active=True).select_related("region")
    )
    if not candidates:
        return None

    def rank(agency: Agency) -> tuple[int, int, int]:
        kind = (
            REFERRAL_TYPES.index(agency.agency_type)
            if agency.agency_type in REFERRAL_TYPES
            else len(REFERRAL_TYPES)
        )
        region_code = agency.region.code if agency.region else ""
        return (-len(region_code), kind, agency.pk)

    return sorted(candidates, key=rank)[0]


@dataclass(frozen=True)
class ReferralResult:
    referred: int
    no_agency: int


def returns_refer(*, actor: User, operation: ReturnOperation) -> ReferralResult:
    """Refer every screened returnee of the operation to the agency of their home region.
    Returnees without a home region or without an agency there stay screened, and are counted."""
    _require_operation(actor, operation)
    pending = list(
        Returnee.objects.filter(operation=operation, status=ReturneeStatus.SCREENED).select_related(
            "home_region"
        )
    )
    cache: dict[int | None, Agency | None] = {}
    by_agency: dict[int, list[int]] = {}
    missing = 0
    for returnee in pending:
        key = returnee.home_region_id
        if key not in cache:
            cache[key] = home_agency(returnee.home_region)
        agency = cache[key]
        if agency is None:
            missing += 1
            continue
        by_agency.setdefault(agency.pk, []).append(returnee.pk)
    now = timezone.now()
    referred = 0
    with transaction.atomic():
        for agency_id, ids in by_agency.items():
            referred += Returnee.objects.filter(pk__in=ids, status=ReturneeStatus.SCREENED).update(
                status=ReturneeStatus.REFERRED, referred_agency_id=agency_id, referred_at=now
            )
        record_event(
            actor=actor,
            event_type=EventType.RETURNEE_UPDATED,
            obj=operation,
            data={"referred": referred, "no_agency": missing, "agencies": len(by_agency)},
        )
    return ReferralResult(referred=referred, no_agency=missing)


def returnee_reintegrated(*, actor: User, returnee: Returnee, on: date) -> Returnee:
    """The agency the returnee was referred to records the reintegration."""
    if returnee.referred_agency_id is None or returnee.referred_agency_id != actor.agency_id:
        raise deny()
    if not receives_returns(actor):
        raise deny()
    if on > timezone.localdate():
        raise ValidationError({"on": [_("The date cannot be in the future.")]})
    with transaction.atomic():
        transition(
            Returnee.objects,
            returnee.pk,
            from_states=[ReturneeStatus.REFERRED],
            to_state=ReturneeStatus.REINTEGRATED,
            instance=returnee,
            reintegrated_on=on,
        )
        record_event(
            actor=actor,
            event_type=EventType.RETURNEE_UPDATED,
            obj=returnee.operation,
            data={"returnee": returnee.pk, "reintegrated": on.isoformat()},
        )
    return returnee


def region_progress(operation: ReturnOperation) -> list[dict[str, Any]]:
    """Per home regency (or city), how many returnees, and how far they are: arrived, screened,
    likely victims, referred, reintegrated. Returnees without a known home region come last."""
    rows = (
        Returnee.objects.filter(operation=operation)
        .values("home_region__code")
        .annotate(
            total=Count("id"),
            arrived=Count("id", filter=Q(status=ReturneeStatus.ARRIVED)),
            screened=Count("id", filter=Q(status=ReturneeStatus.SCREENED)),
            victims=Count("id", filter=Q(likely_victim=True)),
            referred=Count("id", filter=Q(status=ReturneeStatus.REFERRED)),
            reintegrated=Count("id", filter=Q(status=ReturneeStatus.REINTEGRATED)),
        )
    )
    merged: dict[str, dict[str, Any]] = {}
    for found in rows:
        row: dict[str, Any] = dict(found)
        code = row.pop("home_region__code") or ""
        key = ".".join(code.split(".")[:2]) if code else ""
        into = merged.setdefault(
            key,
            {
                "code": key,
                "total": 0,
                "arrived": 0,
                "screened": 0,
                "victims": 0,
                "referred": 0,
                "reintegrated": 0,
            },
        )
        for name, value in row.items():
            into[name] += value
    names = dict(
        Region.objects.filter(code__in=[k for k in merged if k]).values_list("code", "name")
    )
    result = sorted(merged.values(), key=lambda r: (r["code"] == "", r["code"]))
    for entry in result:
        entry["name"] = names.get(entry["code"], "") if entry["code"] else ""
    return result


__all__ = [
    "ManifestResult",
    "ReferralResult",
    "home_agency",
    "manifest_import",
    "operation_create",
    "region_progress",
    "returnee_register",
    "returnee_reintegrated",
    "returnee_reveal",
    "returnee_screen",
    "returnee_search",
    "returns_refer",
]
