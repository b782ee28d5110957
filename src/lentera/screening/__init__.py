"""Early-detection screening of job offers and of departures (issue 4).

Pure Python, no Django. Two screenings, as ``shared/contracts/screening.md`` fixes them:

- :func:`screen_offer` reads a job offer, chat message or post and returns its red flags (each
  with the words that triggered it), a ``risk`` from a trained, auditable model, a ``level`` and
  advice with the official channels;
- :func:`screen_departure` scores a posko interview with weighted indicators grounded in
  UU 18/2017 and the destination-policy table, and returns the level, the indicators with
  reasons and the actions, most urgent first.

Results are stored as codes and parameters (``to_record``) and explained again in the reader's
language: :func:`flag_explanation`, :func:`offer_advice`, :func:`indicator_reason`;
:func:`snippet` quotes the words of a flag with their context, :func:`score_of_risk` gives the
0-100 score that keeps offers apart where ``risk`` saturates.

Exceptions: :class:`ScreeningError` is the base of everything raised here;
:class:`InvalidInput` (also ``ValueError``) names the ``field`` and the ``line``;
:class:`PolicyError` names the row and column of a bad destination-policy row;
:class:`ModelError` means the shipped model or rules data is missing or inconsistent.
"""

from lentera.screening._departure import (
    INDICATOR_CODES,
    DepartureResult,
    Indicator,
    departure_rules_version,
    indicator_reason,
    screen_departure,
)
from lentera.screening._errors import InvalidInput, ModelError, PolicyError, ScreeningError
from lentera.screening._inputs import (
    INTERVIEW_FIELDS,
    DepartureInput,
    OfferInput,
    parse_departure,
    parse_offer,
)
from lentera.screening._offer import (
    MODEL_VERSION,
    Flag,
    OfferResult,
    flag_explanation,
    offer_advice,
    score_of_risk,
    screen_offer,
    snippet,
)
from lentera.screening._policy import (
    DestinationPolicy,
    DestinationPolicyTable,
    load_default_policy,
)

__all__ = [
    "INDICATOR_CODES",
    "INTERVIEW_FIELDS",
    "MODEL_VERSION",
    "DepartureInput",
    "DepartureResult",
    "DestinationPolicy",
    "DestinationPolicyTable",
    "Flag",
    "Indicator",
    "InvalidInput",
    "ModelError",
    "OfferInput",
    "OfferResult",
    "PolicyError",
    "ScreeningError",
    "departure_rules_version",
    "flag_explanation",
    "indicator_reason",
    "load_default_policy",
    "offer_advice",
    "parse_departure",
    "parse_offer",
    "score_of_risk",
    "screen_departure",
    "screen_offer",
    "snippet",
]
