"""The Spark backend runs the same model as DuckDB and finds the same clusters."""

from __future__ import annotations

from pathlib import Path

import pytest

from lentera.linkage import link_records, read_csv_records


@pytest.mark.spark
def test_spark_and_duckdb_agree(registers: tuple[list[Path], dict[tuple[str, str], str]]) -> None:
    paths, _truth = registers
    records = [record for path in paths for record in read_csv_records(path)]
    on_duckdb = link_records(records)
    on_spark = link_records(records, backend="spark")
    assert on_spark.backend == "spark"
    assert on_spark.cluster_ids == on_duckdb.cluster_ids
    assert on_spark.comparisons == on_duckdb.comparisons
    spark_pairs = {(p.left, p.right): round(p.probability, 6) for p in on_spark.pairs}
    duck_pairs = {(p.left, p.right): round(p.probability, 6) for p in on_duckdb.pairs}
    assert spark_pairs == duck_pairs
