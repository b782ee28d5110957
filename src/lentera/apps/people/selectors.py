"""Reads of the person index, always starting from the access policy."""

from __future__ import annotations

import contextlib
from datetime import date

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from lentera.apps.accounts.identity import identity_fields
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import Requester
from lentera.apps.people.matching import Lookup, identifier_lookup
from lentera.apps.people.models import Person
from lentera.apps.people.policies import people
from lentera.idn import InvalidNik, InvalidPhone, normalize_phone, parse_nik
from lentera.privacy import Pseudonym, age_band


def person_list(
    *, user: Requester, sex: str = "", child: str = "", q: str = ""
) -> QuerySet[Person]:
    """The people the user reaches, by pseudonym; ``q`` filters by initials. A NIK or a phone
    number is never a filter here: look-ups by identifier go through :func:`person_lookup`."""
    # the list shows pseudonyms only: identity columns are neither read nor decrypted
    qs = (
        people.visible(user, Action.VIEW_PERSON)
        .select_related("owner_agency", "region")
        .defer(*identity_fields(Person))
    )
    if sex:
        qs = qs.filter(sex=sex)
    adult_since = _years_ago(timezone.localdate(), 18)
    if child == "yes":
        qs = qs.filter(birth_date__gt=adult_since)
    elif child == "no":
        qs = qs.filter(birth_date__lte=adult_since)
    if q.strip():
        if is_identifier(q):
            raise ValueError("identifier look-ups go through person_lookup")
        qs = qs.filter(initials__icontains=q.strip())
    return qs


def is_identifier(q: str) -> bool:
    """Whether ``q`` reads as a NIK or a phone number (identity: searched by POST only)."""
    text = q.strip()
    if not text:
        return False
    with contextlib.suppress(InvalidNik):
        parse_nik(text)
        return True
    with contextlib.suppress(InvalidPhone):
        normalize_phone(text)
        return True
    return sum(c.isdigit() for c in text) >= 6


def person_lookup(*, user: Requester, q: str, channel: str = "web") -> Lookup:
    """A NIK or phone typed in one box: the people whose identity the user holds, and which
    agencies hold other matching records (logged)."""
    text = q.strip()
    nik = phone = ""
    try:
        parse_nik(text)
        nik = text
    except InvalidNik:
        phone = text
    return identifier_lookup(user=user, nik=nik, phone=phone, channel=channel)


def _years_ago(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def pseudonym_of(person: Person, *, recorded_age: int | None = None) -> Pseudonym:
    """Initials, sex and age band; without a date of birth, the age recorded on the case
    (``recorded_age``, e.g. a victim's age at the offence) gives the band, not "?"."""
    age = person.age_on(timezone.localdate())
    if age is None:
        age = recorded_age
    return Pseudonym(
        initials=person.initials,
        age_band=age_band(age, settings.LENTERA_AGE_BANDS),
        sex=str(person.get_sex_display()),
        is_child=None if age is None else age < 18,
    )
