"""Aggravations (Pasal 7(1), 7(2), 8, 15, 16, 17), the 20-year ceiling on temporal prison, and
the settings that shape the arithmetic."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from lentera.law import EngineSettings, InvalidSettings

from .conftest import charge_map, run_case
from .test_articles import BASE

M = 1_000_000
CORE = BASE["UU21/2007:2"]


def _case(ref: str, **changes: Any) -> dict[str, Any]:
    case = copy.deepcopy(BASE[ref])
    case.update(changes)
    return case


def _charge(case: dict[str, Any], ref: str, **kwargs: Any) -> dict[str, Any]:
    charges = charge_map(run_case(case, **kwargs))
    assert ref in charges, charges
    return charges[ref]


def _range(charge: dict[str, Any]) -> tuple[int, int | None, int, int]:
    prison, fine = charge["prison_years"], charge["fine_idr"]
    return prison["min"], prison["max"], fine["min"], fine["max"]


CHILD = [{"age_at_offence": 16, "citizenship": "ID"}]
INJURED = [{"age_at_offence": 30, "citizenship": "ID", "harms": ["serious_injury"]}]
DEAD = [{"age_at_offence": 30, "citizenship": "ID", "harms": ["death"]}]
OFFICIAL = [{"kind": "individual", "state_official": True, "abused_position": True}]


@pytest.mark.parametrize("ref", ["UU21/2007:2", "UU21/2007:3", "UU21/2007:4"])
def test_pasal_17_child_victim_raises_pasal_2_3_4_by_a_third(ref: str) -> None:
    victims = [dict(CHILD[0], citizenship=BASE[ref]["victims"][0]["citizenship"])]
    charge = _charge(_case(ref, victims=victims), ref)
    assert charge["aggravations"] == ["UU21/2007:17"]
    assert _range(charge) == (4, 20, 160 * M, 800 * M)


@pytest.mark.parametrize("ref", ["UU21/2007:5", "UU21/2007:6"])
def test_pasal_17_does_not_raise_the_child_articles(ref: str) -> None:
    charge = _charge(BASE[ref], ref)
    assert charge["aggravations"] == []
    assert _range(charge) == (3, 15, 120 * M, 600 * M)


def test_pasal_7_1_harm_raises_by_a_third_when_exploitation_occurred() -> None:
    charge = _charge(
        _case("UU21/2007:2", victims=INJURED, exploitation_occurred=True), "UU21/2007:2"
    )
    assert charge["aggravations"] == ["UU21/2007:7(1)"]
    assert _range(charge) == (4, 20, 160 * M, 800 * M)


def test_pasal_7_applies_to_pasal_2_only_in_its_second_paragraph() -> None:
    # Pasal 7 names Pasal 2(2): the person must in fact have been exploited
    charge = _charge(_case("UU21/2007:2", victims=INJURED), "UU21/2007:2")
    assert charge["aggravations"] == []


def test_pasal_7_1_on_pasal_4_needs_no_actual_exploitation() -> None:
    charge = _charge(_case("UU21/2007:4", victims=INJURED), "UU21/2007:4")
    assert charge["aggravations"] == ["UU21/2007:7(1)"]


def test_pasal_7_2_death_sets_five_years_to_life() -> None:
    result = run_case(_case("UU21/2007:4", victims=DEAD + INJURED))
    charge = charge_map(result)["UU21/2007:4"]
    assert charge == {
        "ref": "UU21/2007:4",
        "prison_years": {"min": 5, "max": None},
        "life": True,
        "fine_idr": {"min": 200 * M, "max": 5000 * M},
        "aggravations": ["UU21/2007:7(2)"],  # death takes the place of 7(1)
        "participation": None,
    }
    assert any("seumur hidup" in line for line in result.reasons)
    assert any("to life" in line for line in result.reasons_in("en"))


def test_pasal_7_2_with_a_child_raises_the_minimum_of_the_death_range() -> None:
    victims = [{"age_at_offence": 16, "citizenship": "ID", "harms": ["death"]}]
    result = run_case(_case("UU21/2007:4", victims=victims))
    charge = charge_map(result)["UU21/2007:4"]
    assert charge["aggravations"] == ["UU21/2007:7(2)", "UU21/2007:17"]
    # 5 years x 4/3 = 6 years 8 months, rounded down; life stays life
    assert charge["prison_years"] == {"min": 6, "max": None}
    assert charge["fine_idr"] == {"min": 266_666_666, "max": 6_666_666_666}
    assert any("6 tahun 8 bulan" in line for line in result.reasons)


def test_pasal_8_state_official_who_abused_power() -> None:
    charge = _charge(_case("UU21/2007:6", perpetrators=OFFICIAL), "UU21/2007:6")
    assert charge["aggravations"] == ["UU21/2007:8"]
    assert _range(charge) == (4, 20, 160 * M, 800 * M)
    official_only = [{"state_official": True}]
    charge = _charge(_case("UU21/2007:6", perpetrators=official_only), "UU21/2007:6")
    assert charge["aggravations"] == []


def test_pasal_15_corporation_triples_the_fine_only() -> None:
    corp = [{"kind": "corporation"}]
    charge = _charge(_case("UU21/2007:2", perpetrators=corp), "UU21/2007:2")
    assert charge["aggravations"] == ["UU21/2007:15"]
    assert _range(charge) == (3, 15, 360 * M, 1800 * M)


@pytest.mark.parametrize(
    "ref", ["UU21/2007:2", "UU21/2007:3", "UU21/2007:4", "UU21/2007:5", "UU21/2007:6"]
)
def test_pasal_16_organised_group_raises_every_trafficking_offence(ref: str) -> None:
    # "tindak pidana perdagangan orang" by an organised group: Pasal 2-6, not Pasal 2 alone
    result = run_case(_case(ref, organised_group=True))
    charge = charge_map(result)[ref]
    assert charge["aggravations"] == ["UU21/2007:16"]
    assert _range(charge) == (4, 20, 160 * M, 800 * M)
    measured = any("Pasal 16 UU 21/2007 berlaku bagi setiap" in line for line in result.reasons)
    assert measured is (ref != "UU21/2007:2")  # said where the measure is another article's


def test_pasal_16_is_measured_from_pasal_2_which_reads_kuhp_455_from_2026() -> None:
    # only the penalty is measured from Pasal 2: from 2026 that is KUHP 455 (fine Rp200 million
    # to Rp5 billion), so a Pasal 4 ring takes the KUHP 455 fine plus one third
    case = _case("UU21/2007:4", offence_date="2026-03-01", organised_group=True)
    charge = _charge(case, "UU21/2007:4")
    assert charge["aggravations"] == ["UU21/2007:16"]
    assert _range(charge) == (4, 20, 266_666_666, 6_666_666_666)


def test_no_aggravation_reaches_pasal_12_or_the_offences_against_justice() -> None:
    everything = {
        "victims": [{"age_at_offence": 12, "citizenship": "ID", "harms": ["pregnancy"]}],
        "perpetrators": [*OFFICIAL, {"kind": "corporation"}],
        "organised_group": True,
        "exploitation_occurred": True,
    }
    for ref in ("UU21/2007:12", "UU21/2007:20", "UU21/2007:24"):
        charge = _charge(_case(ref, **everything), ref)
        assert charge["aggravations"] == [], ref


def test_no_aggravation_reaches_pasal_9_19_or_smuggling() -> None:
    everything = {
        "victims": [{"age_at_offence": 30, "citizenship": "AF", "harms": ["death"]}],
        "perpetrators": [*OFFICIAL, {"kind": "corporation"}],
        "organised_group": True,
        "exploitation_occurred": True,
    }
    for ref in ("UU21/2007:9", "UU21/2007:19", "UU6/2011:120"):
        assert _charge(_case(ref, **everything), ref)["aggravations"] == []


STACKED = {"victims": CHILD, "organised_group": True}


@pytest.mark.parametrize(
    ("engine_settings", "expected"),
    [
        # additive: +1/3 +1/3 of the base = x5/3; 25 years is held to the 20-year ceiling
        (EngineSettings(), (5, 20, 200 * M, 1000 * M)),
        # compound: x4/3 x4/3 = x16/9, rounded down; 26 years is held to 20
        (EngineSettings(stacking="compound"), (5, 20, 213_333_333, 1_066_666_666)),
        # single: one third however many
        (EngineSettings(stacking="single"), (4, 20, 160 * M, 800 * M)),
        # maximum only
        (EngineSettings(uplift_minimum=False), (3, 20, 120 * M, 1000 * M)),
    ],
)
def test_stacking_and_minimum_settings(
    engine_settings: EngineSettings, expected: tuple[int, int, int, int]
) -> None:
    # (not called "settings": pytest-django owns that fixture name)
    result = run_case(_case("UU21/2007:2", **STACKED), settings=engine_settings)
    charge = charge_map(result)["UU21/2007:2"]
    assert set(charge["aggravations"]) == {"UU21/2007:16", "UU21/2007:17"}
    assert _range(charge) == expected
    assert any("stacking" in line for line in result.reasons)
    assert any("uplift_minimum" in line for line in result.reasons)


def test_every_aggravation_at_once() -> None:
    case = _case(
        "UU21/2007:2",
        victims=[{"age_at_offence": 12, "citizenship": "ID", "harms": ["pregnancy"]}],
        exploitation_occurred=True,
        perpetrators=[*OFFICIAL, {"kind": "corporation"}],
        organised_group=True,
    )
    charge = _charge(case, "UU21/2007:2")
    assert charge["aggravations"] == [
        "UU21/2007:7(1)",
        "UU21/2007:8",
        "UU21/2007:15",
        "UU21/2007:16",
        "UU21/2007:17",
    ]
    # four thirds added: x7/3 (35 years, held to 20); the fine tripled on top
    assert _range(charge) == (7, 20, 840 * M, 4200 * M)


@pytest.mark.parametrize("stacking", ["additive", "compound", "single"])
def test_temporal_prison_never_exceeds_20_years(stacking: str) -> None:
    case = _case(
        "UU21/2007:4",
        victims=[{"age_at_offence": 12, "citizenship": "ID", "harms": ["serious_injury"]}],
        perpetrators=OFFICIAL,
        organised_group=True,
    )
    engine = EngineSettings(stacking=stacking)  # type: ignore[arg-type]
    result = run_case(case, settings=engine)
    charge = result.charges[0]
    assert charge.prison_years.max == 20 and not charge.life
    assert charge.prison_years.min <= charge.prison_years.max
    capped = [line for line in result.reasons if "tidak boleh lebih dari 20 tahun" in line]
    assert (len(capped) == 1) is (stacking != "single")
    if capped:
        assert "Pasal 12 ayat (4) KUHP lama" in capped[0]
        assert charge.ceiling_applied
    after = run_case(dict(case, offence_date="2026-05-01"), settings=engine, lang="en")
    assert after.charges[0].prison_years.max == 20
    assert any("KUHP 2023 Pasal 68(4)" in line for line in after.reasons) is (stacking != "single")


def test_the_ceiling_leaves_life_as_life_and_holds_the_minimum_to_20() -> None:
    victims = [{"age_at_offence": 12, "citizenship": "ID", "harms": ["death"]}]
    case = _case("UU21/2007:4", victims=victims, perpetrators=OFFICIAL, organised_group=True)
    charge = _charge(case, "UU21/2007:4", settings=EngineSettings(stacking="compound"))
    assert charge["life"] is True and charge["prison_years"]["max"] is None
    # 5 x (4/3)^3 = 11 years 10 months: under the ceiling
    assert charge["prison_years"]["min"] == 11


def test_settings_reject_unknown_choices() -> None:
    with pytest.raises(InvalidSettings, match="stacking"):
        EngineSettings(stacking="multiply")  # type: ignore[arg-type]
    with pytest.raises(InvalidSettings, match="uplift_minimum"):
        EngineSettings(uplift_minimum="yes")  # type: ignore[arg-type]
    assert EngineSettings().to_dict() == {
        "uplift_minimum": True,
        "stacking": "additive",
        "sectoral_minimums_removed": False,
        "compare_favourable_law": True,
        "convert_fines": False,
    }
    assert EngineSettings.from_dict({"stacking": "single"}) == EngineSettings(stacking="single")
    with pytest.raises(InvalidSettings, match="unknown setting 'colour'"):
        EngineSettings.from_dict({"colour": "red"})
    with pytest.raises(InvalidSettings, match="convert_fines"):
        EngineSettings.from_dict({"convert_fines": "yes"})


def test_death_never_lightens_the_kuhp_455_penalty() -> None:
    # after 2026 KUHP 455 carries up to Rp5 billion and Pasal 7(1) raises that by a third;
    # Pasal 7(2) names Rp5 billion for a death, which must not make the penalty lighter
    harmed = _case(
        "UU21/2007:2", offence_date="2026-03-01", exploitation_occurred=True, victims=INJURED
    )
    injured = _charge(harmed, "KUHP:455")
    assert injured["fine_idr"] == {"min": 266_666_666, "max": 6_666_666_666}
    died = copy.deepcopy(harmed)
    died["victims"][0]["harms"].append("death")
    result = run_case(died)
    charge = charge_map(result)["KUHP:455"]
    assert charge["aggravations"] == ["UU21/2007:7(2)"]
    assert charge["prison_years"] == {"min": 5, "max": None}
    assert charge["fine_idr"] == {"min": 266_666_666, "max": 6_666_666_666}
    assert any("tidak boleh lebih ringan" in line for line in result.reasons)


def test_death_keeps_the_kuhp_minimum_when_sectoral_minimums_are_removed() -> None:
    case = _case("UU21/2007:2", offence_date="2026-03-01", exploitation_occurred=True, victims=DEAD)
    removed = EngineSettings(sectoral_minimums_removed=True)
    charge = _charge(case, "KUHP:455", settings=removed)
    assert charge["prison_years"] == {"min": 3, "max": None}
    assert charge["life"] is True
