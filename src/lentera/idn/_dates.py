"""Birth dates as registers write them (``YYYY-MM-DD`` or ``YYYYMMDD``)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from lentera.idn._errors import InvalidDate

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


@lru_cache(maxsize=100_000)  # registers repeat birth dates: a million people, ~30,000 dates
def parse_birth_date(value: str) -> date:
    """Read ``YYYY-MM-DD`` or ``YYYYMMDD``; raise :class:`InvalidDate` for anything else.

    A time part (``1990-03-12 00:00:00``, ``1990-03-12T00:00``) is ignored.
    """
    text = value.strip()
    text = re.split(r"[ T]", text, maxsplit=1)[0] if len(text) > 10 else text
    match = _ISO.match(text) or _COMPACT.match(text)
    if match is None:
        raise InvalidDate(f"date {value!r} is not written as YYYY-MM-DD or YYYYMMDD")
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidDate(f"date {value!r} does not exist") from None


def swap_day_month(d: date) -> date | None:
    """The date with day and month exchanged (12 March -> 3 December), or None.

    None when the swap gives no real date or the same date (day equal to month).
    """
    if d.day > 12 or d.day == d.month:
        return None
    try:
        return d.replace(month=d.day, day=d.month)
    except ValueError:
        return None
