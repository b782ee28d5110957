"""Pages of the prevention module: the authorization matrix of every page (anonymous, other
agency, same agency without the permission, with it), the public check that stores nothing, and
the pinned query count of the queue."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.cases.models import Case
from lentera.apps.intake.models import Complaint
from lentera.apps.prevention import services
from lentera.apps.prevention.models import DepartureScreening, OfferScreening
from lentera.screening import parse_offer, screen_offer

pytestmark = pytest.mark.django_db

SCAM = (
    "Lowongan CS & admin di Sihanoukville, Kamboja. Gaji 1500 USD, tanpa pengalaman, cukup KTP, "
    "tiket pesawat ditanggung. Berangkat minggu depan. Japri kak <b>Rina</b>"
)
CHILD = {"age": 16, "destination_country": "MY", "stated_purpose": "work", "job_offered": True}


@pytest.fixture
def stored(posko):
    offer, _ = services.offer_screen(
        actor=posko.kupang_posko_officer, text=SCAM, source="tiktok", url="https://tiktok.com/@x/1"
    )
    departure, _ = services.departure_screen(
        actor=posko.kupang_posko_officer,
        interview=CHILD,
        post="El Tari",
        traveller_name="Maria Contoh",
    )
    return offer, departure


def get_pages(offer, departure):
    return [
        reverse("prevention:home"),
        reverse("prevention:queue"),
        reverse("prevention:offer_add"),
        reverse("prevention:offer_import"),
        reverse("prevention:offer", kwargs={"offer_id": offer.pk}),
        reverse("prevention:departures"),
        reverse("prevention:departure_new"),
        reverse("prevention:departure", kwargs={"departure_id": departure.pk}),
    ]


def post_pages(offer, departure):
    return [
        (
            reverse("prevention:offer_triage", kwargs={"offer_id": offer.pk}),
            {"status": "dismissed"},
        ),
        (reverse("prevention:offer_complaint", kwargs={"offer_id": offer.pk}), {"note": "x"}),
        (
            reverse("prevention:departure_reveal", kwargs={"departure_id": departure.pk}),
            {"purpose": "case_handling"},
        ),
        (
            reverse("prevention:departure_case", kwargs={"departure_id": departure.pk}),
            {"full_name": "Maria Contoh"},
        ),
        (reverse("prevention:departure_complaint", kwargs={"departure_id": departure.pk}), {}),
        (reverse("prevention:offer_add"), {"text": SCAM}),
        (reverse("prevention:departure_new"), {"departure_post": "Tenau", "age": "30"}),
    ]


def snapshot():
    return (
        OfferScreening.objects.count(),
        list(OfferScreening.objects.values_list("status", flat=True)),
        DepartureScreening.objects.count(),
        list(DepartureScreening.objects.values_list("case_id", "complaint_id")),
        Complaint.objects.count(),
        Case.objects.count(),
        AuditEvent.objects.count(),
        AccessLog.objects.count(),
    )


def test_anonymous_is_sent_to_sign_in_and_changes_nothing(client, stored):
    offer, departure = stored
    before = snapshot()
    for url in get_pages(offer, departure):
        response = client.get(url)
        assert response.status_code == 302 and "/akun/masuk/" in response.url, url
    for url, data in post_pages(offer, departure):
        response = client.post(url, data)
        assert response.status_code == 302 and "/akun/masuk/" in response.url, url
    assert snapshot() == before


def test_same_agency_without_the_permission_is_refused(client, posko, stored):
    offer, departure = stored
    before = snapshot()
    client.force_login(posko.kupang_disnaker_norole)
    for url in get_pages(offer, departure):
        assert client.get(url).status_code == 403, url
    for url, data in post_pages(offer, departure):
        assert client.post(url, data).status_code == 403, url
    assert snapshot() == before


def test_other_agency_finds_nothing(client, posko, stored):
    offer, departure = stored
    before = snapshot()
    client.force_login(posko.batam_posko_officer)
    assert client.get(reverse("prevention:home")).status_code == 200
    queue = client.get(reverse("prevention:queue")).content.decode()
    assert f"/lowongan/{offer.pk}/" not in queue
    listing = client.get(reverse("prevention:departures")).content.decode()
    assert f"/keberangkatan/{departure.pk}/" not in listing
    for url in get_pages(offer, departure)[4::3]:  # the two detail pages
        assert client.get(url).status_code == 404, url
    for url, data in post_pages(offer, departure)[:5]:
        assert client.post(url, data).status_code == 404, url
    assert snapshot() == before


def test_the_screening_agency_works_the_pages(client, posko, stored):
    offer, departure = stored
    client.force_login(posko.kupang_posko_officer)
    for url in get_pages(offer, departure):
        assert client.get(url).status_code == 200, url
    page = client.get(reverse("prevention:offer", kwargs={"offer_id": offer.pk})).content.decode()
    assert "<mark>Sihanoukville</mark>" in page and "https://tiktok.com/@x/1" in page
    assert "&lt;b&gt;Rina&lt;/b&gt;" in page and "<b>Rina</b>" not in page  # escaped
    assert AccessLog.objects.filter(object_id=str(offer.pk), user=posko.kupang_posko_officer)
    response = client.post(
        reverse("prevention:offer_triage", kwargs={"offer_id": offer.pk}), {"status": "watch"}
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == "watch"
    detail = reverse("prevention:departure", kwargs={"departure_id": departure.pk})
    page = client.get(detail).content.decode()
    assert 'data-action="refer_child_protection"' in page and "Maria" not in page
    revealed = client.post(
        reverse("prevention:departure_reveal", kwargs={"departure_id": departure.pk}),
        {"purpose": "case_handling"},
    ).content.decode()
    assert "Maria Contoh" in revealed
    # the posko officer's role does not open cases: the page offers a complaint instead
    assert 'data-testid="open-case"' not in page and 'data-testid="open-complaint"' in page
    response = client.post(
        reverse("prevention:departure_case", kwargs={"departure_id": departure.pk}),
        {"full_name": "Maria Contoh"},
    )
    assert response.status_code == 403 and not Case.objects.exists()
    response = client.post(
        reverse("prevention:departure_complaint", kwargs={"departure_id": departure.pk}), {}
    )
    assert response.status_code == 302
    departure.refresh_from_db()
    assert departure.complaint is not None


def test_region_reader_sees_levels_not_texts(client, cast, posko, stored):
    offer, departure = stored
    client.force_login(cast.kupang_analyst)
    queue = client.get(reverse("prevention:queue")).content.decode()
    assert f"/lowongan/{offer.pk}/" in queue and "Disnakertrans" in queue
    page = client.get(reverse("prevention:offer", kwargs={"offer_id": offer.pk})).content.decode()
    assert "Sihanoukville" not in page and "tiktok.com" not in page
    assert not AccessLog.objects.exists()
    detail = reverse("prevention:departure", kwargs={"departure_id": departure.pk})
    page = client.get(detail).content.decode()
    assert 'data-level="high"' in page and 'data-testid="reveal-traveller"' not in page
    response = client.post(
        reverse("prevention:offer_triage", kwargs={"offer_id": offer.pk}), {"status": "dismissed"}
    )
    assert response.status_code == 403  # the analyst sees the offer, only its agency triages
    offer.refresh_from_db()
    assert offer.status == "new"


def test_police_at_the_posko_opens_a_case_in_one_step(client, cast, posko):
    officer = posko.kupang_police_posko
    client.force_login(officer)
    response = client.post(
        reverse("prevention:departure_new"),
        {
            "departure_post": "El Tari",
            "age": "16",
            "stated_purpose": "work",
            "job_offered": "yes",
            "destination_country": "MY",
            "traveller_name": "Maria Contoh",
        },
    )
    assert response.status_code == 302
    screening = DepartureScreening.objects.get()
    page = client.get(response.url).content.decode()
    assert 'data-testid="open-case"' in page
    response = client.post(
        reverse("prevention:departure_case", kwargs={"departure_id": screening.pk}), {}
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response.url == f"/kasus/{case.pk}/"
    assert case.lead_agency == cast.kupang_police and case.has_child_victim


def test_posko_form_rejects_bad_answers_and_stores_nothing(client, posko):
    client.force_login(posko.kupang_posko_officer)
    response = client.post(
        reverse("prevention:departure_new"),
        {"departure_post": "El Tari", "age": "-3", "job_offered": "maybe"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error"' in page
    assert not DepartureScreening.objects.exists()


def test_posko_form_defaults(client, posko):
    client.force_login(posko.kupang_posko_officer)
    services.departure_screen(actor=posko.kupang_posko_officer, interview={}, post="Tenau")
    page = client.get(reverse("prevention:departure_new")).content.decode()
    assert 'value="Tenau"' in page  # the officer's last post
    assert '<option value="El Tari">' in page
    # every question starts on "not asked"
    assert 'name="job_offered" value="" id="id_job_offered_2" checked' in page
    assert 'name="job_offered" value="yes" id="id_job_offered_0">' in page
    assert f'name="departure_date" value="{timezone.localdate().isoformat()}"' in page


def test_import_page_names_the_bad_line_and_stores_nothing(client, posko):
    client.force_login(posko.kupang_posko_officer)
    content = f'text,source\n"{SCAM}",tiktok\n"Kerja di Taiwan",friendster\n'.encode()
    response = client.post(
        reverse("prevention:offer_import"),
        {"file": SimpleUploadedFile("pantauan.csv", content, content_type="text/csv")},
    )
    assert response.status_code == 400
    assert "baris 3, kolom &#x27;source&#x27;" in response.content.decode()  # Indonesian UI
    assert not OfferScreening.objects.exists()
    good = f'text,source\n"{SCAM}",tiktok\n'.encode()
    response = client.post(
        reverse("prevention:offer_import"),
        {"file": SimpleUploadedFile("pantauan.csv", good, content_type="text/csv")},
    )
    assert response.status_code == 302 and OfferScreening.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (b'text,source\n"Loker admin",tiktok\n"Kerja di Taiwan,facebook\nLoker,tiktok\n', 3),
        (b"text,source,url\nLoker admin,tiktok,\nLoker kasir,facebook\n", 3),
        (b"text,source\nLoker admin,tiktok\nLoker kasir,facebook,https://x.id\n", 3),
        (b"text,source\n\nLoker admin,tiktok\nLoker caf\xe9,tiktok\n", 4),
    ],
)
def test_import_page_shows_the_file_and_line_of_a_broken_csv_and_stores_nothing(
    client, posko, content, line
):
    client.force_login(posko.kupang_posko_officer)
    events = AuditEvent.objects.count()
    response = client.post(
        reverse("prevention:offer_import"),
        {"file": SimpleUploadedFile("pantauan.csv", content, content_type="text/csv")},
    )
    assert response.status_code == 400
    assert f"pantauan.csv, baris {line}: " in response.content.decode()  # Indonesian UI
    assert not OfferScreening.objects.exists() and AuditEvent.objects.count() == events


def test_queue_query_count_is_pinned(client, posko):
    officer = posko.kupang_posko_officer
    client.force_login(officer)
    url = reverse("prevention:queue")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for _ in range(3):
        services.offer_screen(actor=officer, text=SCAM)
    few = count()
    for _ in range(12):
        services.offer_screen(actor=officer, text=SCAM)
    services.offer_triage(
        actor=officer, screening=OfferScreening.objects.first(), status="watch", note=""
    )
    # 6, and the red flags' snippets: the page's texts read in one query, their reads logged in one
    assert count() == few == 8


def test_queue_sorts_by_risk_and_filters(client, posko):
    officer = posko.kupang_posko_officer
    low, _ = services.offer_screen(
        actor=officer,
        text="Dicari pramuniaga toko roti di Jl. El Tari, Kupang. Pendidikan SMA, gaji UMK.",
        source="facebook",
    )
    high, _ = services.offer_screen(actor=officer, text=SCAM, source="tiktok")
    client.force_login(officer)
    page = client.get(reverse("prevention:queue")).content.decode()
    assert page.index(f"/lowongan/{high.pk}/") < page.index(f"/lowongan/{low.pk}/")
    page = client.get(reverse("prevention:queue"), {"level": "low"}).content.decode()
    assert f"/lowongan/{high.pk}/" not in page and f"/lowongan/{low.pk}/" in page
    page = client.get(reverse("prevention:queue"), {"source": "tiktok"}).content.decode()
    assert f"/lowongan/{high.pk}/" in page and f"/lowongan/{low.pk}/" not in page
    services.offer_triage(actor=officer, screening=high, status="dismissed")
    page = client.get(reverse("prevention:queue")).content.decode()
    assert f"/lowongan/{high.pk}/" not in page  # open (new or watching) by default
    page = client.get(reverse("prevention:queue"), {"status": "dismissed"}).content.decode()
    assert f"/lowongan/{high.pk}/" in page


# -- the public check ---------------------------------------------------------------------------


def test_public_check_stores_nothing(client, cast):
    before = snapshot()
    sessions = Session.objects.count()
    response = client.post(reverse("jobcheck:check"), {"text": SCAM})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-level="high"' in page and "<mark>Sihanoukville</mark>" in page
    assert 'data-flag="risky_destination"' in page and 'data-flag="scam_job_role"' in page
    assert "&lt;b&gt;Rina&lt;/b&gt;" in page and "<b>Rina</b>" not in page
    assert snapshot() == before
    assert Session.objects.count() == sessions
    assert "no-store" in response.headers.get("Cache-Control", "")


def test_public_check_offers_the_report_form_with_the_text(client):
    page = client.post(reverse("jobcheck:check"), {"text": SCAM}).content.decode()
    form = page[page.index('data-testid="report-offer"') :]
    assert 'action="/publik/lapor/"' in form and 'name="narrative"' in form
    assert "Sihanoukville" in form
    assert "tel:110" in page and "tel:129" in page and "SISKOP2MI" in page


def test_public_check_page_needs_no_account(client):
    response = client.get(reverse("jobcheck:check"))
    assert response.status_code == 200 and 'name="text"' in response.content.decode()
    assert client.post(reverse("jobcheck:check"), {"text": " "}).status_code == 400


def test_public_check_follows_the_site_language(client):
    expected = screen_offer(parse_offer({"text": SCAM}), lang="en").advice[0]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.post(reverse("jobcheck:check"), {"text": SCAM}).content.decode()
    assert '<html lang="en">' in page and expected in page
    indonesian = screen_offer(parse_offer({"text": SCAM}), lang="id").advice[0]
    assert indonesian not in page


def test_public_check_is_throttled_per_address(client, settings):
    settings.LENTERA_RATE_LIMITS = {"jobcheck": (2, 600)}
    url = reverse("jobcheck:check")
    assert client.post(url, {"text": SCAM}).status_code == 200
    assert client.post(url, {"text": SCAM}).status_code == 200
    response = client.post(url, {"text": SCAM})
    assert response.status_code == 429 and 'data-testid="offer-result"' not in (
        response.content.decode()
    )
    other = client.post(url, {"text": SCAM}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_paste_an_offer_and_open_a_complaint_from_its_page(client, posko):
    client.force_login(posko.kupang_posko_officer)
    response = client.post(
        reverse("prevention:offer_add"),
        {"text": SCAM, "source": "tiktok", "url": "", "found_on": "2026-03-01"},
    )
    assert response.status_code == 302
    offer = OfferScreening.objects.get()
    assert response.url == reverse("prevention:offer", kwargs={"offer_id": offer.pk})
    assert offer.found_at is not None and offer.source == "tiktok"
    bad = client.post(reverse("prevention:offer_add"), {"text": SCAM, "url": "bukan tautan"})
    assert bad.status_code == 400 and OfferScreening.objects.count() == 1
    response = client.post(
        reverse("prevention:offer_complaint", kwargs={"offer_id": offer.pk}), {"note": "grup"}
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == "complaint" and offer.complaint.channel == "media"
    page = client.get(response.url).content.decode()
    assert offer.complaint.tracking_code in page and 'data-testid="open-complaint"' not in page
    again = client.post(reverse("prevention:offer_complaint", kwargs={"offer_id": offer.pk}), {})
    assert again.status_code == 302 and Complaint.objects.count() == 1


def test_departure_list_filters(client, posko):
    officer = posko.kupang_posko_officer
    child, _ = services.departure_screen(actor=officer, interview=CHILD, post="El Tari")
    holiday, _ = services.departure_screen(
        actor=officer,
        interview={
            "age": 40,
            "destination_country": "SG",
            "stated_purpose": "tourism",
            "return_ticket": True,
            "visa_type": "not_needed",
            "holds_own_documents": True,
        },
        post="Tenau",
    )
    client.force_login(officer)
    url = reverse("prevention:departures")

    def listed(params):
        page = client.get(url, params).content.decode()
        return [s.pk for s in (child, holiday) if f"/keberangkatan/{s.pk}/" in page]

    assert listed({}) == [child.pk, holiday.pk]
    assert listed({"level": "high"}) == [child.pk]
    assert listed({"post": "tenau"}) == [holiday.pk]
    assert listed({"destination": "MY"}) == [child.pk]
    today = timezone.localdate().isoformat()
    assert listed({"date_from": today, "date_to": today}) == [child.pk, holiday.pk]
    assert listed({"date_to": "2020-01-01"}) == []


def test_departure_list_query_count_is_pinned(client, posko):
    officer = posko.kupang_posko_officer
    client.force_login(officer)
    url = reverse("prevention:departures")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for _ in range(2):
        services.departure_screen(actor=officer, interview=CHILD, post="El Tari")
    few = count()
    for _ in range(10):
        services.departure_screen(actor=officer, interview=CHILD, post="Tenau")
    assert count() == few == 6
