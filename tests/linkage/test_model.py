"""The saved model: versioned, complete, and refused when it does not fit the code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lentera.linkage import ModelError
from lentera.linkage._model import (
    MODEL_PATH,
    MODEL_VERSION,
    level_keys,
    load_parameters,
    save_parameters,
)


def test_saved_model_fits_the_comparisons() -> None:
    params = load_parameters()
    assert set(params.levels) == set(level_keys())
    assert 0 < params.probability_two_random_records_match < 1
    assert params.metadata["trained_with"] == "bench/linkage_train.py"
    for m, u in params.levels.values():
        assert m is not None and 0 < m <= 1
        assert u is not None and 0 < u <= 1


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    save_parameters(load_parameters(), path)
    again = load_parameters(path)
    assert again.levels == load_parameters().levels
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == MODEL_VERSION


def test_other_version_is_refused(tmp_path: Path) -> None:
    document = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    document["version"] = MODEL_VERSION + 1
    path = tmp_path / "future.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ModelError, match="version"):
        load_parameters(path)


def test_missing_level_is_refused(tmp_path: Path) -> None:
    from lentera.linkage._model import settings

    params = load_parameters()
    broken = type(params)(
        params.probability_two_random_records_match,
        dict(list(params.levels.items())[1:]),
        params.metadata,
    )
    with pytest.raises(ModelError, match="retrain"):
        settings(broken)
    with pytest.raises(ModelError, match="no trained linkage model"):
        load_parameters(tmp_path / "absent.json")


def test_edit_distance_guard_never_changes_a_level() -> None:
    """The cheap guard before the Damerau-Levenshtein distance is a necessary condition:
    with and without it, the same pairs are within one (or two) edits."""
    import random

    import duckdb
    import splink.comparison_level_library as cll

    from lentera.linkage._model import _within_edits

    rng = random.Random(7)

    def variant(word: str) -> str:
        chars = list(word)
        for _ in range(rng.randint(0, 3)):
            i = rng.randrange(len(chars) + 1)
            edit = rng.choice(("sub", "del", "ins", "swap"))
            if edit == "sub" and i < len(chars):
                chars[i] = rng.choice("ab1")
            elif edit == "del" and i < len(chars):
                del chars[i]
            elif edit == "ins":
                chars.insert(i, rng.choice("ab1"))
            elif edit == "swap" and i + 1 < len(chars):
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
        return "".join(chars)

    rows = []
    for _ in range(5000):
        word = "".join(rng.choice("ab1") for _ in range(rng.randint(0, 12)))
        rows.append((word, variant(word)))
    rows += [(None, "a"), ("a", None), ("", ""), ("", "a"), ("ab", "ba"), ("a", "b")]
    con = duckdb.connect()
    con.execute("create table t (v_l varchar, v_r varchar)")
    con.executemany("insert into t values (?, ?)", rows)
    for edits in (1, 2):
        guarded = _within_edits("v", edits).get_comparison_level("duckdb").sql_condition
        plain = cll.DamerauLevenshteinLevel("v", edits).get_comparison_level("duckdb")
        differ = f"coalesce(({guarded}), false) <> coalesce(({plain.sql_condition}), false)"
        query = f"select count(*) from t where {differ}"  # noqa: S608 - the model's own SQL
        assert con.execute(query).fetchone() == (0,)
        condition = plain.sql_condition
        within = con.execute(f"select count(*) from t where {condition}").fetchone()  # noqa: S608
        assert within is not None and 500 < within[0] < len(rows)
