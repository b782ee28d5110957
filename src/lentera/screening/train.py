"""Train the offer-screening model and write ``data/offer_model.json``.

    python -m lentera.screening.train [--data PATH] [--out PATH] [--check]

Reads the written examples in ``data/training/offers.jsonl`` (``id``, ``text``, ``source``,
``label`` = ``risk`` or ``safe``), turns each text into the same features ``screen_offer`` uses
(red-flag rule hits, context signals, stemmed words and word pairs), and fits an L2 logistic
regression with scikit-learn. Rule and signal features are scaled up before fitting so the
penalty holds them back less than single words: the model leans on explainable rules and uses
words to break ties. The regularisation strength is chosen by stratified 5-fold cross-validation
(ROC AUC); the level thresholds are chosen on the out-of-fold scores (``high`` is the threshold nearest
0.5 whose F1 of "high" for risky texts is within 0.01 of the best, ``medium`` keeps 95% of safe
texts ``low``). The result is plain JSON:
intercept, one weight per feature, thresholds and the cross-validated figures.

``--check`` retrains in memory and exits 1 if the shipped JSON differs (for CI).
The public examples in ``shared/examples`` and the held-out set in ``tests/screening/heldout``
are never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lentera.screening._offer import MODEL_VERSION, featurize

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_DATA = DATA_DIR / "training" / "offers.jsonl"
DEFAULT_OUT = DATA_DIR / "offer_model.json"
RULE_SCALE = 3.0  # rule and signal features count this much more against the L2 penalty
MIN_DOCS = 2  # a word must appear in at least this many training texts
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
SEED = 20260101


def load_examples(path: Path) -> tuple[list[str], list[int], list[str]]:
    texts, labels, ids = [], [], []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("label") not in ("risk", "safe") or not isinstance(row.get("text"), str):
                raise SystemExit(f"{path}:{number}: needs text and label risk|safe")
            texts.append(row["text"])
            labels.append(1 if row["label"] == "risk" else 0)
            ids.append(str(row.get("id", number)))
    return texts, labels, ids


def _scaled(feats: dict[str, float], vocab: set[str]) -> dict[str, float]:
    out = {}
    for key, value in feats.items():
        if key.startswith("tok:"):
            if key in vocab:
                out[key] = value
        else:
            out[key] = value * RULE_SCALE
    return out


def _vocabulary(rows: Sequence[dict[str, float]]) -> set[str]:
    counts: Counter[str] = Counter()
    for feats in rows:
        counts.update(k for k in feats if k.startswith("tok:"))
    return {k for k, n in counts.items() if n >= MIN_DOCS}


def _fit(rows: Sequence[dict[str, float]], labels: Sequence[int], c: float) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vocab = _vocabulary(rows)
    vec = DictVectorizer()
    x = vec.fit_transform([_scaled(r, vocab) for r in rows])
    clf = LogisticRegression(C=c, max_iter=5000, solver="lbfgs")
    clf.fit(x, labels)
    return vec, clf, vocab


def _predict(model: Any, rows: Sequence[dict[str, float]]) -> list[float]:
    vec, clf, vocab = model
    x = vec.transform([_scaled(r, vocab) for r in rows])
    return [float(p) for p in clf.predict_proba(x)[:, 1]]


def _out_of_fold(rows: list[dict[str, float]], labels: list[int], c: float) -> list[float]:
    from sklearn.model_selection import StratifiedKFold

    scores = [0.0] * len(rows)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    for train, test in folds.split(rows, labels):
        model = _fit([rows[i] for i in train], [labels[i] for i in train], c)
        for i, p in zip(test, _predict(model, [rows[i] for i in test]), strict=True):
            scores[i] = p
    return scores


def _auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores))


def _f1_high(scores: Sequence[float], labels: Sequence[int], t: float) -> float:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= t and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= t and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < t and y)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def choose_thresholds(scores: Sequence[float], labels: Sequence[int]) -> tuple[float, float]:
    grid = [i / 100 for i in range(20, 91)]
    # Near-best F1 (within 0.01 of the best); among those the threshold nearest 0.5, which
    # depends least on how the probabilities happen to be calibrated.
    best = max(_f1_high(scores, labels, t) for t in grid)
    high = min(
        (t for t in grid if _f1_high(scores, labels, t) >= best - 0.01),
        key=lambda t: abs(t - 0.5),
    )
    safe = sorted(s for s, y in zip(scores, labels, strict=True) if not y)
    q95 = safe[min(len(safe) - 1, int(0.95 * len(safe)))] if safe else 0.25
    medium = min(high - 0.05, max(0.2, round(q95 + 0.005, 3)))
    return round(high, 3), round(medium, 3)


def train(data: Path) -> dict[str, Any]:
    texts, labels, _ids = load_examples(data)
    rows = [featurize(t) for t in texts]
    best_c, best_auc, best_oof = C_GRID[0], -1.0, [0.0] * len(rows)
    for c in C_GRID:
        oof = _out_of_fold(rows, labels, c)
        auc = _auc(oof, labels)
        print(f"C={c:<5} cross-validated AUC {auc:.4f}", file=sys.stderr)
        if auc > best_auc + 1e-9:
            best_c, best_auc, best_oof = c, auc, oof
    high, medium = choose_thresholds(best_oof, labels)
    safe_low = [s < medium for s, y in zip(best_oof, labels, strict=True) if not y]
    vec, clf, _vocab = _fit(rows, labels, best_c)
    weights: dict[str, float] = {}
    for name, coef in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True):
        w = float(coef) * (1.0 if str(name).startswith("tok:") else RULE_SCALE)
        if abs(w) >= 1e-4:
            weights[str(name)] = round(w, 5)
    return {
        "model_version": MODEL_VERSION,
        "about": "Logistic regression over red-flag rules, context signals and stemmed words "
        "(lentera.screening.train). risk = 1 / (1 + exp(-(intercept + sum of the weights of "
        "the features present))); count:flags is the number of flags (at most 8) divided by 4.",
        "intercept": round(float(clf.intercept_[0]), 5),
        "thresholds": {"high": high, "medium": medium},
        "training": {
            "examples": len(labels),
            "risk": sum(labels),
            "safe": len(labels) - sum(labels),
            "C": best_c,
            "rule_scale": RULE_SCALE,
            "min_docs": MIN_DOCS,
            "cv_auc": round(best_auc, 4),
            "cv_f1_high": round(_f1_high(best_oof, labels, high), 4),
            "cv_safe_low": round(sum(safe_low) / len(safe_low), 4) if safe_low else None,
        },
        "weights": dict(sorted(weights.items())),
    }


STEMS_OUT = Path(__file__).parent / "data" / "stems.json"


def stem_table(data: Path) -> dict[str, Any]:
    """Sastrawi's stem of every word the model reads in the training texts."""
    from lentera.screening._normalize import features_text, sastrawi_stem

    words: set[str] = set()
    for line in data.read_text(encoding="utf-8").splitlines():
        if line.strip():
            for word in features_text(json.loads(line)["text"]).split():
                words.update(p for p in word.split("-") if p.isalpha() and len(p) > 3)
    return {
        "about": "Sastrawi stems of the training words (python -m lentera.screening.train "
        "--stems); a start-up cache of lentera.screening._normalize.stem",
        "stems": {w: sastrawi_stem(w) for w in sorted(words)},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lentera.screening.train")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if --out is not up to date")
    parser.add_argument(
        "--stems",
        action="store_true",
        help="write only data/stems.json (Sastrawi's stems of the training words), no training",
    )
    args = parser.parse_args(argv)
    if args.stems:
        table = stem_table(args.data)
        STEMS_OUT.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", "utf-8")
        print(f"wrote {STEMS_OUT} ({len(table['stems'])} words)", file=sys.stderr)
        return 0
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("Training needs scikit-learn: pip install 'lentera[train]'", file=sys.stderr)
        return 2
    model = train(args.data)
    text = json.dumps(model, ensure_ascii=False, indent=1) + "\n"
    figures = model["training"]
    print(
        f"{figures['examples']} examples; C={figures['C']}; cross-validated AUC "
        f"{figures['cv_auc']}, F1(high) {figures['cv_f1_high']}, safe rated low "
        f"{figures['cv_safe_low']}; thresholds {model['thresholds']}; "
        f"{len(model['weights'])} weights",
        file=sys.stderr,
    )
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: retrain", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
