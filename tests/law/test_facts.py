"""Reading case facts: the contract's JSON form, strictly, with errors that name the field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from lentera.law import (
    FACT_CODES,
    CaseFacts,
    InvalidFacts,
    LawError,
    Perpetrator,
    Placement,
    Victim,
    code_label,
    parse_facts,
    qualify,
)

FULL: dict[str, Any] = {
    "id": "full",
    "offence_date": "2021-03-01",
    "acts": ["sending", "recruitment", "sending"],
    "means": ["fraud"],
    "purposes": ["forced_labour"],
    "exploitation_occurred": True,
    "movement": "out_of_indonesia",
    "victims": [{"age_at_offence": 16, "citizenship": "id", "harms": ["pregnancy"]}],
    "perpetrators": [{"kind": "corporation"}, {"state_official": True, "abused_position": True}],
    "organised_group": True,
    "adoption_with_payment": False,
    "document_forgery": True,
    "illegal_entry_for_profit": False,
    "incitement_without_offence": False,
    "unknown": ["victim_age"],
    "placement": {"destination_country": "MY", "by_individual": True, "underage": True},
}


def test_reads_every_field() -> None:
    facts = parse_facts(FULL)
    assert facts.id == "full"
    assert facts.offence_date == date(2021, 3, 1)
    assert facts.acts == ("recruitment", "sending")  # deduplicated, in contract order
    assert facts.victims == (Victim(16, "ID", ("pregnancy",)),)  # country upper-cased
    assert facts.perpetrators == (
        Perpetrator(kind="corporation"),
        Perpetrator(kind="individual", state_official=True, abused_position=True),
    )
    assert facts.placement == Placement("MY", by_individual=True, underage=True)
    assert facts.is_unknown("victim_age") and not facts.is_unknown("means")


def test_everything_is_optional_and_null_means_absent() -> None:
    assert parse_facts({}) == CaseFacts()
    nulls = {name: None for name in FULL}
    assert parse_facts(nulls) == CaseFacts()


def test_round_trip_through_to_dict() -> None:
    facts = parse_facts(FULL)
    assert parse_facts(facts.to_dict()) == facts
    assert CaseFacts().to_dict() == {}


@pytest.mark.parametrize(
    ("obj", "field", "words"),
    [
        ({"act": ["recruitment"]}, "act", "unknown field"),
        ({"acts": ["recruting"]}, "acts[0]", "unknown code 'recruting'"),
        ({"means": ["fraud", "lies"]}, "means[1]", "unknown code 'lies'"),
        ({"purposes": ["labour"]}, "purposes[0]", "unknown code"),
        ({"movement": "abroad"}, "movement", "unknown code 'abroad'"),
        ({"unknown": ["age"]}, "unknown[0]", "unknown code 'age'"),
        ({"offence_date": "2021-02-30"}, "offence_date", "not a real date"),
        ({"offence_date": "01/03/2021"}, "offence_date", "YYYY-MM-DD"),
        ({"offence_date": "20210301"}, "offence_date", "YYYY-MM-DD"),
        ({"offence_date": 2021}, "offence_date", "expected a string"),
        ({"offence_date": "2001-01-01"}, "offence_date", "before UU21/2007"),
        ({"id": 7}, "id", "expected a string"),
        ({"acts": "recruitment"}, "acts", "expected a list"),
        ({"acts": [1]}, "acts[0]", "expected a string"),
        ({"organised_group": "yes"}, "organised_group", "expected true or false"),
        ({"exploitation_occurred": 1}, "exploitation_occurred", "expected true or false"),
        ({"victims": {}}, "victims", "expected a list"),
        ({"victims": ["child"]}, "victims[0]", "expected a JSON object"),
        ({"victims": [None]}, "victims[0]", "got null"),
        ({"victims": [{"age": 16}]}, "victims[0].age", "unknown field"),
        ({"victims": [{"age_at_offence": "16"}]}, "victims[0].age_at_offence", "whole number"),
        ({"victims": [{"age_at_offence": 16.5}]}, "victims[0].age_at_offence", "whole number"),
        ({"victims": [{"age_at_offence": True}]}, "victims[0].age_at_offence", "whole number"),
        ({"victims": [{"age_at_offence": -1}]}, "victims[0].age_at_offence", "outside"),
        ({"victims": [{"citizenship": "XX"}]}, "victims[0].citizenship", "unknown country"),
        ({"victims": [{"citizenship": "IDN"}]}, "victims[0].citizenship", "unknown country"),
        ({"victims": [{"harms": ["injury"]}]}, "victims[0].harms[0]", "unknown code"),
        ({"perpetrators": [{"kind": "company"}]}, "perpetrators[0].kind", "unknown code"),
        (
            {"perpetrators": [{"state_official": "no"}]},
            "perpetrators[0].state_official",
            "expected true or false",
        ),
        ({"placement": []}, "placement", "expected a JSON object"),
        ({"placement": {"country": "MY"}}, "placement.country", "unknown field"),
        ({"placement": {"destination_country": "ZZ"}}, "placement.destination_country", "unknown"),
        ({"placement": {"underage": "true"}}, "placement.underage", "expected true or false"),
    ],
)
def test_invalid_input_names_the_field(obj: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(InvalidFacts) as caught:
        facts = parse_facts(obj, index=4)
        qualify(facts)  # a date before every law table is found when the regime is chosen
    error = caught.value
    assert error.field == field
    assert words in str(error)
    assert isinstance(error, LawError)


def test_index_is_named_in_the_message() -> None:
    with pytest.raises(InvalidFacts) as caught:
        parse_facts({"acts": ["x"]}, index=3)
    assert caught.value.index == 3
    assert str(caught.value).startswith("case 3, field 'acts[0]': unknown code 'x'")
    with pytest.raises(InvalidFacts) as single:
        parse_facts({"acts": ["x"]})
    assert single.value.index is None
    assert str(single.value).startswith("field 'acts[0]'")


def test_not_an_object() -> None:
    with pytest.raises(InvalidFacts) as caught:
        parse_facts([], index=0)  # type: ignore[arg-type]
    assert str(caught.value) == "case 0: expected a JSON object, got a list"


def test_direct_construction_is_validated_too() -> None:
    with pytest.raises(InvalidFacts, match="acts"):
        CaseFacts(acts=("kidnap",))
    with pytest.raises(InvalidFacts, match="movement"):
        CaseFacts(movement="sideways")
    with pytest.raises(InvalidFacts, match="kind"):
        Perpetrator(kind="gang")
    with pytest.raises(InvalidFacts, match="age_at_offence"):
        Victim(age_at_offence=200)
    with pytest.raises(InvalidFacts, match="citizenship"):
        Victim(citizenship="Indonesia")
    assert CaseFacts(means=("fraud", "violence", "fraud")).means == ("violence", "fraud")


def test_vocabularies_have_labels_in_both_languages() -> None:
    for field, codes in FACT_CODES.items():
        for code in codes:
            assert code_label(field, code, "id")
            assert code_label(field, code, "en")
    assert code_label("means", "debt_bondage", "id") == "penjeratan utang"
    with pytest.raises(LawError):
        code_label("means", "nonsense")
    with pytest.raises(LawError):
        code_label("means", "fraud", "fr")
