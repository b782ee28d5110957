"""Exceptions raised by :mod:`lentera.idn`."""

from __future__ import annotations


class IdnError(Exception):
    """Base class of every error raised by :mod:`lentera.idn`."""


class InvalidNik(IdnError, ValueError):
    """A value is not a well-formed NIK.

    ``code`` names the rule that failed: ``length``, ``digits``, ``province``, ``month``,
    ``day``, ``date`` or ``serial``.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class InvalidPhone(IdnError, ValueError):
    """A value cannot be read as a telephone number.

    ``code`` is ``empty`` (nothing that looks like a number), ``unparsable`` (the digits do
    not form a number in any known plan) or ``invalid`` (a number, but not a valid one).
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class InvalidDate(IdnError, ValueError):
    """A value is not a real date in one of the accepted forms."""
