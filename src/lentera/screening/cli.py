"""``lentera screen offer|departure``: JSON Lines in, JSON Lines out (contract section 1 and 2).

    lentera screen offer [--lang id|en] INPUT
    lentera screen departure [--lang id|en] [--policy POLICY.csv] INPUT

INPUT is a JSON Lines file or ``-`` for standard input. Every line is read and checked before
anything is written, so invalid input (exit status 2, message on standard error naming the line
and the field) never leaves half an output behind. No Django here: this stays fast for batches.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

from lentera.csvfile import CsvError, decode_utf8
from lentera.screening._departure import screen_departure
from lentera.screening._errors import InvalidInput, ScreeningError
from lentera.screening._inputs import parse_departure, parse_offer
from lentera.screening._offer import screen_offer
from lentera.screening._policy import DestinationPolicyTable

T = TypeVar("T")


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would exit; we return 2 from main
        raise _UsageError(f"{self.prog}: {message}")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lentera screen", description="Screen job offers or departures.")
    sub = parser.add_subparsers(dest="kind", required=True, parser_class=_Parser)
    offer = sub.add_parser("offer", help="job offers, chat messages and posts")
    departure = sub.add_parser("departure", help="posko interviews of travellers")
    for p in (offer, departure):
        p.add_argument("input", help="JSON Lines file, or - for standard input")
        p.add_argument("--lang", choices=["id", "en"], help="language of explanations")
    departure.add_argument(
        "--policy", type=Path, help="destination-policy CSV to use instead of the shipped one"
    )
    return parser


def _lines(handle: IO[str]) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(handle, start=1):
        if line.strip():
            yield number, line


def _read(handle: IO[str], parse: Callable[..., T]) -> list[T]:
    records = []
    for number, line in _lines(handle):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"not valid JSON ({exc.msg})", line=number) from None
        if not isinstance(obj, dict):
            raise InvalidInput("record is not a JSON object", line=number)
        records.append(parse(obj, line=number))
    return records


def _bad_line(name: str) -> str:
    """``"line N: "`` for the first line of the file that is not UTF-8 (empty for stdin)."""
    if name == "-":
        return ""
    try:
        decode_utf8(Path(name).read_bytes(), source=name)
    except CsvError as exc:
        return f"line {exc.line}: "
    except OSError:
        pass
    return ""


def main(argv: Sequence[str]) -> int:
    try:
        args = _build_parser().parse_args(list(argv))
    except _UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        if args.input == "-":
            handle: IO[str] = sys.stdin
        else:
            handle = open(args.input, encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        print(f"lentera screen: cannot read {args.input}: {exc.strerror}", file=sys.stderr)
        return 2
    out = sys.stdout
    try:
        with handle if handle is not sys.stdin else contextlib.nullcontext(handle):
            if args.kind == "offer":
                offers = _read(handle, parse_offer)
                for offer in offers:
                    result = screen_offer(offer, lang=args.lang)
                    out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            else:
                policy = DestinationPolicyTable.from_csv(args.policy) if args.policy else None
                deps = _read(handle, parse_departure)
                for dep in deps:
                    result_d = screen_departure(dep, policy=policy, lang=args.lang)
                    out.write(json.dumps(result_d.to_dict(), ensure_ascii=False) + "\n")
    except InvalidInput as exc:
        print(f"lentera screen {args.kind}: {args.input}: {exc}", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        where = _bad_line(args.input)
        print(f"lentera screen {args.kind}: {args.input}: {where}not UTF-8 text", file=sys.stderr)
        return 2
    except (ScreeningError, OSError) as exc:
        print(f"lentera screen {args.kind}: {exc}", file=sys.stderr)
        return 2
    out.flush()
    return 0
