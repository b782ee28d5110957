"""Export of the case list: the same cases and filters the list shows, as CSV, without any
identity (no names, no narrative, no titles, which officers sometimes write names into), and
recorded in the audit trail with who, when, which filters and how many rows."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action
from lentera.apps.cases import selectors
from lentera.apps.cases.models import Case

COLUMNS = [
    "reference",
    "status",
    "lead_agency",
    "region_code",
    "region",
    "opened_on",
    "closed_on",
    "offence_date",
    "acts",
    "means",
    "exploitation_types",
    "control_methods",
    "recruitment_channel",
    "recruitment_platform",
    "child_victim",
    "victims",
    "victims_female",
    "victims_male",
    "suspects",
    "suspects_official",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    """Text for one cell; a leading formula character is neutralised for spreadsheets."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _export_queryset(user: User, filters: dict[str, Any]) -> QuerySet[Case]:
    victim = Q(parties__role="victim")
    suspect = Q(parties__role="suspect")
    return (
        selectors.case_list(user=user, **filters)
        .annotate(
            n_victims=Count("parties", filter=victim),
            n_victims_female=Count("parties", filter=victim & Q(parties__person__sex="female")),
            n_victims_male=Count("parties", filter=victim & Q(parties__person__sex="male")),
            n_suspects=Count("parties", filter=suspect),
            n_officials=Count("parties", filter=suspect & Q(parties__is_official=True)),
        )
        .order_by("opened_at", "id")
    )


def case_export(*, actor: User, filters: dict[str, Any]) -> tuple[int, Iterator[list[str]]]:
    """Check the permission, count and log the export, and return the rows (header first).

    Only users holding the export permission may export; the rows are exactly the cases the
    list would show them with the same filters. The complicity count is left empty for users
    without the complicity permission.
    """
    if not actor.has_action(Action.EXPORT) or not actor.has_action(Action.VIEW_CASE):
        raise PermissionDenied(_("You do not have permission to do this."))
    qs = _export_queryset(actor, filters)
    total = qs.count()
    record_event(
        actor=actor,
        event_type=EventType.CASES_EXPORTED,
        summary=_("%(count)d cases exported") % {"count": total},
        data={"filters": {k: str(v) for k, v in filters.items()}, "rows": total},
    )
    complicity = actor.has_action(Action.VIEW_COMPLICITY)

    def rows() -> Iterator[list[str]]:
        yield COLUMNS
        local = timezone.localtime
        for case in qs.iterator(chunk_size=2000):
            yield [
                _cell(v)
                for v in (
                    case.reference,
                    case.status,
                    case.lead_agency.short_name or case.lead_agency.name,
                    case.region.code,
                    case.region.name,
                    local(case.opened_at).date().isoformat(),
                    local(case.closed_at).date().isoformat() if case.closed_at else "",
                    case.offence_date.isoformat() if case.offence_date else "",
                    ";".join(case.acts),
                    ";".join(case.means),
                    ";".join(case.exploitation_types),
                    ";".join(case.control_methods),
                    case.recruitment_channel,
                    case.recruitment_platform,
                    "yes" if case.has_child_victim else "no",
                    case.n_victims,  # type: ignore[attr-defined]
                    case.n_victims_female,  # type: ignore[attr-defined]
                    case.n_victims_male,  # type: ignore[attr-defined]
                    case.n_suspects,  # type: ignore[attr-defined]
                    case.n_officials if complicity else "",  # type: ignore[attr-defined]
                )
            ]

    return total, rows()


class _Echo:
    """A file-like object that hands back what is written, for streaming CSV."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterator[list[str]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    for row in rows:
        yield writer.writerow(row)
