"""Birth dates as registers write them: every readable part is kept."""

from __future__ import annotations

from datetime import date

import pytest

from lentera.linkage._dates import read_date
from lentera.linkage._prepare import date_parts


@pytest.mark.parametrize(
    ("written", "year", "month", "day", "digits"),
    [
        ("19450493", 1945, 4, None, "1945-04-93"),
        ("1945-02-30", 1945, 2, None, "1945-02-30"),
        ("00-05-1990", 1990, 5, None, "1990-05-00"),
        ("1990", 1990, None, None, None),
        ("1990-05", 1990, 5, None, None),
        ("05/1990", 1990, 5, None, None),
        ("31-13-1990", 1990, None, 31, "1990-13-31"),
        ("0000-00-00", None, None, None, None),  # a placeholder, not evidence
    ],
)
def test_partial_dates_keep_their_readable_parts(
    written: str, year: int | None, month: int | None, day: int | None, digits: str | None
) -> None:
    read = read_date(written)
    assert read is not None
    assert (read.year, read.month, read.day, read.digits) == (year, month, day, digits)
    assert read.partial


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1990-03-12", date(1990, 3, 12)),
        ("12-03-1990", date(1990, 3, 12)),  # day first, as Indonesian registers write
        ("03/25/1990", date(1990, 3, 25)),  # month first: the day cannot be a month
        ("12 Maret 1990", date(1990, 3, 12)),
        ("12 Agustus 1990", date(1990, 8, 12)),
        ("1990-03-12 00:00:00", date(1990, 3, 12)),
    ],
)
def test_whole_dates_in_other_forms(written: str, expected: date) -> None:
    read = read_date(written)
    assert read is not None
    assert read.whole == expected
    assert not read.partial


@pytest.mark.parametrize("written", ["", "kemarin", "12", "1-2-3-4"])
def test_nothing_readable(written: str) -> None:
    assert read_date(written) is None


def test_prepared_columns_of_partial_dates() -> None:
    dob, swapped, dob6, year, year_month, partial = date_parts(None, "19450493")
    assert (dob, swapped, dob6, year, year_month, partial) == (
        "1945-04-93", None, "930445", "1945", "1945-04", "y"
    )  # fmt: skip
    assert date_parts(None, "1990") == (None, None, None, "1990", None, "y")
    assert date_parts(None, "kemarin") == (None, None, None, None, None, "y")
    assert date_parts(date(1990, 3, 12)) == (
        "1990-03-12", "1990-12-03", "120390", "1990", "1990-03", None
    )  # fmt: skip
