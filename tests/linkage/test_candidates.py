"""Search before create: the probe's own records come first, strangers not at all."""

from __future__ import annotations

from datetime import date

import pytest

from lentera.linkage import CandidateMatch, InvalidInput, PersonRecord, candidate_matches

POOL = [
    PersonRecord(id="10", name="Muhammad Rizky", birth_date=date(1994, 3, 12),
                 national_id="5371011203940001", phone="0812-3456-7890"),
    PersonRecord(id="11", name="Maria Goreti Lado", birth_date=date(1988, 1, 30),
                 phone="0813 2222 3333", address="Jl. Frans Seda 10, Fatululi"),
    PersonRecord(id="12", name="Yohanes Lado", birth_date=date(1991, 6, 2),
                 phone="0813 2222 3333", address="Jl. Frans Seda 10, Fatululi"),
    PersonRecord(id="13", name="Siti Aminah", birth_date=date(1979, 8, 17)),
]  # fmt: skip


def test_probe_finds_its_record_first() -> None:
    probe = PersonRecord(id="new", name="M. Rizki", birth_date=date(1994, 3, 12),
                         phone="+62 812 3456 7890")  # fmt: skip
    found = candidate_matches(probe, POOL)
    assert found[0].record_id == "10"
    assert found[0].probability > 0.9
    assert isinstance(found[0], CandidateMatch)
    assert any(reason.startswith("same phone") for reason in found[0].reasons)
    assert "13" not in {match.record_id for match in found}


def test_sibling_ranks_below_the_person() -> None:
    probe = PersonRecord(id="new", name="Lado, Maria", birth_date=date(1988, 1, 30),
                         phone="081322223333")  # fmt: skip
    found = candidate_matches(probe, POOL, limit=2, min_probability=0.0)
    assert found[0].record_id == "11"
    assert len(found) <= 2


def test_empty_pool_and_bad_limit() -> None:
    probe = PersonRecord(id="new", name="Budi")
    assert candidate_matches(probe, []) == []
    with pytest.raises(InvalidInput, match="limit"):
        candidate_matches(probe, POOL, limit=0)
