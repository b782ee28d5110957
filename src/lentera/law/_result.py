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
    the statute threatens prison *or* a fine (KUHP 457) rather than both, ``fine_either`` where
    it threatens either or both ("dan/atau"). ``participation`` is the article that extends
    liability to the person assessed (Pasal 10 assistance or attempt, Pasal 11 conspiracy), or
    ``None`` for a principal. ``ceiling_applied`` is true when the 20-year ceiling on temporal
    prison lowered the maximum.
    """

    ref: str
    label: Text
    prison_years: Range
    life: bool
    fine_idr: Range | None
    aggravations: tuple[str, ...]
    fine_alternative: bool = False
    participation: str | None = None
    fine_either: bool = False
    ceiling_applied: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``charges[]`` object."""
        return {
            "ref": self.ref,
            "prison_years": self.prison_years.to_dict(),
            "life": self.life,
            "fine_idr": None if self.fine_idr is None else self.fine_idr.to_dict(),
            "aggravations": list(self.aggravations),
            "participation": self.participation,
        }


@dataclass(frozen=True)
class RelatedOffence:
    """An offence of another law to consider beside the charges, with its penalty.

    ``prison_years`` is ``None`` for a fine-only penalty (UU 18/2017 Pasal 87, a corporation).
    """

    ref: str
    label: Text
    prison_years: Range | None
    life: bool
    fine_idr: Range | None
    fine_alternative: bool = False
    fine_either: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The contract's (version 2) ``related[]`` object."""
        return {
            "ref": self.ref,
            "prison_years": None if self.prison_years is None else self.prison_years.to_dict(),
            "fine_idr": None if self.fine_idr is None else self.fine_idr.to_dict(),
        }


STATUSES = ("met", "not_met", "unknown")


@dataclass(frozen=True)
class ElementCheck:
    """One element of an offence: ``met``, ``not_met``, or ``unknown`` (it depends on an element
    listed as not known yet). ``label`` names the element; ``fact`` is the fact that met it, or
    why it is not met (empty when unknown)."""

    name: str
    status: str
    label: Text
    fact: Text


@dataclass(frozen=True)
class OffenceCheck:
    """The checklist of one offence: ``charged`` when it is among the charges, ``possible`` when
    some way the unknown elements could turn out would meet it; ``absorbed_by`` the charge that
    covers it instead (Pasal 6 beside Pasal 2-4 with a means)."""

    ref: str
    label: Text
    charged: bool
    possible: bool
    elements: tuple[ElementCheck, ...]
    absorbed_by: str | None = None


@dataclass(frozen=True)
class Decider:
    """An element listed as unknown that alone decides the outcome: each value it can take, in
    words, with the outcome it gives."""

    element: str
    branches: tuple[tuple[Text, str], ...]


@dataclass(frozen=True)
class Qualification:
    """What the statute says for the facts of one case, with the reasoning in two languages.

    ``explanation`` holds every reasoning step in Indonesian and English; ``reasons`` gives
    them in ``lang``. ``possible_outcomes`` lists the outcomes the unknown elements leave open
    (one item when the outcome is decided). ``offence_date`` is the date that chose the regime
    (today when the facts gave none). ``related`` holds the references of
    ``related_offences``. ``checklists`` gives, for each charge and each offence still possible,
    its elements as met / not met / unknown; ``deciders`` the unknown elements that would each
    decide an open outcome alone.
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
    related_offences: tuple[RelatedOffence, ...] = ()
    checklists: tuple[OffenceCheck, ...] = ()
    deciders: tuple[Decider, ...] = ()

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
            "related": [item.to_dict() for item in self.related_offences],
            "missing": list(self.missing),
            "reasons": list(self.reasons_in(lang or self.lang)),
            "settings": self.settings.to_dict(),
        }
