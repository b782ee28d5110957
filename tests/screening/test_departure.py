"""screen_departure: each indicator rule, levels, actions, and the destination-policy table."""

import datetime as dt
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lentera.screening import (
    INDICATOR_CODES,
    DepartureInput,
    DestinationPolicy,
    DestinationPolicyTable,
    PolicyError,
    load_default_policy,
    screen_departure,
)
from lentera.screening._codes import ACTION_CODES, RECRUITERS, SECTORS, VISA_TYPES

LAWFUL = dict(
    departure_date=dt.date(2025, 9, 1),
    age=30,
    sex="female",
    destination_country="HK",
    stated_purpose="work",
    job_offered=True,
    job_sector="domestic_work",
    employer_known=True,
    contract_seen=True,
    salary_promised_idr=9_000_000,
    visa_type="work",
    placement_registered=True,
    recruited_by="licensed_agency",
    fees_paid_idr=0,
    costs_paid_by_recruiter=False,
    holds_own_documents=True,
    accompanied_by_handler=False,
    group_size=0,
    story_inconsistent=False,
)
HOLIDAY = dict(
    departure_date=dt.date(2025, 12, 1),
    age=35,
    sex="male",
    destination_country="SG",
    stated_purpose="tourism",
    job_offered=False,
    visa_type="not_needed",
    recruited_by="none",
    holds_own_documents=True,
    return_ticket=True,
)


def screen(base: dict, **changes) -> object:
    return screen_departure(DepartureInput(id="t", **{**base, **changes}))


def codes(result) -> set[str]:
    return {i.code for i in result.indicators}


def test_lawful_placement_and_holiday_are_allowed():
    for base in (LAWFUL, HOLIDAY):
        result = screen(base)
        assert (result.level, result.actions, result.indicators) == ("low", ("allow",), ())


# indicator -> (profile that shows it, same profile without it)
RULES = {
    "child_work": ((LAWFUL, {"age": 16}), (LAWFUL, {"age": 18})),
    "child_with_handler": (
        (HOLIDAY, {"age": 12, "parental_consent": True, "accompanied_by_handler": True}),
        (HOLIDAY, {"age": 12, "parental_consent": True}),
    ),
    "child_without_consent": (
        (HOLIDAY, {"age": 13, "parental_consent": False}),
        (HOLIDAY, {"age": 13, "parental_consent": True}),
    ),
    "child_consent_unknown": ((HOLIDAY, {"age": 13}), (HOLIDAY, {"age": 18})),
    "destination_no_agreement": (
        (LAWFUL, {"destination_country": "KH", "job_sector": "office"}),
        (HOLIDAY, {"destination_country": "KH"}),  # tourism: the policy is about work
    ),
    "domestic_worker_ban": (
        (LAWFUL, {"destination_country": "KW"}),
        (LAWFUL, {"destination_country": "KW", "job_sector": "construction"}),
    ),
    "domestic_work_ban_country": (
        (LAWFUL, {"destination_country": "QA", "job_sector": "unknown"}),
        (LAWFUL, {"destination_country": "QA", "job_sector": "construction"}),
    ),
    "destination_unlisted": (
        (LAWFUL, {"destination_country": "AU", "job_sector": "care"}),
        (LAWFUL, {"destination_country": "TW", "job_sector": "care"}),
    ),
    "no_work_visa": ((LAWFUL, {"visa_type": "tourist"}), (LAWFUL, {})),
    "purpose_mismatch": ((LAWFUL, {"stated_purpose": "family_visit"}), (LAWFUL, {})),
    "not_registered": (
        (LAWFUL, {"placement_registered": False}),
        (LAWFUL, {"placement_registered": None}),
    ),
    "unlicensed_recruiter": (
        (LAWFUL, {"recruited_by": "individual_agent"}),
        (LAWFUL, {"recruited_by": "government_programme"}),
    ),
    "recruited_by_acquaintance": (
        (LAWFUL, {"recruited_by": "friend_or_relative"}),
        (LAWFUL, {}),
    ),
    "employer_unknown": ((LAWFUL, {"employer_known": False}), (LAWFUL, {})),
    "no_contract": ((LAWFUL, {"contract_seen": False}), (LAWFUL, {"contract_seen": None})),
    "recruiter_paid_costs": ((LAWFUL, {"costs_paid_by_recruiter": True}), (LAWFUL, {})),
    "fees_paid": ((LAWFUL, {"fees_paid_idr": 5_000_000}), (LAWFUL, {"fees_paid_idr": 0})),
    "documents_held": ((HOLIDAY, {"holds_own_documents": False}), (HOLIDAY, {})),
    "handler_present": ((HOLIDAY, {"accompanied_by_handler": True}), (HOLIDAY, {})),
    "group_recruitment": (
        (LAWFUL, {"recruited_by": "individual_agent", "group_size": 4}),
        (LAWFUL, {"group_size": 4}),  # groups through a licensed agency are normal
    ),
    "large_group_recruitment": (
        (LAWFUL, {"recruited_by": "individual_agent", "group_size": 12}),
        (LAWFUL, {"recruited_by": "individual_agent", "group_size": 4}),
    ),
    "story_inconsistent": ((HOLIDAY, {"story_inconsistent": True}), (HOLIDAY, {})),
    "sector_entertainment": ((LAWFUL, {"job_sector": "entertainment"}), (LAWFUL, {})),
    "sector_fishing": ((LAWFUL, {"job_sector": "fishing"}), (LAWFUL, {})),
    "sector_unknown": ((LAWFUL, {"job_sector": "unknown"}), (LAWFUL, {})),
    "salary_too_good": (
        (LAWFUL, {"placement_registered": False, "salary_promised_idr": 15_000_000}),
        (LAWFUL, {"salary_promised_idr": 15_000_000}),
    ),
    "no_return_ticket": ((HOLIDAY, {"return_ticket": False}), (HOLIDAY, {})),
    "trip_to_no_agreement_country": (
        (HOLIDAY, {"destination_country": "KH", "costs_paid_by_recruiter": True}),
        (HOLIDAY, {"destination_country": "KH"}),
    ),
}


def test_every_indicator_has_a_rule_test():
    assert set(RULES) | {"destination_closed"} == set(INDICATOR_CODES)


@pytest.mark.parametrize("code", sorted(RULES))
def test_indicator_rule(code):
    (hit_base, hit), (miss_base, miss) = RULES[code]
    result = screen(hit_base, **hit)
    assert code in codes(result)
    reason = next(i.reason for i in result.indicators if i.code == code)
    assert reason and "{" not in reason
    assert code not in codes(screen(miss_base, **miss))


def test_closed_destination_from_an_edited_policy():
    table = DestinationPolicyTable.from_rows(
        [
            {
                "country": "HK",
                "sector": "domestic_work",
                "status": "closed",
                "legal_basis": "Kepmen X/2030",
                "valid_from": "2030-01-01",
                "note": "",
            }
        ]
    )
    dep = DepartureInput(**{**LAWFUL, "departure_date": dt.date(2030, 2, 1)})
    result = screen_departure(dep, policy=table)
    assert result.level == "high" and "destination_closed" in codes(result)
    assert "Kepmen X/2030" in result.indicators[0].reason
    before = DepartureInput(**{**LAWFUL, "departure_date": dt.date(2029, 12, 31)})
    assert "destination_closed" not in codes(screen_departure(before, policy=table))


def test_domestic_trip_never_asks_for_a_departure_delay():
    result = screen(
        LAWFUL,
        destination_country="ID",
        age=16,
        accompanied_by_handler=True,
        holds_own_documents=False,
    )
    assert result.level == "high"
    assert "request_departure_delay" not in result.actions
    assert {"refer_child_protection", "refer_police", "counsel", "verify_documents"} <= set(
        result.actions
    )


def test_actions_are_ordered_most_urgent_first():
    result = screen(LAWFUL, age=16, destination_country="MY", holds_own_documents=False)
    order = list(ACTION_CODES)
    urgent = ["refer_child_protection", "request_departure_delay", "refer_police", "open_case"]
    assert list(result.actions[:4]) == urgent
    assert "allow" not in result.actions and order


def test_english_reasons():
    result = screen_departure(DepartureInput(**{**LAWFUL, "destination_country": "KH"}), lang="en")
    assert "Cambodia" in result.indicators[0].reason


def test_to_dict_is_exactly_the_contract_object():
    out = screen(LAWFUL, fees_paid_idr=2_500_000).to_dict()
    assert list(out) == ["id", "risk", "level", "indicators", "actions"]
    assert out["indicators"] == [
        {"code": "fees_paid", "reason": "Membayar Rp2.500.000 kepada perekrut."}
    ]


@settings(max_examples=150, deadline=None)
@given(
    age=st.integers(min_value=0, max_value=17),
    country=st.sampled_from(["ID", "MY", "HK", "SA", "KH", "TW", "JP"]),
    sector=st.sampled_from(sorted(SECTORS)),
    visa=st.sampled_from(sorted(VISA_TYPES)),
    recruiter=st.sampled_from(sorted(RECRUITERS)),
    registered=st.booleans(),
    consent=st.one_of(st.none(), st.booleans()),
)
def test_a_child_travelling_for_work_is_always_high(
    age, country, sector, visa, recruiter, registered, consent
):
    dep = DepartureInput(
        age=age,
        destination_country=country,
        stated_purpose="work",
        job_offered=True,
        job_sector=sector,
        visa_type=visa,
        recruited_by=recruiter,
        placement_registered=registered,
        employer_known=True,
        contract_seen=True,
        holds_own_documents=True,
        parental_consent=consent,
    )
    result = screen_departure(dep)
    assert result.level == "high"
    assert "refer_child_protection" in result.actions


@settings(max_examples=100, deadline=None)
@given(
    flags=st.fixed_dictionaries(
        {
            k: st.one_of(st.none(), st.booleans())
            for k in (
                "employer_known",
                "contract_seen",
                "placement_registered",
                "costs_paid_by_recruiter",
                "holds_own_documents",
                "accompanied_by_handler",
                "story_inconsistent",
                "return_ticket",
            )
        }
    )
)
def test_risk_level_and_actions_are_consistent(flags):
    result = screen(LAWFUL, **flags)
    assert 0.0 <= result.risk <= 1.0
    assert ("allow" in result.actions) == (result.level == "low")
    assert set(result.actions) <= set(ACTION_CODES)


# --- destination policy -----------------------------------------------------------------------


def test_default_policy_has_the_reference_rows():
    table = load_default_policy()
    bans = [p for p in table if p.status == "domestic_worker_ban"]
    assert len(bans) >= 21 and all(p.sector == "domestic_work" for p in bans)
    for code in ("KH", "MM", "TH", "LA"):
        assert table.lookup(code, "office").status == "no_agreement"
    assert "UNVERIFIED" in table.lookup("LA").note
    for code in ("MY", "TW", "HK", "KR", "JP"):
        assert table.lookup(code, "manufacturing").status == "open"
    assert table.lookup("KW", "construction") is None


def test_policy_lookup_prefers_sector_and_latest_valid_row():
    table = DestinationPolicyTable(
        [
            DestinationPolicy("MY", "*", "open", "a", dt.date(2017, 1, 1)),
            DestinationPolicy("MY", "*", "closed", "b", dt.date(2030, 1, 1)),
            DestinationPolicy("MY", "domestic_work", "closed", "c", dt.date(2020, 1, 1)),
        ]
    )
    assert table.lookup("MY", "plantation", dt.date(2025, 1, 1)).legal_basis == "a"
    assert table.lookup("MY", "plantation", dt.date(2031, 1, 1)).legal_basis == "b"
    assert table.lookup("MY", "domestic_work", dt.date(2025, 1, 1)).legal_basis == "c"
    assert table.lookup("MY", "domestic_work", dt.date(2019, 1, 1)).legal_basis == "a"
    assert len(table) == 3 and table.countries() == {"MY"}


def test_policy_from_csv_and_errors_name_row_and_column():
    good = "country,sector,status,legal_basis,valid_from,note\nKH,*,no_agreement,x,2025-04-01,\n"
    assert len(DestinationPolicyTable.from_csv(io.StringIO(good))) == 1
    with pytest.raises(PolicyError, match="missing columns: note"):
        DestinationPolicyTable.from_csv(
            io.StringIO("country,sector,status,legal_basis,valid_from\n")
        )
    bad_date = good.replace("2025-04-01", "01/04/2025")
    with pytest.raises(PolicyError) as err:
        DestinationPolicyTable.from_csv(io.StringIO(bad_date))
    assert (err.value.row, err.value.field) == (1, "valid_from")
    with pytest.raises(PolicyError, match="unknown status"):
        DestinationPolicyTable.from_rows([{"country": "KH", "sector": "*", "status": "maybe"}])
    with pytest.raises(PolicyError, match="unknown sector"):
        DestinationPolicyTable.from_rows([{"country": "KH", "sector": "mining", "status": "open"}])
    with pytest.raises(PolicyError, match="ISO alpha-2"):
        DestinationPolicyTable.from_rows([{"country": "KHM", "sector": "*", "status": "open"}])
    with pytest.raises(PolicyError, match="is required"):
        DestinationPolicyTable.from_rows([{"country": "KH", "sector": "*"}])


def test_policy_rows_may_come_from_a_database_with_dates():
    rows = [
        {
            "country": "kh",
            "sector": "*",
            "status": "no_agreement",
            "legal_basis": "db",
            "valid_from": dt.date(2017, 11, 22),
            "note": None,
        }
    ]
    table = DestinationPolicyTable.from_rows(rows)
    assert table.lookup("KH").valid_from == dt.date(2017, 11, 22)
