"""Pickers instead of codes (issue #18, item 4): a region typed by its name, a country chosen by
its name in the page's language.

Both fields still hand the view a code (``53.71``, ``MY``), so a form keeps its service call.

* :class:`RegionCodeField` shows a stored code as ``Kota Kupang · 53.71`` and takes back that,
  a bare code, or a name that names one region (``kota kupang``). The page's script
  (``app.js``, ``data-region-search``) offers matching names as the officer types, from
  ``reference:region_search``; without the script the field works the same.
* :class:`CountryCodeField` is a select of every country, sorted by its name in the page's
  language (``Malaysia``, ``Timor-Leste``...), holding the ISO code.
"""

from __future__ import annotations

import re
import time
from typing import Any

from django import forms
from django.core.signals import request_started
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lentera.apps.reference.models import Country, Region

__all__ = [
    "CountryCodeField",
    "RegionCodeField",
    "RegionInput",
    "country_choices",
    "find_regions",
    "forget_countries",
    "region_label",
]

_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_TAIL_CODE = re.compile(r"(?:·|\(|\s)\s*(\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?)\)?\s*$")
SEP = " · "


def region_label(region: Region) -> str:
    return f"{region.name}{SEP}{region.code}"


def find_regions(text: str, *, limit: int = 12) -> list[Region]:
    """Regions whose name contains ``text``, provinces and regencies first, then districts and
    villages (names that start with it before the others), or whose code starts with it."""
    text = text.strip()
    if len(text) < 2:
        return []
    if text[:1].isdigit():
        return list(Region.objects.filter(code__startswith=text).order_by("code")[:limit])
    found: list[Region] = []
    for levels in (("province", "regency"), ("district",), ("village",)):
        if len(found) >= limit:
            break
        rows = list(
            Region.objects.filter(level__in=levels, name__icontains=text).order_by("code")[
                : limit * 4
            ]
        )
        rows.sort(key=lambda r: (not r.name.lower().startswith(text.lower()), r.name))
        found += rows[: limit - len(found)]
    return found


def _code_of(text: str) -> str | None:
    """The region code ``text`` names: a code, ``name · code``, or the one region so named."""
    text = text.strip()
    if not text:
        return ""
    if _CODE.match(text):
        return text
    tail = _TAIL_CODE.search(text)
    if tail:
        return tail.group(1)
    named = list(Region.objects.filter(name__iexact=text).values_list("code", flat=True)[:2])
    if len(named) == 1:
        return named[0]
    return None


class RegionInput(forms.TextInput):
    """A text input that shows a region by its name and code, with suggestions as you type."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"autocomplete": "off", "data-region-search": "", **(attrs or {})})

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-region-search"] = str(
            reverse_lazy("reference:region_search")
        )
        return context

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Region):
            return region_label(value)
        if isinstance(value, str) and _CODE.match(value.strip()):
            region = Region.objects.filter(code=value.strip()).first()
            if region is not None:
                return region_label(region)
        shown: str | None = super().format_value(value)
        return shown


class RegionCodeField(forms.CharField):
    """A region typed by name (or code); cleaned to its Kemendagri code."""

    widget = RegionInput
    default_error_messages = {
        "unknown": _("No region has this name or code. Type part of the name and pick one."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 160)
        kwargs.setdefault("label", _("Region"))
        kwargs.setdefault(
            "help_text", _("Type part of the name, e.g. Kupang, and pick the region.")
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        text = super().to_python(value)
        if not text:
            return ""
        code = _code_of(text)
        if code is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return code


_COUNTRIES: dict[str, Any] = {"at": 0.0, "rows": ()}
_COUNTRIES_TTL = 2.0  # seconds, and read again at the start of every request


def _country_rows() -> tuple[tuple[str, str, str], ...]:
    """(code, English name, Indonesian name) of every country, read once per request (a page
    with several country pickers reads the table once, not once per picker)."""
    now = time.monotonic()
    if not _COUNTRIES["rows"] or now - _COUNTRIES["at"] > _COUNTRIES_TTL:
        rows = tuple(Country.objects.values_list("code", "name_en", "name_id"))
        if not rows:
            return rows
        _COUNTRIES.update(at=now, rows=rows)
    return _COUNTRIES["rows"]  # type: ignore[no-any-return]


def forget_countries(**_kwargs: Any) -> None:
    """Read the countries again on next use (each request; after reference data is loaded)."""
    _COUNTRIES.update(at=0.0, rows=())


request_started.connect(forget_countries, dispatch_uid="lentera.reference.forget_countries")


def country_choices(*, blank: str | None = None) -> list[tuple[str, str]]:
    """Every country as (ISO code, name in the page's language), sorted by that name."""
    english = (get_language() or "id").startswith("en")
    rows = _country_rows()
    named = sorted(
        ((code, en if english else id_) for code, en, id_ in rows), key=lambda c: c[1].casefold()
    )
    return ([("", blank)] if blank is not None else []) + named


class CountryCodeField(forms.ChoiceField):
    """A country chosen by name; cleaned to its ISO code (upper case)."""

    def __init__(self, *, blank: Any = None, **kwargs: Any) -> None:
        self._blank = blank
        super().__init__(choices=self._choices_now, **kwargs)

    def _choices_now(self) -> list[tuple[str, str]]:
        blank = None if self._blank is None else str(self._blank)
        return country_choices(blank=blank)

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).strip().upper()

    def valid_value(self, value: Any) -> bool:
        code = str(value).strip().upper()
        return super().valid_value(code) or Country.objects.filter(code=code).exists()
