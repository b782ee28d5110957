"""The engine: apply a regime's table to the facts, and weigh what is still unknown.

A *world* is the case with every unknown element settled one way or the other. The *baseline*
world takes the facts as given (an unknown element counts as absent). The engine evaluates
every world: when they all reach the same outcome, that outcome stands and the baseline's
charges are reported; otherwise the outcome is ``insufficient_facts`` and only the charges that
hold in every world are reported. An unknown element is *missing* when changing it alone
changes the outcome, a charge or a related offence; it *decides* the case when each value it
can take leads to one outcome.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from fractions import Fraction

from ._codes import ACTS, MOVEMENTS, UNKNOWN_ELEMENTS, Text, code_label
from ._elements import ELEMENTS, VICTIM_TRAFFICKED, element_label
from ._facts import CaseFacts, Victim
from ._penalty import THIRD, Exact, Range, ceiling, compute, heavier, severity
from ._result import OUTCOMES, Charge, Decider, ElementCheck, OffenceCheck, RelatedOffence
from ._settings import EngineSettings
from ._tables import Aggravation, Offence, Penalty, Regime, RelatedRule

_CHILD_AGE = 17  # stands for "a child" in the world where an unknown age is under 18

PARTICIPATION_ARTICLE = {
    "principal": None,
    "assistance": "UU21/2007:10",
    "attempt": "UU21/2007:10",
    "conspiracy": "UU21/2007:11",
}
"""The article that extends liability for each kind of participation (UU 21/2007 Pasal 10 and
11, which give the same penalty as the offence; from 2026 their "Pasal 2" reads as KUHP 455)."""


@dataclass(frozen=True)
class Check:
    """One offence tested in one world: which of its elements hold and which do not."""

    offence: Offence
    met: tuple[str, ...]
    unmet: tuple[str, ...]


@dataclass(frozen=True)
class Computed:
    """An offence whose elements hold, with the aggravations that apply and its penalty.

    ``measured_from`` names the offence whose penalty an aggravation measures from (Pasal 16:
    Pasal 2); ``capped_from`` the maximum the 20-year ceiling lowered, when it did; ``base`` the
    offence whose penalty Pasal 12 takes.
    """

    offence: Offence
    applied: tuple[Aggravation, ...]
    exact: Exact
    charge: Charge
    floored: bool = False
    measured_from: str | None = None
    capped_from: Fraction | None = None
    base: str | None = None

    @property
    def uplifts(self) -> int:
        return sum(1 for item in self.applied if item.effect == "uplift")


@dataclass(frozen=True)
class RelatedItem:
    """A related offence in one world: the rule (``None`` for smuggling as an alternative), its
    penalty and the offence it came from."""

    ref: str
    rule: RelatedRule | None
    exact: Exact | None
    corporate_fine: Fraction | None
    offence: RelatedOffence


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
    related_items: tuple[RelatedItem, ...] = ()
    absorbed: tuple[tuple[str, str], ...] = ()

    def signature(self) -> tuple[str, tuple[Charge, ...], tuple[str, ...]]:
        return self.outcome, self.charges, self.related

    def computed_for(self, ref: str) -> Computed | None:
        return next((item for item in self.computed if item.offence.ref == ref), None)

    def related_for(self, ref: str) -> RelatedItem | None:
        return next((item for item in self.related_items if item.ref == ref), None)


def holds(name: str, world: CaseFacts) -> bool:
    return ELEMENTS[name].test(world)


def penalty_of(penalty: Penalty, converted: Penalty | None, settings: EngineSettings) -> Penalty:
    """The penalty the settings choose: UU 1/2026's restatement under ``convert_fines``."""
    return converted if settings.convert_fines and converted is not None else penalty


def _applied(regime: Regime, satisfied: set[str]) -> tuple[Aggravation, ...]:
    """The aggravations among ``satisfied`` that no other satisfied one supersedes."""
    return tuple(
        rule
        for rule in regime.aggravations
        if rule.ref in satisfied and not satisfied.intersection(rule.unless)
    )


def _penalty_for(
    regime: Regime,
    offence: Offence,
    applied: tuple[Aggravation, ...],
    settings: EngineSettings,
) -> tuple[Exact, str | None]:
    """The penalty after ``applied``, and the offence it was measured from (Pasal 16)."""
    base = penalty_of(offence.penalty, offence.converted, settings)
    measured: str | None = None
    replaced = False
    for rule in applied:
        if rule.effect == "replace" and rule.penalty is not None:
            base = penalty_of(rule.penalty, rule.converted, settings)
            replaced = True
    if not replaced:
        for rule in applied:
            if rule.measured_from is not None and rule.measured_from != offence.ref:
                source = regime.offence(rule.measured_from)
                base = penalty_of(source.penalty, source.converted, settings)
                measured = rule.measured_from
    fine_factor = 1
    for rule in applied:
        if rule.effect == "fine_multiplier":
            fine_factor *= rule.factor
    exact = compute(
        base,
        uplifts=sum(1 for rule in applied if rule.effect == "uplift"),
        fine_factor=fine_factor,
        settings=settings,
        drop_minimum=settings.sectoral_minimums_removed and base.sectoral_minimum,
    )
    return exact, measured


def _charge(
    offence: Offence,
    exact: Exact,
    aggravations: tuple[str, ...],
    participation: str | None,
    capped: bool,
) -> Charge:
    return Charge(
        ref=offence.ref,
        label=offence.label,
        prison_years=exact.prison,
        life=exact.life,
        fine_idr=exact.fine,
        aggravations=aggravations,
        fine_alternative=exact.fine_alternative,
        participation=participation,
        fine_either=exact.fine_either,
        ceiling_applied=capped,
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
    exact, measured = _penalty_for(regime, offence, applied, settings)
    replacing = {rule.ref for rule in applied if rule.effect == "replace"}
    floored = False
    if replacing:
        # A range of its own (Pasal 7(2), death) never makes a penalty lighter than the same
        # offence would carry without that consequence (e.g. with Pasal 7(1) instead): after
        # 2026 the KUHP 455 fine can exceed the Rp5 billion that Pasal 7(2) names.
        without, _ = _penalty_for(
            regime, offence, _applied(regime, satisfied - replacing), settings
        )
        exact, floored = heavier(exact, without)
    exact, capped_from = ceiling(exact)
    participation = PARTICIPATION_ARTICLE[world.participation] if offence.role == "core" else None
    charge = _charge(
        offence,
        exact,
        tuple(rule.ref for rule in applied),
        participation,
        capped_from is not None,
    )
    return Computed(offence, applied, exact, charge, floored, measured, capped_from)


def _compute_use(offence: Offence, cores: list[Computed], settings: EngineSettings) -> Computed:
    """Pasal 12: the same penalty as the trafficking offence the facts show (Pasal 2-6), taken
    from that offence's own range (the heaviest when several are met), without aggravations."""
    options = []
    for item in cores:
        base = penalty_of(item.offence.penalty, item.offence.converted, settings)
        exact = compute(
            base,
            uplifts=0,
            fine_factor=1,
            settings=settings,
            drop_minimum=settings.sectoral_minimums_removed and base.sectoral_minimum,
        )
        options.append((severity(exact), item.offence.ref, exact))
    _key, source, exact = max(options, key=lambda option: option[0])
    charge = _charge(offence, exact, (), None, False)
    return Computed(offence, (), exact, charge, base=source)


def _related_offence(
    ref: str, label: Text, exact: Exact | None, corporate_fine: Fraction | None
) -> RelatedOffence:
    if exact is None:
        top = int(corporate_fine or 0)
        return RelatedOffence(ref, label, None, False, Range(0, top))
    return RelatedOffence(
        ref=ref,
        label=label,
        prison_years=exact.prison,
        life=exact.life,
        fine_idr=exact.fine,
        fine_alternative=exact.fine_alternative,
        fine_either=exact.fine_either,
    )


def _related(
    regime: Regime,
    world: CaseFacts,
    settings: EngineSettings,
    smuggling: list[Computed],
    core: bool,
) -> tuple[RelatedItem, ...]:
    items = [
        RelatedItem(
            item.offence.ref,
            None,
            item.exact,
            None,
            _related_offence(item.offence.ref, item.offence.label, item.exact, None),
        )
        for item in smuggling
    ]
    for rule in regime.related:
        if rule.without_core and core:
            continue
        if not holds(rule.condition, world):
            continue
        beside = [item for item in items if item.ref in rule.with_any]
        if rule.with_any and not beside:
            continue
        if rule.corporate_fine:
            fines = [
                item.exact.fine_max
                for item in beside
                if item.exact is not None and item.exact.fine_max is not None
            ]
            top = max(fines) * (1 + THIRD)
            offence = _related_offence(rule.ref, rule.label, None, top)
            items.append(RelatedItem(rule.ref, rule, None, top, offence))
            continue
        assert rule.penalty is not None  # the loader refuses a rule without one
        base = penalty_of(rule.penalty, rule.converted, settings)
        exact = compute(
            base,
            uplifts=0,
            fine_factor=1,
            settings=settings,
            drop_minimum=settings.sectoral_minimums_removed and base.sectoral_minimum,
        )
        items.append(
            RelatedItem(
                rule.ref, rule, exact, None, _related_offence(rule.ref, rule.label, exact, None)
            )
        )
    return tuple(items)


def evaluate(regime: Regime, world: CaseFacts, settings: EngineSettings) -> Evaluation:
    """Apply ``regime``'s table to a world where nothing is unknown."""
    checks: dict[str, Check] = {}
    computed: list[Computed] = []
    for offence in regime.offences:
        if offence.role == "use":
            continue
        met = tuple(name for name in offence.elements if holds(name, world))
        unmet = tuple(name for name in offence.elements if name not in met)
        checks[offence.ref] = Check(offence, met, unmet)
        if not unmet:
            computed.append(_compute(regime, offence, world, settings))
    met_refs = {item.offence.ref for item in computed}
    absorbed: dict[str, str] = {}
    for item in computed:
        offence = item.offence
        if offence.absorbed_when is not None and holds(offence.absorbed_when, world):
            by = next((ref for ref in offence.absorbed_by if ref in met_refs), None)
            if by is not None:
                absorbed[offence.ref] = by
    computed = [item for item in computed if item.offence.ref not in absorbed]
    cores = [item for item in computed if item.offence.role == "core"]
    for offence in regime.offences:
        if offence.role != "use":
            continue
        met = tuple(
            name
            for name in offence.elements
            if (bool(cores) if name == VICTIM_TRAFFICKED else holds(name, world))
        )
        unmet = tuple(name for name in offence.elements if name not in met)
        checks[offence.ref] = Check(offence, met, unmet)
        if not unmet:
            computed.append(_compute_use(offence, cores, settings))
    by_role = {
        role: [item for item in computed if item.offence.role == role]
        for role in ("core", "use", "ancillary", "smuggling")
    }
    if by_role["core"]:
        outcome = "trafficking"
        chosen = by_role["core"] + by_role["use"] + by_role["ancillary"]
        related = _related(regime, world, settings, by_role["smuggling"], core=True)
    elif by_role["smuggling"]:
        outcome = "smuggling"
        chosen = by_role["smuggling"] + by_role["ancillary"]
        related = _related(regime, world, settings, [], core=False)
    elif by_role["ancillary"]:
        outcome = "trafficking"
        chosen = by_role["ancillary"]
        related = _related(regime, world, settings, [], core=False)
    else:
        outcome = "not_trafficking"
        chosen = []
        related = _related(regime, world, settings, [], core=False)
    order = {offence.ref: n for n, offence in enumerate(regime.offences)}
    chosen.sort(key=lambda item: order[item.offence.ref])
    chosen.sort(key=lambda item: severity(item.exact), reverse=True)
    return Evaluation(
        world=world,
        regime=regime,
        outcome=outcome,
        charges=tuple(item.charge for item in chosen),
        related=tuple(item.ref for item in related),
        checks=tuple(checks[offence.ref] for offence in regime.offences),
        computed=tuple(computed),
        related_items=related,
        absorbed=tuple(absorbed.items()),
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


def value_label(element: str, value: object) -> Text:
    """What one value of an unknown element means, in words (for the deciding fact)."""
    if element == "movement":
        code = str(value)
        return Text(code_label("movement", code, "id"), code_label("movement", code, "en"))
    if element == "victim_age":
        return (
            Text("korban anak (di bawah 18 tahun)", "a child victim (under 18)")
            if value
            else Text("korban dewasa", "an adult victim")
        )
    if element == "exploitation_occurred":
        return (
            Text("eksploitasi benar terjadi", "the person was exploited")
            if value
            else Text("eksploitasi tidak terjadi", "no exploitation occurred")
        )
    name = Text(code_label("unknown", element, "id"), code_label("unknown", element, "en"))
    if value:
        return Text(f"ada {name.id}", f"there is {name.en}")
    return Text(f"tidak ada {name.id}", f"no {name.en}")


@dataclass(frozen=True)
class Weighing:
    """Every world of a case, evaluated, and what the unknown elements change."""

    baseline: Evaluation
    worlds: tuple[Evaluation, ...]
    unknown: tuple[str, ...]
    missing: tuple[str, ...]
    keys: tuple[tuple[object, ...], ...] = ()

    @property
    def possible_outcomes(self) -> tuple[str, ...]:
        found = {world.outcome for world in self.worlds}
        return tuple(outcome for outcome in OUTCOMES if outcome in found)

    def deciders(self) -> tuple[Decider, ...]:
        """The unknown elements whose value alone decides an open outcome."""
        if len(self.possible_outcomes) < 2:
            return ()
        found = []
        for position, name in enumerate(self.unknown):
            branches: dict[object, set[str]] = {}
            for key, world in zip(self.keys, self.worlds, strict=True):
                branches.setdefault(key[position], set()).add(world.outcome)
            if all(len(outcomes) == 1 for outcomes in branches.values()):
                found.append(
                    Decider(
                        name,
                        tuple(
                            (value_label(name, value), next(iter(outcomes)))
                            for value, outcomes in branches.items()
                        ),
                    )
                )
        return tuple(found)

    def checklists(self, charged: set[str]) -> tuple[OffenceCheck, ...]:
        """Element by element, every charge and every offence that some world meets (and the
        trafficking offences whose first element holds), across all the worlds."""
        baseline = self.baseline
        lists = []
        for position, check in enumerate(baseline.checks):
            offence = check.offence
            in_worlds = [world.checks[position] for world in self.worlds]
            possible = any(not other.unmet for other in in_worlds)
            relevant = offence.role in ("core", "use") and offence.elements[0] in check.met
            if not (offence.ref in charged or possible or relevant):
                continue
            elements = []
            for name in offence.elements:
                everywhere = all(name in other.met for other in in_worlds)
                nowhere = all(name not in other.met for other in in_worlds)
                status = "met" if everywhere else "not_met" if nowhere else "unknown"
                if status == "met":
                    fact = ELEMENTS[name].met(baseline.world)
                elif status == "not_met":
                    fact = ELEMENTS[name].unmet
                else:
                    fact = Text("", "")
                elements.append(ElementCheck(name, status, element_label(name), fact))
            lists.append(
                OffenceCheck(
                    offence.ref,
                    offence.label,
                    offence.ref in charged,
                    possible,
                    tuple(elements),
                    dict(baseline.absorbed).get(offence.ref),
                )
            )
        return tuple(lists)


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
        groups: dict[tuple[object, ...], set[tuple[str, tuple[Charge, ...], tuple[str, ...]]]]
        groups = {}
        for key, evaluation in keyed.items():
            rest = key[:position] + key[position + 1 :]
            groups.setdefault(rest, set()).add(evaluation.signature())
        if any(len(signatures) > 1 for signatures in groups.values()):
            missing.append(name)
    baseline = keyed[tuple(choice[0] for choice in options)]
    return Weighing(baseline, tuple(keyed.values()), unknown, tuple(missing), tuple(keyed.keys()))
