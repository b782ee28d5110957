"""Linking person records: prepare, score candidate pairs with the saved model, cluster."""

from __future__ import annotations

import contextlib
import logging
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from lentera.linkage._adapt import EM_FLOOR
from lentera.linkage._adapt import adapt as adapt_model
from lentera.linkage._backends import BACKENDS, load_frame, make_db_api
from lentera.linkage._backends import close as close_backend
from lentera.linkage._cluster import connected_components
from lentera.linkage._errors import InvalidInput, LinkageError
from lentera.linkage._gc import gc_paused
from lentera.linkage._model import (
    BIRTH_DATE_CONFLICT,
    NAME_CONFLICT_LEVELS,
    NAME_CONFLICT_OVERRIDES,
    NO_EVIDENCE_LEVELS,
    SAME_NATIONAL_ID,
    WEAK_NAME_LEVELS,
    ModelParameters,
    load_parameters,
    settings,
)
from lentera.linkage._prepare import partly_read, prepare_table
from lentera.linkage._records import PersonRecord, record_from_mapping

#: Match probability at or above which two records are joined (see docs/linkage.md).
DEFAULT_THRESHOLD = 0.9
#: Pairs scored at or above this probability are returned in ``LinkageResult.pairs``.
DEFAULT_REVIEW_FLOOR = 0.2

#: Inputs of at least this many records get u re-estimated on themselves (random sampling).
ADAPT_MIN_RECORDS = 1000
U_MAX_PAIRS = 3e5
U_SEED = 20240521

Progress = Callable[[str], None]
RecordKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """Two records, the model's match probability and the evidence behind it.

    ``reasons`` lists each compared field as ``"<level> (<weight>)"``: the comparison level
    reached and its match weight (log2 of the likelihood ratio), strongest evidence first.
    ``conflict`` is set when the names conflict (only a family name in common, or nothing)
    and neither the same national id nor the same birth date without the marks of twins
    outweighs that, or when the names agree only weakly (one contained in the other, two
    typos, similar) while the birth dates differ. Such a pair is never joined automatically,
    however probable: it is how brothers, sisters and twins look. It goes to review.
    """

    left: RecordKey
    right: RecordKey
    probability: float
    reasons: tuple[str, ...]
    conflict: bool = False

    def links(self, threshold: float) -> bool:
        """True when this pair joins its records automatically at ``threshold``: probable
        enough, and without a conflict (see ``conflict``)."""
        return self.probability >= threshold and not self.conflict


@dataclass(frozen=True)
class LinkageResult:
    """The outcome of :func:`link_records`.

    ``keys[i]`` is ``(source, id)`` of the i-th input record and ``cluster_ids[i]`` its
    cluster; records with the same cluster id are judged to be one person. ``pairs`` holds
    every scored pair at or above ``review_floor``, most probable first; pairs below
    ``threshold`` are the uncertain ones a person should confirm or reject.
    """

    keys: tuple[RecordKey, ...]
    cluster_ids: tuple[str, ...]
    pairs: tuple[ScoredPair, ...]
    comparisons: int
    threshold: float
    review_floor: float
    backend: str
    model_metadata: dict[str, Any] = field(default_factory=dict)
    #: Values written but only partly read (or not at all), by column; kept and compared by
    #: what could be read. Columns where everything was read are absent.
    partly_read: dict[str, int] = field(default_factory=dict)
    #: The parameters the run scored with, after adapting to the input (see docs/linkage.md).
    parameters: dict[str, Any] = field(default_factory=dict)

    @property
    def records(self) -> int:
        """Number of records linked."""
        return len(self.keys)

    @property
    def clusters(self) -> dict[str, tuple[RecordKey, ...]]:
        """Cluster id -> its records, in input order."""
        out: dict[str, list[RecordKey]] = {}
        for key, cluster in zip(self.keys, self.cluster_ids, strict=True):
            out.setdefault(cluster, []).append(key)
        return {cluster: tuple(members) for cluster, members in out.items()}

    def cluster_of(self, source: str, record_id: str) -> str:
        """The cluster id of one record; KeyError when it was not an input."""
        index = {key: i for i, key in enumerate(self.keys)}
        return self.cluster_ids[index[(source, record_id)]]

    def uncertain_pairs(self) -> tuple[ScoredPair, ...]:
        """The review queue: pairs at or above ``review_floor`` that were not joined
        automatically (below ``threshold``, or with a conflict)."""
        return tuple(p for p in self.pairs if not p.links(self.threshold))

    def rows(self) -> list[tuple[str, str, str]]:
        """``(source, id, cluster_id)`` for every input record, in input order."""
        return [(s, i, c) for (s, i), c in zip(self.keys, self.cluster_ids, strict=True)]


def _records_from_frame(frame: pd.DataFrame) -> list[PersonRecord]:
    columns = {str(c).strip().lower(): c for c in frame.columns}
    if "id" not in columns:
        raise InvalidInput("the data frame has no 'id' column", field="id")
    renamed = frame.rename(columns={v: k for k, v in columns.items()})
    records = []
    for position, row in enumerate(renamed.to_dict(orient="records")):
        source = str(row.get("source") or "input")
        records.append(record_from_mapping(row, source=source, line=position + 1))
    return records


def as_records(records: Sequence[PersonRecord] | pd.DataFrame) -> list[PersonRecord]:
    """Accept records or a data frame (contract columns, optional ``source``); check keys."""
    items = _records_from_frame(records) if isinstance(records, pd.DataFrame) else list(records)
    seen: set[RecordKey] = set()
    for position, record in enumerate(items):
        if not isinstance(record, PersonRecord):
            raise InvalidInput(f"item {position} is a {type(record).__name__}, not PersonRecord")
        if not record.id:
            raise InvalidInput(f"record {position} has no id", source=record.source, field="id")
        if record.key in seen:
            raise InvalidInput(
                f"duplicate id {record.id!r}", source=record.source or "input", field="id"
            )
        seen.add(record.key)
    return items


def _say(progress: Progress | None, message: str) -> None:
    if progress is not None:
        progress(message)


class _Explainer:
    """Turns a comparison vector into reasons, memoised per distinct vector."""

    def __init__(self, settings_obj: Any) -> None:
        self.columns: list[str] = []
        self.levels: list[dict[int, tuple[str, float]]] = []
        self.conflicts: set[tuple[int, int]] = set()
        self.weak_names: set[tuple[int, int]] = set()
        self.birth_conflict: set[tuple[int, int]] = set()
        self.same_id: set[tuple[int, int]] = set()
        self.overrides = [
            (set[tuple[int, int]](), set[tuple[int, int]]()) for _ in NAME_CONFLICT_OVERRIDES
        ]
        for position, comparison in enumerate(settings_obj.comparisons):
            self.columns.append(comparison._gamma_column_name)
            table: dict[int, tuple[str, float]] = {}
            for level in comparison.comparison_levels:
                weight = 0.0 if level.is_null_level else float(level._log2_bayes_factor)
                gamma = int(level.comparison_vector_value)
                table[gamma] = (level.label_for_charts, weight)
                key = (comparison.output_column_name, level.label_for_charts)
                if key in NAME_CONFLICT_LEVELS:
                    self.conflicts.add((position, gamma))
                if key in WEAK_NAME_LEVELS:
                    self.weak_names.add((position, gamma))
                if key == BIRTH_DATE_CONFLICT:
                    self.birth_conflict.add((position, gamma))
                if key == SAME_NATIONAL_ID:
                    self.same_id.add((position, gamma))
                for (required, forbidden), (needs, forbids) in zip(
                    self.overrides, NAME_CONFLICT_OVERRIDES, strict=True
                ):
                    if key in needs:
                        required.add((position, gamma))
                    if key in forbids:
                        forbidden.add((position, gamma))
            self.levels.append(table)
        self._memo: dict[tuple[int, ...], tuple[str, ...]] = {}
        self._conflicts: dict[tuple[int, ...], bool] = {}

    def conflict(self, vector: tuple[int, ...]) -> bool:
        found = self._conflicts.get(vector)
        if found is None:
            found = self._conflicts[vector] = self._conflict(vector)
        return found

    def _conflict(self, vector: tuple[int, ...]) -> bool:
        pairs = set(enumerate(vector))
        if pairs & self.weak_names and pairs & self.birth_conflict and not pairs & self.same_id:
            return True
        if not pairs & self.conflicts:
            return False
        return not any(
            len(pairs & required) == len({p for p, _g in required}) and not pairs & forbidden
            for required, forbidden in self.overrides
        )

    def reasons(self, vector: tuple[int, ...]) -> tuple[str, ...]:
        found = self._memo.get(vector)
        if found is None:
            parts = []
            for table, gamma in zip(self.levels, vector, strict=True):
                label, weight = table[gamma]
                if gamma >= 0:
                    parts.append((abs(weight), f"{label} ({weight:+.1f})"))
            found = tuple(text for _w, text in sorted(parts, key=lambda p: -p[0]))
            self._memo[vector] = found
        return found


def _conflicts(selected: pd.DataFrame, explainer: _Explainer) -> np.ndarray:
    """For each pair, whether its comparison vector is a conflict (never joined
    automatically); computed once per distinct vector."""
    # One int64 code per vector (gamma + 1 < 32 in every comparison), so that the distinct
    # vectors are found without copying the pairs row by row.
    codes = np.zeros(len(selected), dtype=np.int64)
    for column in explainer.columns:
        codes = codes * 32 + (selected[column].to_numpy(dtype=np.int64) + 1)
    distinct, inverse = np.unique(codes, return_inverse=True)
    flags = np.zeros(len(distinct), dtype=bool)
    for i, code in enumerate(distinct.tolist()):
        vector = []
        for _column in explainer.columns:
            code, gamma = divmod(code, 32)
            vector.append(gamma - 1)
        flags[i] = explainer.conflict(tuple(reversed(vector)))
    return flags[inverse.reshape(-1)]


def _count(linker: Any, table: Any) -> int:
    counted = linker.misc.query_sql(
        f"select count(*) as n from {table.physical_name}",  # noqa: S608 - Splink's own table
        output_type="pandas",
    )
    return int(counted["n"].iloc[0])


def score_pairs(
    frame: pd.DataFrame | pa.Table | list[pd.DataFrame | pa.Table],
    parameters: ModelParameters,
    *,
    backend: str = "duckdb",
    floor: float = DEFAULT_REVIEW_FLOOR,
    progress: Progress | None = None,
    estimate_prior: bool = True,
    adapt_to_input: bool = True,
) -> tuple[pd.DataFrame, int, _Explainer, dict[str, Any]]:
    """Score the blocked pairs of a prepared frame; return the pairs at or above ``floor``
    (``unique_id_l``, ``unique_id_r``, ``match_probability``, ``gamma_*``), the number of
    pairs compared, an explainer for the gamma columns and a report of the parameters used.

    Inputs of at least ``ADAPT_MIN_RECORDS`` records (with ``adapt_to_input``) get the model
    adapted to them first (see :mod:`lentera.linkage._adapt`). ``frame`` may be given in a
    one-element list, which is emptied once the backend holds the records (so that a large
    frame does not stay in memory while pairs are scored)."""
    db_api = make_db_api(backend)
    try:
        return _score_pairs(
            db_api,
            frame,
            parameters,
            backend=backend,
            floor=floor,
            progress=progress,
            estimate_prior=estimate_prior,
            adapt_to_input=adapt_to_input,
        )
    finally:
        close_backend(db_api)


def _score_pairs(
    db_api: Any,
    frame: pd.DataFrame | pa.Table | list[pd.DataFrame | pa.Table],
    parameters: ModelParameters,
    *,
    backend: str,
    floor: float,
    progress: Progress | None,
    estimate_prior: bool,
    adapt_to_input: bool,
) -> tuple[pd.DataFrame, int, _Explainer, dict[str, Any]]:
    from splink import Linker

    logging.getLogger("splink").setLevel(logging.WARNING)
    if isinstance(frame, list):
        table = load_frame(db_api, frame[0], "lentera_records")
        size = len(frame[0])
        frame.clear()
    else:
        table = load_frame(db_api, frame, "lentera_records")
        size = len(frame)
    model = settings(parameters, term_frequencies=size >= ADAPT_MIN_RECORDS)
    linker: Any = Linker(table, model, log_level=logging.WARNING)
    if size >= ADAPT_MIN_RECORDS:
        # How often unrelated people agree by chance depends on the population (how common
        # names, birth years and villages are), so u is re-estimated on the input itself.
        _say(progress, "estimating chance agreement (u) on the input")
        linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=U_SEED)
    if estimate_prior:
        prior = estimated_prior(size, parameters)
        linker._settings_obj._probability_two_random_records_match = prior
    _say(progress, f"finding candidate pairs on {backend}")
    blocked = linker.inference.compute_blocked_pairs_for_predict()
    compared = _count(linker, blocked)
    _say(progress, f"scoring {compared:,} candidate pairs")
    adapting = adapt_to_input and size >= ADAPT_MIN_RECORDS
    read_floor = min(float(floor), EM_FLOOR) if adapting else float(floor)
    predictions = linker.inference.predict(
        threshold_match_probability=read_floor, warning_mode="never"
    )
    gammas = [c._gamma_column_name for c in linker._settings_obj.comparisons]
    columns = ", ".join(
        ["unique_id_l", "unique_id_r", "match_probability", "match_weight", *gammas]
    )
    query = f"select {columns} from {predictions.physical_name}"  # noqa: S608 - Splink's table
    selected = linker.misc.query_sql(query, output_type="pandas")
    with contextlib.suppress(Exception):  # cleanup is best effort; the result is read
        predictions.drop_table_from_database_and_remove_from_cache()
    report: dict[str, Any] = {
        "adapted": False,
        "reason": "not asked to"
        if not adapt_to_input
        else f"fewer than {ADAPT_MIN_RECORDS:,} records, too few to re-estimate"
        if not adapting
        else "no candidate pairs",
    }
    if adapting and not selected.empty:
        _say(progress, f"adapting the model to the input ({len(selected):,} pairs)")
        probabilities, report = adapt_model(
            selected,
            linker._settings_obj,
            compared=compared,
            records=size,
            trained_per_record=parameters.metadata.get("duplicates_per_record"),
            fixed_levels=NO_EVIDENCE_LEVELS,
            excluded=_conflicts(selected, _Explainer(linker._settings_obj)),
        )
        report = {"adapted": True, **report}
        selected["match_probability"] = probabilities
        selected = selected[selected["match_probability"] >= float(floor)]
    explainer = _Explainer(linker._settings_obj)
    return selected.drop(columns=["match_weight"]), compared, explainer, report


def estimated_prior(size: int, parameters: ModelParameters) -> float:
    """Prior probability that two random records match, for a run over ``size`` records.

    The trained prior describes the training set; what transfers between runs is the
    expected number of other records per person (``duplicates_per_record`` in the model
    metadata). Two random records out of ``size`` then match with probability about
    ``duplicates_per_record / (size - 1)``.
    """
    per_record = parameters.metadata.get("duplicates_per_record")
    if not per_record or size < 2:
        return parameters.probability_two_random_records_match
    return min(0.5, float(per_record) / (size - 1))


def link_records(
    records: Sequence[PersonRecord] | pd.DataFrame,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    backend: str = "duckdb",
    progress: Progress | None = None,
    review_floor: float = DEFAULT_REVIEW_FLOOR,
    parameters: ModelParameters | None = None,
    adapt: bool = True,
) -> LinkageResult:
    """Link person records from one or more registers into clusters, one per person.

    ``records`` are :class:`PersonRecord` objects or a data frame with the contract columns
    (and optionally ``source``). Pairs are scored by the saved model (``parameters`` to use
    other trained parameters); records joined by a pair with match probability at or above
    ``threshold`` share a cluster. Inputs of at least ``ADAPT_MIN_RECORDS`` records re-estimate
    the model on themselves first (``adapt=False`` scores with the trained values; u is
    re-estimated either way); ``LinkageResult.parameters`` reports what was used.
    ``progress`` receives short messages as the run goes.
    Raises :class:`InvalidInput` for bad records or arguments, :class:`LinkageError` (or a
    subclass) when the model or backend cannot run.
    """
    if not 0.0 < threshold < 1.0 or math.isnan(threshold):
        raise InvalidInput(f"threshold {threshold!r} must be between 0 and 1 (exclusive)")
    if backend not in BACKENDS:
        raise InvalidInput(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    floor = min(review_floor, threshold)
    items = as_records(records)
    keys = tuple(record.key for record in items)
    params = parameters if parameters is not None else load_parameters()
    _say(progress, f"preparing {len(items):,} records")
    if len(items) < 2:
        return LinkageResult(
            keys=keys,
            cluster_ids=tuple(_cluster_names(list(range(len(items))))),
            pairs=(),
            comparisons=0,
            threshold=threshold,
            review_floor=floor,
            backend=backend,
            model_metadata=params.metadata,
        )
    table = prepare_table(items)
    unread = partly_read(items, table)
    size = len(items)
    # Only the keys are needed from here on: let a large input's records go (the caller
    # may still hold them), and hand the table over so that it goes once loaded.
    del items, records
    frames = [table]
    del table
    if unread:
        _say(
            progress,
            "kept values only partly read: "
            + ", ".join(f"{column} {n:,}" for column, n in unread.items()),
        )
    try:
        selected, compared, explainer, report = score_pairs(
            frames, params, backend=backend, floor=floor, progress=progress, adapt_to_input=adapt
        )
    except LinkageError:
        raise
    except Exception as exc:
        raise LinkageError(f"the {backend} backend failed: {exc}") from exc
    _say(progress, "clustering")
    with gc_paused():  # a million pairs and cluster names, none of them in cycles
        pairs, positions = _scored_pairs(selected, keys, explainer)
        edges = (ends for p, ends in zip(pairs, positions, strict=True) if p.links(threshold))
        components = connected_components(size, edges)
        cluster_ids = tuple(_cluster_names(components))
    return LinkageResult(
        keys=keys,
        cluster_ids=cluster_ids,
        pairs=pairs,
        comparisons=compared,
        threshold=threshold,
        review_floor=floor,
        backend=backend,
        model_metadata=params.metadata,
        partly_read=unread,
        parameters=report,
    )


def _cluster_names(components: Iterable[int]) -> list[str]:
    return [f"P{component + 1:07d}" for component in components]


def _scored_pairs(
    selected: pd.DataFrame, keys: Sequence[RecordKey], explainer: _Explainer
) -> tuple[tuple[ScoredPair, ...], list[tuple[int, int]]]:
    """The scored pairs, most probable first, and the positions of their two records
    (``unique_id`` is the position of the record in ``keys``)."""
    if selected.empty:
        return (), []
    ordered = selected.sort_values(
        ["match_probability", "unique_id_l", "unique_id_r"], ascending=[False, True, True]
    )
    vectors = list(ordered[explainer.columns].astype("int64").itertuples(index=False, name=None))
    # Many pairs share one comparison vector: explain each vector once.
    explained = {v: (explainer.reasons(v), explainer.conflict(v)) for v in set(vectors)}
    positions = list(
        zip(
            ordered["unique_id_l"].astype("int64").tolist(),
            ordered["unique_id_r"].astype("int64").tolist(),
            strict=True,
        )
    )
    pairs = tuple(
        ScoredPair(
            left=keys[a],
            right=keys[b],
            probability=p,
            reasons=explained[vector][0],
            conflict=explained[vector][1],
        )
        for (a, b), p, vector in zip(
            positions, ordered["match_probability"].astype("float64").tolist(), vectors, strict=True
        )
    )
    return pairs, positions
