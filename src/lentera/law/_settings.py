"""Settings for the points the legal reference marks UNVERIFIED (legal-reference §1.4, §10).

Each is a named choice with a documented default instead of a hidden one, so a task force can
follow its prosecutors' practice and every stored result says which choice it used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Literal

from ._errors import InvalidSettings

Stacking = Literal["additive", "compound", "single"]
STACKING_CHOICES: tuple[Stacking, ...] = ("additive", "compound", "single")
BOOLEAN_SETTINGS = (
    "uplift_minimum",
    "sectoral_minimums_removed",
    "compare_favourable_law",
    "convert_fines",
)


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
        sets (Pasal 3-6, 7(2), 9, 19-24) for offences from 2 January 2026. The text read (a
        repository copy of UU 1/2026, Pasal I) removes the special minimums of laws outside the
        KUHP except for gross human-rights violations, terrorism, corruption and money
        laundering, and its Lampiran I restates UU 21/2007 without minimums; the default is kept
        until a lawyer confirms that reading (docs/qualification.md). When ``True`` those
        minimums become 0 under the KUHP 2023 regime. The minimums of KUHP 455 and 457
        themselves are not affected.
    ``compare_favourable_law`` (default ``True``)
        For an offence before 2 January 2026 judged on or after that day, add to the reasons a
        comparison with the new law (KUHP Pasal 3: the law more favourable to the accused
        applies). The ``regime`` field still follows the offence date, as the contract says.
    ``convert_fines`` (default ``False``)
        Whether fines of laws outside the KUHP (UU 21/2007, UU 18/2017, UU 35/2014) are read as
        UU 1/2026 Pasal II(5) and its Lampiran I restate them for offences from 2 January 2026:
        the maximum becomes a KUHP fine category and prison and fine become "dan/atau". Off by
        default: the fines stay in rupiah as enacted, as before this setting existed.
    """

    uplift_minimum: bool = True
    stacking: Stacking = "additive"
    sectoral_minimums_removed: bool = False
    compare_favourable_law: bool = True
    convert_fines: bool = False

    def __post_init__(self) -> None:
        if self.stacking not in STACKING_CHOICES:
            raise InvalidSettings(
                f"stacking must be one of {', '.join(STACKING_CHOICES)}, not {self.stacking!r}"
            )
        for name in BOOLEAN_SETTINGS:
            if not isinstance(getattr(self, name), bool):
                raise InvalidSettings(f"{name} must be true or false")

    def to_dict(self) -> dict[str, object]:
        """The settings as a JSON-ready dict (for snapshots of a run)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: Mapping[str, object]) -> EngineSettings:
        """Settings from a JSON object (``to_dict``'s form); absent keys take their default.

        Raises :class:`InvalidSettings` for an unknown key or a value outside its choices.
        """
        if not isinstance(raw, Mapping):
            raise InvalidSettings("settings must be a JSON object")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise InvalidSettings(
                f"unknown setting {unknown[0]!r}; expected one of: {', '.join(sorted(known))}"
            )
        return cls(**raw)  # type: ignore[arg-type]
