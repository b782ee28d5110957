"""Guards and errors shared by the cases services."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import deny
from lentera.apps.cases.models import (
    Case,
)
from lentera.apps.cases.policies import cases

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


DOCUMENT_TYPES = {
    b"%PDF-": "application/pdf",
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
}


def _require_edit(actor: User, case: Case) -> None:
    if not cases.can(actor, Action.EDIT_CASE, case):
        raise deny()


def _codes(values: Iterable[str], allowed: Iterable[str], field: str) -> list[str]:
    """The codes once each, in the order of ``allowed`` (the vocabulary). A list of codes is a
    set: stored one way whatever order the web form, the API or an import gives, so saving a
    form unchanged leaves the row as it was (issue #11)."""
    position = {code: i for i, code in enumerate(allowed)}
    values = list(dict.fromkeys(values))
    unknown = [v for v in values if v not in position]
    if unknown:
        raise ValidationError({field: _("Unknown code: %(codes)s") % {"codes": ", ".join(unknown)}})
    return sorted(values, key=position.__getitem__)
