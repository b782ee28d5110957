"""The case file's forms as an officer uses them: a refused or invalid submission shows the file
again with what was typed and what to fix, and stores nothing; a valid one is saved once."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from lentera.apps.cases.models import Case, CaseDocument, CaseNote, CaseParty, JourneyLeg
from tests.html_forms import html_form

pytestmark = pytest.mark.django_db


def _url(name, case):
    return reverse(f"cases:{name}", args=[case.pk])


def test_empty_note_is_shown_back_and_a_note_is_saved_once(client, cast, kupang_case):
    client.force_login(cast.kupang_police_investigator)
    empty = client.post(_url("note_add", kupang_case), {"text": "  "})
    assert empty.status_code == 400 and empty.context["note_form"].errors
    assert not CaseNote.objects.exists()
    done = client.post(_url("note_add", kupang_case), {"text": "Saksi dari Oesapa dihubungi."})
    assert done.status_code == 302 and CaseNote.objects.count() == 1


def test_journey_leg_with_an_unknown_country_keeps_what_was_typed(client, cast, kupang_case):
    client.force_login(cast.kupang_police_investigator)
    data = {
        "origin_place": "Kupang (Tenau)",
        "origin_country": "ID",
        "destination_place": "Tawau lewat Nunukan",
        "destination_country": "XX",
        "departed_on": "2021-03-02",
        "arrived_on": "",
        "transport": "sea",
    }
    response = client.post(_url("leg_add", kupang_case), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "destination_country" in response.context["leg_form"].errors
    assert 'value="Tawau lewat Nunukan"' in page and '<details class="add" open>' in page
    assert not JourneyLeg.objects.exists()
    response = client.post(_url("leg_add", kupang_case), {**data, "destination_country": "MY"})
    assert response.status_code == 302 and JourneyLeg.objects.count() == 1


def test_document_of_a_forbidden_type_is_refused_and_not_stored(client, cast, kupang_case):
    client.force_login(cast.kupang_police_investigator)
    script = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(_url("document_add", kupang_case), {"file": script})
    assert response.status_code == 400 and response.context["document_form"].errors
    assert not CaseDocument.objects.exists()
    pdf = SimpleUploadedFile("bukti.pdf", b"%PDF-1.4 bukti transfer", "application/pdf")
    response = client.post(_url("document_add", kupang_case), {"file": pdf, "description": "BRI"})
    assert response.status_code == 302 and CaseDocument.objects.count() == 1


def test_closing_without_a_reason_is_explained_and_the_status_unchanged(client, cast, kupang_case):
    client.force_login(cast.kupang_police_investigator)
    client.post(_url("status", kupang_case), {"status": "assessment", "reason": ""})
    client.post(_url("status", kupang_case), {"status": "closed", "reason": ""})
    response = client.post(_url("status", kupang_case), {"status": "closed", "reason": ""})
    assert Case.objects.get(pk=kupang_case.pk).status != "closed"
    assert response.status_code == 400
    assert 'data-testid="status-errors"' in response.content.decode()
    response = client.post(
        _url("status", kupang_case), {"status": "closed", "reason": "Dilimpahkan ke Polda NTT"}
    )
    assert response.status_code == 302 and Case.objects.get(pk=kupang_case.pk).status == "closed"


def test_adding_a_person_without_a_name_or_a_match_points_at_the_name(client, cast, kupang_case):
    client.force_login(cast.kupang_police_investigator)
    data = {"role": "suspect", "network_role": "recruiter", "sex": "male", "full_name": ""}
    response = client.post(_url("party_add", kupang_case), data)
    assert response.status_code == 400
    assert "full_name" in response.context["party_form"].errors
    assert response.context["party_form"]["network_role"].value() == "recruiter"
    assert not CaseParty.objects.exists()


def test_another_agency_cannot_post_to_the_file(client, cast, kupang_case):
    client.force_login(cast.pontianak_caseworker)
    response = client.post(_url("note_add", kupang_case), {"text": "Tidak boleh"})
    assert response.status_code == 404 and not CaseNote.objects.exists()


def test_case_opened_from_the_page_and_a_stale_edit_refused(client, cast, regions):
    client.force_login(cast.kupang_police_investigator)
    data = {
        "title": "Perekrutan pekerja migran lewat Facebook",
        "region_code": "53.71",
        "offence_date": "2026-02-10",
        "narrative": "",
        "acts": ["recruitment"],
        "means": ["fraud"],
        "exploitation_types": ["forced_labour"],
        "control_methods": [],
        "recruitment_channel": "social_media",
        "recruitment_platform": "facebook",
    }
    bad = client.post(reverse("cases:create"), {**data, "region_code": "99.99"})
    assert bad.status_code == 200 and "region_code" in bad.context["form"].errors
    assert not Case.objects.exists()
    done = client.post(reverse("cases:create"), data)
    case = Case.objects.get()
    assert done["Location"] == reverse("cases:detail", args=[case.pk])

    edit = _url("edit", case)
    version = case.version
    saved = client.post(edit, {**data, "title": "Judul baru", "version": version})
    assert saved.status_code == 302
    stale = client.post(edit, {**data, "title": "Judul lama", "version": version})
    assert stale.status_code == 200 and stale.context["form"].errors
    assert Case.objects.get().title == "Judul baru"


LISTS = ("acts", "means", "exploitation_types", "control_methods")


def test_a_case_from_the_api_saved_unchanged_on_the_web_is_unchanged(client, cast, regions):
    """Issue #11: lists of codes are sets, stored in the vocabulary's order whatever order they
    came in; the edit form (in that order too) saved unchanged leaves the row as it was."""
    payload = {
        "title": "Kasus dari API",
        "region": "53.71",
        "acts": ["transfer", "transportation", "recruitment"],
        "means": ["fraud", "debt_bondage", "fraud", "violence"],
        "exploitation_types": ["forced_labour", "sexual_exploitation"],
        "control_methods": ["withheld_documents", "false_promises"],
    }
    api = APIClient()
    api.force_authenticate(cast.kupang_police_investigator, token="personal-token")
    response = api.post("/api/v1/cases", payload, format="json")
    assert response.status_code == 201, response.json()
    case = Case.objects.get(title="Kasus dari API")
    stored = Case.objects.values(*LISTS).get(pk=case.pk)
    assert stored == {
        "acts": ["recruitment", "transportation", "transfer"],
        "means": ["violence", "fraud", "debt_bondage"],
        "exploitation_types": ["sexual_exploitation", "forced_labour"],
        "control_methods": ["false_promises", "withheld_documents"],
    }
    client.force_login(cast.kupang_police_investigator)
    url = reverse("cases:edit", kwargs={"case_id": case.pk})
    form = html_form(client.get(url).content.decode(), lambda f: "narrative" in dict(f.fields))
    assert client.post(url, form.data()).status_code == 302
    assert Case.objects.values(*LISTS).get(pk=case.pk) == stored
