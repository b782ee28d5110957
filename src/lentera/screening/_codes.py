"""Codes fixed by the screening contract (``shared/contracts/screening.md``), listed once."""

from __future__ import annotations

from typing import Final, Literal

Level = Literal["high", "medium", "low"]
LEVELS: Final[tuple[Level, ...]] = ("low", "medium", "high")
LANGS: Final[frozenset[str]] = frozenset({"id", "en"})
DEFAULT_LANG: Final = "id"

# --- job offers -------------------------------------------------------------------------------
SOURCES: Final[frozenset[str]] = frozenset(
    {"facebook", "instagram", "tiktok", "whatsapp", "telegram", "michat", "website", "sms", "other"}
)

FLAG_CODES: Final[tuple[str, ...]] = (
    "pay_too_high",
    "no_skills_needed",
    "few_documents",
    "costs_covered",
    "fee_or_debt",
    "tourist_visa",
    "risky_destination",
    "scam_job_role",
    "urgent_departure",
    "private_channel",
    "unlicensed_recruiter",
    "transit_route",
    "minor_targeted",
    "sexual_service",
    "document_retention",
    "secrecy",
    "vague_employer",
)

# --- departures -------------------------------------------------------------------------------
SEXES: Final[frozenset[str]] = frozenset({"female", "male"})
PURPOSES: Final[frozenset[str]] = frozenset(
    {"work", "tourism", "family_visit", "study", "pilgrimage", "other"}
)
SECTORS: Final[frozenset[str]] = frozenset(
    {
        "domestic_work",
        "plantation",
        "construction",
        "manufacturing",
        "hospitality",
        "entertainment",
        "fishing",
        "office",
        "care",
        "other",
        "unknown",
    }
)
VISA_TYPES: Final[frozenset[str]] = frozenset(
    {"work", "tourist", "visit", "pilgrimage", "student", "none", "not_needed"}
)
RECRUITERS: Final[frozenset[str]] = frozenset(
    {
        "licensed_agency",
        "government_programme",
        "individual_agent",
        "travel_agency",
        "friend_or_relative",
        "online_contact",
        "self",
        "none",
    }
)
ACTION_CODES: Final[tuple[str, ...]] = (
    "allow",
    "counsel",
    "verify_documents",
    "refer_manpower",
    "request_departure_delay",
    "refer_child_protection",
    "refer_police",
    "open_case",
)

# --- destination policy -----------------------------------------------------------------------
POLICY_STATUSES: Final[frozenset[str]] = frozenset(
    {"open", "closed", "no_agreement", "domestic_worker_ban"}
)
DOMESTIC_COUNTRY: Final = "ID"
