"""Adapting the trained model to the data being linked: expectation-maximisation of m and the
prior on the scored candidate pairs, with the trained values as a prior and bounds.

The trained model knows Indonesian registers; data written otherwise (another country's
registers, other column choices) agree and disagree at other rates. As Splink does, the
parameters are re-estimated on the input with expectation-maximisation: each candidate pair
is weighed by how probable a match it is (E), and the share of matches reaching each level of
each comparison gives its m (M). Unlike plain EM, the trained m counts as ``PRIOR_PAIRS``
matched pairs already seen (a Dirichlet prior, so a level the input rarely reaches keeps its
trained value), each m stays within a factor ``M_BOUND`` of the trained one, and the
expected number of other records per person within a factor ``PRIOR_BOUND`` of the trained.
u (chance agreement) comes from random sampling of the input beforehand; term-frequency
adjustments are kept as scored. Pairs scored below ``EM_FLOOR`` by the trained model count
as non-matches (their weight as matches is negligible and they are never read back), and so
do pairs the linkage never joins automatically (``excluded``: the name conflicts of brothers,
sisters and twins), so that EM learns persons, not households.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

#: Pairs at or above this match probability under the trained model take part in the EM.
EM_FLOOR = 0.001
#: Strength of the trained m as a prior, in matched pairs.
PRIOR_PAIRS = 300.0
#: An estimated m stays within this factor of the trained m...
M_BOUND = 8.0
#: ...but the m of a level that speaks against a match (its trained weight is negative) rises
#: at most by this factor: on registers of households, EM would otherwise learn that brothers
#: and sisters (different birth dates, shared address) are one person.
M_BOUND_AGAINST = 2.0
#: The estimated duplicates per record stay within this factor of the trained figure.
PRIOR_BOUND = 2.0
MAX_ITERATIONS = 25
CONVERGENCE = 1e-5


def _logit2(p: float) -> float:
    return math.log2(p / (1.0 - p))


class _Level:
    __slots__ = ("comparison", "fixed", "gamma", "label", "level", "m0", "u")

    def __init__(self, comparison: str, level: Any, fixed: bool) -> None:
        self.comparison = comparison
        self.label = str(level.label_for_charts)
        self.gamma = int(level.comparison_vector_value)
        self.level = level
        self.m0 = float(level.m_probability)
        self.u = float(level.u_probability)
        self.fixed = fixed


def adapt(
    selected: pd.DataFrame,
    settings_obj: Any,
    *,
    compared: int,
    records: int,
    trained_per_record: float | None,
    fixed_levels: Iterable[tuple[str, str]] = (),
    excluded: np.ndarray | None = None,
) -> tuple[np.ndarray, dict[str, Any]]:
    """Re-estimate m and the prior on ``selected`` (the candidate pairs scored at or above
    ``EM_FLOOR``, with ``match_weight`` and the gamma columns); set them on ``settings_obj``
    (Splink's settings of the linker) and return the pairs' new match probabilities and a
    report of the estimated parameters. ``fixed_levels`` keep m = u (no evidence); pairs
    where ``excluded`` is True count as non-matches."""
    fixed = set(fixed_levels)
    prior_before = float(settings_obj._probability_two_random_records_match)
    comparisons: list[tuple[str, str, list[_Level]]] = []
    for comparison in settings_obj.comparisons:
        name = comparison.output_column_name
        levels = [
            _Level(name, level, (name, str(level.label_for_charts)) in fixed)
            for level in comparison.comparison_levels
            if not level.is_null_level
        ]
        comparisons.append((name, comparison._gamma_column_name, levels))
    gammas = [selected[column].to_numpy(dtype=np.int16) for _n, column, _l in comparisons]
    weight_before = selected["match_weight"].to_numpy(dtype=np.float64)

    def tables(ms: list[dict[int, float]]) -> list[np.ndarray]:
        out = []
        for (_n, _c, levels), m in zip(comparisons, ms, strict=True):
            size = max(lv.gamma for lv in levels) + 2
            table = np.zeros(size)  # index gamma + 1; gamma -1 (null) weighs 0
            for lv in levels:
                table[lv.gamma + 1] = math.log2(max(m[lv.gamma], 1e-12) / max(lv.u, 1e-12))
            out.append(table)
        return out

    def pair_weights(prior: float, logs: list[np.ndarray]) -> np.ndarray:
        total = np.full(len(selected), _logit2(prior))
        for gamma, table in zip(gammas, logs, strict=True):
            total += table[gamma + 1]
        return total

    m_trained = [{lv.gamma: lv.m0 for lv in levels} for _n, _c, levels in comparisons]
    # What the weights hold beyond prior and m/u: the term-frequency adjustments.
    residual = weight_before - pair_weights(prior_before, tables(m_trained))
    pairs_total = records * (records - 1) / 2
    per_record_trained = trained_per_record or prior_before * (records - 1)
    low = per_record_trained / PRIOR_BOUND / (records - 1)
    high = min(0.5, per_record_trained * PRIOR_BOUND / (records - 1))
    prior, ms = prior_before, [dict(m) for m in m_trained]
    iterations = 0
    for iterations in range(1, MAX_ITERATIONS + 1):  # noqa: B007 - reported below
        weights = pair_weights(prior, tables(ms)) + residual
        share = 1.0 / (1.0 + np.exp2(-weights))
        if excluded is not None:
            share[excluded] = 0.0
        expected = float(share.sum())
        new_prior = min(high, max(low, expected / pairs_total))
        new_ms = []
        for (_n, _c, levels), gamma in zip(comparisons, gammas, strict=True):
            counts = np.bincount(gamma + 1, weights=share, minlength=len(levels) + 2)
            free = [lv for lv in levels if not lv.fixed]
            mass = 1.0 - sum(lv.u for lv in levels if lv.fixed)
            raw = {lv.gamma: counts[lv.gamma + 1] + PRIOR_PAIRS * lv.m0 for lv in free}
            total = sum(raw.values()) or 1.0
            m = {lv.gamma: lv.u for lv in levels if lv.fixed}
            for lv in free:
                value = mass * raw[lv.gamma] / total
                rise = M_BOUND_AGAINST if lv.m0 < lv.u else M_BOUND
                m[lv.gamma] = min(1.0, max(lv.m0 / M_BOUND, min(lv.m0 * rise, value)))
            new_ms.append(m)
        change = (
            max(abs(a[g] - b[g]) for a, b in zip(ms, new_ms, strict=True) for g in a)
            + abs(_logit2(new_prior) - _logit2(prior)) * 1e-3
        )
        prior, ms = new_prior, new_ms
        if change < CONVERGENCE:
            break
    for (_n, _c, levels), m in zip(comparisons, ms, strict=True):
        for lv in levels:
            lv.level.m_probability = m[lv.gamma]
    settings_obj._probability_two_random_records_match = prior
    weights = pair_weights(prior, tables(ms)) + residual
    probabilities = 1.0 / (1.0 + np.exp2(-weights))
    report = {
        "method": "expectation-maximisation on the input, trained m as prior",
        "pairs_used": len(selected),
        "pairs_compared": compared,
        "iterations": iterations,
        "prior_pairs": PRIOR_PAIRS,
        "m_bound": M_BOUND,
        "m_bound_against": M_BOUND_AGAINST,
        "prior_bound": PRIOR_BOUND,
        "pairs_excluded_as_conflicts": int(excluded.sum()) if excluded is not None else 0,
        "probability_two_random_records_match": {"before": prior_before, "estimated": prior},
        "duplicates_per_record": {
            "trained": per_record_trained,
            "estimated": prior * (records - 1),
        },
        "levels": [
            {
                "comparison": lv.comparison,
                "level": lv.label,
                "m_trained": lv.m0,
                "m": m[lv.gamma],
                "u": lv.u,
                "match_weight": math.log2(max(m[lv.gamma], 1e-12) / max(lv.u, 1e-12)),
            }
            for (_n, _c, levels), m in zip(comparisons, ms, strict=True)
            for lv in levels
        ],
    }
    return probabilities, report
