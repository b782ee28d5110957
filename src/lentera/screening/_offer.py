"""Job-offer screening: rules find the red flags, a trained linear model weighs them into risk.

The model is a logistic regression trained by ``python -m lentera.screening.train`` on the
written examples in ``data/training/offers.jsonl`` and shipped as plain JSON
(``data/offer_model.json``: intercept, one weight per feature, level thresholds and training
figures), so it can be read and audited without unpickling anything. Features are the red-flag
rule hits, context signals (licensed agency, government programme, official warning, address,
no-fee statement...) and stemmed words and word pairs of the normalised text.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

from lentera.screening._codes import DEFAULT_LANG, FLAG_CODES, LANGS, Level
from lentera.screening._errors import InvalidInput, ModelError
from lentera.screening._inputs import OfferInput
from lentera.screening._normalize import tokens
from lentera.screening._policy import DestinationPolicyTable, load_default_policy
from lentera.screening._rules import Analysis, analyse

MODEL_VERSION: Final = "offer-model-1"


@dataclass(frozen=True, slots=True)
class Flag:
    """A red flag with the words of the text that triggered it (``evidence``, found at
    ``start:end`` of the text) and its explanation in the chosen language."""

    code: str
    evidence: str
    explanation: str = ""
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "evidence": self.evidence}

    def to_record(self) -> dict[str, Any]:
        """What to store: code, the words and where they are; no sentence in any language."""
        return {"code": self.code, "evidence": self.evidence, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class OfferResult:
    """The screening of one offer. ``notice`` is True when the text reads as an official
    warning about such offers (its red-flag words are then not reported as flags)."""

    id: str | None
    risk: float
    level: Level
    flags: tuple[Flag, ...]
    advice: tuple[str, ...]
    notice: bool = False
    score: float = 0.0
    logit: float = 0.0

    @property
    def probability(self) -> float:
        """``risk`` before rounding (what a store keeps to order offers and to score them)."""
        return 1.0 / (1.0 + math.exp(-self.logit))

    def to_record(self) -> dict[str, Any]:
        """What to store: codes, numbers and the words found, never a sentence in a language;
        explanations and advice are written again in the reader's language when shown
        (:func:`flag_explanation`, :func:`offer_advice`)."""
        return {
            "id": self.id,
            "risk": self.risk,
            "score": self.score,
            "logit": round(self.logit, 4),
            "level": self.level,
            "notice": self.notice,
            "flags": [f.to_record() for f in self.flags],
            "model_version": MODEL_VERSION,
        }

    def to_dict(self) -> dict[str, Any]:
        """The contract's output object: ``id``, ``risk``, ``level``, ``flags``, ``advice``."""
        return {
            "id": self.id,
            "risk": self.risk,
            "level": self.level,
            "flags": [f.to_dict() for f in self.flags],
            "advice": list(self.advice),
        }


def features(analysis: Analysis, words: list[str]) -> dict[str, float]:
    """The model's inputs for one text (binary, so every weight reads as "present adds w")."""
    out: dict[str, float] = {}
    for code in analysis.flags:
        out[f"flag:{code}"] = 1.0
    for name in analysis.signals:
        out[f"signal:{name}"] = 1.0
    if analysis.notice:
        out["signal:notice"] = 1.0
    if analysis.places:
        out["signal:foreign_place"] = 1.0
    out["count:flags"] = min(len(analysis.flags), 8) / 4.0
    for word in words:
        out[f"tok:{word}"] = 1.0
    for left, right in itertools.pairwise(words):
        out[f"tok:{left} {right}"] = 1.0
    return out


def featurize(text: str, policy: DestinationPolicyTable | None = None) -> dict[str, float]:
    """Rules plus normalised tokens of ``text``: what training and screening both feed the model."""
    analysis = analyse(text, policy or load_default_policy())
    return features(analysis, tokens(text))


@dataclass(frozen=True, slots=True)
class _Model:
    version: str
    intercept: float
    weights: Mapping[str, float]
    high: float
    medium: float

    def logit(self, feats: Mapping[str, float]) -> float:
        weights = self.weights
        z = self.intercept + sum([weights[k] * v for k, v in feats.items() if k in weights])
        return max(-35.0, min(35.0, z))

    def risk(self, feats: Mapping[str, float]) -> float:
        return 1.0 / (1.0 + math.exp(-self.logit(feats)))


SCORE_SPREAD: Final = 4.0


def score_of(logit: float) -> float:
    """A 0-100 score from the model's log-odds that keeps offers apart where ``risk`` (a
    probability) saturates at 1.00: the same order as ``risk``, spread four times wider
    (``100 / (1 + exp(-logit / 4))``); the level thresholds are not on this scale."""
    return round(100.0 / (1.0 + math.exp(-logit / SCORE_SPREAD)), 1)


def score_of_risk(risk: float) -> float:
    """:func:`score_of` from a stored ``risk`` (rows stored before scores were kept)."""
    if risk <= 0.0:
        return 0.0
    if risk >= 1.0:
        return 100.0
    return score_of(math.log(risk / (1.0 - risk)))


def _load_json(name: str) -> Any:
    path = resources.files("lentera.screening").joinpath(f"data/{name}")
    try:
        with path.open("r", encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read data/{name}: {exc}") from exc


@functools.cache
def _model() -> _Model:
    raw = _load_json("offer_model.json")
    try:
        model = _Model(
            version=str(raw["model_version"]),
            intercept=float(raw["intercept"]),
            weights={str(k): float(v) for k, v in raw["weights"].items()},
            high=float(raw["thresholds"]["high"]),
            medium=float(raw["thresholds"]["medium"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelError(f"offer model: malformed data ({exc!r})") from exc
    if model.version != MODEL_VERSION:
        raise ModelError(
            f"offer model is {model.version!r} but the code expects {MODEL_VERSION!r}; "
            "retrain with `python -m lentera.screening.train`"
        )
    return model


@functools.cache
def _advice() -> Mapping[str, Any]:
    raw = _load_json("offer_advice.json")
    for lang in LANGS:
        missing = [c for c in FLAG_CODES if c not in raw["flags"][lang]]
        if missing:
            raise ModelError(f"offer advice: no {lang} text for {missing}")
    return raw  # type: ignore[no-any-return]


def flag_explanation(code: str, lang: str = DEFAULT_LANG) -> str:
    """What red flag ``code`` means, in ``lang`` (empty for an unknown code)."""
    return str(_advice()["flags"][lang if lang in LANGS else DEFAULT_LANG].get(code, ""))


def offer_advice(
    level: str, flag_codes: Iterable[str], notice: bool, lang: str = DEFAULT_LANG
) -> tuple[str, ...]:
    """The advice for a screening with this level, these red flags and notice, in ``lang``:
    the summary line first, then tips and the official channels."""
    language = lang if lang in LANGS else DEFAULT_LANG
    known: Level = level if level in ("high", "medium", "low") else "medium"  # type: ignore[assignment]
    return _advice_for(known, tuple(flag_codes), notice, language)


def snippet(text: str, start: int, end: int, width: int = 40) -> str:
    """The words at ``text[start:end]`` with up to ``width`` characters of context each side,
    cut at word boundaries and marked with "…" where cut (one line)."""
    if not (0 <= start <= end <= len(text)):
        return ""
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    piece = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + piece + ("…" if right < len(text) else "")


def _advice_for(level: Level, codes: tuple[str, ...], notice: bool, lang: str) -> tuple[str, ...]:
    data = _advice()
    lines: list[str] = [data["notice"][lang] if notice else data["level"][lang][level]]
    seen: set[str] = set()
    for code in codes:
        tip = data["tips"][lang].get(code)
        if tip and tip not in seen:
            seen.add(tip)
            lines.append(tip)
    lines.extend(data["channels"][lang]["verify"])
    if level != "low" or notice:
        lines.extend(data["channels"][lang]["report"])
    return tuple(lines)


def screen_offer(
    offer: OfferInput,
    *,
    lang: str | None = None,
    policy: DestinationPolicyTable | None = None,
) -> OfferResult:
    """Screen one job offer, chat message or post.

    ``lang`` (``id`` or ``en``) overrides the record's own ``lang``; Indonesian by default.
    ``policy`` is the destination-policy table that decides which destinations are risky (the
    shipped defaults when None).
    """
    language = lang or offer.lang or DEFAULT_LANG
    if language not in LANGS:
        raise InvalidInput(f"unknown language {language!r}; expected id or en", field="lang")
    model = _model()
    analysis = analyse(offer.text, policy or load_default_policy())
    words = tokens(offer.text, analysis.folded, analysis.money)
    logit = model.logit(features(analysis, words))
    risk = 1.0 / (1.0 + math.exp(-logit))
    level: Level = "high" if risk >= model.high else "medium" if risk >= model.medium else "low"
    explanations = _advice()["flags"][language]
    flags: tuple[Flag, ...] = ()
    if not analysis.notice:
        flags = tuple(
            Flag(code, analysis.evidence(code), explanations[code], *analysis.span(code))
            for code in FLAG_CODES
            if code in analysis.flags
        )
        # A text aimed at children that offers sexual services is child sexual exploitation,
        # whatever the model says.
        if "minor_targeted" in analysis.flags and "sexual_service" in analysis.flags:
            level = "high"
    return OfferResult(
        id=offer.id,
        risk=round(risk, 4),
        level=level,
        flags=flags,
        advice=_advice_for(level, tuple(f.code for f in flags), analysis.notice, language),
        notice=analysis.notice,
        score=score_of(logit),
        logit=logit,
    )
