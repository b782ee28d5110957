"""Birth dates, addresses and region references as registers write them."""

from __future__ import annotations

from datetime import date

import pytest

from lentera.idn import (
    IdnError,
    InvalidDate,
    address_tokens,
    nik_slips,
    parse_birth_date,
    phone_key,
    region_key,
    swap_day_month,
)


@pytest.mark.parametrize(
    "written", ["1990-03-12", "19900312", " 1990-3-12 ", "1990-03-12 00:00:00", "1990-03-12T00:00"]
)
def test_accepted_date_forms(written: str) -> None:
    assert parse_birth_date(written) == date(1990, 3, 12)


@pytest.mark.parametrize("written", ["12/03/1990", "12-03-1990", "1990-02-30", "1990", "besok"])
def test_refused_date_forms(written: str) -> None:
    with pytest.raises(InvalidDate) as err:
        parse_birth_date(written)
    assert isinstance(err.value, IdnError)
    assert repr(written) in str(err.value)


def test_day_and_month_swapped() -> None:
    assert swap_day_month(date(1990, 3, 12)) == date(1990, 12, 3)
    assert swap_day_month(date(1990, 3, 25)) is None  # no 25th month
    assert swap_day_month(date(1990, 4, 4)) is None  # the same date
    assert swap_day_month(date(1990, 12, 31)) is None


def test_address_forms_agree() -> None:
    a = address_tokens("Jl. Cak Doko No. 12, RT 003/RW 005, Kel. Oebobo")
    b = address_tokens("JALAN CAK DOKO 12 RT.3 RW.5 OEBOBO")
    c = address_tokens("Jln Cak Doko no 12 003/005 Kelurahan Oebobo")
    assert a == b == c == ("cak", "doko", "12", "rt3", "rw5", "oebobo")


def test_region_codes_and_names() -> None:
    assert region_key("53.71.01") == "537101"
    assert region_key("53.71.01.1001") == "5371011001"
    assert region_key("Kota Kupang") == "kota kupang"
    assert region_key("Kab. Kupang") == "kabupaten kupang"
    assert region_key("  ") is None


def test_nik_slips_count_typing_slips() -> None:
    nik = "5371011203940001"
    assert nik_slips(nik, "5371 0112 0394 0001") == 0
    assert nik_slips(nik, "5371011203940007") == 1  # one wrong digit
    assert nik_slips(nik, "5371012103940001") == 1  # two neighbours swapped
    assert nik_slips(nik, "537101120394001") == 1  # one digit lost
    assert nik_slips(nik, "5371011203940099") == 2


def test_phone_key_never_refuses() -> None:
    assert phone_key("0812 3456 7890") == "+6281234567890"
    assert phone_key("62-812-3456-7890") == "+6281234567890"
    assert phone_key("0380 8") is None  # too short to compare
    assert phone_key("0999 1234 567") == "+629991234567"  # not a valid plan, still comparable
