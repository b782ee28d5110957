"""Adapting the trained model to the input: EM within the prior's bounds, reported."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from lentera.linkage import LinkageResult, PersonRecord, link_records
from lentera.linkage._adapt import M_BOUND, M_BOUND_AGAINST, PRIOR_BOUND

GIVEN = ["Budi", "Siti", "Agus", "Dewi", "Rina", "Joko", "Ani", "Eko", "Sri", "Yohanes", "Maria"]
FAMILY = ["Santoso", "Ndun", "Bria", "Lado", "Harahap", "Wibowo", "Seran", "Manafe", "Tefa"]


def _people(count: int) -> list[PersonRecord]:
    """Two registers of the same people written unlike the training set: FEBRL-like typos,
    no NIK, impossible dates in the second register."""
    rnd = random.Random(19)
    records = []
    for i in range(count):
        name = f"{rnd.choice(GIVEN)} {rnd.choice(GIVEN)} {rnd.choice(FAMILY)}"
        born = date(1950, 1, 1) + timedelta(days=rnd.randrange(20000))
        address = f"{rnd.randrange(1, 200)} {rnd.choice(FAMILY)} street"
        records.append(
            PersonRecord(
                id=str(i),
                source="a",
                name=name,
                birth_date=born,
                address=address,
                region=str(rnd.randrange(2000, 2100)),
            )
        )
        typo = name.replace("a", "e", 1) if rnd.random() < 0.3 else name
        written = born.strftime("%Y%m") + "93" if rnd.random() < 0.05 else ""
        records.append(
            PersonRecord(
                id=str(i),
                source="b",
                name=typo,
                birth_date=None if written else born,
                birth_date_written=written,
                address=address,
            )
        )
    return records  # fmt: skip


@pytest.fixture(scope="module")
def adapted() -> LinkageResult:
    return link_records(_people(600))


def test_parameters_are_estimated_within_bounds(adapted: LinkageResult) -> None:
    report = adapted.parameters
    assert report["adapted"] is True
    assert report["iterations"] >= 1
    assert report["pairs_used"] > 0
    for level in report["levels"]:
        m0, m, u = level["m_trained"], level["m"], level["u"]
        assert m0 / M_BOUND - 1e-12 <= m <= min(1.0, m0 * M_BOUND) + 1e-12, level
        if m0 < u:
            assert m <= m0 * M_BOUND_AGAINST + 1e-12, level
    per_record = report["duplicates_per_record"]
    ratio = per_record["estimated"] / per_record["trained"]
    assert 1 / PRIOR_BOUND - 1e-9 <= ratio <= PRIOR_BOUND + 1e-9


def test_adapted_run_links_the_duplicates_and_counts_partial_dates(
    adapted: LinkageResult,
) -> None:
    assert adapted.partly_read.get("birth_date", 0) > 0
    joined = sum(
        adapted.cluster_of("a", str(i)) == adapted.cluster_of("b", str(i)) for i in range(600)
    )
    assert joined >= 570


def test_no_adapt_scores_with_the_trained_model() -> None:
    result = link_records(_people(600), adapt=False)
    assert result.parameters["adapted"] is False
    assert "not asked" in result.parameters["reason"]


def test_small_inputs_are_not_adapted() -> None:
    result = link_records(_people(10))
    assert result.parameters == {
        "adapted": False,
        "reason": "fewer than 1,000 records, too few to re-estimate",
    }
