"""Routing rules as data: which agency a report goes to, and which task force is told.

An administrator keeps :class:`~lentera.apps.intake.models.RoutingRule` rows (region × category ×
age band → agency, else a fallback agency; the task force informed). For a complaint:

1. its **categories** are read from the facts: a crime in progress (someone in danger now, a
   departure today), a migrant worker; every report is also of the category "any report";
2. its **age band** is "child" when a child is (said to be) involved, "adult" when the reporter
   said no child is, and unknown otherwise (only rules for any age fit an unknown age);
3. the active rules whose region is the complaint's region or a region above it (or everywhere),
   whose category and age band fit, are tried by priority (lower first), then the nearest region,
   then the more specific rule; the first with an active agency wins;
4. when no rule fits, the built-in table of :mod:`lentera.apps.intake.triage` applies (agency
   types looked for up the region tree).

Whatever the agency, every report reaches a **task force**: the winning rule's, else the one
named by the fitting rule of the nearest region, else the nearest task force of the complaint's
region (walking up the tree) that has a secretariat, else the national one. Its secretariat sees the complaint in its list, pseudonymised.

:func:`route` is what receipt, triage and the preview page all call, so the preview says exactly
what a report would get.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from lentera.apps.accounts.models import Agency, TaskForce, TaskForceMembership
from lentera.apps.intake.models import AgeBand, RoutingCategory, RoutingRule
from lentera.apps.intake.triage import ROUTING_RULES, TriageFacts, region_chain

SECRETARIAT = "secretariat"


@dataclass(frozen=True)
class RouteFacts:
    """What routing looks at: the region code and the facts of triage."""

    region_code: str | None
    child: bool = False
    adult_only: bool = False
    danger_now: bool = False
    departure_today: bool = False
    migrant_worker: bool = False

    @property
    def categories(self) -> frozenset[str]:
        found = {RoutingCategory.ANY.value}
        if self.danger_now or self.departure_today:
            found.add(RoutingCategory.CRIME_IN_PROGRESS.value)
        if self.migrant_worker:
            found.add(RoutingCategory.MIGRANT_WORKER.value)
        return frozenset(found)

    @property
    def age_band(self) -> str | None:
        if self.child:
            return AgeBand.CHILD.value
        return AgeBand.ADULT.value if self.adult_only else None

    def triage(self) -> TriageFacts:
        return TriageFacts(
            child=self.child,
            danger_now=self.danger_now,
            departure_today=self.departure_today,
            migrant_worker=self.migrant_worker,
        )


@dataclass(frozen=True)
class Route:
    """Where a report goes: the agency (None: it stays with the receiving agency), the rule that
    chose it (``rule`` for a data rule, ``code`` also for a built-in one) and the task force."""

    agency: Agency | None
    rule: RoutingRule | None
    code: str
    task_force: TaskForce | None


def _rank(rule: RoutingRule, chain: list[str]) -> tuple[int, int, int, int]:
    level = chain.index(rule.region.code) if rule.region is not None else len(chain)
    specific = (rule.category == RoutingCategory.ANY) + (rule.age_band == AgeBand.ANY)
    return (rule.priority, level, specific, rule.pk)


def matching_rules(facts: RouteFacts) -> list[RoutingRule]:
    """The active rules that fit, in the order they are tried."""
    chain = region_chain(facts.region_code) if facts.region_code else []
    bands = [AgeBand.ANY.value] + ([facts.age_band] if facts.age_band else [])
    rules = (
        RoutingRule.objects.filter(is_active=True)
        .filter(Q(region__isnull=True) | Q(region__code__in=chain))
        .filter(category__in=facts.categories, age_band__in=bands)
        .select_related("region", "agency", "fallback_agency", "task_force")
    )
    return sorted(rules, key=lambda rule: _rank(rule, chain))


def task_force_for(region_code: str | None) -> TaskForce | None:
    """The nearest task force of the region (walking up) that has a secretariat; else a
    national one that has."""
    chain = region_chain(region_code) if region_code else []
    with_secretariat = TaskForceMembership.objects.filter(role=SECRETARIAT).values("task_force_id")
    candidates = list(
        TaskForce.objects.filter(pk__in=with_secretariat)
        .filter(Q(region__code__in=chain) | Q(region__isnull=True))
        .select_related("region")
    )
    if not candidates:
        return None

    def rank(tf: TaskForce) -> tuple[int, int]:
        return (chain.index(tf.region.code) if tf.region else len(chain), tf.pk)

    return min(candidates, key=rank)


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


def route(facts: RouteFacts, *, receiving_agency: Agency | None = None) -> Route:
    """Where a report with ``facts`` goes (see the module documentation)."""
    rules = matching_rules(facts)
    # the task force: the nearest region's rule that names one, else the region's own
    chain = region_chain(facts.region_code) if facts.region_code else []
    named = sorted(
        (r for r in rules if r.task_force is not None),
        key=lambda r: (chain.index(r.region.code) if r.region else len(chain), r.priority, r.pk),
    )
    default_tf = named[0].task_force if named else task_force_for(facts.region_code)
    for rule in rules:
        agency = next(
            (a for a in (rule.agency, rule.fallback_agency) if a is not None and a.is_active),
            None,
        )
        if agency is not None:
            return Route(agency, rule, f"rule:{rule.pk}", rule.task_force or default_tf)
    triage = facts.triage()
    for builtin in ROUTING_RULES:
        if any(triage.holds(f) for f in builtin.when):
            agency = find_agency(facts.region_code, builtin.agency_types)
            if agency is not None:
                return Route(agency, None, builtin.code, default_tf)
    return Route(receiving_agency, None, "", default_tf)


# Default rules for the demo regions (agency names as in lentera.apps.accounts.demo): the
# region's own women and child protection service for children, the police for a crime in
# progress, the manpower office for migrant workers; Kabupaten Kupang (53.01), which has no
# UPTD PPA of its own in the demo, to UPTD PPA Kota Kupang and the Kota Kupang task force.
# The reasons are data, written in Indonesian like the rest of the demo.
DEMO_RULES: list[tuple[str | None, str, str, str, str | None, str | None, int, str]] = [
    # (region, category, age band, agency, fallback, task force, priority, why)
    (
        None,
        "crime_in_progress",
        "any",
        "Bareskrim Polri — Satgas TPPO",
        None,
        None,
        90,
        "Kejahatan yang sedang berlangsung di wilayah lain: Satgas TPPO Polri.",
    ),
    (
        "53",
        "crime_in_progress",
        "any",
        "Polresta Kupang Kota — Unit PPA",
        "Polda NTT — Ditreskrimum",
        None,
        10,
        "Ada yang dalam bahaya atau berangkat hari ini di NTT: unit PPA polisi yang siaga.",
    ),
    (
        "53.71",
        "any",
        "child",
        "UPTD PPA Kota Kupang",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kota Kupang",
        None,
        20,
        "Anak di Kota Kupang: UPTD PPA.",
    ),
    (
        "53.01",
        "any",
        "child",
        "UPTD PPA Kota Kupang",
        None,
        "Gugus Tugas PP-TPPO Kota Kupang",
        20,
        "Kabupaten Kupang belum punya UPTD PPA di sistem: UPTD PPA Kota Kupang melayani anaknya.",
    ),
    (
        "53.01",
        "any",
        "any",
        "UPTD PPA Kota Kupang",
        None,
        "Gugus Tugas PP-TPPO Kota Kupang",
        80,
        "Laporan lain dari Kabupaten Kupang juga sampai ke gugus tugas Kota Kupang.",
    ),
    (
        "53",
        "migrant_worker",
        "adult",
        "Dinas Tenaga Kerja dan Transmigrasi Provinsi NTT",
        "BP3MI Nusa Tenggara Timur",
        None,
        30,
        "Pekerja migran dewasa dari NTT: Disnakertrans, jika tidak BP3MI.",
    ),
    (
        "61.71",
        "any",
        "child",
        "UPTD PPA Kota Pontianak (DP2KBP3A)",
        None,
        None,
        20,
        "Anak di Kota Pontianak: UPTD PPA.",
    ),
    (
        "61.71",
        "crime_in_progress",
        "any",
        "Polresta Pontianak Kota — Unit PPA",
        None,
        None,
        10,
        "Ada yang dalam bahaya atau berangkat hari ini di Kota Pontianak: unit PPA polisi.",
    ),
    (
        "61",
        "migrant_worker",
        "adult",
        "Dinas Tenaga Kerja dan Transmigrasi Provinsi Kalimantan Barat",
        None,
        None,
        30,
        "Pekerja migran dewasa dari Kalimantan Barat: Disnakertrans.",
    ),
]


def seed_demo_rules() -> int:
    """Add the default rules for the demo regions that are not there yet (by region, category
    and age band); rules whose agencies or regions are missing are skipped. Returns how many
    were added."""
    from lentera.apps.reference.models import Region

    added = 0
    for region_code, category, band, agency, fallback, tf, priority, note in DEMO_RULES:
        region = Region.objects.filter(code=region_code).first() if region_code else None
        first = Agency.objects.filter(name=agency).first()
        if first is None or (region_code and region is None):
            continue
        if RoutingRule.objects.filter(region=region, category=category, age_band=band).exists():
            continue
        RoutingRule.objects.create(
            region=region,
            category=category,
            age_band=band,
            agency=first,
            fallback_agency=Agency.objects.filter(name=fallback).first() if fallback else None,
            task_force=TaskForce.objects.filter(name=tf).first() if tf else None,
            priority=priority,
            note=note,
        )
        added += 1
    return added
