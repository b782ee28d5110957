"""Smuggling versus trafficking, related offences, and what unknown elements do to an answer."""

from __future__ import annotations

import copy
from typing import Any

from .conftest import run_case
from .test_articles import BASE

SMUGGLED = BASE["UU6/2011:120"]


def _with(ref: str, **changes: Any) -> dict[str, Any]:
    case = copy.deepcopy(BASE[ref])
    case.update(changes)
    return case


def test_smuggling_needs_a_border() -> None:
    for movement in ("domestic", "none"):
        result = run_case(_with("UU6/2011:120", movement=movement))
        assert result.outcome == "not_trafficking"
    assert run_case(_with("UU6/2011:120", movement="into_indonesia")).outcome == "smuggling"


def test_exploitation_turns_smuggling_into_trafficking_with_smuggling_as_alternative() -> None:
    # an Indonesian taken abroad for profit without a right of entry, to be exploited there
    case = _with(
        "UU6/2011:120",
        purposes=["forced_criminality"],
        victims=[{"age_at_offence": 24, "citizenship": "ID"}],
    )
    result = run_case(case)
    assert result.outcome == "trafficking"
    assert [c.ref for c in result.charges] == ["UU21/2007:4"]
    assert result.related == ("UU6/2011:120",)
    assert any("dakwaan alternatif" in line for line in result.reasons)
    later = run_case(dict(case, offence_date="2026-02-01"))
    assert later.related == ("KUHP:457",)


def test_a_foreigner_moved_with_an_exploitative_purpose_but_no_offence_is_smuggling() -> None:
    # Pasal 4 protects Indonesian citizens; with no means Pasal 2 fails too
    result = run_case(_with("UU6/2011:120", purposes=["forced_labour"]))
    assert result.outcome == "smuggling"
    assert any("peralihan ke perdagangan orang" in line for line in result.reasons)


def test_purpose_unknown_in_a_smuggling_case_leaves_the_outcome_open() -> None:
    case = _with(
        "UU6/2011:120",
        victims=[{"age_at_offence": 24, "citizenship": "ID"}],
        unknown=["purposes"],
    )
    result = run_case(case)
    assert result.outcome == "insufficient_facts"
    assert result.possible_outcomes == ("trafficking", "smuggling")
    assert result.missing == ("purposes",)
    assert result.charges == ()
    assert result.related == ("UU6/2011:120",)


def test_smuggling_with_forgery_keeps_both_charges() -> None:
    result = run_case(_with("UU6/2011:120", document_forgery=True))
    assert result.outcome == "smuggling"
    assert [c.ref for c in result.charges] == ["UU6/2011:120", "UU21/2007:19"]


def test_ancillary_charge_alone_is_a_trafficking_law_outcome() -> None:
    assert run_case(BASE["UU21/2007:9"]).outcome == "trafficking"
    both = run_case(_with("UU21/2007:2", document_forgery=True, incitement_without_offence=True))
    assert [c.ref for c in both.charges] == ["UU21/2007:2", "UU21/2007:19", "UU21/2007:9"]


def test_placement_facts_give_migrant_worker_law_references() -> None:
    placement = {
        "destination_country": "SA",
        "by_individual": True,
        "underage": True,
        "requirements_unmet": True,
        "closed_country": True,
    }
    result = run_case({"offence_date": "2024-02-01", "placement": placement}, lang="en")
    assert result.outcome == "not_trafficking"
    assert result.related == ("UU18/2017:80", "UU18/2017:81", "UU18/2017:83", "UU18/2017:86")
    assert sum(line.startswith("Consider also Pasal") for line in result.reasons) == 4
    lawful = run_case({"offence_date": "2024-02-01", "placement": {"destination_country": "TW"}})
    assert lawful.related == ()


def test_unknown_that_changes_nothing_is_not_missing() -> None:
    result = run_case(_with("UU21/2007:2", unknown=["victim_age"]))  # ages all recorded
    assert result.outcome == "trafficking"
    assert result.missing == ()
    assert any("tidak mengubah hasil" in line for line in result.reasons)


def test_unknown_can_be_missing_while_the_outcome_is_decided() -> None:
    # movement unknown: wherever the person went, some trafficking article applies
    case = _with("UU21/2007:2", unknown=["movement"])
    del case["movement"]
    result = run_case(case)
    assert result.outcome == "trafficking"
    assert result.missing == ("movement",)
    assert [c.ref for c in result.charges] == ["UU21/2007:2"]  # as given: no movement


def test_unknown_age_with_no_victim_recorded_may_be_a_child() -> None:
    case = {
        "offence_date": "2024-01-01",
        "acts": ["sending"],
        "movement": "domestic",
        "exploitation_occurred": True,
        "unknown": ["victim_age"],
    }
    result = run_case(case)
    assert result.outcome == "insufficient_facts"
    assert result.missing == ("victim_age",)
    assert any(
        "Kemungkinan hasil: perdagangan orang (Pasal 6 UU 21/2007)" in r for r in result.reasons
    )


def test_charges_that_hold_in_every_case_survive_insufficient_facts() -> None:
    # Pasal 19 holds however the means turn out; Pasal 2 depends on them
    case = _with("UU21/2007:2", means=[], unknown=["means"], document_forgery=True)
    result = run_case(case)
    assert result.outcome == "trafficking"  # Pasal 19 alone is still a trafficking-law offence
    assert result.missing == ("means",)
    case = _with("UU21/2007:2", means=[], unknown=["means"])
    assert run_case(case).outcome == "insufficient_facts"


def test_every_element_unknown_at_once() -> None:
    case = {
        "offence_date": "2025-01-01",
        "victims": [{"age_at_offence": None, "citizenship": "ID"}],
        "unknown": ["acts", "means", "purposes", "exploitation_occurred", "movement", "victim_age"],
    }
    result = run_case(case)
    assert result.outcome == "insufficient_facts"
    assert set(result.missing) == set(case["unknown"])
    assert result.possible_outcomes == ("trafficking", "not_trafficking")
