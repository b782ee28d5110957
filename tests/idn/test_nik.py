"""NIK parsing: the rules of legal-reference §8.2 on real-looking numbers."""

from __future__ import annotations

from datetime import date

import pytest

from lentera.idn import IdnError, InvalidNik, NikInfo, parse_nik

NTT_PROVINCES = {"51", "52", "53", "61"}


def test_male_nik_parts() -> None:
    info = parse_nik("5371011203850002")
    assert info == NikInfo(
        nik="5371011203850002",
        province="53",
        regency="5371",
        district="537101",
        birth_day=12,
        birth_month=3,
        birth_year_2digit=85,
        sex="male",
        serial="0002",
    )


def test_female_day_has_forty_added() -> None:
    info = parse_nik("6171055708990013")  # Pontianak, born 17 Aug ..99, woman
    assert info.sex == "female"
    assert info.birth_day == 17
    assert info.birth_month == 8
    assert info.matches_birth_date(date(1999, 8, 17))
    assert not info.matches_birth_date(date(1999, 8, 18))


def test_spaces_dots_and_dashes_are_ignored() -> None:
    for written in ("5371 0112 0385 0002", "53.71.01.120385.0002", "5371-0112-0385-0002"):
        assert parse_nik(written).nik == "5371011203850002"


def test_both_centuries_when_both_exist() -> None:
    info = parse_nik("5301041505100001")  # 15 May ..10
    assert info.candidate_birth_dates() == [date(1910, 5, 15), date(2010, 5, 15)]
    assert info.candidate_birth_dates(not_after=date(2000, 1, 1)) == [date(1910, 5, 15)]


def test_29_february_only_in_the_leap_century() -> None:
    info = parse_nik("3173012902000001")  # 29 Feb ..00: 2000 is leap, 1900 is not
    assert info.candidate_birth_dates() == [date(2000, 2, 29)]


def test_province_checked_only_against_known_list() -> None:
    assert parse_nik("9901011203850002").province == "99"
    with pytest.raises(InvalidNik) as err:
        parse_nik("9901011203850002", known_provinces=NTT_PROVINCES)
    assert err.value.code == "province"
    assert "99" in str(err.value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("537101120385002", "length"),
        ("53710112038500021", "length"),
        ("", "length"),
        ("53710112O3850002", "digits"),  # letter O typed for zero
        ("5371011213850002", "month"),
        ("5371011200850002", "month"),
        ("5371013503850002", "day"),
        ("5371017203850002", "day"),
        ("5371010003850002", "day"),
        ("5371014003850002", "day"),
        ("5371013102850002", "date"),  # 31 February
        ("5371016902850002", "date"),  # woman, 29 Feb ..85: no leap year in either century
        ("5371011203850000", "serial"),
    ],
)
def test_invalid_niks_name_the_rule(value: str, code: str) -> None:
    with pytest.raises(InvalidNik) as err:
        parse_nik(value)
    assert err.value.code == code
    assert isinstance(err.value, IdnError)
    assert isinstance(err.value, ValueError)
    if value:
        assert repr(value) in str(err.value)
