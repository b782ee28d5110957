"""Benchmark the qualification engine: cases per second, in-process and through the CLI.

Cases are generated with a fixed seed (random acts, means, purposes, movement, victims,
perpetrators and flags; a share with one to three unknown elements, which makes the engine
evaluate every way they could turn out). Prints the figures and writes
``bench/reports/qualify.md``. Run:

    .venv/bin/python bench/qualify_bench.py             # 2,000 cases
    .venv/bin/python bench/qualify_bench.py --cases 500
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from lentera.law import ENGINE_VERSION, FACT_CODES, parse_facts, qualify

SEED = 20260102
JUDGED_ON = date(2026, 11, 23)
REPORT = Path(__file__).resolve().parent / "reports" / "qualify.md"
FLAGS = (
    "exploitation_occurred",
    "organised_group",
    "adoption_with_payment",
    "document_forgery",
    "illegal_entry_for_profit",
    "incitement_without_offence",
)


def _some(rng: random.Random, field: str, most: int) -> list[str]:
    return rng.sample(FACT_CODES[field], rng.randint(0, most))


def generate(rng: random.Random, index: int, unknowns: int) -> dict[str, Any]:
    """One random case; ``unknowns`` elements are listed as not known yet."""
    start = date(2008, 1, 1).toordinal()
    case: dict[str, Any] = {
        "id": f"bench-{index}",
        "offence_date": date.fromordinal(
            rng.randint(start, date(2030, 12, 31).toordinal())
        ).isoformat(),
        "acts": _some(rng, "acts", 3),
        "means": _some(rng, "means", 2),
        "purposes": _some(rng, "purposes", 2),
        "movement": rng.choice(FACT_CODES["movement"]),
        "victims": [
            {
                "age_at_offence": rng.choice([None, rng.randint(1, 60)]),
                "citizenship": rng.choice(["ID", "ID", "MY", "AF"]),
                "harms": _some(rng, "harms", 1),
            }
            for _ in range(rng.randint(0, 3))
        ],
        "perpetrators": [
            {"kind": rng.choice(["individual", "individual", "corporation"])}
            for _ in range(rng.randint(0, 2))
        ],
        "unknown": rng.sample(FACT_CODES["unknown"], unknowns),
    }
    for flag in FLAGS:
        case[flag] = rng.random() < 0.2
    return case


def timed_in_process(cases: list[dict[str, Any]]) -> tuple[float, list[float], Counter[str]]:
    """Total seconds, per-case milliseconds and outcomes for parse + qualify."""
    per_case = []
    outcomes: Counter[str] = Counter()
    started = time.perf_counter()
    for case in cases:
        one = time.perf_counter()
        result = qualify(parse_facts(case), today=JUDGED_ON)
        per_case.append((time.perf_counter() - one) * 1000)
        outcomes[result.outcome] += 1
    return time.perf_counter() - started, per_case, outcomes


def timed_cli(cases: list[dict[str, Any]]) -> float:
    """Wall seconds for one `lentera qualify` run over all cases (start-up included)."""
    lentera = Path(sys.executable).with_name("lentera")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cases.jsonl"
        path.write_text("\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8")
        started = time.perf_counter()
        run = subprocess.run(
            [str(lentera), "qualify", str(path), "--today", JUDGED_ON.isoformat()],
            capture_output=True,
            text=True,
            check=True,
        )
        elapsed = time.perf_counter() - started
    assert len(run.stdout.splitlines()) == len(cases)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    rng = random.Random(SEED)
    plain = [generate(rng, n, 0) for n in range(args.cases)]
    open_ = [generate(rng, n, rng.randint(1, 3)) for n in range(args.cases)]
    worst = [generate(rng, n, 6) for n in range(max(50, args.cases // 20))]

    qualify(parse_facts(plain[0]), today=JUDGED_ON)  # load the tables before timing
    rows = []
    for name, cases in (
        ("no unknown elements", plain),
        ("1-3 unknown elements", open_),
        ("all 6 elements unknown", worst),
    ):
        total, per_case, outcomes = timed_in_process(cases)
        rows.append(
            (
                name,
                len(cases),
                len(cases) / total,
                statistics.median(per_case),
                statistics.quantiles(per_case, n=100)[98],
                dict(sorted(outcomes.items())),
            )
        )
    cli_seconds = timed_cli(plain)

    lines = [
        "# Qualification engine benchmark",
        "",
        f"Engine {ENGINE_VERSION}; seed {SEED}; judged on {JUDGED_ON.isoformat()}; "
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {load:.1f} at the start (other work on the "
        f"machine slows these figures). Reproduce: `.venv/bin/python bench/qualify_bench.py "
        f"--cases {args.cases}`.",
        "",
        "| Cases | N | Cases/s | Median ms | p99 ms | Outcomes |",
        "|---|---|---|---|---|---|",
    ]
    for name, count, rate, median, p99, outcomes in rows:
        lines.append(f"| {name} | {count} | {rate:,.0f} | {median:.2f} | {p99:.2f} | {outcomes} |")
    lines += [
        "",
        f"CLI, one `lentera qualify` run over the {len(plain)} cases without unknowns, "
        f"start-up included: {cli_seconds:.2f} s ({len(plain) / cli_seconds:,.0f} cases/s).",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
