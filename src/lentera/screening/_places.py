"""Places named in job offers: foreign countries and cities, and Indonesian transit points.

Words are matched on folded (lower-case) text at word boundaries. Country codes are ISO 3166
alpha-2; the destination policy decides which of them are risky for work.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

FOREIGN_PLACES: Final[dict[str, str]] = {
    # no placement agreement (policy table): Cambodia, Myanmar, Laos, Thailand
    "kamboja": "KH",
    "cambodia": "KH",
    "camboja": "KH",
    "kamboya": "KH",
    "phnom penh": "KH",
    "pnom penh": "KH",
    "phnompenh": "KH",
    "sihanoukville": "KH",
    "sihanouk": "KH",
    "shihanoukville": "KH",
    "poipet": "KH",
    "bavet": "KH",
    "siem reap": "KH",
    "myanmar": "MM",
    "burma": "MM",
    "myawaddy": "MM",
    "myawadi": "MM",
    "shwe kokko": "MM",
    "kk park": "MM",
    "yangon": "MM",
    "laos": "LA",
    "golden triangle": "LA",
    "segitiga emas": "LA",
    "vientiane": "LA",
    "bokeo": "LA",
    "thailand": "TH",
    "thailan": "TH",
    "bangkok": "TH",
    "mae sot": "TH",
    "pattaya": "TH",
    "phuket": "TH",
    # Middle East (household-work ban)
    "arab saudi": "SA",
    "saudi arabia": "SA",
    "saudi": "SA",
    "arab": "SA",
    "riyadh": "SA",
    "riyad": "SA",
    "jeddah": "SA",
    "jedah": "SA",
    "jiddah": "SA",
    "mekah": "SA",
    "makkah": "SA",
    "mekkah": "SA",
    "madinah": "SA",
    "dubai": "AE",
    "abu dhabi": "AE",
    "abudhabi": "AE",
    "uni emirat arab": "AE",
    "uea": "AE",
    "uae": "AE",
    "sharjah": "AE",
    "kuwait": "KW",
    "qatar": "QA",
    "doha": "QA",
    "oman": "OM",
    "muscat": "OM",
    "bahrain": "BH",
    "yordania": "JO",
    "jordan": "JO",
    "amman": "JO",
    "mesir": "EG",
    "egypt": "EG",
    "kairo": "EG",
    "irak": "IQ",
    "iraq": "IQ",
    "erbil": "IQ",
    "suriah": "SY",
    "syria": "SY",
    "lebanon": "LB",
    "libanon": "LB",
    "libya": "LY",
    "aljazair": "DZ",
    "maroko": "MA",
    "tunisia": "TN",
    "yaman": "YE",
    "yemen": "YE",
    # open destinations (lawful only through licensed channels)
    "malaysia": "MY",
    "kuala lumpur": "MY",
    "johor": "MY",
    "johor bahru": "MY",
    "penang": "MY",
    "sabah": "MY",
    "sarawak": "MY",
    "tawau": "MY",
    "kota kinabalu": "MY",
    "kuching": "MY",
    "selangor": "MY",
    "singapura": "SG",
    "singapore": "SG",
    "hong kong": "HK",
    "hongkong": "HK",
    "taiwan": "TW",
    "taipei": "TW",
    "jepang": "JP",
    "japan": "JP",
    "tokyo": "JP",
    "osaka": "JP",
    "korea": "KR",
    "korea selatan": "KR",
    "south korea": "KR",
    "seoul": "KR",
    "brunei": "BN",
    "jerman": "DE",
    "germany": "DE",
    "australia": "AU",
    "turki": "TR",
    "turkey": "TR",
    "polandia": "PL",
    "poland": "PL",
    "eropa": "EU",
    "europe": "EU",
    "vietnam": "VN",
    "filipina": "PH",
    "philippines": "PH",
    "manila": "PH",
    "china": "CN",
    "tiongkok": "CN",
    "makau": "MO",
    "macau": "MO",
    "luar negeri": "XX",
    "overseas": "XX",
    "abroad": "XX",
}

# Indonesian places known as exit or transit points of non-procedural migration.
TRANSIT_POINTS: Final[frozenset[str]] = frozenset(
    {
        "batam",
        "tanjung balai karimun",
        "tanjungbalai karimun",
        "karimun",
        "tanjung pinang",
        "tanjungpinang",
        "nunukan",
        "entikong",
        "dumai",
        "bengkalis",
        "aruk",
        "sebatik",
    }
)

_FLAG_EMOJI: Final = re.compile("([\U0001f1e6-\U0001f1ff])([\U0001f1e6-\U0001f1ff])")
_MAYBE_FLAG: Final = re.compile("[\U0001f1e6-\U0001f1ff]")


def _alternation(words: frozenset[str] | dict[str, str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


FOREIGN_RE: Final = re.compile(rf"(?<![\w-])(?:{_alternation(FOREIGN_PLACES)})(?![\w-])")
TRANSIT_RE: Final = re.compile(rf"(?<![\w-])(?:{_alternation(TRANSIT_POINTS)})(?![\w-])")


def foreign_places(
    folded: str,
    original: str,
    scan: Callable[[re.Pattern[str]], Iterable[re.Match[str]]] | None = None,
) -> list[tuple[str, int, int]]:
    """(country code, start, end) of each foreign place or flag emoji in the text (``scan``, when
    given, is a faster ``pattern.finditer(folded)``)."""
    matches = scan(FOREIGN_RE) if scan is not None else FOREIGN_RE.finditer(folded)
    out = [(FOREIGN_PLACES[m.group(0)], m.start(), m.end()) for m in matches]
    if not _MAYBE_FLAG.search(original):
        return out
    for m in _FLAG_EMOJI.finditer(original):
        code = chr(ord(m.group(1)) - 0x1F1E6 + 65) + chr(ord(m.group(2)) - 0x1F1E6 + 65)
        if code != "ID":
            out.append((code, m.start(), m.end()))
    return sorted(out, key=lambda item: item[1])
