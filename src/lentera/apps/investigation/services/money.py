"""Money records of a case: transfers by bank, e-wallet or cash courier, attached to the people
of the case, and the import of a bank statement (CSV) that saves every row or none.

Account numbers are identity: encrypted at rest and blind-indexed with the same key as the
people's accounts (:func:`lentera.apps.people.services.account_key`), so a transfer to an
account known in another case links the two (:mod:`.links`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.identity import blind_index
from lentera.apps.accounts.models import User
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.investigation.models import Transfer
from lentera.apps.investigation.services._common import require_record
from lentera.apps.investigation.vocab import Channel
from lentera.apps.people.models import Person, PersonAccount
from lentera.apps.people.services import account_key
from lentera.csvfile import CsvError, parse_csv

#: Columns of a bank statement (CSV, UTF-8, a header row); channel is optional (bank).
STATEMENT_COLUMNS = ("date", "amount", "from_bank", "from_account", "to_bank", "to_account")
OPTIONAL_COLUMNS = ("reference", "channel")
MAX_ROWS = 5000


def account_digest(channel: str, provider: str, account: str) -> str:
    """The blind index of an account (empty for cash or a missing number)."""
    if channel == Channel.CASH_COURIER or not account.strip():
        return ""
    kind = "ewallet" if channel == Channel.EWALLET else "bank"
    return blind_index(account_key(kind, provider, account))


@dataclass(frozen=True)
class TransferInput:
    channel: str
    amount: int
    on: date
    from_provider: str = ""
    from_account: str = ""
    to_provider: str = ""
    to_account: str = ""
    reference: str = ""
    from_person: Person | None = None
    to_person: Person | None = None


def _case_people(case: Case) -> dict[str, Person]:
    """Digest -> person, for every account of the case's parties."""
    persons = CaseParty.objects.filter(case=case).values("person_id")
    return {
        a.digest: a.person
        for a in PersonAccount.objects.filter(person_id__in=persons).select_related("person")
    }


def _check(case: Case, row: TransferInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if row.channel not in Channel.values:
        errors["channel"] = _("Choose bank, e-wallet or cash courier.")
    if row.amount <= 0:
        errors["amount"] = _("The amount must be more than zero.")
    if row.on > timezone.localdate():
        errors["on"] = _("The date cannot be in the future.")
    if row.channel != Channel.CASH_COURIER and not (row.from_account or row.to_account):
        errors["from_account"] = _("Give at least one account number.")
    parties = set(CaseParty.objects.filter(case=case).values_list("person_id", flat=True))
    for name, person in (("from_person", row.from_person), ("to_person", row.to_person)):
        if person is not None and person.pk not in parties:
            errors[name] = _("Choose a person of this case.")
    return errors


def _build(
    actor: User, case: Case, row: TransferInput, known: dict[str, Person], source: str
) -> Transfer:
    from_digest = account_digest(row.channel, row.from_provider, row.from_account)
    to_digest = account_digest(row.channel, row.to_provider, row.to_account)
    return Transfer(
        case=case,
        channel=row.channel,
        amount=row.amount,
        on=row.on,
        from_person=row.from_person or known.get(from_digest),
        to_person=row.to_person or known.get(to_digest),
        from_provider=row.from_provider.strip(),
        from_account=row.from_account.strip(),
        from_digest=from_digest,
        to_provider=row.to_provider.strip(),
        to_account=row.to_account.strip(),
        to_digest=to_digest,
        reference=row.reference.strip()[:80],
        source=source[:80],
        recorded_by=actor,
    )


def transfer_record(*, actor: User, case: Case, row: TransferInput) -> Transfer:
    """Record one transfer; an account of a party of the case attaches that person."""
    from lentera.apps.investigation.services.links import links_for_case

    require_record(actor, case)
    errors = _check(case, row)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        transfer = _build(actor, case, row, _case_people(case), "manual")
        transfer.save()
        record_event(
            actor=actor,
            event_type=EventType.TRANSFER_RECORDED,
            obj=case,
            summary=f"{Channel(row.channel).label}: Rp{row.amount:,}".replace(",", "."),
            data={"transfer": transfer.pk, "amount": row.amount},
        )
    links_for_case(case)
    return transfer


_ID_AMOUNT = re.compile(r"^\d{1,3}(\.\d{3})+(,\d{1,2})?$")
_EN_AMOUNT = re.compile(r"^\d{1,3}(,\d{3})+(\.\d{1,2})?$")
_PLAIN = re.compile(r"^\d+([.,]\d{1,2})?$")


def parse_amount(text: str) -> int:
    """Rupiah from a statement: 12.000.000, 12.000.000,00, 12,000,000.00 or 12000000."""
    value = text.replace("Rp", "").replace("rp", "").replace(" ", "").strip()
    if _ID_AMOUNT.match(value):
        whole = value.split(",")[0].replace(".", "")
    elif _EN_AMOUNT.match(value):
        whole = value.split(".")[0].replace(",", "")
    elif _PLAIN.match(value):
        whole = re.split(r"[.,]", value)[0]
    else:
        raise ValueError(value)
    return int(whole)


def parse_day(text: str) -> date:
    value = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(value, fmt).date()  # noqa: DTZ007 (a day, no time)
        except ValueError:
            continue
    raise ValueError(value)


@dataclass(frozen=True)
class ImportResult:
    saved: list[Transfer]


def statement_import(
    *, actor: User, case: Case, content: bytes, filename: str = "statement.csv"
) -> ImportResult:
    """Import a bank statement: every row is checked first; any error refuses the whole file
    with one message per row (``line N: ...``) and saves nothing."""
    from lentera.apps.investigation.services.links import links_for_case

    require_record(actor, case)
    problems: list[str] = []
    rows: list[TransferInput] = []
    try:
        parsed = list(parse_csv(content, source=filename, required=STATEMENT_COLUMNS))
    except CsvError as exc:
        raise ValidationError({"file": str(exc)}) from None
    if not parsed:
        raise ValidationError({"file": _("The file has no rows.")})
    if len(parsed) > MAX_ROWS:
        raise ValidationError({"file": _("At most %(n)s rows per file.") % {"n": MAX_ROWS}})
    for csv_row in parsed:
        v = csv_row.values
        line = csv_row.line
        channel = (v.get("channel") or Channel.BANK).strip().lower() or Channel.BANK
        try:
            amount = parse_amount(v["amount"])
        except ValueError:
            problems.append(_("line %(line)s: the amount is not a number") % {"line": line})
            continue
        try:
            on = parse_day(v["date"])
        except ValueError:
            problems.append(
                _("line %(line)s: the date is not YYYY-MM-DD or DD/MM/YYYY") % {"line": line}
            )
            continue
        row = TransferInput(
            channel=channel,
            amount=amount,
            on=on,
            from_provider=v["from_bank"],
            from_account=v["from_account"],
            to_provider=v["to_bank"],
            to_account=v["to_account"],
            reference=v.get("reference", ""),
        )
        errors = _check(case, row)
        if errors:
            problems.extend(
                _("line %(line)s: %(error)s") % {"line": line, "error": message}
                for message in errors.values()
            )
            continue
        rows.append(row)
    if problems:
        raise ValidationError({"file": problems})
    known = _case_people(case)
    with transaction.atomic():
        saved = [_build(actor, case, row, known, filename) for row in rows]
        Transfer.objects.bulk_create(saved)
        record_event(
            actor=actor,
            event_type=EventType.TRANSFERS_IMPORTED,
            obj=case,
            summary=f"{len(saved)} rows",
            data={"rows": len(saved), "total": sum(r.amount for r in rows)},
        )
    links_for_case(case)
    return ImportResult(saved=saved)
