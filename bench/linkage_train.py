"""Train the person-linkage model and save it as the versioned JSON in the package.

Reproducible: the training registers come from the generator with a fixed seed; u is
estimated by random sampling with a fixed seed; m is counted from the generator's truth
(``--method labels``, the default; ``--method em`` estimates m unsupervised, which learns
households instead of persons because brothers and sisters share phone and address). Run:

    .venv/bin/python bench/linkage_train.py            # writes src/lentera/linkage/models/person-v1.json
    .venv/bin/python bench/linkage_train.py --check    # retrain and compare with the saved file
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from pathlib import Path

import splink
from splink import DuckDBAPI, Linker, block_on

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linkage_common import AGENCY_FILES, idn_dataset, read_truth

from lentera.linkage import read_csv_records
from lentera.linkage._model import (
    MODEL_PATH,
    NO_EVIDENCE_LEVELS,
    load_parameters,
    parameters_from_splink,
    save_parameters,
    settings,
)
from lentera.linkage._prepare import prepare_frame

TRAIN_SEED = 20240521
TRAIN_PEOPLE = 8000
U_SEED = 42
U_MAX_PAIRS = 5e6
PARTIAL_DATE_LEVELS = {
    "same year and month, date partly read": (0.01, 0.01 / 700),
    "same year, date partly read": (0.005, 0.005 / 60),
}


def train(method: str = "labels") -> dict:
    data = idn_dataset(f"idn-train-{TRAIN_SEED}", people=TRAIN_PEOPLE, seed=TRAIN_SEED,
                       profile="standard")  # fmt: skip
    records = [r for f in AGENCY_FILES for r in read_csv_records(data / f)]
    truth = read_truth(data / "truth.csv")
    frame = prepare_frame(records)
    frame["entity_id"] = [truth[r.key] for r in records]
    sizes = Counter(frame["entity_id"])
    per_record = sum(n - 1 for n in frame["entity_id"].map(sizes)) / len(frame)
    true_pairs = sum(n * (n - 1) // 2 for n in sizes.values())

    logging.getLogger("splink").setLevel(logging.WARNING)
    db_api = DuckDBAPI(":memory:")
    table = db_api.register(frame, dataset_display_name="train")
    linker = Linker(table, settings(None), log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("nik"), block_on("name_key", "dob")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=U_SEED)
    if method == "labels":
        linker.training.estimate_m_from_label_column("entity_id")
    else:
        for rule in (block_on("dob"), block_on("name_sorted"), block_on("phone")):
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule, estimate_without_term_frequencies=True
            )
    model = linker.misc.save_model_to_json()
    # The training registers write every birth date whole, so the levels of partly read
    # dates are never reached: they start from what their parts say (a year and month shared
    # by chance once in about 700 pairs of a 60-year span, a year once in 60) and are
    # re-estimated on the data of each run.
    for comp in model["comparisons"]:
        for level in comp["comparison_levels"]:
            default = PARTIAL_DATE_LEVELS.get(level.get("label_for_charts", ""))
            if default is not None and level.get("m_probability") is None:
                level["m_probability"], level["u_probability"] = default
    # A level the training data never reaches (for example "same region name", when every
    # region name got a code from the NIKs) takes the values of the level just above it.
    filled = []
    for comp in model["comparisons"]:
        previous = None
        for level in comp["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            if level.get("m_probability") is None and level.get("u_probability") is not None:
                # Chance agreement is known, no true pair was seen here: as rare as one pair.
                level["m_probability"] = 1.0 / max(1, true_pairs)
                filled.append(f"{comp['output_column_name']}: {level['label_for_charts']} (m)")
            elif previous is not None and (
                level.get("m_probability") is None or level.get("u_probability") is None
            ):
                level["m_probability"] = previous["m_probability"]
                level["u_probability"] = previous["u_probability"]
                filled.append(f"{comp['output_column_name']}: {level['label_for_charts']}")
            previous = level
    for comp in model["comparisons"]:
        for level in comp["comparison_levels"]:
            if (comp["output_column_name"], level["label_for_charts"]) in NO_EVIDENCE_LEVELS:
                level["m_probability"] = level["u_probability"]
    metadata = {
        "trained_with": "bench/linkage_train.py",
        "method": method,
        "splink_version": splink.__version__,
        "training_data": f"bench/data/idn_registers.py --people {TRAIN_PEOPLE} "
        f"--seed {TRAIN_SEED} --profile standard",
        "training_records": len(frame),
        "u_sampling": {"max_pairs": U_MAX_PAIRS, "seed": U_SEED},
        "duplicates_per_record": round(per_record, 4),
        "levels_filled_from_the_level_above": filled,
    }
    return {"parameters": parameters_from_splink(model, metadata)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--method", choices=("labels", "em"), default="labels")
    parser.add_argument("--check", action="store_true", help="compare with the saved model")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    params = train(args.method)["parameters"]
    if args.check:
        saved = load_parameters(args.out)
        worst = max(
            abs((a or 0) - (b or 0))
            for key in saved.levels
            for a, b in zip(saved.levels[key], params.levels[key], strict=True)
        )
        print(f"largest difference in m/u against {args.out}: {worst:.2e}")
        sys.exit(0 if worst < 1e-6 else 1)
    save_parameters(params, args.out)
    print(json.dumps(params.metadata, indent=2))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
