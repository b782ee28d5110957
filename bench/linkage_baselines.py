"""Baselines the linkage benchmarks run beside Lentera, on the same records in the same run.

* ``plain_splink``: Splink with its library comparisons on the raw columns (only generic
  cleaning: lower case, ISO dates, digits of ids and phones), trained on the data itself the
  way the Splink tutorials do (deterministic prior, u by random sampling, m by EM), clustered
  at the same threshold. No Indonesian preparation.
* ``recordlinkage_ecm``: the recordlinkage toolkit: blocking index, field comparisons, and its
  unsupervised ECM classifier.

Both take a list of flat dicts (``key``, ``name``, ``given_name``, ``family_name``,
``birth_date`` ISO or empty, ``sex``, ``national_id``, ``phone``, ``address``, ``region``) and
return the matched pairs of keys.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

Key = tuple[str, str]
SEED = 7


def _digits(value: str) -> str | None:
    text = re.sub(r"\D", "", value or "")
    return text or None


def _clean(value: str) -> str | None:
    text = re.sub(r"\s+", " ", (value or "").strip().lower())
    return text or None


def flat_frame(rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """Generic cleaning only: what any linkage user would do before plain Splink."""
    out = []
    for i, row in enumerate(rows):
        name = row.get("name") or f"{row.get('given_name', '')} {row.get('family_name', '')}"
        out.append(
            {
                "unique_id": i,
                "name": _clean(name),
                "given_name": _clean(row.get("given_name") or (name.split()[0] if name.split() else "")),
                "family_name": _clean(row.get("family_name") or (name.split()[-1] if len(name.split()) > 1 else "")),
                "birth_date": row.get("birth_date") or None,
                "sex": _clean(row.get("sex", "")),
                "national_id": _digits(row.get("national_id", "")),
                "phone": _digits(row.get("phone", "")),
                "address": _clean(row.get("address", "")),
                "region": _clean(row.get("region", "")),
            }
        )  # fmt: skip
    return pd.DataFrame(out)


def plain_splink(
    rows: Sequence[dict[str, Any]], keys: Sequence[Key], *, threshold: float
) -> list[tuple[Key, Key]]:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frame = flat_frame(rows)
    comparisons = [
        cl.NameComparison("name"),
        cl.DateOfBirthComparison("birth_date", input_is_string=True),
        cl.LevenshteinAtThresholds("national_id", [1, 2]),
        cl.LevenshteinAtThresholds("phone", [1, 2]),
        cl.JaroWinklerAtThresholds("address", [0.9, 0.7]),
        cl.ExactMatch("sex"),
        cl.ExactMatch("region"),
    ]
    blocking = [
        block_on("name"),
        block_on("birth_date"),
        block_on("national_id"),
        block_on("phone"),
        block_on("given_name", "family_name"),
        block_on("family_name", "substr(birth_date, 1, 4)"),
        block_on("given_name", "substr(birth_date, 1, 4)"),
        block_on("address"),
    ]
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=blocking,
        retain_matching_columns=False,
    )
    logging.getLogger("splink").setLevel(logging.ERROR)
    db_api = DuckDBAPI(":memory:")
    linker = Linker(db_api.register(frame), settings, log_level=logging.ERROR)
    # Training rules only on columns the data has (a column mapping may leave one out).
    present = {c for c in ("name", "birth_date", "national_id") if frame[c].notna().any()}
    deterministic = [block_on("name", "birth_date")] if {"name", "birth_date"} <= present else []
    if "national_id" in present:
        deterministic.append(block_on("national_id"))
    linker.training.estimate_probability_two_random_records_match(
        deterministic or [block_on("name")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=SEED)
    for column in ("birth_date", "name", "national_id"):
        if column in present:
            linker.training.estimate_parameters_using_expectation_maximisation(block_on(column))
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    pairs = predictions.as_pandas_dataframe()
    return [
        (keys[int(a)], keys[int(b)])
        for a, b in zip(pairs["unique_id_l"], pairs["unique_id_r"], strict=True)
    ]


def recordlinkage_ecm(rows: Sequence[dict[str, Any]], keys: Sequence[Key]) -> list[tuple[Key, Key]]:
    import recordlinkage

    frame = flat_frame(rows).set_index("unique_id")
    frame["birth_year"] = frame["birth_date"].str[:4]
    indexer = recordlinkage.Index()
    indexer.block("given_name")
    indexer.block("family_name")
    indexer.block("birth_date")
    indexer.block("national_id")
    indexer.block("phone")
    candidates = indexer.index(frame)
    compare = recordlinkage.Compare()
    compare.string("given_name", "given_name", method="jarowinkler", threshold=0.85, label="given")
    compare.string(
        "family_name", "family_name", method="jarowinkler", threshold=0.85, label="family"
    )
    compare.exact("birth_date", "birth_date", label="birth_date")
    compare.string("national_id", "national_id", method="levenshtein", threshold=0.85, label="id")
    compare.exact("phone", "phone", label="phone")
    compare.string("address", "address", method="levenshtein", threshold=0.85, label="address")
    compare.exact("region", "region", label="region")
    features = compare.compute(candidates, frame).fillna(0).astype(int)
    classifier = recordlinkage.ECMClassifier(binarize=0.5)
    matches = classifier.fit_predict(features)
    return [(keys[int(a)], keys[int(b)]) for a, b in matches]


def recordlinkage_rule(
    rows: Sequence[dict[str, Any]], keys: Sequence[Key], *, min_agree: int = 4
) -> list[tuple[Key, Key]]:
    """The toolkit's tutorial rule: a pair matches when at least ``min_agree`` fields agree."""
    import recordlinkage

    frame = flat_frame(rows).set_index("unique_id")
    indexer = recordlinkage.Index()
    indexer.block("given_name")
    indexer.block("family_name")
    indexer.block("birth_date")
    indexer.block("national_id")
    indexer.block("phone")
    candidates = indexer.index(frame)
    compare = recordlinkage.Compare()
    compare.string("given_name", "given_name", method="jarowinkler", threshold=0.85)
    compare.string("family_name", "family_name", method="jarowinkler", threshold=0.85)
    compare.exact("birth_date", "birth_date")
    compare.string("national_id", "national_id", method="levenshtein", threshold=0.85)
    compare.exact("phone", "phone")
    compare.string("address", "address", method="levenshtein", threshold=0.85)
    compare.exact("region", "region")
    features = compare.compute(candidates, frame).fillna(0)
    matches = features[features.sum(axis=1) >= min_agree].index
    return [(keys[int(a)], keys[int(b)]) for a, b in matches]
