"""Harder cases written for issue #15, item 7: WhatsApp spelling, slang, abbreviations, amounts in
words, English mixed in, relatives as recruiters, "tourists" recruited for scam compounds.

tests/screening/data/ holds two splits written at the same time, before any rule was changed:
``*-tune`` (the rules were improved looking at its misses) and ``*-test`` (never looked at while
tuning; its figures are the honest ones). The bars are the issue's: at least 80% of the red
flags a reviewer marks, 95% of departure levels and every required action, ranking kept.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lentera.screening import parse_departure, parse_offer, screen_departure, screen_offer

DATA = Path(__file__).parent / "data"


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line]


def auc(pos: list[float], neg: list[float]) -> float:
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def offer_figures(split: str) -> dict[str, float]:
    labels = {row["id"]: row for row in load(f"hard-offer-labels-{split}.jsonl")}
    pos, neg, hit, total, safe_low = [], [], 0, 0, 0
    for line, row in enumerate(load(f"hard-offers-{split}.jsonl"), start=1):
        result = screen_offer(parse_offer(row, line=line))
        label = labels[row["id"]]
        risky = label["label"] == "risk"
        (pos if risky else neg).append(result.risk)
        safe_low += (not risky) and result.level == "low"
        found = {f.code for f in result.flags}
        total += len(label["flags"])
        hit += sum(code in found for code in label["flags"])
    return {"auc": auc(pos, neg), "flags": hit / total, "safe_low": safe_low / len(neg)}


def departure_figures(split: str) -> dict[str, float]:
    expected = {row["id"]: row for row in load(f"hard-departure-expected-{split}.jsonl")}
    right = hit = total = 0
    for line, row in enumerate(load(f"hard-departures-{split}.jsonl"), start=1):
        result = screen_departure(parse_departure(row, line=line))
        want = expected[row["id"]]
        right += result.level == want["level"]
        total += len(want["actions"])
        hit += sum(a in result.actions for a in want["actions"])
    return {"levels": right / len(expected), "actions": hit / total}


def test_the_splits_do_not_share_texts():
    tune = {row["text"] for row in load("hard-offers-tune.jsonl")}
    test = {row["text"] for row in load("hard-offers-test.jsonl")}
    train = Path(__file__).parents[2] / "src/lentera/screening/data/training/offers.jsonl"
    trained = {json.loads(line)["text"] for line in train.read_text("utf-8").splitlines()}
    assert not tune & test and not (tune | test) & trained


@pytest.mark.parametrize("split", ["tune", "test"])
def test_hard_offers_meet_the_issues_bar(split):
    figures = offer_figures(split)
    assert figures["auc"] >= 0.95
    assert figures["safe_low"] >= 0.8
    assert figures["flags"] >= 0.80


@pytest.mark.parametrize("split", ["tune", "test"])
def test_hard_departures_meet_the_issues_bar(split):
    figures = departure_figures(split)
    assert figures["levels"] >= 0.95
    assert figures["actions"] == 1.0
