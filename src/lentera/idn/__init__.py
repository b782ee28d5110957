"""Indonesian identity helpers: NIK, phones, personal names, birth dates, addresses, regions.

Pure Python, no Django. Exceptions: :class:`IdnError` is the base of everything raised here;
:class:`InvalidNik`, :class:`InvalidPhone` and :class:`InvalidDate` (all also ``ValueError``)
carry an English message that quotes the value; the first two also have a ``code`` naming the
rule that failed.
"""

from lentera.idn._address import address_tokens, region_key
from lentera.idn._dates import parse_birth_date, swap_day_month
from lentera.idn._errors import IdnError, InvalidDate, InvalidNik, InvalidPhone
from lentera.idn._names import PersonName, normalize_name, spelling_key
from lentera.idn._nik import NikInfo, clean_nik, nik_slips, parse_nik
from lentera.idn._phone import normalize_phone, phone_key

__all__ = [
    "IdnError",
    "InvalidDate",
    "InvalidNik",
    "InvalidPhone",
    "NikInfo",
    "PersonName",
    "address_tokens",
    "clean_nik",
    "nik_slips",
    "normalize_name",
    "normalize_phone",
    "parse_birth_date",
    "parse_nik",
    "phone_key",
    "region_key",
    "spelling_key",
    "swap_day_month",
]
