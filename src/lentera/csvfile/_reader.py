"""Reading CSV strictly: every row, or a :class:`CsvError` naming the file and the line."""

from __future__ import annotations

import csv
import enum
import io
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class Problem(enum.StrEnum):
    """What is wrong; an application turns it into a message in the user's language."""

    CANNOT_OPEN = "cannot_open"
    NOT_UTF8 = "not_utf8"
    EMPTY = "empty"
    DUPLICATE_COLUMN = "duplicate_column"
    MISSING_COLUMNS = "missing_columns"
    UNCLOSED_QUOTE = "unclosed_quote"
    MALFORMED = "malformed"
    TOO_FEW_VALUES = "too_few_values"
    TOO_MANY_VALUES = "too_many_values"
    VALUE_WITHOUT_COLUMN = "value_without_column"


class CsvError(ValueError):
    """A CSV file cannot be read as a whole, row by row.

    ``source`` is the file name, ``line`` the 1-based line the faulty row starts on (the header
    is line 1; None when the file cannot be opened), ``problem`` a :class:`Problem`, ``message``
    an English explanation. ``columns`` names the columns at fault (missing, duplicated), and
    ``expected``/``found`` count the values of a row that has too few or too many. ``str()``
    reads ``file:line: message``.
    """

    def __init__(
        self,
        problem: Problem,
        message: str,
        *,
        source: str,
        line: int | None = None,
        columns: tuple[str, ...] = (),
        expected: int | None = None,
        found: int | None = None,
    ) -> None:
        self.problem = problem
        self.message = message
        self.source = source
        self.line = line
        self.columns = columns
        self.expected = expected
        self.found = found
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One data row: the line it starts on and its values by column name (all text)."""

    line: int
    values: dict[str, str]


def _strip(name: str) -> str:
    return name.strip()


def read_csv(
    path: str | os.PathLike[str],
    *,
    source: str | None = None,
    required: Iterable[str] = (),
    column: Callable[[str], str] = _strip,
) -> Iterator[CsvRow]:
    """Every data row of the UTF-8 CSV file at ``path`` (a byte-order mark is allowed).

    ``source`` (default: the file name without its folder) names the file in errors.
    ``column`` turns a header cell into the column name (default: strip spaces); ``required``
    lists the column names the header must have. Blank lines are skipped. Anything else that
    would lose or shift a value raises :class:`CsvError` while iterating: an unclosed quote, a
    row with fewer or more values than the header has columns, a value under a header cell left
    empty, a byte that is not UTF-8, a duplicated column name. Nothing is ever skipped silently.
    """
    file = Path(path)
    name = source if source is not None else file.name
    try:
        handle = file.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise CsvError(
            Problem.CANNOT_OPEN, f"cannot open the file: {exc.strerror}", source=name
        ) from None
    with handle:
        try:
            yield from _rows(handle, name, required, column)
        except UnicodeDecodeError:
            raise _not_utf8(name, _first_bad_line(file.read_bytes())) from None


def parse_csv(
    content: bytes | str,
    *,
    source: str,
    required: Iterable[str] = (),
    column: Callable[[str], str] = _strip,
) -> Iterator[CsvRow]:
    """Like :func:`read_csv` for a file already in memory (an upload): ``content`` is its bytes
    (UTF-8, checked first) or its text. ``source`` names it in errors."""
    text = decode_utf8(content, source=source) if isinstance(content, bytes) else content
    # newline="": lines end at \n, \r\n or \r only, as in a file (not at U+2028 and the like)
    return _rows(io.StringIO(text, newline=""), source, required, column)


def decode_utf8(content: bytes, *, source: str) -> str:
    """``content`` as text (UTF-8, a byte-order mark dropped), else :class:`CsvError` naming the
    first line that holds a byte that is not UTF-8."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _not_utf8(source, _first_bad_line(content)) from None


def _not_utf8(source: str, line: int) -> CsvError:
    return CsvError(
        Problem.NOT_UTF8,
        "holds bytes that are not UTF-8 text; save the file as CSV UTF-8",
        source=source,
        line=line,
    )


def _first_bad_line(content: bytes) -> int:
    for number, raw in enumerate(content.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return number
    return 1  # pragma: no cover - only called after a decoding error


def _blank(row: list[str]) -> bool:
    return not row or (len(row) == 1 and not row[0].strip())


class _LineReader(Protocol):
    line_num: int

    def __next__(self) -> list[str]: ...


def _rows(
    lines: Iterable[str],
    source: str,
    required: Iterable[str],
    column: Callable[[str], str],
) -> Iterator[CsvRow]:
    read = _guarded(csv.reader(_without_nul(lines, source), strict=True), source)
    header: list[str] | None = None
    header_line = 1
    for start, row in read:
        if not _blank(row):
            header, header_line = row, start
            break
    if header is None:
        raise CsvError(
            Problem.EMPTY, "the file is empty; a header row is needed", source=source, line=1
        )
    names = [column(cell) for cell in header]
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            raise CsvError(
                Problem.DUPLICATE_COLUMN,
                f"the header names the column {name!r} twice",
                source=source,
                line=header_line,
                columns=(name,),
            )
        seen.add(name)
    missing = tuple(name for name in required if name not in seen)
    if missing:
        raise CsvError(
            Problem.MISSING_COLUMNS,
            "the header has no column " + ", ".join(repr(m) for m in missing),
            source=source,
            line=header_line,
            columns=missing,
        )
    unnamed = [i for i, name in enumerate(names) if not name]
    width = len(names)
    for start, row in read:
        if len(row) != width:
            if _blank(row):
                continue
            few = len(row) < width
            raise CsvError(
                Problem.TOO_FEW_VALUES if few else Problem.TOO_MANY_VALUES,
                f"the row has {len(row)} values but the header has {width} columns",
                source=source,
                line=start,
                expected=width,
                found=len(row),
            )
        for i in unnamed:
            if row[i].strip():
                raise CsvError(
                    Problem.VALUE_WITHOUT_COLUMN,
                    f"value {row[i]!r} in column {i + 1}, which has no name in the header",
                    source=source,
                    line=start,
                )
        yield CsvRow(start, dict(zip(names, row, strict=True)))


def _without_nul(lines: Iterable[str], source: str) -> Iterator[str]:
    # Python's csv reads NUL as a character; no register means one, and PostgreSQL refuses it.
    for number, line in enumerate(lines, start=1):
        if "\x00" in line:
            raise CsvError(
                Problem.MALFORMED,
                "holds a NUL character (a binary file?)",
                source=source,
                line=number,
            )
        yield line


def _guarded(reader: _LineReader, source: str) -> Iterator[tuple[int, list[str]]]:
    """The reader's rows with the line each starts on; its errors as :class:`CsvError`."""
    end = 0
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            now = reader.line_num
            if "unexpected end of data" in str(exc):
                raise CsvError(
                    Problem.UNCLOSED_QUOTE,
                    "a quoted value starts on this line and is never closed",
                    source=source,
                    line=start,
                ) from None
            detected = f"; seen on line {now}" if now > start else ""
            raise CsvError(
                Problem.MALFORMED,
                f"the row starting on this line is not valid CSV ({exc}{detected}); "
                "check its quotes",
                source=source,
                line=start,
            ) from None
        end = reader.line_num
        yield start, row
