"""A small end-to-end link: the same people across three registers, siblings kept apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from lentera.linkage import (
    DEFAULT_THRESHOLD,
    InvalidInput,
    LinkageResult,
    PersonRecord,
    link_records,
    read_csv_records,
)


def _groups(result: LinkageResult) -> set[frozenset[tuple[str, str]]]:
    return {frozenset(members) for members in result.clusters.values()}


def _truth_groups(truth: dict[tuple[str, str], str]) -> set[frozenset[tuple[str, str]]]:
    by_entity: dict[str, set[tuple[str, str]]] = {}
    for key, entity in truth.items():
        by_entity.setdefault(entity, set()).add(key)
    return {frozenset(keys) for keys in by_entity.values()}


@pytest.fixture
def linked(registers: tuple[list[Path], dict[tuple[str, str], str]]) -> LinkageResult:
    paths, _truth = registers
    records = [record for path in paths for record in read_csv_records(path)]
    return link_records(records)


def test_people_are_clustered_across_registers(
    linked: LinkageResult, registers: tuple[list[Path], dict[tuple[str, str], str]]
) -> None:
    _paths, truth = registers
    assert _groups(linked) == _truth_groups(truth)
    assert linked.records == len(truth)
    assert linked.threshold == DEFAULT_THRESHOLD


def test_sisters_sharing_household_are_not_joined(linked: LinkageResult) -> None:
    # Yuliana and Maria Ndun share family name, address and household phone.
    assert linked.cluster_of("polres.csv", "LP-2") != linked.cluster_of("polres.csv", "LP-4")
    sisters = [
        p
        for p in linked.pairs
        if {p.left, p.right} == {("polres.csv", "LP-2"), ("polres.csv", "LP-4")}
    ]
    assert all(not p.links(linked.threshold) for p in sisters)


def test_pairs_carry_probability_and_reasons(linked: LinkageResult) -> None:
    pair = next(
        p
        for p in linked.pairs
        if {p.left, p.right} == {("polres.csv", "LP-1"), ("dinsos.csv", "DS-10")}
    )
    assert pair.probability >= linked.threshold
    assert any(reason.startswith("same national id") for reason in pair.reasons)
    assert any("swapped" in reason for reason in pair.reasons)  # 1994-03-12 vs 1994-12-03
    probabilities = [p.probability for p in linked.pairs]
    assert probabilities == sorted(probabilities, reverse=True)
    assert linked.comparisons >= len(linked.pairs)


def test_rows_list_every_record_once_in_input_order(linked: LinkageResult) -> None:
    rows = linked.rows()
    assert [(s, i) for s, i, _c in rows] == list(linked.keys)
    assert len({(s, i) for s, i, _c in rows}) == len(rows)


def test_data_frame_input_with_sources() -> None:
    frame = pd.DataFrame(
        [
            {"source": "a", "id": "1", "name": "Yohanes Bria", "birth_date": "1980-01-02",
             "national_id": "5304010201800001"},
            {"source": "b", "id": "1", "name": "Johannes Bria", "birth_date": "19800102",
             "national_id": "5304010201800001"},
            {"source": "b", "id": "2", "name": "Kristina Seran", "birth_date": "1975-09-09"},
        ]
    )  # fmt: skip
    result = link_records(frame)
    assert result.cluster_of("a", "1") == result.cluster_of("b", "1")
    assert result.cluster_of("b", "2") != result.cluster_of("a", "1")


def test_single_record_is_its_own_cluster() -> None:
    result = link_records([PersonRecord(id="x", source="s", name="Budi")])
    assert result.rows() == [("s", "x", result.cluster_ids[0])]
    assert result.comparisons == 0


@pytest.mark.parametrize("threshold", [0.0, 1.0, -0.5, float("nan")])
def test_threshold_must_be_a_probability(threshold: float) -> None:
    with pytest.raises(InvalidInput, match="threshold"):
        link_records([PersonRecord(id="1"), PersonRecord(id="2")], threshold=threshold)


def test_duplicate_keys_are_rejected() -> None:
    with pytest.raises(InvalidInput, match="duplicate id '7'"):
        link_records([PersonRecord(id="7", source="a"), PersonRecord(id="7", source="a")])


def test_unknown_backend_is_rejected() -> None:
    with pytest.raises(InvalidInput, match="backend"):
        link_records([PersonRecord(id="1"), PersonRecord(id="2")], backend="oracle")


def test_frame_with_impossible_date_keeps_the_row_and_counts_it() -> None:
    frame = pd.DataFrame([{"id": "1", "birth_date": "1990-02-30"}, {"id": "2"}])
    result = link_records(frame)
    assert result.records == 2
    assert result.partly_read == {"birth_date": 1}


def test_frame_without_ids_names_the_row() -> None:
    frame = pd.DataFrame([{"id": "1"}, {"id": ""}])
    with pytest.raises(InvalidInput, match=r"line 2, column 'id'"):
        link_records(frame)


def test_family_name_alone_is_not_the_person_but_a_dropped_muhammad_is() -> None:
    household = {"address": "Jl. Timor Raya 8 RT.4 RW.2 Oesapa", "phone": "0813 1111 2222"}
    records = [
        PersonRecord(id="1", source="a", name="Maria Ndun", birth_date=date(1996, 2, 3),
                     **household),
        PersonRecord(id="2", source="b", name="NDUN", **household),
        PersonRecord(id="3", source="a", name="Muhammad Rizky", birth_date=date(1994, 3, 12),
                     phone="0812 3456 7890"),
        PersonRecord(id="4", source="b", name="RIZKY", birth_date=date(1994, 3, 12),
                     phone="+62 812 3456 7890"),
    ]  # fmt: skip
    result = link_records(records)
    assert result.cluster_of("a", "1") != result.cluster_of("b", "2")
    assert any(p.conflict for p in result.pairs if {p.left, p.right} == {("a", "1"), ("b", "2")})
    assert result.cluster_of("a", "3") == result.cluster_of("b", "4")
