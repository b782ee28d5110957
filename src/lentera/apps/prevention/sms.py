"""Reading community reports sent by SMS (pure Python, no Django), beside the complaint line's
format (``lentera.apps.intake.parsing``: ``KEYWORD#CATEGORY#NAME#MESSAGE``).

Two keyword forms, fields separated by ``#``::

    WASPADA#<village code>#<role>#<name>#<what was seen>     an early warning
    MUTASI#<village code>#<how many>#<destination>#<note>    residents leaving to work elsewhere

``<role>`` is ``RT``/``RW`` (RT/RW head), ``DESA``/``LURAH`` (village official) or
``BHABIN`` (Bhabinkamtibmas); the village code is the Kemendagri code (``53.71.01.1005``, dots
optional). Nothing is refused: a message in another shape is kept whole as an early warning in
free text, and each problem becomes a flag for the officer who triages it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["ROLE_WORDS", "ParsedReport", "parse_report"]

ROLE_WORDS = {
    "RT": "rt_rw_head",
    "RW": "rt_rw_head",
    "KETUART": "rt_rw_head",
    "DESA": "village_official",
    "LURAH": "village_official",
    "KADES": "village_official",
    "KELURAHAN": "village_official",
    "BHABIN": "bhabinkamtibmas",
    "BHABINKAMTIBMAS": "bhabinkamtibmas",
    "POLISI": "bhabinkamtibmas",
}
_CODE = re.compile(r"^\d{2}\.?\d{2}\.?\d{2}\.?\d{4}$")


@dataclass(frozen=True)
class ParsedReport:
    kind: str  # "early_warning" or "residents_leaving"
    region_code: str = ""
    reporter_role: str = "other"
    reporter_name: str = ""
    people_count: int | None = None
    destination: str = ""
    narrative: str = ""
    flags: tuple[str, ...] = field(default_factory=tuple)


def _code(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if len(digits) != 10:
        return ""
    return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"


def parse_report(text: str) -> ParsedReport:
    """The parts of one SMS; never raises."""
    text = (text or "").replace("\x00", " ").strip()
    if not text:
        return ParsedReport(kind="early_warning", flags=("empty",))
    parts = [p.strip() for p in text.split("#")]
    keyword = parts[0].upper()
    flags: list[str] = []
    if keyword not in ("WASPADA", "MUTASI") or len(parts) < 3:
        return ParsedReport(kind="early_warning", narrative=text, flags=("free_text",))
    code = _code(parts[1]) if _CODE.match(parts[1].replace(" ", "")) else ""
    if not code:
        flags.append("bad_region")
    if keyword == "WASPADA":
        role = ROLE_WORDS.get(re.sub(r"\W", "", parts[2].upper()), "")
        if not role:
            flags.append("unknown_role")
        name = parts[3] if len(parts) > 3 else ""
        narrative = "#".join(parts[4:]) if len(parts) > 4 else ""
        if not narrative:
            flags.append("missing_message")
        return ParsedReport(
            kind="early_warning",
            region_code=code,
            reporter_role=role or "other",
            reporter_name=name[:200],
            narrative=narrative,
            flags=tuple(flags),
        )
    count: int | None = None
    if parts[2].isdigit() and int(parts[2]) <= 10_000:
        count = int(parts[2])
    else:
        flags.append("bad_count")
    destination = parts[3] if len(parts) > 3 else ""
    if not destination:
        flags.append("missing_destination")
    return ParsedReport(
        kind="residents_leaving",
        region_code=code,
        reporter_role="village_official",
        people_count=count,
        destination=destination[:200],
        narrative="#".join(parts[4:]) if len(parts) > 4 else "",
        flags=tuple(flags),
    )
