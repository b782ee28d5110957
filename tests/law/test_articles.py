"""Each article's elements: met (the charge), not met (no charge), unknown (named as missing).

Every case starts from facts that satisfy one article, then takes one element away, or lists
it as unknown. Penalties here are the base ranges of legal-reference §1.3, §1.5 and §2.2 (and,
for Pasal 20-24, the statute text of UU 21/2007).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from lentera.law import Qualification, article_label

from .conftest import charge_map, run_case

M = 1_000_000

BASE: dict[str, dict[str, Any]] = {
    "UU21/2007:2": {
        "offence_date": "2024-06-01",
        "acts": ["recruitment"],
        "means": ["fraud"],
        "purposes": ["forced_labour"],
        "movement": "domestic",
        "victims": [{"age_at_offence": 30, "citizenship": "ID"}],
    },
    "UU21/2007:3": {
        "offence_date": "2024-06-01",
        "acts": ["receipt"],
        "purposes": ["prostitution"],
        "movement": "into_indonesia",
        "victims": [{"age_at_offence": 25, "citizenship": "VN"}],
    },
    "UU21/2007:4": {
        "offence_date": "2024-06-01",
        "acts": ["sending"],
        "purposes": ["forced_criminality"],
        "movement": "out_of_indonesia",
        "victims": [{"age_at_offence": 25, "citizenship": "ID"}],
    },
    "UU21/2007:5": {
        "offence_date": "2024-06-01",
        "adoption_with_payment": True,
        "purposes": ["other_exploitation"],
        "victims": [{"age_at_offence": 2, "citizenship": "ID"}],
    },
    "UU21/2007:6": {
        "offence_date": "2024-06-01",
        "acts": ["sending"],
        "movement": "domestic",
        "exploitation_occurred": True,
        "victims": [{"age_at_offence": 14, "citizenship": "ID"}],
    },
    "UU21/2007:12": {
        "offence_date": "2024-06-01",
        "acts": ["harbouring"],
        "means": ["debt_bondage"],
        "purposes": ["prostitution"],
        "exploitation_occurred": True,
        "movement": "none",
        "victims": [{"age_at_offence": 22, "citizenship": "ID"}],
        "use_of_victim": ["sexual_act"],
    },
    "UU21/2007:9": {"offence_date": "2024-06-01", "incitement_without_offence": True},
    "UU21/2007:19": {"offence_date": "2024-06-01", "document_forgery": True},
    "UU21/2007:20": {"offence_date": "2024-06-01", "obstruction": ["false_testimony"]},
    "UU21/2007:21(1)": {"offence_date": "2024-06-01", "obstruction": ["attack_on_witness"]},
    "UU21/2007:21(2)": {
        "offence_date": "2024-06-01",
        "obstruction": ["attack_on_witness"],
        "obstruction_harm": "serious_injury",
    },
    "UU21/2007:21(3)": {
        "offence_date": "2024-06-01",
        "obstruction": ["attack_on_witness"],
        "obstruction_harm": "death",
    },
    "UU21/2007:22": {"offence_date": "2024-06-01", "obstruction": ["obstruct_proceedings"]},
    "UU21/2007:23": {"offence_date": "2024-06-01", "obstruction": ["help_escape"]},
    "UU21/2007:24": {"offence_date": "2024-06-01", "obstruction": ["disclose_identity"]},
    "UU6/2011:120": {
        "offence_date": "2024-06-01",
        "acts": ["transportation"],
        "illegal_entry_for_profit": True,
        "movement": "out_of_indonesia",
        "victims": [{"age_at_offence": 30, "citizenship": "AF"}],
    },
}

BASE_PENALTY = {
    "UU21/2007:2": ((3, 15), (120 * M, 600 * M)),
    "UU21/2007:3": ((3, 15), (120 * M, 600 * M)),
    "UU21/2007:4": ((3, 15), (120 * M, 600 * M)),
    "UU21/2007:5": ((3, 15), (120 * M, 600 * M)),
    "UU21/2007:6": ((3, 15), (120 * M, 600 * M)),
    "UU21/2007:12": ((3, 15), (120 * M, 600 * M)),
    "UU21/2007:9": ((1, 6), (40 * M, 240 * M)),
    "UU21/2007:19": ((1, 7), (40 * M, 280 * M)),
    "UU21/2007:20": ((1, 7), (40 * M, 280 * M)),
    "UU21/2007:21(1)": ((1, 5), (40 * M, 200 * M)),
    "UU21/2007:21(2)": ((2, 10), (80 * M, 400 * M)),
    "UU21/2007:21(3)": ((3, 15), (120 * M, 600 * M)),
    "UU21/2007:22": ((1, 5), (40 * M, 200 * M)),
    "UU21/2007:23": ((1, 5), (40 * M, 200 * M)),
    "UU21/2007:24": ((3, 7), (120 * M, 280 * M)),
    "UU6/2011:120": ((5, 15), (500 * M, 1500 * M)),
}

Change = Callable[[dict[str, Any]], None]


def _set(**values: Any) -> Change:
    return lambda case: case.update(values)


def _victims(**values: Any) -> Change:
    def change(case: dict[str, Any]) -> None:
        for victim in case["victims"]:
            victim.update(values)

    return change


# How to take each element away, and how to make it unknown instead (None: no unknown code).
ELEMENTS: dict[str, tuple[Change, Change | None, str | None]] = {
    "act": (_set(acts=[]), _set(acts=[], unknown=["acts"]), "acts"),
    "means": (_set(means=[]), _set(means=[], unknown=["means"]), "means"),
    "purpose": (_set(purposes=[]), _set(purposes=[], unknown=["purposes"]), "purposes"),
    "exploitation_in_indonesia": (
        _set(movement="out_of_indonesia", victims=[{"age_at_offence": 30, "citizenship": "MY"}]),
        _set(movement=None, unknown=["movement"]),
        "movement",
    ),
    "into_indonesia": (
        _set(movement="domestic"),
        _set(movement=None, unknown=["movement"]),
        "movement",
    ),
    "out_of_indonesia": (
        _set(movement="domestic"),
        _set(movement=None, unknown=["movement"]),
        "movement",
    ),
    "indonesian_victim": (_victims(citizenship="MY"), None, None),
    "adoption_with_payment": (_set(adoption_with_payment=False), None, None),
    "child_victim": (
        _victims(age_at_offence=18),
        _set(victims=[{"age_at_offence": None, "citizenship": "ID"}], unknown=["victim_age"]),
        "victim_age",
    ),
    "sending_act": (
        _set(acts=["harbouring"]),
        _set(acts=[], unknown=["acts"]),
        "acts",
    ),
    "sent_within_or_out": (
        _set(movement="none"),
        _set(movement=None, unknown=["movement"]),
        "movement",
    ),
    "exploited": (
        _set(exploitation_occurred=False),
        _set(exploitation_occurred=False, unknown=["exploitation_occurred"]),
        "exploitation_occurred",
    ),
    "use_of_victim": (_set(use_of_victim=[]), None, None),
    "victim_trafficked": (_set(means=[]), _set(means=[], unknown=["means"]), "means"),
    "false_testimony": (_set(obstruction=[]), None, None),
    "attack_on_witness": (_set(obstruction=["help_escape"]), None, None),
    "attack_without_harm": (_set(obstruction_harm="death"), None, None),
    "attack_serious_injury": (_set(obstruction_harm="none"), None, None),
    "attack_death": (_set(obstruction_harm="serious_injury"), None, None),
    "obstruct_proceedings": (_set(obstruction=["false_testimony"]), None, None),
    "help_escape": (_set(obstruction=["disclose_identity"]), None, None),
    "disclose_identity": (_set(obstruction=["obstruct_proceedings"]), None, None),
    "incitement_without_offence": (_set(incitement_without_offence=False), None, None),
    "document_forgery": (_set(document_forgery=False), None, None),
    "illegal_entry_for_profit": (_set(illegal_entry_for_profit=False), None, None),
    "cross_border": (
        _set(movement="domestic"),
        _set(movement=None, unknown=["movement"]),
        "movement",
    ),
}

ARTICLE_ELEMENTS = {
    "UU21/2007:2": ["act", "means", "purpose", "exploitation_in_indonesia"],
    "UU21/2007:3": ["into_indonesia", "act", "purpose"],
    "UU21/2007:4": ["out_of_indonesia", "act", "purpose", "indonesian_victim"],
    "UU21/2007:5": ["adoption_with_payment", "purpose"],
    "UU21/2007:6": ["child_victim", "sending_act", "sent_within_or_out", "exploited"],
    "UU21/2007:12": ["use_of_victim", "victim_trafficked"],
    "UU21/2007:9": ["incitement_without_offence"],
    "UU21/2007:19": ["document_forgery"],
    "UU21/2007:20": ["false_testimony"],
    "UU21/2007:21(1)": ["attack_on_witness", "attack_without_harm"],
    "UU21/2007:21(2)": ["attack_on_witness", "attack_serious_injury"],
    "UU21/2007:21(3)": ["attack_on_witness", "attack_death"],
    "UU21/2007:22": ["obstruct_proceedings"],
    "UU21/2007:23": ["help_escape"],
    "UU21/2007:24": ["disclose_identity"],
    "UU6/2011:120": ["illegal_entry_for_profit", "cross_border"],
}

PAIRS = [(ref, element) for ref, names in ARTICLE_ELEMENTS.items() for element in names]


def _variant(ref: str, change: Change) -> Qualification:
    case = copy.deepcopy(BASE[ref])
    change(case)
    return run_case(case)


def _refs(result: Qualification) -> set[str]:
    return {charge.ref for charge in result.charges}


def test_the_tables_name_the_elements_this_test_covers() -> None:
    from lentera.law._tables import regime_named

    table = regime_named("UU21/2007")
    assert {o.ref: list(o.elements) for o in table.offences} == ARTICLE_ELEMENTS


@pytest.mark.parametrize("ref", list(BASE))
def test_all_elements_met_gives_the_charge_with_its_base_penalty(ref: str) -> None:
    result = run_case(BASE[ref])
    charges = charge_map(result)
    assert ref in charges
    (prison_min, prison_max), (fine_min, fine_max) = BASE_PENALTY[ref]
    assert charges[ref] == {
        "ref": ref,
        "prison_years": {"min": prison_min, "max": prison_max},
        "life": False,
        "fine_idr": {"min": fine_min, "max": fine_max},
        "aggravations": [],
        "participation": None,
    }
    assert result.outcome == ("smuggling" if ref == "UU6/2011:120" else "trafficking")
    assert result.missing == ()
    label = article_label(ref).id
    assert any("terpenuhi: " in line and label in line for line in result.reasons)


@pytest.mark.parametrize(("ref", "element"), PAIRS)
def test_element_not_met_means_no_charge(ref: str, element: str) -> None:
    result = _variant(ref, ELEMENTS[element][0])
    assert ref not in _refs(result)
    assert result.missing == ()


@pytest.mark.parametrize(
    ("ref", "element"), [pair for pair in PAIRS if ELEMENTS[pair[1]][1] is not None]
)
def test_element_unknown_is_named_as_missing(ref: str, element: str) -> None:
    _, make_unknown, name = ELEMENTS[element]
    assert make_unknown is not None and name is not None
    result = _variant(ref, make_unknown)
    assert name in result.missing
    assert any(name_label in line for line in result.reasons for name_label in ("belum diketahui",))


def test_unknown_element_that_decides_gives_insufficient_facts() -> None:
    case = copy.deepcopy(BASE["UU21/2007:2"])
    case.update(means=[], unknown=["means"])
    result = run_case(case)
    assert result.outcome == "insufficient_facts"
    assert result.charges == ()
    assert result.missing == ("means",)
    assert result.possible_outcomes == ("trafficking", "not_trafficking")


def test_consent_does_not_matter_and_exploitation_need_not_occur_for_pasal_2() -> None:
    # a formal offence: act + means + purpose suffice, with or without exploitation
    assert "UU21/2007:2" in _refs(run_case(BASE["UU21/2007:2"]))
    case = copy.deepcopy(BASE["UU21/2007:2"])
    case["exploitation_occurred"] = True
    assert "UU21/2007:2" in _refs(run_case(case))


def test_pasal_2_covers_exploitation_intended_in_indonesia_after_entry() -> None:
    case = copy.deepcopy(BASE["UU21/2007:3"])
    case["means"] = ["debt_bondage"]
    assert _refs(run_case(case)) == {"UU21/2007:2", "UU21/2007:3"}


def test_pasal_4_needs_an_indonesian_among_the_victims() -> None:
    case = copy.deepcopy(BASE["UU21/2007:4"])
    case["victims"] = [{"age_at_offence": 30, "citizenship": "MY"}, {"citizenship": "ID"}]
    assert "UU21/2007:4" in _refs(run_case(case))


def test_pasal_6_also_covers_children_sent_abroad_and_transported() -> None:
    case = copy.deepcopy(BASE["UU21/2007:6"])
    case.update(movement="out_of_indonesia", acts=["transportation"])
    assert "UU21/2007:6" in _refs(run_case(case))


def test_children_are_not_caught_by_pasal_2_without_means() -> None:
    case = copy.deepcopy(BASE["UU21/2007:2"])
    case.update(means=[], victims=[{"age_at_offence": 15, "citizenship": "ID"}])
    result = run_case(case)
    assert result.outcome == "not_trafficking"
    assert any("Protokol Palermo" in line for line in result.reasons)
    assert any("Palermo Protocol" in line for line in result.reasons_in("en"))
    # never "no offence" for an exploited child: UU 35/2014 Pasal 76I jo. 88 is named instead
    assert result.related == ("UU35/2014:88",)
    assert result.to_dict()["related"] == [
        {
            "ref": "UU35/2014:88",
            "prison_years": {"min": 0, "max": 10},
            "fine_idr": {"min": 0, "max": 200 * M},
        }
    ]
    conclusion = next(line for line in result.reasons_in("en") if line.startswith("Conclusion"))
    assert "not trafficking under UU 21/2007" in conclusion and "Pasal 88 UU 35/2014" in conclusion
    assert not any("no offence" in line.lower() for line in result.reasons_in("en"))


def test_not_trafficking_explains_the_nearest_article() -> None:
    result = run_case(
        {
            "offence_date": "2024-05-01",
            "acts": ["recruitment", "sending"],
            "movement": "out_of_indonesia",
            "victims": [{"age_at_offence": 28, "citizenship": "ID"}],
        },
        lang="en",
    )
    assert result.outcome == "not_trafficking"
    assert any(
        line.startswith("Pasal 4 UU 21/2007") and "no exploitative purpose" in line
        for line in result.reasons
    )
