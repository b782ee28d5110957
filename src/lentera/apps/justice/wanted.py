"""Wanted suspects (DPO, *daftar pencarian orang*): the notice on a proceeding, and its end.

While a suspect is wanted the proceeding waits: it is not listed as stalled. An arrest or a
surrender ends the notice and restarts the proceeding's open duties from that day (the stall
clock too: the last movement becomes the arrest). Who may record: whoever records on the
proceeding (:data:`lentera.apps.justice.policies.proceedings`, ``MANAGE_PROCEEDINGS``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import Conflict, lock
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.justice.models import Proceeding, WantedEnd, WantedNotice
from lentera.apps.justice.policies import proceedings

RESTARTING = frozenset({WantedEnd.ARRESTED, WantedEnd.SURRENDERED})


def open_notice(notices: Iterable[WantedNotice]) -> WantedNotice | None:
    return next((n for n in notices if n.ended_on is None), None)


def restart_day(notices: Iterable[WantedNotice]) -> date | None:
    """The last day a wanted suspect was caught or gave themselves up (None: never)."""
    days = [n.ended_on for n in notices if n.ended_on and n.end_reason in RESTARTING]
    return max(days) if days else None


def _require(actor: User, proceeding: Proceeding) -> None:
    if not proceedings.can(actor, Action.MANAGE_PROCEEDINGS, proceeding):
        raise deny()


def wanted_issue(
    *, actor: User, proceeding: Proceeding, issued_by: Agency, issued_on: date, number: str = ""
) -> WantedNotice:
    """Put the proceeding's suspect on the wanted list."""
    _require(actor, proceeding)
    if issued_on > timezone.localdate():
        raise ValidationError({"issued_on": _("The date cannot be in the future.")})
    if proceeding.is_closed:
        raise ValidationError(_("The proceeding is closed."))
    try:
        with transaction.atomic():
            notice = WantedNotice.objects.create(
                proceeding=proceeding,
                issued_by=issued_by,
                issued_on=issued_on,
                number=number.strip(),
                recorded_by=actor,
            )
            record_event(
                actor=actor,
                event_type=EventType.WANTED_ISSUED,
                obj=proceeding.case,
                summary=f"DPO #{proceeding.pk}",
                data={"proceeding": proceeding.pk, "notice": notice.pk, "agency": issued_by.pk},
            )
    except IntegrityError:
        raise Conflict(_("The suspect is already on the wanted list.")) from None
    return notice


def wanted_end(*, actor: User, notice: WantedNotice, on: date, reason: str) -> WantedNotice:
    """End the notice: an arrest or a surrender restarts the proceeding's deadlines."""
    proceeding = notice.proceeding
    _require(actor, proceeding)
    if reason not in WantedEnd.values:
        raise ValidationError({"reason": _("Choose how the wanted status ended.")})
    if on > timezone.localdate():
        raise ValidationError({"on": _("The date cannot be in the future.")})
    if on < notice.issued_on:
        raise ValidationError({"on": _("The date is before the notice was issued.")})
    with transaction.atomic():
        notice = lock(WantedNotice.objects, notice.pk)
        if notice.ended_on is not None:
            raise Conflict(_("The wanted status has already ended."))
        notice.ended_on, notice.end_reason, notice.ended_by = on, reason, actor
        notice.save(update_fields=["ended_on", "end_reason", "ended_by"])
        if reason in RESTARTING and on > proceeding.last_movement_at:
            Proceeding.objects.filter(pk=proceeding.pk).update(
                last_movement_at=on, updated_at=timezone.now()
            )
        record_event(
            actor=actor,
            event_type=EventType.WANTED_ENDED,
            obj=proceeding.case,
            summary=f"DPO #{proceeding.pk}: {reason}",
            data={"proceeding": proceeding.pk, "notice": notice.pk, "reason": reason},
        )
    return notice
