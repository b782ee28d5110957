"""Penalty arithmetic: base range, aggravations, the settings; exact, then floored."""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from math import floor

from ._codes import Text
from ._settings import EngineSettings
from ._tables import Penalty

THIRD = Fraction(1, 3)
CEILING = Fraction(20)
"""No temporal prison term exceeds 20 years: KUHP 2023 Pasal 68(4), old KUHP Pasal 12(4)."""


@dataclass(frozen=True)
class Range:
    """A range of whole numbers; ``max=None`` means no upper bound (life imprisonment)."""

    min: int
    max: int | None

    def to_dict(self) -> dict[str, int | None]:
        return {"min": self.min, "max": self.max}


@dataclass(frozen=True)
class Exact:
    """A computed penalty before rounding: prison in years, fine in rupiah."""

    prison_min: Fraction
    prison_max: Fraction | None
    life: bool
    fine_min: Fraction | None
    fine_max: Fraction | None
    fine_alternative: bool
    fine_either: bool = False

    @property
    def prison(self) -> Range:
        """Prison years, rounded down (in favour of the accused)."""
        top = None if self.prison_max is None else floor(self.prison_max)
        return Range(floor(self.prison_min), top)

    @property
    def fine(self) -> Range | None:
        """Fine in whole rupiah, rounded down; ``None`` when the statute sets no fine."""
        if self.fine_min is None or self.fine_max is None:
            return None
        return Range(floor(self.fine_min), floor(self.fine_max))


def heavier(first: Exact, second: Exact) -> tuple[Exact, bool]:
    """Component by component, the heavier of two penalties; and whether ``second`` raised
    any component of ``first``."""

    def top(a: Fraction | None, b: Fraction | None, unbounded: bool) -> Fraction | None:
        if a is None or b is None:
            return None if unbounded else (a if b is None else b)
        return max(a, b)

    merged = Exact(
        prison_min=max(first.prison_min, second.prison_min),
        prison_max=top(first.prison_max, second.prison_max, unbounded=True),
        life=first.life or second.life,
        fine_min=top(first.fine_min, second.fine_min, unbounded=False),
        fine_max=top(first.fine_max, second.fine_max, unbounded=False),
        fine_alternative=first.fine_alternative and second.fine_alternative,
        fine_either=first.fine_either and second.fine_either,
    )
    return merged, merged != first


def ceiling(exact: Exact) -> tuple[Exact, Fraction | None]:
    """``exact`` with temporal prison held to 20 years, and the maximum it had when the ceiling
    lowered it (``None`` when it did not). Life stays life; the minimum never exceeds 20."""
    top = exact.prison_max
    capped_max = top if top is None or top <= CEILING else CEILING
    capped_min = min(exact.prison_min, CEILING)
    if capped_max == top and capped_min == exact.prison_min:
        return exact, None
    was = top if top is not None and top > CEILING else None
    return replace(exact, prison_min=capped_min, prison_max=capped_max), was


def uplift_factor(count: int, settings: EngineSettings) -> Fraction:
    """The multiplier that ``count`` "+1/3" aggravations give under ``settings.stacking``."""
    if count == 0:
        return Fraction(1)
    if settings.stacking == "additive":
        return 1 + count * THIRD
    if settings.stacking == "compound":
        return (1 + THIRD) ** count
    return 1 + THIRD


def compute(
    base: Penalty,
    *,
    uplifts: int,
    fine_factor: int,
    settings: EngineSettings,
    drop_minimum: bool,
) -> Exact:
    """Apply ``uplifts`` "+1/3" aggravations and a corporate ``fine_factor`` to ``base``.

    ``drop_minimum`` removes the special minimum first (UU 1/2026 setting).
    """
    factor = uplift_factor(uplifts, settings)
    low = factor if settings.uplift_minimum else Fraction(1)
    prison_min = Fraction(0 if drop_minimum else base.prison_min)
    fine_min = None if base.fine_min is None else Fraction(0 if drop_minimum else base.fine_min)
    return Exact(
        prison_min=prison_min * low,
        prison_max=None if base.prison_max is None else base.prison_max * factor,
        life=base.life,
        fine_min=None if fine_min is None else fine_min * low * fine_factor,
        fine_max=None if base.fine_max is None else base.fine_max * factor * fine_factor,
        fine_alternative=base.fine_alternative,
        fine_either=base.fine_either,
    )


# -- wording ---------------------------------------------------------------------------------


def years(value: Fraction) -> Text:
    """``value`` years in words, with months when not whole ("6 tahun 8 bulan")."""
    whole = floor(value)
    months = floor((value - whole) * 12)
    unit = "year" if whole == 1 else "years"
    month_unit = "month" if months == 1 else "months"
    if months == 0:
        return Text(f"{whole} tahun", f"{whole} {unit}")
    if whole == 0:
        return Text(f"{months} bulan", f"{months} {month_unit}")
    return Text(f"{whole} tahun {months} bulan", f"{whole} {unit} {months} {month_unit}")


def rupiah(value: Fraction) -> Text:
    """``value`` rupiah, rounded down, with Indonesian and English digit grouping."""
    amount = f"{floor(value):,}"
    return Text("Rp" + amount.replace(",", "."), "Rp" + amount)


def describe(exact: Exact) -> Text:
    """The penalty range as a sentence fragment in both languages (no minimum: "paling lama")."""
    low = years(exact.prison_min)
    if exact.prison_max is None:
        prison = Text(
            f"pidana penjara {low.id} sampai seumur hidup",
            f"prison from {low.en} to life",
        )
    elif exact.prison_min == 0:
        high = years(exact.prison_max)
        prison = Text(f"pidana penjara paling lama {high.id}", f"prison up to {high.en}")
    else:
        high = years(exact.prison_max)
        prison = Text(
            f"pidana penjara {low.id} sampai {high.id}",
            f"prison from {low.en} to {high.en}",
        )
    if exact.fine_min is None or exact.fine_max is None:
        return prison
    fine_low, fine_high = rupiah(exact.fine_min), rupiah(exact.fine_max)
    if exact.fine_alternative:
        joiner = ("atau", "or")
    elif exact.fine_either:
        joiner = ("dan/atau", "and/or")
    else:
        joiner = ("dan", "and")
    if exact.fine_min == 0:
        return Text(
            f"{prison.id} {joiner[0]} denda paling banyak {fine_high.id}",
            f"{prison.en} {joiner[1]} a fine of up to {fine_high.en}",
        )
    return Text(
        f"{prison.id} {joiner[0]} denda {fine_low.id} sampai {fine_high.id}",
        f"{prison.en} {joiner[1]} a fine of {fine_low.en} to {fine_high.en}",
    )


def describe_fine(fine_max: Fraction) -> Text:
    """A fine-only penalty (UU 18/2017 Pasal 87, a corporation) as a sentence fragment."""
    high = rupiah(fine_max)
    return Text(f"pidana denda paling banyak {high.id}", f"a fine of up to {high.en}")


def severity(exact: Exact) -> tuple[Fraction, ...]:
    """A key that orders penalties from lightest to heaviest (for sorting and comparison)."""
    infinite = Fraction(10**9)
    return (
        infinite if exact.prison_max is None else exact.prison_max,
        exact.prison_min,
        exact.fine_max or Fraction(0),
        exact.fine_min or Fraction(0),
        Fraction(0 if exact.fine_alternative else 1),
    )
