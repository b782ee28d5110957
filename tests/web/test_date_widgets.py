"""Every date and time field of every form round-trips through the browser in every language.

Issue #11: in Indonesian, Django wrote dates as ``14-05-2009``, which ``<input type="date">``
reads as empty; saving an edit form erased the date of birth or of the offence. And a field
both disabled (not sent by the browser) and required made the case edit form fail, then save
without the date on the second try. These tests check the whole class of defect, form by form.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from django import forms
from django.utils import timezone, translation

import lentera
from lentera.apps.accounts.models import User
from lentera.web.widgets import IsoDateInput, IsoDateTimeInput

pytestmark = pytest.mark.django_db  # some forms read their choices from the database

PACKAGES = ("lentera.apps", "lentera.web", "lentera.api")
SKIP = re.compile(r"\.(migrations|management)(\.|$)")
# Forms that need keyword arguments to be built (the ones views pass).
KWARGS: dict[str, dict[str, object]] = {
    "lentera.apps.justice.forms.DeadlineSettingsForm": {"current": {}},
    # the region drop-down of the prevention registers is the officer's own region
    "lentera.apps.prevention.outreach_forms.CommunityReportForm": {"user": User()},
    "lentera.apps.prevention.outreach_forms.CourseForm": {"user": User()},
    "lentera.apps.prevention.outreach_forms.EventForm": {"user": User()},
}
LANGUAGES = ("id", "en")


def _subclasses(cls: type) -> set[type]:
    found: set[type] = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found


def app_forms() -> list[type[forms.BaseForm]]:
    """Every Form and ModelForm class defined in Lentera's apps, pages and API."""
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            if not SKIP.search(info.name):
                importlib.import_module(info.name)
    return sorted(
        (c for c in _subclasses(forms.BaseForm) if c.__module__.startswith("lentera.")),
        key=lambda c: f"{c.__module__}.{c.__qualname__}",
    )


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _built(cls: type[forms.BaseForm]) -> forms.BaseForm:
    return cls(**KWARGS.get(_name(cls), {}))  # type: ignore[arg-type]


FORMS = app_forms()


def test_the_enumeration_finds_the_forms_of_every_app():
    names = {_name(c) for c in FORMS}
    for expected in (
        "lentera.apps.people.forms.PersonForm",
        "lentera.apps.cases.forms.CaseFactsForm",
        "lentera.apps.cases.forms.CaseEditForm",
        "lentera.apps.justice.forms.StageForm",
        "lentera.apps.protection.forms.RestitutionStepsForm",
        "lentera.apps.reference.forms.DestinationPolicyForm",
        "lentera.apps.accounts.forms.ApiTokenForm",
        "lentera.apps.intake.forms.RegisterForm",
        "lentera.apps.prevention.forms.DepartureForm",
    ):
        assert expected in names
    assert len(FORMS) > 50


@pytest.mark.parametrize("form_class", FORMS, ids=_name)
def test_date_fields_use_the_iso_widgets_and_round_trip(form_class):
    form = _built(form_class)
    day = date(2009, 5, 14)
    moment = timezone.make_aware(datetime(2009, 5, 14, 8, 30))
    for name, field in form.fields.items():
        where = f"{_name(form_class)}.{name}"
        if isinstance(field, forms.DateTimeField):
            assert type(field.widget) is IsoDateTimeInput, f"{where}: use IsoDateTimeInput"
            value, shown = moment, "2009-05-14T08:30"
        elif isinstance(field, forms.DateField):
            assert type(field.widget) is IsoDateInput, f"{where}: use IsoDateInput"
            value, shown = day, "2009-05-14"
        else:
            continue
        for language in LANGUAGES:
            with translation.override(language):
                rendered = field.widget.format_value(field.prepare_value(value))
                assert rendered == shown, f"{where} renders {rendered!r} in {language}"
                assert field.clean(rendered) == value, f"{where} rejects ISO in {language}"


@pytest.mark.parametrize("form_class", FORMS, ids=_name)
def test_no_field_is_disabled_and_required(form_class):
    """A disabled field is not sent by the browser; required, the form can never be saved."""
    form = _built(form_class)
    both = [n for n, f in form.fields.items() if f.disabled and f.required]
    assert not both, f"{_name(form_class)}: disabled and required: {both}"


def test_views_do_not_disable_fields():
    """Fields are disabled in the form classes (checked above), never by a view on one request:
    the case edit form disabled the region on display only, so the save failed."""
    root = Path(lentera.__file__).parent
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        if "migrations" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\.disabled\s*=\s*True", line)
    ]
    assert not found, f"disable fields in the form class instead: {found}"


def test_templates_write_no_date_input_by_hand():
    """A date input written in a template escapes the checks above (the detention release was
    one): every date and time input comes from a form field with the ISO widgets."""
    root = Path(lentera.__file__).parent
    by_hand = re.compile(r"<input[^>]*type=[\"']?(date|datetime-local)\b", re.IGNORECASE)
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("templates/**/*.html"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if by_hand.search(line)
    ]
    assert not found, f"render a form field with IsoDateInput instead: {found}"


def test_person_birth_date_renders_iso_in_indonesian():
    """The defect as reported: the edit form showed ``14-05-2009``, which the browser drops."""
    from lentera.apps.people.forms import PersonForm

    with translation.override("id"):
        html = str(PersonForm(initial={"birth_date": date(2009, 5, 14)})["birth_date"])
    assert 'value="2009-05-14"' in html
