from __future__ import annotations

from typing import Any

MASK = "•••"


class Sealed:
    """An identity value that does not show itself.

    ``str()``, ``repr()`` and ``format()`` give :data:`MASK`; equality compares the sealed values so
    that change detection still works. Call :meth:`unseal` (only identity services should) to get
    the value.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def unseal(self) -> str:
        return self._value

    def __str__(self) -> str:
        return MASK if self._value else ""

    def __repr__(self) -> str:
        return f"Sealed({MASK})"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sealed):
            return self._value == other._value
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("sealed", self._value))

    def __reduce__(self) -> tuple[Any, ...]:
        # Never let a sealed value travel unsealed through pickling (cache, sessions).
        raise TypeError("Sealed values cannot be pickled")


def unseal(value: Sealed | str | None) -> str:
    """The plain value of a sealed or plain string ('' for None)."""
    if value is None:
        return ""
    if isinstance(value, Sealed):
        return value.unseal()
    return value
