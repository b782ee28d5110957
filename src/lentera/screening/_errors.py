"""Exceptions raised by :mod:`lentera.screening`."""

from __future__ import annotations


class ScreeningError(Exception):
    """Base of every error raised by the screening core."""


class InvalidInput(ScreeningError, ValueError):
    """An input record is not valid.

    ``field`` names the offending field (``None`` when the whole record is wrong, e.g. not a JSON
    object) and ``line`` the 1-based input line when the record came from a JSON Lines file.
    """

    def __init__(self, message: str, *, field: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.field = field
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field is not None:
            where.append(f"field {self.field!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class PolicyError(ScreeningError, ValueError):
    """A destination-policy row or file is not valid.

    ``row`` is the 1-based row (header excluded); a table read from a CSV file also names the
    file (``source``) and the ``line`` the row starts on (the header is line 1).
    """

    def __init__(
        self,
        message: str,
        *,
        row: int | None = None,
        field: str | None = None,
        source: str | None = None,
        line: int | None = None,
    ) -> None:
        self.message = message
        self.row = row
        self.field = field
        self.source = source
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = [self.source] if self.source else []
        if self.line is not None:
            where.append(f"line {self.line}")
        elif self.row is not None:
            where.append(f"row {self.row}")
        if self.field is not None:
            where.append(f"column {self.field!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class ModelError(ScreeningError):
    """The shipped offer model or a rules/advice data file is missing or inconsistent."""
