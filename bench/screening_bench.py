"""Throughput of the screening core and its CLI: offers per second, departures per second.

    .venv/bin/python bench/screening_bench.py [--n 3000]

Offers: the training texts and the held-out texts, repeated to --n texts, screened in one
process (first pass with empty caches, then a second pass with warm Sastrawi and regex caches),
and through `lentera screen offer FILE` as a batch (process start, model load and output
included). Departures: the held-out interviews, varied, repeated to --n. Each rate is given per
second of wall time and per second of CPU time of the process doing the work: on a machine
shared with other jobs the wall figure falls with the load, the CPU figure much less. The
accuracy figures (held-out sets, and the test split of the harder cases in
tests/screening/data) are printed beside them, so a faster screening is seen to be the same
screening. Prints the figures and writes bench/reports/screening.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT / "src/lentera/screening/data/training/offers.jsonl"
HELDOUT = ROOT / "tests/screening/heldout"
HARD = ROOT / "tests/screening/data"
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


def timed(fn) -> tuple[float, float]:
    """Wall and CPU seconds of ``fn()``."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli_rate(kind: str, rows: list[dict]) -> tuple[float, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        path = f.name
    try:
        exe = Path(sys.executable).with_name("lentera")
        cmd = [str(exe), "screen", kind, path]
        start, cpu = time.perf_counter(), child_cpu()
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        elapsed, used = time.perf_counter() - start, child_cpu() - cpu
        assert len(done.stdout.splitlines()) == len(rows)
        return len(rows) / elapsed, len(rows) / used
    finally:
        os.unlink(path)


def _auc(pos: list[float], neg: list[float]) -> float:
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def offer_accuracy(texts: Path, labels: Path) -> tuple[float, float, float, float]:
    """AUC of risk, F1 of "high" for risky texts, share of safe texts rated low, flag recall."""
    from lentera.screening import parse_offer, screen_offer

    want = {row["id"]: row for row in load(labels)}
    pos, neg, tp, fp, fn, safe_low, hit, total = [], [], 0, 0, 0, 0, 0, 0
    for row in load(texts):
        result = screen_offer(parse_offer(row))
        label = want[row["id"]]
        risky = label["label"] == "risk"
        (pos if risky else neg).append(result.risk)
        high = result.level == "high"
        tp, fp, fn = tp + (risky and high), fp + (high and not risky), fn + (risky and not high)
        safe_low += (not risky) and result.level == "low"
        found = {f.code for f in result.flags}
        total += len(label["flags"])
        hit += sum(code in found for code in label["flags"])
    f1 = 2 * tp / (2 * tp + fp + fn)
    return _auc(pos, neg), f1, safe_low / len(neg), hit / total


def departure_accuracy(interviews: Path, expected: Path) -> tuple[float, float]:
    """Share of levels right, share of required actions found."""
    from lentera.screening import parse_departure, screen_departure

    want = {row["id"]: row for row in load(expected)}
    right = hit = total = 0
    for row in load(interviews):
        result = screen_departure(parse_departure(row))
        right += result.level == want[row["id"]]["level"]
        total += len(want[row["id"]]["actions"])
        hit += sum(a in result.actions for a in want[row["id"]]["actions"])
    return right / len(want), hit / total


def accuracy() -> list[tuple[str, str]]:
    out = []
    for name, texts, labels in (
        ("held-out offers", HELDOUT / "offers.jsonl", HELDOUT / "offer-labels.jsonl"),
        (
            "harder offers, test split",
            HARD / "hard-offers-test.jsonl",
            HARD / "hard-offer-labels-test.jsonl",
        ),
    ):
        auc, f1, safe_low, flags = offer_accuracy(texts, labels)
        out.append(
            (
                f"{name}: AUC / F1 of high / safe rated low / flag recall",
                f"{auc:.3f} / {f1:.3f} / {safe_low:.3f} / {flags:.3f}",
            )
        )
    for name, interviews, expected in (
        ("held-out departures", HELDOUT / "departures.jsonl", HELDOUT / "departure-expected.jsonl"),
        (
            "harder departures, test split",
            HARD / "hard-departures-test.jsonl",
            HARD / "hard-departure-expected-test.jsonl",
        ),
    ):
        levels, actions = departure_accuracy(interviews, expected)
        out.append(
            (f"{name}: levels right / required actions found", f"{levels:.3f} / {actions:.3f}")
        )
    return out


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

    load0 = os.getloadavg()[0]
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

    def rates(elapsed: tuple[float, float]) -> tuple[float, float]:
        return args.n / elapsed[0], args.n / elapsed[1]

    figures = [
        ("offers, in process, first pass (cold caches)", rates(cold)),
        ("offers, in process, second pass (warm caches)", rates(warm)),
        ("offers, `lentera screen offer FILE` (whole batch)", offer_cli),
        ("departures, in process", rates(dep_time)),
        ("departures, `lentera screen departure FILE` (whole batch)", dep_cli),
    ]
    for name, (wall, cpu) in figures:
        print(f"{name}: {wall:,.0f} per second ({cpu:,.0f} per CPU second)")
    quality = accuracy()
    for name, value in quality:
        print(f"{name}: {value}")
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
        f"Load average (1 min) at the start {load0:.2f}.",
        "",
        "| What | Per second (wall) | Per CPU second |",
        "|---|---:|---:|",
        *[f"| {name} | {wall:,.0f} | {cpu:,.0f} |" for name, (wall, cpu) in figures],
        "",
        "Accuracy of the same build (the bars of tests/screening/test_heldout.py and",
        "tests/screening/test_hard.py):",
        "",
        "| Figure | Value |",
        "|---|---:|",
        *[f"| {name} | {value} |" for name, value in quality],
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
