"""Whole amounts in and out in the reader's language (issue #18, item 4).

Out: ``group(75000000)`` is ``75.000.000`` in Indonesian, ``75,000,000`` in English. In: an
:class:`AmountField` takes what an officer types in either language (``Rp75.000.000``,
``Rp 75.000.000,-``, ``75,000,000``, ``75000000``) and shows a stored amount grouped, so a form
saved unchanged sends back what it showed and reads the same number.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

__all__ = ["AmountField", "AmountInput", "group", "parse_amount"]

_CENTS = re.compile(r"[.,](-|0{1,2})$")  # "75.000.000,-", "75.000.000,00"
_DIGITS = re.compile(r"^\d{1,3}([.,\s]?\d{3})*$")


def group(value: Any) -> str:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return str(value)
    return number_format(number, decimal_pos=0, use_l10n=True, force_grouping=True)


def parse_amount(text: str) -> int | None:
    """The whole amount written in ``text`` (rupiah), or None when it is not one."""
    cleaned = text.strip()
    cleaned = re.sub(r"^(?i:rp)\.?\s*", "", cleaned)
    cleaned = _CENTS.sub("", cleaned).strip()
    if not cleaned:
        return None
    if cleaned.isdigit():
        return int(cleaned)
    if not _DIGITS.match(cleaned):
        return None
    return int(re.sub(r"[.,\s]", "", cleaned))


class AmountInput(forms.TextInput):
    """A text input showing an amount grouped (``75.000.000``), typed on a phone's number pad."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, int):
            return group(value)
        shown: str | None = super().format_value(value)
        return shown


class AmountField(forms.IntegerField):
    """A whole rupiah amount, typed as the officer writes it."""

    widget = AmountInput
    default_error_messages = {"invalid": _("Write an amount in rupiah, e.g. Rp75.000.000.")}

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        amount = parse_amount(str(value))
        if amount is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return amount

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.pop("min", None)  # a text input: the browser cannot compare "75.000.000"
        attrs.pop("max", None)
        attrs.pop("step", None)
        return attrs
