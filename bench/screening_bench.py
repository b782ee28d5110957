"""Throughput of the screening core and its CLI: offers per second, departures per second.

    .venv/bin/python bench/screening_bench.py [--n 3000]

Offers: the training texts and the held-out texts, repeated to --n texts, screened in one
process (first pass with empty caches, then a second pass with warm Sastrawi and regex caches),
and through `lentera screen offer FILE` as a batch (process start, model load and output
included). Departures: the held-out interviews, varied, repeated to --n. Prints the figures and
writes bench/reports/screening.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT / "src/lentera/screening/data/training/offers.jsonl"
HELDOUT = ROOT / "tests/screening/heldout"
REPORT = ROOT / "bench/reports/screening.md"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def offers(n: int) -> list[dict]:
    base = [{"id": r["id"], "text": r["text"]} for r in load(TRAIN)]
    base += [{"id": r["id"], "text": r["text"]} for r in load(HELDOUT / "offers.jsonl")]
    return [{**base[i % len(base)], "id": f"o{i}"} for i in range(n)]


def departures(n: int) -> list[dict]:
    rng = random.Random(7)
    base = load(HELDOUT / "departures.jsonl")
    out = []
    for i in range(n):
        row = dict(base[i % len(base)], id=f"d{i}")
        if row.get("age") is not None:
            row["age"] = max(10, row["age"] + rng.randint(-3, 3))
        row["group_size"] = rng.randint(0, 12)
        out.append(row)
    return out


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def cli_rate(kind: str, rows: list[dict]) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        path = f.name
    try:
        exe = Path(sys.executable).with_name("lentera")
        cmd = [str(exe), "screen", kind, path]
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        elapsed = time.perf_counter() - start
        assert len(done.stdout.splitlines()) == len(rows)
        return len(rows) / elapsed
    finally:
        os.unlink(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=3000)
    args = parser.parse_args()

    from lentera.screening import (
        MODEL_VERSION,
        departure_rules_version,
        parse_departure,
        parse_offer,
        screen_departure,
        screen_offer,
    )

    offer_rows = offers(args.n)
    parsed = [parse_offer(r) for r in offer_rows]
    cold = timed(lambda: [screen_offer(o) for o in parsed])
    warm = timed(lambda: [screen_offer(o) for o in parsed])
    dep_rows = departures(args.n)
    parsed_d = [parse_departure(r) for r in dep_rows]
    timed(lambda: screen_departure(parsed_d[0]))  # load rules and policy once
    dep_time = timed(lambda: [screen_departure(d) for d in parsed_d])
    offer_cli = cli_rate("offer", offer_rows)
    dep_cli = cli_rate("departure", dep_rows)
    load1 = os.getloadavg()[0]

    figures = [
        ("offers, in process, first pass (cold caches)", args.n / cold),
        ("offers, in process, second pass (warm caches)", args.n / warm),
        ("offers, `lentera screen offer FILE` (whole batch)", offer_cli),
        ("departures, in process", args.n / dep_time),
        ("departures, `lentera screen departure FILE` (whole batch)", dep_cli),
    ]
    for name, rate in figures:
        print(f"{name}: {rate:,.0f} per second")
    lines = [
        "# Screening benchmark",
        "",
        f"Command: `.venv/bin/python bench/screening_bench.py --n {args.n}`",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, load average (1 min) at the end {load1:.2f}. "
        f"Offer model `{MODEL_VERSION}`, departure rules `{departure_rules_version()}`.",
        "",
        f"{args.n} offers (training and held-out texts repeated) and {args.n} departure "
        "interviews (held-out profiles, varied). One process, one thread.",
        "",
        "| What | Per second |",
        "|---|---:|",
        *[f"| {name} | {rate:,.0f} |" for name, rate in figures],
        "",
        "The first offer pass loads the model and stems each distinct word once with Sastrawi",
        "(cached afterwards); with repeated texts most of it already runs on warm caches, so the",
        "two passes differ mostly by machine noise. The CLI figures include starting Python,",
        "reading and checking every line, and writing JSON Lines. Figures vary with the load of",
        "the machine (other test suites were running here); rerun the command to compare.",
        "",
    ]
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
