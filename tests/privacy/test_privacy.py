import pickle

import pytest

from lentera.privacy import (
    MASK,
    PrivacyError,
    Sealed,
    age_band,
    initials,
    pseudonym,
    suppress_small_cells,
    unseal,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ester Contoh Nenobais", "E.C.N."),
        ("Hj. Siti binti Ahmad", "S.A."),
        ("M. Rizky", "M.R."),
        ("Nenobais, Ester", "N.E."),
        ("", ""),
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected


@pytest.mark.parametrize(
    ("age", "band"), [(None, "?"), (5, "0–11"), (16, "12–17"), (18, "18–24"), (70, "65+")]
)
def test_age_band(age, band):
    assert age_band(age) == band


def test_pseudonym_marks_children():
    from datetime import date

    p = pseudonym("Ester Nenobais", birth_date=date(2010, 4, 12), sex="F", today=date(2026, 1, 1))
    assert p.is_child is True and p.initials == "E.N." and p.age_band == "12–17"
    assert "Ester" not in str(p)


def test_sealed_never_prints_its_value():
    value = Sealed("5371015204100001")
    assert str(value) == MASK and MASK in repr(value) and f"{value}" == MASK
    assert "5371" not in str(value) + repr(value)
    assert unseal(value) == "5371015204100001" and unseal(None) == "" and unseal("x") == "x"
    assert value == Sealed("5371015204100001") and value != Sealed("other")
    with pytest.raises(TypeError):
        pickle.dumps(value)


def test_small_cells_suppressed_with_complement():
    result = suppress_small_cells({"female": 40, "male": 3, "unknown": 0})
    assert result["male"] is None
    assert result["unknown"] == 0
    # one hidden cell alone could be recovered from the total, so the next smallest goes too
    assert result["female"] is None


def test_small_cells_keep_large_values():
    assert suppress_small_cells({"a": 11, "b": 12, "c": 2, "d": 5}) == {
        "a": 11,
        "b": 12,
        "c": None,
        "d": None,
    }
    with pytest.raises(PrivacyError):
        suppress_small_cells({"a": -1})
    with pytest.raises(PrivacyError):
        suppress_small_cells({"a": 1}, k=1)
