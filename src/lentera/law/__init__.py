"""Legal qualification of trafficking cases under Indonesian law (a pure core, no Django).

Typed facts in, a typed qualification out::

    from lentera.law import parse_facts, qualify

    result = qualify(parse_facts({"offence_date": "2021-03-01", "acts": ["sending"], ...}))
    result.outcome, [c.ref for c in result.charges], result.reasons

The articles, their elements and penalties are data: one table per legal regime
(``data/uu21_2007.json`` until 1 January 2026, ``data/kuhp2023.json`` from 2 January 2026),
read with :mod:`importlib.resources`. Aggravations are rules over those tables, and the points
the legal reference marks UNVERIFIED are :class:`EngineSettings`. The contract of the output is
``contracts/qualify.md``; :meth:`Qualification.to_dict` gives exactly that object.

Exceptions::

    LawError                    base of everything this package raises
    ├── InvalidFacts            unreadable facts; has .field, .index and a clear message
    ├── InvalidSettings         an EngineSettings value outside its choices
    └── LawDataError            an inconsistent shipped table (a bug, never the input)

The engine states what the statute says for the facts given. It is not legal advice.
"""

from ._codes import FACT_CODES, Text, code_label
from ._errors import InvalidFacts, InvalidSettings, LawDataError, LawError
from ._facts import INPUT_FIELDS, CaseFacts, Perpetrator, Placement, Victim, parse_facts
from ._penalty import Range
from ._qualify import ENGINE_VERSION, qualify
from ._result import (
    OUTCOMES,
    STATUSES,
    Charge,
    Decider,
    ElementCheck,
    OffenceCheck,
    Qualification,
    RelatedOffence,
)
from ._settings import BOOLEAN_SETTINGS, STACKING_CHOICES, EngineSettings
from ._tables import article_label

__all__ = [
    "BOOLEAN_SETTINGS",
    "ENGINE_VERSION",
    "FACT_CODES",
    "INPUT_FIELDS",
    "OUTCOMES",
    "STACKING_CHOICES",
    "STATUSES",
    "CaseFacts",
    "Charge",
    "Decider",
    "ElementCheck",
    "EngineSettings",
    "InvalidFacts",
    "InvalidSettings",
    "LawDataError",
    "LawError",
    "OffenceCheck",
    "Perpetrator",
    "Placement",
    "Qualification",
    "Range",
    "RelatedOffence",
    "Text",
    "Victim",
    "article_label",
    "code_label",
    "parse_facts",
    "qualify",
]
