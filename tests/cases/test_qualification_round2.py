"""Issue #13 on the pages and the API: the settings are chosen, shown beside the answer and kept
with the snapshot; each charge shows its elements as a checklist; an open outcome names the
fact that decides it; the facts form and the parties carry every legal fact; a saved
qualification shows when the facts changed after it."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from rest_framework.test import APIClient

from lentera.apps.cases import selectors, services
from lentera.apps.cases.models import Case, CaseParty, QualificationSnapshot
from lentera.apps.people.services import person_create
from lentera.law import EngineSettings
from tests.html_forms import html_form

pytestmark = pytest.mark.django_db

COMPOUND = {
    "settings_given": "True",
    "uplift_minimum": "on",
    "stacking": "compound",
    "compare_favourable_law": "on",
}
RING = {
    "offence_date": "2023-08-01",
    "acts": ["recruitment", "sending"],
    "means": ["fraud"],
    "purposes": ["forced_labour"],
    "exploitation_occurred": "yes",
    "movement": "out_of_indonesia",
    "victim0_age": "17",
    "victim0_citizenship": "ID",
    "organised_group": "on",
    "obstruction": ["disclose_identity"],
}


def api(user):
    client = APIClient()
    client.force_authenticate(user, token="personal-token")
    return client


def test_page_settings_are_chosen_shown_and_kept(client, cast):
    client.force_login(cast.kupang_uptd_caseworker)
    page = client.post(reverse("cases:qualify"), RING | COMPOUND).content.decode()
    snapshot = QualificationSnapshot.objects.get()
    assert snapshot.settings == EngineSettings(stacking="compound").to_dict()
    assert 'data-testid="settings-used"' in page
    # the checklist of the charge, with the fact that met each element
    assert 'data-testid="checklist-UU21/2007:4"' in page
    assert 'data-testid="ceiling"' in page  # 3 x (4/3)^2 x ... held to 20 years
    assert "UU21/2007:24" in page
    assert snapshot.result["charges"][0]["prison_years"]["max"] == 20
    # without any settings in the post, the engine's defaults
    client.post(reverse("cases:qualify"), RING)
    assert QualificationSnapshot.objects.first().settings == EngineSettings().to_dict()


def test_page_names_the_single_fact_that_decides(client, cast):
    client.force_login(cast.kupang_uptd_caseworker)
    facts = {
        "offence_date": "2024-01-10",
        "acts": ["recruitment"],
        "purposes": ["forced_labour"],
        "movement": "domestic",
        "victim0_age": "25",
        "victim0_citizenship": "ID",
        "unknown": ["means"],
    }
    page = client.post(reverse("cases:qualify"), facts).content.decode()
    assert 'data-testid="deciders"' in page
    assert 'data-testid="checklist-UU21/2007:2"' in page
    record = QualificationSnapshot.objects.get().result
    assert record["outcome"] == "insufficient_facts"
    assert [d["element"] for d in record["deciders"]] == ["means"]


def test_an_exploited_child_is_never_no_offence_on_the_page(client, cast):
    client.force_login(cast.kupang_uptd_caseworker)
    facts = {
        "offence_date": "2021-06-01",
        "acts": ["recruitment", "harbouring"],
        "purposes": ["prostitution"],
        "exploitation_occurred": "yes",
        "movement": "none",
        "victim0_age": "15",
        "victim0_citizenship": "ID",
    }
    page = client.post(reverse("cases:qualify"), facts).content.decode()
    with translation.override("id"):
        label = gettext("Not trafficking under UU 21/2007")
    assert f'data-testid="outcome">{label}<' in page
    assert "UU35/2014:88" in page


def _victim_and_suspect(cast, case):
    actor = cast.kupang_police_investigator
    victim = services.case_add_party(
        actor=actor,
        case=case,
        person=person_create(actor=actor, owner_agency=actor.agency, full_name="Ani Contoh"),
        role="victim",
        age_at_offence=16,
    )
    suspect = services.case_add_party(
        actor=actor,
        case=case,
        person=person_create(actor=actor, owner_agency=actor.agency, full_name="Budi Contoh"),
        role="suspect",
        is_official=True,
    )
    return victim, suspect


def test_the_facts_form_carries_the_legal_facts_of_the_case_and_its_parties(
    client, cast, kupang_case
):
    victim, suspect = _victim_and_suspect(cast, kupang_case)
    client.force_login(cast.kupang_police_investigator)
    url = reverse("cases:edit", args=[kupang_case.pk])
    form = html_form(client.get(url).content.decode(), lambda f: "narrative" in dict(f.fields))
    before = Case.objects.values().get(pk=kupang_case.pk)
    assert client.post(url, form.data()).status_code == 302  # saved unchanged: nothing changes
    after = Case.objects.values().get(pk=kupang_case.pk)
    assert {k: v for k, v in after.items() if k not in ("version", "updated_at")} == {
        k: v for k, v in before.items() if k not in ("version", "updated_at")
    }
    form = html_form(client.get(url).content.decode(), lambda f: "narrative" in dict(f.fields))
    changes = {
        "exploitation_occurred": "yes",
        "organised_group": "on",
        "document_forgery": "on",
        "placement_country": "my",
        "placement_facts": ["by_individual", "underage"],
        "absent_elements": [],
        f"party{victim.pk}_harms": ["serious_injury"],
        f"party{suspect.pk}_abused_position": "on",
        f"party{suspect.pk}_participation": "assistance",
        f"party{suspect.pk}_obstruction": ["disclose_identity"],
    }
    assert client.post(url, form.data(**changes)).status_code == 302
    case = Case.objects.get(pk=kupang_case.pk)
    assert case.exploitation_occurred is True and case.organised_group and case.document_forgery
    assert case.placement_country_id == "MY"
    assert case.placement_facts == ["by_individual", "underage"]
    victim.refresh_from_db()
    suspect.refresh_from_db()
    assert victim.harms == ["serious_injury"]
    assert suspect.abused_position and suspect.participation == "assistance"
    facts = selectors.case_facts_for_law(case=case, suspect=suspect)
    assert facts["participation"] == "assistance"
    assert facts["perpetrators"] == [
        {"kind": "individual", "state_official": True, "abused_position": True}
    ]
    assert facts["placement"] == {
        "destination_country": "MY",
        "by_individual": True,
        "underage": True,
    }


def test_case_qualify_for_a_suspect_with_settings_then_stale(client, cast, kupang_case):
    victim, suspect = _victim_and_suspect(cast, kupang_case)
    client.force_login(cast.kupang_police_investigator)
    response = client.post(
        reverse("cases:case_qualify", args=[kupang_case.pk]),
        {"party": str(suspect.pk), **COMPOUND},
    )
    assert response.status_code == 302
    snapshot = QualificationSnapshot.objects.get(case=kupang_case)
    assert snapshot.party == suspect and snapshot.settings["stacking"] == "compound"
    page = client.get(reverse("cases:detail", args=[kupang_case.pk])).content.decode()
    assert 'data-testid="qualification-result"' in page and 'data-testid="stale"' not in page
    kupang_case.refresh_from_db()
    services.case_update_facts(
        actor=cast.kupang_police_investigator,
        case=kupang_case,
        version=kupang_case.version,
        exploitation_occurred=True,
    )
    page = client.get(reverse("cases:detail", args=[kupang_case.pk])).content.decode()
    assert 'data-testid="stale"' in page and "exploitation_occurred" in page
    bad = client.post(
        reverse("cases:case_qualify", args=[kupang_case.pk]), {"party": str(victim.pk)}
    )
    assert bad.status_code == 302 and QualificationSnapshot.objects.count() == 1


def test_party_facts_belong_to_their_role(cast, kupang_case):
    from django.core.exceptions import ValidationError

    actor = cast.kupang_police_investigator
    person = person_create(actor=actor, owner_agency=actor.agency, full_name="Citra Contoh")
    with pytest.raises(ValidationError, match="harms"):
        services.case_add_party(
            actor=actor, case=kupang_case, person=person, role="suspect", harms=["death"]
        )
    with pytest.raises(ValidationError, match="participation"):
        services.case_add_party(
            actor=actor, case=kupang_case, person=person, role="victim", participation="attempt"
        )
    with pytest.raises(ValidationError, match="abused_position"):
        services.case_add_party(
            actor=actor, case=kupang_case, person=person, role="suspect", abused_position=True
        )
    assert not CaseParty.objects.filter(person=person).exists()


def test_api_settings_travel_with_the_answer(cast):
    client = api(cast.kupang_police_investigator)
    facts = {
        "offence_date": "2023-05-10",
        "acts": ["recruitment", "sending"],
        "purposes": ["forced_labour"],
        "movement": "out_of_indonesia",
        "victims": [{"age_at_offence": 16, "citizenship": "ID"}],
        "organised_group": True,
    }
    body = client.post(
        "/api/v1/qualify", facts | {"settings": {"uplift_minimum": False}}, format="json"
    ).json()
    assert body["settings"]["uplift_minimum"] is False
    assert body["charges"][0]["prison_years"] == {"min": 3, "max": 20}
    assert body["charges"][0]["participation"] is None
    assert any(item["ref"] == "UU21/2007:4" for item in body["checklists"])
    snapshot = QualificationSnapshot.objects.get(pk=body["snapshot"])
    assert snapshot.settings["uplift_minimum"] is False and "settings" not in snapshot.facts
    refused = client.post("/api/v1/qualify", facts | {"settings": {"x": 1}}, format="json")
    assert refused.status_code == 400 and "settings" in str(refused.json())


def test_api_sets_the_legal_facts_and_qualifies_the_case(cast, regions):
    client = api(cast.kupang_police_investigator)
    created = client.post(
        "/api/v1/cases",
        {
            "title": "Kasus API",
            "region": "53.71",
            "offence_date": "2025-03-01",
            "acts": ["recruitment", "sending"],
            "means": ["fraud"],
            "exploitation_types": ["forced_labour"],
            "exploitation_occurred": True,
            "movement": "out_of_indonesia",
            "placement_country": "MY",
            "placement_facts": ["by_individual"],
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    case = created.json()
    assert case["facts"]["placement_country"] == "MY"
    party = client.post(
        f"/api/v1/cases/{case['id']}/parties",
        {"full_name": "Dedi Contoh", "role": "suspect", "participation": "conspiracy"},
        format="json",
    ).json()
    victim = client.post(
        f"/api/v1/cases/{case['id']}/parties",
        {"full_name": "Eka Contoh", "role": "victim", "age_at_offence": 24},
        format="json",
    ).json()
    changed = client.post(
        f"/api/v1/cases/{case['id']}/facts",
        {
            "version": case["facts"]["version"],
            "organised_group": True,
            "parties": {str(victim["id"]): {"harms": ["death"]}},
        },
        format="json",
    )
    assert changed.status_code == 200, changed.json()
    assert changed.json()["facts"]["organised_group"] is True
    stale = client.post(
        f"/api/v1/cases/{case['id']}/facts", {"version": 1, "document_forgery": True}, format="json"
    )
    assert stale.status_code == 409
    answer = client.post(
        f"/api/v1/cases/{case['id']}/qualify",
        {"party": party["id"], "settings": {"stacking": "single"}},
        format="json",
    ).json()
    pasal_4 = next(c for c in answer["charges"] if c["ref"] == "UU21/2007:4")
    assert pasal_4["participation"] == "UU21/2007:11"
    assert set(pasal_4["aggravations"]) == {"UU21/2007:7(2)", "UU21/2007:16"}
    assert pasal_4["life"] is True
    assert [r["ref"] for r in answer["related"]] == ["UU18/2017:81"]
    assert answer["settings"]["stacking"] == "single"
    snapshot = QualificationSnapshot.objects.get(pk=answer["snapshot"])
    assert snapshot.party_id == party["id"] and snapshot.case_id == case["id"]
    assert date.fromisoformat(snapshot.facts["offence_date"]) == date(2025, 3, 1)
