"""Settings for the points the legal reference marks UNVERIFIED (legal-reference §1.4, §10).

Each is a named choice with a documented default instead of a hidden one, so a task force can
follow its prosecutors' practice and every stored result says which choice it used.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from ._errors import InvalidSettings

Stacking = Literal["additive", "compound", "single"]
STACKING_CHOICES: tuple[Stacking, ...] = ("additive", "compound", "single")


@dataclass(frozen=True)
class EngineSettings:
    """How the engine settles the unverified points of the law.

    ``uplift_minimum`` (default ``True``)
        Whether "ditambah 1/3" (Pasal 7(1), 8, 16, 17) raises the special minimum as well as
        the maximum: 3-15 years becomes 4-20 (``True``) or 3-20 (``False``). Practice differs;
        the example answers of the project follow ``True``.
    ``stacking`` (default ``"additive"``)
        How several +1/3 aggravations on one charge combine. ``"additive"``: each adds one
        third of the base (two give +2/3); ``"compound"``: each multiplies by 4/3 (two give
        x16/9); ``"single"``: one third however many apply.
    ``sectoral_minimums_removed`` (default ``False``)
        Whether UU 1/2026 (Penyesuaian Pidana) removed the special minimums that UU 21/2007
        sets (Pasal 3-6, 7(2), 9, 19) for offences from 2 January 2026. Press reports say it
        removed special minimums of sectoral laws with named exceptions; the article text was
        not read. When ``True`` those minimums become 0 under the KUHP 2023 regime. The minimums
        of KUHP 455 and 457 themselves are not affected.
    ``compare_favourable_law`` (default ``True``)
        For an offence before 2 January 2026 judged on or after that day, add to the reasons a
        comparison with the new law (KUHP Pasal 3: the law more favourable to the accused
        applies). The ``regime`` field still follows the offence date, as the contract says.
    """

    uplift_minimum: bool = True
    stacking: Stacking = "additive"
    sectoral_minimums_removed: bool = False
    compare_favourable_law: bool = True

    def __post_init__(self) -> None:
        if self.stacking not in STACKING_CHOICES:
            raise InvalidSettings(
                f"stacking must be one of {', '.join(STACKING_CHOICES)}, not {self.stacking!r}"
            )
        for name in ("uplift_minimum", "sectoral_minimums_removed", "compare_favourable_law"):
            if not isinstance(getattr(self, name), bool):
                raise InvalidSettings(f"{name} must be true or false")

    def to_dict(self) -> dict[str, object]:
        """The settings as a JSON-ready dict (for snapshots of a run)."""
        return asdict(self)
