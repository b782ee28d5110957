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
