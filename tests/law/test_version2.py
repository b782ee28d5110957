"""Contract version 2: participation (Pasal 10, 11), using a victim (Pasal 12), offences against
justice (Pasal 20-24), child exploitation outside UU 21/2007 (UU 35/2014 Pasal 76I jo. 88), the
migrant-worker law (UU 18/2017 Pasal 79-87), the UU 1/2026 fine conversion, and what an
investigator reads beside the answer (element checklists, the one fact that decides)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from lentera.law import EngineSettings, InvalidFacts, parse_facts

from .conftest import charge_map, run_case
from .test_articles import BASE

M = 1_000_000


def _case(ref: str, **changes: Any) -> dict[str, Any]:
    case = copy.deepcopy(BASE[ref])
    case.update(changes)
    return case


# -- Pasal 10 and 11 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("participation", "article"),
    [
        ("principal", None),
        ("assistance", "UU21/2007:10"),
        ("attempt", "UU21/2007:10"),
        ("conspiracy", "UU21/2007:11"),
    ],
)
def test_participation_keeps_the_penalty_of_the_offence(
    participation: str, article: str | None
) -> None:
    case = _case("UU21/2007:4", participation=participation, organised_group=True)
    result = run_case(case)
    charge = charge_map(result)["UU21/2007:4"]
    assert charge["participation"] == article
    assert charge["aggravations"] == ["UU21/2007:16"]  # the offence's aggravations carry over
    assert charge["prison_years"] == {"min": 4, "max": 20}  # no reduction (Pasal 10, 11)
    if article:
        assert any("tanpa pengurangan" in line for line in result.reasons)


def test_participation_does_not_attach_to_the_related_charges() -> None:
    case = _case(
        "UU21/2007:2",
        participation="assistance",
        document_forgery=True,
        obstruction=["help_escape"],
    )
    charges = charge_map(run_case(case))
    assert charges["UU21/2007:2"]["participation"] == "UU21/2007:10"
    assert charges["UU21/2007:19"]["participation"] is None
    assert charges["UU21/2007:23"]["participation"] is None


# -- Pasal 12 ------------------------------------------------------------------------------


def test_pasal_12_is_its_own_charge_beside_the_trafficking_it_needs() -> None:
    result = run_case(BASE["UU21/2007:12"])
    assert [c.ref for c in result.charges] == ["UU21/2007:2", "UU21/2007:12"]
    assert result.charges[1].participation is None


def test_pasal_12_without_the_victims_trafficking_is_no_charge_and_says_why() -> None:
    result = run_case(_case("UU21/2007:12", means=[]), lang="en")
    assert result.charges == ()
    assert any(
        line.startswith("Pasal 12 UU 21/2007") and "not shown by the other facts" in line
        for line in result.reasons
    )


def test_pasal_12_takes_the_penalty_of_the_offence_shown_without_its_aggravations() -> None:
    case = _case(
        "UU21/2007:12",
        offence_date="2026-02-10",
        organised_group=True,
        victims=[{"age_at_offence": 15, "citizenship": "ID"}],
    )
    charges = charge_map(run_case(case))
    assert charges["KUHP:455"]["aggravations"] == ["UU21/2007:16", "UU21/2007:17"]
    assert charges["UU21/2007:12"] == {
        "ref": "UU21/2007:12",
        "prison_years": {"min": 3, "max": 15},
        "life": False,
        "fine_idr": {"min": 200 * M, "max": 5000 * M},  # KUHP 455's own range
        "aggravations": [],
        "participation": None,
    }


# -- Pasal 20-24 ---------------------------------------------------------------------------


def test_offences_against_justice_are_charged_beside_the_main_one() -> None:
    case = _case(
        "UU21/2007:4",
        obstruction=["false_testimony", "attack_on_witness", "disclose_identity"],
        obstruction_harm="serious_injury",
    )
    result = run_case(case)
    assert result.outcome == "trafficking"
    assert {c.ref for c in result.charges} == {
        "UU21/2007:4",
        "UU21/2007:20",
        "UU21/2007:21(2)",
        "UU21/2007:24",
    }
    assert charge_map(result)["UU21/2007:21(2)"]["prison_years"] == {"min": 2, "max": 10}


def test_a_harm_without_an_attack_changes_nothing() -> None:
    result = run_case(_case("UU21/2007:2", obstruction_harm="death"))
    assert [c.ref for c in result.charges] == ["UU21/2007:2"]


# -- UU 35/2014 ----------------------------------------------------------------------------

MICHAT = {
    "offence_date": "2021-06-01",
    "acts": ["recruitment", "harbouring"],
    "purposes": ["prostitution"],
    "exploitation_occurred": True,
    "movement": "none",
    "victims": [{"age_at_offence": 15, "citizenship": "ID"}],
}


def test_a_prostituted_child_without_means_is_never_no_offence() -> None:
    result = run_case(MICHAT, lang="en")
    assert result.outcome == "not_trafficking"
    assert result.related == ("UU35/2014:88",)
    assert any(
        "Pasal 88 UU 35/2014" in line and "up to 10 years" in line for line in result.reasons
    )


@pytest.mark.parametrize(
    "change",
    [
        {"means": ["abuse_of_vulnerability"]},  # trafficking (Pasal 2 jo. 17): not named
        {"victims": [{"age_at_offence": 19, "citizenship": "ID"}]},  # no child
        {"purposes": ["forced_marriage"]},  # not economic or sexual exploitation (Pasal 76I)
        {"purposes": []},
    ],
)
def test_uu_35_2014_only_for_a_child_exploited_outside_uu_21_2007(change: dict[str, Any]) -> None:
    assert "UU35/2014:88" not in run_case(dict(MICHAT, **change)).related


def test_an_unknown_age_that_decides_the_child_offence_is_missing() -> None:
    case = dict(
        MICHAT, victims=[{"age_at_offence": None, "citizenship": "ID"}], unknown=["victim_age"]
    )
    result = run_case(case)
    assert result.outcome == "not_trafficking"
    assert "victim_age" in result.missing


# -- UU 18/2017 ----------------------------------------------------------------------------

PLACEMENT = {
    "offence_date": "2024-05-01",
    "acts": ["recruitment", "sending"],
    "movement": "out_of_indonesia",
    "victims": [{"age_at_offence": 28, "citizenship": "ID"}],
}


@pytest.mark.parametrize(
    ("flags", "ref", "prison", "fine"),
    [
        (["false_data"], "UU18/2017:79", 2, 200 * M),
        (["underage"], "UU18/2017:80", 3, 500 * M),
        (["by_individual"], "UU18/2017:81", 10, 15000 * M),
        (["unlawful_job"], "UU18/2017:82", 10, 15000 * M),
        (["requirements_unmet"], "UU18/2017:83", 10, 15000 * M),
        (["official_dispatch"], "UU18/2017:84", 5, 1000 * M),
        (["job_mismatch"], "UU18/2017:85", 5, 5000 * M),
        (["licence_transferred"], "UU18/2017:85", 5, 5000 * M),
        (["closed_country"], "UU18/2017:86", 5, 15000 * M),
        (["costs_charged"], "UU18/2017:86", 5, 15000 * M),
        (["no_sip2mi"], "UU18/2017:86", 5, 15000 * M),
    ],
)
def test_migrant_worker_offences_with_their_penalties(
    flags: list[str], ref: str, prison: int, fine: int
) -> None:
    placement = {"destination_country": "MY", **{flag: True for flag in flags}}
    result = run_case(dict(PLACEMENT, placement=placement))
    assert result.outcome == "not_trafficking"
    assert result.related == (ref,)
    item = result.to_dict()["related"][0]
    assert item == {
        "ref": ref,
        "prison_years": {"min": 0, "max": prison},  # UU 18/2017 sets no minimums
        "fine_idr": {"min": 0, "max": fine},
    }


def test_pasal_87_raises_a_corporations_fine_by_a_third() -> None:
    placement = {"destination_country": "MY", "closed_country": True, "by_individual": True}
    result = run_case(dict(PLACEMENT, placement=placement, perpetrators=[{"kind": "corporation"}]))
    assert result.related == ("UU18/2017:81", "UU18/2017:86", "UU18/2017:87")
    corporate = result.to_dict()["related"][-1]
    assert corporate == {
        "ref": "UU18/2017:87",
        "prison_years": None,  # a fine only
        "fine_idr": {"min": 0, "max": 20000 * M},
    }
    # Pasal 87 names Pasal 65-68, 71 and 72, not Pasal 69 (an individual placing workers)
    alone = dict(
        PLACEMENT, placement={"by_individual": True}, perpetrators=[{"kind": "corporation"}]
    )
    assert run_case(alone).related == ("UU18/2017:81",)


def test_unknown_placement_flag_is_an_error() -> None:
    with pytest.raises(InvalidFacts, match=r"placement\.visa"):
        parse_facts({"placement": {"visa": True}})


# -- UU 1/2026 -----------------------------------------------------------------------------

CONVERT = EngineSettings(convert_fines=True)


def test_fine_conversion_follows_uu_1_2026_lampiran_i_from_2026() -> None:
    case = _case(
        "UU21/2007:4",
        offence_date="2026-04-01",
        obstruction=["disclose_identity"],
        placement={"by_individual": True},
    )
    plain = charge_map(run_case(case))
    assert plain["UU21/2007:4"]["fine_idr"] == {"min": 120 * M, "max": 600 * M}
    result = run_case(case, settings=CONVERT, lang="en")
    converted = charge_map(result)
    assert converted["UU21/2007:4"]["fine_idr"] == {"min": 120 * M, "max": 5000 * M}  # cat. VII
    assert converted["UU21/2007:24"]["fine_idr"] == {"min": 120 * M, "max": 500 * M}  # cat. V
    assert result.to_dict()["related"][0]["fine_idr"] == {"min": 0, "max": 2000 * M}  # cat. VI
    assert any("and/or a fine" in line for line in result.reasons)
    assert any("convert_fines" in line for line in result.reasons)
    # before 2026 the setting changes nothing: UU 21/2007 as enacted applies
    before = _case("UU21/2007:4", obstruction=["disclose_identity"])
    assert run_case(before, settings=CONVERT).charges == run_case(before).charges


def test_converted_death_range_keeps_life_and_reaches_category_viii() -> None:
    victims = [{"age_at_offence": 30, "citizenship": "ID", "harms": ["death"]}]
    case = _case("UU21/2007:4", offence_date="2026-04-01", victims=victims)
    charge = charge_map(run_case(case, settings=CONVERT))["UU21/2007:4"]
    assert charge["life"] is True
    assert charge["fine_idr"] == {"min": 200 * M, "max": 50000 * M}


# -- Pasal 6 beside Pasal 2-4 --------------------------------------------------------------


def test_pasal_6_is_not_listed_beside_pasal_4_when_a_means_is_shown() -> None:
    child = [{"age_at_offence": 16, "citizenship": "ID"}]
    case = _case("UU21/2007:4", victims=child, exploitation_occurred=True)
    assert {c.ref for c in run_case(case).charges} == {"UU21/2007:4", "UU21/2007:6"}
    result = run_case(dict(case, means=["fraud"]), lang="en")
    assert {c.ref for c in result.charges} == {"UU21/2007:4"}
    assert any("Pasal 6 UU 21/2007 is not listed as a charge" in line for line in result.reasons)
    pasal_6 = next(item for item in result.checklists if item.ref == "UU21/2007:6")
    assert not pasal_6.charged and pasal_6.absorbed_by == "UU21/2007:4"


# -- the investigator's view ---------------------------------------------------------------


def test_checklist_gives_each_element_with_the_fact_that_met_it() -> None:
    result = run_case(BASE["UU21/2007:2"], lang="en")
    pasal_2 = next(item for item in result.checklists if item.ref == "UU21/2007:2")
    assert pasal_2.charged
    assert [(e.name, e.status) for e in pasal_2.elements] == [
        ("act", "met"),
        ("means", "met"),
        ("purpose", "met"),
        ("exploitation_in_indonesia", "met"),
    ]
    assert pasal_2.elements[1].fact.en == "there is a means (fraud)"


def test_insufficient_facts_names_the_single_fact_that_decides() -> None:
    case = _case("UU21/2007:2", means=[], unknown=["means", "exploitation_occurred"])
    result = run_case(case)
    assert result.outcome == "insufficient_facts"
    pasal_2 = next(item for item in result.checklists if item.ref == "UU21/2007:2")
    assert not pasal_2.charged and pasal_2.possible
    assert dict((e.name, e.status) for e in pasal_2.elements)["means"] == "unknown"
    assert [d.element for d in result.deciders] == ["means"]
    branches = {text.en: outcome for text, outcome in result.deciders[0].branches}
    assert branches == {"no means": "not_trafficking", "there is means": "trafficking"}
    assert any("Satu fakta ini saja menentukan hasilnya" in line for line in result.reasons)


def test_no_decider_when_the_outcome_is_decided() -> None:
    result = run_case(_case("UU21/2007:4", unknown=["victim_age"]))
    assert result.outcome == "trafficking" and result.deciders == ()
