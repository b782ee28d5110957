"""Legal deadlines of a proceeding, as data, for both procedure codes.

Pure Python (no Django), strictly typed. Give it the recorded stages, the detention periods, the
periods that apply and a ``today``; it returns every deadline with its due date and status.

* **KUHAP 1981** (UU 8/1981) applies to proceedings whose police report is dated before
  2 January 2026. Its periods are verified (``legal-reference.md`` §6): SPDP 7 days after the
  investigation order (MK 130/PUU-XIII/2015), prosecutor's review 7 days (Pasal 138(1)), file back
  within 14 days after P-19 (138(2)), appeal 7 days (233(2)), cassation 14 days (245(1)),
  detention Pasal 24–29.
* **KUHAP 2025** (UU 20/2025) applies from 2 January 2026. Its periods are **not verified**; each
  is a named setting (:data:`PERIOD_NAMES`) whose documented default is the 1981 value, and a
  system administrator may override it (:meth:`Periods.with_overrides`).

Exceptions::

    DeadlineError              base of what this module raises
    └── InvalidPeriod          an override with an unknown name or a value out of range
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from typing import Final

from lentera.apps.justice import stages as s

#: The day the 2025 code of criminal procedure took effect.
KUHAP_2025_FROM: Final = date(2026, 1, 2)
#: Default number of days without stage movement after which a proceeding is stalled.
DEFAULT_STALL_DAYS: Final = 60


class ProcedureCode(enum.StrEnum):
    KUHAP1981 = "KUHAP1981"
    KUHAP2025 = "KUHAP2025"


class Status(enum.StrEnum):
    DUE = "due"  # not met yet, due date not passed
    OVERDUE = "overdue"  # not met, due date passed
    MET = "met"  # met on or before the due date
    MET_LATE = "met_late"  # met after the due date
    LAPSED = "lapsed"  # a window (appeal, cassation) closed without the act: the verdict stands


class Kind(enum.StrEnum):
    DUTY = "duty"  # an authority must act by the due date
    WINDOW = "window"  # a party may act until the due date
    DETENTION = "detention"  # custody must end by the due date


class DetentionLevel(enum.StrEnum):
    INVESTIGATOR = "investigator"
    PROSECUTOR = "prosecutor"
    DISTRICT_COURT = "district_court"
    APPEAL = "appeal"
    CASSATION = "cassation"


class DeadlineError(ValueError):
    """Base of the errors of this module."""


class InvalidPeriod(DeadlineError):
    def __init__(self, message: str, *, name: str) -> None:
        super().__init__(message)
        self.name = name


@dataclass(frozen=True)
class Periods:
    """Every period in days. The defaults are KUHAP 1981's."""

    spdp: int = 7
    prosecutor_review: int = 7
    p19_return: int = 14
    appeal: int = 7
    cassation: int = 14
    detention_investigator: int = 20
    detention_investigator_extension: int = 40
    detention_prosecutor: int = 20
    detention_prosecutor_extension: int = 30
    detention_district_court: int = 30
    detention_district_court_extension: int = 60
    detention_appeal: int = 30
    detention_appeal_extension: int = 60
    detention_cassation: int = 50
    detention_cassation_extension: int = 60
    detention_exceptional: int = 60

    def detention_limits(self, level: DetentionLevel) -> tuple[int, int]:
        """(initial days, longest ordinary extension) at ``level``."""
        initial: int = getattr(self, f"detention_{level.value}")
        extension: int = getattr(self, f"detention_{level.value}_extension")
        return initial, extension

    def with_overrides(self, overrides: Mapping[str, int]) -> Periods:
        known = set(PERIOD_NAMES)
        for name, days in overrides.items():
            if name not in known:
                raise InvalidPeriod(f"unknown period {name!r}", name=name)
            if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 400:
                raise InvalidPeriod(f"{name}: days must be a whole number 1–400", name=name)
        return replace(self, **dict(overrides))


#: The names of every period (the keys of the settings page).
PERIOD_NAMES: Final[tuple[str, ...]] = tuple(f.name for f in fields(Periods))

#: KUHAP 1981: verified, fixed.
KUHAP_1981: Final = Periods()

#: Where each period comes from (for the settings page and the guide).
PERIOD_BASIS: Final[dict[str, str]] = {
    "spdp": "KUHAP 109(1), MK 130/PUU-XIII/2015",
    "prosecutor_review": "KUHAP 138(1)",
    "p19_return": "KUHAP 110(3), 138(2)",
    "appeal": "KUHAP 233(2)",
    "cassation": "KUHAP 245(1)",
    "detention_investigator": "KUHAP 24(1)",
    "detention_investigator_extension": "KUHAP 24(2)",
    "detention_prosecutor": "KUHAP 25(1)",
    "detention_prosecutor_extension": "KUHAP 25(2)",
    "detention_district_court": "KUHAP 26(1)",
    "detention_district_court_extension": "KUHAP 26(2)",
    "detention_appeal": "KUHAP 27(1)",
    "detention_appeal_extension": "KUHAP 27(2)",
    "detention_cassation": "KUHAP 28(1)",
    "detention_cassation_extension": "KUHAP 28(2)",
    "detention_exceptional": "KUHAP 29",
}


def procedure_code_for(police_report_date: date) -> ProcedureCode:
    """The code that governs a proceeding, from the date of its police report.

    Cases already running on 31 December 2025 continue under the old law (legal-reference §6.3).
    """
    return (
        ProcedureCode.KUHAP2025
        if police_report_date >= KUHAP_2025_FROM
        else (ProcedureCode.KUHAP1981)
    )


def periods_for(code: ProcedureCode, overrides_2025: Mapping[str, int] | None = None) -> Periods:
    """The periods of ``code``: the 1981 values, or the 2025 settings (1981 values by default)."""
    if code == ProcedureCode.KUHAP1981:
        return KUHAP_1981
    return KUHAP_1981.with_overrides(overrides_2025 or {})


@dataclass(frozen=True)
class Step:
    """A recorded stage. ``decided_on`` is the date of the decision notified, for an appeal."""

    stage: str
    on: date
    decided_on: date | None = None


@dataclass(frozen=True)
class DetentionPeriod:
    level: DetentionLevel
    start: date
    end: date | None = None  # released or handed to the next level (None: still held)
    extension_days: int = 0
    exceptional_days: int = 0
    label: str = ""


@dataclass(frozen=True)
class Deadline:
    """One deadline: what must happen, counted from when, by when, and where it stands."""

    code: str  # spdp, prosecutor_review, p19_return, appeal, cassation, detention
    kind: Kind
    basis: str
    start: date
    due: date
    status: Status
    met_on: date | None
    days_left: int  # due - today (negative when overdue); 0 once met
    period_days: int
    detail: str = ""

    @property
    def is_open(self) -> bool:
        return self.status in (Status.DUE, Status.OVERDUE)


def _status(due: date, met_on: date | None, today: date, kind: Kind) -> Status:
    if met_on is not None:
        return Status.MET if met_on <= due else Status.MET_LATE
    if today <= due:
        return Status.DUE
    return Status.LAPSED if kind == Kind.WINDOW else Status.OVERDUE


def _make(
    code: str,
    kind: Kind,
    start: date,
    days: int,
    met_on: date | None,
    today: date,
    *,
    closed: bool = False,
    detail: str = "",
) -> Deadline:
    due = start + timedelta(days=days)
    status = _status(due, met_on, today, kind)
    if closed and status == Status.DUE and kind == Kind.WINDOW:
        status = Status.LAPSED  # the proceeding became final without the act
    left = (due - today).days if status in (Status.DUE, Status.OVERDUE) else 0
    return Deadline(
        code=code,
        kind=kind,
        basis=PERIOD_BASIS.get(code, ""),
        start=start,
        due=due,
        status=status,
        met_on=met_on,
        days_left=left,
        period_days=days,
        detail=detail,
    )


def _first_after(steps: Sequence[Step], index: int, wanted: frozenset[str]) -> date | None:
    for later in steps[index + 1 :]:
        if later.stage in wanted:
            return later.on
    return None


def compute_deadlines(
    steps: Sequence[Step],
    detentions: Sequence[DetentionPeriod],
    periods: Periods,
    today: date,
    *,
    restart_on: date | None = None,
) -> list[Deadline]:
    """Every deadline triggered by ``steps`` (in recorded order) and ``detentions``.

    A detention's due date is the last lawful day in custody: start + initial days + the
    extensions granted − 1 (the first day counts). Other deadlines fall ``period`` days after the
    act that starts them. ``restart_on`` (the day a wanted suspect was arrested or gave
    themselves up): a duty still unmet that started before it counts afresh from that day.
    """
    result: list[Deadline] = []
    closed = any(step.stage == s.FINAL for step in steps)
    for index, step in enumerate(steps):
        if step.stage == s.INVESTIGATION_ORDER:
            met = _first_after(steps, index, frozenset({s.SPDP}))
            result.append(_make("spdp", Kind.DUTY, step.on, periods.spdp, met, today))
        elif step.stage == s.FILE_STAGE_1:
            met = _first_after(steps, index, frozenset({s.P18, s.P19, s.P21}))
            result.append(
                _make(
                    "prosecutor_review", Kind.DUTY, step.on, periods.prosecutor_review, met, today
                )
            )
        elif step.stage == s.P19:
            met = _first_after(steps, index, frozenset({s.FILE_STAGE_1}))
            result.append(_make("p19_return", Kind.DUTY, step.on, periods.p19_return, met, today))
        elif step.stage == s.VERDICT:
            met = _first_after(steps, index, frozenset({s.APPEAL}))
            result.append(
                _make("appeal", Kind.WINDOW, step.on, periods.appeal, met, today, closed=closed)
            )
        elif step.stage == s.APPEAL and step.decided_on is not None:
            met = _first_after(steps, index, frozenset({s.CASSATION}))
            result.append(
                _make(
                    "cassation",
                    Kind.WINDOW,
                    step.decided_on,
                    periods.cassation,
                    met,
                    today,
                    closed=closed,
                )
            )
    for period in detentions:
        initial, max_extension = periods.detention_limits(period.level)
        if period.extension_days < 0 or period.extension_days > max_extension:
            raise InvalidPeriod(
                f"{period.level.value}: extension of {period.extension_days} days exceeds the "
                f"{max_extension} allowed",
                name=f"detention_{period.level.value}_extension",
            )
        if period.exceptional_days < 0 or period.exceptional_days > periods.detention_exceptional:
            raise InvalidPeriod(
                f"{period.level.value}: exceptional extension of {period.exceptional_days} days "
                f"exceeds the {periods.detention_exceptional} allowed",
                name="detention_exceptional",
            )
        days = initial + period.extension_days + period.exceptional_days
        deadline = _make(
            "detention",
            Kind.DETENTION,
            period.start,
            days - 1,
            period.end,
            today,
            detail=period.level.value,
        )
        basis = PERIOD_BASIS[f"detention_{period.level.value}"]
        if period.exceptional_days:
            basis += ", KUHAP 29"
        result.append(replace(deadline, period_days=days, basis=basis))
    if restart_on is not None:
        result = [_restarted(x, restart_on, today) for x in result]
    return result


def _restarted(deadline: Deadline, restart_on: date, today: date) -> Deadline:
    if deadline.kind != Kind.DUTY or deadline.met_on is not None or deadline.start >= restart_on:
        return deadline
    again = _make(deadline.code, Kind.DUTY, restart_on, deadline.period_days, None, today)
    return replace(again, detail=deadline.detail or "restarted")


def is_stalled(
    last_movement: date, today: date, *, stall_days: int = DEFAULT_STALL_DAYS, closed: bool = False
) -> bool:
    """No stage movement for more than ``stall_days`` days (a closed proceeding never stalls)."""
    if stall_days < 1:
        raise InvalidPeriod("stall_days must be at least 1", name="stall_days")
    return not closed and (today - last_movement).days > stall_days
