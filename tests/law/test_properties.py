"""Properties over generated cases (hypothesis).

* adding an aggravating fact never lowers a maximum (prison or fine) of a charge;
* removing a required element of an article never yields that article's charge;
* the answer is always a well-formed contract object.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lentera.law import FACT_CODES, OUTCOMES, STACKING_CHOICES, EngineSettings, Qualification
from lentera.law._tables import regimes

from .conftest import run_case

Case = dict[str, Any]
COUNTRIES = ["ID", "MY", "AF", "VN", "KH"]


def _codes(field: str, most: int = 3) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(FACT_CODES[field]), max_size=most, unique=True)


victims = st.fixed_dictionaries(
    {
        "age_at_offence": st.one_of(st.none(), st.integers(0, 80)),
        "citizenship": st.sampled_from(COUNTRIES),
        "harms": _codes("harms", 2),
    }
)
perpetrators = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(FACT_CODES["kind"]),
        "state_official": st.booleans(),
        "abused_position": st.booleans(),
    }
)
placements = st.one_of(
    st.none(),
    st.fixed_dictionaries(
        {
            "destination_country": st.sampled_from(COUNTRIES[1:]),
            **{flag: st.booleans() for flag in FACT_CODES["placement"]},
        }
    ),
)
FLAGS = (
    "exploitation_occurred",
    "organised_group",
    "adoption_with_payment",
    "document_forgery",
    "illegal_entry_for_profit",
    "incitement_without_offence",
)
cases = st.fixed_dictionaries(
    {
        "offence_date": st.dates(date(2007, 4, 19), date(2031, 12, 31)).map(date.isoformat),
        "acts": _codes("acts"),
        "means": _codes("means", 2),
        "purposes": _codes("purposes", 2),
        "movement": st.sampled_from([*FACT_CODES["movement"], None]),
        "victims": st.lists(victims, max_size=3),
        "perpetrators": st.lists(perpetrators, max_size=2),
        "unknown": _codes("unknown", 2),
        "placement": placements,
        "participation": st.sampled_from(FACT_CODES["participation"]),
        "use_of_victim": _codes("use_of_victim", 2),
        "obstruction": _codes("obstruction", 2),
        "obstruction_harm": st.sampled_from(FACT_CODES["obstruction_harm"]),
        **{flag: st.booleans() for flag in FLAGS},
    }
)
engine_settings = st.builds(
    EngineSettings,
    uplift_minimum=st.booleans(),
    stacking=st.sampled_from(STACKING_CHOICES),
    sectoral_minimums_removed=st.booleans(),
    compare_favourable_law=st.just(False),  # reasons only; keeps the run fast
    convert_fines=st.booleans(),
)

# -- aggravating facts ---------------------------------------------------------------------


def _harm(harm: str) -> Callable[[Case], None]:
    def change(case: Case) -> None:
        for victim in case["victims"]:
            if harm not in victim["harms"]:
                victim["harms"].append(harm)
        if not case["victims"]:
            case["victims"].append({"age_at_offence": 30, "citizenship": "AF", "harms": [harm]})

    return change


def _child(case: Case) -> None:
    if case["victims"]:
        case["victims"][0]["age_at_offence"] = 10
    else:
        case["victims"].append({"age_at_offence": 10, "citizenship": "AF", "harms": []})


AGGRAVATING: dict[str, Callable[[Case], None]] = {
    "serious harm (7(1))": _harm("serious_injury"),
    "pregnancy (7(1))": _harm("pregnancy"),
    "death (7(2))": _harm("death"),
    "official abusing power (8)": lambda c: c["perpetrators"].append(
        {"kind": "individual", "state_official": True, "abused_position": True}
    ),
    "corporation (15)": lambda c: c["perpetrators"].append({"kind": "corporation"}),
    "organised group (16)": lambda c: c.update(organised_group=True),
    "child victim (17)": _child,
}


def _top(value: int | None) -> float:
    return float("inf") if value is None else float(value)


def _by_ref(result: Qualification) -> dict[str, Any]:
    return {charge.ref: charge for charge in result.charges}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases, chosen=engine_settings, which=st.sampled_from(sorted(AGGRAVATING)))
def test_an_aggravating_fact_never_lowers_a_maximum(
    case: Case, chosen: EngineSettings, which: str
) -> None:
    before = run_case(case, settings=chosen)
    worse = copy.deepcopy(case)
    AGGRAVATING[which](worse)
    after = run_case(worse, settings=chosen)
    old, new = _by_ref(before), _by_ref(after)
    for ref in old.keys() & new.keys():
        assert _top(new[ref].prison_years.max) >= _top(old[ref].prison_years.max), (ref, which)
        assert new[ref].life or not old[ref].life
        if old[ref].fine_idr is not None:
            assert new[ref].fine_idr is not None
            assert new[ref].fine_idr.max >= old[ref].fine_idr.max, (ref, which)
    if before.outcome not in ("insufficient_facts",) and after.outcome == before.outcome:
        assert old.keys() <= new.keys()  # an aggravating fact never removes a charge


# -- required elements ---------------------------------------------------------------------


def _set(**values: Any) -> Callable[[Case], None]:
    return lambda case: case.update(values)


def _victims(**values: Any) -> Callable[[Case], None]:
    def change(case: Case) -> None:
        for victim in case["victims"]:
            victim.update(values)

    return change


def _drop_acts(*acts: str) -> Callable[[Case], None]:
    return lambda case: case.update(acts=[a for a in case["acts"] if a not in acts])


def _movement_not(*codes: str) -> Callable[[Case], None]:
    def change(case: Case) -> None:
        if (case["movement"] or "none") in codes:
            case["movement"] = next(m for m in FACT_CODES["movement"] if m not in codes)

    return change


def _drop_obstruction(code: str) -> Callable[[Case], None]:
    return lambda case: case.update(obstruction=[c for c in case["obstruction"] if c != code])


REMOVE: dict[str, Callable[[Case], None]] = {
    "use_of_victim": _set(use_of_victim=[]),
    # Pasal 12 needs a trafficking offence (Pasal 2-6): without acts and adoption there is none
    "victim_trafficked": _set(acts=[], adoption_with_payment=False),
    "false_testimony": _drop_obstruction("false_testimony"),
    "attack_on_witness": _drop_obstruction("attack_on_witness"),
    "attack_without_harm": _set(obstruction_harm="death"),
    "attack_serious_injury": _set(obstruction_harm="none"),
    "attack_death": _set(obstruction_harm="none"),
    "obstruct_proceedings": _drop_obstruction("obstruct_proceedings"),
    "help_escape": _drop_obstruction("help_escape"),
    "disclose_identity": _drop_obstruction("disclose_identity"),
    "act": _set(acts=[]),
    "means": _set(means=[]),
    "purpose": _set(purposes=[]),
    "exploitation_in_indonesia": _set(movement="out_of_indonesia"),
    "into_indonesia": _movement_not("into_indonesia"),
    "out_of_indonesia": _movement_not("out_of_indonesia"),
    "indonesian_victim": _victims(citizenship="MY"),
    "adoption_with_payment": _set(adoption_with_payment=False),
    "child_victim": _victims(age_at_offence=40),
    "sending_act": _drop_acts("sending", "transportation"),
    "sent_within_or_out": _movement_not("domestic", "out_of_indonesia"),
    "exploited": _set(exploitation_occurred=False),
    "incitement_without_offence": _set(incitement_without_offence=False),
    "document_forgery": _set(document_forgery=False),
    "illegal_entry_for_profit": _set(illegal_entry_for_profit=False),
    "cross_border": _movement_not("out_of_indonesia", "into_indonesia"),
}
REQUIRED = sorted(
    {
        (offence.ref, element)
        for regime in regimes()
        for offence in regime.offences
        for element in offence.elements
    }
)


def test_every_element_of_every_table_has_a_removal() -> None:
    assert {element for _, element in REQUIRED} == set(REMOVE)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases, chosen=engine_settings, pair=st.sampled_from(REQUIRED))
def test_removing_a_required_element_never_yields_the_charge(
    case: Case, chosen: EngineSettings, pair: tuple[str, str]
) -> None:
    ref, element = pair
    weaker = copy.deepcopy(case)
    REMOVE[element](weaker)
    result = run_case(weaker, settings=chosen)
    assert ref not in {charge.ref for charge in result.charges}


@settings(max_examples=100, deadline=None)
@given(case=cases, chosen=engine_settings)
def test_every_answer_is_a_well_formed_contract_object(case: Case, chosen: EngineSettings) -> None:
    result = run_case(case, settings=chosen)
    out = result.to_dict()
    assert out["outcome"] in OUTCOMES
    assert (out["outcome"] == "not_trafficking") <= (out["charges"] == [])
    if out["outcome"] in ("trafficking", "smuggling"):
        assert out["charges"]
    assert set(out["missing"]) <= set(case["unknown"])
    assert (out["outcome"] == "insufficient_facts") <= bool(out["missing"])
    assert out["settings"] == chosen.to_dict()
    for charge in out["charges"]:
        prison = charge["prison_years"]
        assert prison["max"] is None or prison["min"] <= prison["max"] <= 20  # the ceiling
        assert prison["min"] <= 20
        assert charge["participation"] in (None, "UU21/2007:10", "UU21/2007:11")
        assert (prison["max"] is None) == charge["life"]
        fine = charge["fine_idr"]
        assert fine is None or 0 <= fine["min"] <= fine["max"]
    assert out["reasons"] and "nasihat hukum" in out["reasons"][-1]
