"""Scale run: one million generated records through `lentera link` on this machine.

Generates (once) three national-style registers of ~530,000 people (~1,000,000 records; see
bench/data/idn_registers.py --profile national), runs the console command in a child process
and reports wall time, records per minute, peak memory (largest resident set of the command
and its worker processes) and, because the generator knows the truth, pairwise quality.
Not part of the test suite. Takes several minutes.

    .venv/bin/python bench/linkage_scale.py [--people 530000]   # writes bench/reports/linkage-scale.md
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linkage_common import AGENCY_FILES, ROOT, idn_dataset, machine, pairwise_quality, read_truth

#: Earlier runs of this benchmark, as their reports gave them (same data, same command).
EARLIER_RUNS = (
    "| 1b2d065 (first version), its report | 594 s (9.9 min) | 103,640 | 6.23 GiB | 34,073,966 "
    "| 0.9567 |",
    "| 1b2d065 linkage code, re-run 2026-12-04 under `/usr/bin/time` | 433 s (7.2 min) "
    "| 142,341 | 6.19 GiB | 34,073,966 | 0.9567 |",
    "| 00931a8 (before issue #19 round 2), its report | 125 s (2.1 min) | 494,021 | 5.74 GiB "
    "| 12,834,343 | 0.9569 |",
)
#: The memory the issue sets (#19, item 5).
PEAK_LIMIT_GIB = 4.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=530_000)
    parser.add_argument("--seed", type=int, default=1_000_000)
    args = parser.parse_args()
    folder = idn_dataset(
        "scale-1m" if args.people == 530_000 else f"scale-{args.people}",
        people=args.people, seed=args.seed, profile="national",
    )  # fmt: skip
    paths = [folder / f for f in AGENCY_FILES]
    out = folder / "clusters.csv"
    # paths relative to the repository, so the report holds no machine path
    relative = [str(p.relative_to(ROOT)) for p in [*paths, out]]
    command = [
        str(ROOT / ".venv" / "bin" / "lentera"),
        "link",
        *relative[:-1],
        "--out",
        relative[-1],
    ]
    log = folder / "lentera-link.log"
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as err:
        run = subprocess.run(
            command, stdout=subprocess.PIPE, stderr=err, text=True, check=False, cwd=ROOT
        )
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    progress = log.read_text(encoding="utf-8")
    if run.returncode != 0:
        raise SystemExit(f"lentera link failed ({run.returncode}):\n{progress}")
    summary = run.stdout.strip().splitlines()[-1]
    with out.open(newline="", encoding="utf-8") as handle:
        clusters = {(r["source"], r["id"]): r["cluster_id"] for r in csv.DictReader(handle)}
    records = len(clusters)
    quality = pairwise_quality(clusters, read_truth(folder / "truth.csv"))
    per_minute = records / seconds * 60
    lines = [
        "# Linkage scale run",
        "",
        f"Reproduce: `.venv/bin/python bench/linkage_scale.py` (machine: {machine()}; the "
        "machine was shared with other work while this ran, so times are upper bounds).",
        "",
        f"Data: `bench/data/idn_registers.py --people {args.people} --seed {args.seed} "
        f"--profile national`: three registers, {records:,} records in all.",
        "",
        "Command: `lentera link polres.csv dinsos.csv bp3mi.csv --out clusters.csv` (DuckDB "
        "backend, default threshold), run as a child process.",
        "",
        "| Figure | Value |",
        "|---|---|",
        f"| Records | {records:,} |",
        f"| Wall time | {seconds:,.0f} s ({seconds / 60:.1f} min) |",
        f"| Records per minute | {per_minute:,.0f} |",
        f"| Peak memory (largest process) | {peak_kib / 1024 / 1024:.2f} GiB "
        f"({'under' if peak_kib / 1024 / 1024 < PEAK_LIMIT_GIB else 'NOT under'} "
        f"{PEAK_LIMIT_GIB:.0f} GiB) |",
        f"| Load average at the end (1, 5, 15 min) | {os.getloadavg()[0]:.1f}, "
        f"{os.getloadavg()[1]:.1f}, {os.getloadavg()[2]:.1f} |",
        f"| Summary line | `{summary}` |",
        f"| Pairwise precision / recall / F1 | {quality.precision:.4f} / {quality.recall:.4f} / "
        f"{quality.f1:.4f} |",
        "",
        "Earlier runs on this machine, same data and command (each as measured then):",
        "",
        "| Code | Wall time | Records per minute | Peak memory | Candidate pairs | F1 |",
        "|---|---|---|---|---|---|",
        *EARLIER_RUNS,
        "",
        "Progress as the command printed it:",
        "",
        "```",
        *[line for line in progress.splitlines() if line.startswith("[")][-14:],
        "```",
        "",
    ]
    report = ROOT / "bench" / "reports" / "linkage-scale.md"
    report.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
