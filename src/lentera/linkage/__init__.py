"""Record linkage of person records across registers (probabilistic, Fellegi–Sunter on Splink).

Pure Python, no Django. Records are prepared with the Indonesian-aware normalisers of
:mod:`lentera.idn`, scored pair by pair by a saved, versioned model
(``models/person-v1.json``) on DuckDB (default) or Spark, and clustered: records joined by
a pair at or above the threshold are one person.

Exceptions: :class:`LinkageError` is the base of everything raised here;
:class:`InvalidInput` (also ``ValueError``) names the source, line and field of bad input;
:class:`ModelError` means the saved model is missing or does not fit the code;
:class:`BackendUnavailable` means the chosen backend cannot run here.
"""

from lentera.linkage._candidates import CandidateMatch, candidate_matches
from lentera.linkage._errors import BackendUnavailable, InvalidInput, LinkageError, ModelError
from lentera.linkage._link import (
    DEFAULT_REVIEW_FLOOR,
    DEFAULT_THRESHOLD,
    LinkageResult,
    ScoredPair,
    link_records,
)
from lentera.linkage._records import PersonRecord, read_csv_records

__all__ = [
    "DEFAULT_REVIEW_FLOOR",
    "DEFAULT_THRESHOLD",
    "BackendUnavailable",
    "CandidateMatch",
    "InvalidInput",
    "LinkageError",
    "LinkageResult",
    "ModelError",
    "PersonRecord",
    "ScoredPair",
    "candidate_matches",
    "link_records",
    "read_csv_records",
]
