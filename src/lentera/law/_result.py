"""The typed output of the engine: charges and the qualification of one case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ._codes import Text, check_lang
from ._penalty import Range
from ._settings import EngineSettings

OUTCOMES = ("trafficking", "smuggling", "not_trafficking", "insufficient_facts")


@dataclass(frozen=True)
class Charge:
    """One offence whose elements the facts satisfy, with its penalty after aggravation.

    ``prison_years.max`` is ``None`` when the maximum is life (``life`` is then true);
    ``fine_idr`` is ``None`` where the statute sets no fine. ``fine_alternative`` is true where
    the statute threatens prison *or* a fine (KUHP 457) rather than both.
    """

    ref: str
    label: Text
    prison_years: Range
    life: bool
    fine_idr: Range | None
    aggravations: tuple[str, ...]
    fine_alternative: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``charges[]`` object."""
        return {
            "ref": self.ref,
            "prison_years": self.prison_years.to_dict(),
            "life": self.life,
            "fine_idr": None if self.fine_idr is None else self.fine_idr.to_dict(),
            "aggravations": list(self.aggravations),
        }


@dataclass(frozen=True)
class Qualification:
    """What the statute says for the facts of one case, with the reasoning in two languages.

    ``explanation`` holds every reasoning step in Indonesian and English; ``reasons`` gives
    them in ``lang``. ``possible_outcomes`` lists the outcomes the unknown elements leave open
    (one item when the outcome is decided). ``offence_date`` is the date that chose the regime
    (today when the facts gave none).
    """

    id: str | None
    outcome: str
    regime: str
    charges: tuple[Charge, ...]
    related: tuple[str, ...]
    missing: tuple[str, ...]
    explanation: tuple[Text, ...]
    possible_outcomes: tuple[str, ...]
    offence_date: date
    settings: EngineSettings
    engine_version: str
    lang: str = "id"

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasoning steps in ``lang``."""
        return tuple(step.get(self.lang) for step in self.explanation)

    def reasons_in(self, lang: str) -> tuple[str, ...]:
        """The reasoning steps in another language (``"id"`` or ``"en"``)."""
        check_lang(lang)
        return tuple(step.get(lang) for step in self.explanation)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Exactly the contract's output object, with reasons in ``lang`` (default ``lang``)."""
        return {
            "id": self.id,
            "outcome": self.outcome,
            "regime": self.regime,
            "charges": [charge.to_dict() for charge in self.charges],
            "related": list(self.related),
            "missing": list(self.missing),
            "reasons": list(self.reasons_in(lang or self.lang)),
        }
