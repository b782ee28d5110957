"""The engine: apply a regime's table to the facts, and weigh what is still unknown.

A *world* is the case with every unknown element settled one way or the other. The *baseline*
world takes the facts as given (an unknown element counts as absent). The engine evaluates
every world: when they all reach the same outcome, that outcome stands and the baseline's
charges are reported; otherwise the outcome is ``insufficient_facts`` and only the charges that
hold in every world are reported. An unknown element is *missing* when changing it alone
changes the outcome or a charge.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from ._codes import ACTS, MOVEMENTS, UNKNOWN_ELEMENTS
from ._elements import ELEMENTS
from ._facts import CaseFacts, Victim
from ._penalty import Exact, compute, heavier, severity
from ._result import OUTCOMES, Charge
from ._settings import EngineSettings
from ._tables import Aggravation, Offence, Regime

_CHILD_AGE = 17  # stands for "a child" in the world where an unknown age is under 18


@dataclass(frozen=True)
class Check:
    """One offence tested in one world: which of its elements hold and which do not."""

    offence: Offence
    met: tuple[str, ...]
    unmet: tuple[str, ...]


@dataclass(frozen=True)
class Computed:
    """An offence whose elements hold, with the aggravations that apply and its penalty."""

    offence: Offence
    applied: tuple[Aggravation, ...]
    exact: Exact
    charge: Charge
    floored: bool = False

    @property
    def uplifts(self) -> int:
        return sum(1 for item in self.applied if item.effect == "uplift")


@dataclass(frozen=True)
class Evaluation:
    """The answer for one world."""

    world: CaseFacts
    regime: Regime
    outcome: str
    charges: tuple[Charge, ...]
    related: tuple[str, ...]
    checks: tuple[Check, ...]
    computed: tuple[Computed, ...]

    def signature(self) -> tuple[str, tuple[Charge, ...]]:
        return self.outcome, self.charges

    def computed_for(self, ref: str) -> Computed | None:
        return next((item for item in self.computed if item.offence.ref == ref), None)


def holds(name: str, world: CaseFacts) -> bool:
    return ELEMENTS[name].test(world)


def _applied(regime: Regime, satisfied: set[str]) -> tuple[Aggravation, ...]:
    """The aggravations among ``satisfied`` that no other satisfied one supersedes."""
    return tuple(
        rule
        for rule in regime.aggravations
        if rule.ref in satisfied and not satisfied.intersection(rule.unless)
    )


def _penalty_for(
    offence: Offence, applied: tuple[Aggravation, ...], settings: EngineSettings
) -> Exact:
    base = offence.penalty
    for rule in applied:
        if rule.effect == "replace" and rule.penalty is not None:
            base = rule.penalty
    fine_factor = 1
    for rule in applied:
        if rule.effect == "fine_multiplier":
            fine_factor *= rule.factor
    return compute(
        base,
        uplifts=sum(1 for rule in applied if rule.effect == "uplift"),
        fine_factor=fine_factor,
        settings=settings,
        drop_minimum=settings.sectoral_minimums_removed and base.sectoral_minimum,
    )


def _compute(
    regime: Regime, offence: Offence, world: CaseFacts, settings: EngineSettings
) -> Computed:
    satisfied = {
        rule.ref
        for rule in regime.aggravations
        if offence.ref in rule.applies_to
        and holds(rule.condition, world)
        and all(holds(name, world) for name in rule.also_requires.get(offence.ref, ()))
    }
    applied = _applied(regime, satisfied)
    exact = _penalty_for(offence, applied, settings)
    replacing = {rule.ref for rule in applied if rule.effect == "replace"}
    floored = False
    if replacing:
        # A range of its own (Pasal 7(2), death) never makes a penalty lighter than the same
        # offence would carry without that consequence (e.g. with Pasal 7(1) instead): after
        # 2026 the KUHP 455 fine can exceed the Rp5 billion that Pasal 7(2) names.
        without = _penalty_for(offence, _applied(regime, satisfied - replacing), settings)
        exact, floored = heavier(exact, without)
    charge = Charge(
        ref=offence.ref,
        label=offence.label,
        prison_years=exact.prison,
        life=exact.life,
        fine_idr=exact.fine,
        aggravations=tuple(rule.ref for rule in applied),
        fine_alternative=exact.fine_alternative,
    )
    return Computed(offence, applied, exact, charge, floored)


def evaluate(regime: Regime, world: CaseFacts, settings: EngineSettings) -> Evaluation:
    """Apply ``regime``'s table to a world where nothing is unknown."""
    checks = []
    computed = []
    for offence in regime.offences:
        met = tuple(name for name in offence.elements if holds(name, world))
        unmet = tuple(name for name in offence.elements if name not in met)
        checks.append(Check(offence, met, unmet))
        if not unmet:
            computed.append(_compute(regime, offence, world, settings))
    by_role = {
        role: [item for item in computed if item.offence.role == role]
        for role in ("core", "ancillary", "smuggling")
    }
    related = [rule.ref for rule in regime.related if holds(rule.condition, world)]
    if by_role["core"]:
        outcome = "trafficking"
        chosen = by_role["core"] + by_role["ancillary"]
        related = [item.offence.ref for item in by_role["smuggling"]] + related
    elif by_role["smuggling"]:
        outcome = "smuggling"
        chosen = by_role["smuggling"] + by_role["ancillary"]
    elif by_role["ancillary"]:
        outcome = "trafficking"
        chosen = by_role["ancillary"]
    else:
        outcome = "not_trafficking"
        chosen = []
    order = {offence.ref: n for n, offence in enumerate(regime.offences)}
    chosen.sort(key=lambda item: order[item.offence.ref])
    chosen.sort(key=lambda item: severity(item.exact), reverse=True)
    return Evaluation(
        world=world,
        regime=regime,
        outcome=outcome,
        charges=tuple(item.charge for item in chosen),
        related=tuple(related),
        checks=tuple(checks),
        computed=tuple(computed),
    )


# -- unknown elements ------------------------------------------------------------------------


def _options(facts: CaseFacts, element: str) -> tuple[object, ...]:
    """The values an unknown element can take; the first is the baseline (facts as given)."""
    if element in ("acts", "means", "purposes"):
        return (False, True)
    if element == "exploitation_occurred":
        return (facts.exploitation_occurred, not facts.exploitation_occurred)
    if element == "movement":
        given = facts.movement or "none"
        return (given, *(code for code in MOVEMENTS if code != given))
    # victim_age: only victims whose age is not recorded can turn out to be children
    open_age = not facts.victims or any(v.age_at_offence is None for v in facts.victims)
    return (False, True) if open_age else (False,)


def _settle(facts: CaseFacts, element: str, value: object) -> CaseFacts:
    """``facts`` with one unknown element settled to ``value`` (one of its options)."""
    if element == "acts":
        return replace(facts, acts=ACTS) if value else facts
    if element == "means":
        return replace(facts, means=(*facts.means, "threat_of_violence")) if value else facts
    if element == "purposes":
        return replace(facts, purposes=(*facts.purposes, "other_exploitation")) if value else facts
    if element == "exploitation_occurred":
        return replace(facts, exploitation_occurred=bool(value))
    if element == "movement":
        return replace(facts, movement=str(value))
    if not value:
        return facts
    victims = tuple(
        replace(v, age_at_offence=_CHILD_AGE) if v.age_at_offence is None else v
        for v in facts.victims
    )
    return replace(facts, victims=victims or (Victim(age_at_offence=_CHILD_AGE),))


@dataclass(frozen=True)
class Weighing:
    """Every world of a case, evaluated, and what the unknown elements change."""

    baseline: Evaluation
    worlds: tuple[Evaluation, ...]
    unknown: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def possible_outcomes(self) -> tuple[str, ...]:
        found = {world.outcome for world in self.worlds}
        return tuple(outcome for outcome in OUTCOMES if outcome in found)


def weigh(facts: CaseFacts, regime: Regime, settings: EngineSettings) -> Weighing:
    """Evaluate the baseline and every other settling of the unknown elements."""
    unknown = tuple(name for name in UNKNOWN_ELEMENTS if facts.is_unknown(name))
    known = replace(facts, unknown=())
    options = [_options(known, name) for name in unknown]
    keyed: dict[tuple[object, ...], Evaluation] = {}
    for key in itertools.product(*options):
        world = known
        for name, value in zip(unknown, key, strict=True):
            world = _settle(world, name, value)
        keyed[key] = evaluate(regime, world, settings)
    missing = []
    for position, name in enumerate(unknown):
        groups: dict[tuple[object, ...], set[tuple[str, tuple[Charge, ...]]]] = {}
        for key, evaluation in keyed.items():
            rest = key[:position] + key[position + 1 :]
            groups.setdefault(rest, set()).add(evaluation.signature())
        if any(len(signatures) > 1 for signatures in groups.values()):
            missing.append(name)
    baseline = keyed[tuple(choice[0] for choice in options)]
    return Weighing(baseline, tuple(keyed.values()), unknown, tuple(missing))
