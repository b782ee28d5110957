"""Search before create and look-ups by identifier, within the identity rule.

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

from lentera.apps.accounts.audit import record_lookup
from lentera.apps.accounts.identity import blind_index
from lentera.apps.accounts.models import Agency
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import Requester, is_user
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


@dataclass
class Lookup:
    """What a look-up by identifier may answer: the people whose identity the reader holds,
    and, for matching records held by other agencies, only who holds them ("ask them")."""

    matches: list[Match]
    held_by: list[Agency]
    searched: bool = True


def identifier_digests(
    *, name: str = "", nik: str = "", phone: str = "", account: tuple[str, str, str] | None = None
) -> dict[str, tuple[IdentifierKind, str]]:
    """The blind-index digests of what was typed, each with its kind and reason label."""
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
    if name.strip():
        for digest in name_digests(name):
            wanted[digest] = (IdentifierKind.NAME, "name")
    return wanted


def identifier_lookup(
    *,
    user: Requester,
    name: str = "",
    nik: str = "",
    phone: str = "",
    birth_date: date | None = None,
    account: tuple[str, str, str] | None = None,
    limit: int = 10,
    channel: str = "web",
) -> Lookup:
    """Look people up by what identifies them (NIK, phone, account, name).

    Only people whose identity the reader holds come back; a matching record of another agency
    is answered with that agency's name only, and a reader without the identity permission gets
    nothing but those names. Every look-up is written to the access log (the kinds searched and
    how many matched, never the values).
    """
    wanted = identifier_digests(name=name, nik=nik, phone=phone, account=account)
    if not wanted or not is_user(user):  # only a signed-in user searches (and is logged)
        return Lookup(matches=[], held_by=[], searched=False)
    kinds = sorted({kind for kind, _label in wanted.values()})
    held = people.visible(user, Action.VIEW_IDENTITY).values("pk")
    matches = (
        _ranked(wanted, held, birth_date, limit) if user.has_action(Action.VIEW_IDENTITY) else []
    )
    mine = {m.person.pk for m in matches}
    others = _ranked(wanted, None, None, limit=50)
    holder_ids = {m.person.owner_agency_id for m in others if m.person.pk not in mine}
    held_by = list(Agency.objects.filter(pk__in=holder_ids).order_by("name"))
    record_lookup(
        user=user,
        kinds=[str(k) for k in kinds],
        found=len(matches),
        held_elsewhere=len(held_by),
        channel=channel,
    )
    return Lookup(matches=matches, held_by=held_by)


def possible_matches(
    *,
    user: Requester,
    name: str = "",
    nik: str = "",
    phone: str = "",
    birth_date: date | None = None,
    account: tuple[str, str, str] | None = None,
    limit: int = 10,
) -> list[Match]:
    """People whose identity the user holds that share a NIK, a phone or name parts with the
    query (search before create; logged as a look-up)."""
    return identifier_lookup(
        user=user,
        name=name,
        nik=nik,
        phone=phone,
        birth_date=birth_date,
        account=account,
        limit=limit,
    ).matches


def _ranked(
    wanted: dict[str, tuple[IdentifierKind, str]],
    among: Any,
    birth_date: date | None,
    limit: int,
) -> list[Match]:
    name_keys = {d for d, (kind, _label) in wanted.items() if kind == IdentifierKind.NAME}
    hits_qs = PersonIdentifier.objects.filter(Q(digest__in=list(wanted)))
    if among is not None:
        hits_qs = hits_qs.filter(person_id__in=among)
    hits = hits_qs.values_list("person_id", "kind", "digest")
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
