"""Telephone numbers in the forms officers and registers actually write them."""

from __future__ import annotations

import pytest

from lentera.idn import IdnError, InvalidPhone, normalize_phone


@pytest.mark.parametrize(
    "written",
    [
        "081234567890",
        "0812-3456-7890",
        "0812 3456 7890",
        "0812.3456.7890",
        "+62 812 3456 7890",
        "+62-812-3456-7890",
        "+62 (0) 812 3456 7890",
        "62812 3456 7890",
        "6281234567890",
        "0062 812 3456 7890",
        "(0812) 3456-7890",
    ],
)
def test_mobile_forms_agree(written: str) -> None:
    assert normalize_phone(written) == "+6281234567890"


def test_landline_with_area_code() -> None:
    assert normalize_phone("(0380) 821234") == "+62380821234"  # Kupang
    assert normalize_phone("0561-736541") == "+62561736541"  # Pontianak


def test_foreign_number_keeps_its_country() -> None:
    assert normalize_phone("+60 12-345 6789") == "+60123456789"  # Malaysia
    assert normalize_phone("012-345 6789", region="MY") == "+60123456789"


@pytest.mark.parametrize(
    ("value", "code"),
    [("", "empty"), ("tidak ada", "empty"), ("0812", "invalid"), ("+62 000", "invalid")],
)
def test_bad_numbers_raise(value: str, code: str) -> None:
    with pytest.raises(InvalidPhone) as err:
        normalize_phone(value)
    assert err.value.code == code
    assert isinstance(err.value, IdnError)
    assert repr(value) in str(err.value)
