"""The law tables: one per legal regime, shipped as JSON in ``data/`` and read once.

A table lists the offences (their elements and base penalties), the aggravations (rules that
raise or replace those penalties) and the related offences of other laws, for the period in
which the regime applies. Nothing here decides a case; :mod:`._engine` applies the tables.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from ._codes import Text
from ._elements import ELEMENTS
from ._errors import InvalidFacts, LawDataError

TABLE_FILES = ("uu21_2007.json", "kuhp2023.json")
ROLES = ("core", "ancillary", "smuggling", "use")
FINE_MODES = ("cumulative", "alternative", "cumulative_alternative")
EFFECTS = ("uplift", "replace", "fine_multiplier")


@dataclass(frozen=True)
class Penalty:
    """A statutory penalty range: prison in years (``prison_max=None`` with ``life``), fine in
    rupiah (``None`` where the statute sets none).

    ``fine_alternative`` is true where prison and fine are alternatives ("atau") rather than
    cumulative ("dan"); ``fine_either`` where they are "dan/atau" (either or both).
    ``sectoral_minimum`` marks a special minimum set by a law outside the KUHP that UU 1/2026 may
    have removed under the 2023 KUHP (see ``EngineSettings``).
    """

    prison_min: int
    prison_max: int | None
    life: bool
    fine_min: int | None
    fine_max: int | None
    fine_alternative: bool
    sectoral_minimum: bool
    fine_either: bool = False


@dataclass(frozen=True)
class Offence:
    """An article whose elements, all met, make a charge.

    ``converted`` is the penalty as UU 1/2026 (Penyesuaian Pidana) Lampiran I restates it, used
    under the setting ``convert_fines``.
    """

    ref: str
    role: str
    label: Text
    elements: tuple[str, ...]
    penalty: Penalty
    counterpart: str | None
    source: str
    converted: Penalty | None = None
    absorbed_by: tuple[str, ...] = ()
    absorbed_when: str | None = None


@dataclass(frozen=True)
class Aggravation:
    """A rule that changes the penalty of the offences it ``applies_to`` when ``condition``
    holds (and, per offence, the extra elements in ``also_requires``), unless one of the
    aggravations in ``unless`` applies too."""

    ref: str
    effect: str
    condition: str
    applies_to: tuple[str, ...]
    also_requires: Mapping[str, tuple[str, ...]]
    unless: tuple[str, ...]
    penalty: Penalty | None
    factor: int
    label: Text
    source: str
    measured_from: str | None = None
    converted: Penalty | None = None


@dataclass(frozen=True)
class RelatedRule:
    """An offence of another law to consider beside the charges when ``condition`` holds.

    ``without_core``: only when no trafficking offence (role ``core``) is met. ``with_any``: only
    beside one of these related offences; ``corporate_fine`` then gives a fine-only penalty, the
    heaviest of their maximum fines raised by one third (UU 18/2017 Pasal 87).
    """

    ref: str
    condition: str
    label: Text
    source: str
    penalty: Penalty | None = None
    converted: Penalty | None = None
    without_core: bool = False
    with_any: tuple[str, ...] = ()
    corporate_fine: bool = False


@dataclass(frozen=True)
class Regime:
    """The law in force between ``valid_from`` and ``valid_to`` (inclusive; ``None`` = open)."""

    code: str
    valid_from: date
    valid_to: date | None
    name: Text
    offences: tuple[Offence, ...]
    aggravations: tuple[Aggravation, ...]
    related: tuple[RelatedRule, ...]

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def offence(self, ref: str) -> Offence:
        for offence in self.offences:
            if offence.ref == ref:
                return offence
        raise KeyError(ref)


# -- reading ---------------------------------------------------------------------------------


def _text(raw: Any, where: str) -> Text:
    if not isinstance(raw, dict) or set(raw) != {"id", "en"}:
        raise LawDataError(f"{where}: expected {{'id': ..., 'en': ...}}")
    return Text(str(raw["id"]), str(raw["en"]))


def _penalty(raw: Any, where: str) -> Penalty:
    try:
        prison_min, prison_max = raw["prison"]
        fine = raw["fine"]
        fine_min, fine_max = (None, None) if fine is None else fine
        penalty = Penalty(
            prison_min=int(prison_min),
            prison_max=None if prison_max is None else int(prison_max),
            life=bool(raw["life"]),
            fine_min=None if fine_min is None else int(fine_min),
            fine_max=None if fine_max is None else int(fine_max),
            fine_alternative=raw["fine_mode"] == "alternative",
            sectoral_minimum=bool(raw["sectoral_minimum"]),
            fine_either=raw["fine_mode"] == "cumulative_alternative",
        )
    except (KeyError, TypeError, ValueError) as error:
        raise LawDataError(f"{where}: bad penalty ({error})") from None
    if raw["fine_mode"] not in FINE_MODES:
        raise LawDataError(f"{where}: unknown fine_mode {raw['fine_mode']!r}")
    if (penalty.prison_max is None) != penalty.life:
        raise LawDataError(f"{where}: a null prison maximum must go with life imprisonment")
    return penalty


def _names(raw: Any, where: str) -> tuple[str, ...]:
    names = tuple(str(name) for name in raw)
    for name in names:
        if name not in ELEMENTS:
            raise LawDataError(f"{where}: unknown element or condition {name!r}")
    return names


def _regime(raw: dict[str, Any]) -> Regime:
    code = raw["regime"]
    offences = tuple(
        Offence(
            ref=item["ref"],
            role=item["role"],
            label=_text(item["label"], f"{code} {item['ref']} label"),
            elements=_names(item["elements"], f"{code} {item['ref']}"),
            penalty=_penalty(item["penalty"], f"{code} {item['ref']}"),
            counterpart=item.get("counterpart"),
            source=item["source"],
            converted=_optional_penalty(item, f"{code} {item['ref']} converted"),
            absorbed_by=tuple(item.get("absorbed_by", ())),
            absorbed_when=(
                None
                if item.get("absorbed_when") is None
                else _names([item["absorbed_when"]], f"{code} {item['ref']}")[0]
            ),
        )
        for item in raw["offences"]
    )
    refs = {offence.ref for offence in offences}
    for offence in offences:
        if offence.role not in ROLES:
            raise LawDataError(f"{code} {offence.ref}: unknown role {offence.role!r}")
        if not set(offence.absorbed_by) <= refs:
            raise LawDataError(f"{code} {offence.ref}: absorbed by an offence not in the table")
    aggravations = []
    for item in raw["aggravations"]:
        where = f"{code} {item['ref']}"
        if item["effect"] not in EFFECTS:
            raise LawDataError(f"{where}: unknown effect {item['effect']!r}")
        applies_to = tuple(item["applies_to"])
        also = {ref: _names(names, where) for ref, names in item.get("also_requires", {}).items()}
        if not set(applies_to) <= refs or not set(also) <= set(applies_to):
            raise LawDataError(f"{where}: applies to an offence missing from the table")
        has_penalty = item["effect"] == "replace"
        aggravations.append(
            Aggravation(
                ref=item["ref"],
                effect=item["effect"],
                condition=_names([item["condition"]], where)[0],
                applies_to=applies_to,
                also_requires=also,
                unless=tuple(item.get("unless", ())),
                penalty=_penalty(item["penalty"], where) if has_penalty else None,
                factor=int(item.get("factor", 1)),
                label=_text(item["label"], f"{where} label"),
                source=item["source"],
                measured_from=item.get("measured_from"),
                converted=_optional_penalty(item, f"{where} converted"),
            )
        )
        measured = aggravations[-1].measured_from
        if measured is not None and measured not in refs:
            raise LawDataError(f"{where}: measured from an offence missing from the table")
    related = tuple(
        RelatedRule(
            ref=item["ref"],
            condition=_names([item["condition"]], item["ref"])[0],
            label=_text(item["label"], f"{code} {item['ref']} label"),
            source=item["source"],
            penalty=None if item.get("penalty") is None else _penalty(item["penalty"], item["ref"]),
            converted=_optional_penalty(item, f"{code} {item['ref']} converted"),
            without_core=bool(item.get("without_core", False)),
            with_any=tuple(item.get("with_any", ())),
            corporate_fine=bool(item.get("corporate_fine", False)),
        )
        for item in raw["related"]
    )
    for rule in related:
        if rule.penalty is None and not rule.corporate_fine:
            raise LawDataError(f"{code} {rule.ref}: a related offence needs a penalty")
    return Regime(
        code=code,
        valid_from=date.fromisoformat(raw["valid_from"]),
        valid_to=None if raw["valid_to"] is None else date.fromisoformat(raw["valid_to"]),
        name=_text(raw["name"], f"{code} name"),
        offences=offences,
        aggravations=tuple(aggravations),
        related=related,
    )


def _optional_penalty(item: dict[str, Any], where: str) -> Penalty | None:
    """The UU 1/2026 restatement of a penalty (``converted``), when the table gives one."""
    raw = item.get("converted")
    return None if raw is None else _penalty(raw, where)


def load_regimes(folder: Traversable, names: Iterable[str]) -> tuple[Regime, ...]:
    """Read the tables ``names`` in ``folder``; they must cover time without gap or overlap."""
    loaded = []
    for name in names:
        raw = json.loads((folder / name).read_text(encoding="utf-8"))
        try:
            loaded.append(_regime(raw))
        except KeyError as error:
            raise LawDataError(f"{name}: missing key {error}") from None
    loaded.sort(key=lambda regime: regime.valid_from)
    for before, after in itertools.pairwise(loaded):
        if before.valid_to is None or (after.valid_from - before.valid_to).days != 1:
            raise LawDataError(f"{before.code} and {after.code} leave a gap or overlap")
    return tuple(loaded)


@cache
def regimes() -> tuple[Regime, ...]:
    """Every shipped regime, oldest first."""
    return load_regimes(resources.files("lentera.law") / "data", TABLE_FILES)


def regime_for(day: date) -> Regime:
    """The regime in force on ``day``; :class:`InvalidFacts` on ``offence_date`` before any."""
    for regime in regimes():
        if regime.covers(day):
            return regime
    first = regimes()[0]
    raise InvalidFacts(
        "offence_date",
        f"{day.isoformat()} is before {first.code} took effect on "
        f"{first.valid_from.isoformat()}; the engine has no table for that date",
    )


def regime_named(code: str) -> Regime:
    """The regime with ``code`` (``"UU21/2007"`` or ``"KUHP2023"``)."""
    for regime in regimes():
        if regime.code == code:
            return regime
    raise KeyError(code)


def article_label(ref: str) -> Text:
    """The label of an article reference used anywhere in the tables."""
    for regime in reversed(regimes()):
        found = {item.ref: item.label for item in regime.offences}
        found.update((item.ref, item.label) for item in regime.aggravations)
        found.update((item.ref, item.label) for item in regime.related)
        if ref in found:
            return found[ref]
    raise KeyError(ref)
