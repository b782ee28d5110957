"""Amounts as the reader's language writes them: ``{{ amount|rupiah }}`` is ``Rp75.000.000`` on an
Indonesian page and ``Rp75,000,000`` on an English one (issue #18, item 4)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django import template
from django.utils.formats import date_format, get_format
from django.utils.timezone import localtime
from django.utils.translation import gettext

from lentera.web.numbers import group

register = template.Library()


@register.filter
def rupiah(value: Any) -> str:
    """``Rp`` and the amount grouped by thousands; empty for no amount."""
    if value in (None, ""):
        return ""
    return "Rp" + group(value)


@register.filter
def grouped(value: Any) -> str:
    """A whole number grouped by thousands in the page's language."""
    if value in (None, ""):
        return ""
    return group(value)


@register.filter
def deadline(value: Any) -> str:
    """A legal deadline as the law counts it: one counted in whole days ends at the end of its
    last day (stored as the next midnight, UTC), so it shows as that day (``15 Desember 2026``),
    never as ``16 Desember 08.00`` beside a sentence that says the 15th (issue #18, item 7).
    A deadline counted in hours shows its local date and time."""
    if not isinstance(value, datetime):
        return date_format(value) if isinstance(value, date) else ""
    utc = value.astimezone(UTC)
    if utc.time() == time.min:
        return date_format(utc.date() - timedelta(days=1))
    return date_format(localtime(value), "DATETIME_FORMAT")


_REASON = re.compile(r"^(?P<label>.*?)\s*\((?P<weight>[+-]?\d+(?:[.,]\d+)?)\)$")


@register.filter
def match_reasons(reasons: Any) -> str:
    """A linkage pair's reasons (``same name (+5.2)``) in the reader's language, joined."""
    out = []
    for reason in reasons or ():
        found = _REASON.match(str(reason))
        if found is None:
            out.append(gettext(str(reason)))
            continue
        weight = found["weight"].replace(".", get_format("DECIMAL_SEPARATOR"))
        out.append(f"{gettext(found['label'])} ({weight})")
    return "; ".join(out)
