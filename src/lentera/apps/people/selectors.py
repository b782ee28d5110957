"""Reads of the person index, always starting from the access policy."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from lentera.apps.accounts.identity import blind_index
from lentera.apps.accounts.permissions import Action
from lentera.apps.people.models import IdentifierKind, Person
from lentera.apps.people.policies import people
from lentera.idn import InvalidNik, InvalidPhone, normalize_phone, parse_nik
from lentera.privacy import Pseudonym, age_band


def person_list(*, user: Any, sex: str = "", child: str = "", q: str = "") -> QuerySet[Person]:
    qs = people.visible(user, Action.VIEW_PERSON).select_related("owner_agency", "region")
    if sex:
        qs = qs.filter(sex=sex)
    adult_since = _years_ago(timezone.localdate(), 18)
    if child == "yes":
        qs = qs.filter(birth_date__gt=adult_since)
    elif child == "no":
        qs = qs.filter(birth_date__lte=adult_since)
    if q.strip():
        matches = _identifier_matches(q)
        qs = qs.filter(pk__in=matches) if matches else qs.filter(initials__icontains=q.strip())
    return qs


def _years_ago(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _identifier_matches(q: str) -> list[int]:
    """Exact NIK or phone search through the blind index."""
    digests: list[tuple[str, str]] = []
    with contextlib.suppress(InvalidNik):
        digests.append((IdentifierKind.NIK, blind_index(parse_nik(q).nik)))
    with contextlib.suppress(InvalidPhone):
        digests.append((IdentifierKind.PHONE, blind_index(normalize_phone(q))))
    if not digests:
        return []
    from django.db.models import Q

    cond = Q()
    for kind, digest in digests:
        cond |= Q(identifiers__kind=kind, identifiers__digest=digest)
    return list(Person.objects.filter(cond).values_list("pk", flat=True).distinct())


def pseudonym_of(person: Person) -> Pseudonym:
    age = person.age_on(timezone.localdate())
    return Pseudonym(
        initials=person.initials,
        age_band=age_band(age, settings.LENTERA_AGE_BANDS),
        sex=str(person.get_sex_display()),
        is_child=None if age is None else age < 18,
    )
