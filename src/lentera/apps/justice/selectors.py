"""Reads of proceedings, always starting from the access policy; deadlines, stalls and the
statistics the field reports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import Requester
from lentera.apps.cases.models import CaseParty
from lentera.apps.cases.vocab import PartyRole
from lentera.apps.justice import deadlines as d
from lentera.apps.justice import services, wanted
from lentera.apps.justice import stages as s
from lentera.apps.justice.models import Proceeding, StageEvent, WantedNotice
from lentera.apps.justice.policies import proceedings
from lentera.apps.justice.vocab import Outcome, Stage


def _with_details(qs: QuerySet[Proceeding]) -> QuerySet[Proceeding]:
    return qs.select_related(
        "case", "case__region", "suspect", "suspect__person", "police_agency", "prosecution_agency"
    ).prefetch_related(
        # the page names who recorded each stage: read with the stage, not once per stage
        Prefetch(
            "events", queryset=StageEvent.objects.select_related("recorded_by").order_by("on", "id")
        ),
        "detentions",
        Prefetch("wanted", queryset=WantedNotice.objects.select_related("issued_by")),
    )


def proceeding_list(
    *, user: Requester, action: Action = Action.VIEW_CASE, case_id: int | None = None
) -> QuerySet[Proceeding]:
    qs = proceedings.visible(user, action)
    if case_id is not None:
        qs = qs.filter(case_id=case_id)
    return _with_details(qs).order_by("last_movement_at", "id")


def open_q() -> Q:
    return ~Q(current_stage=Stage.FINAL) & ~Q(outcome=Outcome.DISMISSED)


def steps_of(proceeding: Proceeding) -> list[d.Step]:
    return [d.Step(e.stage, e.on, e.decided_on) for e in proceeding.events.all()]


def deadlines_of(
    proceeding: Proceeding, *, today: date, overrides: Mapping[str, int] | None = None
) -> list[d.Deadline]:
    periods = services.periods_for(d.ProcedureCode(proceeding.procedure_code), overrides)
    detentions = [
        d.DetentionPeriod(
            d.DetentionLevel(x.level), x.start, x.end, x.extension_days, x.exceptional_days
        )
        for x in proceeding.detentions.all()
    ]
    restart = wanted.restart_day(proceeding.wanted.all())
    found = d.compute_deadlines(
        steps_of(proceeding), detentions, periods, today, restart_on=restart
    )
    if proceeding.outcome == Outcome.DISMISSED:
        # A dismissed proceeding owes nothing more except releasing a detained suspect.
        found = [x for x in found if x.kind == d.Kind.DETENTION or not x.is_open]
    return found


@dataclass
class Watch:
    """A proceeding as the watch lists show it."""

    proceeding: Proceeding
    deadlines: list[d.Deadline]
    stalled: bool
    idle_days: int
    wanted: WantedNotice | None = None  # the open wanted notice (DPO): the proceeding waits

    @property
    def overdue(self) -> list[d.Deadline]:
        return [x for x in self.deadlines if x.status == d.Status.OVERDUE]

    @property
    def due(self) -> list[d.Deadline]:
        return [x for x in self.deadlines if x.status == d.Status.DUE]


def watch(
    qs: Iterable[Proceeding], *, today: date, overrides: Mapping[str, int] | None = None
) -> list[Watch]:
    overrides = services.deadline_overrides() if overrides is None else overrides
    limit = services.stall_days(overrides)
    rows = []
    for p in qs:
        notice = wanted.open_notice(p.wanted.all())
        rows.append(
            Watch(
                proceeding=p,
                deadlines=deadlines_of(p, today=today, overrides=overrides),
                stalled=notice is None
                and d.is_stalled(p.last_movement_at, today, stall_days=limit, closed=p.is_closed),
                idle_days=(today - p.last_movement_at).days,
                wanted=notice,
            )
        )
    return rows


def watch_list(*, user: Requester, today: date, case_id: int | None = None) -> list[Watch]:
    """Open proceedings the user may see, each with its deadlines and stall flag."""
    return watch(proceeding_list(user=user, case_id=case_id).filter(open_q()), today=today)


def stall_candidates(*, user: Requester, today: date) -> QuerySet[Proceeding]:
    """Open proceedings the user may see whose watch day has come (or is unknown), read
    through the index on ``watch_from`` (:mod:`.watching`): a superset of the stall list."""
    from lentera.apps.justice.watching import on_watch

    return on_watch(proceeding_list(user=user).filter(open_q()), today)


def stalled_or_overdue(
    *, user: Requester, today: date, among: Iterable[Proceeding] | None = None
) -> list[Watch]:
    """The stall list (of ``among``, a page of :func:`stall_candidates`, when given): deadlines
    worked out only for the candidates."""
    qs = stall_candidates(user=user, today=today) if among is None else among
    return [w for w in watch(qs, today=today) if w.stalled or w.overdue]


def stalled_or_overdue_count(*, user: Requester, today: date) -> int:
    """How many proceedings the stall list holds, for a counter: the ones whose watch day has
    come, by index, plus the changed ones (day unknown) worked out exactly."""
    from lentera.apps.justice.watching import on_watch

    qs = proceedings.visible(user, Action.VIEW_CASE).filter(open_q())
    known = qs.filter(watch_from__lte=today).count()
    unknown = _with_details(on_watch(qs, today).filter(watch_from__isnull=True))
    return known + sum(1 for w in watch(unknown, today=today) if w.stalled or w.overdue)


# --- Statistics ---------------------------------------------------------------------------------


@dataclass
class KupangTable:
    """Police reports in a period and where they stand at its end (field-facts.md, Kupang)."""

    police_reports: int = 0
    victims: int = 0
    in_inquiry: int = 0
    in_investigation: int = 0
    file_returned: int = 0  # in investigation, the file returned at least once (P-19)
    with_prosecutor: int = 0  # P-21 or later, no verdict yet
    decided: int = 0  # verdict or later
    dismissed: int = 0


@dataclass
class TipFigures:
    """US-TIP style figures for a period: suspects investigated, prosecuted, convicted."""

    investigations: int = 0
    prosecutions: int = 0
    convictions: int = 0
    acquittals: int = 0
    dismissals: int = 0
    sentences: dict[str, int] = field(default_factory=dict)
    officials_investigated: int = 0
    officials_prosecuted: int = 0
    officials_convicted: int = 0
    restitution_ordered: int = 0


SENTENCE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("no_prison", 0, 0),
    ("under_3_years", 1, 35),
    ("3_to_under_5_years", 36, 59),
    ("5_to_under_10_years", 60, 119),
    ("10_years_or_more", 120, None),
)


def _band(months: int | None) -> str:
    months = months or 0
    for name, low, high in SENTENCE_BANDS:
        if months >= low and (high is None or months <= high):
            return name
    return SENTENCE_BANDS[-1][0]


def statistics_queryset(*, user: Requester, region: str = "") -> QuerySet[Proceeding]:
    qs = proceedings.visible(user, Action.VIEW_STATISTICS)
    if region:
        qs = qs.filter(
            Q(case__region__code=region) | Q(case__region__code__startswith=region + ".")
        )
    return _with_details(qs)


def _report_position(steps: list[str]) -> str:
    """Where a police report stands, from the stages its proceedings reached (by the period end)."""
    reached = set(steps)
    if reached & {s.VERDICT, s.APPEAL, s.CASSATION, s.FINAL}:
        return "decided"
    if reached & s.PROSECUTION_STAGES:
        return "with_prosecutor"
    if s.P19 in reached:
        return "file_returned"
    if reached & s.INVESTIGATION_STAGES:
        return "in_investigation"
    return "in_inquiry"


def kupang_table(*, user: Requester, start: date, end: date, region: str = "") -> KupangTable:
    """Police reports dated in [start, end] and their position at ``end``.

    A police report is one report number within a case (proceedings of several suspects on the
    same report count once); its position is the furthest any of its proceedings reached by
    ``end``. Victims are the distinct victims of those reports' cases.
    """
    qs = statistics_queryset(user=user, region=region).filter(
        police_report_date__gte=start, police_report_date__lte=end
    )
    reports: dict[tuple[int, str], list[str]] = {}
    dismissed: dict[tuple[int, str], bool] = {}
    case_ids: set[int] = set()
    for p in qs:
        key = (p.case_id, p.police_report_number.strip().upper() or f"#{p.pk}")
        reached = [e.stage for e in p.events.all() if e.on <= end]
        reports.setdefault(key, []).extend(reached)
        gone = p.outcome == Outcome.DISMISSED and p.outcome_on is not None and p.outcome_on <= end
        dismissed[key] = dismissed.get(key, True) and gone
        case_ids.add(p.case_id)
    table = KupangTable(police_reports=len(reports))
    table.victims = CaseParty.objects.filter(case_id__in=case_ids, role=PartyRole.VICTIM).count()
    for key, reached in reports.items():
        if dismissed[key]:
            table.dismissed += 1
            continue
        position = _report_position(reached)
        setattr(table, position, getattr(table, position) + 1)
    return table


def tip_figures(*, user: Requester, start: date, end: date, region: str = "") -> TipFigures:
    """Counts of suspects (one proceeding each) by what happened to them within [start, end]."""
    figures = TipFigures(sentences={name: 0 for name, _low, _high in SENTENCE_BANDS})
    started = {s.INVESTIGATION_ORDER}
    prosecuted = {s.STAGE_2, s.INDICTMENT}
    for p in statistics_queryset(user=user, region=region):
        in_period = {e.stage for e in p.events.all() if start <= e.on <= end}
        official = p.suspect.is_official
        if in_period & started:
            figures.investigations += 1
            figures.officials_investigated += official
        if in_period & prosecuted:
            figures.prosecutions += 1
            figures.officials_prosecuted += official
        if p.outcome_on is None or not start <= p.outcome_on <= end:
            continue
        if p.outcome == Outcome.CONVICTED:
            figures.convictions += 1
            figures.officials_convicted += official
            figures.sentences[_band(p.prison_months)] += 1
            figures.restitution_ordered += p.restitution_ordered or 0
        elif p.outcome == Outcome.ACQUITTED:
            figures.acquittals += 1
        elif p.outcome == Outcome.DISMISSED:
            figures.dismissals += 1
    return figures
