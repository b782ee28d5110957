"""Exceptions raised by :mod:`lentera.linkage`."""

from __future__ import annotations


class LinkageError(Exception):
    """Base class of every error raised by :mod:`lentera.linkage`."""


class InvalidInput(LinkageError, ValueError):
    """Input records cannot be linked as given.

    ``source`` is the file (or source) name, ``line`` the 1-based line in that file (the
    header is line 1) or None, ``field`` the column at fault or None. The message names all
    three so that a person can fix the file.
    """

    def __init__(
        self, message: str, *, source: str = "", line: int | None = None, field: str | None = None
    ) -> None:
        where = source
        if line is not None:
            where = f"{where}, line {line}" if where else f"line {line}"
        if field:
            where = f"{where}, column {field!r}" if where else f"column {field!r}"
        super().__init__(f"{where}: {message}" if where else message)
        self.source = source
        self.line = line
        self.field = field


class ModelError(LinkageError):
    """The saved linkage model is missing, of another version, or does not fit the code."""


class BackendUnavailable(LinkageError):
    """The requested backend cannot run here (for example pyspark or Java is missing)."""
