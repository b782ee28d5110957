"""Reading a file of job offers for the monitoring queue: CSV or JSON Lines.

Columns (CSV) or fields (JSON Lines): ``text`` (required), ``source``, ``url``, ``id``. Every
row is checked before anything is stored; the errors name the file, the line and the field
(``pantauan.csv, line 3, field 'source': ...``), at most :data:`MAX_ERRORS` of them. A CSV file
is read strictly (:mod:`lentera.csvfile`): an unclosed quote, a row with too few or too many
values or a byte that is not UTF-8 is an error naming its line, never a lost or shifted row.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from lentera.apps.prevention.vocab import OfferSource
from lentera.csvfile import CsvError, Problem, decode_utf8, parse_csv
from lentera.screening import InvalidInput, parse_offer

FIELDS = ("text", "source", "url", "id")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
MAX_ERRORS = 20
MAX_URL = 500
MAX_ID = 100


@dataclass(frozen=True)
class OfferRow:
    """One offer of a file, checked, with the line it starts on."""

    line: int
    text: str
    source: str = ""
    url: str = ""
    external_id: str = ""


def _where(line: int, field: str | None) -> str:
    if field:
        return _("line %(line)s, field '%(field)s'") % {"line": line, "field": field}
    return _("line %(line)s") % {"line": line}


class _Collector:
    def __init__(self, name: str) -> None:
        self.name = name
        self.errors: list[str] = []

    def add(self, line: int, field: str | None, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(f"{self.name}, {_where(line, field)}: {message}")

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError({"file": self.errors})


_url_ok = URLValidator(schemes=["http", "https"])


def check_url(url: str) -> str | None:
    """The problem with ``url``, or None when it is acceptable (empty is acceptable)."""
    if not url:
        return None
    if len(url) > MAX_URL:
        return _("is longer than %(n)s characters") % {"n": MAX_URL}
    try:
        _url_ok(url)
    except ValidationError:
        return _("is not a web address (http or https)")
    return None


def check_row(record: dict[str, Any], line: int, errors: _Collector) -> OfferRow | None:
    """Check one record; problems go to ``errors`` with the line and field."""
    unknown = [k for k in record if k not in FIELDS]
    for key in unknown:
        errors.add(line, str(key), _("unknown column; expected text, source, url, id"))
    values: dict[str, str] = {}
    for name in FIELDS:
        raw = record.get(name)
        if raw is None:
            raw = ""
        if not isinstance(raw, str):
            if name == "id" and isinstance(raw, int) and not isinstance(raw, bool):
                raw = str(raw)
            else:
                errors.add(line, name, _("must be text"))
                raw = ""
        values[name] = raw.strip() if name != "text" else raw
    if unknown:
        return None
    ok = True
    source = values["source"].lower()
    if source and source not in OfferSource.values:
        errors.add(
            line,
            "source",
            _("unknown source '%(value)s'; expected one of %(codes)s")
            % {"value": values["source"], "codes": ", ".join(OfferSource.values)},
        )
        ok = False
    problem = check_url(values["url"])
    if problem:
        errors.add(line, "url", problem)
        ok = False
    if len(values["id"]) > MAX_ID:
        errors.add(line, "id", _("is longer than %(n)s characters") % {"n": MAX_ID})
        ok = False
    try:
        parse_offer({"text": values["text"]}, line=line)
    except InvalidInput as exc:
        message = _("is required") if not values["text"].strip() else exc.message
        errors.add(line, exc.field or "text", message)
        ok = False
    if not ok:
        return None
    return OfferRow(
        line=line,
        text=values["text"].strip(),
        source=source,
        url=values["url"],
        external_id=values["id"],
    )


def _decode(name: str, content: bytes) -> str:
    if len(content) > MAX_BYTES:
        raise ValidationError(
            {"file": [_("The file is larger than %(n)s MB.") % {"n": MAX_BYTES // (1024 * 1024)}]}
        )
    try:
        return decode_utf8(content, source=name)
    except CsvError as exc:
        where = _where(exc.line or 1, None)
        message = _("holds characters that are not UTF-8; save the file as CSV UTF-8")
        raise ValidationError({"file": [f"{name}, {where}: {message}"]}) from None


def _is_json_lines(name: str, text: str) -> bool:
    lowered = name.lower()
    if lowered.endswith((".jsonl", ".ndjson", ".json")):
        return True
    if lowered.endswith(".csv"):
        return False
    return text.lstrip().startswith("{")


def _read_json_lines(text: str, errors: _Collector) -> list[OfferRow]:
    rows: list[OfferRow] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except ValueError:
            errors.add(number, None, _("is not valid JSON"))
            continue
        if not isinstance(record, dict):
            errors.add(number, None, _("is not a JSON object"))
            continue
        row = check_row(record, number, errors)
        if row is not None:
            rows.append(row)
    return rows


def _csv_problem(exc: CsvError) -> str:
    """The reader's finding in the user's language."""
    if exc.problem is Problem.MISSING_COLUMNS:
        return _("the header has no column 'text'")
    if exc.problem is Problem.EMPTY:
        return _("the file is empty; a header line is needed")
    if exc.problem is Problem.DUPLICATE_COLUMN:
        return _("the header names the column '%(column)s' twice") % {"column": exc.columns[0]}
    if exc.problem is Problem.UNCLOSED_QUOTE:
        return _("a quoted value starts on this line and is never closed")
    if exc.problem in (Problem.TOO_FEW_VALUES, Problem.TOO_MANY_VALUES):
        return _("has %(found)s values but the header has %(expected)s columns") % {
            "found": exc.found,
            "expected": exc.expected,
        }
    if exc.problem is Problem.VALUE_WITHOUT_COLUMN:
        return _("has a value in a column without a name in the header")
    return _("cannot be read as CSV (%(error)s)") % {"error": exc.message}


def _read_csv(name: str, text: str, errors: _Collector) -> list[OfferRow]:
    rows: list[OfferRow] = []
    try:
        for record in parse_csv(text, source=name, required=("text",)):
            if not any(v.strip() for v in record.values.values()):
                continue  # a line of empty values (",,,")
            # columns without a name hold no value (the reader checks): drop them
            values = {k: v for k, v in record.values.items() if k}
            row = check_row(values, record.line, errors)
            if row is not None:
                rows.append(row)
    except CsvError as exc:
        field = "text" if exc.problem is Problem.MISSING_COLUMNS else None
        errors.add(exc.line or 1, field, _csv_problem(exc))
    return rows


def read_offer_file(*, name: str, content: bytes) -> list[OfferRow]:
    """Every offer of the file, or a ValidationError on ``file`` listing the bad lines."""
    name = name or _("the file")
    text = _decode(name, content)
    errors = _Collector(name)
    if _is_json_lines(name, text):
        rows = _read_json_lines(text, errors)
    else:
        rows = _read_csv(name, text, errors)
    errors.raise_if_any()
    if not rows:
        raise ValidationError({"file": [_("The file holds no offers.")]})
    if len(rows) > MAX_ROWS:
        raise ValidationError(
            {"file": [_("At most %(n)s offers per file; split the file.") % {"n": MAX_ROWS}]}
        )
    return rows


# -- the P3MI register (issue #15, item 2) ---------------------------------------------------------

AGENCY_FIELDS = (
    "licence_number",
    "name",
    "valid_from",
    "valid_to",
    "status",
    "head_office",
    "branches",
    "note",
)
#: The ministry's own words for a licence status, besides the codes.
STATUS_WORDS = {
    "aktif": "active",
    "berlaku": "active",
    "dibekukan": "suspended",
    "skorsing": "suspended",
    "dicabut": "revoked",
}
MAX_AGENCY_ERRORS = 200


def _date_or_problem(value: str) -> tuple[dt.date | None, str | None]:
    if not value:
        return None, None
    try:
        return dt.date.fromisoformat(value), None
    except ValueError:
        return None, _("is not a date YYYY-MM-DD")


def read_placement_agency_file(*, name: str, content: bytes) -> list[Any]:
    """Every agency of a register file (CSV, UTF-8, header ``licence_number,name,valid_from,
    valid_to,status,head_office,branches,note``; branches separated by ``;``), as
    :class:`~lentera.apps.prevention.services.placement.AgencyRecord` with their lines; or a
    ValidationError on ``file`` naming each bad line and field. No row is skipped silently."""
    from lentera.apps.prevention.services.placement import AgencyRecord, check_record

    name = name or _("the file")
    text = _decode(name, content)
    errors = _Collector(name)
    errors_cap = MAX_AGENCY_ERRORS
    records: list[AgencyRecord] = []

    def add(line: int, field: str | None, message: str) -> None:
        if len(errors.errors) < errors_cap:
            errors.errors.append(f"{name}, {_where(line, field)}: {message}")

    try:
        for row in parse_csv(text, source=name, required=("licence_number", "name")):
            values = {k: (v or "").strip() for k, v in row.values.items() if k}
            if not any(values.values()):
                continue
            unknown = [k for k in values if k not in AGENCY_FIELDS]
            for key in unknown:
                add(
                    row.line,
                    key,
                    _("unknown column; expected %(cols)s") % {"cols": ", ".join(AGENCY_FIELDS)},
                )
            dates: dict[str, dt.date | None] = {}
            for field in ("valid_from", "valid_to"):
                dates[field], problem = _date_or_problem(values.get(field, ""))
                if problem:
                    add(row.line, field, problem)
            status = values.get("status", "").lower() or "active"
            record = AgencyRecord(
                licence_number=values.get("licence_number", ""),
                name=values.get("name", ""),
                valid_from=dates["valid_from"],
                valid_to=dates["valid_to"],
                status=STATUS_WORDS.get(status, status),
                head_office=values.get("head_office", ""),
                branches=tuple(
                    b.strip() for b in values.get("branches", "").split(";") if b.strip()
                ),
                note=values.get("note", ""),
                line=row.line,
            )
            for field, messages in check_record(record).items():
                for message in messages:
                    add(row.line, field, message)
            records.append(record)
    except CsvError as exc:
        column = "licence_number" if exc.problem is Problem.MISSING_COLUMNS else None
        message = (
            _("the header needs the columns licence_number and name")
            if exc.problem is Problem.MISSING_COLUMNS
            else _csv_problem(exc)
        )
        add(exc.line or 1, column, message)
    if len(errors.errors) >= errors_cap:
        errors.errors.append(_("… and more lines with errors; correct these first."))
    errors.raise_if_any()
    if not records:
        raise ValidationError({"file": [_("The file holds no agencies.")]})
    return records


# -- return manifests (issue #15, item 6) ----------------------------------------------------------

MANIFEST_FIELDS = ("no", "name", "nik", "passport", "sex", "birth_date", "home_region", "country")
MANIFEST_SEX = {
    "l": "male",
    "lk": "male",
    "laki-laki": "male",
    "m": "male",
    "male": "male",
    "p": "female",
    "pr": "female",
    "perempuan": "female",
    "f": "female",
    "female": "female",
}
MAX_MANIFEST_ROWS = 5000
MAX_MANIFEST_ERRORS = 500


@dataclass(frozen=True)
class ManifestRow:
    """One returnee of a manifest, checked; ``notes`` are what the officer should look at
    (unknown home region, no NIK) without refusing the row."""

    line: int
    name: str
    nik: str = ""
    passport: str = ""
    sex: str = ""
    birth_date: dt.date | None = None
    home_region: str = ""
    country: str = ""
    notes: tuple[str, ...] = ()


def _xlsx_records(name: str, content: bytes) -> list[tuple[int, dict[str, str]]]:
    """The rows of the first sheet as (line, {column: text}); the first row is the header."""
    import io

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:
        raise ValidationError(
            {"file": [_("%(name)s cannot be read as a spreadsheet (XLSX).") % {"name": name}]}
        ) from exc
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(h or "").strip().lower() for h in next(rows, ())]
    records: list[tuple[int, dict[str, str]]] = []
    for number, values in enumerate(rows, start=2):
        record: dict[str, str] = {}
        for column, value in zip(header, values, strict=False):
            if not column:
                continue
            if isinstance(value, dt.datetime):
                value = value.date()
            if isinstance(value, dt.date):
                text = value.isoformat()
            elif isinstance(value, float) and value.is_integer():
                text = str(int(value))
            else:
                text = "" if value is None else str(value)
            record[column] = text.strip()
        records.append((number, record))
    book.close()
    if "name" not in header:
        raise ValidationError(
            {"file": [_("%(name)s: the header needs the column 'name'.") % {"name": name}]}
        )
    return records


def read_manifest(*, name: str, content: bytes) -> list[ManifestRow]:
    """Every returnee of a manifest (CSV UTF-8 or XLSX, header ``no,name,nik,passport,sex,
    birth_date,home_region,country``), or a ValidationError on ``file`` naming every bad line and
    field. A row is never dropped: a bad row refuses the file (and is listed); a doubtful one is
    kept with a note."""
    from lentera.idn import InvalidNik, parse_nik

    name = name or _("the file")
    errors: list[str] = []

    def add(line: int, field: str | None, message: str) -> None:
        if len(errors) < MAX_MANIFEST_ERRORS:
            errors.append(f"{name}, {_where(line, field)}: {message}")

    records: list[tuple[int, dict[str, str]]] = []
    if name.lower().endswith((".xlsx", ".xlsm")) or content[:2] == b"PK":
        records = _xlsx_records(name, content)
    else:
        text = _decode(name, content)
        try:
            for row in parse_csv(text, source=name, required=("name",)):
                records.append(
                    (row.line, {k: (v or "").strip() for k, v in row.values.items() if k})
                )
        except CsvError as exc:
            add(exc.line or 1, None, _csv_problem(exc))
    rows: list[ManifestRow] = []
    for line, record in records:
        if not any(record.values()):
            continue
        unknown = [k for k in record if k not in MANIFEST_FIELDS]
        for key in unknown:
            add(
                line,
                key,
                _("unknown column; expected %(cols)s") % {"cols": ", ".join(MANIFEST_FIELDS)},
            )
        full_name = " ".join(record.get("name", "").split())
        if not full_name:
            add(line, "name", _("is required"))
        elif len(full_name) > 200:
            add(line, "name", _("is longer than %(n)s characters") % {"n": 200})
        sex_word = record.get("sex", "").lower()
        sex = MANIFEST_SEX.get(sex_word, "")
        if sex_word and not sex:
            add(line, "sex", _("write L or P (or male, female)"))
        birth, problem = _date_or_problem(record.get("birth_date", ""))
        if problem:
            add(line, "birth_date", problem)
        notes: list[str] = []
        nik = record.get("nik", "").replace(" ", "")
        if nik:
            try:
                nik = parse_nik(nik).nik
            except InvalidNik:
                add(line, "nik", _("is not a valid NIK (16 digits)"))
        else:
            notes.append("no_nik")
        country = record.get("country", "").upper()
        if country and len(country) != 2:
            add(line, "country", _("write the two-letter country code (KH, MM, LA)"))
        region = record.get("home_region", "")
        if not region:
            notes.append("no_home_region")
        rows.append(
            ManifestRow(
                line=line,
                name=full_name,
                nik=nik,
                passport=record.get("passport", "")[:30],
                sex=sex,
                birth_date=birth,
                home_region=region,
                country=country,
                notes=tuple(notes),
            )
        )
    if len(errors) >= MAX_MANIFEST_ERRORS:
        errors.append(_("… and more lines with errors; correct these first."))
    if errors:
        raise ValidationError({"file": errors})
    if not rows:
        raise ValidationError({"file": [_("The file holds no returnees.")]})
    if len(rows) > MAX_MANIFEST_ROWS:
        raise ValidationError(
            {
                "file": [
                    _("At most %(n)s returnees per file; split the file.")
                    % {"n": MAX_MANIFEST_ROWS}
                ]
            }
        )
    return rows
