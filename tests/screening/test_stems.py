"""The shipped stem table (a start-up cache, issue #21 item 5) is Sastrawi's own output for the
training words, and up to date with the training texts."""

from __future__ import annotations

import json
from pathlib import Path

from lentera.screening._normalize import _stem_table, sastrawi_stem, stem
from lentera.screening.train import DEFAULT_DATA, STEMS_OUT, stem_table


def test_the_table_is_what_sastrawi_says_and_up_to_date():
    shipped = json.loads(Path(STEMS_OUT).read_text("utf-8"))
    assert shipped == stem_table(DEFAULT_DATA)  # else: python -m lentera.screening.train --stems
    table = _stem_table()
    assert len(table) > 1000
    for word in list(table)[::40]:
        assert table[word] == sastrawi_stem(word) == stem(word)


def test_a_word_outside_the_table_is_stemmed_by_sastrawi():
    word = "keberangkatannya"
    assert word not in _stem_table()
    assert stem(word) == sastrawi_stem(word) == "berangkat"
