"""Where a suspect's proceeding stands, in five steps an officer and a leader read at a glance
(issue #18, item 9): police report → SPDP → P-19/P-21 → trial → verdict, and what is due next.

Each step is done, current or still to come (or stopped, for a dismissed proceeding); ``next``
names the first legal deadline running (the one due soonest, overdue first) or, when none runs,
the stage that may be recorded next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lentera.apps.justice import deadlines as d
from lentera.apps.justice import stages as s
from lentera.apps.justice.vocab import DEADLINE_LABELS, Outcome, Stage

__all__ = ["STEPS", "Step", "Stepper", "stepper"]

#: The five steps and the stages each covers (a stage belongs to exactly one step).
STEPS: tuple[tuple[str, Promise, frozenset[str]], ...] = (
    (
        "report",
        _("Police report"),
        frozenset({s.POLICE_REPORT, s.INQUIRY, s.INVESTIGATION_ORDER}),
    ),
    ("spdp", _("SPDP"), frozenset({s.SPDP})),
    ("file", _("P-19 / P-21"), frozenset({s.FILE_STAGE_1, s.P18, s.P19, s.P21})),
    ("trial", _("Trial"), frozenset({s.STAGE_2, s.INDICTMENT, s.DEMAND})),
    ("verdict", _("Verdict"), frozenset({s.VERDICT, s.APPEAL, s.CASSATION, s.FINAL})),
)
_STEP_OF = {stage: key for key, _label, stages in STEPS for stage in stages}
#: The stage that completes a step: once recorded, the next step is the one under way.
_COMPLETES = {
    s.INVESTIGATION_ORDER: "report",
    s.SPDP: "spdp",
    s.P21: "file",
    s.FINAL: "verdict",
}


@dataclass(frozen=True)
class Step:
    key: str
    label: Any
    state: str  # "done" | "current" | "todo" | "stopped"
    stage: Any = ""  # the label of the furthest stage reached within the step


@dataclass(frozen=True)
class Stepper:
    steps: list[Step]
    next_label: Any  # what is due next, in words ("" when nothing: a closed proceeding)
    next_due: date | None
    overdue: bool
    returned: int  # how many times the file came back (P-19)


def _next_stage(current: str) -> str:
    """The stage of the main line that may follow ``current`` (P-21 before P-19, a verdict
    before an appeal)."""
    allowed = s.allowed_next(current or None)
    for stage in (s.P21, s.VERDICT, s.FINAL, *s.STAGE_ORDER):
        if stage in allowed:
            return stage
    return ""


def stepper(
    *, current_stage: str, reached: Sequence[str], outcome: str, deadlines: Sequence[d.Deadline]
) -> Stepper:
    """The steps of a proceeding at ``current_stage`` that went through ``reached`` (its stage
    codes in order), with its ``outcome`` and its computed ``deadlines``."""
    dismissed = outcome == Outcome.DISMISSED
    at = _STEP_OF.get(current_stage, "report")
    order = [key for key, _label, _stages in STEPS]
    position = order.index(at)
    final = current_stage == s.FINAL
    if current_stage in _COMPLETES and not final:
        position += 1  # the step is complete: the next one is under way
    steps = []
    for i, (key, name, stages) in enumerate(STEPS):
        if i < position or (i == position and final):
            state = "done"
        elif i == position:
            state = "stopped" if dismissed else "current"
        else:
            state = "stopped" if dismissed else "todo"
        furthest = [x for x in reached if x in stages]
        steps.append(Step(key, name, state, Stage(furthest[-1]).label if furthest else ""))
    returned = list(reached).count(s.P19)
    running = sorted(
        (x for x in deadlines if x.is_open and x.status in (d.Status.DUE, d.Status.OVERDUE)),
        key=lambda x: (x.status != d.Status.OVERDUE, x.due),
    )
    if running:
        first = running[0]
        label: Any = DEADLINE_LABELS.get(first.code, first.code)
        return Stepper(steps, label, first.due, first.status == d.Status.OVERDUE, returned)
    upcoming = "" if (dismissed or final) else _next_stage(current_stage)
    return Stepper(steps, Stage(upcoming).label if upcoming else "", None, False, returned)
