"""Every edit form of the app, in a real browser in Indonesian: saved unchanged, the record does
not change; saved with one change, only that field changes.

Issue #11: Indonesian date values (``14-05-2009``) read as empty by ``<input type="date">`` made
"open, save" erase the date of birth and the date of the offence. ``EDIT_FORMS`` lists every
view that shows a form filled from a stored record; ``test_every_edit_view_is_listed`` fails
when an edit view appears without a row here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from django.conf import settings
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

from lentera.apps.accounts import services as account_services
from lentera.apps.accounts.middleware import needs_second_factor
from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Role
from lentera.apps.cases import services as case_services
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.cases.vocab import ControlMethod, ExploitationType, Platform, RecruitmentChannel
from lentera.apps.coordination import services as coordination_services
from lentera.apps.coordination.models import Meeting
from lentera.apps.intake import services as intake_services
from lentera.apps.intake.services import FactsInput, ReporterInput
from lentera.apps.intake.services.routing_rules import routing_rule_save
from lentera.apps.justice import services as justice_services
from lentera.apps.justice.forms import DeadlineSettingsForm
from lentera.apps.justice.models import DeadlineSetting
from lentera.apps.justice.vocab import DetentionLevel
from lentera.apps.people.services import person_create
from lentera.apps.prevention import services as prevention_services
from lentera.apps.protection import services as protection_services
from lentera.apps.reference import services as reference_services
from lentera.apps.reference.models import Country
from lentera.law import FACT_CODES
from lentera.privacy import Sealed, unseal
from tests.conftest import Cast, login_verified, make_user

# Bookkeeping that any save may move: not data the user sees or edits.
BOOKKEEPING = {"updated_at", "updated_by_id", "version"}


def row(obj: models.Model, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The stored values of a record (identity fields decrypted), bookkeeping left out."""
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    values = {}
    for f in fresh._meta.concrete_fields:
        if f.attname in BOOKKEEPING or f.attname in skip:
            continue
        value = getattr(fresh, f.attname)
        values[f.attname] = unseal(value) if isinstance(value, Sealed) else value
    return values


def today() -> date:
    return timezone.localdate()


def iso(day: date) -> str:
    return day.isoformat()


# ------------------------------------------------------------------------- the records


def a_person(cast: Cast, regions: dict) -> Any:
    return person_create(
        actor=cast.kupang_uptd_caseworker,
        owner_agency=cast.kupang_uptd,
        full_name="Ester Contoh Nenobais",
        aliases=["Ester", "Eti"],
        sex="female",
        birth_date=date(2009, 5, 14),  # a child: the date decides it
        nik="5371015405090001",
        phones=["0812-3456-7890"],
        address="Kelurahan Alak, Kota Kupang",
        region=regions["53.71.01"],
        nationality=Country.objects.get(code="ID"),
    )


def a_case(cast: Cast, regions: dict, actor: User | None = None) -> Case:
    """A case with every fact of the edit form filled (lists in the form's order)."""
    return case_services.case_open(
        actor=actor or cast.kupang_police_investigator,
        title="Perekrutan dua perempuan muda dari Alak ke Batam",
        region=regions["53.71"],
        offence_date=date(2021, 3, 1),  # decides the law in force and the deadlines
        narrative="Korban dijanjikan pekerjaan di restoran.",
        acts=list(FACT_CODES["acts"][:2]),
        means=list(FACT_CODES["means"][:1]),
        exploitation_types=[ExploitationType.values[0]],
        control_methods=[ControlMethod.values[0]],
        recruitment_channel=RecruitmentChannel.SOCIAL_MEDIA,
        recruitment_platform=Platform.FACEBOOK,
    )


def a_victim(cast: Cast, regions: dict) -> CaseParty:
    case = a_case(cast, regions, actor=cast.kupang_uptd_intake)
    person = person_create(
        actor=cast.kupang_uptd_caseworker,
        owner_agency=cast.kupang_uptd,
        full_name="Dina Contoh Manafe",
        sex="female",
        birth_date=date(2000, 5, 1),
        region=regions["53.71.01"],
    )
    return case_services.case_add_party(
        actor=cast.kupang_uptd_caseworker, case=case, person=person, role="victim"
    )


def a_detention(cast: Cast, regions: dict) -> Any:
    case = a_case(cast, regions)
    person = person_create(
        actor=cast.kupang_police_investigator,
        owner_agency=cast.kupang_police,
        full_name="Agustinus Contoh Sinlae",
        sex="male",
        region=regions["53.71"],
    )
    suspect = case_services.case_add_party(
        actor=cast.kupang_police_investigator, case=case, person=person, role="suspect"
    )
    proceeding = justice_services.proceeding_open(
        actor=cast.kupang_police_investigator,
        suspect=suspect,
        police_report_date=today() - timedelta(days=5),
        police_report_number="LP/B/41/II/SPKT/Polresta Kupang Kota",
    )
    return justice_services.detention_record(
        actor=cast.kupang_police_investigator,
        proceeding=proceeding,
        level=DetentionLevel.INVESTIGATOR,
        start=today() - timedelta(days=4),
        extension_days=0,
    )


def a_return_plan(cast: Cast, regions: dict) -> Any:
    return protection_services.return_plan(
        actor=cast.kupang_uptd_caseworker,
        party=a_victim(cast, regions),
        victim_wishes_return=True,
        wish_note="Ingin pulang ke orang tua.",
        family_assessed=True,
        family_assessment="Orang tua siap menerima.",
        safe_to_return=True,
        home_region=regions["53.71"],
        paying_agency=cast.kupang_uptd,
        travel="Kapal Pelni, didampingi pekerja sosial",
        travel_on=today() + timedelta(days=10),
        handover_to="Ibu kandung",
    )


def a_restitution(cast: Cast, regions: dict) -> Any:
    claim = protection_services.restitution_claim(
        actor=cast.kupang_uptd_caseworker,
        party=a_victim(cast, regions),
        amount_claimed=25_000_000,
        basis="Gaji yang tidak dibayar",
    )
    return protection_services.restitution_update(
        actor=cast.kupang_uptd_caseworker,
        restitution=claim,
        version=claim.version,
        in_demand_on=today() - timedelta(days=30),
        ordered_on=today() - timedelta(days=10),
        amount_ordered=20_000_000,
    )


def a_provider(cast: Cast, regions: dict) -> Any:
    return protection_services.provider_save(
        actor=cast.kupang_uptd_admin,
        name="Rumah Aman Contoh Kupang",
        kind="shelter",
        agency=cast.kupang_uptd,
        services=["shelter", "psychosocial"],
        region=regions["53.71"],
        address="Jalan Contoh 1, Kupang",
        phone="0380-000000",
        email="rumahaman@example.org",
        contact_person="Ibu Contoh",
        accepts_children=True,
    )


def a_destination_policy(cast: Cast, regions: dict) -> Any:
    return reference_services.destination_policy_save(
        actor=cast.system_admin,
        policy=None,
        country=Country.objects.get(code="MY"),
        sector="domestic_work",
        status="domestic_worker_ban",
        legal_basis="Kepmenaker 260/2015",
        valid_from=date(2015, 5, 26),
        valid_to=date(2030, 12, 31),
        note="Contoh",
    )


def deadline_settings(cast: Cast, regions: dict) -> None:
    """Every setting stored (one differs from its default), as after a first save."""
    form = DeadlineSettingsForm(current={})
    values = {name: f.initial for name, f in form.fields.items()}
    values[next(iter(values))] += 3
    justice_services.deadline_settings_set(actor=cast.system_admin, values=values)


def settings_rows(_record: Any) -> dict[str, Any]:
    return dict(DeadlineSetting.objects.values_list("name", "days"))


def a_triaged_complaint(cast: Cast, regions: dict) -> Any:
    """Triaged with both decisions overriding the rules (and the reason they need)."""
    complaint = intake_services.complaint_register(
        actor=cast.kupang_uptd_intake,
        channel="hotline_129",
        facts=FactsInput(
            narrative="Ibu Yuliana menelepon: kakaknya bekerja di Malaysia, paspor ditahan.",
            region=regions["53.71.01"],
            migrant_worker=True,
            people_count=2,
        ),
        reporter=ReporterInput(name="Yuliana Contoh", phone="0813-3333-4444", relation="family"),
    )
    return intake_services.complaint_triage(
        actor=cast.kupang_uptd_intake,
        complaint=complaint,
        version=complaint.version,
        involves_child="no",
        danger_now=False,
        departure_today=False,
        migrant_worker=True,
        any_man=True,
        people_count=2,
        urgency="high",
        routed_agency=cast.kupang_police,
        reason="Paspor ditahan: polisi menangani.",
        public_note="Sedang ditangani.",
    )


def a_screened_offer(cast: Cast, regions: dict) -> Any:
    """A job offer in the monitoring queue, still "new" (not yet triaged)."""
    screening, _result = prevention_services.offer_screen(
        actor=cast.kupang_uptd_intake,
        text="Dicari TKW ke Malaysia, gaji 8 juta, tanpa biaya, paspor diurus. Hubungi WA.",
        source="facebook",
    )
    return screening


def a_user_with_roles(cast: Cast, regions: dict) -> User:
    return make_user("kupang_uptd_pendamping", cast.kupang_uptd, [Role.CASEWORKER, Role.ANALYST])


def a_held_meeting(cast: Cast, regions: dict) -> Any:
    """The Kupang task force's meeting of yesterday: an agenda item, draft minutes, a decision
    (the same meeting for both rows that need one)."""
    meeting = Meeting.objects.filter(title="Rapat koordinasi semester I").first()
    if meeting is not None:
        return meeting
    secretariat = make_user("kupang_secretariat", cast.kupang_uptd, [Role.SECRETARIAT])
    task_force = account_services.task_force_create(
        actor=None, name="Gugus Tugas PP-TPPO Kota Kupang", level="regency", region=regions["53.71"]
    )
    invited = [cast.kupang_police, cast.kupang_uptd]
    for agency in invited:
        account_services.task_force_add_member(actor=None, task_force=task_force, agency=agency)
    meeting = coordination_services.meeting_schedule(
        actor=secretariat,
        task_force=task_force,
        title="Rapat koordinasi semester I",
        starts_at=timezone.now() - timedelta(days=1),
        place="Kantor DP3A Kota Kupang",
        agencies=invited,
    )
    coordination_services.agenda_add(
        actor=secretariat, meeting=meeting, topic="Evaluasi pemulangan korban semester I"
    )
    meeting.refresh_from_db()
    coordination_services.minutes_record(
        actor=secretariat,
        meeting=meeting,
        minutes="Rapat dibuka pukul 09.00.",
        version=meeting.version,
    )
    coordination_services.decision_add(
        actor=secretariat, meeting=meeting, text="Sosialisasi di kelurahan asal korban."
    )
    return meeting


def an_agenda_item(cast: Cast, regions: dict) -> Any:
    return a_held_meeting(cast, regions).agenda.get()


def a_decision(cast: Cast, regions: dict) -> Any:
    return a_held_meeting(cast, regions).decisions.get()


def a_routing_rule(cast: Cast, regions: dict) -> Any:
    return routing_rule_save(
        actor=cast.system_admin,
        region=regions["53.71"],
        category="any",
        age_band="child",
        agency=cast.kupang_uptd,
        fallback_agency=cast.kupang_police,
        priority=40,
        note="Anak di Kota Kupang: UPTD PPA",
    )


def a_placement_agency(cast: Cast, regions: dict) -> Any:
    make_user("kupang_manpower_officer", cast.kupang_police, [Role.MANPOWER_OFFICER])
    return prevention_services.placement_agency_save(
        actor=User.objects.get(username="kupang_manpower_officer"),
        record=prevention_services.AgencyRecord(
            licence_number="KEP.123/PPTKIS/2020",
            name="PT Contoh Penempatan",
            valid_from=date(2020, 3, 1),
            valid_to=date(2030, 2, 28),
            head_office="Jakarta Timur",
            branches=("Kupang", "Atambua"),
            note="Contoh",
        ),
    )


def roles_of(user: User) -> dict[str, Any]:
    return {"roles": sorted(user.role_assignments.values_list("role", flat=True))}


# ------------------------------------------------------------------------- the edit forms


@dataclass(frozen=True)
class EditForm:
    """An edit form, keyed in ``EDIT_FORMS`` by the URL name of the view that saves it."""

    user: str  # the Cast member who edits
    setup: Callable[[Cast, dict], Any]  # makes the record
    kwargs: Callable[[Any], dict[str, Any]]  # the URL's arguments for the record
    form: str  # CSS selector of the edit form on the page ({pk}: the record's)
    # one change: input name, value typed or checked, {stored field: value expected}
    change: tuple[str, str, Callable[[Any], dict[str, Any]]]
    snapshot: Callable[[Any], dict[str, Any]] = row
    skip: tuple[str, ...] = ()  # more bookkeeping of this record
    page: str = ""  # the URL name of the page showing the form, when not the key


EDIT_FORMS: dict[str, EditForm] = {
    "people:edit": EditForm(
        user="kupang_uptd_caseworker",
        setup=a_person,
        kwargs=lambda p: {"person_id": p.pk},
        form="form:has([name=full_name])",
        change=("address", "Jalan Contoh 2, Alak", lambda p: {"address": "Jalan Contoh 2, Alak"}),
    ),
    "cases:edit": EditForm(
        user="kupang_police_investigator",
        setup=a_case,
        kwargs=lambda c: {"case_id": c.pk},
        form="form:has([data-testid=save-case])",
        change=("offence_date", "2021-03-02", lambda c: {"offence_date": date(2021, 3, 2)}),
    ),
    "justice:detention_update": EditForm(
        user="kupang_police_investigator",
        setup=a_detention,
        kwargs=lambda d: {"proceeding_id": d.proceeding_id},
        page="justice:detail",  # a form per detention, on the proceeding's page
        form="form[action$='/penahanan/{pk}/']",
        change=("end", iso(today() - timedelta(days=1)), lambda d: {"end": today() - timedelta(1)}),
    ),
    "justice:settings": EditForm(
        user="system_admin",
        setup=deadline_settings,
        kwargs=lambda _: {},
        form="[data-testid=settings-form]",
        change=("stall_days", "77", lambda _: {"stall_days": 77}),
        snapshot=settings_rows,
    ),
    "protection:return": EditForm(
        user="kupang_uptd_caseworker",
        setup=a_return_plan,
        kwargs=lambda p: {"case_id": p.case_id, "plan_id": p.pk},
        form="[data-testid=update-form]",
        change=(
            "travel_on",
            iso(today() + timedelta(days=12)),
            lambda p: {"travel_on": today() + timedelta(days=12)},
        ),
    ),
    "protection:restitution": EditForm(
        user="kupang_uptd_caseworker",
        setup=a_restitution,
        kwargs=lambda r: {"case_id": r.case_id, "restitution_id": r.pk},
        form="form:has([name=in_demand_on])",
        change=(
            "in_demand_on",
            iso(today() - timedelta(days=31)),
            lambda r: {"in_demand_on": today() - timedelta(days=31)},
        ),
    ),
    "protection:provider_edit": EditForm(
        user="kupang_uptd_admin",
        setup=a_provider,
        kwargs=lambda p: {"provider_id": p.pk},
        form="form:has([name=contact_person])",
        change=("phone", "0380-111111", lambda p: {"phone": "0380-111111"}),
    ),
    "reference:destination_edit": EditForm(
        user="system_admin",
        setup=a_destination_policy,
        kwargs=lambda p: {"policy_id": p.pk},
        form="form:has([name=legal_basis])",
        change=("valid_to", "2031-06-30", lambda p: {"valid_to": date(2031, 6, 30)}),
    ),
    "intake:triage": EditForm(  # re-triage: facts and overrides, filled from the complaint
        user="kupang_uptd_intake",
        setup=a_triaged_complaint,
        kwargs=lambda c: {"complaint_id": c.pk},
        page="intake:detail",
        form="form[action$='/triase/']",
        change=("public_note", "Sudah dirujuk.", lambda c: {"public_note": "Sudah dirujuk."}),
        skip=("triaged_at", "triaged_by_id"),
    ),
    "prevention:offer_triage": EditForm(  # the status and note of a screened offer
        user="kupang_uptd_intake",
        setup=a_screened_offer,
        kwargs=lambda o: {"offer_id": o.pk},
        page="prevention:offer",
        form="form:has([data-testid=triage-save])",
        change=("note", "Dipantau tiap minggu.", lambda o: {"note": "Dipantau tiap minggu."}),
        skip=("triaged_at", "triaged_by_id"),
    ),
    "coordination:agenda_edit": EditForm(  # a form per agenda item, on the meeting's page
        user="kupang_secretariat",
        setup=an_agenda_item,
        kwargs=lambda a: {"meeting_id": a.meeting_id},
        page="coordination:meeting",
        form="[data-testid=agenda-edit-1]",
        change=("topic", "Evaluasi rujukan", lambda a: {"topic": "Evaluasi rujukan"}),
    ),
    "coordination:decision_edit": EditForm(  # a form per decision, on the meeting's page
        user="kupang_secretariat",
        setup=a_decision,
        kwargs=lambda d: {"meeting_id": d.meeting_id},
        page="coordination:meeting",
        form="[data-testid=decision-edit-1]",
        change=("text", "Sosialisasi di sekolah.", lambda d: {"text": "Sosialisasi di sekolah."}),
    ),
    "intake:routing_edit": EditForm(
        user="system_admin",
        setup=a_routing_rule,
        kwargs=lambda r: {"rule_id": r.pk},
        form="form:has([data-testid=save-rule])",
        change=("priority", "45", lambda r: {"priority": 45}),
    ),
    "prevention:agency_edit": EditForm(
        user="kupang_manpower_officer",
        setup=a_placement_agency,
        kwargs=lambda a: {"p3mi_id": a.pk},
        form="form:has([name=licence_number])",
        change=("valid_to", "2031-02-28", lambda a: {"valid_to": date(2031, 2, 28)}),
    ),
    "accounts:user_detail": EditForm(  # the roles form, filled from the user's roles
        user="kupang_uptd_admin",
        setup=a_user_with_roles,
        kwargs=lambda u: {"user_id": u.pk},
        form="form:has(input[name=action][value=roles])",
        change=(
            "roles",
            Role.INTAKE_OFFICER.value,
            lambda u: {"roles": sorted(["analyst", "caseworker", "intake_officer"])},
        ),
        snapshot=roles_of,
    ),
}

# Forms filled from a record that are not edits of it: each saves a step, on purpose a change.
NOT_EDIT_FORMS: dict[str, str] = {
    "intake:close": "closes the complaint (the public note is offered again)",
    "intake:reopen": "reopens it",
    "intake:open_case": "opens a new case from it (the region is offered)",
    "justice:open": "opens a proceeding (today's date is offered)",
}


def _url_names(patterns: list[Any], namespace: str = "", route: str = "") -> list[tuple]:
    found = []
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            found += _url_names(p.url_patterns, ns, route + str(p.pattern))
        elif isinstance(p, URLPattern) and p.name:
            found.append((f"{namespace}{p.name}", route + str(p.pattern)))
    return found


def test_every_edit_view_is_listed():
    """A new view named ``…edit``/``…update`` (or under an ``ubah/`` path) needs a row above."""
    urls = _url_names(get_resolver().url_patterns)
    edit_views = {
        name for name, route in urls if name.endswith(("edit", "update")) or "ubah/" in route
    }
    assert len(edit_views) >= 4, "the URL names changed: adapt this test"
    missing = edit_views - set(EDIT_FORMS)
    assert not missing, f"edit views without a round-trip row in EDIT_FORMS: {sorted(missing)}"
    names = {name for name, _route in urls}
    listed = {*EDIT_FORMS, *NOT_EDIT_FORMS, *(s.page for s in EDIT_FORMS.values() if s.page)}
    assert listed <= names, f"not URL names: {sorted(listed - names)}"


# ------------------------------------------------------------------------- in the browser


@pytest.fixture
def pages(browser: Browser, live_server, cast):
    """One page per cast member, signed in by session cookie (no password round, no TOTP
    prompt), in an Indonesian browser; made on first use and reused for every form."""
    contexts: dict[str, BrowserContext] = {}
    made: dict[str, Page] = {}

    def page_of(username: str) -> Page:
        if username not in made:
            # a cast member, or a user an edit form's record made (the secretariat, say)
            user = getattr(cast, username, None) or User.objects.get(username=username)
            client = Client()
            if needs_second_factor(user):
                login_verified(client, user)
            else:
                client.force_login(user)
            context = browser.new_context(base_url=live_server.url, locale="id-ID")
            context.set_default_timeout(10_000)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
            )
            contexts[username] = context
            made[username] = context.new_page()
        return made[username]

    yield page_of
    for context in contexts.values():
        context.close()


@pytest.fixture
def records(cast, regions) -> dict[str, Any]:
    return {name: spec.setup(cast, regions) for name, spec in EDIT_FORMS.items()}


def open_form(page: Page, name: str, spec: EditForm, record: Any) -> Any:
    page.goto(reverse(spec.page or name, kwargs=spec.kwargs(record)))
    expect(page.locator("html")).to_have_attribute("lang", "id")
    form = page.locator(spec.form.format(pk=getattr(record, "pk", "")))
    expect(form).to_have_count(1)
    form.evaluate("f => { const d = f.closest('details'); if (d) d.open = true; }")  # folded
    # What the browser holds is what the server wrote: a date it cannot read is dropped.
    dropped = form.locator("input[type=date], input[type=datetime-local]").evaluate_all(
        "els => els.filter(e => e.value !== (e.getAttribute('value') || ''))"
        ".map(e => e.name + '=' + e.getAttribute('value'))"
    )
    assert not dropped, f"the browser reads these dates as empty: {dropped}"
    return form


def submit(page: Page, form: Any) -> None:
    refused = form.evaluate(
        "f => [...f.elements].filter(e => e.willValidate && !e.checkValidity())"
        ".map(e => e.name + ': ' + e.validationMessage)"
    )
    assert not refused, f"the browser will not send the form: {refused}"
    with page.expect_navigation() as navigation:
        form.locator("button[type=submit]").first.click()
    status = navigation.value.status if navigation.value else 0
    errors = page.locator(".errors, .error, .msg-error").all_inner_texts()
    assert status < 400 and not errors, f"not saved ({status}): {errors}"


def change(form: Any, input_name: str, value: str) -> None:
    control = form.locator(f"[name={input_name}]")
    if control.first.get_attribute("type") == "checkbox":
        form.locator(f"[name={input_name}][value={value}]").check()
    else:
        control.fill(value)


def snapshot(spec: EditForm, record: Any) -> dict[str, Any]:
    if spec.snapshot is row:
        return row(record, skip=spec.skip)
    return spec.snapshot(record)


def differences(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    return {k: (before.get(k), after.get(k)) for k in before.keys() | after.keys()
            if before.get(k) != after.get(k)}  # fmt: skip


def each_form(records: dict[str, Any], pages: Callable[[str], Page], check: Callable) -> None:
    """Run ``check`` on every edit form; report every form that fails, not only the first."""
    failures = []
    for name, spec in EDIT_FORMS.items():
        try:
            check(pages(spec.user), name, spec, records[name])
        except (AssertionError, PlaywrightError) as exc:
            failures.append(f"{name}: {str(exc).splitlines()[0]}")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db(transaction=True)
def test_saving_unchanged_changes_nothing(records, pages):
    def check(page: Page, name: str, spec: EditForm, record: Any) -> None:
        before = snapshot(spec, record)
        submit(page, open_form(page, name, spec, record))
        changed = differences(before, snapshot(spec, record))
        assert not changed, f"changed (before, after): {changed}"

    each_form(records, pages, check)


@pytest.mark.django_db(transaction=True)
def test_saving_one_change_changes_only_that_field(records, pages):
    def check(page: Page, name: str, spec: EditForm, record: Any) -> None:
        before = snapshot(spec, record)
        input_name, typed, expected = spec.change
        form = open_form(page, name, spec, record)
        change(form, input_name, typed)
        submit(page, form)
        wanted = {**before, **expected(record)}
        assert wanted != before, "the change is the stored value already"
        wrong = differences(wanted, snapshot(spec, record))
        assert not wrong, f"(wanted, stored): {wrong}"

    each_form(records, pages, check)
