"""Destination policy: which countries and sectors are open to lawful placement of workers.

UU 18/2017 Pasal 31-32 and 72 make placement lawful only to countries that protect foreign
workers and have an agreement with Indonesia, and let the government close countries or
positions. The table is data: the shipped defaults live in ``data/destination_policy.csv`` and
the Django app keeps an editable copy in its database, passing a table built from its rows.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lentera.csvfile import CsvError, CsvRow, Problem, parse_csv, read_csv
from lentera.screening._codes import POLICY_STATUSES, SECTORS
from lentera.screening._errors import PolicyError

POLICY_COLUMNS = ("country", "sector", "status", "legal_basis", "valid_from", "note")
ANY_SECTOR = "*"


@dataclass(frozen=True, slots=True)
class DestinationPolicy:
    """One row: placement of workers in ``sector`` (or ``*``) to ``country`` has ``status``."""

    country: str
    sector: str
    status: str
    legal_basis: str
    valid_from: dt.date | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if len(self.country) != 2 or not self.country.isascii() or not self.country.isupper():
            raise PolicyError(f"country must be ISO alpha-2 in capitals, got {self.country!r}")
        if self.sector != ANY_SECTOR and self.sector not in SECTORS:
            raise PolicyError(f"unknown sector {self.sector!r}")
        if self.status not in POLICY_STATUSES:
            raise PolicyError(
                f"unknown status {self.status!r}; expected one of {sorted(POLICY_STATUSES)}"
            )


def _row_to_policy(row: Mapping[str, object], number: int) -> DestinationPolicy:
    values: dict[str, str] = {}
    for column in POLICY_COLUMNS:
        raw = row.get(column)
        if raw is None:
            raw = ""
        if isinstance(raw, dt.date):
            raw = raw.isoformat()
        if not isinstance(raw, str):
            raise PolicyError(f"must be text, got {raw!r}", row=number, field=column)
        values[column] = raw.strip()
    for column in ("country", "sector", "status"):
        if not values[column]:
            raise PolicyError("is required", row=number, field=column)
    valid_from: dt.date | None = None
    if values["valid_from"]:
        try:
            valid_from = dt.date.fromisoformat(values["valid_from"])
        except ValueError:
            raise PolicyError(
                f"must be YYYY-MM-DD, got {values['valid_from']!r}", row=number, field="valid_from"
            ) from None
    try:
        return DestinationPolicy(
            country=values["country"].upper(),
            sector=values["sector"],
            status=values["status"],
            legal_basis=values["legal_basis"],
            valid_from=valid_from,
            note=values["note"],
        )
    except PolicyError as exc:
        raise PolicyError(exc.message, row=number) from None


class DestinationPolicyTable:
    """Look-up of the policy in force for a country and sector on a date.

    A sector-specific row wins over the country's ``*`` row; among rows for the same key, the
    one with the latest ``valid_from`` on or before the date wins (rows without a date count as
    always in force). A country not in the table has no known policy (``lookup`` gives None).
    """

    def __init__(self, policies: Iterable[DestinationPolicy]) -> None:
        self._rows: dict[tuple[str, str], list[DestinationPolicy]] = {}
        for policy in policies:
            self._rows.setdefault((policy.country, policy.sector), []).append(policy)
        for rows in self._rows.values():
            rows.sort(key=lambda p: p.valid_from or dt.date.min)

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, object]]) -> DestinationPolicyTable:
        """Build from plain mappings with the CSV column names (values as text or dates)."""
        return cls(_row_to_policy(row, number) for number, row in enumerate(rows, start=1))

    @classmethod
    def from_csv(
        cls, source: str | Path | io.TextIOBase, *, name: str | None = None
    ) -> DestinationPolicyTable:
        """Read a CSV file with the header ``country,sector,status,legal_basis,valid_from,note``.

        Errors name the file (``name``, default the file name) and the line; a row that would
        be lost or shifted (an unclosed quote, too few or too many values) is an error too.
        """
        if isinstance(source, io.TextIOBase):
            label = name or str(getattr(source, "name", "") or "policy.csv")
            return cls._from_csv_rows(
                parse_csv(source.read(), source=label, required=POLICY_COLUMNS), label
            )
        label = name or Path(source).name
        return cls._from_csv_rows(read_csv(source, source=label, required=POLICY_COLUMNS), label)

    @classmethod
    def _from_csv_rows(cls, rows: Iterable[CsvRow], source: str) -> DestinationPolicyTable:
        policies: list[DestinationPolicy] = []
        try:
            for number, row in enumerate(rows, start=1):
                try:
                    policies.append(_row_to_policy(row.values, number))
                except PolicyError as exc:
                    raise PolicyError(
                        exc.message, row=number, field=exc.field, source=source, line=row.line
                    ) from None
        except CsvError as exc:
            message = exc.message
            if exc.problem is Problem.MISSING_COLUMNS:
                message = f"missing columns: {', '.join(exc.columns)}"
            raise PolicyError(message, source=source, line=exc.line) from None
        return cls(policies)

    def __iter__(self) -> Iterator[DestinationPolicy]:
        for rows in self._rows.values():
            yield from rows

    def __len__(self) -> int:
        return sum(len(rows) for rows in self._rows.values())

    def lookup(
        self, country: str, sector: str | None = None, on: dt.date | None = None
    ) -> DestinationPolicy | None:
        """The row in force for ``country`` and ``sector`` on date ``on`` (today's rows if None)."""
        keys = [(country, sector)] if sector and sector != ANY_SECTOR else []
        keys.append((country, ANY_SECTOR))
        for key in keys:
            found = None
            for policy in self._rows.get(key, ()):
                if on is None or policy.valid_from is None or policy.valid_from <= on:
                    found = policy
            if found is not None:
                return found
        return None

    def countries(self) -> frozenset[str]:
        return frozenset(country for country, _sector in self._rows)


@functools.cache
def load_default_policy() -> DestinationPolicyTable:
    """The destination policy shipped with Lentera (``data/destination_policy.csv``)."""
    path = resources.files("lentera.screening").joinpath("data/destination_policy.csv")
    return DestinationPolicyTable._from_csv_rows(
        parse_csv(path.read_bytes(), source=path.name, required=POLICY_COLUMNS), path.name
    )
