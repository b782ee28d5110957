"""Country names for explanations (ISO 3166 via pycountry, Indonesian or English)."""

from __future__ import annotations

import functools
import gettext


@functools.cache
def _translator(lang: str) -> gettext.NullTranslations:
    try:
        import pycountry

        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except (ImportError, OSError):  # pragma: no cover - pycountry is a dependency
        return gettext.NullTranslations()


# Names people use in Indonesia where the ISO list says something else.
_OVERRIDES: dict[str, str] = {"TW": "Taiwan", "HK": "Hong Kong", "MO": "Makau", "PS": "Palestina"}


@functools.cache
def country_name(code: str, lang: str) -> str:
    """The common name of ``code`` in ``lang`` (``id`` or ``en``); the code itself if unknown."""
    if code in _OVERRIDES and lang == "id":
        return _OVERRIDES[code]
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return code
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    name = str(getattr(country, "common_name", None) or country.name)
    if lang == "en":
        return name
    translated = _translator(lang).gettext(str(country.name))
    return translated if translated != country.name else name
