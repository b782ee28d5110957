"""Person records: the dataclass, and reading them from CSV files or data frames."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from lentera.csvfile import CsvError, Problem, read_csv
from lentera.idn import InvalidDate, parse_birth_date
from lentera.linkage._dates import read_date
from lentera.linkage._errors import InvalidInput
from lentera.linkage._gc import gc_paused

#: Columns the linkage reads; every other column is ignored.
COLUMNS = (
    "id",
    "name",
    "given_name",
    "family_name",
    "birth_date",
    "sex",
    "national_id",
    "phone",
    "address",
    "region",
)


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """One person as one register holds them. Empty strings mean "not recorded".

    ``source`` names the register (for CSV input, the file name without its folder); ``id`` is
    unique within its source. ``sex`` may be written ``F``/``M``, ``female``/``male`` or
    ``P``/``L``; ``national_id`` is a NIK or another identity number; ``phone`` any written
    form; ``region`` a Kemendagri code or a region name. ``birth_date_written`` keeps a birth
    date as written when it is not a whole real date (``19450493``, ``1945-02-30``, a year
    alone): the linkage still compares the parts it can read.
    """

    id: str
    source: str = ""
    name: str = ""
    given_name: str = ""
    family_name: str = ""
    birth_date: date | None = None
    sex: str = ""
    national_id: str = ""
    phone: str = ""
    address: str = ""
    region: str = ""
    birth_date_written: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """``(source, id)``, unique across all inputs of one linkage run."""
        return (self.source, self.id)

    @property
    def full_name(self) -> str:
        """``name``, or ``given_name family_name`` when ``name`` is empty."""
        if self.name.strip():
            return self.name
        return f"{self.given_name} {self.family_name}".strip()


def _text(value: Any) -> str:
    if type(value) is str:  # what CSV files give: the common case first
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN from pandas
        return ""
    return str(value).strip()


def record_from_mapping(
    row: Mapping[str, Any], *, source: str, line: int | None = None
) -> PersonRecord:
    """Build a :class:`PersonRecord` from a mapping of column name to value.

    Raises :class:`InvalidInput` naming ``source`` and ``line`` when the id is empty. A birth
    date is never an error: one that is not a whole real date is kept as written
    (``birth_date_written``) and compared by the parts that can be read.
    """
    record_id = _text(row.get("id"))
    if not record_id:
        raise InvalidInput("the record has no id", source=source, line=line, field="id")
    born: date | None = None
    written = ""
    raw_date = row.get("birth_date")
    if isinstance(raw_date, date):
        born = raw_date
    else:
        text = _text(raw_date)
        if text:
            try:
                born = parse_birth_date(text)
            except InvalidDate:
                read = read_date(text)
                if read is not None and read.whole is not None:
                    born = read.whole  # day-first or with a month name, but whole
                else:
                    written = text
    return PersonRecord(
        id=record_id,
        source=source,
        name=_text(row.get("name")),
        given_name=_text(row.get("given_name")),
        family_name=_text(row.get("family_name")),
        birth_date=born,
        sex=_text(row.get("sex")),
        national_id=_text(row.get("national_id")),
        phone=_text(row.get("phone")),
        address=_text(row.get("address")),
        region=_text(row.get("region")),
        birth_date_written=written,
    )


def _column(name: str) -> str:
    return name.strip().lower()


def read_csv_records(path: str | Path, *, source: str | None = None) -> list[PersonRecord]:
    """Read person records from a UTF-8 CSV file with a header row.

    ``source`` defaults to the file name without its folder. Column names are matched without
    regard to case or surrounding spaces. Raises :class:`InvalidInput` naming the file and line
    for a missing ``id`` column, an empty or duplicate id, and for
    anything that would lose a row or shift a value: an unclosed quote, a row with fewer or more
    values than the header has columns, a byte that is not UTF-8 (see :mod:`lentera.csvfile`).
    Blank lines are skipped.
    """
    with gc_paused():
        return _read_csv_records(Path(path), source)


def _read_csv_records(file: Path, source: str | None) -> list[PersonRecord]:
    name = source if source is not None else file.name
    records: list[PersonRecord] = []
    first_line: dict[str, int] = {}
    try:
        for row in read_csv(file, source=name, required=("id",), column=_column):
            values = row.values
            if not any(v.strip() for v in values.values()):
                continue  # a line of empty values (",,,")
            record = record_from_mapping(values, source=name, line=row.line)
            if record.id in first_line:
                raise InvalidInput(
                    f"duplicate id {record.id!r} (first on line {first_line[record.id]})",
                    source=name,
                    line=row.line,
                    field="id",
                )
            first_line[record.id] = row.line
            records.append(record)
    except CsvError as exc:
        field = "id" if exc.problem is Problem.MISSING_COLUMNS else None
        raise InvalidInput(exc.message, source=name, line=exc.line, field=field) from None
    return records
