"""Search before create and look-ups by identifier, within the identity rule.

Names are compared through spelling keys (old and new spelling, Muhammad/M., titles, reordered
parts: :func:`lentera.idn.normalize_name`), stored as keyed hashes so the index never holds a
name in clear; NIK and phone numbers match exactly in any written form.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

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


#: What a candidate matched on, in the page's language (``Match.reasons`` keeps the codes the
#: API has always answered).
REASON_LABELS = {
    "NIK": _("NIK"),
    "phone": _("phone number"),
    "account": _("bank or social account"),
    "name": _("at least two name parts"),
    "birth date": _("date of birth"),
    "birth date (day and month swapped)": _("date of birth (day and month swapped)"),
}


@dataclass
class Match:
    person: Person
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        """The reasons in the active language."""
        return [str(REASON_LABELS.get(r, r)) for r in self.reasons]


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

    The whole index answers in two indexed reads whatever its size: the candidates ranked by
    their digest hits (one grouped read of the blind index), then the identity rule applied to
    those candidates only, never to the whole population.
    """
    wanted = identifier_digests(name=name, nik=nik, phone=phone, account=account)
    if not wanted or not is_user(user):  # only a signed-in user searches (and is logged)
        return Lookup(matches=[], held_by=[], searched=False)
    kinds = sorted({kind for kind, _label in wanted.values()})
    candidates = _candidates(wanted)
    held: set[int] = set()
    if candidates and user.has_action(Action.VIEW_IDENTITY):
        held = set(
            people.visible(user, Action.VIEW_IDENTITY)
            .filter(pk__in=[c.person_id for c in candidates])
            .values_list("pk", flat=True)
        )
    matches = _ranked([c for c in candidates if c.person_id in held], birth_date, limit)
    mine = {m.person.pk for m in matches}
    others = [c.person_id for c in candidates[:50] if c.person_id not in mine]
    holder_ids = Person.objects.filter(pk__in=others).values("owner_agency_id")
    held_by = list(Agency.objects.filter(pk__in=holder_ids).order_by("name")) if others else []
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


#: Candidates read from the index before the identity rule is applied to them.
CANDIDATES = 1000


@dataclass(frozen=True)
class Candidate:
    person_id: int
    score: float
    reasons: frozenset[str]


LABELS = {
    IdentifierKind.NIK: "NIK",
    IdentifierKind.PHONE: "phone",
    IdentifierKind.ACCOUNT: "account",
    IdentifierKind.NAME: "name",
}


def _candidates(wanted: dict[str, tuple[IdentifierKind, str]]) -> list[Candidate]:
    """People sharing digests with the query, best first, from one grouped read of the index
    (``digest`` leads the covering index): a NIK, a phone or an account counts alone; name parts
    count only when at least two of them (or the only one typed) match, since one shared common
    name part is not a match."""
    name_keys = [d for d, (kind, _label) in wanted.items() if kind == IdentifierKind.NAME]
    need = max(1, min(2, len(name_keys)))
    hits = {kind: Count("pk", filter=Q(kind=kind)) for kind in WEIGHTS}
    rows = (
        PersonIdentifier.objects.filter(digest__in=list(wanted))
        .values("person_id")
        .annotate(**{f"n_{kind}": count for kind, count in hits.items()})
        .filter(Q(n_nik__gt=0) | Q(n_phone__gt=0) | Q(n_account__gt=0) | Q(n_name__gte=need))
        .values_list("person_id", *(f"n_{kind}" for kind in WEIGHTS))
    )
    found = []
    for person_id, *counts in rows:
        per_kind = dict(zip(WEIGHTS, counts, strict=True))
        if per_kind[IdentifierKind.NAME] < need:
            per_kind[IdentifierKind.NAME] = 0  # one common name part alone is not a match
        score = sum(WEIGHTS[kind] * n for kind, n in per_kind.items())
        labels = frozenset(LABELS[kind] for kind, n in per_kind.items() if n)
        found.append(Candidate(person_id, score, labels))
    found.sort(key=lambda c: (-c.score, -c.person_id))
    return found[:CANDIDATES]


def _ranked(candidates: list[Candidate], birth_date: date | None, limit: int) -> list[Match]:
    """The best ``limit`` of the reader's candidates, a matching birth date counting too."""
    if not candidates:
        return []
    births = dict(
        Person.objects.filter(pk__in=[c.person_id for c in candidates]).values_list(
            "pk", "birth_date"
        )
    )
    scored = []
    for c in candidates:
        score, reasons = c.score, set(c.reasons)
        born = births.get(c.person_id)
        if birth_date and born:
            if born == birth_date:
                score += 3
                reasons.add("birth date")
            elif (born.month, born.day) == (birth_date.day, birth_date.month):
                score += 1.5
                reasons.add("birth date (day and month swapped)")
        scored.append((score, c.person_id, reasons))
    scored.sort(key=lambda t: (-t[0], -t[1]))
    top = scored[:limit]
    found = Person.objects.select_related("owner_agency", "region").in_bulk(
        [pid for _s, pid, _r in top]
    )
    return [Match(person=found[pid], score=score, reasons=sorted(r)) for score, pid, r in top]
