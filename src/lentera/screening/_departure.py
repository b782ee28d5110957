"""Departure screening: weighted indicators from the posko interview.

Each indicator is a condition in code (``_CONDITIONS``) and a row of data in
``data/departure_rules.json`` (weight, minimum level, actions, reasons in Indonesian and English,
legal basis and rationale). ``risk = 1 - exp(-sum of weights)``; the level comes from the risk
thresholds in the same file, raised to the ``min_level`` of any indicator found.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Final

from lentera.screening._codes import ACTION_CODES, DEFAULT_LANG, LANGS, LEVELS, Level
from lentera.screening._countries import country_name
from lentera.screening._errors import InvalidInput, ModelError
from lentera.screening._inputs import DepartureInput
from lentera.screening._policy import DestinationPolicy, DestinationPolicyTable, load_default_policy

_LAWFUL_RECRUITERS = frozenset({"licensed_agency", "government_programme"})
_UNLICENSED_RECRUITERS = frozenset({"individual_agent", "travel_agency", "online_contact"})
_NOT_WORKING_PURPOSES = frozenset({"tourism", "family_visit", "pilgrimage", "study"})


@dataclass(frozen=True, slots=True)
class Indicator:
    """One reason found in the interview: a code, an explanation in the chosen language, and
    the language-neutral values the explanation is written from (``params``: codes, numbers),
    so a stored indicator can be explained again in any language (:func:`indicator_reason`)."""

    code: str
    reason: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "reason": self.reason}

    def to_record(self) -> dict[str, Any]:
        """What to store: the code and its parameters, no sentence in any language."""
        return {"code": self.code, "params": dict(self.params)}


@dataclass(frozen=True, slots=True)
class DepartureResult:
    """What the posko officer sees: level, risk, indicators with reasons, actions (most urgent
    first). ``weights`` keeps the weight of each indicator for audit; it is not in ``to_dict``."""

    id: str | None
    risk: float
    level: Level
    indicators: tuple[Indicator, ...]
    actions: tuple[str, ...]
    weights: Mapping[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The contract's output object."""
        return {
            "id": self.id,
            "risk": self.risk,
            "level": self.level,
            "indicators": [i.to_dict() for i in self.indicators],
            "actions": list(self.actions),
        }

    def to_record(self) -> dict[str, Any]:
        """What to store: as :meth:`to_dict`, but each indicator as its code and parameters
        (explained in the reader's language when shown, see :func:`indicator_reason`)."""
        return {
            "id": self.id,
            "risk": self.risk,
            "level": self.level,
            "indicators": [i.to_record() for i in self.indicators],
            "actions": list(self.actions),
        }


@dataclass(frozen=True, slots=True)
class _Context:
    dep: DepartureInput
    policy: DestinationPolicy | None
    rules: _Rules


# A condition returns None when the indicator is absent, or the values for its reason text.
_Condition = Callable[[_Context], dict[str, object] | None]


def _work_abroad(c: _Context) -> bool:
    return c.dep.working and c.dep.international is True


def _policy_status(c: _Context) -> str | None:
    return c.policy.status if c.policy is not None else None


def _lawfully_placed(dep: DepartureInput) -> bool:
    return dep.placement_registered is True and dep.recruited_by in _LAWFUL_RECRUITERS


def _child_work(c: _Context) -> dict[str, object] | None:
    return {} if c.dep.minor and c.dep.working else None


def _child_with_handler(c: _Context) -> dict[str, object] | None:
    return {} if c.dep.minor and c.dep.accompanied_by_handler is True else None


def _child_without_consent(c: _Context) -> dict[str, object] | None:
    d = c.dep
    return {} if d.minor and not d.working and d.parental_consent is False else None


def _child_consent_unknown(c: _Context) -> dict[str, object] | None:
    d = c.dep
    return {} if d.minor and not d.working and d.parental_consent is None else None


def _destination(status: str) -> _Condition:
    def condition(c: _Context) -> dict[str, object] | None:
        return {} if _work_abroad(c) and _policy_status(c) == status else None

    return condition


def _domestic_work_ban_country(c: _Context) -> dict[str, object] | None:
    if not _work_abroad(c) or c.policy is not None or c.dep.destination_country is None:
        return None
    if c.dep.job_sector not in (None, "unknown", "other", "care"):
        return None
    ban = c.rules.policy_table.lookup(c.dep.destination_country, "domestic_work")
    return {} if ban is not None and ban.status == "domestic_worker_ban" else None


def _destination_unlisted(c: _Context) -> dict[str, object] | None:
    d = c.dep
    if not _work_abroad(c) or c.policy is not None or d.destination_country is None:
        return None
    if d.destination_country in c.rules.policy_table.countries():
        return None  # listed for other sectors (e.g. a household-work ban): handled above
    return {}


def _no_work_visa(c: _Context) -> dict[str, object] | None:
    visa = c.dep.visa_type
    return {} if _work_abroad(c) and visa is not None and visa != "work" else None


def _purpose_mismatch(c: _Context) -> dict[str, object] | None:
    d = c.dep
    return {} if d.job_offered is True and d.stated_purpose in _NOT_WORKING_PURPOSES else None


def _not_registered(c: _Context) -> dict[str, object] | None:
    return {} if _work_abroad(c) and c.dep.placement_registered is False else None


def _unlicensed_recruiter(c: _Context) -> dict[str, object] | None:
    d = c.dep
    if d.recruited_by not in _UNLICENSED_RECRUITERS:
        return None
    if d.working:
        return {}
    # A "holiday" someone recruited for, to a country closed to placement or without an
    # agreement: the route into online-scam compounds (departure-rules-2).
    return {} if _trip_to_no_agreement_country(c) is not None else None


def _recruited_by_acquaintance(c: _Context) -> dict[str, object] | None:
    return {} if c.dep.working and c.dep.recruited_by == "friend_or_relative" else None


def _employer_unknown(c: _Context) -> dict[str, object] | None:
    return {} if c.dep.working and c.dep.employer_known is False else None


def _no_contract(c: _Context) -> dict[str, object] | None:
    return {} if c.dep.working and c.dep.contract_seen is False else None


def _recruiter_paid_costs(c: _Context) -> dict[str, object] | None:
    return {} if c.dep.costs_paid_by_recruiter is True else None


def _fees_paid(c: _Context) -> dict[str, object] | None:
    fees = c.dep.fees_paid_idr
    return {"amount": fees} if fees is not None and fees > 0 else None


def _documents_held(c: _Context) -> dict[str, object] | None:
    return {} if c.dep.holds_own_documents is False else None


def _handler_present(c: _Context) -> dict[str, object] | None:
    d = c.dep
    return {} if d.accompanied_by_handler is True and not d.minor else None


def _group(large: bool) -> _Condition:
    def condition(c: _Context) -> dict[str, object] | None:
        d = c.dep
        if not d.working or d.group_size is None or _lawfully_placed(d):
            return None
        if d.recruited_by in _LAWFUL_RECRUITERS:
            return None
        is_large = d.group_size >= c.rules.large_group
        if d.group_size >= c.rules.group and is_large == large:
            return {"group_size": d.group_size}
        return None

    return condition


def _story_inconsistent(c: _Context) -> dict[str, object] | None:
    return {} if c.dep.story_inconsistent is True else None


def _sector(sector: str) -> _Condition:
    def condition(c: _Context) -> dict[str, object] | None:
        return {} if c.dep.working and c.dep.job_sector == sector else None

    return condition


def _salary_too_good(c: _Context) -> dict[str, object] | None:
    d = c.dep
    salary = d.salary_promised_idr
    if not d.working or salary is None or salary < c.rules.high_salary:
        return None
    return None if d.placement_registered is True else {"amount": salary}


def _no_return_ticket(c: _Context) -> dict[str, object] | None:
    d = c.dep
    if d.working or d.international is not True or d.return_ticket is not False:
        return None
    return {} if d.stated_purpose in ("tourism", "family_visit") else None


def _trip_to_no_agreement_country(c: _Context) -> dict[str, object] | None:
    d = c.dep
    if d.working or d.international is not True or d.destination_country is None:
        return None
    policy = c.rules.policy_table.lookup(d.destination_country, None, d.departure_date)
    if policy is None or policy.status not in ("closed", "no_agreement"):
        return None
    signs = (
        d.return_ticket is False,
        d.costs_paid_by_recruiter is True,
        d.story_inconsistent is True,
        d.accompanied_by_handler is True,
    )
    return {} if any(signs) else None


_CONDITIONS: dict[str, _Condition] = {
    "child_work": _child_work,
    "child_with_handler": _child_with_handler,
    "child_without_consent": _child_without_consent,
    "child_consent_unknown": _child_consent_unknown,
    "destination_closed": _destination("closed"),
    "destination_no_agreement": _destination("no_agreement"),
    "domestic_worker_ban": _destination("domestic_worker_ban"),
    "domestic_work_ban_country": _domestic_work_ban_country,
    "destination_unlisted": _destination_unlisted,
    "no_work_visa": _no_work_visa,
    "purpose_mismatch": _purpose_mismatch,
    "not_registered": _not_registered,
    "unlicensed_recruiter": _unlicensed_recruiter,
    "recruited_by_acquaintance": _recruited_by_acquaintance,
    "employer_unknown": _employer_unknown,
    "no_contract": _no_contract,
    "recruiter_paid_costs": _recruiter_paid_costs,
    "fees_paid": _fees_paid,
    "documents_held": _documents_held,
    "handler_present": _handler_present,
    "group_recruitment": _group(large=False),
    "large_group_recruitment": _group(large=True),
    "story_inconsistent": _story_inconsistent,
    "sector_entertainment": _sector("entertainment"),
    "sector_fishing": _sector("fishing"),
    "sector_unknown": _sector("unknown"),
    "salary_too_good": _salary_too_good,
    "no_return_ticket": _no_return_ticket,
    "trip_to_no_agreement_country": _trip_to_no_agreement_country,
}

INDICATOR_CODES: tuple[str, ...] = tuple(_CONDITIONS)


@dataclass(frozen=True, slots=True)
class _IndicatorRule:
    code: str
    weight: float
    min_level: Level | None
    actions: tuple[str, ...]
    reason: Mapping[str, str]
    legal_basis: str
    rationale: str


@dataclass(frozen=True, slots=True)
class _Rules:
    version: str
    high: float
    medium: float
    high_salary: int
    group: int
    large_group: int
    action_order: tuple[str, ...]
    level_actions: Mapping[str, Mapping[str, tuple[str, ...]]]
    indicators: Mapping[str, _IndicatorRule]
    labels: Mapping[str, Mapping[str, Mapping[str, str]]]
    policy_table: DestinationPolicyTable

    def with_policy(self, table: DestinationPolicyTable) -> _Rules:
        return self if table is self.policy_table else dataclasses.replace(self, policy_table=table)


def _check_actions(codes: list[str], where: str) -> tuple[str, ...]:
    for code in codes:
        if code not in ACTION_CODES:
            raise ModelError(f"departure rules: unknown action {code!r} in {where}")
    return tuple(codes)


def _parse_rules(raw: Mapping[str, Any], table: DestinationPolicyTable) -> _Rules:
    try:
        indicators: dict[str, _IndicatorRule] = {}
        for code, row in raw["indicators"].items():
            if code not in _CONDITIONS:
                raise ModelError(f"departure rules: no condition for indicator {code!r}")
            min_level = row["min_level"]
            if min_level is not None and min_level not in LEVELS:
                raise ModelError(f"departure rules: bad min_level {min_level!r} for {code!r}")
            if set(row["reason"]) != set(LANGS):
                raise ModelError(f"departure rules: reason of {code!r} needs id and en")
            indicators[code] = _IndicatorRule(
                code=code,
                weight=float(row["weight"]),
                min_level=min_level,
                actions=_check_actions(row["actions"], code),
                reason=dict(row["reason"]),
                legal_basis=str(row["legal_basis"]),
                rationale=str(row["rationale"]),
            )
        missing = set(_CONDITIONS) - set(indicators)
        if missing:
            raise ModelError(f"departure rules: no data for indicators {sorted(missing)}")
        order = _check_actions(raw["action_order"], "action_order")
        if set(order) != set(ACTION_CODES):
            raise ModelError("departure rules: action_order must list every action once")
        level_actions = {
            level: {k: _check_actions(v, f"level_actions.{level}") for k, v in rows.items()}
            for level, rows in raw["level_actions"].items()
        }
        return _Rules(
            version=str(raw["version"]),
            high=float(raw["thresholds"]["high"]),
            medium=float(raw["thresholds"]["medium"]),
            high_salary=int(raw["high_salary_idr"]),
            group=int(raw["group_size"]["group"]),
            large_group=int(raw["group_size"]["large"]),
            action_order=order,
            level_actions=level_actions,
            indicators=indicators,
            labels=raw["labels"],
            policy_table=table,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelError(f"departure rules: malformed data ({exc!r})") from exc


@functools.cache
def _default_rules() -> _Rules:
    path = resources.files("lentera.screening").joinpath("data/departure_rules.json")
    with path.open("r", encoding="utf-8") as handle:
        raw = json.load(handle)
    return _parse_rules(raw, load_default_policy())


def departure_rules_version() -> str:
    return _default_rules().version


def _level_of(risk: float, rules: _Rules) -> Level:
    if risk >= rules.high:
        return "high"
    if risk >= rules.medium:
        return "medium"
    return "low"


def _reason_params(dep: DepartureInput, ctx: _Context) -> dict[str, Any]:
    """The language-neutral values the reasons are written from (codes and numbers)."""
    return {
        "age": dep.age,
        "country": dep.destination_country,
        "legal_basis": ctx.policy.legal_basis if ctx.policy is not None else "",
        "purpose": dep.stated_purpose,
        "visa": dep.visa_type,
        "recruiter": dep.recruited_by,
    }


def _rupiah(amount: object) -> str:
    return f"{amount:,}".replace(",", ".") if isinstance(amount, int) else str(amount)


_LABELLED: Final = ("purpose", "visa", "recruiter")


def indicator_reason(code: str, params: Mapping[str, Any], lang: str = DEFAULT_LANG) -> str:
    """The explanation of indicator ``code`` in ``lang`` from its stored ``params``.

    Codes become words of that language (country names, purposes, visas, recruiters), amounts
    are written the Indonesian way (``75.000.000``); a value that is missing reads ``?``.
    Raises KeyError for an unknown code.
    """
    rules = _default_rules()
    language = lang if lang in LANGS else DEFAULT_LANG
    template = rules.indicators[code].reason[language]
    labels = rules.labels
    values: dict[str, object] = {}
    for name, value in params.items():
        if name in _LABELLED:
            values[name] = labels[name][language].get(value or "", value) if value else "?"
        elif name == "country":
            values[name] = country_name(str(value), language) if value else "?"
        elif name == "amount":
            values[name] = _rupiah(value)
        else:
            values[name] = "?" if value is None else value
    return template.format_map(_Missing(values))


class _Missing(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def screen_departure(
    dep: DepartureInput,
    *,
    policy: DestinationPolicyTable | None = None,
    lang: str | None = None,
) -> DepartureResult:
    """Screen one traveller's interview.

    ``policy`` is the destination-policy table in force (the shipped defaults when None);
    ``lang`` (``id`` or ``en``) overrides the record's own ``lang``; Indonesian by default.
    """
    language = lang or dep.lang or DEFAULT_LANG
    if language not in LANGS:
        raise InvalidInput(f"unknown language {language!r}; expected id or en", field="lang")
    rules = _default_rules()
    if policy is not None:
        rules = rules.with_policy(policy)
    found_policy = None
    if dep.destination_country is not None and dep.international:
        found_policy = rules.policy_table.lookup(
            dep.destination_country, dep.job_sector, dep.departure_date
        )
    ctx = _Context(dep=dep, policy=found_policy, rules=rules)
    values = _reason_params(dep, ctx)

    found: list[tuple[_IndicatorRule, dict[str, object]]] = []
    for code, condition in _CONDITIONS.items():
        extra = condition(ctx)
        if extra is not None:
            found.append((rules.indicators[code], extra))

    total = sum(rule.weight for rule, _extra in found)
    risk = round(1.0 - math.exp(-total), 3)
    level = _level_of(risk, rules)
    for rule, _extra in found:
        if rule.min_level is not None and LEVELS.index(rule.min_level) > LEVELS.index(level):
            level = rule.min_level

    indicators = []
    for rule, extra in found:
        params = {**values, **extra}
        indicators.append(
            Indicator(rule.code, indicator_reason(rule.code, params, language), params)
        )
    indicators.sort(key=lambda i: -rules.indicators[i.code].weight)

    trip = "domestic" if dep.international is False else "international"
    actions = set(rules.level_actions[level][trip])
    if dep.international is False and dep.working:
        actions.update(rules.level_actions[level]["domestic_trip_for_work"])
    if level != "low":
        for rule, _extra in found:
            actions.update(rule.actions)
    elif found:
        actions.add("counsel")
    if dep.international is False and "request_departure_delay" in actions:
        # Immigration can delay only international departures; at home officers counsel, verify
        # and refer instead (examples README; contract section 2).
        actions.discard("request_departure_delay")
        actions.update({"verify_documents", "counsel"})
    if level != "low":
        actions.discard("allow")
    ordered = tuple(a for a in rules.action_order if a in actions)
    return DepartureResult(
        id=dep.id,
        risk=risk,
        level=level,
        indicators=tuple(indicators),
        actions=ordered,
        weights={rule.code: rule.weight for rule, _extra in found},
    )
