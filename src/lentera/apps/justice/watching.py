"""The stall list and its counters from an index, not from every open proceeding.

Each proceeding keeps ``watch_from``: the first day on which it belongs on the stall list (an
open legal deadline passed, or no new stage for more than the stall period). The stall list and
the dashboard's counter then read the proceedings whose day has come (``watch_from <= today``)
through an index, and work out the deadlines exactly for those rows only.

* Any change of a proceeding, its stages, detentions or wanted notices clears the day (a signal
  below), so a changed proceeding is worked out again, exactly, until the next refresh.
* :func:`refresh` (the ``refresh-stall-watch`` job of the worker's schedule, every five minutes)
  works the day out again for every open proceeding whose day is unknown, and for all of them
  once a day, since the stall period and the deadline settings may change.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from lentera.apps.justice import services
from lentera.apps.justice.models import DeadlineSetting, Detention, Proceeding, StageEvent
from lentera.apps.justice.vocab import Outcome, Stage

CHUNK = 2000


def watch_day(proceeding: Proceeding, *, today: date, overrides: dict[str, int]) -> date | None:
    """The first day the proceeding is stalled or overdue (None: closed, nothing can pass)."""
    from lentera.apps.justice.selectors import watch

    (w,) = watch([proceeding], today=today, overrides=overrides)
    days = [x.due + timedelta(days=1) for x in w.deadlines if x.is_open]
    if w.wanted is None and not proceeding.is_closed:
        days.append(
            proceeding.last_movement_at + timedelta(days=services.stall_days(overrides) + 1)
        )
    return min(days) if days else None


def open_proceedings() -> QuerySet[Proceeding]:
    return Proceeding.objects.exclude(current_stage=Stage.FINAL).exclude(outcome=Outcome.DISMISSED)


def refresh(*, everything: bool = False, today: date | None = None) -> int:
    """Work ``watch_from`` out again (the unknown ones, or every open proceeding); returns how
    many were written. Closed proceedings keep the day they had: the lists read open ones."""
    from lentera.apps.justice.selectors import _with_details

    today = today or timezone.localdate()
    overrides = services.deadline_overrides()
    qs = open_proceedings()
    if not everything:
        qs = qs.filter(watch_from__isnull=True)
    ids = list(qs.order_by("pk").values_list("pk", flat=True))
    written = 0
    for start in range(0, len(ids), CHUNK):
        chunk = list(_with_details(Proceeding.objects.filter(pk__in=ids[start : start + CHUNK])))
        for p in chunk:
            p.watch_from = watch_day(p, today=today, overrides=overrides)
        Proceeding.objects.bulk_update(chunk, ["watch_from"])
        written += len(chunk)
    return written


def on_watch(qs: QuerySet[Proceeding], today: date) -> QuerySet[Proceeding]:
    """The proceedings of ``qs`` that may be stalled or overdue today (the day has come, or it
    is unknown): a superset of the stall list, read through the index on ``watch_from``."""
    return qs.filter(Q(watch_from__lte=today) | Q(watch_from__isnull=True))


def _clear(proceeding_ids: Iterable[int]) -> None:
    Proceeding.objects.filter(pk__in=list(proceeding_ids)).update(watch_from=None)


def _changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Proceeding):
        if instance.watch_from is not None and not kwargs.get("raw"):
            _clear([instance.pk])
        return
    proceeding_id = getattr(instance, "proceeding_id", None)
    if proceeding_id:
        _clear([proceeding_id])


def _settings_changed(sender: Any, **kwargs: Any) -> None:
    open_proceedings().update(watch_from=None)  # the periods changed: work every day out again


def connect() -> None:
    """Clear the day of a proceeding whenever it or one of its records changes, and every day
    when a deadline setting (a period, the stall period) changes."""
    from django.apps import apps

    for signal in (post_save, post_delete):
        signal.connect(_settings_changed, sender=DeadlineSetting, dispatch_uid=f"watch-{signal}")
    senders: list[Any] = [Proceeding, StageEvent, Detention]
    with contextlib.suppress(LookupError):
        senders.append(apps.get_model("justice", "WantedNotice"))
    for sender in senders:
        post_save.connect(_changed, sender=sender, dispatch_uid=f"watch-{sender.__name__}")
        post_delete.connect(_changed, sender=sender, dispatch_uid=f"watch-del-{sender.__name__}")
