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
from collections.abc import Mapping
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
    """A red flag with the words of the text that triggered it."""

    code: str
    evidence: str
    explanation: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "evidence": self.evidence}


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

    def risk(self, feats: Mapping[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, z))))


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


def _advice_for(level: Level, flags: tuple[Flag, ...], notice: bool, lang: str) -> tuple[str, ...]:
    data = _advice()
    lines: list[str] = [data["notice"][lang] if notice else data["level"][lang][level]]
    seen: set[str] = set()
    for flag in flags:
        tip = data["tips"][lang].get(flag.code)
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
    risk = model.risk(features(analysis, tokens(offer.text)))
    level: Level = "high" if risk >= model.high else "medium" if risk >= model.medium else "low"
    explanations = _advice()["flags"][language]
    flags: tuple[Flag, ...] = ()
    if not analysis.notice:
        flags = tuple(
            Flag(code, analysis.evidence(code), explanations[code])
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
        advice=_advice_for(level, flags, analysis.notice, language),
        notice=analysis.notice,
    )
