"""Normalisation of Indonesian as people write it in job ads and chats.

Two views of a text:

- :func:`fold` keeps every character at its place (same length, lower case, look-alike
  punctuation unified), so a rule that matches the folded text can quote the original words;
- :func:`features_text` / :func:`tokens` give the model a clean stream: slang and abbreviations
  expanded (``gak`` -> ``tidak``, ``utk`` -> ``untuk``, ``loker`` -> ``lowongan kerja``), money
  amounts turned into size tokens, words stemmed with Sastrawi (cached, since it is slow).

:func:`find_money` reads amounts as they are written: ``15jt``, ``2,8-3,5 jt``, ``Rp 15.000.000``,
``Rp2.500.000``, ``500rb``, ``$1.000``, ``USD 1,500``, ``RM 3.500``, with the period of pay
(``/bln``, ``per hari``, ``harian``, ``30 menit dapat``) and an approximate monthly rupiah value.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

# Same-length replacements: curly quotes, dashes and look-alikes to ASCII.
_FOLD_MAP: Final = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "−": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "＄": "$",
    }
)


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length, so offsets still point at the original."""
    unified = text.translate(_FOLD_MAP)
    low = unified.lower()
    if len(low) == len(unified):  # no character grew ("İ" -> "i̇"): the usual case
        return low
    out = []
    for ch in unified:
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


# --- money ------------------------------------------------------------------------------------

# Approximate rupiah per unit (2025). Only used to judge whether pay is "far above the market",
# so a rough rate is enough; kept here in one place so it is easy to audit and update.
RATES_IDR: Final[dict[str, int]] = {
    "idr": 1,
    "usd": 16_000,
    "myr": 3_600,
    "sgd": 12_000,
    "hkd": 2_000,
    "twd": 500,
    "jpy": 105,
    "krw": 12,
    "sar": 4_300,
    "aed": 4_400,
    "kwd": 52_000,
    "qar": 4_400,
    "thb": 450,
    "eur": 17_500,
    "aud": 10_500,
    "cny": 2_200,
}

_CURRENCY_WORDS: Final[dict[str, str]] = {
    "rp": "idr",
    "rp.": "idr",
    "idr": "idr",
    "rupiah": "idr",
    "$": "usd",
    "us$": "usd",
    "usd": "usd",
    "dollar": "usd",
    "dollars": "usd",
    "dolar": "usd",
    "rm": "myr",
    "myr": "myr",
    "ringgit": "myr",
    "sgd": "sgd",
    "s$": "sgd",
    "hkd": "hkd",
    "hk$": "hkd",
    "ntd": "twd",
    "nt$": "twd",
    "twd": "twd",
    "¥": "jpy",
    "yen": "jpy",
    "jpy": "jpy",
    "krw": "krw",
    "won": "krw",
    "sar": "sar",
    "riyal": "sar",
    "real": "sar",
    "aed": "aed",
    "dirham": "aed",
    "kwd": "kwd",
    "dinar": "kwd",
    "qar": "qar",
    "thb": "thb",
    "baht": "thb",
    "€": "eur",
    "eur": "eur",
    "euro": "eur",
    "aud": "aud",
    "a$": "aud",
    "yuan": "cny",
    "rmb": "cny",
}

_MULTIPLIERS: Final[dict[str, int]] = {
    "jt": 1_000_000,
    "jtan": 1_000_000,
    "juta": 1_000_000,
    "jutaan": 1_000_000,
    "jeti": 1_000_000,
    "rb": 1_000,
    "ribu": 1_000,
    "rebu": 1_000,
    "ribuan": 1_000,
    "k": 1_000,
    "miliar": 1_000_000_000,
    "milyar": 1_000_000_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "thousand": 1_000,
}

_CUR_PREFIX = r"(?P<cur>rp\.?|idr|us\$|usd|\$|rm|myr|sgd|s\$|hkd|hk\$|ntd|nt\$|twd|¥|jpy|krw|sar|aed|kwd|qar|thb|€|eur|aud|a\$)"
_NUM = r"\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?|\d+(?:[.,]\d+)?"
_MULT = (
    r"(?:jtan|jutaan|juta|jeti|jt|ribuan|ribu|rebu|rb|k|miliar|milyar|millions|million|thousand)"
)
_CUR_SUFFIX = r"(?P<cur2>usd|dollar|dolar|ringgit|rm|yen|won|riyal|real|dirham|dinar|baht|euro|yuan|rmb|ntd|hkd|sgd|rupiah|idr)"
_MONEY: Final = re.compile(
    rf"(?<![\w$€¥]){_CUR_PREFIX}?\s?(?P<a>{_NUM})\s?(?P<m1>{_MULT})?"
    rf"(?:\s?(?:-|s/d|sd|sampai|hingga|to|~)\s?(?:{_CUR_PREFIX.replace('cur', 'curb')}\s?)?(?P<b>{_NUM})\s?(?P<m2>{_MULT})?)?"
    rf"(?:\s?{_CUR_SUFFIX})?(?![\w])"
)
_PERIOD_AFTER: Final = re.compile(
    r"\s?(?:/|per\s?|se|tiap\s|a\s|an\s)?\s?(?P<p>bulan|bln|bl|month|mo|hari|hr|day|malam|mlm|night|jam|hour|hr|minggu|mgg|week|tahun|thn|year|menit|mnt|minute)"
)
_PERIOD_BEFORE: Final = re.compile(
    r"(?P<p>harian|per hari|sehari|/hari|daily|mingguan|per minggu|seminggu|weekly|per jam|sejam|hourly|bulanan|sebulan|per bulan|monthly|(?P<mins>\d+)\s?(?:menit|mnt|minutes?)|tahunan|setahun|per tahun)[^.!?\n]{0,30}$"
)
_PAY_CUE: Final = re.compile(
    r"(?<![\w-])(?:gaji|gajih|gj|salary|salaries|upah|bayaran|penghasilan|pendapatan|income|komisi|bonus|dapat|dpt|dapet|earn|paid|pay|cuan|uang saku|fee harian|insentif|tips)[^.!?\n]{0,25}$"
)
_FEE_CUE: Final = re.compile(
    r"(?<![\w-])(?:biaya|biayanya|bayar|transfer|tf|trf|dp|deposit|depo|uang muka|jaminan|setor|kasbon|utang|hutang|potong|denda|penalti|modal|prabayar|top up|topup|harga|tarif|st|lt)[^.!?\n]{0,20}$"
)
_PER_MONTH: Final[dict[str, float]] = {
    "month": 1.0,
    "day": 26.0,
    "week": 4.3,
    "hour": 8 * 26.0,
    "year": 1 / 12,
}


@dataclass(frozen=True, slots=True)
class Money:
    """An amount found in a text: where it is, what it is worth, and whether it looks like pay."""

    start: int
    end: int
    low_idr: int
    high_idr: int
    currency: str
    period: str | None
    monthly_idr: int | None
    kind: str  # "pay", "fee" or "other"


def _number(raw: str) -> float | None:
    text = raw
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text):
        return float(re.sub(r"[.,]", "", text))
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+,\d{1,2}", text):
        return float(re.sub(r"[.]", "", text).replace(",", "."))
    # "2,8 jt", "1.5jt", "USD 7.50": a decimal separator (three digits after it were taken as
    # thousands above).
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _period(folded: str, start: int, end: int) -> tuple[str | None, float]:
    """The pay period next to an amount, and how many such periods make a month."""
    after = _PERIOD_AFTER.match(folded, end)
    if after:
        unit = after.group("p")
        for key, names in (
            ("month", ("bulan", "bln", "bl", "month", "mo")),
            ("day", ("hari", "hr", "day", "malam", "mlm", "night")),
            ("hour", ("jam", "hour")),
            ("week", ("minggu", "mgg", "week")),
            ("year", ("tahun", "thn", "year")),
        ):
            if unit in names:
                return key, _PER_MONTH[key]
        if unit in ("menit", "mnt", "minute"):
            return "minute", 60 * 8 * 26.0
    before = _PERIOD_BEFORE.search(folded, max(0, start - 45), start)
    if before:
        word = before.group("p")
        if before.group("mins"):
            minutes = max(1, int(before.group("mins")))
            return "minutes", 60 / minutes * 8 * 26.0
        if word in ("harian", "per hari", "sehari", "/hari", "daily"):
            return "day", _PER_MONTH["day"]
        if word in ("mingguan", "per minggu", "seminggu", "weekly"):
            return "week", _PER_MONTH["week"]
        if word in ("per jam", "sejam", "hourly"):
            return "hour", _PER_MONTH["hour"]
        if word in ("tahunan", "setahun", "per tahun"):
            return "year", _PER_MONTH["year"]
        return "month", 1.0
    return None, 1.0


def _last(pattern: re.Pattern[str], text: str) -> int:
    """Start of the last match of ``pattern`` in ``text`` (-1 if none)."""
    last = -1
    for i in range(len(text)):
        if pattern.match(text, i):
            last = i
    return last


# Amounts written in words: "dua puluh juta", "lima belas jt", "seratus ribu", "twenty million".
_NUMBER_WORDS: Final[dict[str, tuple[str, int]]] = {
    **{
        w: ("unit", n)
        for n, w in enumerate(
            ("satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"), 1
        )
    },
    **{
        w: ("unit", n)
        for n, w in enumerate(
            ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), 1
        )
    },
    **{
        w: ("unit", n)
        for n, w in enumerate(
            (
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
            ),
            10,
        )
    },
    **{
        w: ("unit", n)
        for w, n in zip(
            ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
            range(20, 100, 10),
            strict=True,
        )
    },
    "sepuluh": ("unit", 10),
    "sebelas": ("unit", 11),
    "seratus": ("hundred", 100),
    "belas": ("teen", 10),
    "puluh": ("times", 10),
    "ratus": ("times", 100),
    "hundred": ("times", 100),
}
_WORD_AMOUNT: Final = re.compile(
    r"(?<![\w-])(?P<words>(?:(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")[\s-]?){1,5}?)\s?(?P<mult>juta|jutaan|jt|ribu|rebu|rb|miliar|milyar|million|thousand)"
    r"(?:\s?(?P<cur>rupiah|dolar|dollars|dollar|usd|ringgit|rm|dirham|riyal|yuan))?(?![\w-])"
)


def _words_value(words: str) -> int | None:
    """The number written in ``words`` ("dua puluh lima" -> 25), or None."""
    total = current = 0
    for word in re.split(r"[\s-]+", words.strip()):
        kind, value = _NUMBER_WORDS.get(word, ("", 0))
        if kind == "unit":
            if current and not (current >= 20 and current % 10 == 0 and value < 10):
                return None  # "satu dua tiga": figures read out, not one number
            current += value
        elif kind == "hundred" and not current:
            total += value
        elif kind == "teen" and 0 < current < 10:
            current += value
        elif kind == "times" and 0 < current < 10:
            total += current * value
            current = 0
        else:
            return None
    return total + current or None


def _kind_and_period(f: str, start: int, end: int) -> tuple[str, str | None, float]:
    period, per_month = _period(f, start, end)
    before = f[max(0, start - 30) : start]
    fee_cue = _last(_FEE_CUE, before)
    pay_cue = _last(_PAY_CUE, before)
    if fee_cue > pay_cue:
        kind = "fee"  # the nearer cue wins: "gaji 3 jt, biaya 5 jt"
    elif pay_cue >= 0 or period is not None:
        kind = "pay"
    else:
        kind = "other"
    return kind, period, per_month


def _worded_money(f: str, taken: list[tuple[int, int]]) -> list[Money]:
    found = []
    for m in _WORD_AMOUNT.finditer(f):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        number = _words_value(m.group("words"))
        if number is None:
            continue
        currency = _CURRENCY_WORDS.get(m.group("cur") or "rp", "idr")
        amount = int(number * _MULTIPLIERS[m.group("mult")] * RATES_IDR[currency])
        kind, period, per_month = _kind_and_period(f, m.start(), m.end())
        after = _PERIOD_AFTER.match(f, m.end())
        found.append(
            Money(
                start=m.start(),
                end=after.end() if after else m.end(),
                low_idr=amount,
                high_idr=amount,
                currency=currency,
                period=period,
                monthly_idr=int(amount * per_month) if kind == "pay" else None,
                kind=kind,
            )
        )
    return found


def find_money(text: str, folded: str | None = None) -> list[Money]:
    """Money amounts in ``text`` with a currency or a multiplier (bare numbers are ignored),
    in figures ("15jt", "Rp 15.000.000") or in words ("lima belas juta", "twenty million")."""
    f = fold(text) if folded is None else folded
    found: list[Money] = []
    for m in _MONEY.finditer(f):
        cur_word = m.group("cur") or m.group("curb") or m.group("cur2")
        m1, m2 = m.group("m1"), m.group("m2")
        if cur_word is None and m1 is None and m2 is None:
            continue
        currency = _CURRENCY_WORDS.get(cur_word.strip() if cur_word else "rp", "idr")
        a = _number(m.group("a"))
        b = _number(m.group("b")) if m.group("b") else None
        if a is None:
            continue
        mult_a = _MULTIPLIERS.get(m1 or m2 or "", 1)
        mult_b = _MULTIPLIERS.get(m2 or m1 or "", 1)
        low = a * mult_a
        high = b * mult_b if b is not None else low
        if high < low:
            low, high = high, low
        rate = RATES_IDR[currency]
        low_idr, high_idr = int(low * rate), int(high * rate)
        if high_idr < 1_000:  # "2 k" of something, a percentage, a time
            continue
        kind, period, per_month = _kind_and_period(f, m.start(), m.end())
        monthly = int(high_idr * per_month) if kind == "pay" else None
        end = m.end()
        while end > m.start() and f[end - 1].isspace():
            end -= 1
        after = _PERIOD_AFTER.match(f, end)
        found.append(
            Money(
                start=m.start(),
                end=after.end() if after else end,
                low_idr=low_idr,
                high_idr=high_idr,
                currency=currency,
                period=period,
                monthly_idr=monthly,
                kind=kind,
            )
        )
    if _MAYBE_WORDED.search(f):
        found.extend(_worded_money(f, [(m.start, m.end) for m in found]))
        found.sort(key=lambda m: m.start)
    return found


_MAYBE_WORDED: Final = re.compile(r"juta|ribu|rebu|jt|rb|million|thousand|miliar|milyar")


# --- tokens for the model ---------------------------------------------------------------------

# Slang, abbreviations and spelling variants seen in ads and chats -> standard Indonesian.
SLANG: Final[dict[str, str]] = {
    "gak": "tidak",
    "ga": "tidak",
    "gk": "tidak",
    "g": "tidak",
    "nggak": "tidak",
    "ngga": "tidak",
    "ngak": "tidak",
    "enggak": "tidak",
    "engga": "tidak",
    "ndak": "tidak",
    "nda": "tidak",
    "tdk": "tidak",
    "tak": "tidak",
    "kagak": "tidak",
    "utk": "untuk",
    "untk": "untuk",
    "buat": "untuk",
    "yg": "yang",
    "dg": "dengan",
    "dgn": "dengan",
    "sm": "sama",
    "sy": "saya",
    "aku": "saya",
    "gw": "saya",
    "gue": "saya",
    "kk": "kakak",
    "kak": "kakak",
    "sis": "kakak",
    "gan": "kakak",
    "bro": "kakak",
    "bgt": "banget",
    "aja": "saja",
    "doang": "saja",
    "cuma": "hanya",
    "cuman": "hanya",
    "cm": "hanya",
    "cukup": "hanya",
    "krn": "karena",
    "karna": "karena",
    "tp": "tapi",
    "tpi": "tapi",
    "udah": "sudah",
    "udh": "sudah",
    "dah": "sudah",
    "blm": "belum",
    "lg": "lagi",
    "jg": "juga",
    "bs": "bisa",
    "bsa": "bisa",
    "mau": "ingin",
    "pengen": "ingin",
    "pingin": "ingin",
    "loker": "lowongan kerja",
    "lowker": "lowongan kerja",
    "low": "lowongan",
    "bln": "bulan",
    "bl": "bulan",
    "thn": "tahun",
    "th": "tahun",
    "hr": "hari",
    "mgg": "minggu",
    "jt": "juta",
    "rb": "ribu",
    "japri": "japri",
    "dm": "japri",
    "pm": "japri",
    "inbox": "japri",
    "wa": "whatsapp",
    "wea": "whatsapp",
    "tele": "telegram",
    "tiket": "tiket",
    "ticket": "tiket",
    "dibayarin": "dibayar",
    "dibayarain": "dibayar",
    "bayarin": "bayar",
    "ditanggung": "ditanggung",
    "gratisan": "gratis",
    "free": "gratis",
    "ijasah": "ijazah",
    "ijin": "izin",
    "ortu": "orangtua",
    "cewek": "perempuan",
    "cewe": "perempuan",
    "cwe": "perempuan",
    "cowok": "laki",
    "cowo": "laki",
    "sma": "sma",
    "smk": "sma",
    "slta": "sma",
    "umroh": "umrah",
    "umrah": "umrah",
    "pasport": "paspor",
    "passport": "paspor",
    "passpor": "paspor",
    "tkw": "pekerja migran",
    "tki": "pekerja migran",
    "pmi": "pekerja migran",
    "pptkis": "p3mi",
    "pjtki": "p3mi",
    "exp": "pengalaman",
    "pengalamn": "pengalaman",
    "gaji": "gaji",
    "gajih": "gaji",
    "gj": "gaji",
    "salary": "gaji",
    "slot": "kuota",
    "buruan": "segera",
    "cepetan": "segera",
    "gercep": "segera",
    "asap": "segera",
    "urgent": "segera",
}

_WORD: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_REPEAT: Final = re.compile(r"(\w+)2\b")  # "diam2" -> "diam-diam"
_STRETCH: Final = re.compile(r"([a-z])\1{2,}")  # "bangeeet" -> "banget"
_TOKEN: Final = re.compile(r"__[a-z_]+__|[a-z0-9]+(?:-[a-z0-9]+)*")


def money_token(monthly_idr: int | None, kind: str) -> str:
    """A size token for an amount, so "15jt" and "Rp 15.000.000" look the same to the model."""
    if kind == "fee":
        return "__fee__"
    if monthly_idr is None:
        return "__amount__"
    if monthly_idr >= 20_000_000:
        return "__pay_very_high__"
    if monthly_idr >= 10_000_000:
        return "__pay_high__"
    if monthly_idr >= 5_000_000:
        return "__pay_mid__"
    return "__pay_low__"


def features_text(text: str, folded: str | None = None, money: list[Money] | None = None) -> str:
    """``text`` as the model reads it: folded, money as tokens, slang expanded, no emoji.

    ``folded`` and ``money`` (``fold(text)`` and ``find_money(text)``, when the caller already
    has them) are used only if ``text`` is already in NFKC form, where they are the same."""
    if folded is None or money is None or not unicodedata.is_normalized("NFKC", text):
        folded = fold(unicodedata.normalize("NFKC", text))
        money = find_money(folded, folded)
    pieces = []
    last = 0
    for amount in money:
        pieces.append(folded[last : amount.start])
        pieces.append(f" {money_token(amount.monthly_idr, amount.kind)} ")
        last = amount.end
    pieces.append(folded[last:])
    clean = "".join(pieces)
    clean = _REPEAT.sub(r"\1-\1", clean)
    clean = _STRETCH.sub(r"\1", clean)
    # (emoji and symbols need no removing: the tokens below are runs of [a-z0-9] and hyphens)
    slang = SLANG.get
    return " ".join([slang(word, word) for word in _TOKEN.findall(clean)])


@functools.cache
def _stemmer() -> Any:
    # Sastrawi keeps its 30,000 root words in a list and scans it for every lookup (about 1 ms
    # each, a dozen lookups a word); the same words in a set make stemming ~100x faster.
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    dictionary = ArrayDictionary()
    dictionary.words = {w for w in StemmerFactory().get_words() if w.strip()}
    return Stemmer(dictionary)


@functools.cache
def _stem_table() -> dict[str, str]:
    """Sastrawi's stems of the training texts' words, written by ``python -m
    lentera.screening.train --stems``: a batch starts without building Sastrawi's dictionary
    and stemming the common words again (a cache of the same function, not a model)."""
    path = resources.files("lentera.screening").joinpath("data/stems.json")
    try:
        with path.open("r", encoding="utf-8") as handle:
            table = json.load(handle)
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in table.get("stems", {}).items()}


def sastrawi_stem(word: str) -> str:
    """What Sastrawi makes of ``word`` (no table, no cache)."""
    return str(_stemmer().stem(word)) or word


@functools.lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """Sastrawi stem of one word, cached (Sastrawi takes about half a millisecond a word)."""
    if word.startswith("__") or not word.isalpha() or len(word) <= 3:
        return word
    known = _stem_table().get(word)
    return known if known is not None else sastrawi_stem(word)


def tokens(text: str, folded: str | None = None, money: list[Money] | None = None) -> list[str]:
    """Stemmed tokens of ``features_text(text)``; numbers become ``__num__``."""
    out = []
    for word in features_text(text, folded, money).split():
        if word.isdigit():
            out.append("__num__")
        else:
            out.extend(stem(part) for part in word.split("-") if part)
    return out
