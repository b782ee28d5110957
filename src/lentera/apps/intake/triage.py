"""Triage rules as data: how urgent a complaint is and which kind of agency it goes to.

Pure Python (no Django): the tables below are the rules, :func:`assess` applies them, and the
user guide (``docs/intake.md``) prints the same tables. Change a rule here and nowhere else.

* **Urgency**: the first row of :data:`URGENCY_RULES` whose fact holds gives the urgency;
  otherwise ``normal``. The first action is due :data:`DUE_WITHIN` after the complaint was
  *received* (the reporter has been waiting since then, whenever the triage happens).
* **Routing**: the rows of :data:`ROUTING_RULES` whose fact holds, in order. For each, the
  service looks for an active agency of one of the row's agency types in the complaint's region,
  walking up the region tree (district → regency → province); the first row that finds one
  wins. When none does, the complaint stays with the receiving agency.

No exceptions are raised here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

__all__ = [
    "DUE_WITHIN",
    "ROUTING_RULES",
    "URGENCY_RULES",
    "Assessment",
    "RoutingRule",
    "TriageFacts",
    "UrgencyRule",
    "assess",
    "region_chain",
]

CRITICAL, HIGH, NORMAL = "critical", "high", "normal"

#: Time allowed for the first action, from receipt.
DUE_WITHIN: dict[str, timedelta] = {
    CRITICAL: timedelta(hours=2),
    HIGH: timedelta(hours=24),
    NORMAL: timedelta(days=3),
}


@dataclass(frozen=True)
class TriageFacts:
    """What triage looks at. ``child`` is true when a child is (or is said to be) involved."""

    child: bool = False
    danger_now: bool = False
    departure_today: bool = False
    migrant_worker: bool = False

    def holds(self, fact: str) -> bool:
        return bool(getattr(self, fact))


@dataclass(frozen=True)
class UrgencyRule:
    code: str
    when: str  # a TriageFacts field
    urgency: str
    description: str


@dataclass(frozen=True)
class RoutingRule:
    code: str
    when: tuple[str, ...]  # any of these TriageFacts fields
    agency_types: tuple[str, ...]  # in order of preference (AgencyType values)
    description: str


URGENCY_RULES: tuple[UrgencyRule, ...] = (
    UrgencyRule("danger_now", "danger_now", CRITICAL, "Someone is in danger now"),
    UrgencyRule("departure_today", "departure_today", CRITICAL, "A departure is planned today"),
    UrgencyRule("child", "child", HIGH, "A child is involved"),
)

ROUTING_RULES: tuple[RoutingRule, ...] = (
    RoutingRule(
        "crime_in_progress",
        ("danger_now", "departure_today"),
        ("police",),
        "A crime in progress (someone in danger, a departure today) goes to the police",
    ),
    RoutingRule(
        "child",
        ("child",),
        ("women_child_protection",),
        "A child goes to the women and child protection service (UPTD PPA / DP3A)",
    ),
    RoutingRule(
        "migrant_worker",
        ("migrant_worker",),
        ("manpower", "migrant_protection"),
        "A migrant worker goes to the manpower office, else to migrant-worker protection (BP3MI)",
    ),
)


@dataclass(frozen=True)
class Assessment:
    urgency: str
    urgency_rule: str  # the UrgencyRule code, or "" for the default
    due_at: datetime
    routing: tuple[RoutingRule, ...]  # the rows that apply, in order


def assess(facts: TriageFacts, received_at: datetime) -> Assessment:
    """Apply the urgency and routing tables to ``facts``."""
    urgency, rule_code = NORMAL, ""
    for rule in URGENCY_RULES:
        if facts.holds(rule.when):
            urgency, rule_code = rule.urgency, rule.code
            break
    routing = tuple(r for r in ROUTING_RULES if any(facts.holds(f) for f in r.when))
    return Assessment(
        urgency=urgency,
        urgency_rule=rule_code,
        due_at=received_at + DUE_WITHIN[urgency],
        routing=routing,
    )


def region_chain(code: str) -> list[str]:
    """A Kemendagri code and the codes above it, nearest first: ``53.71.01`` →
    ``["53.71.01", "53.71", "53"]``."""
    parts = [p for p in code.strip().split(".") if p]
    return [".".join(parts[:i]) for i in range(len(parts), 0, -1)]
