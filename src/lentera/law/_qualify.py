"""The public entry point of the engine: :func:`qualify`."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ._codes import check_lang
from ._engine import RelatedItem, weigh
from ._explain import explain
from ._facts import CaseFacts
from ._result import Qualification, RelatedOffence
from ._settings import EngineSettings
from ._tables import regime_for

ENGINE_VERSION = "2.0.0"
"""Version of the rules and tables; stored with every qualification snapshot."""

WIB = timezone(timedelta(hours=7), "WIB")


def today_in_indonesia() -> date:
    """Today's date in Western Indonesia Time, the default offence and judgment date."""
    return datetime.now(WIB).date()


def qualify(
    facts: CaseFacts,
    *,
    lang: str = "id",
    settings: EngineSettings | None = None,
    today: date | None = None,
) -> Qualification:
    """Say which offences the facts satisfy under the law in force on the offence date.

    ``lang`` chooses the language of ``reasons`` (``"id"``, the default, or ``"en"``); both are
    kept in ``explanation``. ``today`` (default: today in WIB) stands in for a missing offence
    date and is the judgment date for the more-favourable-law comparison.
    """
    check_lang(lang)
    settings = settings or EngineSettings()
    today = today or today_in_indonesia()
    day = facts.offence_date or today
    regime = regime_for(day)
    weighing = weigh(facts, regime, settings)
    baseline = weighing.baseline
    outcomes = weighing.possible_outcomes
    if len(outcomes) == 1:
        outcome, charges = outcomes[0], baseline.charges
        related_items = list(baseline.related_items)
    else:
        outcome = "insufficient_facts"
        everywhere = set.intersection(
            *({charge.ref for charge in world.charges} for world in weighing.worlds)
        )
        charges = tuple(charge for charge in baseline.charges if charge.ref in everywhere)
        smuggling = [
            RelatedItem(
                item.offence.ref,
                None,
                item.exact,
                None,
                RelatedOffence(
                    item.offence.ref,
                    item.offence.label,
                    item.charge.prison_years,
                    item.charge.life,
                    item.charge.fine_idr,
                    item.charge.fine_alternative,
                    item.charge.fine_either,
                ),
            )
            for item in baseline.computed
            if item.offence.role == "smuggling" and item.offence.ref not in everywhere
        ]
        related_items = smuggling + [
            item
            for item in baseline.related_items
            if item.ref not in {other.ref for other in smuggling}
        ]
    related = tuple(item.ref for item in related_items)
    explanation = explain(
        facts=facts,
        day=day,
        today=today,
        weighing=weighing,
        outcome=outcome,
        charges=charges,
        related=tuple(related_items),
        settings=settings,
    )
    return Qualification(
        id=facts.id,
        outcome=outcome,
        regime=regime.code,
        charges=charges,
        related=related,
        missing=weighing.missing,
        explanation=explanation,
        possible_outcomes=outcomes,
        offence_date=day,
        settings=settings,
        engine_version=ENGINE_VERSION,
        lang=lang,
        related_offences=tuple(item.offence for item in related_items),
        checklists=weighing.checklists({charge.ref for charge in charges}),
        deciders=weighing.deciders(),
    )
