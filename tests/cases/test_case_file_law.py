"""The case file gives the engine everything (issue #13, item 3).

Two checks: every field of the qualification contract, and every code of its vocabularies, can
be set from the case file through the services (facts form, parties, journey legs, victims'
identification) and reaches the engine through ``case_facts_for_law``; and each public example
(contract versions 1 and 2), built as a case file, gets the same answer as the CLI.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pycountry
import pytest

from lentera.apps.cases import selectors, services
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.cases.selectors import ADOPTION, PURPOSE_OF
from lentera.apps.people.services import person_create
from lentera.apps.reference.models import Country
from lentera.law import FACT_CODES, INPUT_FIELDS, parse_facts, qualify

pytestmark = pytest.mark.django_db

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CONTRACT = SHARED / "contracts" / "qualify.md"
EXAMPLES = SHARED / "examples" / "qualify"
JUDGED_ON = date(2026, 11, 23)
TYPE_OF = {purpose: kind for kind, purpose in PURPOSE_OF.items()}


def country(code: str) -> Country:
    found = pycountry.countries.get(alpha_2=code)
    made, _ = Country.objects.get_or_create(
        code=code, defaults={"alpha3": found.alpha_3, "name_en": found.name, "name_id": found.name}
    )
    return made


def build(cast: Any, regions: dict[str, Any], facts: dict[str, Any]) -> tuple[Case, Any]:
    """The case file an officer would record for the contract object ``facts``, written through
    the services only; returns the case and the suspect assessed (``None``: the whole case)."""
    actor = cast.kupang_police_investigator
    unknown = set(facts.get("unknown", []))
    purposes = facts.get("purposes", [])
    types = [TYPE_OF[p] for p in purposes]
    if facts.get("adoption_with_payment"):
        types.append(ADOPTION)
    absent = [n for n in ("acts", "means", "purposes") if not facts.get(n) and n not in unknown]
    movement = facts.get("movement")
    placement = dict(facts.get("placement") or {})
    destination = placement.pop("destination_country", None)
    legal: dict[str, Any] = {
        "exploitation_occurred": (
            None if "exploitation_occurred" in unknown else bool(facts.get("exploitation_occurred"))
        ),
        # a journey leg says where the person went; "no movement" is said on the facts form
        "movement": "none" if movement in (None, "none") and "movement" not in unknown else "",
        "absent_elements": absent,
        "placement_country": country(destination) if destination else None,
        "placement_facts": [flag for flag, on in placement.items() if on],
        **{
            flag: bool(facts.get(flag))
            for flag in (
                "organised_group",
                "document_forgery",
                "illegal_entry_for_profit",
                "incitement_without_offence",
            )
        },
    }
    offence_date = facts.get("offence_date")
    case = services.case_open(
        actor=actor,
        title=f"Contoh {facts.get('id', '')}",
        region=regions["53.71"],
        offence_date=date.fromisoformat(offence_date) if offence_date else None,
        acts=facts.get("acts", []),
        means=facts.get("means", []),
        exploitation_types=types,
        **legal,
    )
    leg = {
        "out_of_indonesia": ("ID", destination or "MY"),
        "into_indonesia": ("MY", "ID"),
        "domestic": ("ID", "ID"),
    }.get(movement or "")
    if leg:
        services.journey_add_leg(
            actor=actor,
            case=case,
            origin_country=country(leg[0]),
            destination_country=country(leg[1]),
            origin_place="Kupang",
            destination_place="Tujuan",
        )
    for n, victim in enumerate(facts.get("victims", [])):
        person = person_create(
            actor=actor,
            owner_agency=actor.agency,
            full_name=f"Korban Contoh {n}",
            nationality=country(victim["citizenship"]) if victim.get("citizenship") else None,
        )
        services.case_add_party(
            actor=actor,
            case=case,
            person=person,
            role="victim",
            age_at_offence=victim.get("age_at_offence"),
            harms=victim.get("harms", []),
        )
    assessed = {
        name: facts[name]
        for name in ("participation", "use_of_victim", "obstruction", "obstruction_harm")
        if name in facts
    }
    perpetrators = list(facts.get("perpetrators", []))
    if assessed and not perpetrators:
        perpetrators = [{"kind": "individual"}]
    suspect = None
    for n, perpetrator in enumerate(perpetrators):
        person = person_create(
            actor=actor, owner_agency=actor.agency, full_name=f"Tersangka Contoh {n}"
        )
        party = services.case_add_party(
            actor=actor,
            case=case,
            person=person,
            role="suspect",
            is_official=bool(perpetrator.get("state_official")),
            abused_position=bool(perpetrator.get("abused_position")),
            is_corporation=perpetrator.get("kind") == "corporation",
            **(assessed if n == 0 else {}),
        )
        if n == 0 and "participation" in assessed:
            suspect = party
    case.refresh_from_db()
    return case, suspect


# -- every field and every code ----------------------------------------------------------------


def contract_fields() -> set[str]:
    """The top-level input fields the contract's tables list (its input and version-2 tables)."""
    text = CONTRACT.read_text(encoding="utf-8")
    output = text.index("## Output")
    v2 = text.index("## Version 2")
    v2_input = text[v2 : text.index("New output field", v2)]
    tables = text[:output] + v2_input
    return set(re.findall(r"^\| `([a-z_]+)` \|", tables, flags=re.MULTILINE))


@pytest.mark.skipif(
    not CONTRACT.exists(), reason="the shared contract is not beside the repository"
)
def test_the_engine_reads_exactly_the_contracts_fields() -> None:
    assert contract_fields() == set(INPUT_FIELDS[""])


def _victim(**values: Any) -> dict[str, Any]:
    return {"victims": [{"age_at_offence": 30, "citizenship": "ID", **values}]}


def _suspect(**values: Any) -> dict[str, Any]:
    return {"perpetrators": [{"kind": "individual", **values}]}


# For each field of the contract: example values whose round trip through the case file shows
# the file can set it (each code of a vocabulary gets its own value).
SETTERS: dict[str, list[dict[str, Any]]] = {
    "id": [{}],  # the case's reference number
    "offence_date": [{"offence_date": "2024-02-03"}],
    "acts": [{"acts": [code]} for code in FACT_CODES["acts"]],
    "means": [{"means": [code]} for code in FACT_CODES["means"]],
    "purposes": [{"purposes": [code]} for code in FACT_CODES["purposes"]],
    "exploitation_occurred": [{"exploitation_occurred": True}],
    "movement": [{"movement": code} for code in FACT_CODES["movement"]],
    "victims": [_victim()],
    "perpetrators": [_suspect()],
    "organised_group": [{"organised_group": True}],
    "adoption_with_payment": [{"adoption_with_payment": True}],
    "document_forgery": [{"document_forgery": True}],
    "illegal_entry_for_profit": [{"illegal_entry_for_profit": True}],
    "incitement_without_offence": [{"incitement_without_offence": True}],
    "unknown": [{"unknown": [code]} for code in FACT_CODES["unknown"]],
    "placement": [{"placement": {"destination_country": "MY"}}],
    "participation": [{"participation": code} for code in FACT_CODES["participation"][1:]],
    "use_of_victim": [{"use_of_victim": [code]} for code in FACT_CODES["use_of_victim"]],
    "obstruction": [{"obstruction": [code]} for code in FACT_CODES["obstruction"]],
    "obstruction_harm": [
        {"obstruction": ["attack_on_witness"], "obstruction_harm": code}
        for code in FACT_CODES["obstruction_harm"][1:]
    ],
    # an age the file does not record is an unknown age (setter "unknown": victim_age)
    "victims.age_at_offence": [_victim(age_at_offence=15)],
    "victims.citizenship": [_victim(citizenship="KH")],
    "victims.harms": [_victim(harms=[code]) for code in FACT_CODES["harms"]],
    "perpetrators.kind": [_suspect(kind=code) for code in FACT_CODES["kind"]],
    "perpetrators.state_official": [_suspect(state_official=True)],
    "perpetrators.abused_position": [_suspect(state_official=True, abused_position=True)],
    **{
        f"placement.{flag}": [{"placement": {flag: True}}]
        for flag in INPUT_FIELDS["placement"]
        if flag != "destination_country"
    },
    "placement.destination_country": [{"placement": {"destination_country": "KH"}}],
}


def test_every_field_has_a_way_in_from_the_case_file() -> None:
    fields = set(INPUT_FIELDS[""]) | {
        f"{group}.{name}" for group, names in INPUT_FIELDS.items() if group for name in names
    }
    missing = fields - set(SETTERS)
    assert not missing, f"contract fields the case file cannot set: {sorted(missing)}"


def _complete(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with the other elements stated, so only the field under test is open."""
    facts: dict[str, Any] = {
        "offence_date": "2024-02-03",
        "acts": ["recruitment"],
        "means": ["fraud"],
        "purposes": ["forced_labour"],
        "movement": "domestic",
        **_victim(),
    }
    facts.update(values)
    assessed = ("participation", "use_of_victim", "obstruction", "obstruction_harm")
    if any(name in values for name in assessed) and "perpetrators" not in facts:
        facts.update(_suspect())  # what a suspect did is recorded on the suspect
    if "unknown" in values:
        for name in values["unknown"]:
            key = {"victim_age": "victims"}.get(name, name)
            if key == "victims":
                facts["victims"] = [{"age_at_offence": None, "citizenship": "ID"}]
            elif key in ("acts", "means", "purposes"):
                facts[key] = []
            else:
                facts.pop(key, None)
    return facts


def _expected(facts: dict[str, Any]) -> dict[str, Any]:
    """What the engine should read: the contract object with the defaults made explicit."""
    parsed = parse_facts(facts).to_dict()
    parsed.pop("id", None)
    return parsed


CASES = [(field, values) for field, options in SETTERS.items() for values in options]


@pytest.mark.parametrize(
    ("field", "values"), CASES, ids=[f"{f}-{n}" for n, (f, _) in enumerate(CASES)]
)
def test_the_case_file_sets_the_field(cast, regions, field: str, values: dict[str, Any]) -> None:
    facts = _complete(values)
    case, suspect = build(cast, regions, facts)
    got = selectors.case_facts_for_law(case=case, suspect=suspect)
    assert got["id"] == case.reference
    read = _expected(got)
    want = _expected(facts)
    assert read == want, field


# -- each public example, as a case file, answers as the CLI does ------------------------------


def _examples() -> list[dict[str, Any]]:
    found = []
    for name in ("cases.jsonl", "cases_v2.jsonl"):
        path = EXAMPLES / name
        if path.exists():
            found += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return found


EXAMPLE_CASES = _examples()
COMPARED = ("outcome", "regime", "charges", "related", "missing")


def _answer(facts: dict[str, Any]) -> dict[str, Any]:
    out = qualify(parse_facts(facts), today=JUDGED_ON).to_dict()
    return {key: out[key] for key in COMPARED}


@pytest.mark.skipif(not EXAMPLE_CASES, reason="the shared examples are not beside the repository")
@pytest.mark.parametrize("example", EXAMPLE_CASES, ids=[e["id"] for e in EXAMPLE_CASES])
def test_public_example_as_a_case_file_answers_as_the_cli(cast, regions, example) -> None:
    case, suspect = build(cast, regions, example)
    from_file = selectors.case_facts_for_law(case=case, suspect=suspect)
    assert _answer(from_file) == _answer(example)
    result, snapshot = services.qualification_run(
        actor=cast.kupang_police_investigator,
        facts=from_file,
        case=case,
        party=suspect,
    )
    assert snapshot.outcome == _answer(example)["outcome"]
    assert {c["ref"] for c in snapshot.result["charges"]} == {
        c["ref"] for c in _answer(example)["charges"]
    }
    assert snapshot.settings == result.settings.to_dict()
    assert snapshot.party == suspect
    view = selectors.snapshot_view(case=case, snapshot=snapshot)
    assert not view.stale and not view.older_engine


def test_a_saved_qualification_goes_stale_when_the_facts_change(cast, regions) -> None:
    example = next(e for e in EXAMPLE_CASES if e["id"] == "kupang-batam-malaysia")
    case, _suspect_assessed = build(cast, regions, example)
    _result, snapshot = services.qualification_run(
        actor=cast.kupang_police_investigator,
        facts=selectors.case_facts_for_law(case=case),
        case=case,
    )
    victim = case.parties.filter(role="victim").first()
    services.case_update_facts(
        actor=cast.kupang_police_investigator,
        case=case,
        version=case.version,
        exploitation_occurred=True,
        parties={victim.pk: {"harms": ["serious_injury"]}},
    )
    view = selectors.snapshot_view(case=case, snapshot=snapshot)
    assert view.stale and view.changed == ("exploitation_occurred", "victims")


def test_a_victim_decided_not_a_victim_is_left_out(cast, regions) -> None:
    case, _ = build(cast, regions, _complete(_victim(age_at_offence=15)))
    party = CaseParty.objects.get(case=case, role="victim")
    services.victim_decide(actor=cast.kupang_police_investigator, party=party, status="not_victim")
    facts = selectors.case_facts_for_law(case=case)
    assert "victims" not in facts and "victim_age" in facts["unknown"]


def test_an_official_suspect_has_not_abused_power_until_the_file_says_so(cast, regions) -> None:
    case, _ = build(cast, regions, _complete(_suspect(state_official=True)))
    assert selectors.case_facts_for_law(case=case)["perpetrators"] == [
        {"kind": "individual", "state_official": True, "abused_position": False}
    ]
