"""The word-start gate (issue #21, item 5) skips only what cannot match: the rules find exactly
what running every pattern over the whole text finds."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from lentera.screening._gate import Gate, needs
from lentera.screening._normalize import find_money, fold
from lentera.screening._rules import _gate

ROOT = Path(__file__).parents[2]


def corpus() -> list[str]:
    texts = []
    for path in (
        ROOT / "src/lentera/screening/data/training/offers.jsonl",
        ROOT / "tests/screening/heldout/offers.jsonl",
        *sorted((ROOT / "tests/screening/data").glob("hard-offers-*.jsonl")),
    ):
        texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]
    rng = random.Random(21)
    shuffled = []
    for text in texts[:150]:
        words = text.split()
        rng.shuffle(words)
        shuffled.append(" ".join(words))
    return texts + shuffled + [t.upper() for t in texts[:50]]


def test_every_gated_pattern_finds_what_finditer_finds():
    gate = _gate()
    assert len(gate.gated) > 40  # most rule patterns are gated
    for text in corpus():
        folded = fold(text)
        starts = gate.starts(folded)
        for pattern in gate.gated:
            expected = [m.span() for m in pattern.finditer(folded)]
            assert [m.span() for m in starts.finditer(pattern, folded)] == expected, (
                pattern.pattern[:60],
                text,
            )


def test_prefixes_are_read_from_the_pattern():
    need = needs(re.compile(r"(?<![\w-])(?:tanpa (?:biaya|fee)|gratis|free of)(?![\w-])"))
    assert need is not None and need.words == {"tanpa", "gratis", "free"} and not need.heads
    open_end = needs(re.compile(r"(?<![\w-])(?:dipotong|potong)(?:nya)?(?![\w-])"))
    assert open_end is not None and open_end.heads == {"dipo", "poto"}
    no_end = needs(re.compile(r"(?<![\w-])(?:pt|ud)"))  # "udah" starts with "ud": not a word
    assert no_end is not None and not no_end.words and no_end.heads == {"pt", "ud"}
    digits = needs(re.compile(r"(?<![\w-])\d+ hari"))
    assert digits is not None and digits.heads == set("0123456789")
    assert needs(re.compile(r"(?<![\w-])[a-z]+ hari")) is None  # any letter: always run
    assert needs(re.compile(r"(?<![\w-])@\w+")) is None  # starts with a sign: always run
    assert needs(re.compile(r"tanpa biaya")) is None  # not a word-start pattern
    gate = Gate([re.compile(r"(?<![\w-])(?:kerja|job)(?![\w-])")])
    starts = gate.starts("mau kerja? cari job-job di sini, kerja keras")
    matches = starts.finditer(
        next(iter(gate.gated)), "mau kerja? cari job-job di sini, kerja keras"
    )
    assert [m.group() for m in matches] == ["kerja", "kerja"]  # "job-job" is one word


def test_amounts_in_words_and_per_night_pay():
    def read(text: str) -> list[tuple[int, str | None, int | None]]:
        return [(m.high_idr, m.period, m.monthly_idr) for m in find_money(text)]

    assert read("gajinya dua puluh juta sebulan") == [(20_000_000, "month", 20_000_000)]
    assert read("gaji lima belas juta perbulan") == [(15_000_000, "month", 15_000_000)]
    assert read("bayaran seratus dua puluh ribu") == [(120_000, None, 120_000)]
    assert read("salary twenty five thousand dollars")[0][0] == 25_000 * 16_000
    assert read("pendapatan 500rb per malam") == [(500_000, "day", 13_000_000)]
    assert read("nomor satu dua tiga juta") == []  # figures read out, not one number
