"""``lentera qualify``: qualify case facts read as JSON or JSON Lines, one answer per line.

Usage::

    lentera qualify [--lang id|en] [--today YYYY-MM-DD] [settings] FILE
    lentera qualify [options] -          # from standard input

FILE is a ``.json`` file holding one object or an array, or a ``.jsonl`` file (any other name,
and standard input, may hold either). Output: one JSON object per case, in input order, on
standard output. Exit status 0 when every case was read, 2 when the input is not valid (the
message on standard error names the case index, counted from 0, and the field); nothing is
written to standard output then.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import TextIO

from ._codes import LANGUAGES
from ._errors import InvalidFacts, LawError
from ._facts import parse_facts
from ._qualify import qualify, today_in_indonesia
from ._result import Qualification
from ._settings import STACKING_CHOICES, EngineSettings

EXIT_OK = 0
EXIT_INVALID = 2


class _BadInput(Exception):
    """Input that is not JSON, or a file that cannot be read."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lentera qualify",
        description="Qualify case facts under UU 21/2007 / KUHP 2023 (contracts/qualify.md). "
        "Not legal advice.",
    )
    parser.add_argument("file", help="a .json or .jsonl file, or - for standard input")
    parser.add_argument("--lang", choices=LANGUAGES, default="id", help="language of reasons")
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        help="judgment date, also used for cases without offence_date (default: today, WIB)",
    )
    parser.add_argument(
        "--no-uplift-minimum",
        action="store_true",
        help="apply +1/3 aggravations to the maximum only",
    )
    parser.add_argument(
        "--stacking",
        choices=STACKING_CHOICES,
        default="additive",
        help="how several +1/3 aggravations combine (default: additive)",
    )
    parser.add_argument(
        "--sectoral-minimums-removed",
        action="store_true",
        help="treat UU 21/2007 special minimums as removed by UU 1/2026 from 2 January 2026",
    )
    parser.add_argument(
        "--convert-fines",
        action="store_true",
        help="read fines of laws outside the KUHP as UU 1/2026 restates them, from 2 January 2026",
    )
    parser.add_argument(
        "--no-favourable-law",
        action="store_true",
        help="leave out the more-favourable-law comparison (KUHP Pasal 3) from the reasons",
    )
    return parser


def _json_cases(text: str) -> list[tuple[object, str]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _BadInput(f"not valid JSON: {error}") from None
    items = data if isinstance(data, list) else [data]
    return [(item, "") for item in items]


def _jsonl_cases(text: str) -> list[tuple[object, str]]:
    cases: list[tuple[object, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            cases.append((json.loads(line), f"line {number}"))
        except json.JSONDecodeError as error:
            raise _BadInput(f"case {len(cases)} (line {number}): not valid JSON: {error}") from None
    return cases


def read_cases(text: str, name: str) -> list[tuple[object, str]]:
    """The cases in ``text`` with where each came from; ``name`` chooses the format."""
    if name.endswith(".jsonl"):
        return _jsonl_cases(text)
    if name.endswith(".json"):
        return _json_cases(text)
    try:
        return _json_cases(text) if text.strip() else []
    except _BadInput:
        return _jsonl_cases(text)


def _read(path: str, stdin: TextIO) -> list[tuple[object, str]]:
    if path == "-":
        return read_cases(stdin.read(), "-")
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise _BadInput(f"cannot read {path}: {error}") from None
    return read_cases(text, path)


def run(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    settings = EngineSettings(
        uplift_minimum=not args.no_uplift_minimum,
        stacking=args.stacking,
        sectoral_minimums_removed=args.sectoral_minimums_removed,
        compare_favourable_law=not args.no_favourable_law,
        convert_fines=args.convert_fines,
    )
    today = args.today or today_in_indonesia()
    try:
        cases = _read(args.file, stdin)
        answers: list[Qualification] = []
        for index, (obj, origin) in enumerate(cases):
            try:
                if not isinstance(obj, dict):
                    raise InvalidFacts("", "expected a JSON object")
                facts = parse_facts(obj, index=index)
                answers.append(qualify(facts, lang=args.lang, settings=settings, today=today))
            except InvalidFacts as error:
                where = f"case {index}" + (f" ({origin})" if origin else "")
                field = f", field '{error.field}'" if error.field else ""
                raise _BadInput(f"{where}{field}: {error.problem}") from None
    except (_BadInput, LawError) as error:
        print(f"lentera qualify: {error}", file=stderr)
        return EXIT_INVALID
    for answer in answers:
        stdout.write(json.dumps(answer.to_dict(), ensure_ascii=False) + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``lentera qualify``; returns the exit status."""
    try:
        args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as stop:  # argparse reports usage errors itself
        return int(stop.code or 0)
    return run(args, sys.stdin, sys.stdout, sys.stderr)
