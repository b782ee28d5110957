"""Writes of the justice app. Each checks the policy, validates, saves in one transaction and
records one audit event **on the case**, so the case timeline shows the proceeding's steps."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lentera.apps.accounts import wording
from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import lock, transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, AgencyType, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.cases.models import CaseParty, QualificationSnapshot
from lentera.apps.cases.policies import cases
from lentera.apps.cases.vocab import PartyRole
from lentera.apps.justice import deadlines as d
from lentera.apps.justice import stages as s
from lentera.apps.justice.models import (
    ChargeSet,
    DeadlineSetting,
    Detention,
    Proceeding,
    StageEvent,
)
from lentera.apps.justice.policies import proceedings
from lentera.apps.justice.vocab import (
    STALL_SETTING,
    ChargeStep,
    DetentionLevel,
    Outcome,
    Stage,
)

ARTICLE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./:()\-]{0,59}$")
MAX_ARTICLES = 20


def _require_manage(actor: User, proceeding: Proceeding) -> None:
    if not proceedings.can(actor, Action.MANAGE_PROCEEDINGS, proceeding):
        raise deny()


def _parts(proceeding: Proceeding) -> dict[str, Any]:
    """ "Proceeding #4" as the reader's language says it (an event summary: accounts.wording)."""
    return wording.text(gettext_noop("Proceeding #%(id)s"), id=str(proceeding.pk))


def _check_prosecution_agency(agency: Agency | None) -> None:
    if agency is not None and agency.agency_type != AgencyType.PROSECUTOR:
        raise ValidationError(
            {
                "prosecution_agency": _("%(agency)s is not a prosecution office.")
                % {"agency": agency}
            }
        )


def proceeding_open(
    *,
    actor: User,
    suspect: CaseParty,
    police_report_date: date,
    police_report_number: str = "",
    police_agency: Agency | None = None,
    prosecution_agency: Agency | None = None,
    note: str = "",
    today: date | None = None,
) -> Proceeding:
    """Open the proceeding of one suspect, starting with the police report."""
    case = suspect.case
    if not cases.can(actor, Action.MANAGE_PROCEEDINGS, case):
        raise deny()
    if suspect.role != PartyRole.SUSPECT:
        raise ValidationError(
            {"suspect": _("Party #%(id)s is not a suspect in this case.") % {"id": suspect.pk}}
        )
    today = today or timezone.localdate()
    if police_report_date > today:
        raise ValidationError({"police_report_date": _("The date is in the future.")})
    # the investigator's own police unit by default: on a case shared with it through a
    # proceedings grant, the lead agency is often not the police (UPTD PPA)
    own = actor.agency
    police = police_agency or (
        own if own is not None and own.agency_type == AgencyType.POLICE else case.lead_agency
    )
    if police.agency_type != AgencyType.POLICE:
        raise ValidationError(
            {"police_agency": _("%(agency)s is not a police unit.") % {"agency": police}}
        )
    _check_prosecution_agency(prosecution_agency)
    with transaction.atomic():
        try:
            proceeding = Proceeding.objects.create(
                case=case,
                suspect=suspect,
                police_agency=police,
                prosecution_agency=prosecution_agency,
                police_report_number=police_report_number.strip()[:80],
                police_report_date=police_report_date,
                procedure_code=d.procedure_code_for(police_report_date).value,
                current_stage=Stage.POLICE_REPORT,
                last_movement_at=police_report_date,
                opened_by=actor,
            )
        except IntegrityError as exc:
            raise ValidationError({"suspect": _("This suspect already has a proceeding.")}) from exc
        StageEvent.objects.create(
            proceeding=proceeding,
            stage=Stage.POLICE_REPORT,
            on=police_report_date,
            note=note[:500],
            recorded_by=actor,
            recorded_agency_id=actor.agency_id,
        )
        record_event(
            actor=actor,
            event_type=EventType.PROCEEDING_OPENED,
            obj=case,
            summary=[_parts(proceeding)],
            data={
                "proceeding": proceeding.pk,
                "suspect": suspect.pk,
                "procedure_code": proceeding.procedure_code,
                "police_report_date": police_report_date.isoformat(),
            },
        )
    return proceeding


def stage_record(
    *,
    actor: User,
    proceeding: Proceeding,
    stage: str,
    on: date,
    note: str = "",
    instructions: str = "",
    decided_on: date | None = None,
    prosecution_agency: Agency | None = None,
    today: date | None = None,
) -> StageEvent:
    """Record the next stage; impossible orders and dates going back are refused. The proceeding
    is locked and must still be at the stage the caller read (``proceeding.current_stage``):
    of two officers recording a stage at once, the second gets ``Conflict``."""
    _require_manage(actor, proceeding)
    today = today or timezone.localdate()
    if stage not in Stage.values:
        raise ValidationError({"stage": _("Unknown stage: %(stage)s") % {"stage": stage}})
    if on > today:
        raise ValidationError({"on": _("The date is in the future.")})
    if decided_on is not None and (decided_on < on or decided_on > today):
        raise ValidationError(
            {"decided_on": _("The decision date must lie between the stage date and today.")}
        )
    if stage == Stage.P19 and not instructions.strip():
        raise ValidationError({"instructions": _("P-19 needs the prosecutor's instructions.")})
    _check_prosecution_agency(prosecution_agency)
    with transaction.atomic():
        locked = lock(Proceeding.objects, proceeding.pk, current_stage=proceeding.current_stage)
        before = locked.current_stage
        if locked.outcome == Outcome.DISMISSED:
            raise ValidationError({"stage": _("The proceeding was dismissed.")})
        last = locked.events.order_by("-on", "-id").first()
        previous = s.StageStep(last.stage, last.on) if last is not None else None
        try:
            s.check_next(previous, s.StageStep(stage, on))
        except s.StageOrderError:
            current = Stage(previous.stage).label if previous else "—"
            if previous is not None and stage in s.allowed_next(previous.stage):
                message = _(
                    "%(stage)s cannot be dated %(on)s: %(current)s was recorded on %(then)s."
                ) % {
                    "stage": Stage(stage).label,
                    "on": on.isoformat(),
                    "current": current,
                    "then": previous.on.isoformat(),
                }
                raise ValidationError({"on": message}) from None
            message = _("%(stage)s cannot follow %(current)s. Possible next: %(next)s.") % {
                "stage": Stage(stage).label,
                "current": current,
                "next": ", ".join(
                    str(Stage(code).label)
                    for code in s.STAGE_ORDER
                    if code in s.allowed_next(previous.stage if previous else None)
                )
                or "—",
            }
            raise ValidationError({"stage": message}) from None
        event = StageEvent.objects.create(
            proceeding=locked,
            stage=stage,
            on=on,
            decided_on=decided_on,
            instructions=instructions.strip(),
            note=note[:500],
            recorded_by=actor,
            recorded_agency_id=actor.agency_id,
        )
        locked.current_stage = stage
        locked.last_movement_at = on
        locked.updated_at = timezone.now()
        fields = ["current_stage", "last_movement_at", "updated_at"]
        if prosecution_agency is not None:
            locked.prosecution_agency = prosecution_agency
            fields.append("prosecution_agency")
        locked.save(update_fields=fields)
        record_event(
            actor=actor,
            event_type=EventType.PROCEEDING_STAGE_RECORDED,
            obj=locked.case,
            summary=[_parts(locked), ": ", wording.label(Stage, stage)],
            data={
                "proceeding": locked.pk,
                "from": before,
                "stage": stage,
                "on": on.isoformat(),
            },
        )
    proceeding.refresh_from_db()
    return event


def charges_set(
    *,
    actor: User,
    proceeding: Proceeding,
    step: str,
    articles: Sequence[str] = (),
    snapshot: QualificationSnapshot | None = None,
) -> ChargeSet:
    """Record the articles charged at ``step`` (taken from ``snapshot`` when none are given)."""
    _require_manage(actor, proceeding)
    if step not in ChargeStep.values:
        raise ValidationError({"step": _("Unknown step: %(step)s") % {"step": step}})
    if snapshot is not None and snapshot.case_id != proceeding.case_id:
        raise ValidationError(
            {"snapshot": _("Snapshot #%(id)s belongs to another case.") % {"id": snapshot.pk}}
        )
    refs = [a.strip() for a in articles if a and a.strip()]
    if not refs and snapshot is not None:
        refs = [str(c.get("ref", "")) for c in snapshot.result.get("charges", []) if c.get("ref")]
    refs = list(dict.fromkeys(refs))
    if not refs:
        raise ValidationError({"articles": _("Name at least one article.")})
    if len(refs) > MAX_ARTICLES:
        raise ValidationError({"articles": _("At most 20 articles.")})
    bad = [r for r in refs if not ARTICLE_RE.match(r)]
    if bad:
        raise ValidationError(
            {"articles": _("Not an article reference: %(refs)s") % {"refs": ", ".join(bad)}}
        )
    with transaction.atomic():
        charge = ChargeSet.objects.create(
            proceeding=proceeding, step=step, articles=refs, snapshot=snapshot, recorded_by=actor
        )
        record_event(
            actor=actor,
            event_type=EventType.PROCEEDING_CHARGES_SET,
            obj=proceeding.case,
            summary=[_parts(proceeding), ": ", ", ".join(refs)[:250]],
            data={"proceeding": proceeding.pk, "step": step, "articles": refs},
        )
    return charge


def detention_record(
    *,
    actor: User,
    proceeding: Proceeding,
    level: str,
    start: date,
    end: date | None = None,
    extension_days: int = 0,
    exceptional_days: int = 0,
    today: date | None = None,
) -> Detention:
    """Record a detention period; extensions beyond the law's limits are refused."""
    _require_manage(actor, proceeding)
    today = today or timezone.localdate()
    if level not in DetentionLevel.values:
        raise ValidationError({"level": _("Unknown detaining authority.")})
    if start > today:
        raise ValidationError({"start": _("The date is in the future.")})
    if end is not None and end < start:
        raise ValidationError({"end": _("The end is before the start.")})
    periods = periods_for(d.ProcedureCode(proceeding.procedure_code))
    try:
        d.compute_deadlines(
            [],
            [
                d.DetentionPeriod(
                    d.DetentionLevel(level), start, end, extension_days, exceptional_days
                )
            ],
            periods,
            today,
        )
    except d.InvalidPeriod as exc:
        field = "exceptional_days" if exc.name == "detention_exceptional" else "extension_days"
        _initial, max_ext = periods.detention_limits(d.DetentionLevel(level))
        limit = periods.detention_exceptional if field == "exceptional_days" else max_ext
        raise ValidationError(
            {field: _("At most %(days)s days at this stage.") % {"days": limit}}
        ) from None
    with transaction.atomic():
        detention = Detention.objects.create(
            proceeding=proceeding,
            level=level,
            start=start,
            end=end,
            extension_days=extension_days,
            exceptional_days=exceptional_days,
            recorded_by=actor,
        )
        record_event(
            actor=actor,
            event_type=EventType.DETENTION_RECORDED,
            obj=proceeding.case,
            summary=[_parts(proceeding), ": ", wording.label(DetentionLevel, level)],
            data={"proceeding": proceeding.pk, "level": level, "start": start.isoformat()},
        )
    return detention


def detention_update(
    *,
    actor: User,
    detention: Detention,
    end: date | None,
    extension_days: int,
    exceptional_days: int,
    today: date | None = None,
) -> Detention:
    """Record a release or an extension on an existing detention period."""
    proceeding = detention.proceeding
    _require_manage(actor, proceeding)
    today = today or timezone.localdate()
    if end is not None and (end < detention.start or end > today):
        raise ValidationError({"end": _("The end must lie between the start and today.")})
    periods = periods_for(d.ProcedureCode(proceeding.procedure_code))
    level = d.DetentionLevel(detention.level)
    try:
        d.compute_deadlines(
            [],
            [d.DetentionPeriod(level, detention.start, end, extension_days, exceptional_days)],
            periods,
            today,
        )
    except d.InvalidPeriod:
        raise ValidationError(
            {"extension_days": _("The extension exceeds what the law allows at this stage.")}
        ) from None
    with transaction.atomic():
        detention.end = end
        detention.extension_days = extension_days
        detention.exceptional_days = exceptional_days
        detention.save(update_fields=["end", "extension_days", "exceptional_days"])
        record_event(
            actor=actor,
            event_type=EventType.DETENTION_RECORDED,
            obj=proceeding.case,
            summary=[_parts(proceeding), ": ", wording.label(DetentionLevel, level.value)],
            data={
                "proceeding": proceeding.pk,
                "detention": detention.pk,
                "end": end.isoformat() if end else None,
                "extension_days": extension_days,
                "exceptional_days": exceptional_days,
            },
        )
    return detention


def outcome_record(
    *,
    actor: User,
    proceeding: Proceeding,
    outcome: str,
    on: date,
    prison_months: int | None = None,
    fine: int | None = None,
    restitution_ordered: int | None = None,
    dismissal_reason: str = "",
    today: date | None = None,
) -> Proceeding:
    """Record the outcome: a conviction or acquittal needs a verdict; a dismissal a reason."""
    _require_manage(actor, proceeding)
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    if outcome not in (Outcome.CONVICTED, Outcome.ACQUITTED, Outcome.DISMISSED):
        errors["outcome"] = _("Choose convicted, acquitted or dismissed.")
    if on > today or on < proceeding.police_report_date:
        errors["on"] = _("The date must lie between the police report and today.")
    decided = proceeding.events.filter(stage=Stage.VERDICT).exists()
    if outcome in (Outcome.CONVICTED, Outcome.ACQUITTED) and not decided:
        errors["outcome"] = _("Record the verdict stage first.")
    if outcome == Outcome.DISMISSED:
        if decided:
            errors["outcome"] = _("A proceeding with a verdict cannot be dismissed.")
        if not dismissal_reason.strip():
            errors["dismissal_reason"] = _("Give the reason for the dismissal.")
    if outcome == Outcome.CONVICTED and not (prison_months or fine):
        errors["prison_months"] = _("A conviction needs a prison term or a fine.")
    for field, value in (
        ("prison_months", prison_months),
        ("fine", fine),
        ("restitution_ordered", restitution_ordered),
    ):
        if value is not None and value < 0:
            errors[field] = _("Must not be negative.")
    if outcome != Outcome.CONVICTED and (prison_months or fine or restitution_ordered):
        errors["outcome"] = _("Only a conviction carries a sentence.")
    if errors:
        raise ValidationError(errors)
    before = proceeding.outcome
    with transaction.atomic():
        # conditional on the outcome the caller read: two officers recording at once, one wins
        transition(
            Proceeding.objects,
            proceeding.pk,
            field="outcome",
            from_states=[before],
            to_state=outcome,
            instance=proceeding,
            outcome_on=on,
            prison_months=prison_months,
            fine=fine,
            restitution_ordered=restitution_ordered,
            dismissal_reason=dismissal_reason.strip()[:300],
            updated_at=timezone.now(),
        )
        record_event(
            actor=actor,
            event_type=EventType.PROCEEDING_OUTCOME_RECORDED,
            obj=proceeding.case,
            summary=[_parts(proceeding), ": ", wording.label(Outcome, outcome)],
            data={
                "proceeding": proceeding.pk,
                "from": before,
                "outcome": outcome,
                "prison_months": prison_months,
                "fine": fine,
                "restitution_ordered": restitution_ordered,
            },
        )
    return proceeding


# --- Deadline settings -------------------------------------------------------------------------

SETTING_NAMES = (*d.PERIOD_NAMES, STALL_SETTING)


def deadline_overrides() -> dict[str, int]:
    """The stored overrides (KUHAP 2025 periods and the stall period)."""
    return dict(DeadlineSetting.objects.values_list("name", "days"))


def periods_for(code: d.ProcedureCode, overrides: Mapping[str, int] | None = None) -> d.Periods:
    stored = deadline_overrides() if overrides is None else dict(overrides)
    stored.pop(STALL_SETTING, None)
    return d.periods_for(code, stored)


def stall_days(overrides: Mapping[str, int] | None = None) -> int:
    stored = deadline_overrides() if overrides is None else overrides
    return int(stored.get(STALL_SETTING, d.DEFAULT_STALL_DAYS))


def deadline_settings_set(*, actor: User, values: Mapping[str, Any]) -> dict[str, int]:
    """Store the KUHAP 2025 periods and the stall period (values equal to the default are
    stored too, so a later change of default does not silently change the deployment)."""
    if not actor.has_action(Action.MANAGE_REFERENCE):
        raise deny()
    clean: dict[str, int] = {}
    errors: dict[str, str] = {}
    for name, raw in values.items():
        if name not in SETTING_NAMES:
            errors[name] = _("Unknown setting.")
            continue
        try:
            days = int(raw)
        except (TypeError, ValueError):
            errors[name] = _("Enter a whole number of days.")
            continue
        if not 1 <= days <= 400:
            errors[name] = _("Between 1 and 400 days.")
            continue
        clean[name] = days
    if errors:
        raise ValidationError(errors)
    before = deadline_overrides()
    changed = {k: v for k, v in clean.items() if before.get(k) != v}
    if not changed:
        return before
    with transaction.atomic():
        for name, days in changed.items():
            DeadlineSetting.objects.update_or_create(
                name=name,
                defaults={"days": days, "updated_by": actor, "updated_at": timezone.now()},
            )
        record_event(
            actor=actor,
            event_type=EventType.DEADLINE_SETTINGS_CHANGED,
            summary=", ".join(f"{k}={v}" for k, v in sorted(changed.items()))[:300],
            data={"changed": changed, "before": {k: before.get(k) for k in changed}},
        )
    return deadline_overrides()
