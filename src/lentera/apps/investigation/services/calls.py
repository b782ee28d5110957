"""Communication records of a case: call records (from the operator or a seized phone) imported
from CSV, every row or none. The numbers are identity: encrypted, and blind-indexed as the
people's phones are (E.164), so the network and the cross-case alerts link a number to the
person who uses it and to other cases."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.identity import blind_index
from lentera.apps.accounts.models import User
from lentera.apps.cases.models import Case
from lentera.apps.investigation.models import CallRecord
from lentera.apps.investigation.services._common import require_record
from lentera.csvfile import CsvError, parse_csv
from lentera.idn import InvalidPhone, normalize_phone

#: Columns of a call-record file (CSV, UTF-8, a header row); kind and duration are optional.
CALL_COLUMNS = ("datetime", "from_number", "to_number")
KINDS = ("call", "sms", "chat")
MAX_ROWS = 20000


def parse_moment(text: str) -> datetime:
    value = text.strip()
    for fmt in (
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%d/%m/%Y %H:%M:%S",
        "%d/%m/%Y %H:%M",
    ):
        try:
            moment = datetime.strptime(value, fmt)  # noqa: DTZ007 (local time of the record)
        except ValueError:
            continue
        return timezone.make_aware(moment)
    raise ValueError(value)


def calls_import(
    *, actor: User, case: Case, content: bytes, filename: str = "calls.csv"
) -> list[CallRecord]:
    """Import call records: every row is checked first; any error refuses the whole file with
    one message per row and saves nothing."""
    from lentera.apps.investigation.services.links import links_for_case

    require_record(actor, case)
    try:
        parsed = list(parse_csv(content, source=filename, required=CALL_COLUMNS))
    except CsvError as exc:
        raise ValidationError({"file": str(exc)}) from None
    if not parsed:
        raise ValidationError({"file": _("The file has no rows.")})
    if len(parsed) > MAX_ROWS:
        raise ValidationError({"file": _("At most %(n)s rows per file.") % {"n": MAX_ROWS}})
    problems: list[str] = []
    rows: list[CallRecord] = []
    now = timezone.now()
    for csv_row in parsed:
        v, line = csv_row.values, csv_row.line
        try:
            at = parse_moment(v["datetime"])
        except ValueError:
            problems.append(
                _("line %(line)s: the time is not YYYY-MM-DD HH:MM[:SS]") % {"line": line}
            )
            continue
        if at > now:
            problems.append(_("line %(line)s: the time is in the future") % {"line": line})
            continue
        numbers = []
        for column in ("from_number", "to_number"):
            try:
                numbers.append(normalize_phone(v[column]))
            except (InvalidPhone, ValueError):
                problems.append(
                    _("line %(line)s: %(column)s is not a phone number")
                    % {"line": line, "column": column}
                )
        kind = (v.get("kind") or "call").strip().lower() or "call"
        if kind not in KINDS:
            problems.append(_("line %(line)s: kind is call, sms or chat") % {"line": line})
        duration = (v.get("duration") or "0").strip() or "0"
        if not duration.isdigit():
            problems.append(
                _("line %(line)s: the duration is a number of seconds") % {"line": line}
            )
        if len(numbers) < 2 or kind not in KINDS or not duration.isdigit():
            continue
        rows.append(
            CallRecord(
                case=case,
                kind=kind,
                at=at,
                caller=numbers[0],
                caller_digest=blind_index(numbers[0]),
                callee=numbers[1],
                callee_digest=blind_index(numbers[1]),
                duration_seconds=int(duration),
                source=filename[:80],
                recorded_by=actor,
            )
        )
    if problems:
        raise ValidationError({"file": problems})
    with transaction.atomic():
        CallRecord.objects.bulk_create(rows)
        record_event(
            actor=actor,
            event_type=EventType.CALL_RECORDS_IMPORTED,
            obj=case,
            summary=f"{len(rows)} rows",
            data={"rows": len(rows)},
        )
    links_for_case(case)
    return rows
