"""The training script rebuilds a model the screener can load (on a small sample, to stay fast)."""

import json
from pathlib import Path

from lentera.screening import MODEL_VERSION, train

DATA = Path(train.__file__).parent / "data" / "training" / "offers.jsonl"


def test_training_data_is_labelled_and_balanced_enough():
    texts, labels, ids = train.load_examples(DATA)
    assert len(texts) >= 400 and len(set(ids)) == len(ids)
    assert 0.4 <= sum(labels) / len(labels) <= 0.65


def test_train_writes_auditable_json(tmp_path, monkeypatch):
    lines = DATA.read_text(encoding="utf-8").splitlines()
    sample = [line for i, line in enumerate(lines) if i % 6 == 0]
    data = tmp_path / "sample.jsonl"
    data.write_text("\n".join(sample) + "\n", encoding="utf-8")
    monkeypatch.setattr(train, "C_GRID", (1.0,))
    out = tmp_path / "model.json"
    assert train.main(["--data", str(data), "--out", str(out)]) == 0
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["model_version"] == MODEL_VERSION
    assert model["training"]["examples"] == len(sample)
    assert model["training"]["cv_auc"] > 0.8
    assert 0 < model["thresholds"]["medium"] < model["thresholds"]["high"] < 1
    assert train.main(["--data", str(data), "--out", str(out), "--check"]) == 0
    out.write_text("{}", encoding="utf-8")
    assert train.main(["--data", str(data), "--out", str(out), "--check"]) == 1
