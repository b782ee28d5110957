"""Amounts as the reader's language writes them: ``{{ amount|rupiah }}`` is ``Rp75.000.000`` on an
Indonesian page and ``Rp75,000,000`` on an English one (issue #18, item 4)."""

from __future__ import annotations

from typing import Any

from django import template

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
