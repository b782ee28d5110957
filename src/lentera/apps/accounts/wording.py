"""Words stored as codes and parameters, rendered in the reader's language (issue #18, item 6).

An audit event's summary (the line the case timeline shows) or a refusal kept with a record was
stored as a sentence in the language of whoever caused it, so an English page showed Indonesian.
Instead a service stores *parts*, JSON-safe:

* a plain string: shown as it is (a reference, initials, an agency's name, a number);
* ``label(Stage, "spdp")``: the label of a code of a ``TextChoices`` class of Lentera;
* ``text(gettext_noop("Proceeding #%(id)s"), id=4)``: a message (its English source, so the
  catalogue translates it) with named parameters, each itself a part.

``render(parts)`` joins them in the active language. ``record_event`` keeps the parts in the
event's ``data["summary_parts"]`` and still writes ``summary`` in the default language, so the
audit search and the exports read what they read before; rows stored before keep their
sentence (``AuditEvent.summary_text`` falls back to it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext

__all__ = ["LEGACY", "Part", "field", "joined", "label", "legacy", "render", "text"]

Part = str | int | dict[str, Any] | list[Any]
_PREFIX = "lentera."


def label(choices: type[models.TextChoices], code: str) -> dict[str, Any]:
    """The label of ``code`` in ``choices``, looked up when rendered."""
    return {"c": f"{choices.__module__}.{choices.__qualname__}", "v": str(code)}


def field(model: type[models.Model], name: str) -> dict[str, Any]:
    """The name of a field of ``model`` as its form labels it (its ``verbose_name``)."""
    return {"f": model._meta.label, "n": name}


def joined(parts: Iterable[Part], sep: str = ", ") -> list[Any]:
    """``parts`` with ``sep`` between them (a list of codes in words)."""
    out: list[Any] = []
    for part in parts:
        if out:
            out.append(sep)
        out.append(part)
    return out


def _field(label: str, name: str) -> str:
    try:
        return str(apps.get_model(label)._meta.get_field(name).verbose_name)
    except (LookupError, ValueError, AttributeError, FieldDoesNotExist):
        return name


def text(msgid: str, **params: Part) -> dict[str, Any]:
    """``msgid`` (mark it with ``gettext_noop`` where it is written) with named parameters."""
    return {"t": msgid, "p": params}


def _choice(path: str, code: str) -> str:
    if not path.startswith(_PREFIX):
        return code
    try:
        choices = import_string(path)
        return str(choices(code).label)
    except (ImportError, ValueError, AttributeError):
        return code


def render_part(part: Any) -> str:
    if isinstance(part, dict):
        if "c" in part:
            return _choice(str(part["c"]), str(part.get("v", "")))
        if "f" in part:
            return _field(str(part["f"]), str(part.get("n", "")))
        if "t" in part:
            params = {k: render_part(v) for k, v in (part.get("p") or {}).items()}
            try:
                return gettext(str(part["t"])) % params
            except (KeyError, TypeError, ValueError):
                return str(part["t"])
        return ""
    if isinstance(part, list):
        return render(part)
    return "" if part is None else str(part)


def render(parts: Iterable[Any]) -> str:
    """The parts joined, each in the active language."""
    return "".join(render_part(p) for p in parts)


#: Readers of sentences stored before the parts, by event type: an app registers one where its
#: old sentences were codes (``"trafficking (UU21/2007)"``), so old rows read in words too.
LEGACY: dict[str, Callable[[str], list[Any] | None]] = {}


def legacy(event_type: str, summary: str) -> str:
    """An old row's sentence, in words when its app knows how to read it."""
    reader = LEGACY.get(event_type)
    parts = reader(summary) if reader is not None else None
    return summary if parts is None else render(parts)
