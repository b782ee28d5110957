"""Worked cases in ``data/`` (facts and expected answers, in the format of the shared examples).

An expected line lists only what it checks: ``charges`` and ``related`` as sets of references,
every field given inside an expected charge, and ``missing`` as names that must be present.
The same files pass ``check_qualify.py`` from the shared tools.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lentera.law import parse_facts, qualify

from .conftest import JUDGED_ON

DATA = Path(__file__).parent / "data"


def _lines(name: str) -> list[dict[str, Any]]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


CASES = {case["id"]: case for case in _lines("cases.jsonl")}
EXPECTED = _lines("expected.jsonl")


def _refs(items: list[Any]) -> set[str]:
    return {item["ref"] if isinstance(item, dict) else item for item in items}


@pytest.mark.parametrize("want", EXPECTED, ids=[want["id"] for want in EXPECTED])
def test_worked_case(want: dict[str, Any]) -> None:
    got = qualify(parse_facts(CASES[want["id"]]), today=JUDGED_ON).to_dict()
    for key, value in want.items():
        if key == "charges":
            assert _refs(got["charges"]) == _refs(value)
            mine = {charge["ref"]: charge for charge in got["charges"]}
            for charge in value:
                for field, expected in charge.items():
                    actual = mine[charge["ref"]][field]
                    if field == "aggravations":
                        assert set(actual) == set(expected), charge["ref"]
                    else:
                        assert actual == expected, (charge["ref"], field)
        elif key == "related":
            assert _refs(got["related"]) == _refs(value)
        elif key == "missing":
            assert set(value) <= set(got["missing"])
        else:
            assert got[key] == value, key


def test_every_case_has_an_expected_answer() -> None:
    assert sorted(CASES) == sorted(want["id"] for want in EXPECTED)


SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "qualify"
SHARED_SETS = [("cases.jsonl", "expected.jsonl"), ("cases_v2.jsonl", "expected_v2.jsonl")]


def _shared(cases_name: str, expected_name: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    if not (SHARED / cases_name).exists():
        return []
    read = (SHARED / cases_name).read_text(encoding="utf-8").splitlines()
    cases = {case["id"]: case for case in (json.loads(line) for line in read if line.strip())}
    wanted = (SHARED / expected_name).read_text(encoding="utf-8").splitlines()
    return [(cases[want["id"]], want) for want in (json.loads(w) for w in wanted if w.strip())]


SHARED_PAIRS = [pair for names in SHARED_SETS for pair in _shared(*names)]


@pytest.mark.skipif(not SHARED_PAIRS, reason="the shared examples are not beside the repository")
@pytest.mark.parametrize(("facts", "want"), SHARED_PAIRS, ids=[w["id"] for _, w in SHARED_PAIRS])
def test_shared_example(facts: dict[str, Any], want: dict[str, Any]) -> None:
    """The public examples of contract versions 1 and 2, compared as check_qualify.py does."""
    got = qualify(parse_facts(facts), today=JUDGED_ON).to_dict()
    for key, value in want.items():
        if key == "charges":
            assert _refs(got["charges"]) == _refs(value)
            mine = {charge["ref"]: charge for charge in got["charges"]}
            for charge in value:
                for field, expected in charge.items():
                    actual = mine[charge["ref"]][field]
                    if field == "aggravations":
                        assert set(actual) == set(expected), charge["ref"]
                    elif isinstance(expected, dict):
                        assert {k: actual[k] for k in expected} == expected, charge["ref"]
                    else:
                        assert actual == expected, (charge["ref"], field)
        elif key == "related":
            assert _refs(got["related"]) == _refs(value)
        elif key == "missing":
            assert set(value) <= set(got["missing"])
        else:
            assert got[key] == value, key
