from __future__ import annotations

from collections.abc import Mapping

DEFAULT_K = 11


class PrivacyError(ValueError):
    """Base error of :mod:`lentera.privacy`."""


def suppress_small_cells(counts: Mapping[str, int], *, k: int = DEFAULT_K) -> dict[str, int | None]:
    """Replace every count in ``1..k-1`` by ``None`` (shown as "<k").

    Zero stays zero (an empty cell reveals nobody). When exactly one cell is suppressed, the next
    smallest non-zero cell is suppressed too, so the hidden value cannot be recovered from a total.
    """
    if k < 2:
        raise PrivacyError("k must be at least 2")
    result: dict[str, int | None] = {}
    for key, value in counts.items():
        if value < 0:
            raise PrivacyError(f"negative count for {key!r}")
        result[key] = None if 0 < value < k else value
    hidden = [key for key, value in result.items() if value is None]
    if len(hidden) == 1:
        visible = sorted(
            (value, key) for key, value in result.items() if value is not None and value > 0
        )
        if visible:
            result[visible[0][1]] = None
    return result
