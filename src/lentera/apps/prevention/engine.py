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
    flag_explanation,
    indicator_reason,
    load_default_policy,
    offer_advice,
    parse_departure,
    parse_offer,
    score_of_risk,
    screen_departure,
    screen_offer,
    snippet,
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
    snippet: str = ""


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
    """What the offer pages show: level, score, summary, flags explained with the words around
    them, advice, marked text."""
    flags = [_flag_view(f, text) for f in result.flags]
    return {
        "level": result.level,
        "level_label": level_label(result.level),
        "risk": result.risk,
        "score": result.score,
        "notice": result.notice,
        "summary": result.advice[0] if result.advice else "",
        "advice": list(result.advice[1:]),
        "flags": flags,
        "marked": highlight(text, [f.evidence for f in flags]),
    }


def _flag_view(flag: Flag, text: str) -> FlagView:
    return FlagView(
        flag.code,
        flag_label(flag.code),
        flag.evidence,
        flag.explanation,
        snippet(text, flag.start, flag.end),
    )


def stored_result(result: OfferResult) -> dict[str, Any]:
    """What is kept of an offer's screening: codes, numbers and the words found (with where
    they are), never a sentence in a language; :func:`present_stored_offer` explains it in the
    reader's language."""
    return result.to_record()


def _evidence_span(text: str, flag: Mapping[str, Any]) -> tuple[int, int]:
    """Where a stored flag's words are: the stored span if it still quotes them, else (rows
    stored before spans were kept) the first place the words are found."""
    evidence = str(flag.get("evidence", ""))
    start, end = flag.get("start"), flag.get("end")
    if isinstance(start, int) and isinstance(end, int) and text[start:end] == evidence:
        return start, end
    spans = _spans(text, [evidence])
    return spans[0] if spans else (-1, -1)


def offer_score(result: Mapping[str, Any], risk: float | None = None) -> float:
    """The stored 0-100 score, or one computed from the risk (rows stored before scores)."""
    score = result.get("score")
    if isinstance(score, (int, float)):
        return float(score)
    value = risk if risk is not None else result.get("risk")
    return score_of_risk(float(value)) if isinstance(value, (int, float)) else 0.0


def present_stored_offer(result: Mapping[str, Any], text: str) -> dict[str, Any]:
    """The same view as :func:`present_offer`, of a stored result, in the reader's language.

    Rows stored before results were kept as codes carry an explanation and advice in the
    language of the officer who screened them; they are written again from the codes too."""
    lang = current_lang()
    flags = []
    for f in result.get("flags", []):
        code = str(f.get("code", ""))
        start, end = _evidence_span(text, f)
        flags.append(
            FlagView(
                code=code,
                label=flag_label(code),
                evidence=str(f.get("evidence", "")),
                explanation=flag_explanation(code, lang) or str(f.get("explanation", "")),
                snippet=snippet(text, start, end),
            )
        )
    level = str(result.get("level", ""))
    notice = bool(result.get("notice"))
    advice = list(offer_advice(level, [f.code for f in flags], notice, lang))
    return {
        "level": level,
        "level_label": level_label(level),
        "risk": result.get("risk"),
        "score": offer_score(result),
        "notice": notice,
        "summary": advice[0] if advice else "",
        "advice": advice[1:],
        "flags": flags,
        "marked": highlight(text, [f.evidence for f in flags]),
    }


def flag_snippets(result: Mapping[str, Any], text: str, limit: int = 2) -> list[str]:
    """The words around the first ``limit`` red flags of a stored offer (for the queue)."""
    out = []
    for f in list(result.get("flags", []))[:limit]:
        start, end = _evidence_span(text, f)
        piece = snippet(text, start, end, width=25)
        if piece:
            out.append(piece)
    return out


# Old departure rows stored each reason as a sentence; their parameters are the interview's
# answers, kept in clear on the row (the legal basis of the policy row excepted).
_INTERVIEW_PARAMS = {
    "age": "age",
    "country": "destination_country",
    "purpose": "stated_purpose",
    "visa": "visa_type",
    "recruiter": "recruited_by",
    "group_size": "group_size",
}
_AMOUNT_FIELD = {"fees_paid": "fees_paid_idr", "salary_too_good": "salary_promised_idr"}


def _old_params(code: str, screening: Any) -> dict[str, Any]:
    params = {name: getattr(screening, field, None) for name, field in _INTERVIEW_PARAMS.items()}
    if code in _AMOUNT_FIELD:
        params["amount"] = getattr(screening, _AMOUNT_FIELD[code], None)
    return params


def indicator_views(
    result: Mapping[str, Any], screening: Any = None, lang: str | None = None
) -> list[dict[str, str]]:
    """The stored indicators explained in ``lang`` (the page's language when None):
    ``{code, reason}``.

    New rows keep ``{code, params}``; old rows ``{code, reason}`` in the language of the
    officer then, explained again from the interview on ``screening`` where that gives every
    value (a reason that quotes a legal basis keeps its stored sentence)."""
    lang = lang or current_lang()
    out = []
    for item in result.get("indicators", []):
        code = str(item.get("code", ""))
        stored = str(item.get("reason", ""))
        params = item.get("params")
        try:
            if isinstance(params, Mapping):
                reason = indicator_reason(code, params, lang)
            elif screening is not None and "{legal_basis}" not in _reason_template(code):
                reason = indicator_reason(code, _old_params(code, screening), lang)
            else:
                reason = stored
        except KeyError:  # a code these rules no longer know
            reason = stored or code
        out.append({"code": code, "reason": reason})
    return out


def _reason_template(code: str) -> str:
    return indicator_reason(code, {"legal_basis": "{legal_basis}"}, "id")


def present_departure(result: Mapping[str, Any], screening: Any = None) -> dict[str, Any]:
    level = str(result.get("level", ""))
    return {
        "level": level,
        "level_label": level_label(level),
        "risk": result.get("risk"),
        "indicators": indicator_views(result, screening),
        "actions": [(code, action_label(code)) for code in result.get("actions", [])],
    }
