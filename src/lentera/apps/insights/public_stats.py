"""Public statistics: what the task forces may publish without a login.

Counted from every case file, whichever agency leads it, so the figures are the same for every
agency and a victim recorded by two agencies but merged into one person in the index is counted
once. Every table is protected by small-cell suppression (:func:`lentera.privacy.
suppress_small_cells`): a count from 1 to k-1 is shown as "<k", and a second cell is hidden
when one alone would let a reader subtract it from the total (UU 21/2007 Pasal 24: nothing may
point to a victim). Nothing here depends on who asks, so the figures are cached briefly.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.cases.vocab import (
    ExploitationType,
    PartyRole,
    RecruitmentChannel,
    VictimStatus,
)
from lentera.apps.reference.models import Region, RegionLevel
from lentera.privacy import suppress_small_cells

CACHE_SECONDS = 600


def public_k() -> int:
    return int(getattr(settings, "LENTERA_PUBLIC_K", 11))


@dataclass
class Table:
    """One published table: rows of (code, label, count or None when suppressed)."""

    key: str
    rows: list[tuple[str, str, int | None]] = field(default_factory=list)
    total: int | None = 0


@dataclass
class PublicFigures:
    year: int | None
    k: int
    tables: dict[str, Table]
    years: list[int]

    @property
    def largest_hidden(self) -> int:
        return self.k - 1


def _table(key: str, counts: Counter[str], labels: dict[str, str], k: int) -> Table:
    raw = {code: counts.get(code, 0) for code in labels}
    shown = suppress_small_cells(raw, k=k)
    total = sum(raw.values())
    return Table(
        key=key,
        rows=[(code, labels[code], shown[code]) for code in labels],
        total=None if 0 < total < k else total,
    )


def _cases(year: int | None) -> QuerySet[Case]:
    qs = Case.objects.all()
    if year is not None:
        qs = qs.filter(opened_at__year=year)
    return qs


def parse_year(raw: str) -> int | None:
    """A year from 2000 to next year, else None (the caller decides if that is an error)."""
    raw = raw.strip()
    if raw.isascii() and raw.isdigit() and 2000 <= int(raw) <= timezone.localdate().year + 1:
        return int(raw)
    return None


def available_years() -> list[int]:
    dates = Case.objects.dates("opened_at", "year", order="DESC")
    return [d.year for d in dates]


def public_figures(*, year: int | None) -> PublicFigures:
    """The published tables for one year (None: all years), suppressed with k."""
    k = public_k()
    key = f"lentera:public-stats:{year}:{k}:{translation.get_language()}"
    cached = cache.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    cases = _cases(year)
    provinces = {
        r.code: r.name for r in Region.objects.filter(level=RegionLevel.PROVINCE).order_by("code")
    }
    by_province: Counter[str] = Counter()
    exploitation: Counter[str] = Counter()
    channels: Counter[str] = Counter()
    for region_code, types, channel in cases.values_list(
        "region__code", "exploitation_types", "recruitment_channel"
    ):
        by_province[region_code.split(".")[0]] += 1
        exploitation.update(set(types))
        channels[channel] += 1
    victims = (
        CaseParty.objects.filter(case__in=cases, role=PartyRole.VICTIM)
        .exclude(victim_status=VictimStatus.NOT_VICTIM)
        .values_list("person_id", "person__sex", "age_at_offence")
    )
    sexes: Counter[str] = Counter()
    ages: Counter[str] = Counter()
    seen: set[int] = set()
    for person_id, sex, age in victims.order_by("person_id", "age_at_offence"):
        if person_id in seen:  # one person in several cases is one victim
            continue
        seen.add(person_id)
        sexes[sex] += 1
        ages["unknown" if age is None else ("child" if age < 18 else "adult")] += 1
    used_provinces = {code: name for code, name in provinces.items() if by_province.get(code)}
    tables = {
        "provinces": _table("provinces", by_province, used_provinces, k),
        "victims_sex": _table(
            "victims_sex",
            sexes,
            {
                "female": _("Women and girls"),
                "male": _("Men and boys"),
                "unknown": _("Not recorded"),
            },
            k,
        ),
        "victims_age": _table(
            "victims_age",
            ages,
            {
                "child": _("Children (under 18)"),
                "adult": _("Adults"),
                "unknown": _("Age not recorded"),
            },
            k,
        ),
        "exploitation": _table(
            "exploitation", exploitation, {c.value: str(c.label) for c in ExploitationType}, k
        ),
        "channels": _table(
            "channels", channels, {c.value: str(c.label) for c in RecruitmentChannel}, k
        ),
    }
    # A case can have several forms of exploitation: that table has no meaningful total.
    tables["exploitation"].total = None
    figures = PublicFigures(year=year, k=k, tables=tables, years=available_years())
    cache.set(key, figures, CACHE_SECONDS)
    return figures
