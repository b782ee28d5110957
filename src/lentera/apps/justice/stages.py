"""The stages of a criminal proceeding and which stage may follow which, as data.

Pure Python (no Django), so the rules can be read, tested and reused on their own. The stage codes
keep the Indonesian form names where English has no exact word (``p19`` is the prosecutor's form
returning the file with instructions). See ``shared/docs/legal-reference.md`` §6.1.

Exceptions::

    StageError              base of what this module raises
    └── StageOrderError     a stage that cannot follow the previous one, or a date that goes back
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

POLICE_REPORT: Final = "police_report"
INQUIRY: Final = "inquiry"
INVESTIGATION_ORDER: Final = "investigation_order"
SPDP: Final = "spdp"
FILE_STAGE_1: Final = "file_stage_1"
P18: Final = "p18"
P19: Final = "p19"
P21: Final = "p21"
STAGE_2: Final = "stage_2"
INDICTMENT: Final = "indictment"
DEMAND: Final = "demand"
VERDICT: Final = "verdict"
APPEAL: Final = "appeal"
CASSATION: Final = "cassation"
FINAL: Final = "final"

#: Every stage in the order of the procedure (KUHAP 1981; the 2025 code keeps the same steps
#: until its pre-prosecution rules are verified).
STAGE_ORDER: Final[tuple[str, ...]] = (
    POLICE_REPORT,
    INQUIRY,
    INVESTIGATION_ORDER,
    SPDP,
    FILE_STAGE_1,
    P18,
    P19,
    P21,
    STAGE_2,
    INDICTMENT,
    DEMAND,
    VERDICT,
    APPEAL,
    CASSATION,
    FINAL,
)

#: Which stages may follow each stage. A proceeding starts with the police report. P-19 sends
#: the file back to the investigator, who sends it again (file stage I) — as often as needed.
NEXT: Final[dict[str, frozenset[str]]] = {
    POLICE_REPORT: frozenset({INQUIRY, INVESTIGATION_ORDER}),
    INQUIRY: frozenset({INVESTIGATION_ORDER}),
    INVESTIGATION_ORDER: frozenset({SPDP}),
    SPDP: frozenset({FILE_STAGE_1}),
    FILE_STAGE_1: frozenset({P18, P19, P21}),
    P18: frozenset({P19, P21}),
    P19: frozenset({FILE_STAGE_1}),
    P21: frozenset({STAGE_2}),
    STAGE_2: frozenset({INDICTMENT}),
    INDICTMENT: frozenset({DEMAND, VERDICT}),
    DEMAND: frozenset({VERDICT}),
    VERDICT: frozenset({APPEAL, FINAL}),
    APPEAL: frozenset({CASSATION, FINAL}),
    CASSATION: frozenset({FINAL}),
    FINAL: frozenset(),
}

#: Stages after which the file is with the prosecution service or the courts.
PROSECUTION_STAGES: Final = frozenset(
    {P21, STAGE_2, INDICTMENT, DEMAND, VERDICT, APPEAL, CASSATION, FINAL}
)
#: Stages of the investigation proper (after the investigation order, before P-21).
INVESTIGATION_STAGES: Final = frozenset({INVESTIGATION_ORDER, SPDP, FILE_STAGE_1, P18, P19})
#: Stages at which the proceeding is still an inquiry.
INQUIRY_STAGES: Final = frozenset({POLICE_REPORT, INQUIRY})


class StageError(ValueError):
    """Base of the errors of this module."""


class StageOrderError(StageError):
    """A stage that may not follow the previous one, or a date before the previous stage."""

    def __init__(self, message: str, *, stage: str, index: int) -> None:
        super().__init__(message)
        self.stage = stage
        self.index = index


@dataclass(frozen=True)
class StageStep:
    """One recorded stage: its code and the date it happened."""

    stage: str
    on: date


def allowed_next(current: str | None) -> frozenset[str]:
    """The stages that may be recorded after ``current`` (None: nothing recorded yet)."""
    if current is None:
        return frozenset({POLICE_REPORT})
    if current not in NEXT:
        raise StageError(f"unknown stage {current!r}")
    return NEXT[current]


def check_next(previous: StageStep | None, step: StageStep, *, index: int = 0) -> None:
    """Raise :class:`StageOrderError` unless ``step`` may follow ``previous``."""
    if step.stage not in NEXT:
        raise StageOrderError(f"unknown stage {step.stage!r}", stage=step.stage, index=index)
    current = previous.stage if previous is not None else None
    if step.stage not in allowed_next(current):
        after = f"after {current}" if current else "as the first stage"
        raise StageOrderError(
            f"{step.stage} cannot be recorded {after}", stage=step.stage, index=index
        )
    if previous is not None and step.on < previous.on:
        raise StageOrderError(
            f"{step.stage} on {step.on.isoformat()} is before {previous.stage} on "
            f"{previous.on.isoformat()}",
            stage=step.stage,
            index=index,
        )


def check_sequence(steps: Sequence[StageStep]) -> None:
    """Check a whole recorded sequence, first to last."""
    previous: StageStep | None = None
    for index, step in enumerate(steps):
        check_next(previous, step, index=index)
        previous = step


def returned_files(steps: Sequence[StageStep]) -> int:
    """How many times the prosecutor returned the file (P-19)."""
    return sum(1 for step in steps if step.stage == P19)
