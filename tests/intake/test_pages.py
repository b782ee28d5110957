"""Officers' and citizens' pages: authorization matrix, what each one shows, the public form's
promise and rate limit, search before create, and pinned query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.accounts.permissions import Role
from lentera.apps.cases import services as case_services
from lentera.apps.intake import services
from lentera.apps.intake.models import Complaint
from lentera.apps.intake.services import FactsInput, ReporterInput
from lentera.apps.people.services import person_create
from tests.conftest import login_verified, make_user
from tests.html_forms import html_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_pages(client, settings):
    """These page tests read English messages: the officer chose English (the default is Indonesian)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def kupang_secretariat(cast):
    return make_user("kupang_secretariat", cast.kupang_police, [Role.SECRETARIAT])


def complaint_events():
    return AuditEvent.objects.filter(object_type="intake.complaint")


# -- authorization matrix ------------------------------------------------------------------------

OBJECT_PAGES = [
    # url name, method, data
    ("intake:detail", "get", {}),
    ("intake:search", "post", {"name": "Ester"}),
    ("intake:triage", "post", {"version": 1, "involves_child": "yes"}),
    ("intake:acknowledge", "post", {"method": "verbal"}),
    ("intake:reveal", "post", {"purpose": "case_handling"}),
    ("intake:attach", "post", {"case": 1, "version": 1}),
    ("intake:open_case", "post", {"version": 1, "title": "Kasus", "region_code": "53.71"}),
    ("intake:close", "post", {"version": 1, "reason": "test"}),
    ("intake:reopen", "post", {"version": 1, "reason": "x"}),
]


@pytest.mark.parametrize(("name", "method", "data"), OBJECT_PAGES)
def test_object_page_matrix(client, cast, hotline_complaint, name, method, data):
    url = reverse(name, kwargs={"complaint_id": hotline_complaint.pk})
    missing = reverse(name, kwargs={"complaint_id": 999_999})
    before = (complaint_events().count(), AccessLog.objects.count(), hotline_complaint.version)

    def send(target):
        return getattr(client, method)(target, data)

    # anonymous: to the sign-in page
    response = send(url)
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]
    # same agency without any permission
    client.force_login(cast.kupang_uptd_norole)
    assert send(url).status_code == 403
    # other agency (holding the permission): not found, like a missing complaint
    client.force_login(cast.pontianak_caseworker)
    response = send(url)
    if response.status_code != 403:  # pages needing an action Pontianak's caseworker lacks
        assert response.status_code == 404
        assert send(missing).status_code == 404
    # nothing happened
    hotline_complaint.refresh_from_db()
    assert (
        complaint_events().count(),
        AccessLog.objects.count(),
        hotline_complaint.version,
    ) == before


def test_other_agency_with_every_permission_gets_not_found(client, cast, hotline_complaint):
    batam_intake = make_user("batam_intake", cast.batam_dinsos, [Role.INTAKE_OFFICER])
    client.force_login(batam_intake)
    for name, method, data in OBJECT_PAGES:
        url = reverse(name, kwargs={"complaint_id": hotline_complaint.pk})
        assert getattr(client, method)(url, data).status_code == 404, name
    assert complaint_events().count() == 1 and not AccessLog.objects.exists()


@pytest.mark.parametrize(
    ("name", "allowed", "forbidden"),
    [
        (
            "intake:list",
            ["kupang_uptd_intake", "kupang_uptd_caseworker"],
            ["kupang_analyst", "kupang_uptd_norole"],
        ),
        ("intake:register", ["kupang_uptd_intake"], ["kupang_uptd_caseworker", "kupang_analyst"]),
    ],
)
def test_list_pages_matrix(client, cast, name, allowed, forbidden):
    url = reverse(name)
    assert client.get(url).status_code == 302
    for who in allowed:
        login_verified(client, getattr(cast, who))
        assert client.get(url).status_code == 200, who
    for who in forbidden:
        login_verified(client, getattr(cast, who))
        assert client.get(url).status_code == 403, who


@pytest.mark.parametrize("name", ["public:report", "public:status"])
def test_public_pages_need_no_account(client, name):
    assert client.get(reverse(name)).status_code == 200


# -- the list ------------------------------------------------------------------------------------


def test_list_shows_own_and_routed_complaints_only(
    client, cast, public_complaint, hotline_complaint, regions
):
    batam = services.complaint_submit_public(
        facts=FactsInput(narrative="Calo di pelabuhan.", region=regions["21.71"]),
        reporter=ReporterInput(anonymous=True),
    )
    client.force_login(cast.kupang_uptd_caseworker)
    page = client.get(reverse("intake:list")).content.decode()
    assert public_complaint.tracking_code in page and hotline_complaint.tracking_code in page
    assert batam.tracking_code not in page
    assert "Yuliana" not in page and "paspor" not in page
    client.force_login(cast.batam_social_worker)
    page = client.get(reverse("intake:list")).content.decode()
    assert batam.tracking_code in page and public_complaint.tracking_code not in page


def test_list_filters(client, cast, public_complaint, hotline_complaint):
    client.force_login(cast.kupang_uptd_intake)
    url = reverse("intake:list")

    def codes(**params):
        page = client.get(url, params).content.decode()
        return {
            c
            for c in (public_complaint.tracking_code, hotline_complaint.tracking_code)
            if c in page
        }

    both = {public_complaint.tracking_code, hotline_complaint.tracking_code}
    assert codes() == both
    assert codes(channel="web") == {public_complaint.tracking_code}
    assert codes(child="yes") == {public_complaint.tracking_code}
    assert codes(child="no") == {hotline_complaint.tracking_code}
    assert codes(urgency="high") == {public_complaint.tracking_code}
    assert codes(region="53.71.01") == {hotline_complaint.tracking_code}
    assert codes(region="53") == both
    assert codes(status="triaged") == set()
    assert codes(q=hotline_complaint.tracking_code.lower().replace("-", " ")) == {
        hotline_complaint.tracking_code
    }
    assert codes(received_from="2000-01-01", received_to="2000-01-02") == set()
    assert codes(order="due") == both
    assert client.get(url, {"received_from": "not a date"}).status_code == 200


def test_region_roles_see_the_region_pseudonymised(
    client, cast, hotline_complaint, kupang_secretariat
):
    client.force_login(kupang_secretariat)
    assert hotline_complaint.tracking_code in client.get(reverse("intake:list")).content.decode()
    page = client.get(reverse("intake:detail", kwargs={"complaint_id": hotline_complaint.pk}))
    text = page.content.decode()
    assert page.status_code == 200
    assert "paspor" not in text and "Yuliana" not in text and 'data-testid="narrative"' not in text
    assert 'data-testid="reveal-reporter"' not in text and 'data-testid="save-triage"' not in text
    assert not AccessLog.objects.exists()


def test_list_query_count_is_pinned(client, cast, regions, django_assert_num_queries):
    def add(n):
        for i in range(n):
            services.complaint_register(
                actor=cast.kupang_uptd_intake,
                channel="walk_in",
                facts=FactsInput(narrative=f"Laporan {i}", region=regions["53.71"], any_child=True),
                reporter=ReporterInput(),
            )

    client.force_login(cast.kupang_uptd_intake)
    url = reverse("intake:list")
    add(2)
    client.get(url)  # warm up (session, content types)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add(20)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(few) == len(many) == 6, [q["sql"][:90] for q in many.captured_queries]


# -- the complaint page --------------------------------------------------------------------------


def test_complaint_page_for_the_receiving_agency(client, cast, hotline_complaint):
    client.force_login(cast.kupang_uptd_intake)
    url = reverse("intake:detail", kwargs={"complaint_id": hotline_complaint.pk})
    page = client.get(url).content.decode()
    assert hotline_complaint.tracking_code in page
    assert "paspor ditahan" in page  # the account, logged
    assert "Yuliana Contoh" not in page and 'data-testid="reveal-reporter"' in page
    assert 'data-testid="save-triage"' in page and 'data-testid="search"' in page
    log = AccessLog.objects.get()
    assert log.fields == ["narrative"] and log.user == cast.kupang_uptd_intake


def test_complaint_page_query_count_is_pinned(client, cast, hotline_complaint):
    client.force_login(cast.kupang_uptd_intake)
    url = reverse("intake:detail", kwargs={"complaint_id": hotline_complaint.pk})
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # 10, plus the routing rules that fit and the task force of the region (issue #18)
    assert len(queries) == 12, [q["sql"][:120] for q in queries.captured_queries]


def test_reveal_reporter(client, cast, hotline_complaint):
    client.force_login(cast.kupang_uptd_intake)
    url = reverse("intake:reveal", kwargs={"complaint_id": hotline_complaint.pk})
    bad = client.post(url, {"purpose": "other"}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 200 and "Yuliana" not in bad.content.decode()
    assert not AccessLog.objects.exists()
    page = client.post(url, {"purpose": "case_handling"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Yuliana Contoh" in page and "+6281333334444" in page and "<html" not in page
    assert AccessLog.objects.get().fields == ["reporter_name", "reporter_phone"]
    full = client.post(url, {"purpose": "case_handling"}).content.decode()
    assert "Yuliana Contoh" in full and "<html" in full


def test_caseworker_reads_but_does_not_triage(client, cast, hotline_complaint):
    client.force_login(cast.kupang_uptd_caseworker)
    page = client.get(reverse("intake:detail", kwargs={"complaint_id": hotline_complaint.pk}))
    text = page.content.decode()
    assert "paspor ditahan" in text and 'data-testid="save-triage"' not in text
    assert 'data-testid="reveal-reporter"' in text  # same agency, identity permission


def test_triage_through_the_page(client, cast, public_complaint):
    client.force_login(cast.kupang_uptd_intake)
    url = reverse("intake:triage", kwargs={"complaint_id": public_complaint.pk})
    data = {"version": 1, "involves_child": "yes", "danger_now": "on"}
    response = client.post(url, data)
    assert response.status_code == 302
    public_complaint.refresh_from_db()
    assert (
        public_complaint.status == "triaged"
        and public_complaint.routed_agency == cast.kupang_police
    )
    # the same (now stale) version again is refused with the reload message
    stale = client.post(url, data)
    assert (
        stale.status_code == 400
        and "This record was changed by someone else" in stale.content.decode()
    )
    # overriding without a reason
    public_complaint.refresh_from_db()
    response = client.post(
        url, {"version": public_complaint.version, "involves_child": "yes", "urgency": "normal"}
    )
    assert response.status_code == 400 and "Say why" in response.content.decode()


@pytest.mark.parametrize("urgency", ["", "high"])
@pytest.mark.parametrize("overrides_agency", [False, True])
def test_re_triage_saved_unchanged_keeps_the_decisions(
    client, cast, hotline_complaint, urgency, overrides_agency
):
    """Issue #11: the triage form is filled with the stored triage, overrides and their reason
    included; sent back unchanged it neither resets them to the rules nor asks a reason again."""
    complaint = services.complaint_triage(
        actor=cast.kupang_uptd_intake,
        complaint=hotline_complaint,
        version=hotline_complaint.version,
        involves_child="no",
        danger_now=False,
        departure_today=False,
        migrant_worker=True,
        urgency=urgency,
        routed_agency=cast.kupang_police if overrides_agency else None,
        reason="Korban terancam dipindahkan." if urgency or overrides_agency else "",
    )
    overridden = urgency != "" or overrides_agency
    assert (complaint.routing_rule == "override") == overrides_agency
    assert bool(complaint.override_reason) == overridden
    fields = ("urgency", "due_at", "routed_agency_id", "routing_rule", "override_reason", "status")
    before = Complaint.objects.values(*fields).get(pk=complaint.pk)
    client.force_login(cast.kupang_uptd_intake)
    page = client.get(reverse("intake:detail", kwargs={"complaint_id": complaint.pk}))
    form = html_form(page.content.decode(), lambda f: f.action.endswith("/triase/"))
    response = client.post(form.action, form.data())
    assert response.status_code == 302, response.content.decode()
    assert Complaint.objects.values(*fields).get(pk=complaint.pk) == before
    # the facts still decide when the officer leaves the choice to the rules
    if not overridden:
        assert form.data()["urgency"] == [""] and form.data()["routed_agency"] == [""]


def test_register_through_the_page(client, cast):
    client.force_login(cast.kupang_uptd_intake)
    url = reverse("intake:register")
    data = {
        "channel": "walk_in",
        "narrative": "Seorang ibu datang melapor anaknya dibawa ke Batam.",
        "region_code": "53.71",
        "involves_child": "yes",
        "reporter_relation": "family",
        "reporter_name": "Ibu Contoh",
        "reporter_phone": "0812 1111 2222",
        "acknowledged_verbally": "on",
    }
    assert client.post(url, {**data, "region_code": "99.99"}).status_code == 200
    assert not Complaint.objects.exists()
    response = client.post(url, data, follow=True)
    complaint = Complaint.objects.get()
    assert complaint.tracking_code in response.content.decode()
    assert complaint.acknowledgement == "verbal" and complaint.region.code == "53.71"


# -- search before create ------------------------------------------------------------------------


@pytest.fixture
def case_with_person(cast, regions, kupang_child):
    case = case_services.case_open(
        actor=cast.kupang_uptd_intake,
        title="Anak dijanjikan kerja di Batam",
        region=regions["53.71"],
    )
    case_services.case_add_party(
        actor=cast.kupang_uptd_caseworker, case=case, person=kupang_child, role="victim"
    )
    return case


def test_search_finds_case_by_misspelt_name_nik_or_phone(
    client, cast, public_complaint, case_with_person
):
    client.force_login(cast.kupang_uptd_intake)
    url = reverse("intake:search", kwargs={"complaint_id": public_complaint.pk})
    for query in (
        {"name": "Esther Nenobaiss"},
        {"nik": "5371 0152 0410 0001"},
        {"phone": "+62 812-3456-7890"},
        {"q": case_with_person.reference},
    ):
        page = client.post(url, query, HTTP_HX_REQUEST="true").content.decode()
        assert case_with_person.reference in page, query
        assert f'data-testid="attach-{case_with_person.pk}"' in page
        assert "Ester" not in page and "Nenobais" not in page  # pseudonyms only
    page = client.post(url, {"name": "Orang Lain Sekali"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'data-testid="no-matches"' in page
    # without htmx: the complaint page with the results (the identifiers never go in a URL)
    response = client.post(url, {"name": "Esther Nenobaiss"})
    assert response.status_code == 200
    assert case_with_person.reference in response.content.decode()
    # a search sent as GET is refused: identifiers do not travel in URLs
    assert client.get(url, {"nik": "5371015204100001"}).status_code == 405


def test_search_shows_only_what_the_officer_may_see(client, cast, regions, public_complaint):
    police_case = case_services.case_open(
        actor=cast.kupang_police_investigator, title="Kasus polisi", region=regions["53.71"]
    )
    person = person_create(
        actor=cast.kupang_police_investigator,
        owner_agency=cast.kupang_police,
        full_name="Ester Contoh Nenobais",
    )
    case_services.case_add_party(
        actor=cast.kupang_police_investigator, case=police_case, person=person, role="victim"
    )
    client.force_login(cast.kupang_uptd_intake)
    url = reverse("intake:search", kwargs={"complaint_id": public_complaint.pk})
    page = client.post(
        url, {"name": "Ester Nenobais", "q": police_case.reference}, HTTP_HX_REQUEST="true"
    )
    assert police_case.reference not in page.content.decode()
    # the police hold this person: the intake officer learns only who to ask
    assert "Polresta Kupang Kota" in page.content.decode()


def test_attach_and_open_case_through_the_page(
    client, cast, public_complaint, case_with_person, regions
):
    client.force_login(cast.kupang_uptd_intake)
    attach = reverse("intake:attach", kwargs={"complaint_id": public_complaint.pk})
    response = client.post(attach, {"case": case_with_person.pk, "version": 1}, follow=True)
    assert case_with_person.reference in response.content.decode()
    public_complaint.refresh_from_db()
    assert public_complaint.case == case_with_person and public_complaint.status == "linked"
    other = services.complaint_submit_public(
        facts=FactsInput(narrative="Lagi.", region=regions["53.71"]),
        reporter=ReporterInput(anonymous=True),
    )
    open_url = reverse("intake:open_case", kwargs={"complaint_id": other.pk})
    assert (
        client.post(open_url, {"version": 1, "title": "x", "region_code": "00"}).status_code == 400
    )
    response = client.post(
        open_url, {"version": 1, "title": "Laporan baru", "region_code": "53.71"}
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.status == "linked" and other.case.title == "Laporan baru"


def test_close_and_reopen_through_the_page(client, cast, public_complaint):
    client.force_login(cast.kupang_uptd_intake)
    kwargs = {"complaint_id": public_complaint.pk}
    assert (
        client.post(
            reverse("intake:close", kwargs=kwargs), {"version": 1, "reason": "other"}
        ).status_code
        == 400
    )
    assert (
        client.post(
            reverse("intake:close", kwargs=kwargs), {"version": 1, "reason": "test"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("intake:reopen", kwargs=kwargs), {"version": 2, "reason": "salah"}
        ).status_code
        == 302
    )
    public_complaint.refresh_from_db()
    assert public_complaint.status == "received" and public_complaint.version == 3


# -- citizens ------------------------------------------------------------------------------------


def test_public_form_promises_and_accepts_an_anonymous_report(client, cast, regions):
    page = client.get(reverse("public:report")).content.decode()
    assert "UU 21/2007 Pasal 33" in page and "110" in page and "129" in page
    assert "Kota Kupang (Nusa Tenggara Timur)" in page
    response = client.post(
        reverse("public:report"),
        {
            "narrative": "Tetangga saya, anak 15 tahun, dibawa calo.",
            "region": "53.71",
            "involves_child": "yes",
            "reporter_anonymous": "on",
            "reporter_relation": "friend",
        },
        follow=True,
    )
    complaint = Complaint.objects.get()
    assert complaint.tracking_code in response.content.decode()
    assert complaint.reporter_anonymous and complaint.receiving_agency == cast.kupang_uptd
    # the confirmation shows the code once per report
    assert client.get(reverse("public:report_done")).status_code == 200


def test_public_form_errors(client, regions):
    response = client.post(
        reverse("public:report"),
        {"narrative": "", "involves_child": "unknown", "reporter_relation": "unknown"},
    )
    assert response.status_code == 400 and not Complaint.objects.exists()
    response = client.post(
        reverse("public:report"),
        {
            "narrative": "Ada calo",
            "involves_child": "unknown",
            "reporter_relation": "self",
            "reporter_anonymous": "on",
            "reporter_name": "Maria",
        },
    )
    assert response.status_code == 400 and "anonymous" in response.content.decode()
    assert not Complaint.objects.exists()


def test_public_form_is_rate_limited(client, settings, regions):
    settings.LENTERA_RATE_LIMITS = {"report": (2, 3600)}
    data = {"narrative": "Ada calo", "involves_child": "unknown", "reporter_relation": "unknown"}
    assert client.post(reverse("public:report"), data).status_code == 302
    assert client.post(reverse("public:report"), data).status_code == 302
    limited = client.post(reverse("public:report"), data)
    assert limited.status_code == 429 and Complaint.objects.count() == 2
    # another address is not limited
    assert client.post(reverse("public:report"), data, REMOTE_ADDR="10.0.0.9").status_code == 302


def test_report_done_without_a_report_goes_to_the_form(client):
    response = client.get(reverse("public:report_done"))
    assert response.status_code == 302 and response["Location"] == reverse("public:report")


def test_status_page(client, cast, public_complaint):
    url = reverse("public:status")
    services.complaint_close(
        actor=cast.kupang_uptd_intake,
        complaint=public_complaint,
        reason="insufficient",
        note="internal: tidak ada nomor",
        public_note="Silakan lapor lagi dengan keterangan tempat.",
    )
    code = public_complaint.tracking_code
    page = client.post(url, {"code": code.lower().replace("-", " ")}).content.decode()
    assert "The handling of your report has ended." in page
    assert "Silakan lapor lagi" in page
    for secret in ("internal", "UPTD", "Alak", "calo", "insufficient"):
        assert secret not in page.split('data-testid="status-result"')[1]


def test_status_page_same_answer_for_wrong_and_unknown_codes(client, public_complaint):
    url = reverse("public:status")

    def answer(code):
        page = client.post(url, {"code": code}).content.decode()
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
        return re.sub(r'"X-CSRFToken": "[^"]+"', "", page).replace(code, "")

    assert answer("LTR-2222-2222") == answer("not a code") == answer("LTR-0000-0000")
    assert 'data-testid="status-unknown"' in answer("LTR-2222-2222")


def test_status_page_is_rate_limited(client, settings, public_complaint):
    settings.LENTERA_RATE_LIMITS = {"status": (3, 3600)}
    url = reverse("public:status")
    for _ in range(3):
        assert client.post(url, {"code": "LTR-2222-2222"}).status_code == 200
    assert client.post(url, {"code": public_complaint.tracking_code}).status_code == 429


def test_acknowledge_through_the_page(client, cast, regions):
    complaint = services.complaint_register(
        actor=cast.kupang_uptd_intake,
        channel="hotline_129",
        facts=FactsInput(narrative="Penelepon khawatir tentang tetangganya."),
        reporter=ReporterInput(name="Penelepon", phone="081234567890"),
    )
    client.force_login(cast.kupang_uptd_intake)
    url = reverse("intake:acknowledge", kwargs={"complaint_id": complaint.pk})
    assert client.post(url, {"method": "screen"}).status_code == 400
    assert client.post(url, {"method": "callback"}).status_code == 302
    complaint.refresh_from_db()
    assert complaint.acknowledgement == "callback" and complaint.acknowledged_at is not None
