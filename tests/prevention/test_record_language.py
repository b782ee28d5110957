"""Screenings are stored as codes and values and read in the reader's language (issue #18,
item 6); offers are told apart by a score that does not saturate and by the words around their
red flags (issue #18, item 7). Rows stored before, with sentences, still read."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from rest_framework.test import APIClient

from lentera.apps.accounts.identity import sealed_json
from lentera.apps.accounts.models import AccessLog
from lentera.apps.prevention import services
from lentera.apps.prevention.models import DepartureScreening, OfferScreening
from lentera.screening import flag_explanation, indicator_reason, offer_advice

pytestmark = pytest.mark.django_db

SCAM = (
    "Lowongan CS & admin di Sihanoukville, Kamboja. Gaji 1500 USD, tanpa pengalaman, cukup KTP, "
    "tiket pesawat ditanggung. Berangkat minggu depan. Japri kak Rina"
)
# Also high, with other words: the queue must tell the two apart.
CALO = (
    "Dicari cewek 17 th kerja di Malaysia, gaji 12jt/bln, paspor diurus sponsor, "
    "jangan bilang ortu ya. WA 0812 3456 7890"
)
CHILD = {"age": 16, "destination_country": "MY", "stated_purpose": "work", "job_offered": True}


def _page(client, url: str, lang: str) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_offer_is_stored_as_codes_and_read_in_the_readers_language(client, posko):
    officer = posko.kupang_posko_officer
    screening, result = services.offer_screen(actor=officer, text=SCAM, lang="id")
    stored = sealed_json(OfferScreening.objects.get(pk=screening.pk).result)
    assert "advice" not in stored and "lang" not in stored
    assert all(set(f) == {"code", "evidence", "start", "end"} for f in stored["flags"])
    assert all(SCAM[f["start"] : f["end"]] == f["evidence"] for f in stored["flags"])
    assert isinstance(stored["score"], float) and stored["model_version"]

    client.force_login(officer)
    url = reverse("prevention:offer", args=[screening.pk])
    english = _page(client, url, "en")
    codes = [f.code for f in result.flags]
    assert escape(offer_advice(result.level, codes, False, "en")[0]) in english
    for code in codes:
        assert escape(flag_explanation(code, "en")) in english
        assert escape(flag_explanation(code, "id")) not in english
    indonesian = _page(client, url, "id")
    assert all(escape(flag_explanation(code, "id")) in indonesian for code in codes)
    assert 'data-testid="flag-snippet"' in english


def test_an_offer_stored_with_sentences_still_reads_in_the_readers_language(client, posko):
    officer = posko.kupang_posko_officer
    screening, result = services.offer_screen(actor=officer, text=SCAM, lang="id")
    old = {  # the shape kept before: the contract object with Indonesian sentences
        "id": None,
        "risk": result.risk,
        "level": result.level,
        "flags": [
            {"code": f.code, "evidence": f.evidence, "explanation": flag_explanation(f.code, "id")}
            for f in result.flags
        ],
        "advice": list(offer_advice(result.level, [f.code for f in result.flags], False, "id")),
        "notice": False,
        "lang": "id",
    }
    screening.result = json.dumps(old, ensure_ascii=False)
    screening.save(update_fields=["result"])

    client.force_login(officer)
    english = _page(client, reverse("prevention:offer", args=[screening.pk]), "en")
    for flag in result.flags:
        assert escape(flag_explanation(flag.code, "en")) in english
        assert escape(flag_explanation(flag.code, "id")) not in english
    assert "<mark>" in english and 'data-testid="flag-snippet"' in english


def test_a_departure_is_stored_as_codes_and_read_in_the_readers_language(client, posko):
    officer = posko.kupang_posko_officer
    screening, _result = services.departure_screen(actor=officer, interview=CHILD, post="El Tari")
    stored = DepartureScreening.objects.get(pk=screening.pk).result
    assert stored["indicators"] and all("reason" not in i for i in stored["indicators"])
    child = next(i for i in stored["indicators"] if i["code"] == "child_work")
    assert child["params"]["age"] == 16 and child["params"]["country"] == "MY"

    client.force_login(officer)
    url = reverse("prevention:departure", args=[screening.pk])
    english = _page(client, url, "en")
    assert indicator_reason("child_work", child["params"], "en") in english
    assert "A child aged 16" in english and "Anak berusia" not in english
    assert "Anak berusia 16 tahun" in _page(client, url, "id")


def test_a_departure_stored_with_sentences_still_reads(client, posko):
    officer = posko.kupang_posko_officer
    screening, result = services.departure_screen(actor=officer, interview=CHILD, post="Tenau")
    screening.result = result.to_dict()  # the shape kept before: Indonesian reasons
    screening.save(update_fields=["result"])
    client.force_login(officer)
    url = reverse("prevention:departure", args=[screening.pk])
    english = _page(client, url, "en")
    assert "A child aged 16" in english and "Anak berusia" not in english
    assert "Anak berusia 16 tahun" in _page(client, url, "id")


def test_the_departure_api_gives_reasons_in_the_readers_language(posko):
    officer = posko.kupang_posko_officer
    services.departure_screen(actor=officer, interview=CHILD, post="El Tari")
    client = APIClient()
    client.force_authenticate(officer, token="personal-token")
    url = reverse("api-departure-screenings")
    english = client.get(url, {"lang": "en"}).json()["results"][0]
    reasons = {r["code"]: r["reason"] for r in english["reasons"]}
    assert reasons["child_work"].startswith("A child aged 16")
    indonesian = client.get(url).json()["results"][0]  # Indonesian by default
    assert {r["code"]: r["reason"] for r in indonesian["reasons"]}["child_work"].startswith(
        "Anak berusia 16"
    )


def test_the_queue_tells_high_offers_apart_by_score_and_words(client, posko):
    officer = posko.kupang_posko_officer
    scam, scam_result = services.offer_screen(actor=officer, text=SCAM)
    calo, calo_result = services.offer_screen(actor=officer, text=CALO)
    assert scam_result.level == calo_result.level == "high"
    assert scam_result.score != calo_result.score  # while both risks round to 1.00
    assert 0 < min(scam_result.score, calo_result.score) <= 100

    client.force_login(officer)
    logged = AccessLog.objects.count()
    page = _page(client, reverse("prevention:queue"), "id")
    assert f"{scam_result.score:.1f}".replace(".", ",") in page
    assert f"{calo_result.score:.1f}".replace(".", ",") in page
    assert page.count('data-testid="queue-snippet"') >= 2
    for result in (scam_result, calo_result):
        assert escape(result.flags[0].evidence) in page
    reads = AccessLog.objects.filter(purpose_note="offer queue")
    assert AccessLog.objects.count() == logged + 2
    assert {r.object_id for r in reads} == {str(scam.pk), str(calo.pk)}
    assert all(r.user == officer for r in reads)


def test_the_queue_shows_no_words_to_a_reader_of_another_agency(client, posko):
    services.offer_screen(actor=posko.kupang_posko_officer, text=SCAM)
    reader = posko.ntt_secretariat  # reads the region's queue, not the texts
    client.force_login(reader)
    logged = AccessLog.objects.count()
    page = _page(client, reverse("prevention:queue"), "id")
    assert 'data-testid="offer-score"' in page
    assert 'data-testid="queue-snippet"' not in page and "Sihanoukville" not in page
    assert AccessLog.objects.count() == logged
