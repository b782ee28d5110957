"""Search before create: people who may already be registered, among those a user may see.

Names are compared through spelling keys (old and new spelling, Muhammad/M., titles, reordered
parts: :func:`lentera.idn.normalize_name`), stored as keyed hashes so the index never holds a
name in clear; NIK and phone numbers match exactly in any written form.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q

from lentera.apps.accounts.identity import blind_index
from lentera.apps.accounts.permissions import Action
from lentera.apps.people.models import IdentifierKind, Person, PersonIdentifier
from lentera.apps.people.policies import people
from lentera.idn import InvalidNik, InvalidPhone, normalize_name, normalize_phone, parse_nik

WEIGHTS = {
    IdentifierKind.NIK: 10.0,
    IdentifierKind.PHONE: 6.0,
    IdentifierKind.ACCOUNT: 8.0,
    IdentifierKind.NAME: 2.0,
}


def name_digests(full_name: str, aliases: list[str] | None = None) -> set[str]:
    keys: set[str] = set()
    for name in [full_name, *(aliases or [])]:
        keys.update(k for k in normalize_name(name).keys if len(k) > 1)
    return {blind_index("name:" + k) for k in keys}


@dataclass
class Match:
    person: Person
    score: float
    reasons: list[str] = field(default_factory=list)


def possible_matches(
    *,
    user: Any,
    name: str = "",
    nik: str = "",
    phone: str = "",
    birth_date: date | None = None,
    account: tuple[str, str, str] | None = None,
    limit: int = 10,
) -> list[Match]:
    """People the user may see that share a NIK, a phone or name parts with the query."""
    wanted: dict[str, tuple[IdentifierKind, str]] = {}
    if nik.strip():
        with contextlib.suppress(InvalidNik):
            wanted[blind_index(parse_nik(nik).nik)] = (IdentifierKind.NIK, "NIK")
    if phone.strip():
        with contextlib.suppress(InvalidPhone):
            wanted[blind_index(normalize_phone(phone))] = (IdentifierKind.PHONE, "phone")
    if account is not None:
        from lentera.apps.people.services import account_key

        wanted[blind_index(account_key(*account))] = (IdentifierKind.ACCOUNT, "account")
    name_keys = name_digests(name) if name.strip() else set()
    for digest in name_keys:
        wanted[digest] = (IdentifierKind.NAME, "name")
    if not wanted:
        return []
    visible = people.visible(user, Action.VIEW_PERSON).values("pk")
    hits = PersonIdentifier.objects.filter(
        Q(digest__in=list(wanted)), person_id__in=visible
    ).values_list("person_id", "kind", "digest")
    scores: dict[int, float] = defaultdict(float)
    reasons: dict[int, set[str]] = defaultdict(set)
    name_hits: dict[int, int] = defaultdict(int)
    for person_id, kind, digest in hits:
        if kind == IdentifierKind.NAME:
            name_hits[person_id] += 1
        scores[person_id] += WEIGHTS[IdentifierKind(kind)]
        reasons[person_id].add(wanted.get(digest, (kind, kind))[1])
    if name_keys:
        for person_id, count in name_hits.items():
            if count < min(2, len(name_keys)):  # one shared common name part is not a match
                scores[person_id] -= WEIGHTS[IdentifierKind.NAME] * count
                if reasons[person_id] == {"name"}:
                    scores[person_id] = 0
    ranked = sorted((pid for pid, s in scores.items() if s > 0), key=lambda p: -scores[p])[:limit]
    found = Person.objects.in_bulk(ranked)
    result = []
    for pid in ranked:
        person = found[pid]
        score = scores[pid]
        if birth_date and person.birth_date:
            if person.birth_date == birth_date:
                score += 3
                reasons[pid].add("birth date")
            elif (person.birth_date.month, person.birth_date.day) == (
                birth_date.day,
                birth_date.month,
            ):
                score += 1.5
                reasons[pid].add("birth date (day and month swapped)")
        result.append(Match(person=person, score=score, reasons=sorted(reasons[pid])))
    return sorted(result, key=lambda m: -m.score)
