"""Every form of the officer's day, in a real browser, in Indonesian and in English (issue #18).

Each page is opened in both languages and its visible text checked: no raw code (``snake_case``
names, ``UU21/2007:4``), no English word on an Indonesian page and no Indonesian word on an
English page (from lists of known words). Each edit form (``test_form_roundtrip.EDIT_FORMS``)
is then saved once unchanged in both languages: no error, and the record does not change.

The lists of words are short on purpose: common words of the interface that a translation gap
shows first. Data the test itself typed (titles, names, notes) is taken out of the text before
the check, since it is Indonesian on every page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError

from lentera.apps.accounts.middleware import needs_second_factor
from lentera.apps.accounts.models import User
from lentera.apps.cases import services as case_services
from lentera.apps.justice import services as justice_services
from lentera.apps.justice.vocab import Stage
from lentera.apps.people.services import person_create
from tests.browser.test_form_roundtrip import (
    EDIT_FORMS,
    a_case,
    a_victim,
    differences,
    snapshot,
)
from tests.conftest import Cast, login_verified

LANGUAGES = ("id", "en")

#: Words of the interface in English that must not show on an Indonesian page.
ENGLISH = re.compile(
    r"\b(the|and|of|with|Save|Cancel|Unknown|Yes|Region|Victim|Suspect|Proceeding|Stage|"
    r"Deadline|Next|Overdue|Trial|Verdict|Record|Search|Country|Date|Open|Add|Edit|"
    r"Dashboard|Cases|People|Statistics|days|due|none|None)\b"
)
#: Words of the interface in Indonesian that must not show on an English page.
INDONESIAN = re.compile(
    r"\b(dan|yang|tidak|dengan|untuk|belum|sudah|Simpan|Batal|Korban|Tersangka|Tahapan|"
    r"Tenggat|Wilayah|Negara|Tanggal|Kasus|Orang|Dasbor|Keluar|Berikutnya|Terlambat|"
    r"Persidangan|Putusan|Catat|Tambah|Ubah|Buka|Cari)\b"
)
#: A raw code on a page: an internal name (``uplift_minimum``) or an article code.
RAW_CODE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|\b(?:UU\d+/\d{4}|KUHP):\d+")

#: What the test typed itself (Indonesian in both languages), left out of the check.
TYPED = (
    "Perekrutan dua perempuan muda dari Alak ke Batam",
    "Rumah Aman Contoh Kupang",
    "Jalan Contoh 1, Kupang",
    "Kapal Pelni, didampingi pekerja sosial",
    "Ingin pulang ke orang tua.",
    "Orang tua siap menerima.",
    "Gaji yang tidak dibayar",
    "Paspor ditahan: polisi menangani.",
    "Sedang ditangani.",
    "Dicari TKW ke Malaysia, gaji 8 juta, tanpa biaya, paspor diurus. Hubungi WA.",
    "Ibu Yuliana menelepon: kakaknya bekerja di Malaysia, paspor ditahan.",
    "Ibu kandung",
    "Ibu Contoh",
    "Kepmenaker 260/2015",
    "Contoh",
)
#: Proper names and legal terms that are the same in both languages.
SAME_IN_BOTH = (
    "Lentera",
    "Gugus Tugas PP-TPPO",
    "UPTD PPA",
    "Polresta",
    "Kejari",
    "Dinsos",
    "Inspektorat",
    "Kota Kupang",
    "Nusa Tenggara Timur",
    "Pasal",
    "tahap",
    "sprindik",
    "dakwaan",
    "tuntutan",
    "putusan",
    "banding",
    "kasasi",
    "inkracht",
    "penyelidikan",
    "UU 21/2007",
    "Kemendagri",
)
#: The test's user names are written with underscores: data, not codes.
USERNAMES = tuple(
    name
    for name in (
        "kupang_police_investigator",
        "kupang_uptd_caseworker",
        "kupang_uptd_intake",
        "kupang_uptd_norole",
        "kupang_uptd_pendamping",
        "kupang_analyst",
        "kupang_auditor",
        "kupang_uptd_admin",
        "pontianak_caseworker",
        "batam_social_worker",
        "system_admin",
    )
)
#: Codes a page may show on purpose (an e-mail, a reference), not internal names.
ALLOWED_CODES = {"example_org"}


def visible_text(page: Page) -> str:
    """What the reader sees: the main part of the page, its form labels and options included."""
    return page.locator("main").inner_text()


def problems(text: str, lang: str, *, names: tuple[str, ...] = ()) -> list[str]:
    """What is wrong with a page's text in ``lang``; ``names`` (user names) are data."""
    for typed in (*names, *TYPED, *SAME_IN_BOTH):
        text = text.replace(typed, " ")
    found = [f"raw code {m!r}" for m in set(RAW_CODE.findall(text)) if m not in ALLOWED_CODES]
    wrong = ENGLISH if lang == "id" else INDONESIAN
    for match in sorted(set(wrong.findall(text))):
        start = text.find(match)
        found.append(f"{match!r} in “{text[max(0, start - 40) : start + 40].strip()}”")
    return found


# ------------------------------------------------------------------ the pages with forms


def a_proceeding(cast: Cast, regions: dict) -> Any:
    case = a_case(cast, regions)
    person = person_create(
        actor=cast.kupang_police_investigator,
        owner_agency=cast.kupang_police,
        full_name="Yohanes Contoh Benu",
        sex="male",
        region=regions["53.71"],
    )
    suspect = case_services.case_add_party(
        actor=cast.kupang_police_investigator, case=case, person=person, role="suspect"
    )
    proceeding = justice_services.proceeding_open(
        actor=cast.kupang_police_investigator,
        suspect=suspect,
        police_report_date=timezone.localdate() - timedelta(days=20),
        police_report_number="LP/B/12/I/SPKT",
    )
    justice_services.stage_record(
        actor=cast.kupang_police_investigator,
        proceeding=proceeding,
        stage=Stage.INVESTIGATION_ORDER,
        on=timezone.localdate() - timedelta(days=19),
    )
    return proceeding


@dataclass(frozen=True)
class FormPage:
    user: str
    setup: Callable[[Cast, dict], Any]
    url: Callable[[Any], str]


#: Pages with forms beyond the edit forms: opening a case, the case file with its forms, a
#: proceeding with its stepper, the proceedings of a case, the standalone qualification, the
#: person form, the statistics and the leader's home.
FORM_PAGES: dict[str, FormPage] = {
    "cases:create": FormPage(
        "kupang_police_investigator", lambda c, r: None, lambda _: reverse("cases:create")
    ),
    "cases:detail": FormPage(
        "kupang_police_investigator",
        a_case,
        lambda case: reverse("cases:detail", kwargs={"case_id": case.pk}),
    ),
    "cases:detail (other agency)": FormPage(
        "kupang_uptd_caseworker",
        lambda c, r: a_victim(c, r).case,
        lambda case: reverse("cases:detail", kwargs={"case_id": case.pk}),
    ),
    "justice:detail": FormPage(
        "kupang_police_investigator",
        a_proceeding,
        lambda p: reverse("justice:detail", kwargs={"proceeding_id": p.pk}),
    ),
    "justice:case": FormPage(
        "kupang_police_investigator",
        a_proceeding,
        lambda p: reverse("justice:case", kwargs={"case_id": p.case_id}),
    ),
    "cases:qualify": FormPage(
        "kupang_police_investigator", lambda c, r: None, lambda _: reverse("cases:qualify")
    ),
    "people:create": FormPage(
        "kupang_uptd_caseworker", lambda c, r: None, lambda _: reverse("people:create")
    ),
    "justice:statistics": FormPage(
        "kupang_analyst", lambda c, r: None, lambda _: reverse("justice:statistics")
    ),
    "web:dashboard": FormPage(
        "kupang_analyst", lambda c, r: None, lambda _: reverse("web:dashboard")
    ),
}


@pytest.fixture
def pages_in(browser: Browser, live_server, cast) -> Iterator[Callable[[str, str], Page]]:
    """A signed-in page per (cast member, language), made on first use."""
    contexts: list[BrowserContext] = []
    made: dict[tuple[str, str], Page] = {}

    def page_of(username: str, lang: str) -> Page:
        if (username, lang) not in made:
            user = getattr(cast, username, None) or User.objects.get(username=username)
            client = Client()
            if needs_second_factor(user):
                login_verified(client, user)
            else:
                client.force_login(user)
            context = browser.new_context(base_url=live_server.url, locale=f"{lang}-ID")
            context.set_default_timeout(10_000)
            session = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [
                    {
                        "name": settings.SESSION_COOKIE_NAME,
                        "value": session,
                        "url": live_server.url,
                    },
                    {"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": live_server.url},
                ]
            )
            contexts.append(context)
            made[(username, lang)] = context.new_page()
        return made[(username, lang)]

    yield page_of
    for context in contexts:
        context.close()


def _check_page(page: Page, url: str, lang: str) -> list[str]:
    response = page.goto(url)
    status = response.status if response else 0
    if status >= 400:
        return [f"{status}"]
    if page.locator("html").get_attribute("lang") != lang:
        return [f"the page is not in {lang}"]
    return problems(visible_text(page), lang, names=USERNAMES)


@pytest.mark.django_db(transaction=True)
def test_every_form_page_speaks_one_language_and_shows_no_code(pages_in, cast, regions):
    failures: list[str] = []
    for name, spec in FORM_PAGES.items():
        record = spec.setup(cast, regions)
        for lang in LANGUAGES:
            try:
                found = _check_page(pages_in(spec.user, lang), spec.url(record), lang)
            except PlaywrightError as exc:
                found = [str(exc).splitlines()[0]]
            failures += [f"{name} [{lang}]: {p}" for p in found]
    for name, edit in EDIT_FORMS.items():
        record = edit.setup(cast, regions)
        url = reverse(edit.page or name, kwargs=edit.kwargs(record))
        for lang in LANGUAGES:
            try:
                found = _check_page(pages_in(edit.user, lang), url, lang)
            except PlaywrightError as exc:
                found = [str(exc).splitlines()[0]]
            failures += [f"{name} [{lang}]: {p}" for p in found]
    assert not failures, "\n".join(failures)


@pytest.mark.django_db(transaction=True)
def test_every_edit_form_saves_unchanged_in_both_languages(pages_in, cast, regions):
    failures: list[str] = []
    for name, spec in EDIT_FORMS.items():
        record = spec.setup(cast, regions)
        for lang in LANGUAGES:
            page = pages_in(spec.user, lang)
            try:
                before = snapshot(spec, record)
                page.goto(reverse(spec.page or name, kwargs=spec.kwargs(record)))
                form = page.locator(spec.form.format(pk=getattr(record, "pk", "")))
                form.evaluate("f => { const d = f.closest('details'); if (d) d.open = true; }")
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
                changed = differences(before, snapshot(spec, record))
                assert not changed, f"changed (before, after): {changed}"
            except (AssertionError, PlaywrightError) as exc:
                failures.append(f"{name} [{lang}]: {str(exc).splitlines()[0]}")
    assert not failures, "\n".join(failures)


def test_the_word_lists_catch_what_they_should():
    assert problems("Simpan perubahan", "en") and problems("Save the changes", "id")
    assert problems("pengaturan uplift_minimum", "id")
    assert problems("Pasal 4 · UU21/2007:4", "id")
    assert not problems("Simpan · Pasal 4 UU 21/2007 · 15 Desember 2026", "id")
    assert date(2026, 12, 15)  # the dates of the pages are words (tested in tests/web)
