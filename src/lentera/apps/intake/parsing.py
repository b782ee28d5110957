"""Reading SMS and WhatsApp complaints that arrive through the gateway (pure Python, no Django).

Citizens write to the SMS line in the keyword form ``KEYWORD#CATEGORY#SENDER NAME#MESSAGE``
(``TPPO#TKI#Maria#Adik saya dibawa ke Malaysia``) or simply in free text. Nothing here ever
refuses a message: whatever arrives is decoded as well as it can be, and every problem becomes a
*flag* on the result (:data:`FLAGS` lists them) for the officer to see. The caller stores the
whole text (and the raw bytes when they were not clean text) however badly it parses.

The only exception class is :class:`GatewayError`, raised for programming errors (a caller that
passes neither ``text`` nor ``raw``); message content never raises.

What the parser derives from a message (``facts``) are *hints* for triage: ``child``,
``migrant_worker``, ``danger_now`` and ``departure_today``, from the category word or from a few
unambiguous phrases of the free text. They err on the side of urgency; the officer who triages
confirms or corrects them.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from dataclasses import dataclass, field

from lentera.idn import InvalidPhone, normalize_phone

__all__ = [
    "CATEGORIES",
    "FLAGS",
    "KEYWORDS",
    "MAX_MESSAGE_CHARS",
    "GatewayError",
    "GatewayMessage",
    "decode_payload",
    "normalize_sender",
    "parse_gateway",
    "parse_text",
    "reply_text",
]

#: Longer messages (about ten concatenated SMS) are flagged ``oversized``; they are still kept whole.
MAX_MESSAGE_CHARS = 1600

#: Keywords the SMS line advertises or that people use. Another first word is accepted too
#: (flagged ``unknown_keyword``) when the message otherwise has the four parts. ``ACA`` is the
#: keyword the migrant-worker hotline publishes (``ACA#TKI#name#problem``, issue #18).
KEYWORDS = frozenset(
    {"TPPO", "LAPOR", "ADUAN", "PENGADUAN", "SAPA", "SAPA129", "TOLONG", "HELP", "ACA"}
)

#: Category words and the triage facts they state. Unknown categories are kept and flagged.
CATEGORIES: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("TKI", "TKW", "PMI", "CPMI", "BMI", "MIGRAN", "NAKER", "BURUH", "KERJA"),
        frozenset({"migrant_worker"}),
    ),
    **dict.fromkeys(("ANAK", "ABG", "ESKA", "PELAJAR"), frozenset({"child"})),
    **dict.fromkeys(("DARURAT", "BAHAYA", "SOS", "SEKAP"), frozenset({"danger_now"})),
    **dict.fromkeys(("BERANGKAT", "KEBERANGKATAN"), frozenset({"departure_today"})),
    **dict.fromkeys(("TPPO", "UMUM", "LAIN", "LAINNYA", "INFO", "SEKS", "PSK"), frozenset()),
}

#: Every flag the parser may set, with what it means (shown to officers).
FLAGS: dict[str, str] = {
    "empty": "The message is empty.",
    "free_text": "Written as free text, not in the keyword form.",
    "unknown_keyword": "The first word is not one of the SMS line's keywords.",
    "unknown_category": "The category is not one the SMS line knows.",
    "missing_category": "The category part is missing.",
    "missing_name": "The sender's name part is missing.",
    "missing_message": "The message part is missing.",
    "extra_separator": "The message itself contains '#'; it was kept as part of the message.",
    "swapped_fields": "Category and name were written the other way round.",
    "oversized": "The message is longer than expected; it is stored whole.",
    "bad_encoding": "Some bytes were not valid text; they were replaced and the raw bytes kept.",
    "utf16": "The bytes were UTF-16 (UCS-2) text.",
    "bad_base64": "The raw field was not valid base64; it was stored as received.",
    "control_chars": "The message held NUL or broken characters; they were replaced.",
    "bad_sender": "The sender is not a valid phone number.",
    "no_sender": "No sender number was given.",
    "hint_child": "The text suggests a child is involved.",
    "hint_migrant_worker": "The text suggests a migrant worker.",
    "hint_danger_now": "The text suggests someone is in danger now.",
    "hint_departure_today": "The text suggests a departure today.",
}

_KEYWORD = re.compile(r"[A-Za-z][A-Za-z0-9]{1,19}")
_NAME_LIKE = re.compile(r"[^\W\d_]+(?:[\s.'’-]+[^\W\d_]+){0,4}\.?")
_WORD = re.compile(r"[A-Za-z0-9]+")

# Phrases of free text that suggest a triage fact. Deliberately few and unambiguous: they raise
# urgency, and an officer confirms them at triage.
_HINTS: dict[str, tuple[re.Pattern[str], ...]] = {
    "child": (
        re.compile(r"\banak\b(?![\s-]*buah)"),  # not "anak buah (kapal)": crew
        re.compile(r"\b(?:di ?bawah umur|masih sekolah|pelajar|siswi|siswa|balita)\b"),
        re.compile(r"\b(?:sd|smp)\b"),
        re.compile(r"\b(?:umur|usia)(?:nya)?\s*(?:1[0-7]|[1-9])\s*(?:th|thn|tahun)\b"),
    ),
    "migrant_worker": (
        re.compile(r"\b(?:tki|tkw|pmi|cpmi|bmi|pekerja migran|buruh migran)\b"),
        re.compile(r"\b(?:kerja|bekerja|dikirim|dibawa)\s+(?:di|ke)\s+luar\s+negeri\b"),
        re.compile(
            r"\b(?:ke|di)\s+(?:malaysia|malaysi|singapura|hong ?kong|taiwan|arab saudi|saudi|"
            r"kamboja|cambodia|myanmar|thailand|brunei|korea|jepang)\b"
        ),
    ),
    "danger_now": (
        re.compile(r"\b(?:disekap|dikurung|dikunci|disiksa|dianiaya|dipukuli?|diperkosa)\b"),
        re.compile(r"\b(?:darurat|bahaya|diancam (?:dibunuh|mati))\b"),
        re.compile(r"\btidak (?:bisa|boleh|dapat) (?:keluar|pulang|kabur|pergi)\b"),
    ),
    "departure_today": (
        re.compile(
            r"\b(?:berangkat|diberangkatkan|dikirim|terbang|naik kapal|naik pesawat)\b"
            r"[^.!?\n]{0,30}?\b(?:hari ini|malam ini|sore ini|pagi ini|siang ini|sekarang)\b"
        ),
        re.compile(
            r"\b(?:hari ini|malam ini|sore ini|pagi ini|siang ini)\b[^.!?\n]{0,20}?"
            r"\b(?:berangkat|diberangkatkan|dikirim|terbang)\b"
        ),
    ),
}


class GatewayError(ValueError):
    """A caller used the parser wrongly (never raised for message content)."""


@dataclass(frozen=True)
class ParsedText:
    """The parts of one decoded message."""

    format: str  # "keyword", "free_text" or "empty"
    keyword: str = ""
    category: str = ""
    sender_name: str = ""
    message: str = ""
    facts: frozenset[str] = frozenset()
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class GatewayMessage:
    """A gateway message, decoded and parsed, with every problem as a flag."""

    text: str  # the whole decoded text, exactly what the complaint keeps
    raw_base64: str  # the bytes as received, when they were not clean text ("" otherwise)
    format: str
    keyword: str
    category: str
    sender_name: str
    message: str
    facts: frozenset[str]
    sender_phone: str | None  # E.164, when the sender is a valid number
    sender_raw: str
    flags: tuple[str, ...] = field(default=())


def _clean_chars(text: str) -> tuple[str, bool]:
    """Replace NUL and lone surrogates (which no database or UTF-8 encoder accepts)."""
    changed = False
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if code == 0 or 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
            changed = True
        else:
            out.append(ch)
    return "".join(out), changed


def _looks_utf16(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if len(data) >= 4 and len(data) % 2 == 0:
        even_zeros = data[0::2].count(0)
        odd_zeros = data[1::2].count(0)
        half = len(data) // 2
        if even_zeros >= 0.3 * half and odd_zeros == 0:
            return "utf-16-be"
        if odd_zeros >= 0.3 * half and even_zeros == 0:
            return "utf-16-le"
    return None


def decode_payload(
    *, text: str | None = None, raw: str | None = None
) -> tuple[str, str, list[str]]:
    """The message text, the raw bytes in base64 ("" when the text was clean) and flags.

    ``raw`` is base64 of the bytes as the gateway received them; it wins over ``text`` when both
    are given. Bytes that are not UTF-8 are tried as UTF-16 (SMS in UCS-2), otherwise decoded
    with replacement characters; the bytes are always kept.
    """
    flags: list[str] = []
    if raw is not None:
        try:
            data = base64.b64decode(raw.strip(), validate=True)
        except (binascii.Error, ValueError):
            flags.append("bad_base64")
            decoded, changed = _clean_chars(raw)
            if changed:
                flags.append("control_chars")
            return decoded, "", flags
        decoded = ""
        # UCS-2 first: ASCII written as UTF-16 is also "valid" UTF-8 full of NUL bytes.
        encoding = _looks_utf16(data)
        if encoding is not None:
            try:
                decoded = data.decode(encoding)
                flags.append("utf16")
            except UnicodeDecodeError:
                encoding = None
        if encoding is None:
            try:
                decoded = data.decode("utf-8")
            except UnicodeDecodeError:
                decoded = data.decode("utf-8", errors="replace")
                flags.append("bad_encoding")
        decoded = decoded.lstrip("\ufeff")
        decoded, changed = _clean_chars(decoded)
        if changed:
            flags.append("control_chars")
        keep = base64.b64encode(data).decode("ascii") if flags else ""
        return decoded, keep, flags
    if text is None:
        raise GatewayError("give the message as text or as base64 raw bytes")
    decoded, changed = _clean_chars(text)
    if changed:
        flags.append("control_chars")
        keep = base64.b64encode(text.encode("utf-8", errors="surrogatepass")).decode("ascii")
        return decoded, keep, flags
    return decoded, "", flags


def normalize_sender(sender: str) -> tuple[str | None, list[str]]:
    """The sender's number in E.164 and flags; accepts ``0812…``, ``+62 812…``, ``62812…``,
    ``0062…`` and WhatsApp forms (``whatsapp:+62…``, ``62…@c.us``, ``62…@s.whatsapp.net``)."""
    value = sender.strip()
    if not value:
        return None, ["no_sender"]
    value = re.sub(r"^(?:whatsapp|wa|tel|sms):", "", value, flags=re.IGNORECASE)
    value = re.sub(r"@(?:c\.us|s\.whatsapp\.net|g\.us)$", "", value, flags=re.IGNORECASE)
    try:
        return normalize_phone(value), []
    except InvalidPhone:
        return None, ["bad_sender"]


def _category_facts(category: str) -> tuple[frozenset[str], bool]:
    """Facts stated by a category (``TKI/ANAK`` combines) and whether every word was known."""
    words = [w.upper() for w in _WORD.findall(category)]
    facts: set[str] = set()
    known = bool(words)
    for word in words:
        if word in CATEGORIES:
            facts |= CATEGORIES[word]
        else:
            known = False
    return frozenset(facts), known


def _is_category(segment: str) -> bool:
    words = [w.upper() for w in _WORD.findall(segment)]
    return bool(words) and all(w in CATEGORIES for w in words) and len(segment) <= 30


def _text_hints(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKC", text).lower()
    return {fact for fact, patterns in _HINTS.items() if any(p.search(folded) for p in patterns)}


def _keyword_parts(parts: list[str]) -> ParsedText | None:
    keyword = parts[0].strip()
    if not _KEYWORD.fullmatch(keyword):
        return None
    known = keyword.upper() in KEYWORDS
    if not known and len(parts) < 4:
        return None  # "Halo#saya mau lapor" is free text, not a keyword message
    flags: list[str] = [] if known else ["unknown_keyword"]
    rest = [p.strip() for p in parts[1:]]
    category = name = message = ""
    if len(rest) >= 3:
        category, name = rest[0], rest[1]
        if not _is_category(category) and _is_category(name):
            category, name = name, category
            flags.append("swapped_fields")
        message = "#".join(parts[3:]).strip()
        if len(rest) > 3:
            flags.append("extra_separator")
    else:
        # Fewer parts than the form asks for: the last part is the message; before it a known
        # category word is the category, anything else that reads like a name is the name.
        *head, message = rest
        for segment in head:
            if not category and _is_category(segment):
                category = segment
            elif not name and _NAME_LIKE.fullmatch(segment):
                name = segment
            elif not category:
                category = segment
            else:
                message = f"{segment}#{message}" if message else segment
    facts, known_category = _category_facts(category)
    if not category:
        flags.append("missing_category")
    elif not known_category:
        flags.append("unknown_category")
    if not name:
        flags.append("missing_name")
    if not message:
        flags.append("missing_message")
    return ParsedText(
        format="keyword",
        keyword=keyword.upper(),
        category=category.upper(),
        sender_name=" ".join(name.split())[:120],
        message=message,
        facts=facts,
        flags=tuple(flags),
    )


def parse_text(text: str) -> ParsedText:
    """Split a decoded message into keyword, category, sender name and message (or free text)."""
    body = text.replace("\uff03", "#").strip()  # a full-width '#' is a '#'
    if not body:
        return ParsedText(format="empty", flags=("empty",))
    parsed = _keyword_parts(body.split("#")) if "#" in body else None
    if parsed is None:
        parsed = ParsedText(format="free_text", message=body, flags=("free_text",))
    hints = _text_hints(parsed.message) - parsed.facts
    hint_flags = tuple(f"hint_{fact}" for fact in sorted(hints))
    return ParsedText(
        format=parsed.format,
        keyword=parsed.keyword,
        category=parsed.category,
        sender_name=parsed.sender_name,
        message=parsed.message,
        facts=parsed.facts | hints,
        flags=parsed.flags + hint_flags,
    )


def parse_gateway(
    *, text: str | None = None, raw: str | None = None, sender: str = ""
) -> GatewayMessage:
    """Decode, parse and check one gateway message. Never raises for what the message holds."""
    decoded, raw_base64, flags = decode_payload(text=text, raw=raw)
    parsed = parse_text(decoded)
    phone, sender_flags = normalize_sender(sender)
    all_flags = [*flags, *parsed.flags, *sender_flags]
    if len(decoded) > MAX_MESSAGE_CHARS:
        all_flags.append("oversized")
    return GatewayMessage(
        text=decoded,
        raw_base64=raw_base64,
        format=parsed.format,
        keyword=parsed.keyword,
        category=parsed.category,
        sender_name=parsed.sender_name,
        message=parsed.message,
        facts=parsed.facts,
        sender_phone=phone,
        sender_raw=sender.strip()[:64],
        flags=tuple(dict.fromkeys(all_flags)),
    )


def reply_text(tracking_code: str) -> str:
    """The acknowledgement sent back by SMS or WhatsApp, in Indonesian, within one SMS (160
    GSM characters): the tracking code, where to follow it, that identity is protected, and the
    emergency numbers."""
    return (
        f"Laporan diterima. Kode: {tracking_code}. Cek status di situs Lentera, menu Cek Status. "
        "Identitas Anda dirahasiakan. Darurat: Polisi 110 / SAPA 129"
    )
