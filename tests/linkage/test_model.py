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
