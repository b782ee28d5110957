"""Running the legal qualification on facts or on a case, and keeping its snapshot."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lentera.apps.accounts import wording
from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.cases import legal_facts
from lentera.apps.cases.models import (
    Case,
    CaseParty,
    QualificationSnapshot,
)
from lentera.apps.cases.policies import cases
from lentera.law import (
    ENGINE_VERSION,
    EngineSettings,
    InvalidFacts,
    Qualification,
    parse_facts,
    qualify,
)

# the outcome of a run in the reader's language on the case timeline (accounts.wording)
OUTCOME_WORDS = {
    "trafficking": gettext_noop("Trafficking in persons"),
    "smuggling": gettext_noop("People smuggling"),
    "not_trafficking": gettext_noop("Not trafficking under UU 21/2007"),
    "insufficient_facts": gettext_noop("Not enough facts to decide"),
}
REGIME_WORDS = {"UU21/2007": "UU 21/2007", "KUHP2023": "KUHP 2023"}
_OLD_SUMMARY = re.compile(r"^(\w+) \((UU21/2007|KUHP2023)\)$")


def _old_summary(summary: str) -> list[Any] | None:
    """A run's summary as written before the parts: ``trafficking (UU21/2007)``."""
    found = _OLD_SUMMARY.match(summary)
    if found is None or found[1] not in OUTCOME_WORDS:
        return None
    return [wording.text(OUTCOME_WORDS[found[1]]), f" ({REGIME_WORDS[found[2]]})"]


wording.LEGACY[EventType.QUALIFICATION_RUN.value] = _old_summary


def qualification_run(
    *,
    actor: User,
    facts: Mapping[str, Any],
    lang: str = "id",
    channel: str = "web",
    case: Case | None = None,
    settings: EngineSettings | Mapping[str, Any] | None = None,
    party: CaseParty | None = None,
) -> tuple[Qualification, QualificationSnapshot]:
    """Qualify ``facts`` (the contract's input object) under ``settings`` and store the
    snapshot with the settings used; ``party`` is the suspect assessed on a case."""
    if not actor.has_action(Action.QUALIFY):
        raise deny()
    if case is not None and not cases.can(actor, Action.VIEW_CASE, case):
        raise deny()
    if party is not None and (case is None or party.case_id != case.pk):
        raise ValidationError({"party": _("This person is not a party to the case.")})
    chosen = legal_facts.settings_from(settings)
    try:
        parsed = parse_facts(facts)
    except InvalidFacts as exc:
        raise ValidationError({exc.field or "facts": str(exc)}) from exc
    result = qualify(parsed, lang=lang if lang in ("id", "en") else "id", settings=chosen)
    with transaction.atomic():
        snapshot = QualificationSnapshot.objects.create(
            case=case,
            actor=actor,
            agency_id=actor.agency_id,
            facts=dict(facts),
            result=legal_facts.qualification_record(result),
            outcome=result.outcome,
            regime=result.regime,
            engine_version=ENGINE_VERSION,
            channel=channel,
            settings=chosen.to_dict(),
            party=party,
        )
        record_event(
            actor=actor,
            event_type=EventType.QUALIFICATION_RUN,
            obj=case if case is not None else snapshot,
            summary=[
                wording.text(OUTCOME_WORDS.get(result.outcome, result.outcome)),
                f" ({REGIME_WORDS.get(result.regime, result.regime)})",
            ],
            data={"charges": [c.ref for c in result.charges], "snapshot": snapshot.pk},
        )
    return result, snapshot
