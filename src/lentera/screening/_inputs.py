"""Input records and their strict parsing from JSON objects (one JSON Lines record each)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from lentera.screening._codes import (
    LANGS,
    PURPOSES,
    RECRUITERS,
    SECTORS,
    SEXES,
    SOURCES,
    VISA_TYPES,
)
from lentera.screening._errors import InvalidInput

MAX_TEXT_CHARS = 20_000
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class OfferInput:
    """A job offer, chat message or post to screen."""

    text: str
    id: str | None = None
    source: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class DepartureInput:
    """The posko interview of one traveller. ``None`` means the officer could not ask."""

    id: str | None = None
    departure_date: dt.date | None = None
    age: int | None = None
    sex: str | None = None
    destination_country: str | None = None
    stated_purpose: str | None = None
    job_offered: bool | None = None
    job_sector: str | None = None
    employer_known: bool | None = None
    contract_seen: bool | None = None
    salary_promised_idr: int | None = None
    visa_type: str | None = None
    placement_registered: bool | None = None
    recruited_by: str | None = None
    fees_paid_idr: int | None = None
    costs_paid_by_recruiter: bool | None = None
    holds_own_documents: bool | None = None
    accompanied_by_handler: bool | None = None
    group_size: int | None = None
    story_inconsistent: bool | None = None
    parental_consent: bool | None = None
    return_ticket: bool | None = None
    departure_post: str | None = None
    lang: str | None = None

    @property
    def international(self) -> bool | None:
        """True for a trip abroad, False for a domestic trip, None when the country is unknown."""
        if self.destination_country is None:
            return None
        return self.destination_country != "ID"

    @property
    def working(self) -> bool:
        """The traveller expects to work at the destination (offered a job or says so)."""
        return self.job_offered is True or self.stated_purpose == "work"

    @property
    def minor(self) -> bool:
        return self.age is not None and self.age < 18


# --- field readers ----------------------------------------------------------------------------


class _Reader:
    def __init__(self, obj: Mapping[str, object], line: int | None, allowed: frozenset[str]):
        if not isinstance(obj, Mapping):
            raise InvalidInput("record is not a JSON object", line=line)
        for key in obj:
            if not isinstance(key, str) or key not in allowed:
                raise InvalidInput("unknown field", field=str(key), line=line)
        self.obj = obj
        self.line = line

    def fail(self, name: str, message: str) -> InvalidInput:
        return InvalidInput(message, field=name, line=self.line)

    def string(self, name: str, *, required: bool = False, max_len: int = 200) -> str | None:
        value = self.obj.get(name)
        if value is None:
            if required:
                raise self.fail(name, "is required")
            return None
        if not isinstance(value, str):
            raise self.fail(name, f"must be a string, got {type(value).__name__}")
        if len(value) > max_len:
            raise self.fail(name, f"is longer than {max_len} characters")
        return value

    def code(self, name: str, allowed: frozenset[str]) -> str | None:
        value = self.string(name)
        if value is None:
            return None
        if value not in allowed:
            raise self.fail(
                name, f"unknown code {value!r}; expected one of {', '.join(sorted(allowed))}"
            )
        return value

    def boolean(self, name: str) -> bool | None:
        value = self.obj.get(name)
        if value is None:
            return None
        if not isinstance(value, bool):
            raise self.fail(name, f"must be true or false, got {value!r}")
        return value

    def integer(self, name: str, *, low: int, high: int) -> int | None:
        value = self.obj.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            # JSON has one number type; accept 25.0 but not 25.5 or "25".
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                raise self.fail(name, f"must be an integer, got {value!r}")
        if not low <= value <= high:
            raise self.fail(name, f"must be between {low} and {high}, got {value}")
        return value

    def date(self, name: str) -> dt.date | None:
        value = self.string(name, max_len=10)
        if value is None:
            return None
        try:
            if not _DATE.match(value):
                raise ValueError(value)
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(name, f"must be a date YYYY-MM-DD, got {value!r}") from None

    def country(self, name: str) -> str | None:
        value = self.string(name, max_len=2)
        if value is None:
            return None
        if not _COUNTRY.match(value):
            raise self.fail(name, f"must be an ISO 3166 alpha-2 code in capitals, got {value!r}")
        return value

    def identifier(self) -> str | None:
        value = self.obj.get("id")
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail("id", f"must be a string, got {type(value).__name__}")
        return value


_OFFER_FIELDS = frozenset({"id", "text", "source", "lang"})
#: The questions of the posko interview, in the contract's order (``departure_post``, ``id`` and
#: ``lang`` ride along). The one list: the app's columns and forms are built from it.
INTERVIEW_FIELDS: tuple[str, ...] = (
    "departure_date",
    "age",
    "sex",
    "destination_country",
    "stated_purpose",
    "job_offered",
    "job_sector",
    "employer_known",
    "contract_seen",
    "salary_promised_idr",
    "visa_type",
    "placement_registered",
    "recruited_by",
    "fees_paid_idr",
    "costs_paid_by_recruiter",
    "holds_own_documents",
    "accompanied_by_handler",
    "group_size",
    "story_inconsistent",
    "parental_consent",
    "return_ticket",
)
_DEPARTURE_FIELDS = frozenset({"id", *INTERVIEW_FIELDS, "departure_post", "lang"})
_MAX_IDR = 10_000_000_000  # Rp 10 miliar: anything above is a typing error


def parse_offer(obj: Mapping[str, object], *, line: int | None = None) -> OfferInput:
    """Check one offer record against the contract and return it as an :class:`OfferInput`.

    Raises :class:`InvalidInput` naming the field (and ``line`` when given).
    """
    r = _Reader(obj, line, _OFFER_FIELDS)
    text = r.string("text", required=True, max_len=MAX_TEXT_CHARS)
    assert text is not None
    if not text.strip():
        raise r.fail("text", "is empty")
    return OfferInput(
        id=r.identifier(),
        text=text,
        source=r.code("source", SOURCES),
        lang=r.code("lang", LANGS),
    )


def parse_departure(obj: Mapping[str, object], *, line: int | None = None) -> DepartureInput:
    """Check one posko interview against the contract and return a :class:`DepartureInput`.

    Every field but ``id`` may be missing or ``null`` (the officer could not ask). ``job_sector``
    is kept only when ``job_offered`` is true and ``parental_consent`` only for travellers under
    18, as the contract says; elsewhere they are accepted and ignored. Raises
    :class:`InvalidInput` naming the field (and ``line`` when given).
    """
    r = _Reader(obj, line, _DEPARTURE_FIELDS)
    job_offered = r.boolean("job_offered")
    age = r.integer("age", low=0, high=120)
    job_sector = r.code("job_sector", SECTORS)
    parental_consent = r.boolean("parental_consent")
    return DepartureInput(
        id=r.identifier(),
        departure_date=r.date("departure_date"),
        age=age,
        sex=r.code("sex", SEXES),
        destination_country=r.country("destination_country"),
        stated_purpose=r.code("stated_purpose", PURPOSES),
        job_offered=job_offered,
        job_sector=job_sector if job_offered is not False else None,
        employer_known=r.boolean("employer_known"),
        contract_seen=r.boolean("contract_seen"),
        salary_promised_idr=r.integer("salary_promised_idr", low=0, high=_MAX_IDR),
        visa_type=r.code("visa_type", VISA_TYPES),
        placement_registered=r.boolean("placement_registered"),
        recruited_by=r.code("recruited_by", RECRUITERS),
        fees_paid_idr=r.integer("fees_paid_idr", low=0, high=_MAX_IDR),
        costs_paid_by_recruiter=r.boolean("costs_paid_by_recruiter"),
        holds_own_documents=r.boolean("holds_own_documents"),
        accompanied_by_handler=r.boolean("accompanied_by_handler"),
        group_size=r.integer("group_size", low=0, high=10_000),
        story_inconsistent=r.boolean("story_inconsistent"),
        parental_consent=parental_consent if age is None or age < 18 else None,
        return_ticket=r.boolean("return_ticket"),
        departure_post=r.string("departure_post"),
        lang=r.code("lang", LANGS),
    )
