"""Minutes never hold an identity: the check every free-text field of this app passes.

A task-force meeting talks about cases, so the people in them are one careless sentence away. The
minutes go to every member agency, to the head of region and into a PDF, so they must not carry
what UU 21/2007 Pasal 24 protects. The service refuses (never silently edits) a text that holds:

* a number of nine digits or more, written with or without separators (NIK, KK, phone, bank
  account numbers; dates and case references have fewer digits in a row);
* a phone number in Indonesian form (``08…``, ``+62 8…``) of any grouping;
* an e-mail address;
* the name of a person registered in the person index: two or three adjacent words whose name
  keys (spelling-normalised, :func:`lentera.idn.normalize_name`) all belong to one person, or a
  single word that is a one-word registered name. The index holds keyed hashes only, so the
  check compares hashes and never reads a name.

Cases are named by their reference and people by pseudonym (initials such as "DYM (20)"):
initials are one or three letters and match no registered full name.

Because a refusal tells the writer that a name is in the index, every refusal for a name is
written to the access log as a look-up (``record_lookup``) so that probing shows.
"""

from __future__ import annotations

import re
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_lookup
from lentera.apps.accounts.models import User
from lentera.apps.people.matching import name_digests
from lentera.apps.people.models import IdentifierKind, PersonIdentifier

_LONG_NUMBER = re.compile(r"\d(?:[\s.\-/]?\d){8,}")
_PHONE = re.compile(r"(?:\+\s?62|\b62|\b0)\s?8\d{1,3}(?:[\s.\-]?\d{2,4}){2,3}\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_WORD = re.compile(r"[^\W\d_]{2,}(?:['’-][^\W\d_]+)*")


def _number_problem(text: str) -> str | None:
    for match in _LONG_NUMBER.finditer(text):
        if sum(c.isdigit() for c in match.group()) >= 9:
            return _("a number that looks like a NIK, phone or account number")
    if _PHONE.search(text):
        return _("a phone number")
    if _EMAIL.search(text):
        return _("an e-mail address")
    return None


def _names_in(texts: list[str]) -> bool:
    """Whether any text holds the name of a registered person (by blind index only)."""
    windows: list[set[str]] = []
    for text in texts:
        words = _WORD.findall(text)
        for size in (1, 2, 3):
            for i in range(len(words) - size + 1):
                digests = name_digests(" ".join(words[i : i + size]))
                if digests:
                    windows.append(digests)
    wanted = set().union(*windows) if windows else set()
    if not wanted:
        return False
    hits: dict[int, set[str]] = defaultdict(set)
    for person_id, digest in PersonIdentifier.objects.filter(
        kind=IdentifierKind.NAME, digest__in=list(wanted)
    ).values_list("person_id", "digest"):
        hits[person_id].add(digest)
    if not hits:
        return False
    sizes = dict(
        PersonIdentifier.objects.filter(kind=IdentifierKind.NAME, person_id__in=list(hits))
        .values("person_id")
        .annotate(n=Count("id"))
        .values_list("person_id", "n")
    )
    for digests in windows:
        for person_id, held in hits.items():
            if not digests <= held:
                continue
            # two or more name parts of one person side by side, or the whole of a one-word name
            if len(digests) >= 2 or sizes.get(person_id) == 1:
                return True
    return False


def check_no_identity(actor: User, fields: dict[str, str]) -> None:
    """Raise :class:`ValidationError` on the first field (by name) that holds an identity."""
    errors: dict[str, str] = {}
    for name, text in fields.items():
        if not text:
            continue
        problem = _number_problem(text)
        if problem is not None:
            errors[name] = _(
                "Minutes and agendas may not hold an identity: remove %(what)s. Name cases by "
                "their reference and people by pseudonym (initials and age)."
            ) % {"what": problem}
    named = [n for n, t in fields.items() if t and n not in errors and _names_in([t])]
    if named:
        record_lookup(user=actor, kinds=["name"], found=len(named), held_elsewhere=0)
        for name in named:
            errors[name] = _(
                "Minutes and agendas may not hold an identity: this text names a person in the "
                "person index. Use the case reference and the pseudonym (initials and age)."
            )
    if errors:
        raise ValidationError(errors)
