"""Case facts: the typed input of the engine, and the strict reader of its JSON form.

The JSON form is fixed by ``contracts/qualify.md``. Every field is optional; unknown fields and
unknown codes are errors, because a typo must never silently change a legal answer. ``null`` is
read as "absent" everywhere (and, for ``age_at_offence``, as "age not recorded").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from types import MappingProxyType
from typing import Any

import pycountry

from ._codes import (
    ACTS,
    HARMS,
    MEANS,
    MOVEMENTS,
    OBSTRUCTION_HARMS,
    OBSTRUCTIONS,
    PARTICIPATION,
    PERPETRATOR_KINDS,
    PLACEMENT_FLAGS,
    PURPOSES,
    UNKNOWN_ELEMENTS,
    USES_OF_VICTIM,
)
from ._errors import InvalidFacts

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_AGE = 130


def _codes(field_name: str, values: Iterable[str], allowed: tuple[str, ...]) -> tuple[str, ...]:
    """``values`` deduplicated and put in vocabulary order; raise on a code outside ``allowed``."""
    seen = set()
    for position, value in enumerate(values):
        if value not in allowed:
            raise InvalidFacts(
                f"{field_name}[{position}]",
                f"unknown code {value!r}; expected one of: {', '.join(allowed)}",
            )
        seen.add(value)
    return tuple(code for code in allowed if code in seen)


def _country(field_name: str, value: str | None) -> str | None:
    """An ISO 3166 alpha-2 code in upper case, or ``None``; raise on anything else."""
    if value is None:
        return None
    code = value.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise InvalidFacts(field_name, f"unknown country code {value!r}; expected ISO 3166 alpha-2")
    return code


@dataclass(frozen=True)
class Victim:
    """One victim: age at the time of the offence, citizenship, and the harms suffered."""

    age_at_offence: int | None = None
    citizenship: str | None = None
    harms: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        age = self.age_at_offence
        if age is not None and not 0 <= age <= _MAX_AGE:
            raise InvalidFacts("age_at_offence", f"age {age} is outside 0..{_MAX_AGE}")
        object.__setattr__(self, "citizenship", _country("citizenship", self.citizenship))
        object.__setattr__(self, "harms", _codes("harms", self.harms, HARMS))

    @property
    def is_child(self) -> bool:
        """Under 18 at the time of the offence (UU 21/2007 Pasal 1 angka 5)."""
        return self.age_at_offence is not None and self.age_at_offence < 18


@dataclass(frozen=True)
class Perpetrator:
    """One perpetrator: an individual or a corporation, and whether a state official who
    abused their position."""

    kind: str = "individual"
    state_official: bool = False
    abused_position: bool = False

    def __post_init__(self) -> None:
        if self.kind not in PERPETRATOR_KINDS:
            raise InvalidFacts(
                "kind",
                f"unknown code {self.kind!r}; expected one of: {', '.join(PERPETRATOR_KINDS)}",
            )


@dataclass(frozen=True)
class Placement:
    """Labour-migration facts that bear on UU 18/2017 (migrant-worker law) offences.

    The first four flags are the contract's; the others (``false_data`` ... ``no_sip2mi``) reach
    the remaining offences of UU 18/2017 Pasal 79-86 (see ``FACT_CODES["placement"]``).
    """

    destination_country: str | None = None
    by_individual: bool = False
    underage: bool = False
    requirements_unmet: bool = False
    closed_country: bool = False
    false_data: bool = False
    unlawful_job: bool = False
    official_dispatch: bool = False
    job_mismatch: bool = False
    licence_transferred: bool = False
    costs_charged: bool = False
    no_sip2mi: bool = False

    def __post_init__(self) -> None:
        code = _country("destination_country", self.destination_country)
        object.__setattr__(self, "destination_country", code)

    @property
    def flags(self) -> tuple[str, ...]:
        """The flags that are set, in vocabulary order."""
        return tuple(flag for flag in PLACEMENT_FLAGS if getattr(self, flag))


@dataclass(frozen=True)
class CaseFacts:
    """The facts of one case, as the contract's input object describes them.

    Lists are kept deduplicated in vocabulary order, so two equal sets of facts compare equal.
    ``movement=None`` means "not given" and counts as ``"none"`` unless ``"movement"`` is listed
    in ``unknown``.
    """

    id: str | None = None
    offence_date: date | None = None
    acts: tuple[str, ...] = ()
    means: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    exploitation_occurred: bool = False
    movement: str | None = None
    victims: tuple[Victim, ...] = ()
    perpetrators: tuple[Perpetrator, ...] = ()
    organised_group: bool = False
    adoption_with_payment: bool = False
    document_forgery: bool = False
    illegal_entry_for_profit: bool = False
    incitement_without_offence: bool = False
    unknown: tuple[str, ...] = ()
    placement: Placement | None = field(default=None)
    participation: str = "principal"
    use_of_victim: tuple[str, ...] = ()
    obstruction: tuple[str, ...] = ()
    obstruction_harm: str = "none"

    def __post_init__(self) -> None:
        for name, allowed in (
            ("acts", ACTS),
            ("means", MEANS),
            ("purposes", PURPOSES),
            ("unknown", UNKNOWN_ELEMENTS),
            ("use_of_victim", USES_OF_VICTIM),
            ("obstruction", OBSTRUCTIONS),
        ):
            object.__setattr__(self, name, _codes(name, getattr(self, name), allowed))
        if self.movement is not None and self.movement not in MOVEMENTS:
            raise InvalidFacts(
                "movement",
                f"unknown code {self.movement!r}; expected one of: {', '.join(MOVEMENTS)}",
            )
        for name, allowed in (
            ("participation", PARTICIPATION),
            ("obstruction_harm", OBSTRUCTION_HARMS),
        ):
            if getattr(self, name) not in allowed:
                raise InvalidFacts(
                    name,
                    f"unknown code {getattr(self, name)!r}; expected one of: {', '.join(allowed)}",
                )
        object.__setattr__(self, "victims", tuple(self.victims))
        object.__setattr__(self, "perpetrators", tuple(self.perpetrators))

    def is_unknown(self, element: str) -> bool:
        """Whether the officer listed ``element`` as not known yet."""
        return element in self.unknown

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON input object for these facts (defaults left out)."""
        out: dict[str, Any] = {}
        for spec in fields(self):
            value = getattr(self, spec.name)
            if value == spec.default:
                continue
            if isinstance(value, date):
                out[spec.name] = value.isoformat()
            elif isinstance(value, tuple):
                out[spec.name] = [_plain(item) for item in value]
            else:
                out[spec.name] = _plain(value)
        return out


def _plain(value: object) -> Any:
    """A dataclass as a dict of its non-default fields; other values unchanged."""
    if isinstance(value, Victim | Perpetrator | Placement):
        out: dict[str, Any] = {}
        for spec in fields(value):
            item = getattr(value, spec.name)
            if item != spec.default or spec.name == "age_at_offence":
                out[spec.name] = list(item) if isinstance(item, tuple) else item
        return out
    return value


# -- reading the JSON form -------------------------------------------------------------------


class _Reader:
    """Reads one JSON object field by field, naming the path of every problem."""

    def __init__(self, obj: object, path: str) -> None:
        if not isinstance(obj, Mapping):
            raise InvalidFacts(path, f"expected a JSON object, got {_kind(obj)}")
        self.obj: Mapping[str, object] = obj
        self.path = path

    def where(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def reject_unknown(self, known: Iterable[str]) -> None:
        allowed = set(known)
        for name in self.obj:
            if name not in allowed:
                raise InvalidFacts(
                    self.where(str(name)),
                    f"unknown field; expected one of: {', '.join(sorted(allowed))}",
                )

    def get(self, name: str) -> object:
        return self.obj.get(name)

    def string(self, name: str) -> str | None:
        value = self.get(name)
        if value is None or isinstance(value, str):
            return value
        raise InvalidFacts(self.where(name), f"expected a string, got {_kind(value)}")

    def boolean(self, name: str) -> bool:
        value = self.get(name)
        if value is None:
            return False
        if isinstance(value, bool):
            return value
        raise InvalidFacts(self.where(name), f"expected true or false, got {_kind(value)}")

    def items(self, name: str) -> list[object]:
        value = self.get(name)
        if value is None:
            return []
        if isinstance(value, list):
            return value
        raise InvalidFacts(self.where(name), f"expected a list, got {_kind(value)}")

    def strings(self, name: str) -> list[str]:
        out = []
        for position, item in enumerate(self.items(name)):
            if not isinstance(item, str):
                raise InvalidFacts(
                    f"{self.where(name)}[{position}]", f"expected a string, got {_kind(item)}"
                )
            out.append(item)
        return out

    def codes(self, name: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        try:
            return _codes(name, self.strings(name), allowed)
        except InvalidFacts as error:
            raise InvalidFacts(self.where(error.field), error.problem) from None

    def country(self, name: str) -> str | None:
        return _country(self.where(name), self.string(name))

    def day(self, name: str) -> date | None:
        text = self.string(name)
        if text is None:
            return None
        if not _DATE.fullmatch(text):
            raise InvalidFacts(self.where(name), f"expected a date as YYYY-MM-DD, got {text!r}")
        try:
            return date.fromisoformat(text)
        except ValueError as error:
            raise InvalidFacts(self.where(name), f"{text!r} is not a real date ({error})") from None


def _kind(value: object) -> str:
    """The JSON name of ``value``'s type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    if isinstance(value, str):
        return f"a string ({value!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__  # pragma: no cover - JSON has no other types


def _victim(reader: _Reader) -> Victim:
    reader.reject_unknown(("age_at_offence", "citizenship", "harms"))
    age = reader.get("age_at_offence")
    if age is not None and (isinstance(age, bool) or not isinstance(age, int)):
        raise InvalidFacts(
            reader.where("age_at_offence"), f"expected a whole number or null, got {_kind(age)}"
        )
    if age is not None and not 0 <= age <= _MAX_AGE:
        raise InvalidFacts(reader.where("age_at_offence"), f"age {age} is outside 0..{_MAX_AGE}")
    return Victim(
        age_at_offence=age,
        citizenship=reader.country("citizenship"),
        harms=reader.codes("harms", HARMS),
    )


def _perpetrator(reader: _Reader) -> Perpetrator:
    reader.reject_unknown(("kind", "state_official", "abused_position"))
    kind = reader.string("kind") or "individual"
    if kind not in PERPETRATOR_KINDS:
        raise InvalidFacts(
            reader.where("kind"),
            f"unknown code {kind!r}; expected one of: {', '.join(PERPETRATOR_KINDS)}",
        )
    return Perpetrator(
        kind=kind,
        state_official=reader.boolean("state_official"),
        abused_position=reader.boolean("abused_position"),
    )


def _placement(reader: _Reader) -> Placement:
    reader.reject_unknown(("destination_country", *PLACEMENT_FLAGS))
    return Placement(
        destination_country=reader.country("destination_country"),
        **{flag: reader.boolean(flag) for flag in PLACEMENT_FLAGS},
    )


_FLAGS = (
    "exploitation_occurred",
    "organised_group",
    "adoption_with_payment",
    "document_forgery",
    "illegal_entry_for_profit",
    "incitement_without_offence",
)
_FIELDS = (
    "id",
    "offence_date",
    "acts",
    "means",
    "purposes",
    "movement",
    "victims",
    "perpetrators",
    "unknown",
    "placement",
    "participation",
    "use_of_victim",
    "obstruction",
    "obstruction_harm",
    *_FLAGS,
)


#: Every field of the input object (contracts/qualify.md, versions 1 and 2), top level first,
#: then the fields of one victim, one perpetrator and the placement object.
INPUT_FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "": tuple(sorted(_FIELDS)),
        "victims": ("age_at_offence", "citizenship", "harms"),
        "perpetrators": ("kind", "state_official", "abused_position"),
        "placement": ("destination_country", *PLACEMENT_FLAGS),
    }
)


def parse_facts(obj: Mapping[str, object], *, index: int | None = None) -> CaseFacts:
    """Read one case from its JSON object (as ``json.loads`` returns it).

    Raises :class:`InvalidFacts` naming the field (and ``index``, the case's position in a
    batch, when given) for an unknown field or code, a value of the wrong type, or a bad date.
    """
    try:
        return _parse(obj)
    except InvalidFacts as error:
        raise error.at(index) from None


def _parse(obj: object) -> CaseFacts:
    reader = _Reader(obj, "")
    reader.reject_unknown(_FIELDS)
    movement = reader.string("movement")
    if movement is not None and movement not in MOVEMENTS:
        raise InvalidFacts(
            "movement", f"unknown code {movement!r}; expected one of: {', '.join(MOVEMENTS)}"
        )
    single: dict[str, str] = {}
    for name, allowed, default in (
        ("participation", PARTICIPATION, "principal"),
        ("obstruction_harm", OBSTRUCTION_HARMS, "none"),
    ):
        value = reader.string(name)
        if value is not None and value not in allowed:
            raise InvalidFacts(
                name, f"unknown code {value!r}; expected one of: {', '.join(allowed)}"
            )
        single[name] = value or default
    placement = reader.get("placement")
    facts = CaseFacts(
        id=reader.string("id"),
        offence_date=reader.day("offence_date"),
        acts=reader.codes("acts", ACTS),
        means=reader.codes("means", MEANS),
        purposes=reader.codes("purposes", PURPOSES),
        movement=movement,
        victims=tuple(
            _victim(_Reader(item, f"victims[{n}]"))
            for n, item in enumerate(reader.items("victims"))
        ),
        perpetrators=tuple(
            _perpetrator(_Reader(item, f"perpetrators[{n}]"))
            for n, item in enumerate(reader.items("perpetrators"))
        ),
        unknown=reader.codes("unknown", UNKNOWN_ELEMENTS),
        placement=None if placement is None else _placement(_Reader(placement, "placement")),
        use_of_victim=reader.codes("use_of_victim", USES_OF_VICTIM),
        obstruction=reader.codes("obstruction", OBSTRUCTIONS),
        participation=single["participation"],
        obstruction_harm=single["obstruction_harm"],
        **{flag: reader.boolean(flag) for flag in _FLAGS},
    )
    return facts
