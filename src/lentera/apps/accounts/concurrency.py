"""State changes that lose no update: the first writer wins, the second gets :class:`Conflict`.

A service that moves a record from one state to another writes through :func:`transition`, one
conditional ``UPDATE ... WHERE pk = %s AND status = <the state the caller read>`` whose row count
says whether the caller still saw the current state. A service that must read more of the row
before deciding locks it with :func:`lock` (``SELECT ... FOR UPDATE``) and compares what the
caller saw. Either way, of two writers that read the same state only one succeeds; both helpers
run inside the service's ``transaction.atomic()`` together with the audit event, so only the
winner records it, with the real "from" state.

The API answers :class:`Conflict` with 409 and a JSON problem body (``lentera.api.exceptions``);
pages show its message beside what the user submitted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import F, Manager, Model, Q, QuerySet
from django.utils.translation import gettext as _

M = TypeVar("M", bound=Model)

__all__ = ["Conflict", "lock", "transition"]


class Conflict(ValidationError):
    """The record changed between the caller's read and its write (someone else was faster).

    A :class:`ValidationError`, so that every page that shows a service's refusal beside the
    submitted form shows this one too and keeps what the user typed; the API's exception handler
    checks for it first and answers 409 instead of 400.
    """

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message or _("This record was changed by someone else; reload and try again."),
            code="conflict",
        )


def _has_version(model: type[Model]) -> bool:
    return any(f.name == "version" for f in model._meta.concrete_fields)


def transition(
    queryset: QuerySet[M] | Manager[M],
    pk: Any,
    *,
    field: str = "status",
    from_states: Iterable[Any],
    to_state: Any,
    version: int | None = None,
    instance: M | None = None,
    **extra: Any,
) -> M:
    """Set ``field`` to ``to_state`` (and the ``extra`` fields) on row ``pk`` only while ``field``
    holds one of ``from_states`` (``None`` matches NULL) and, given ``version``, while the row is
    at that version. A model with a ``version`` field has it incremented.

    Returns the fresh row; copies what was written onto ``instance`` (the caller's object) when
    given. Raises :class:`Conflict` when the row no longer matches. Call it inside the
    ``transaction.atomic()`` that also records the audit event.
    """
    base = queryset.all()
    states = list(from_states)
    condition = Q(**{f"{field}__in": [s for s in states if s is not None]})
    if None in states:
        condition |= Q(**{f"{field}__isnull": True})
    rows = base.filter(condition, pk=pk)
    values: dict[str, Any] = {field: to_state, **extra}
    model = base.model
    if _has_version(model):
        if version is not None:
            rows = rows.filter(version=version)
        values["version"] = F("version") + 1
    elif version is not None:
        raise TypeError(f"{model.__name__} has no version field")
    if not rows.update(**values):
        raise Conflict()
    fresh = base.get(pk=pk)
    if instance is not None:
        for name in values:
            attname = model._meta.get_field(name).attname  # type: ignore[union-attr]
            setattr(instance, attname, getattr(fresh, attname))
    return fresh


def lock(queryset: QuerySet[M] | Manager[M], pk: Any, **expected: Any) -> M:
    """Row ``pk`` locked until the end of the transaction, provided it still holds the
    ``expected`` values (what the caller read); :class:`Conflict` otherwise, or when the row is
    gone. Give a queryset without nullable ``select_related`` joins (PostgreSQL refuses to lock
    the nullable side of an outer join)."""
    row = queryset.all().select_for_update().filter(pk=pk).first()
    if row is None or any(getattr(row, name) != value for name, value in expected.items()):
        raise Conflict()
    return row
