"""Person records: the dataclass, and reading them from CSV files or data frames."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from lentera.idn import InvalidDate, parse_birth_date
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
    form; ``region`` a Kemendagri code or a region name.
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

    Raises :class:`InvalidInput` naming ``source``, ``line`` and the field when the id is
    empty or the birth date cannot be read.
    """
    record_id = _text(row.get("id"))
    if not record_id:
        raise InvalidInput("the record has no id", source=source, line=line, field="id")
    born: date | None = None
    raw_date = row.get("birth_date")
    if isinstance(raw_date, date):
        born = raw_date
    else:
        text = _text(raw_date)
        if text:
            try:
                born = parse_birth_date(text)
            except InvalidDate as exc:
                raise InvalidInput(
                    f"record {record_id!r}: {exc}; write YYYY-MM-DD or YYYYMMDD",
                    source=source,
                    line=line,
                    field="birth_date",
                ) from None
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
    )


def _normalised_rows(
    reader: Iterable[dict[str | Any, str | Any]], header: list[str]
) -> Iterator[dict[str, Any]]:
    columns = {h: (h or "").strip().lower() for h in header}
    for row in reader:
        yield {columns.get(k, ""): v for k, v in row.items() if k is not None}


def read_csv_records(path: str | Path, *, source: str | None = None) -> list[PersonRecord]:
    """Read person records from a UTF-8 CSV file with a header row.

    ``source`` defaults to the file name without its folder. Column names are matched without
    regard to case or surrounding spaces. Raises :class:`InvalidInput` naming the file and line
    for a missing ``id`` column, an empty or duplicate id, or an unreadable birth date.
    """
    with gc_paused():
        return _read_csv_records(Path(path), source)


def _read_csv_records(file: Path, source: str | None) -> list[PersonRecord]:
    name = source if source is not None else file.name
    try:
        handle = file.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise InvalidInput(f"cannot open the file: {exc.strerror}", source=name) from None
    records: list[PersonRecord] = []
    first_line: dict[str, int] = {}
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames
        except UnicodeDecodeError:
            raise InvalidInput("the file is not UTF-8 text", source=name, line=1) from None
        except csv.Error as exc:
            raise InvalidInput(f"not a CSV file ({exc})", source=name, line=1) from None
        if not header:
            raise InvalidInput("the file is empty; a header row is needed", source=name, line=1)
        if "id" not in {(h or "").strip().lower() for h in header}:
            raise InvalidInput("the header has no 'id' column", source=name, line=1, field="id")
        rows = _normalised_rows(reader, list(header))
        while True:
            try:
                row = next(rows)
            except StopIteration:
                break
            except UnicodeDecodeError:
                raise InvalidInput(
                    "the file is not UTF-8 text", source=name, line=reader.line_num + 1
                ) from None
            except csv.Error as exc:
                raise InvalidInput(
                    f"malformed CSV ({exc})", source=name, line=reader.line_num
                ) from None
            line = reader.line_num
            if not any(_text(v) for v in row.values()):
                continue  # blank line
            record = record_from_mapping(row, source=name, line=line)
            if record.id in first_line:
                raise InvalidInput(
                    f"duplicate id {record.id!r} (first on line {first_line[record.id]})",
                    source=name,
                    line=line,
                    field="id",
                )
            first_line[record.id] = line
            records.append(record)
    return records
