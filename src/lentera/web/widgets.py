"""Widgets every page form uses for dates and times.

A browser reads the value of ``<input type="date">`` and ``<input type="datetime-local">`` only
in ISO 8601 (``2009-05-14``, ``2009-05-14T08:30``), whatever the language of the page. Django's
own widgets write the value in the active language's format (``14-05-2009`` in Indonesian, the
default language): the browser shows an empty field and sends it back empty, so saving an edit
form erased the date of birth or of the offence (issue #11). These widgets always write ISO.

What comes back is ISO too, which the fields accept in every language (Django adds the ISO
formats to each language's input formats; ``tests/web/test_date_widgets.py`` checks every form
of the app for both).
"""

from __future__ import annotations

from typing import Any

from django import forms

ISO_DATE = "%Y-%m-%d"
ISO_DATETIME = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> reads and sends

__all__ = ["ISO_DATE", "ISO_DATETIME", "IsoDateInput", "IsoDateTimeInput"]


class IsoDateInput(forms.DateInput):
    """A date picker whose value is always ``YYYY-MM-DD``."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=ISO_DATE)


class IsoDateTimeInput(forms.DateTimeInput):
    """A date-and-time picker whose value is always ``YYYY-MM-DDTHH:MM`` (local time)."""

    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=ISO_DATETIME)
