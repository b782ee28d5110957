"""Issue #18, items 4-7: amounts and dates as the reader writes them, regions and countries by
name, stored words in the reader's language, the proceedings stepper, the leader's home."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from lentera.apps.accounts import wording
from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AuditEvent
from lentera.apps.accounts.permissions import Role
from lentera.apps.cases import services as case_services
from lentera.apps.cases.forms import CaseEditForm, CaseFactsForm, JourneyLegForm
from lentera.apps.intake.parsing import parse_text
from lentera.apps.justice import deadlines as d
from lentera.apps.justice import stages as s
from lentera.apps.justice.stepper import stepper
from lentera.apps.justice.vocab import Stage
from lentera.apps.people.forms import PersonForm
from lentera.apps.reference.fields import RegionCodeField
from lentera.apps.reference.models import Country
from lentera.web.numbers import AmountField, parse_amount
from lentera.web.templatetags.lentera_format import deadline, match_reasons, rupiah
from tests.conftest import make_user

# ------------------------------------------------------------------ amounts in and out


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("Rp75.000.000", 75_000_000),
        ("Rp 75.000.000,-", 75_000_000),
        ("75.000.000,00", 75_000_000),
        ("75,000,000", 75_000_000),
        ("75000000", 75_000_000),
        ("rp. 1.500", 1_500),
    ],
)
def test_an_amount_is_read_as_an_officer_writes_it(typed, amount):
    assert parse_amount(typed) == amount
    assert AmountField().clean(typed) == amount


@pytest.mark.parametrize("typed", ["75.00.000", "tujuh juta", "1.2"])
def test_a_garbled_amount_is_refused_with_an_example(typed):
    assert parse_amount(typed) is None
    with translation.override("id"), pytest.raises(ValidationError, match=r"Rp75\.000\.000"):
        AmountField().clean(typed)


def test_an_amount_shows_grouped_in_the_page_language_and_round_trips():
    with translation.override("id"):
        assert rupiah(75_000_000) == "Rp75.000.000"
        shown = AmountField().widget.format_value(75_000_000)
        assert shown == "75.000.000" and AmountField().clean(shown) == 75_000_000
    with translation.override("en"):
        assert rupiah(75_000_000) == "Rp75,000,000"


# ------------------------------------------------------------------ dates


def test_pages_write_dates_in_words_and_a_day_deadline_shows_its_last_day():
    due = datetime(2026, 12, 16, 0, 0, tzinfo=UTC)  # end of 15 December, as the timers store it
    with translation.override("id"):
        assert deadline(due) == "15 Desember 2026"
    with translation.override("en"):
        assert deadline(due) == "15 December 2026"
        assert deadline(due + timedelta(hours=3)).startswith("16 December 2026")


# ------------------------------------------------------------------ regions and countries


def test_a_region_is_typed_by_name_and_shown_with_its_name(regions):
    field = RegionCodeField()
    assert field.clean("Kota Kupang · 53.71") == "53.71"
    assert field.clean("kota kupang") == "53.71"
    assert field.clean("53.71.01") == "53.71.01"
    with pytest.raises(ValidationError):
        field.clean("Atlantis")
    assert field.widget.format_value("53.71") == "Kota Kupang · 53.71"


def test_the_region_search_finds_by_name_for_signed_in_users(client, cast):
    url = reverse("reference:region_search")
    assert client.get(url, {"q": "kupang"}).status_code == 302
    client.force_login(cast.kupang_uptd_caseworker)
    found = client.get(url, {"q": "kupang"}).json()["results"]
    assert [r["code"] for r in found] == ["53.71"]
    assert found[0]["label"] == "Kota Kupang · 53.71"


def test_countries_are_chosen_by_their_name_in_the_page_language(regions):
    Country.objects.create(code="TL", alpha3="TLS", name_en="Timor-Leste", name_id="Timor Leste")
    Country.objects.create(code="DE", alpha3="DEU", name_en="Germany", name_id="Jerman")
    with translation.override("id"):
        names = [label for _code, label in JourneyLegForm().fields["origin_country"].choices]
        assert names == ["Indonesia", "Jerman", "Malaysia", "Timor Leste"]
        form = PersonForm()
        assert [str(c) for c in form.fields["nationality"].queryset] == names
    with translation.override("en"):
        names = [label for _code, label in JourneyLegForm().fields["origin_country"].choices]
        assert names == ["Germany", "Indonesia", "Malaysia", "Timor-Leste"]


def test_the_facts_form_takes_the_region_by_name(regions):
    form = CaseFactsForm(
        {"title": "Contoh", "region_code": "Kota Kupang", "recruitment_channel": "unknown"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["region_code"] == "53.71"


# ------------------------------------------------------------------ correcting the region


def test_the_region_of_a_case_is_corrected_with_an_audited_change(cast, regions):
    assert not CaseEditForm.base_fields["region_code"].disabled
    kupang_case = case_services.case_open(
        actor=cast.kupang_police_investigator, title="Contoh", region=regions["53.71"]
    )
    case_services.case_update_facts(
        actor=cast.kupang_police_investigator,
        case=kupang_case,
        version=kupang_case.version,
        region=regions["53.71.01"],
    )
    kupang_case.refresh_from_db()
    assert kupang_case.region.code == "53.71.01"
    event = AuditEvent.objects.filter(event_type=EventType.CASE_UPDATED).latest("id")
    assert event.data["region"] == {"from": "53.71", "to": "53.71.01"}
    assert "region" in event.data["fields"]
    with translation.override("id"):
        assert event.summary_text == "wilayah Kota Kupang (53.71) → Alak (53.71.01)"
    with translation.override("en"):
        assert event.summary_text == "region Kota Kupang (53.71) → Alak (53.71.01)"


# ------------------------------------------------------------------ stored words


def test_a_summary_stored_as_parts_reads_in_each_language_and_old_rows_stay_readable(cast):
    event = record_event(
        actor=cast.kupang_police_investigator,
        event_type=EventType.PROCEEDING_STAGE_RECORDED,
        summary=[wording.text("Proceeding #%(id)s", id="4"), ": ", wording.label(Stage, s.P21)],
    )
    assert event.summary == "Proses hukum #4: P-21: berkas lengkap"  # the default language
    with translation.override("en"):
        assert AuditEvent.objects.get(pk=event.pk).summary_text == (
            "Proceeding #4: P-21: file complete"
        )
    old = AuditEvent.objects.create(event_type="case_opened", summary="Kasus dibuka")
    assert old.summary_text == "Kasus dibuka"
    import lentera.apps.cases.services.qualification  # noqa: F401 - registers its old rows' reader

    run = AuditEvent.objects.create(
        event_type="qualification_run", summary="trafficking (UU21/2007)"
    )
    with translation.override("id"):
        assert run.summary_text == "Tindak pidana perdagangan orang (UU 21/2007)"
    with translation.override("en"):
        assert run.summary_text == "Trafficking in persons (UU 21/2007)"


def test_an_unknown_code_or_a_foreign_path_renders_as_the_code():
    assert (
        wording.render([{"c": "os.path", "v": "x"}, {"c": "lentera.nowhere.X", "v": "y"}]) == "xy"
    )


def test_match_reasons_read_in_the_page_language():
    with translation.override("id"):
        assert match_reasons(["same name (+5.2)", "different region (-1.0)"]) == (
            "nama sama (+5,2); wilayah berbeda (-1,0)"
        )


# ------------------------------------------------------------------ the stepper


def test_the_stepper_says_where_a_suspect_stands_and_what_is_due():
    overdue = d.Deadline(
        code="p19_return",
        kind=d.Kind.DUTY,
        basis="KUHAP Pasal 138(2)",
        start=date(2026, 10, 10),
        due=date(2026, 10, 24),
        status=d.Status.OVERDUE,
        met_on=None,
        days_left=-10,
        period_days=14,
    )
    reached = [s.POLICE_REPORT, s.INVESTIGATION_ORDER, s.SPDP, s.FILE_STAGE_1, s.P19]
    with translation.override("en"):
        view = stepper(current_stage=s.P19, reached=reached, outcome="", deadlines=[overdue])
        assert [x.state for x in view.steps] == ["done", "done", "current", "todo", "todo"]
        assert view.overdue and view.next_due == date(2026, 10, 24)
        assert str(view.next_label) == "File back to the prosecutor after P-19"
        assert view.returned == 1
        spdp = stepper(current_stage=s.SPDP, reached=reached[:3], outcome="", deadlines=[])
        assert [x.state for x in spdp.steps][:3] == ["done", "done", "current"]
        assert str(spdp.next_label) == "File sent to the prosecutor (tahap I)"
        stopped = stepper(
            current_stage=s.SPDP, reached=reached[:3], outcome="dismissed", deadlines=[]
        )
        assert stopped.steps[2].state == "stopped" and not stopped.next_label
        final = stepper(
            current_stage=s.FINAL, reached=[*reached, s.FINAL], outcome="", deadlines=[]
        )
        assert all(x.state == "done" for x in final.steps)


# ------------------------------------------------------------------ small things


def test_the_aca_keyword_of_the_migrant_worker_hotline_is_known():
    parsed = parse_text("ACA#TKI#Maria#Adik saya ditahan majikan di Malaysia")
    assert parsed.format == "keyword" and "unknown_keyword" not in parsed.flags
    assert parsed.facts and "migrant_worker" in parsed.facts


def test_a_visitor_at_the_address_gets_the_public_welcome(client):
    assert client.get("/")["Location"] == reverse("web:public_home")


@override_settings(DEBUG=False)
def test_a_missing_page_lists_no_url_patterns(client):
    page = client.get("/tidak-ada-halaman-ini/")
    assert page.status_code == 404
    assert "URLconf" not in page.content.decode() and "kasus/" not in page.content.decode()


def test_the_leader_sees_the_figures_and_a_link_to_the_statistics(client, cast):
    leader = make_user("kupang_leader", cast.kupang_uptd, [Role.LEADER])
    client.force_login(leader)
    page = client.get(reverse("web:dashboard")).content.decode()
    for key in ("statistics", "stalled", "overdue"):
        assert f'data-testid="card-{key}"' in page
    assert reverse("justice:statistics") in page
    assert 'data-testid="card-rows"' not in page  # nothing stalled, no agency to name
    assert "segera" not in page and 'class="soon"' not in page


def test_a_finished_linkage_run_says_done_once():
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    run = SimpleNamespace(
        pk=1,
        status="done",
        progress="Selesai",
        created_at=datetime(2026, 12, 5, 1, 0, tzinfo=UTC),
        get_status_display=lambda: "Selesai",
        records=10,
        candidates=2,
        error="",
    )
    with translation.override("id"):
        html = render_to_string("insights/_run.html", {"latest": run})
    assert "Selesai · Selesai" not in html and html.count("Selesai") == 1


def test_field_names_on_the_timeline_are_the_form_labels():
    from lentera.apps.protection.models import ReturnPlan

    parts = wording.joined([wording.field(ReturnPlan, "travel_on"), wording.field(ReturnPlan, "x")])
    with translation.override("en"):
        shown = wording.render(parts)
    assert "travel_on" not in shown and shown.endswith(", x")


def test_ubah_fakta_saves_on_the_first_try_and_takes_the_region_typed(client, cast, regions):
    """Issue #18, item 3: the edit form, posted as the browser sends it, saves; a region typed
    by name is the one stored."""
    from lentera.apps.cases.models import Case
    from tests.html_forms import html_form

    case = case_services.case_open(
        actor=cast.kupang_police_investigator, title="Contoh", region=regions["53.71"]
    )
    client.force_login(cast.kupang_police_investigator)
    url = reverse("cases:edit", kwargs={"case_id": case.pk})
    form = html_form(client.get(url).content.decode(), lambda f: "title" in dict(f.fields))
    assert dict(form.fields)["region_code"] == "Kota Kupang · 53.71"
    assert client.post(url, form.data()).status_code == 302
    assert Case.objects.get(pk=case.pk).region.code == "53.71"
    form = html_form(client.get(url).content.decode(), lambda f: "title" in dict(f.fields))
    assert client.post(url, form.data(region_code="Alak")).status_code == 302
    assert Case.objects.get(pk=case.pk).region.code == "53.71.01"
