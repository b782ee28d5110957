"""Preparation: the column-wise (and parallel) path gives exactly the per-record columns."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lentera.linkage import PersonRecord, _prepare, read_csv_records
from lentera.linkage._prepare import (
    PREPARED_COLUMNS,
    fill_region_codes,
    prepare_frame,
    prepare_record,
)


def _records(paths: list[Path]) -> list[PersonRecord]:
    records = [record for path in paths for record in read_csv_records(path)]
    extra = [
        PersonRecord(id="X1", source="x", name="", national_id="12-34", region="Kota Kupang"),
        PersonRecord(id="X2", source="x", name="Drs. H. Moch. Rizky, S.H.", phone="0812 / -"),
        PersonRecord(id="X3", source="x", name="Ñoño Ruíz", national_id="5371011203940001"),
    ]
    # Repeated values (one name, NIK or region in many records) are prepared once.
    return records + extra + [PersonRecord(id=f"R{i}", source="r", **r) for i, r in enumerate(
        [{"name": "Siti Aisyah", "region": "Kota Kupang", "national_id": "5371016107900001"}] * 4
    )]  # fmt: skip


@pytest.mark.parametrize("parallel", [False, True])
def test_frame_matches_record_by_record(
    registers: tuple[list[Path], dict[tuple[str, str], str]],
    monkeypatch: pytest.MonkeyPatch,
    parallel: bool,
) -> None:
    records = _records(registers[0])
    monkeypatch.setattr(_prepare, "PARALLEL_MIN_RECORDS", 1 if parallel else 10**9)
    frame = prepare_frame(records)
    rows = [prepare_record(record, i) for i, record in enumerate(records)]
    fill_region_codes(rows)
    expected = pd.DataFrame(rows, columns=list(PREPARED_COLUMNS))
    expected["unique_id"] = expected["unique_id"].astype("int64")
    assert list(frame.columns) == list(PREPARED_COLUMNS)
    assert frame.to_dict(orient="records") == expected.to_dict(orient="records")
    assert frame.dtypes.equals(expected.dtypes)
