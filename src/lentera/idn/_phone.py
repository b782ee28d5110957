"""Telephone numbers written the many ways people write them, brought to E.164."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from lentera.idn._errors import InvalidPhone

# "+62 (0)812..." : the trunk zero in brackets must go before parsing.
_BRACKETED_TRUNK = re.compile(r"\(\s*0\s*\)")
_SEPARATORS = re.compile(r"[\s.\-/()]+")


def _digits_form(value: str) -> str:
    text = _BRACKETED_TRUNK.sub("", value.strip())
    return _SEPARATORS.sub("", text)


def normalize_phone(value: str, *, region: str = "ID") -> str:
    """Return ``value`` as an E.164 string (``+6281234567890``); raise :class:`InvalidPhone`.

    Accepts ``0812-3456-7890``, ``+62 812 3456 7890``, ``62812...``, ``(0380) 821 234``,
    ``+62 (0) 812...`` and the international prefix ``00``. ``region`` is the country
    assumed for numbers written without a country code.
    """
    text = _digits_form(value)
    if not any(ch.isdigit() for ch in text):
        raise InvalidPhone("empty", f"phone {value!r} contains no digits")
    country = phonenumbers.country_code_for_region(region)
    # Written with the country code but without "+" (62812...): common in exported registers.
    if (
        text.isdigit()
        and country
        and text.startswith(str(country))
        and not text.startswith("0")
        and len(text) >= 10
    ):
        text = "+" + text
    elif text.startswith("00") and text[2:3] != "0":
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone("unparsable", f"phone {value!r} cannot be read: {exc}") from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhone("invalid", f"phone {value!r} is not a valid telephone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# Indonesian mobile numbers in their usual written forms: 08.., 628.., +628.. (9-12 digits
# after the 0). Recognised without the full parser because registers hold millions of them.
_ID_MOBILE = re.compile(r"^(?:\+?62|0)(8\d{8,11})$")


@lru_cache(maxsize=100_000)
def phone_key(value: str, *, region: str = "ID") -> str | None:
    """A comparison key for a phone number that is never rejected.

    The E.164 form when :func:`normalize_phone` accepts the value; otherwise the digits with a
    leading trunk ``0`` replaced by the country code (so ``0812-345`` and ``62812345`` still
    agree); None when fewer than six digits are left.
    """
    if region == "ID":
        mobile = _ID_MOBILE.match(_digits_form(value))
        if mobile is not None:
            return "+62" + mobile.group(1)
    try:
        return normalize_phone(value, region=region)
    except InvalidPhone:
        pass
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) < 6:
        return None
    country = str(phonenumbers.country_code_for_region(region) or "")
    if digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = country + digits[1:]
    return "+" + digits
