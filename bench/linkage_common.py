"""Shared helpers of the linkage benchmarks: data sets, truth, pairwise quality figures."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var" / "linkage"
GENERATOR = ROOT / "bench" / "data" / "idn_registers.py"
AGENCY_FILES = ("polres.csv", "dinsos.csv", "bp3mi.csv")

Key = tuple[str, str]


@dataclass(frozen=True)
class Quality:
    true_pairs: int
    predicted_pairs: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted_pairs if self.predicted_pairs else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.true_pairs if self.true_pairs else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> str:
        return (
            f"{self.precision:.4f} | {self.recall:.4f} | {self.f1:.4f} | "
            f"{self.predicted_pairs} | {self.correct} | {self.true_pairs}"
        )


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise_quality(predicted: Mapping[Key, str], truth: Mapping[Key, str]) -> Quality:
    """Pairwise precision/recall/F1 of a clustering, as ../shared/tools/check_linkage.py."""
    keys = [k for k in truth if k in predicted]
    true_pairs = sum(_pairs(n) for n in Counter(truth[k] for k in truth).values())
    predicted_pairs = sum(_pairs(n) for n in Counter(predicted[k] for k in predicted).values())
    correct = sum(_pairs(n) for n in Counter((predicted[k], truth[k]) for k in keys).values())
    return Quality(true_pairs, predicted_pairs, correct)


def clusters_from_pairs(keys: Iterable[Key], pairs: Iterable[tuple[Key, Key]]) -> dict[Key, str]:
    """Connected components of matched pairs (for baselines that give pairs, not clusters)."""
    parent: dict[Key, Key] = {k: k for k in keys}

    def find(k: Key) -> Key:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {k: "|".join(find(k)) for k in parent}


def read_truth(path: Path) -> dict[Key, str]:
    with path.open(newline="", encoding="utf-8") as handle:
        return {(r["source"], r["id"]): r["entity_id"] for r in csv.DictReader(handle)}


def idn_dataset(name: str, *, people: int, seed: int, profile: str) -> Path:
    """Generate (once) an Indonesian-style register set under var/linkage/<name>."""
    out = VAR / name
    if not (out / "truth.csv").exists():
        subprocess.run(
            [sys.executable, str(GENERATOR), str(out), "--people", str(people),
             "--seed", str(seed), "--profile", profile],
            check=True,
        )  # fmt: skip
    return out


def run_lentera(inputs: list[Path], out: Path, *extra: str) -> tuple[dict[Key, str], float]:
    """Run ``lentera link`` (in this process, as the console command does); return the
    clusters it wrote and the seconds it took."""
    import time

    from lentera.linkage.cli import main

    started = time.perf_counter()
    code = main([*map(str, inputs), "--out", str(out), *extra])
    elapsed = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"lentera link exited with {code}")
    with out.open(newline="", encoding="utf-8") as handle:
        clusters = {(r["source"], r["id"]): r["cluster_id"] for r in csv.DictReader(handle)}
    return clusters, elapsed


def rows_from_csv(paths: Iterable[Path]) -> tuple[list[dict[str, str]], list[Key]]:
    """Flat rows for the baselines (whole dates as ISO, others as written), and their keys."""
    from lentera.linkage import read_csv_records

    rows, keys = [], []
    for path in paths:
        for record in read_csv_records(path):
            rows.append(
                {
                    "name": record.name,
                    "given_name": record.given_name,
                    "family_name": record.family_name,
                    # an impossible or partial date as written: the baselines get it too
                    "birth_date": record.birth_date.isoformat()
                    if record.birth_date
                    else record.birth_date_written,
                    "sex": record.sex,
                    "national_id": record.national_id,
                    "phone": record.phone,
                    "address": record.address,
                    "region": record.region,
                }
            )
            keys.append(record.key)
    return rows, keys


def machine() -> str:
    import os
    import platform

    return f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
