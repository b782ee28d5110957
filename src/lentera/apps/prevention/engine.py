"""The bridge between the pages and the pure screening core (:mod:`lentera.screening`).

* The destination-policy table is built from the database rows an administrator edits
  (``reference.DestinationPolicy``), so their edits take effect at the next screening. Only when
  the table is empty (a fresh installation before ``load_reference``) the shipped defaults are
  used, so a fresh site never calls Cambodia "not in the table".
* The core's :class:`~lentera.screening.InvalidInput` becomes a Django ``ValidationError`` on the
  field it names.
* :func:`highlight` marks the words that triggered each flag in the text, safely escaped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from lentera.apps.prevention.vocab import ActionCode, FlagCode, Level
from lentera.apps.reference.models import DestinationPolicy as PolicyRow
from lentera.screening import (
    DepartureInput,
    DepartureResult,
    DestinationPolicy,
    DestinationPolicyTable,
    Flag,
    InvalidInput,
    OfferResult,
    PolicyError,
    load_default_policy,
    parse_departure,
    parse_offer,
    screen_departure,
    screen_offer,
)

log = logging.getLogger(__name__)


def current_lang() -> str:
    """The site language as the core knows it (``id`` or ``en``)."""
    return "en" if (get_language() or "id").startswith("en") else "id"


def destination_table(on: date | None = None) -> DestinationPolicyTable:
    """The destination policy for a departure on ``on`` (today when None): the rows that have
    not ended by then.

    A row the core rejects (it should not happen: the reference pages validate) is left out
    and logged, so one bad edit does not stop every screening.
    """
    rows = PolicyRow.objects.all()
    if not rows.exists():
        return load_default_policy()
    day = on or timezone.localdate()
    rows = rows.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
    kept: list[DestinationPolicy] = []
    for row in rows.values("country_id", "sector", "status", "legal_basis", "valid_from", "note"):
        plain = {
            "country": row["country_id"],
            "sector": row["sector"],
            "status": row["status"],
            "legal_basis": row["legal_basis"],
            "valid_from": row["valid_from"],
            "note": row["note"],
        }
        try:
            kept.extend(DestinationPolicyTable.from_rows([plain]))
        except PolicyError as exc:
            log.error(
                "destination policy %s/%s skipped: %s", plain["country"], plain["sector"], exc
            )
    return DestinationPolicyTable(kept)


def invalid(exc: InvalidInput, *, line: int | None = None) -> ValidationError:
    """The core's error as a ValidationError on the named field (the line in the message)."""
    message = exc.message
    where = line if line is not None else exc.line
    if where is not None:
        message = f"line {where}: {message}"
    return ValidationError({exc.field or "__all__": [message]})


def check_offer(
    *, text: str, source: str = "", lang: str | None = None, record_id: str | None = None
) -> OfferResult:
    """Screen one offer with the site's destination policy; nothing is stored."""
    record: dict[str, object] = {"text": text}
    if source:
        record["source"] = source
    if record_id:
        record["id"] = record_id
    try:
        offer = parse_offer(record)
    except InvalidInput as exc:
        raise invalid(exc) from exc
    return screen_offer(offer, lang=lang or current_lang(), policy=destination_table())


def check_departure(
    record: Mapping[str, object], *, lang: str | None = None
) -> tuple[DepartureInput, DepartureResult]:
    """Parse and screen one interview (contract fields); nothing is stored."""
    try:
        dep = parse_departure(record)
    except InvalidInput as exc:
        raise invalid(exc) from exc
    result = screen_departure(
        dep, policy=destination_table(dep.departure_date), lang=lang or current_lang()
    )
    return dep, result


# -- presentation -------------------------------------------------------------------------------


def _spans(text: str, evidences: Iterable[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for evidence in evidences:
        if not evidence:
            continue
        start = text.find(evidence)
        lowered = text.lower()
        if start < 0 and len(lowered) == len(text):  # same offsets only if lengths agree
            start = lowered.find(evidence.lower())
        if start >= 0:
            spans.append((start, start + len(evidence)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, evidences: Iterable[str]) -> SafeString:
    """``text`` escaped, with each evidence wrapped in ``<mark>`` (overlaps merged)."""
    out: list[str] = []
    cursor = 0
    for start, end in _spans(text, evidences):
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


@dataclass(frozen=True)
class FlagView:
    code: str
    label: str
    evidence: str
    explanation: str


def flag_label(code: str) -> str:
    try:
        return str(FlagCode(code).label)
    except ValueError:
        return code


def action_label(code: str) -> str:
    try:
        return str(ActionCode(code).label)
    except ValueError:
        return code


def country_name(code: str) -> str:
    """The country's name in the site language (ISO 3166 names, as the reference table)."""
    if not code:
        return ""
    return dict(country_choices()).get(code, code)


def country_choices() -> list[tuple[str, str]]:
    """ISO 3166 countries as (code, name) in the site language, Indonesia first."""
    lang = current_lang()
    if lang not in _COUNTRY_CHOICES:
        _COUNTRY_CHOICES[lang] = _build_country_choices(lang)
    return _COUNTRY_CHOICES[lang]


_COUNTRY_CHOICES: dict[str, list[tuple[str, str]]] = {}


def _build_country_choices(lang: str) -> list[tuple[str, str]]:
    import gettext

    import pycountry

    indonesian: Callable[[str], str] | None = None
    if lang == "id":
        try:
            indonesian = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=["id"]
            ).gettext
        except OSError:  # translations missing from this pycountry build
            indonesian = None

    def name(country: Any) -> str:
        if indonesian is not None:
            return indonesian(country.name)
        return str(getattr(country, "common_name", None) or country.name)

    names = [(c.alpha_2, name(c)) for c in pycountry.countries if c.alpha_2 != "ID"]
    return [("ID", "Indonesia"), *sorted(names, key=lambda item: item[1])]


def level_label(level: str) -> str:
    try:
        return str(Level(level).label)
    except ValueError:
        return level


def present_offer(result: OfferResult, text: str) -> dict[str, Any]:
    """What the offer pages show: level, summary, flags explained, advice, marked text."""
    flags = [_flag_view(f) for f in result.flags]
    return {
        "level": result.level,
        "level_label": level_label(result.level),
        "risk": result.risk,
        "notice": result.notice,
        "summary": result.advice[0] if result.advice else "",
        "advice": list(result.advice[1:]),
        "flags": flags,
        "marked": highlight(text, [f.evidence for f in flags]),
    }


def _flag_view(flag: Flag) -> FlagView:
    return FlagView(flag.code, flag_label(flag.code), flag.evidence, flag.explanation)


def stored_result(result: OfferResult, lang: str) -> dict[str, Any]:
    """What is kept of an offer's screening: the contract object, each flag with the
    explanation shown to the officer, and the language it was written in."""
    body = result.to_dict()
    body["flags"] = [f.to_dict() | {"explanation": f.explanation} for f in result.flags]
    body["notice"] = result.notice
    body["lang"] = lang
    return body


def present_stored_offer(result: Mapping[str, Any], text: str) -> dict[str, Any]:
    """The same view as :func:`present_offer`, of a stored result."""
    flags = [
        FlagView(
            code=str(f.get("code", "")),
            label=flag_label(str(f.get("code", ""))),
            evidence=str(f.get("evidence", "")),
            explanation=str(f.get("explanation", "")),
        )
        for f in result.get("flags", [])
    ]
    advice = [str(a) for a in result.get("advice", [])]
    level = str(result.get("level", ""))
    return {
        "level": level,
        "level_label": level_label(level),
        "risk": result.get("risk"),
        "notice": bool(result.get("notice")),
        "summary": advice[0] if advice else "",
        "advice": advice[1:],
        "flags": flags,
        "marked": highlight(text, [f.evidence for f in flags]),
    }


def present_departure(result: Mapping[str, Any]) -> dict[str, Any]:
    level = str(result.get("level", ""))
    return {
        "level": level,
        "level_label": level_label(level),
        "risk": result.get("risk"),
        "indicators": list(result.get("indicators", [])),
        "actions": [(code, action_label(code)) for code in result.get("actions", [])],
    }
