"""The two legal regimes, the 2 January 2026 boundary, and the more-favourable-law comparison."""

from __future__ import annotations

import copy
import json
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from lentera.law import EngineSettings, InvalidFacts, LawDataError, Text, article_label
from lentera.law._penalty import compute, describe, years
from lentera.law._tables import Penalty, _regime, load_regimes, regime_for, regime_named, regimes

from .conftest import charge_map, run_case
from .test_articles import BASE

M = 1_000_000


def _dated(ref: str, day: str, **changes: Any) -> dict[str, Any]:
    case = copy.deepcopy(BASE[ref])
    case.update(offence_date=day, **changes)
    return case


@pytest.mark.parametrize(
    ("day", "regime", "ref", "fine"),
    [
        ("2007-04-19", "UU21/2007", "UU21/2007:2", (120 * M, 600 * M)),
        ("2026-01-01", "UU21/2007", "UU21/2007:2", (120 * M, 600 * M)),
        ("2026-01-02", "KUHP2023", "KUHP:455", (200 * M, 5000 * M)),
        ("2030-07-01", "KUHP2023", "KUHP:455", (200 * M, 5000 * M)),
    ],
)
def test_core_offence_either_side_of_2_january_2026(
    day: str, regime: str, ref: str, fine: tuple[int, int]
) -> None:
    result = run_case(_dated("UU21/2007:2", day))
    assert result.regime == regime
    assert result.offence_date == date.fromisoformat(day)
    charge = charge_map(result)[ref]
    assert charge["prison_years"] == {"min": 3, "max": 15}
    assert charge["fine_idr"] == {"min": fine[0], "max": fine[1]}


@pytest.mark.parametrize(
    ("day", "ref", "fine_max"),
    [("2026-01-01", "UU6/2011:120", 1500 * M), ("2026-01-02", "KUHP:457", 5000 * M)],
)
def test_smuggling_either_side_of_the_boundary(day: str, ref: str, fine_max: int) -> None:
    result = run_case(_dated("UU6/2011:120", day))
    assert [c.ref for c in result.charges] == [ref]
    assert result.charges[0].fine_idr is not None
    assert result.charges[0].fine_idr.max == fine_max
    assert result.charges[0].fine_alternative is (ref == "KUHP:457")


def test_articles_3_to_6_keep_their_uu_21_references_after_2026() -> None:
    result = run_case(
        _dated("UU21/2007:4", "2026-03-01", victims=[{"age_at_offence": 16, "citizenship": "ID"}])
    )
    charge = charge_map(result)["UU21/2007:4"]
    assert charge["aggravations"] == ["UU21/2007:17"]
    assert charge["prison_years"] == {"min": 4, "max": 20}


def test_aggravations_read_pasal_2_as_kuhp_455_from_2026() -> None:
    result = run_case(_dated("UU21/2007:2", "2026-03-01", organised_group=True))
    assert charge_map(result)["KUHP:455"]["aggravations"] == ["UU21/2007:16"]


def test_missing_offence_date_uses_today() -> None:
    case = copy.deepcopy(BASE["UU21/2007:2"])
    del case["offence_date"]
    result = run_case(case, today=date(2025, 12, 31))
    assert (result.regime, result.offence_date) == ("UU21/2007", date(2025, 12, 31))
    assert "tanggal hari ini" in result.reasons[0]
    assert run_case(case, today=date(2026, 1, 2)).regime == "KUHP2023"
    assert run_case(case).regime == "KUHP2023"  # the fixed JUDGED_ON of these tests


def test_before_uu_21_2007_there_is_no_table() -> None:
    with pytest.raises(InvalidFacts) as caught:
        run_case(_dated("UU21/2007:2", "2007-04-18"))
    assert caught.value.field == "offence_date"


def test_sectoral_minimums_setting_only_touches_uu_21_minimums_after_2026() -> None:
    removed = EngineSettings(sectoral_minimums_removed=True)
    new = run_case(_dated("UU21/2007:4", "2026-03-01"), settings=removed)
    charge = charge_map(new)["UU21/2007:4"]
    assert charge["prison_years"] == {"min": 0, "max": 15}
    assert charge["fine_idr"] == {"min": 0, "max": 600 * M}
    assert any("sectoral_minimums_removed" in line for line in new.reasons)
    core = charge_map(run_case(_dated("UU21/2007:2", "2026-03-01"), settings=removed))
    assert core["KUHP:455"]["prison_years"] == {"min": 3, "max": 15}  # KUHP's own minimum
    old = charge_map(run_case(_dated("UU21/2007:4", "2025-03-01"), settings=removed))
    assert old["UU21/2007:4"]["prison_years"] == {"min": 3, "max": 15}  # before 2026: as enacted
    kept = run_case(_dated("UU21/2007:4", "2026-03-01"))
    assert any("sectoral_minimums_removed" in line for line in kept.reasons)


def test_more_favourable_law_compares_old_and_new_penalties() -> None:
    result = run_case(_dated("UU21/2007:2", "2024-06-01"), lang="en")
    assert result.regime == "UU21/2007"
    lines = [line for line in result.reasons if "KUHP Pasal 3" in line or "Comparing" in line]
    assert lines[0].startswith("The offence predates the new law")
    assert "Comparing Pasal 2 UU 21/2007 with Pasal 455 KUHP" in lines[1]
    assert "the old law is lighter" in lines[1]
    smuggling = run_case(_dated("UU6/2011:120", "2024-06-01"), lang="en")
    assert any("point both ways" in line for line in smuggling.reasons)


def test_more_favourable_law_with_new_minimums_removed_favours_the_new_law() -> None:
    removed = EngineSettings(sectoral_minimums_removed=True)
    result = run_case(_dated("UU21/2007:4", "2024-06-01"), lang="en", settings=removed)
    assert any("the new law is lighter" in line for line in result.reasons)


def test_no_comparison_when_judged_before_2026_or_switched_off_or_identical() -> None:
    case = _dated("UU21/2007:2", "2024-06-01")
    assert not any("KUHP Pasal 3" in r for r in run_case(case, today=date(2025, 6, 1)).reasons)
    off = EngineSettings(compare_favourable_law=False)
    assert not any("KUHP Pasal 3" in r for r in run_case(case, settings=off).reasons)
    same = run_case(_dated("UU21/2007:4", "2024-06-01"))  # Pasal 4 did not change
    assert not any("KUHP Pasal 3" in r for r in same.reasons)
    new = run_case(_dated("UU21/2007:2", "2026-06-01"))
    assert not any("KUHP Pasal 3" in r for r in new.reasons)


def test_tables_are_contiguous_and_labelled() -> None:
    first, second = regimes()
    assert (first.code, second.code) == ("UU21/2007", "KUHP2023")
    assert first.valid_to == date(2026, 1, 1) and second.valid_from == date(2026, 1, 2)
    assert regime_for(date(2026, 1, 1)) is first and regime_for(date(2026, 1, 2)) is second
    assert regime_named("KUHP2023").offence("KUHP:455").penalty.prison_max == 15
    with pytest.raises(KeyError):
        regime_named("KUHP1946")
    with pytest.raises(KeyError):
        second.offence("UU21/2007:2")
    assert article_label("UU18/2017:81").en.startswith("an individual")
    assert article_label("UU21/2007:17").id == "dilakukan terhadap anak"
    with pytest.raises(KeyError):
        article_label("UU21/2007:99")


GOOD: dict[str, Any] = {
    "regime": "T",
    "valid_from": "2020-01-01",
    "valid_to": None,
    "name": {"id": "t", "en": "t"},
    "offences": [
        {
            "ref": "T:1",
            "role": "core",
            "label": {"id": "a", "en": "a"},
            "elements": ["act"],
            "penalty": {
                "prison": [1, 2],
                "life": False,
                "fine": None,
                "fine_mode": "cumulative",
                "sectoral_minimum": False,
            },
            "source": "test",
        }
    ],
    "aggravations": [],
    "related": [],
}


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (("offences", 0, "elements"), ["flying"], "unknown element"),
        (("offences", 0, "role"), "minor", "unknown role"),
        (("offences", 0, "label"), "a", "expected"),
        (("offences", 0, "penalty", "prison"), [1, None], "life"),
        (("offences", 0, "penalty", "prison"), "ten", "bad penalty"),
        (
            ("aggravations",),
            [{"ref": "X", "effect": "double", "condition": "organised_group", "applies_to": []}],
            "unknown effect",
        ),
        (
            ("aggravations",),
            [
                {
                    "ref": "X",
                    "effect": "uplift",
                    "condition": "organised_group",
                    "applies_to": ["T:9"],
                    "label": {"id": "x", "en": "x"},
                    "source": "",
                }
            ],
            "missing from the table",
        ),
    ],
)
def test_a_broken_table_is_a_law_data_error(path: tuple[Any, ...], value: Any, words: str) -> None:
    raw = copy.deepcopy(GOOD)
    target = raw
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(LawDataError, match=words):
        _regime(raw)
    assert _regime(copy.deepcopy(GOOD)).offence("T:1").penalty.fine_max is None


def _write(folder: Path, name: str, raw: dict[str, Any]) -> str:
    (folder / name).write_text(json.dumps(raw), encoding="utf-8")
    return name


def test_loading_checks_keys_and_continuity(tmp_path: Path) -> None:
    early = dict(copy.deepcopy(GOOD), regime="A", valid_to="2020-12-31")
    late = dict(copy.deepcopy(GOOD), regime="B", valid_from="2021-01-01")
    names = [_write(tmp_path, "b.json", late), _write(tmp_path, "a.json", early)]
    assert [r.code for r in load_regimes(tmp_path, names)] == ["A", "B"]  # sorted by date
    gap = dict(copy.deepcopy(GOOD), regime="C", valid_from="2021-02-01")
    names = [_write(tmp_path, "a.json", early), _write(tmp_path, "c.json", gap)]
    with pytest.raises(LawDataError, match="gap or overlap"):
        load_regimes(tmp_path, names)
    broken = copy.deepcopy(GOOD)
    del broken["related"]
    with pytest.raises(LawDataError, match="missing key 'related'"):
        load_regimes(tmp_path, [_write(tmp_path, "d.json", broken)])


def test_penalty_arithmetic_edges() -> None:
    no_fine = Penalty(2, 9, False, None, None, False, False)
    exact = compute(
        no_fine, uplifts=1, fine_factor=3, settings=EngineSettings(), drop_minimum=False
    )
    assert exact.fine is None and exact.prison.max == 12
    assert describe(exact) == Text(
        "pidana penjara 2 tahun 8 bulan sampai 12 tahun", "prison from 2 years 8 months to 12 years"
    )
    assert years(Fraction(2, 3)) == Text("8 bulan", "8 months")
    assert years(Fraction(13, 12)) == Text("1 tahun 1 bulan", "1 year 1 month")
