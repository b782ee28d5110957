"""Job offers: screening, import, triage, a complaint from an offer, the logged read of its text."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_access, record_event
from lentera.apps.accounts.concurrency import lock, transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.identity import sealed_json
from lentera.apps.accounts.models import AccessLog, AccessPurpose, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.prevention import engine
from lentera.apps.prevention.importing import OfferRow, check_url
from lentera.apps.prevention.models import OfferScreening
from lentera.apps.prevention.policies import offers
from lentera.apps.prevention.services._common import (
    MAX_NOTE,
    _register_complaint,
    _require_screener,
)
from lentera.apps.prevention.services.departures import ABROAD_FLAGS
from lentera.apps.prevention.vocab import Level, OfferSource, OfferStatus
from lentera.privacy import unseal
from lentera.screening import (
    MODEL_VERSION,
    InvalidInput,
    OfferResult,
    parse_offer,
    screen_offer,
)


def _clean_offer_extras(
    *, source: str, url: str, external_id: str, found_at: datetime | None
) -> None:
    errors: dict[str, str] = {}
    if source and source not in OfferSource.values:
        errors["source"] = _("Unknown source.")
    problem = check_url(url)
    if problem:
        errors["url"] = problem
    if len(external_id) > 100:
        errors["external_id"] = _("At most 100 characters.")
    if found_at is not None and found_at > timezone.now() + timedelta(minutes=10):
        errors["found_at"] = _("The date it was found is in the future.")
    if errors:
        raise ValidationError(errors)


def _offer_row(
    *,
    actor: User,
    agency_id: int,
    text: str,
    result: OfferResult,
    lang: str,
    source: str,
    url: str,
    external_id: str,
    found_at: datetime | None,
) -> OfferScreening:
    return OfferScreening(
        agency_id=agency_id,
        screened_by=actor,
        external_id=external_id,
        text=text,
        url=url,
        result=json.dumps(engine.stored_result(result), ensure_ascii=False),
        source=source,
        found_at=found_at,
        level=result.level,
        risk=result.probability,  # unrounded: the queue's order and score read it
        flags=[f.code for f in result.flags],
        notice=result.notice,
        model_version=MODEL_VERSION,
    )


def offer_screen(
    *,
    actor: User,
    text: str,
    source: str = "",
    url: str = "",
    external_id: str = "",
    found_at: datetime | None = None,
    lang: str | None = None,
) -> tuple[OfferScreening, OfferResult]:
    """Screen one offer an officer pasted and put it in the agency's monitoring queue."""
    agency_id = _require_screener(actor, Action.SCREEN_OFFER)
    url = url.strip()
    external_id = external_id.strip()
    _clean_offer_extras(source=source, url=url, external_id=external_id, found_at=found_at)
    language = lang or engine.current_lang()
    result = engine.check_offer(text=text, source=source, lang=language)
    screening = _offer_row(
        actor=actor,
        agency_id=agency_id,
        text=text.strip(),
        result=result,
        lang=language,
        source=source,
        url=url,
        external_id=external_id,
        found_at=found_at,
    )
    with transaction.atomic():
        screening.save()
        record_event(
            actor=actor,
            event_type=EventType.OFFER_SCREENED,
            obj=screening,
            summary=f"#{screening.pk} · {result.level}",
            data={"level": result.level, "risk": result.risk, "flags": screening.flags},
        )
    return screening, result


def offers_import(
    *, actor: User, rows: Sequence[OfferRow], lang: str | None = None, filename: str = ""
) -> list[OfferScreening]:
    """Screen every offer of a checked file and store them all, or none (one audit event)."""
    agency_id = _require_screener(actor, Action.SCREEN_OFFER)
    if not rows:
        raise ValidationError({"file": [_("The file holds no offers.")]})
    language = lang or engine.current_lang()
    policy = engine.destination_table()
    screenings = []
    for row in rows:
        try:
            result = screen_offer(
                parse_offer({"text": row.text}, line=row.line), lang=language, policy=policy
            )
        except InvalidInput as exc:
            raise engine.invalid(exc, line=row.line) from exc
        screenings.append(
            _offer_row(
                actor=actor,
                agency_id=agency_id,
                text=row.text,
                result=result,
                lang=language,
                source=row.source,
                url=row.url,
                external_id=row.external_id,
                found_at=None,
            )
        )
    with transaction.atomic():
        created = OfferScreening.objects.bulk_create(screenings)
        levels = {level: sum(1 for s in created if s.level == level) for level in Level.values}
        record_event(
            actor=actor,
            event_type=EventType.OFFERS_IMPORTED,
            summary=_("%(n)s offers imported") % {"n": len(created)},
            data={
                "count": len(created),
                "levels": levels,
                "file": filename[:100],
                "ids": [s.pk for s in created][:2000],
            },
        )
    return created


def offer_triage(
    *, actor: User, screening: OfferScreening, status: str, note: str = ""
) -> OfferScreening:
    """Set an offer to new, watching or dismissed (a complaint is opened with its own service)."""
    if not offers.can_handle(actor, screening):
        raise deny()
    if status not in (OfferStatus.NEW, OfferStatus.WATCH, OfferStatus.DISMISSED):
        raise ValidationError({"status": _("Unknown status.")})
    if screening.status == OfferStatus.COMPLAINT:
        raise ValidationError(
            {"status": _("A complaint was opened for this offer; its status stays.")}
        )
    note = note.strip()[:MAX_NOTE]
    now = timezone.now()
    before = screening.status
    with transaction.atomic():
        # conditional on the status read: of two officers triaging at once, the second (or one
        # racing a complaint being opened) gets Conflict
        transition(
            OfferScreening.objects,
            screening.pk,
            from_states=[before],
            to_state=status,
            instance=screening,
            triaged_by=actor,
            triaged_at=now,
            note=note,
        )
        record_event(
            actor=actor,
            event_type=EventType.OFFER_TRIAGED,
            obj=screening,
            summary=f"#{screening.pk} · {status}",
            data={"from": before, "to": status},
        )
    return screening


def offer_open_complaint(
    *, actor: User, screening: OfferScreening, note: str = ""
) -> OfferScreening:
    """Register a complaint (channel "media") with the offer and link it; the offer's status
    becomes "complaint". Without the intake service, only the status is set."""
    if not offers.can_handle(actor, screening):
        raise deny()
    register = _register_complaint()
    if register is not None and not actor.has_action(Action.REGISTER_COMPLAINT):
        raise deny(_("Your role does not register complaints; ask an intake officer."))
    note = note.strip()[:MAX_NOTE]
    with transaction.atomic():
        locked = lock(OfferScreening.objects, screening.pk, status=screening.status)
        if locked.status == OfferStatus.COMPLAINT:
            raise ValidationError({"status": _("A complaint was already opened for this offer.")})
        complaint = None
        if register is not None:
            from lentera.apps.intake.services import FactsInput, ReporterInput

            result = sealed_json(locked.result) or {}
            flags = set(locked.flags)
            complaint = register(
                actor=actor,
                channel="media",
                facts=FactsInput(
                    narrative=_offer_narrative(locked, result, note),
                    place=str(OfferSource(locked.source).label) if locked.source else "",
                    region=actor.agency.region if actor.agency else None,
                    involves_child="yes" if "minor_targeted" in flags else "unknown",
                    migrant_worker=bool(flags & ABROAD_FLAGS),
                ),
                reporter=ReporterInput(
                    name=actor.get_full_name() or actor.username, relation="official"
                ),
            )
        locked.status = OfferStatus.COMPLAINT
        locked.complaint = complaint
        locked.triaged_by = actor
        locked.triaged_at = timezone.now()
        locked.note = note
        locked.save(update_fields=["status", "complaint", "triaged_by", "triaged_at", "note"])
        record_event(
            actor=actor,
            event_type=EventType.OFFER_TRIAGED,
            obj=locked,
            summary=f"#{locked.pk} · complaint",
            data={
                "from": screening.status,
                "to": OfferStatus.COMPLAINT,
                "complaint": complaint.pk if complaint is not None else None,
            },
        )
    return locked


def _offer_narrative(screening: OfferScreening, result: Mapping[str, Any], note: str) -> str:
    lines = [
        _("Job offer screened in the monitoring queue (#%(id)s): %(level)s, risk %(risk)s.")
        % {
            "id": screening.pk,
            "level": engine.level_label(screening.level),
            "risk": f"{screening.risk:.2f}",
        }
    ]
    if screening.source:
        lines.append(_("Source: %(source)s") % {"source": OfferSource(screening.source).label})
    url = unseal(screening.url)
    if url:
        lines.append(_("Address: %(url)s") % {"url": url})
    flags = [
        f"{engine.flag_label(str(f.get('code')))} (“{f.get('evidence', '')}”)"
        for f in result.get("flags", [])
    ]
    if flags:
        lines.append(_("Red flags: %(flags)s") % {"flags": "; ".join(flags)})
    if note:
        lines.append(_("Officer's note: %(note)s") % {"note": note})
    lines.append("")
    lines.append(unseal(screening.text))
    return "\n".join(lines)


def offer_reveal(
    *, user: User, screening: OfferScreening, purpose: str = AccessPurpose.VERIFICATION
) -> dict[str, Any]:
    """The text, address and stored result of an offer for its agency's officer (logged)."""
    if not offers.can_handle(user, screening):
        raise deny()
    if purpose not in AccessPurpose.values:
        purpose = AccessPurpose.VERIFICATION
    text = unseal(screening.text)
    revealed = {
        "text": text,
        "url": unseal(screening.url),
        "result": sealed_json(screening.result) or {},
    }
    record_access(
        user=user,
        obj=screening,
        fields=["text", "url", "result"] if revealed["url"] else ["text", "result"],
        purpose=purpose,
        purpose_note="offer screening",
    )
    return revealed


def offer_snippets(
    *, user: User, screenings: Sequence[OfferScreening], limit: int = 2
) -> dict[int, list[str]]:
    """The words around the first red flags of each offer the user's agency screened (the
    queue shows them to tell offers apart), read in one query; each offer read is logged.
    Offers of other agencies are left out: their text is not the reader's to see."""
    ids = [s.pk for s in screenings if s.flags and offers.can_handle(user, s)]
    if not ids:
        return {}
    out: dict[int, list[str]] = {}
    rows = OfferScreening.objects.filter(pk__in=ids).only("pk", "text", "result")
    for row in rows:
        pieces = engine.flag_snippets(sealed_json(row.result) or {}, unseal(row.text), limit)
        if pieces:
            out[row.pk] = pieces
    if out:
        AccessLog.objects.bulk_create(
            AccessLog(
                user=user,
                agency_id=user.agency_id,
                object_type=OfferScreening._meta.label_lower,
                object_id=str(pk),
                fields=["result", "text"],
                purpose=AccessPurpose.VERIFICATION,
                purpose_note="offer queue",
                channel="web",
            )
            for pk in out
        )
    return out
