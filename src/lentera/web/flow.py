"""One way for a page to take a submitted form: validate it, call the service, then report.

A view binds its form and hands :func:`submit` the service call as ``act``::

    outcome = submit(request, form, lambda data: services.complaint_close(actor=actor, ...),
                     done=_("Complaint closed."))
    if outcome.ok:
        return redirect(...)
    return render(..., {"form": form}, status=400)

:func:`submit` validates the bound form and calls ``act(form.cleaned_data)``. When the service
did it, the success message ``done`` is added and the outcome is :class:`Done` with what the
service returned. When the form was invalid or the service refused (a ``ValidationError``, a
:class:`~lentera.apps.accounts.concurrency.Conflict` among them), the refusal is attached to the
form beside what was typed and the outcome is :class:`Refused`, with the status it calls for:
400 for input refused, 409 for a record someone else changed first. A page that does not show
the form again reports the refusal as messages instead (:meth:`Refused.flash`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeAlias, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest

from lentera.apps.accounts.concurrency import Conflict

__all__ = ["Done", "Outcome", "Refused", "form_errors", "submit"]

T = TypeVar("T")


@dataclass(frozen=True)
class Done(Generic[T]):
    """The service did it; ``value`` is what it returned."""

    value: T
    ok: Literal[True] = True
    status: int = 200


@dataclass(frozen=True)
class Refused:
    """Nothing was saved: the form was invalid (``refusal`` None) or the service refused."""

    status: int
    refusal: ValidationError | None = None
    ok: Literal[False] = False

    @property
    def conflict(self) -> bool:
        return isinstance(self.refusal, Conflict)

    def flash(self, request: HttpRequest, invalid: str = "") -> None:
        """Report as error messages, for a page that does not show the form again: each
        message of the service's refusal, or ``invalid`` when the form itself was invalid."""
        if self.refusal is not None:
            for message in self.refusal.messages:
                messages.error(request, message)
        elif invalid:
            messages.error(request, invalid)


Outcome: TypeAlias = Done[T] | Refused


def form_errors(form: BaseForm, exc: ValidationError) -> None:
    """Attach a service's ValidationError to a bound form (a field the form lacks: to the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        for error in exc.messages:
            form.add_error(None, error)


def submit(
    request: HttpRequest,
    form: BaseForm,
    act: Callable[[dict[str, Any]], T],
    *,
    done: str | Callable[[T], str] | None,
    conflict_as_message: bool = False,
) -> Outcome[T]:
    """Validate ``form``, call ``act(form.cleaned_data)`` and add the success message ``done``
    (a text, or made from what ``act`` returned; None: no message).

    A refusal is attached to the form; with ``conflict_as_message`` a :class:`Conflict` becomes
    an error message instead, for a page that shows the record afresh above what was typed.
    """
    if not form.is_valid():
        return Refused(400)
    try:
        value = act(form.cleaned_data)
    except ValidationError as exc:
        conflict = isinstance(exc, Conflict)
        if conflict and conflict_as_message:
            messages.error(request, " ".join(exc.messages))
        else:
            form_errors(form, exc)
        return Refused(409 if conflict else 400, exc)
    message = done(value) if callable(done) else done
    if message:
        messages.success(request, message)
    return Done(value)
