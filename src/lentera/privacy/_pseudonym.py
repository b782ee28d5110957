from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

_TITLES = {
    "h",
    "hj",
    "dr",
    "drs",
    "ir",
    "prof",
    "sh",
    "se",
    "spd",
    "st",
    "bin",
    "binti",
    "bt",
    "bn",
}
DEFAULT_BANDS: tuple[int, ...] = (12, 18, 25, 35, 50, 65)


def initials(name: str) -> str:
    """Initials of a name, skipping titles and bin/binti: ``"Hj. Siti binti Ahmad"`` → ``"S.A."``."""
    parts = [p for p in re.split(r"[\s,.'’\-]+", name) if p]
    letters = [p[0].upper() for p in parts if p.lower() not in _TITLES and p[0].isalpha()]
    return "".join(f"{letter}." for letter in letters[:4])


def age_on(birth_date: date, today: date) -> int:
    years = today.year - birth_date.year
    if (today.month, today.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def age_band(age: int | None, bands: Sequence[int] = DEFAULT_BANDS) -> str:
    """A band such as ``"12–17"`` or ``"65+"``; ``"?"`` when the age is unknown."""
    if age is None or age < 0:
        return "?"
    lower = 0
    for upper in bands:
        if age < upper:
            return f"{lower}–{upper - 1}"
        lower = upper
    return f"{lower}+"


@dataclass(frozen=True, slots=True)
class Pseudonym:
    initials: str
    age_band: str
    sex: str
    is_child: bool | None

    def __str__(self) -> str:
        parts = [self.initials or "?", self.age_band]
        if self.sex:
            parts.append(self.sex)
        return " · ".join(parts)


def pseudonym(
    name: str,
    *,
    birth_date: date | None,
    sex: str,
    today: date,
    bands: Sequence[int] = DEFAULT_BANDS,
) -> Pseudonym:
    age = age_on(birth_date, today) if birth_date else None
    return Pseudonym(
        initials=initials(name),
        age_band=age_band(age, bands),
        sex=sex,
        is_child=None if age is None else age < 18,
    )
