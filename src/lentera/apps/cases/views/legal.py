"""The legal side of the case pages: the facts form's legal facts, the suspect to assess, the
settings of a run, and a saved qualification as an investigator reads it (charges with their
element checklist, the fact that would decide an open outcome, related offences with their
penalties, the settings used, and whether the facts changed since)."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from lentera.apps.accounts.permissions import Action
from lentera.apps.cases.forms import STACKING_LABELS, CaseEditForm, CaseFactsForm, SettingsForm
from lentera.apps.cases.legal_facts import qualification_record, settings_from
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.cases.selectors import CaseFile, SnapshotView, movement_of
from lentera.apps.cases.vocab import PartyRole
from lentera.apps.reference.models import Country
from lentera.law import (
    ENGINE_VERSION,
    InvalidFacts,
    article_label,
    code_label,
    parse_facts,
    qualify,
)

OUTCOME_LABELS = {
    "trafficking": gettext_lazy("Trafficking in persons"),
    "smuggling": gettext_lazy("People smuggling"),
    "not_trafficking": gettext_lazy("Not trafficking under UU 21/2007"),
    "insufficient_facts": gettext_lazy("Not enough facts to decide"),
}


def _label(field: str, code: str, lang: str) -> str:
    try:
        return code_label(field, code, lang)
    except Exception:
        return code


def _article(ref: str, lang: str) -> str:
    if not ref:
        return ""
    try:
        return article_label(ref).get(lang)
    except KeyError:
        return {
            "UU21/2007:10": _("assistance or attempt: the same penalty"),
            "UU21/2007:11": _("planning or conspiracy: the same penalty as a principal"),
        }.get(ref, "")


def case_kwargs(form: CaseFactsForm) -> dict[str, Any]:
    """The facts form's data as the case services take it (the country looked up)."""
    data = form.case_facts()
    code = data.pop("placement_country")
    if code:
        country = Country.objects.filter(code=code).first()
        if country is None:
            raise ValidationError({"placement_country": _("Unknown country code.")})
        data["placement_country"] = country
    else:
        data["placement_country"] = None
    return data


def edit_form(case: Case, user: Any, data: Any = None) -> CaseEditForm:
    """The facts form of ``case`` with a block of legal facts per victim and suspect."""
    from lentera.privacy import unseal

    parties = list(
        case.parties.filter(role__in=[PartyRole.VICTIM, PartyRole.SUSPECT]).select_related("person")
    )
    complicity = bool(user.has_action(Action.VIEW_COMPLICITY))
    initial: dict[str, Any] = {"region_code": case.region.code}
    if data is None:
        initial.update(
            title=case.title,
            offence_date=case.offence_date,
            narrative=unseal(case.narrative),
            acts=case.acts,
            means=case.means,
            exploitation_types=case.exploitation_types,
            control_methods=case.control_methods,
            recruitment_channel=case.recruitment_channel,
            recruitment_platform=case.recruitment_platform,
            **CaseFactsForm.initial_for(case),
        )
    return CaseEditForm(data, initial=initial, parties=parties, complicity=complicity)


def suspect_of(case: Case, value: str) -> CaseParty | None:
    """The suspect chosen to assess (by party id), or ``None`` for the whole case."""
    if not value:
        return None
    party = case.parties.filter(pk=int(value) if value.isdigit() else 0, role="suspect").first()
    if party is None:
        raise ValidationError({"party": _("This person is not a party to the case.")})
    return party


def settings_list(settings: dict[str, Any]) -> list[tuple[str, str]]:
    """The settings of a run in words, for the page beside the answer."""
    if not settings:
        return []
    yes, no = _("yes"), _("no")
    stacking = settings.get("stacking", "additive")
    return [
        (_("One third raises the minimum too"), yes if settings.get("uplift_minimum") else no),
        (_("Several one-third increases"), str(STACKING_LABELS.get(stacking, stacking))),
        (
            _("Special minimums removed from 2026 (UU 1/2026)"),
            yes if settings.get("sectoral_minimums_removed") else no,
        ),
        (
            _("More favourable law compared"),
            yes if settings.get("compare_favourable_law") else no,
        ),
        (_("Fines converted by UU 1/2026"), yes if settings.get("convert_fines") else no),
    ]


#: The engine's interpretation settings in words: its reasons name them by their code.
SETTING_WORDS = {
    "uplift_minimum": gettext_lazy("One third raises the minimum too"),
    "stacking": gettext_lazy("Several one-third increases"),
    "sectoral_minimums_removed": gettext_lazy("Special minimums removed from 2026 (UU 1/2026)"),
    "compare_favourable_law": gettext_lazy("More favourable law compared"),
    "convert_fines": gettext_lazy("Fines converted by UU 1/2026"),
}
_SETTING_NAME = re.compile(r"\b(" + "|".join(SETTING_WORDS) + r")\b")
_REF = re.compile(r"^(UU\s?\d+/\d{4}|KUHP)(?::(\d+[A-Za-z]?)(?:\((\d+)\))?)?$")
REGIME_WORDS = {"UU21/2007": "UU 21/2007", "KUHP2023": "KUHP 2023 (UU 1/2023)"}


def reason_words(text: str) -> str:
    """An engine reason with the settings it names in words, not their code."""
    return _SETTING_NAME.sub(lambda m: f"«{SETTING_WORDS[m.group(1)]}»", text)


def article_words(ref: str, lang: str) -> str:
    """``UU21/2007:4`` as a reader writes it: ``Pasal 4 UU 21/2007`` (``Article 4`` in English)."""
    found = _REF.match(ref.strip())
    if not found:
        return ref
    law, number, paragraph = found.groups()
    law = "UU " + law[2:].strip() if law.startswith("UU") else law
    if not number:
        return law
    word = "Article" if lang == "en" else "Pasal"
    return f"{word} {number}{f' ({paragraph})' if paragraph else ''} {law}"


def _in_reader_language(record: dict[str, Any], snapshot: Any) -> dict[str, Any]:
    """The record in the page's language: a run kept in the other language is run again on its
    stored facts and settings (the engine is pure), when the same engine version made it."""
    lang = "en" if (get_language() or "id").startswith("en") else "id"
    facts = getattr(snapshot, "facts", None)
    if record.get("lang", "id") == lang or not facts:
        return record
    if (record.get("engine_version") or getattr(snapshot, "engine_version", "")) != ENGINE_VERSION:
        return record
    try:
        chosen = settings_from(getattr(snapshot, "settings", None) or record.get("settings"))
        again = qualification_record(qualify(parse_facts(facts), lang=lang, settings=chosen))
    except (InvalidFacts, ValidationError, ValueError):
        return record
    return again if again.get("outcome") == record.get("outcome") else record


def _value_words(value: Any) -> str:
    if value is True or value == "true":
        return str(_("yes"))
    if value is False or value == "false":
        return str(_("no"))
    return str(value)


def present(record: dict[str, Any], snapshot: Any = None) -> dict[str, Any]:
    """A stored qualification record (``legal_facts.qualification_record``) for the templates;
    ``snapshot`` gives the settings and engine version of records kept before they held them.
    Shown in the reader's language, articles and settings in words (issue #18, item 5)."""
    record = _in_reader_language(record, snapshot)
    settings = getattr(snapshot, "settings", None)
    version = record.get("engine_version") or getattr(snapshot, "engine_version", "")
    lang = record.get("lang", "id")
    checklists = {item["ref"]: item for item in record.get("checklists", [])}
    charged = [c["ref"] for c in record.get("charges", [])]
    return {
        "outcome": record.get("outcome", ""),
        "outcome_label": OUTCOME_LABELS.get(record.get("outcome", ""), ""),
        "regime": record.get("regime", ""),
        "regime_label": REGIME_WORDS.get(record.get("regime", ""), record.get("regime", "")),
        "charges": [
            charge
            | {
                "checklist": checklists.get(charge["ref"]),
                "ref_words": article_words(charge["ref"], lang),
                "aggravation_labels": [
                    (ref, article_words(ref, lang), _article(ref, lang))
                    for ref in charge.get("aggravations", [])
                ],
                "participation_label": _article(charge.get("participation") or "", lang),
                "participation_words": article_words(charge.get("participation") or "", lang),
            }
            for charge in record.get("charges", [])
        ],
        "open": [
            item
            | {
                "ref_words": article_words(item["ref"], lang),
                "absorbed_words": article_words(item.get("absorbed_by") or "", lang),
            }
            for item in record.get("checklists", [])
            if item["ref"] not in charged and (item["possible"] or item.get("absorbed_by"))
        ],
        "related": [
            item | {"ref_words": article_words(item["ref"], lang)}
            for item in record.get("related", [])
        ],
        "missing": [(name, _label("unknown", name, lang)) for name in record.get("missing", [])],
        "deciders": [
            {
                "element": item["element"],
                "label": _label("unknown", item["element"], lang),
                "branches": [
                    (_value_words(value), OUTCOME_LABELS.get(outcome, outcome))
                    for value, outcome in item["branches"]
                ],
            }
            for item in record.get("deciders", [])
        ],
        "reasons": [reason_words(r) for r in record.get("reasons", [])],
        "settings": settings_list(settings or record.get("settings") or {}),
        "engine_version": version,
        "snapshot": None,
    }


def party_labels(party: CaseParty, lang: str, *, complicity: bool) -> list[str]:
    """A party's legal facts in words, for the people table (abuse of an official position only
    for readers who see complicity)."""
    found = [_label("harms", code, lang) for code in party.harms]
    if party.role != PartyRole.SUSPECT:
        return found
    if party.is_corporation:
        found.append(str(_("a corporation")))
    if complicity and party.abused_position:
        found.append(str(_("abused their position as an official")))
    if party.participation and party.participation != "principal":
        found.append(_label("participation", party.participation, lang))
    found += [_label("use_of_victim", code, lang) for code in party.use_of_victim]
    found += [_label("obstruction", code, lang) for code in party.obstruction]
    if party.obstruction_harm and party.obstruction_harm != "none":
        found.append(_label("obstruction_harm", party.obstruction_harm, lang))
    return found


def detail_context(user: Any, case: Case, file: CaseFile, lang: str) -> dict[str, Any]:
    """What the case page adds for the legal facts and the saved qualifications."""
    views: list[SnapshotView] = file.qualifications()
    latest = views[0] if views else None
    movement = movement_of(case) if file.has("facts") else None
    complicity = bool(user.has_action(Action.VIEW_COMPLICITY))
    return {
        "legal": {
            "exploitation_occurred": case.exploitation_occurred,
            "movement": _label("movement", movement, lang) if movement else "",
            "movement_from_journey": not case.movement,
            "absent": [_label("unknown", code, lang) for code in case.absent_elements],
            "placement": [_label("placement", code, lang) for code in case.placement_facts],
            "circumstances": [
                label
                for flag, label in (
                    ("organised_group", _("organised group")),
                    ("document_forgery", _("forged documents")),
                    ("illegal_entry_for_profit", _("illegal entry for profit")),
                    ("incitement_without_offence", _("failed incitement")),
                )
                if getattr(case, flag)
            ],
        },
        "snapshot_rows": [
            {
                "view": view,
                "result": present(view.snapshot.result, view.snapshot),
            }
            for view in views
        ],
        "latest": None if latest is None else present(latest.snapshot.result, latest.snapshot),
        "latest_view": latest,
        "qualify_form": SettingsForm(initial=SettingsForm.initial_settings()),
        "suspects": [row.party for row in file.parties if row.party.role == PartyRole.SUSPECT],
        "complicity": complicity,
    }
