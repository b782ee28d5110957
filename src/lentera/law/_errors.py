"""Exceptions raised by :mod:`lentera.law`."""

from __future__ import annotations


class LawError(Exception):
    """Base class of every error the qualification engine raises."""


class InvalidFacts(LawError, ValueError):
    """Case facts that cannot be read: an unknown field or code, a wrong type or a bad date.

    ``field`` is the path of the offending value (``"acts[1]"``, ``"victims[0].citizenship"``);
    ``index`` is the position of the case in a batch, or ``None`` for a single case.
    """

    def __init__(self, field: str, problem: str, *, index: int | None = None) -> None:
        self.field = field
        self.problem = problem
        self.index = index
        super().__init__(self._render())

    def _render(self) -> str:
        parts = [] if self.index is None else [f"case {self.index}"]
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts or ["case"]) + f": {self.problem}"

    def at(self, index: int | None) -> InvalidFacts:
        """The same error, placed at case ``index`` of a batch."""
        return InvalidFacts(self.field, self.problem, index=index)


class InvalidSettings(LawError, ValueError):
    """An :class:`~lentera.law.EngineSettings` value outside its documented choices."""


class LawDataError(LawError):
    """A shipped law table is inconsistent (a bug in the package, never in the input)."""
