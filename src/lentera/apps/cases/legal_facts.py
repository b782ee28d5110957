"""The legal facts a case file holds for the qualification engine, beside acts, means and
exploitation: their validation (used by the services) and the record of one run.

The case file speaks the engine's vocabulary (``lentera.law.FACT_CODES``) wherever the contract
has one: ``contracts/qualify.md`` lists every field, and each one can be set from the facts form,
the parties, the journey legs or the victims' identification (``selectors.case_facts_for_law``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lentera.apps.cases.vocab import PartyRole
from lentera.law import FACT_CODES, EngineSettings, InvalidSettings, Qualification

#: Case fields that carry legal facts (the rest of the facts form is in the services).
CASE_LEGAL_FIELDS = (
    "exploitation_occurred",
    "movement",
    "absent_elements",
    "organised_group",
    "document_forgery",
    "illegal_entry_for_profit",
    "incitement_without_offence",
    "placement_country",
    "placement_facts",
)
#: Elements an officer can confirm as absent (an empty list is otherwise "not known yet").
ABSENT_ELEMENTS = ("acts", "means", "purposes")
#: The legal facts of a party: harms of a victim; the rest of a suspect.
VICTIM_FACTS = ("harms",)
SUSPECT_FACTS = (
    "is_corporation",
    "abused_position",
    "participation",
    "use_of_victim",
    "obstruction",
    "obstruction_harm",
)
PARTY_FACTS = VICTIM_FACTS + SUSPECT_FACTS
PARTY_DEFAULTS: dict[str, Any] = {
    "harms": [],
    "is_corporation": False,
    "abused_position": False,
    "participation": "principal",
    "use_of_victim": [],
    "obstruction": [],
    "obstruction_harm": "none",
}
FLAGS = ("organised_group", "document_forgery", "illegal_entry_for_profit")


def ordered(values: Iterable[str], allowed: Iterable[str], field: str) -> list[str]:
    """The codes once each, in the vocabulary's order; :class:`ValidationError` on another."""
    position = {code: i for i, code in enumerate(allowed)}
    unique = list(dict.fromkeys(values))
    unknown = [v for v in unique if v not in position]
    if unknown:
        raise ValidationError({field: _("Unknown code: %(codes)s") % {"codes": ", ".join(unknown)}})
    return sorted(unique, key=position.__getitem__)


def _one_of(value: Any, allowed: Iterable[str], field: str) -> str:
    if value not in tuple(allowed):
        raise ValidationError({field: _("Unknown code: %(codes)s") % {"codes": value}})
    return str(value)


def clean_case_facts(facts: Mapping[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    """The case's legal facts among ``facts``, validated; problems go into ``errors``."""
    clean: dict[str, Any] = {}

    def attempt(field: str, make: Any) -> None:
        try:
            clean[field] = make()
        except ValidationError as exc:
            errors[field] = exc.message_dict[field][0]

    if "exploitation_occurred" in facts:
        value = facts["exploitation_occurred"]
        if value not in (None, True, False):
            errors["exploitation_occurred"] = _("Say yes, no, or not known yet.")
        clean["exploitation_occurred"] = value if value in (True, False) else None
    if "movement" in facts:
        attempt(
            "movement",
            lambda: _one_of(facts["movement"] or "", ("", *FACT_CODES["movement"]), "movement"),
        )
    if "absent_elements" in facts:
        attempt(
            "absent_elements",
            lambda: ordered(facts["absent_elements"], ABSENT_ELEMENTS, "absent_elements"),
        )
    for flag in (*FLAGS, "incitement_without_offence"):
        if flag in facts:
            clean[flag] = bool(facts[flag])
    if "placement_country" in facts:
        clean["placement_country"] = facts["placement_country"]
    if "placement_facts" in facts:
        attempt(
            "placement_facts",
            lambda: ordered(facts["placement_facts"], FACT_CODES["placement"], "placement_facts"),
        )
    return clean


def clean_party_facts(role: str, facts: Mapping[str, Any]) -> dict[str, Any]:
    """The legal facts of a party in ``role``, validated. Harms belong to victims; corporation,
    abuse of position, participation, use of a victim and offences against justice to suspects
    (a fact given for the other role is refused, not dropped)."""
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for name, value in facts.items():
        if name not in PARTY_FACTS:
            errors[name] = _("Unknown field.")
            continue
        default = PARTY_DEFAULTS[name]
        mine = VICTIM_FACTS if role == PartyRole.VICTIM else SUSPECT_FACTS
        if role != PartyRole.SUSPECT and name in SUSPECT_FACTS and value != default:
            errors[name] = _("Only a suspect has this fact.")
            continue
        if role != PartyRole.VICTIM and name in VICTIM_FACTS and list(value or []) != default:
            errors[name] = _("Only a victim has this fact.")
            continue
        if name not in mine:
            clean[name] = default
            continue
        try:
            if name in ("harms", "use_of_victim", "obstruction"):
                clean[name] = ordered(value or [], FACT_CODES[name], name)
            elif name in ("participation", "obstruction_harm"):
                clean[name] = _one_of(value or default, FACT_CODES[name], name)
            else:
                clean[name] = bool(value)
        except ValidationError as exc:
            errors[name] = exc.message_dict[name][0]
    if clean.get("obstruction_harm", "none") != "none" and "attack_on_witness" not in clean.get(
        "obstruction", []
    ):
        errors["obstruction_harm"] = _("A harm is recorded only for an attack on a witness.")
    if errors:
        raise ValidationError(errors)
    return clean


def settings_from(raw: Mapping[str, Any] | EngineSettings | None) -> EngineSettings:
    """Engine settings from a form or a JSON object; :class:`ValidationError` when invalid."""
    if raw is None:
        return EngineSettings()
    if isinstance(raw, EngineSettings):
        return raw
    try:
        return EngineSettings.from_dict(raw)
    except (InvalidSettings, TypeError) as exc:
        raise ValidationError({"settings": str(exc)}) from exc


def qualification_record(result: Qualification) -> dict[str, Any]:
    """What a snapshot keeps of a run: the contract's output object (each charge and related
    offence with its label and how prison and fine combine), plus the checklists, the facts that
    would decide an open outcome and the possible outcomes (in the run's language)."""
    lang = result.lang
    out = result.to_dict()
    for charge, item in zip(out["charges"], result.charges, strict=True):
        charge.update(
            label=item.label.get(lang),
            fine_alternative=item.fine_alternative,
            fine_either=item.fine_either,
            ceiling_applied=item.ceiling_applied,
        )
    for related, offence in zip(out["related"], result.related_offences, strict=True):
        related.update(
            label=offence.label.get(lang),
            fine_alternative=offence.fine_alternative,
            fine_either=offence.fine_either,
        )
    return out | {
        "possible_outcomes": list(result.possible_outcomes),
        "checklists": [
            {
                "ref": item.ref,
                "label": item.label.get(lang),
                "charged": item.charged,
                "possible": item.possible,
                "absorbed_by": item.absorbed_by,
                "elements": [
                    {
                        "name": element.name,
                        "status": element.status,
                        "label": element.label.get(lang),
                        "fact": element.fact.get(lang),
                    }
                    for element in item.elements
                ],
            }
            for item in result.checklists
        ],
        "deciders": [
            {
                "element": decider.element,
                "branches": [[value.get(lang), outcome] for value, outcome in decider.branches],
            }
            for decider in result.deciders
        ],
        "lang": lang,
        "engine_version": result.engine_version,
    }
