"""Search before create: the records of a pool most likely to be the same person as a probe.

The probe is compared with every record of the pool (no blocking: a pool of ten thousand is
ten thousand comparisons) by the same saved model and the same prepared columns as a full
linkage run, on an in-process DuckDB that is opened once and reused.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple

import pandas as pd

from lentera.linkage._errors import InvalidInput
from lentera.linkage._link import ADAPT_MIN_RECORDS, _Explainer, estimated_prior
from lentera.linkage._model import ModelParameters, load_parameters, settings
from lentera.linkage._prepare import PREPARED_COLUMNS, fill_region_codes, prepare_record
from lentera.linkage._records import PersonRecord

_lock = threading.Lock()
_state: dict[str, Any] = {}
# Prepared columns per record: a pool is mostly the same records from one search to the next.
_prepared: dict[PersonRecord, dict[str, object]] = {}
_PREPARED_MAX = 200_000


def _prepared_frame(records: Sequence[PersonRecord]) -> pd.DataFrame:
    rows = []
    for i, record in enumerate(records):
        row = _prepared.get(record)
        if row is None:
            if len(_prepared) >= _PREPARED_MAX:
                _prepared.clear()
            row = _prepared[record] = prepare_record(record, 0)
        rows.append({**row, "unique_id": i})
    fill_region_codes(rows)
    frame = pd.DataFrame(rows, columns=list(PREPARED_COLUMNS))
    frame["unique_id"] = frame["unique_id"].astype("int64")
    return frame


class CandidateMatch(NamedTuple):
    """A pool record that may be the probe's person: its id, the match probability, and the
    evidence (as in :class:`lentera.linkage.ScoredPair`)."""

    record_id: str
    probability: float
    reasons: tuple[str, ...]


def _engine(parameters: ModelParameters, term_frequencies: bool) -> tuple[Any, Any, Any]:
    key = (id(parameters), term_frequencies)
    if _state.get("key") != key:
        from splink import DuckDBAPI

        creator = settings(parameters, term_frequencies=term_frequencies)
        _state.update(
            key=key,
            parameters=parameters,
            db_api=_state.get("db_api") or DuckDBAPI(":memory:"),
            creator=creator,
            explainer=_Explainer(creator.get_settings("duckdb")),
        )
    return _state["db_api"], _state["creator"], _state["explainer"]


def _forget_inputs(db_api: Any) -> None:
    """Unregister the probe and pool frames compare_records registered (one pair per call)."""
    con = db_api.duckdb_con
    names = con.execute(
        "select view_name from duckdb_views() where view_name like '__splink__compare_records%'"
    ).fetchall()
    for (name,) in names:
        con.unregister(name)
    for cached in list(db_api._intermediate_table_cache):
        if cached.startswith("__splink__compare_records"):
            del db_api._intermediate_table_cache[cached]


def _with_term_frequencies(frame: pd.DataFrame, pool: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in ("name_key", "phone"):
        counts = Counter(v for v in pool[column] if v is not None)
        total = sum(counts.values()) or 1
        floor = 1.0 / total
        out[f"tf_{column}"] = [
            (counts.get(v, 0) / total) or floor if v is not None else None for v in out[column]
        ]
    return out


def candidate_matches(
    probe: PersonRecord,
    pool: Sequence[PersonRecord],
    *,
    limit: int = 10,
    min_probability: float = 0.05,
    parameters: ModelParameters | None = None,
) -> list[CandidateMatch]:
    """The ``limit`` pool records most probably the same person as ``probe``, best first.

    Only candidates with probability at least ``min_probability`` are returned. Pool records
    are usually the records the user may see (the caller applies the access policy); the
    probe is typically a record about to be created.
    """
    if limit < 1:
        raise InvalidInput(f"limit {limit!r} must be at least 1")
    if not pool:
        return []
    params = parameters if parameters is not None else load_parameters()
    frame = _prepared_frame([probe, *pool])
    term_frequencies = len(pool) >= ADAPT_MIN_RECORDS
    if term_frequencies:
        frame = _with_term_frequencies(frame, frame.iloc[1:])
    probe_row = frame.iloc[[0]].drop(columns=["unique_id"]).assign(unique_id=-1)
    pool_rows = frame.iloc[1:]
    from splink.internals.realtime import compare_records

    with _lock:
        db_api, creator, explainer = _engine(params, term_frequencies)
        prior = float(f"{estimated_prior(len(pool) + 1, params):.2g}")
        creator.probability_two_random_records_match = prior
        scored: Any = compare_records(
            probe_row,
            pool_rows,
            creator,
            db_api,
            sql_cache_key=f"lentera-candidates-{prior}-{term_frequencies}",
        )
        gammas = explainer.columns
        result = scored.as_pandas_dataframe()
        scored.drop_table_from_database_and_remove_from_cache(force_non_splink_table=True)
        _forget_inputs(db_api)
    result = result[result["match_probability"] >= min_probability]
    result = result.sort_values(["match_probability", "unique_id_r"], ascending=[False, True])
    matches = []
    for row in result.head(limit).itertuples(index=False):
        values = row._asdict()
        vector = tuple(int(values[g]) for g in gammas)
        matches.append(
            CandidateMatch(
                record_id=pool[int(values["unique_id_r"]) - 1].id,
                probability=float(values["match_probability"]),
                reasons=explainer.reasons(vector),
            )
        )
    return matches
