"""The acceptance bar on held-out sets written for this purpose and never used for training.

tests/screening/heldout/ holds 95 offers (50 risky, 45 safe: lawful offers with good pay,
government programmes, official warnings, ordinary local jobs) and 20 departure interviews,
written apart from the training data in src/lentera/screening/data/training/.
"""

import json
from pathlib import Path

from lentera.screening import parse_departure, parse_offer, screen_departure, screen_offer

HERE = Path(__file__).parent / "heldout"


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines()]


def auc(pos: list[float], neg: list[float]) -> float:
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def test_training_and_heldout_sets_do_not_overlap():
    train = Path(__file__).parents[2] / "src/lentera/screening/data/training/offers.jsonl"
    train_texts = {json.loads(line)["text"] for line in train.read_text("utf-8").splitlines()}
    assert not train_texts & {row["text"] for row in load("offers.jsonl")}


def test_offers_meet_the_bar():
    labels = {row["id"]: row for row in load("offer-labels.jsonl")}
    pos, neg, tp, fp, fn, safe_low, flag_hit, flag_total = [], [], 0, 0, 0, 0, 0, 0
    for line, row in enumerate(load("offers.jsonl"), start=1):
        result = screen_offer(parse_offer(row, line=line))
        label = labels[row["id"]]
        risky = label["label"] == "risk"
        (pos if risky else neg).append(result.risk)
        high = result.level == "high"
        tp, fp, fn = tp + (risky and high), fp + (high and not risky), fn + (risky and not high)
        safe_low += (not risky) and result.level == "low"
        found = {f.code for f in result.flags}
        flag_total += len(label["flags"])
        flag_hit += sum(code in found for code in label["flags"])
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert len(pos) == 50 and len(neg) == 45
    assert auc(pos, neg) >= 0.95
    assert f1 >= 0.90
    assert safe_low / len(neg) >= 0.85
    assert flag_hit / flag_total >= 0.85


def test_departures_meet_the_bar():
    expected = {row["id"]: row for row in load("departure-expected.jsonl")}
    right = hit = total = 0
    for line, row in enumerate(load("departures.jsonl"), start=1):
        result = screen_departure(parse_departure(row, line=line))
        want = expected[row["id"]]
        right += result.level == want["level"]
        total += len(want["actions"])
        hit += sum(a in result.actions for a in want["actions"])
    assert right / len(expected) >= 0.9
    assert hit == total
