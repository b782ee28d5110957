"""Reading a file of job offers for the monitoring queue: CSV or JSON Lines.

Columns (CSV) or fields (JSON Lines): ``text`` (required), ``source``, ``url``, ``id``. Every
row is checked before anything is stored; the errors name the line of the file and the field
(``line 3, field 'source': ...``), at most :data:`MAX_ERRORS` of them.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from lentera.apps.prevention.vocab import OfferSource
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
    def __init__(self) -> None:
        self.errors: list[str] = []

    def add(self, line: int, field: str | None, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(f"{_where(line, field)}: {message}")

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


def _decode(content: bytes) -> str:
    if len(content) > MAX_BYTES:
        raise ValidationError(
            {"file": [_("The file is larger than %(n)s MB.") % {"n": MAX_BYTES // (1024 * 1024)}]}
        )
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError({"file": [_("The file is not UTF-8 text.")]}) from exc


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


def _read_csv(text: str, errors: _Collector) -> list[OfferRow]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in reader.fieldnames or []]
    if "text" not in header:
        errors.add(1, "text", _("the header has no column 'text'"))
        return []
    reader.fieldnames = header
    rows: list[OfferRow] = []
    start = reader.line_num + 1
    try:
        for record in reader:
            extra = record.pop(None, None)
            if extra:
                errors.add(start, None, _("has more values than the header has columns"))
            elif any(v is not None and str(v).strip() for v in record.values()):
                cleaned = {k: v for k, v in record.items() if v is not None}
                row = check_row(cleaned, start, errors)
                if row is not None:
                    rows.append(row)
            start = reader.line_num + 1
    except csv.Error as exc:
        errors.add(start, None, _("cannot be read as CSV (%(error)s)") % {"error": exc})
    return rows


def read_offer_file(*, name: str, content: bytes) -> list[OfferRow]:
    """Every offer of the file, or a ValidationError on ``file`` listing the bad lines."""
    text = _decode(content)
    errors = _Collector()
    rows = _read_json_lines(text, errors) if _is_json_lines(name, text) else _read_csv(text, errors)
    errors.raise_if_any()
    if not rows:
        raise ValidationError({"file": [_("The file holds no offers.")]})
    if len(rows) > MAX_ROWS:
        raise ValidationError(
            {"file": [_("At most %(n)s offers per file; split the file.") % {"n": MAX_ROWS}]}
        )
    return rows
