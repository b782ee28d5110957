"""Parsing and validation of the NIK (Nomor Induk Kependudukan).

Layout (legal-reference §8.2): ``PP KK CC DD MM YY SSSS`` — province, regency/city, district,
day of birth (plus 40 for women), month, two-digit year, serial. The region is the place of
first registration and the year has no century, so the NIK only cross-checks identity data
taken from documents; it never replaces them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Literal

from lentera.idn._errors import InvalidNik

_IGNORED = re.compile(r"[\s.\-]+")
_CENTURIES = (1900, 2000)

Sex = Literal["female", "male"]


def clean_nik(value: str) -> str:
    """Return ``value`` without the spaces, dots and dashes people type inside a NIK."""
    return _IGNORED.sub("", value)


@dataclass(frozen=True, slots=True)
class NikInfo:
    """The parts of a valid NIK.

    ``birth_day`` is the real day of the month (the +40 for women already removed).
    """

    nik: str
    province: str
    regency: str
    district: str
    birth_day: int
    birth_month: int
    birth_year_2digit: int
    sex: Sex
    serial: str

    def candidate_birth_dates(self, *, not_after: date | None = None) -> list[date]:
        """Birth dates the NIK allows, oldest first: 19YY and 20YY where the date exists.

        With ``not_after`` (usually today), dates after it are left out.
        """
        found: list[date] = []
        for century in _CENTURIES:
            born = _real_date(century + self.birth_year_2digit, self.birth_month, self.birth_day)
            if born is not None and (not_after is None or born <= not_after):
                found.append(born)
        return found

    def matches_birth_date(self, d: date) -> bool:
        """True when ``d`` agrees with the day, month and two-digit year in the NIK."""
        return (
            d.day == self.birth_day
            and d.month == self.birth_month
            and d.year % 100 == self.birth_year_2digit
        )


def _real_date(year: int, month: int, day: int) -> date | None:
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def parse_nik(value: str, *, known_provinces: Collection[str] | None = None) -> NikInfo:
    """Parse and validate a NIK; raise :class:`InvalidNik` naming the rule that failed.

    Spaces, dots and dashes are ignored. When ``known_provinces`` (two-digit codes) is given,
    the province code must be one of them.
    """
    nik = clean_nik(value)
    if not nik.isascii() or not nik.isdigit():
        bad = next((ch for ch in nik if not (ch.isascii() and ch.isdigit())), "")
        if not nik:
            raise InvalidNik("length", "NIK is empty; it must have 16 digits")
        raise InvalidNik("digits", f"NIK {value!r} contains {bad!r}; a NIK has digits only")
    if len(nik) != 16:
        raise InvalidNik("length", f"NIK {value!r} has {len(nik)} digits; a NIK has 16")
    province = nik[:2]
    if known_provinces is not None and province not in known_provinces:
        raise InvalidNik("province", f"NIK {value!r} starts with unknown province code {province}")
    raw_day, month, year2 = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if not 1 <= month <= 12:
        raise InvalidNik("month", f"NIK {value!r} has birth month {nik[8:10]}; it must be 01-12")
    sex: Sex
    if 1 <= raw_day <= 31:
        day, sex = raw_day, "male"
    elif 41 <= raw_day <= 71:
        day, sex = raw_day - 40, "female"
    else:
        raise InvalidNik(
            "day",
            f"NIK {value!r} has birth day {nik[6:8]}; it must be 01-31 (men) or 41-71 (women)",
        )
    if all(_real_date(c + year2, month, day) is None for c in _CENTURIES):
        raise InvalidNik(
            "date",
            f"NIK {value!r} encodes day {day} of month {month} in year ..{nik[10:12]}, "
            "which does not exist",
        )
    serial = nik[12:]
    if serial == "0000":
        raise InvalidNik("serial", f"NIK {value!r} has serial 0000; serials start at 0001")
    return NikInfo(
        nik=nik,
        province=province,
        regency=nik[:4],
        district=nik[:6],
        birth_day=day,
        birth_month=month,
        birth_year_2digit=year2,
        sex=sex,
        serial=serial,
    )


def nik_slips(a: str, b: str) -> int:
    """Edits between two NIKs, counting a swap of neighbouring digits as one.

    Spaces, dots and dashes are ignored. ``nik_slips(x, y) <= 1`` is the usual test for
    "the same NIK typed with one slipped digit" (one wrong, missing, extra or swapped digit).
    """
    return osa_distance(clean_nik(a), clean_nik(b))


def osa_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance (Levenshtein plus adjacent transpositions)."""
    if a == b:
        return 0
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]
