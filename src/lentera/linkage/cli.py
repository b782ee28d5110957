"""``lentera link``: link person records across CSV registers (contracts/linkage.md).

    lentera link INPUT.csv [INPUT2.csv ...] --out CLUSTERS.csv [--threshold P]
                 [--backend duckdb|spark] [--parameters-out PARAMETERS.json] [--no-adapt]

Progress goes to standard error, with the values only partly read by column and the model's
parameters as estimated on the input; at the end the numbers of records, comparisons and
clusters are printed on standard output.
Exit status 0 on success, 2 on invalid input (the message names file, line and column),
1 when the linkage itself fails (model or backend).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

from lentera.linkage._errors import InvalidInput, LinkageError
from lentera.linkage._link import DEFAULT_THRESHOLD, link_records
from lentera.linkage._records import PersonRecord, read_csv_records


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"lentera link: {message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="lentera link",
        description="Link person records across CSV registers; write source,id,cluster_id.",
    )
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT.csv")
    parser.add_argument("--out", required=True, type=Path, metavar="CLUSTERS.csv")
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        metavar="P",
        help=f"match probability at which two records are joined (default {DEFAULT_THRESHOLD})",
    )
    parser.add_argument("--backend", choices=("duckdb", "spark"), default="duckdb")
    parser.add_argument(
        "--parameters-out",
        type=Path,
        metavar="PARAMETERS.json",
        help="write the parameters the run scored with (as estimated on the input) as JSON",
    )
    parser.add_argument(
        "--no-adapt",
        action="store_true",
        help="score with the trained model as saved, without re-estimating it on the input",
    )
    return parser


def _print_parameters(report: dict[str, Any]) -> None:
    if not report.get("adapted"):
        print(f"model: trained parameters ({report.get('reason', 'not re-estimated')})",
              file=sys.stderr)  # fmt: skip
        return
    per_record = report["duplicates_per_record"]
    print(
        f"model re-estimated on the input ({report['iterations']} EM iterations over "
        f"{report['pairs_used']:,} pairs); other records per person: trained "
        f"{per_record['trained']:.3f}, estimated {per_record['estimated']:.3f}",
        file=sys.stderr,
    )
    print(f"  {'comparison: level':<64} {'m trained':>10} {'m':>10} {'u':>10} {'weight':>7}",
          file=sys.stderr)  # fmt: skip
    for level in report["levels"]:
        label = f"{level['comparison']}: {level['level']}"
        print(
            f"  {label[:64]:<64} {level['m_trained']:>10.4g} {level['m']:>10.4g} "
            f"{level['u']:>10.4g} {level['match_weight']:>+7.2f}",
            file=sys.stderr,
        )


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    started = time.monotonic()

    def progress(message: str) -> None:
        print(f"[{time.monotonic() - started:7.1f}s] {message}", file=sys.stderr, flush=True)

    if not 0.0 < args.threshold < 1.0:
        print(
            f"lentera link: --threshold {args.threshold} must be between 0 and 1", file=sys.stderr
        )
        return 2
    names = [path.name for path in args.inputs]
    duplicated = {n for n in names if names.count(n) > 1}
    if duplicated:
        print(
            f"lentera link: two inputs share the file name {sorted(duplicated)[0]!r}; "
            "the source column would not tell them apart",
            file=sys.stderr,
        )
        return 2

    def read_all() -> list[PersonRecord]:
        records: list[PersonRecord] = []
        for path in args.inputs:
            progress(f"reading {path}")
            records.extend(read_csv_records(path))
        return records

    try:
        # The records are handed over, not kept here: the linkage lets them go once prepared.
        result = link_records(
            read_all(),
            threshold=args.threshold,
            backend=args.backend,
            progress=progress,
            adapt=not args.no_adapt,
        )
    except InvalidInput as exc:
        print(f"lentera link: invalid input: {exc}", file=sys.stderr)
        return 2
    except LinkageError as exc:
        print(f"lentera link: {exc}", file=sys.stderr)
        return 1
    progress(f"writing {args.out}")
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["source", "id", "cluster_id"])
            writer.writerows(result.rows())
    except OSError as exc:
        print(f"lentera link: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 1
    _print_parameters(result.parameters)
    if args.parameters_out is not None:
        try:
            args.parameters_out.write_text(
                json.dumps(result.parameters, indent=2) + "\n", encoding="utf-8"
            )
        except OSError as exc:
            print(f"lentera link: cannot write {args.parameters_out}: {exc.strerror}",
                  file=sys.stderr)  # fmt: skip
            return 1
    clusters = len(set(result.cluster_ids))
    review = len(result.uncertain_pairs())
    progress("done")
    unread = ", ".join(f"{column} {n}" for column, n in result.partly_read.items())
    print(
        f"records: {result.records}, comparisons: {result.comparisons}, clusters: {clusters} "
        f"(threshold {result.threshold}; {review} uncertain pairs for review)"
        + (f"; values kept but only partly read: {unread}" if unread else ""),
        flush=True,
    )
    return 0
