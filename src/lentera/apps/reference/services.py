"""Loading and editing reference data.

Regions come from the ``idn-area-data`` npm package (Kemendagri codes, ODbL), installed by
``make`` into ``node_modules``; countries from ``pycountry`` (ISO 3166-1, with Indonesian names
from its translations); destination-policy defaults from the screening core's data file.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from datetime import date
from importlib import resources
from pathlib import Path

import pycountry
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import lock
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action
from lentera.apps.reference.fields import forget_countries
from lentera.apps.reference.models import (
    Country,
    DestinationPolicy,
    PolicyStatus,
    Region,
    RegionLevel,
    Sector,
)
from lentera.csvfile import CsvError, parse_csv, read_csv

LEVEL_FILES = [
    (RegionLevel.PROVINCE, "provinces.csv", None),
    (RegionLevel.REGENCY, "regencies.csv", "province_code"),
    (RegionLevel.DISTRICT, "districts.csv", "regency_code"),
    (RegionLevel.VILLAGE, "villages.csv", "district_code"),
]


def area_data_dir() -> Path:
    configured = getattr(settings, "LENTERA_AREA_DATA_DIR", None)
    if configured:
        return Path(configured)
    return Path(settings.BASE_DIR) / "node_modules" / "idn-area-data" / "data"


def regions_load(
    *,
    levels: Iterable[RegionLevel] = tuple(RegionLevel),
    provinces: Iterable[str] | None = None,
    source: Path | None = None,
) -> dict[str, int]:
    """Create or update regions; ``provinces`` limits the load to some province codes."""
    folder = source or area_data_dir()
    if not (folder / "provinces.csv").exists():
        raise ValidationError(
            _("Region data not found in %(dir)s. Run `npm ci` (or `make setup`) first.")
            % {"dir": folder}
        )
    wanted = set(levels)
    only = set(provinces) if provinces else None
    counts: dict[str, int] = {}
    with transaction.atomic():
        existing = dict(Region.objects.values_list("code", "pk"))
        for level, filename, parent_column in LEVEL_FILES:
            if level not in wanted:
                continue
            columns = ("code", "name", parent_column) if parent_column else ("code", "name")
            rows = [
                r
                for r in _area_rows(folder / filename, columns)
                if only is None or r["code"][:2] in only
            ]
            new: list[Region] = []
            changed = 0
            names = dict(Region.objects.filter(level=level).values_list("code", "name"))
            for row in rows:
                code, name = row["code"].strip(), row["name"].strip()
                parent_id = existing.get(row[parent_column]) if parent_column else None
                if code in existing:
                    if names.get(code) != name:
                        Region.objects.filter(code=code).update(name=name)
                        changed += 1
                    continue
                if parent_column and parent_id is None:
                    continue  # parent level not loaded
                new.append(Region(code=code, name=name, level=level, parent_id=parent_id))
            Region.objects.bulk_create(new, batch_size=2000)
            existing.update(
                Region.objects.filter(level=level, code__in=[r.code for r in new]).values_list(
                    "code", "pk"
                )
            )
            counts[str(level)] = len(new) + changed
        record_event(actor=None, event_type=EventType.REFERENCE_LOADED, data={"regions": counts})
    return counts


def _area_rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Every row of one region file, or a ValidationError naming the file and the line."""
    try:
        return [row.values for row in read_csv(path, required=columns)]
    except CsvError as exc:
        raise ValidationError(
            _("The region data cannot be read: %(error)s") % {"error": exc}
        ) from None


def countries_load() -> int:
    try:
        indonesian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
        translate = indonesian.gettext
    except OSError:  # translations missing from this pycountry build

        def translate(message: str) -> str:
            return message

    rows = [
        Country(
            code=c.alpha_2,
            alpha3=c.alpha_3,
            name_en=getattr(c, "common_name", None) or c.name,
            name_id=translate(c.name),
        )
        for c in pycountry.countries
    ]
    with transaction.atomic():
        Country.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=["alpha3", "name_en", "name_id"],
        )
    forget_countries()
    return len(rows)


def default_policy_rows() -> list[dict[str, str]]:
    path = resources.files("lentera.screening").joinpath("data/destination_policy.csv")
    if not path.is_file():
        return []
    return [row.values for row in parse_csv(path.read_bytes(), source=path.name)]


def destination_policies_load_defaults() -> int:
    """Insert the shipped defaults that are not in the table yet (admin edits are kept)."""
    created = 0
    with transaction.atomic():
        for row in default_policy_rows():
            country = Country.objects.filter(code=row["country"].strip().upper()).first()
            if country is None:
                continue
            _obj, was_created = DestinationPolicy.objects.get_or_create(
                country=country,
                sector=row["sector"].strip() or Sector.ALL,
                valid_from=date.fromisoformat(row["valid_from"].strip()),
                defaults={
                    "status": row["status"].strip(),
                    "legal_basis": row["legal_basis"].strip(),
                    "note": row.get("note", "").strip(),
                },
            )
            created += int(was_created)
    return created


def destination_policy_save(
    *,
    actor: User,
    policy: DestinationPolicy | None,
    country: Country,
    sector: str,
    status: str,
    legal_basis: str,
    valid_from: date,
    valid_to: date | None = None,
    note: str = "",
) -> DestinationPolicy:
    if not actor.has_action(Action.MANAGE_REFERENCE):
        raise PermissionDenied(_("You do not have permission to do this."))
    errors: dict[str, str] = {}
    if sector not in Sector.values:
        errors["sector"] = _("Unknown sector.")
    if status not in PolicyStatus.values:
        errors["status"] = _("Unknown status.")
    if not legal_basis.strip():
        errors["legal_basis"] = _("Name the legal basis (regulation, decision or statement).")
    if valid_to is not None and valid_to < valid_from:
        errors["valid_to"] = _("The end date is before the start date.")
    clash = DestinationPolicy.objects.filter(country=country, sector=sector, valid_from=valid_from)
    if policy is not None:
        clash = clash.exclude(pk=policy.pk)
    if clash.exists():
        errors["valid_from"] = _("A rule for this country and sector already starts on this date.")
    if errors:
        raise ValidationError(errors)
    obj = policy or DestinationPolicy()
    before = None if policy is None else {"status": policy.status, "valid_to": str(policy.valid_to)}
    seen = None if policy is None else {"status": policy.status, "valid_to": policy.valid_to}
    obj.country = country
    obj.sector = sector
    obj.status = status
    obj.legal_basis = legal_basis.strip()
    obj.valid_from = valid_from
    obj.valid_to = valid_to
    obj.note = note.strip()
    with transaction.atomic():
        if policy is not None and seen is not None:
            # the rule must still be as the editor read it, else Conflict (no lost update)
            lock(DestinationPolicy.objects, policy.pk, **seen)
        obj.save()
        record_event(
            actor=actor,
            event_type=EventType.DESTINATION_POLICY_SAVED,
            obj=obj,
            summary=f"{country.code}/{sector}: {status}",
            data={"before": before},
        )
    return obj
