"""Birth dates as registers write them: whole, impossible or partial, never an error.

A register that writes ``19450493``, ``1945-02-30``, ``00-05-1990`` or a year alone still says
something about the person: the year, often the month, sometimes the day. :func:`read_date`
keeps every part it can read; the linkage compares those parts instead of dropping the record.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

#: Years a person now alive or recently recorded can be born in.
MIN_YEAR, MAX_YEAR = 1850, 2100

_MONTHS = {
    "jan": 1, "januari": 1, "january": 1,
    "feb": 2, "peb": 2, "februari": 2, "pebruari": 2, "february": 2,
    "mar": 3, "maret": 3, "march": 3,
    "apr": 4, "april": 4,
    "mei": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "agu": 8, "agt": 8, "ags": 8, "agus": 8, "agustus": 8, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oktober": 10, "oct": 10, "october": 10,
    "nov": 11, "nopember": 11, "november": 11,
    "des": 12, "desember": 12, "dec": 12, "december": 12,
}  # fmt: skip
_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class ReadDate:
    """What could be read of a written birth date.

    ``year``, ``month`` and ``day`` are each None when unreadable or out of range (year
    1850-2100, month 1-12, day 1-31 and within the month when year and month are known).
    ``digits`` is ``YYYY-MM-DD`` as written when eight digits could be placed as year, month
    and day, even when they make no real date (``1945-04-93``): two registers copying one
    typo, or one digit apart, still agree. ``whole`` is the real date, when there is one.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    digits: str | None = None
    whole: date | None = None

    @property
    def partial(self) -> bool:
        """Something was written and read, but not a whole real date."""
        return self.whole is None


def _year(value: int) -> int | None:
    return value if MIN_YEAR <= value <= MAX_YEAR else None


def _build(year: int, month: int, day: int | None, *, digits: bool) -> ReadDate:
    y = _year(year)
    m = month if 1 <= month <= 12 else None
    d = day if day is not None and 1 <= day <= 31 else None
    if d is not None and y is not None and m is not None and d > calendar.monthrange(y, m)[1]:
        d = None
    whole = date(y, m, d) if y is not None and m is not None and d is not None else None
    text = None
    if digits and day is not None and 0 <= month <= 99 and 0 <= day <= 99 and 1000 <= year <= 9999:
        text = f"{year:04d}-{month:02d}-{day:02d}"
    return ReadDate(y, m, d, text, whole)


def _from_groups(groups: list[str], month_word: int | None) -> ReadDate | None:
    numbers = [int(g) for g in groups]
    if month_word is not None:
        years = [n for g, n in zip(groups, numbers, strict=True) if len(g) == 4]
        days = [n for g, n in zip(groups, numbers, strict=True) if len(g) <= 2]
        if not years:
            return None
        return _build(years[0], month_word, days[0] if days else None, digits=bool(days))
    if len(groups) == 1:
        text = groups[0]
        if len(text) == 8:
            if _year(int(text[:4])) is not None or _year(int(text[4:])) is None:
                return _build(int(text[:4]), int(text[4:6]), int(text[6:]), digits=True)
            return _build(int(text[4:]), int(text[2:4]), int(text[:2]), digits=True)
        if len(text) == 6 and _year(int(text[:4])) is not None:
            return _build(int(text[:4]), int(text[4:]), None, digits=False)
        if len(text) == 4 and _year(numbers[0]) is not None:
            return ReadDate(year=numbers[0])
        return None
    if len(groups) == 2:
        first, second = groups
        if len(first) == 4:
            return _build(numbers[0], numbers[1], None, digits=False)
        if len(second) == 4:
            return _build(numbers[1], numbers[0], None, digits=False)
        return None
    if len(groups) == 3:
        if len(groups[0]) == 4:
            return _build(numbers[0], numbers[1], numbers[2], digits=True)
        if len(groups[2]) == 4:
            one, two, year = numbers
            # Day first, as Indonesian registers write it; month first only when the first
            # number can be a month and the second cannot.
            if two > 12 and 1 <= one <= 12:
                return _build(year, one, two, digits=True)
            return _build(year, two, one, digits=True)
    return None


def read_date(value: str) -> ReadDate | None:
    """Read as much of a written birth date as can be read; None when nothing can.

    Accepted: ``YYYY-MM-DD`` and ``YYYYMMDD`` (also with ``/`` or ``.``), day-first
    ``DD-MM-YYYY`` and ``DDMMYYYY``, month-first ``MM/DD/YYYY`` when the day is above 12,
    month names in Indonesian or English (``12 Maret 1990``), ``YYYY-MM`` and a year alone.
    A time part (``1990-03-12 00:00:00``) is ignored.
    """
    text = value.strip().lower()
    if not text:
        return None
    if len(text) > 10 and re.match(r"\d{4}-\d\d-\d\d[ t]", text):
        text = text[:10]
    month_word = None
    for word in _WORDS.findall(text):
        if word in _MONTHS:
            month_word = _MONTHS[word]
            break
    groups = _DIGITS.findall(text)
    if not groups or len(groups) > 3:
        return None
    return _from_groups(groups, month_word)
