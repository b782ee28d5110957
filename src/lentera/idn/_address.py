"""Indonesian addresses and region references reduced to comparable tokens."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Abbreviations written out (or made uniform) before the address is split into tokens.
# Each rule is (a substring that must be present, pattern, replacement); the substring test
# skips most patterns cheaply, which matters for registers of millions of addresses.
_EXPANSIONS: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (needle, re.compile(pattern), replacement)
    for needle, pattern, replacement in (
        ("j", r"\bjl?n?\b\.?", " jalan "),
        ("gg", r"\bgg\b\.?", " gang "),
        ("kel", r"\bkel\b\.?", " kelurahan "),
        ("kec", r"\bkec\b\.?", " kecamatan "),
        ("kab", r"\bkab\b\.?", " kabupaten "),
        ("ds", r"\bds\b\.?", " desa "),
        ("dsn", r"\bdsn\b\.?", " dusun "),
        ("prov", r"\bprov\b\.?", " provinsi "),
        ("perum", r"\bperum\b\.?", " perumahan "),
        ("blk", r"\bblk\b\.?", " blok "),
        ("no", r"\bno(?:mor)?\b\.?\s*(?=\d)", " "),
        ("rt", r"\brt\s*/\s*rw\b\.?\s*0*(\d+)\s*/\s*0*(\d+)", r" rt\1 rw\2 "),
        ("rt", r"\brt\b\.?\s*0*(\d+)", r" rt\1 "),
        ("rw", r"\brw\b\.?\s*0*(\d+)", r" rw\1 "),
        ("/", r"\b0*(\d+)\s*/\s*0*(\d+)\b", r" rt\1 rw\2 "),
    )
)
# Words that say what kind of place follows; they carry no identity of their own.
_STOPWORDS = frozenset(
    {
        "jalan", "gang", "lorong", "kelurahan", "kecamatan", "kabupaten", "kota", "desa",
        "dusun", "provinsi", "perumahan", "blok", "rt", "rw", "no", "kampung", "kp", "lingk",
        "lingkungan", "komplek", "kompleks", "di", "dan", "raya", "indonesia",
    }
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")


def _ascii_lower(value: str) -> str:
    if value.isascii():  # most names are: nothing to decompose
        return value.lower()
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=200_000)
def address_tokens(value: str) -> tuple[str, ...]:
    """Distinctive tokens of an address, in written order, without repeats.

    ``"Jl. Cak Doko No. 12, RT 003/RW 005, Kel. Oebobo"`` gives
    ``("cak", "doko", "12", "rt3", "rw5", "oebobo")``: abbreviations are written out,
    house numbers lose their "No." and leading zeros, RT and RW numbers stay attached to
    their marker, and words
    such as *jalan* or *kelurahan* are dropped.
    """
    text = _ascii_lower(value)
    text = text.replace(",", " , ")
    for needle, pattern, replacement in _EXPANSIONS:
        if needle in text:
            text = pattern.sub(replacement, text)
    seen: dict[str, None] = {}
    for word in _WORD.findall(text):
        if word not in _STOPWORDS:
            seen.setdefault(word.lstrip("0") or "0" if word.isdigit() else word, None)
    return tuple(seen)


_REGION_CODE = re.compile(r"^\d{2}(?:[.\s]?\d{2}){0,2}(?:[.\s]?\d{4})?$")
_REGION_PREFIX = re.compile(
    r"^(?:kota|kabupaten|kab|kec|kecamatan|kel|kelurahan|desa|provinsi|prov)\b\.?\s*"
)


@lru_cache(maxsize=50_000)
def region_key(value: str) -> str | None:
    """A region reference made comparable: a Kemendagri code loses its dots
    (``"53.71.01"`` -> ``"537101"``); a name is lowercased with its kind word kept
    (``"Kota Kupang"`` -> ``"kota kupang"``, ``"Kab. Kupang"`` -> ``"kabupaten kupang"``),
    because Kota and Kabupaten Kupang are different places. None when empty.
    """
    text = _ascii_lower(value).strip()
    if not text:
        return None
    if _REGION_CODE.match(text):
        return re.sub(r"[.\s]", "", text)
    text = re.sub(r"^kab\b\.?", "kabupaten", text)
    words = _WORD.findall(text)
    return " ".join(words) or None
