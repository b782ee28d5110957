"""Indonesian personal names as registers write them, reduced to comparable tokens.

Two layers:

* **cleaning** keeps the person's own name: titles and degrees go (``H.``, ``Hj.``, ``Dr.``,
  ``Drs.``, ``S.H.``, ``S.Pd.``, ``A.Md.`` ...), "Family, Given" is turned round, the part after
  ``bin``/``binti`` is kept apart as the father's name, and the abbreviations of Muhammad
  (``M.``, ``Moh.``, ``Mhd.``, ``Muh.``...) and of a few other very common names are written out;
* the **spelling key** of each token folds the spelling variants people really produce: the
  pre-1972 spelling (``oe``→u, ``dj``→j, ``tj``→c, ``sj``/``nj``), old and new ``j``/``y``,
  ``ch``/``kh``/``h``, ``ph``/``f``, ``th``/``t``, ``q``/``k``, ``v``/``f``, ``dz``/``z``,
  doubled letters, ``ae``/``ai``, a final ``y`` read as ``i`` and a silent final ``h``.
  Keys are for comparison only, never for display.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Titles that come before a name (religious, honorific, academic, forms of address).
PREFIX_TITLES = frozenset(
    {
        "h", "hj", "haji", "hajah", "hajjah", "kh", "kyai", "ustad", "ustadz", "ustaz",
        "dr", "drg", "dra", "drs", "ir", "prof", "tn", "tuan", "ny", "nyonya", "nn", "nona",
        "sdr", "sdri", "saudara", "saudari", "bpk", "bp", "bapak", "pak", "ibu", "bu",
        "kak", "mr", "mrs", "ms", "miss", "alm", "almh", "almarhum", "almarhumah",
    }
)  # fmt: skip

# Academic and professional degrees, written after the name (dots removed, lowercase).
DEGREES = frozenset(
    {
        "sh", "se", "st", "spd", "spdi", "spdsd", "skom", "ssos", "sag", "sip", "sked", "skep",
        "sfarm", "sgz", "ssi", "sp", "spt", "shut", "sth", "shum", "sak", "skm", "spsi",
        "ssn", "sei", "shi", "stp", "stat", "sikom", "ns", "mh", "mm", "msi", "mpd", "mkes",
        "mkom", "mt", "mhum", "mag", "mba", "ma", "msc", "mph", "amd", "amdkeb", "amdkep",
        "amdkes", "amdfarm", "ampd", "lc", "phd", "bsc", "ba", "apt", "spog", "spa", "sppd",
        "mars", "mkn", "dr", "drs", "dra", "ir", "prof", "h", "hj",
    }
)  # fmt: skip

# Words that introduce the father's name.
PATRONYMIC_MARKERS = frozenset({"bin", "binti", "bt", "bte", "binte", "ibn", "ibnu"})

# Abbreviated or variant forms written out before the spelling key is taken.
ABBREVIATIONS: dict[str, str] = {
    **dict.fromkeys(
        (
            "m", "mhd", "muh", "muhd", "moh", "mohd", "moch", "mch", "mochd", "md", "mu",
            "mochammad", "mochamad", "mohammad", "mohamad", "mohammed", "mohamed", "muhamad",
            "muhammad", "muhammed", "muhamed", "mukhammad", "muchammad", "muchamad",
            "mokhammad", "mokhamad", "muhamat", "muhammat", "mohamat",
        ),
        "muhammad",
    ),
    **dict.fromkeys(("abd", "abdu", "abdur", "abdul", "abdoel"), "abdul"),
    **dict.fromkeys(("st", "sitti", "siti"), "siti"),
    **dict.fromkeys(("noor", "nurul", "nur", "noer"), "nur"),
}  # fmt: skip

_NON_LETTER = re.compile(r"[^a-z\s,]+")
_SPACES = re.compile(r"\s+")
_DOT_AFTER_INITIAL = re.compile(r"\b([a-z])\.(?=[a-z]{2})")  # "m.rizky" -> "m rizky"
_DEGREE_WITH_DOTS = re.compile(r"\b(?:[a-z]{1,3}\.\s?){1,3}[a-z]{0,5}\.?(?=\s*(?:,|$))")

# Ordered rewrites for the spelling key; each is (pattern, replacement).
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"oe", "u"),  # Soekarno / Sukarno
        (r"dj", "j"),  # Djoko / Joko
        (r"tj", "c"),  # Tjahjono / Cahyono
        (r"dz", "z"),  # Dzulkifli / Zulkifli
        (r"j", "y"),  # old j is y (Jusuf / Yusuf); new j meets old dj above
        (r"^sh", "sy"),  # Shinta / Syinta (not Ishak)
        (r"[ck]h", "h"),  # Achmad / Akhmad / Ahmad; Chairul / Khairul / Hairul
        (r"ph", "f"),  # Stephanus / Stefanus
        (r"th", "t"),  # Martha / Marta
        (r"q", "k"),  # Rizqi / Rizki
        (r"x", "ks"),
        (r"v", "f"),  # Alvin / Alfin
        (r"ae", "ai"),  # Zaenal / Zainal
        (r"(.)\1+", r"\1"),  # Muhammad / Muhamad, Yohannes / Yohanes
        (r"(?<=.)y$", "i"),  # Rizky / Rizki, Dedy / Dedi
        (r"(?<=[aeiou])h$", ""),  # Fatimah / Fatima
    )
)


def _ascii_lower(value: str) -> str:
    if value.isascii():  # most names are: nothing to decompose
        return value.lower()
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=200_000)
def spelling_key(token: str) -> str:
    """Fold one lowercase name token to its spelling key (``"Djoko"`` and ``"Joko"`` agree)."""
    key = ABBREVIATIONS.get(token, token)
    for pattern, replacement in _SPELLING_RULES:
        key = pattern.sub(replacement, key)
    return key or token


@dataclass(frozen=True, slots=True)
class PersonName:
    """A name reduced for comparison.

    ``tokens`` are the person's own name parts in written order (given name first once a
    "Family, Given" form is turned round), lowercase, without titles; ``father`` holds the
    parts after ``bin``/``binti``. ``keys`` are the spelling keys of ``tokens``.
    """

    original: str
    tokens: tuple[str, ...]
    father: tuple[str, ...]
    keys: tuple[str, ...]

    @property
    def key(self) -> str:
        """Spelling keys in written order, space-separated (empty when no name)."""
        return " ".join(self.keys)

    @property
    def sorted_key(self) -> str:
        """Spelling keys sorted, so that reordered parts agree."""
        return " ".join(sorted(self.keys))

    @property
    def father_key(self) -> str:
        """Spelling key of the father's name (after ``bin``/``binti``)."""
        return " ".join(spelling_key(t) for t in self.father)

    def __bool__(self) -> bool:
        return bool(self.tokens)


def _strip_titles(words: list[str]) -> list[str]:
    while len(words) > 1 and words[0] in PREFIX_TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in DEGREES:
        words = words[:-1]
    return words


def _is_title_part(part: str) -> bool:
    """True for a comma-separated part made only of degrees ("S.H.", "S. Pd", "M.Hum")."""
    joined = part.replace(".", "").replace(" ", "")
    if joined in DEGREES:
        return True
    words = part.replace(".", " ").split()
    return bool(words) and all(w in DEGREES for w in words)


@lru_cache(maxsize=200_000)
def normalize_name(value: str) -> PersonName:
    """Reduce a written name to a :class:`PersonName`.

    ``"Drs. H. Moch. Rizky, S.H."``, ``"RIZKI, MUHAMMAD"`` and ``"M. Rizky bin Yusuf"`` all
    give the keys ``("muhammad", "rizki")``. An empty or title-only value gives an empty
    name (falsy).
    """
    text = _ascii_lower(value)
    text = text.replace("'", "").replace("`", "").replace("’", "")
    parts = [p.strip() for p in text.split(",")]
    # Degrees after a comma ("Maria Lado, S.H., M.Hum.") are dropped before anything else.
    kept = [p for i, p in enumerate(parts) if p and not (i > 0 and _is_title_part(p))]
    if len(kept) >= 2:
        # "Family, Given" -> "Given Family"; only the first comma is meaningful.
        kept = [kept[1], kept[0], *kept[2:]]
    text = " ".join(kept)
    # Degrees with dots at the end without a comma ("Zaenal Arifin S.E.").
    text = _DEGREE_WITH_DOTS.sub(
        lambda m: " " if m.group(0).replace(".", "").replace(" ", "") in DEGREES else m.group(0),
        text,
    )
    text = _DOT_AFTER_INITIAL.sub(r"\1 ", text)
    text = _NON_LETTER.sub(" ", text.replace(".", " ").replace("-", " "))
    words = [w for w in _SPACES.split(text) if w and w != ","]
    words = _strip_titles(words)
    father: list[str] = []
    for i, word in enumerate(words):
        if word in PATRONYMIC_MARKERS and 0 < i < len(words) - 1:
            words, father = words[:i], _strip_titles(words[i + 1 :])
            break
    if words and words[0] in PREFIX_TITLES and len(words) == 1:
        words = []
    tokens = tuple(words)
    keys = tuple(spelling_key(t) for t in tokens)
    return PersonName(original=value, tokens=tokens, father=tuple(father), keys=keys)
