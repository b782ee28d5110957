"""Forms of the prevention pages. The posko form is built for a phone: one column, large radio
buttons, the usual answers first, and every question optional (the officer could not ask)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.models import AccessPurpose
from lentera.apps.prevention.engine import country_choices
from lentera.apps.prevention.selectors import OPEN
from lentera.apps.prevention.vocab import (
    JobSector,
    Level,
    OfferSource,
    OfferStatus,
    Purpose,
    Recruiter,
    Sex,
    VisaType,
)
from lentera.web.honeypot import HoneypotForm
from lentera.web.widgets import IsoDateInput

PUBLIC_MAX_CHARS = 5000
OFFICER_MAX_CHARS = 20_000

NOT_ASKED = ("", _("Not asked"))


def _any(label: Any) -> list[tuple[str, Any]]:
    return [("", label)]


class PublicCheckForm(HoneypotForm):
    text = forms.CharField(
        label=_("Paste the job offer, post or chat message"),
        max_length=PUBLIC_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 8, "autofocus": True}),
        help_text=_("Nothing you paste is saved. Leave out your own name and phone number."),
    )


class OfferPasteForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the offer, post or message"),
        max_length=OFFICER_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    source = forms.ChoiceField(
        label=_("Where it was found"), choices=_any("—") + OfferSource.choices, required=False
    )
    url = forms.CharField(
        label=_("Link"),
        max_length=500,
        required=False,
        widget=forms.URLInput(attrs={"inputmode": "url"}),
    )
    found_on = forms.DateField(
        label=_("Found on"),
        required=False,
        widget=IsoDateInput(),
    )

    def found_at(self) -> dt.datetime | None:
        day = self.cleaned_data.get("found_on")
        if day is None:
            return None
        return timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))


class OfferImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or JSON Lines file"),
        help_text=_(
            "Columns or fields: text (required), source, url, id. Every line is checked first; "
            "if one is wrong, nothing is imported."
        ),
    )


class OfferFilterForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Level"), choices=_any(_("All")) + Level.choices, required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(OPEN, _("Open (new or watching)")), ("", _("All")), *OfferStatus.choices],
        required=False,
    )
    source = forms.ChoiceField(
        label=_("Source"), choices=_any(_("All")) + OfferSource.choices, required=False
    )


class OfferTriageForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (OfferStatus.WATCH, _("Watch")),
            (OfferStatus.DISMISSED, _("Dismiss")),
            (OfferStatus.NEW, _("Back to new")),
        ],
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class RevealForm(forms.Form):
    purpose = forms.ChoiceField(
        label=_("Why do you need the identity?"), choices=AccessPurpose.choices
    )
    purpose_note = forms.CharField(label=_("Explanation"), max_length=300, required=False)


class OpenCaseForm(forms.Form):
    full_name = forms.CharField(
        label=_("Traveller's name"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the name recorded at the interview."),
    )
    nik = forms.CharField(
        label=_("NIK"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )


# -- the posko interview --------------------------------------------------------------------


def _yes_no(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def yes_no(label: Any, help_text: Any = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=[("yes", _("Yes")), ("no", _("No")), NOT_ASKED],
        coerce=_yes_no,
        empty_value=None,
        required=False,
        initial="",
        widget=forms.RadioSelect,
    )


def _radio(label: Any, choices: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[*choices, NOT_ASKED],
        required=False,
        initial="",
        widget=forms.RadioSelect,
    )


def _select(label: Any, choices: Any) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=[NOT_ASKED, *choices], required=False)


def _amount(label: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=10_000_000_000,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": "1000"}),
    )


class DepartureForm(forms.Form):
    """The contract's interview; ``interview()`` gives the contract record."""

    departure_post = forms.CharField(
        label=_("Post"),
        max_length=100,
        widget=forms.TextInput(attrs={"list": "posts", "autocomplete": "off"}),
    )
    departure_date = forms.DateField(
        label=_("Departure date"),
        required=False,
        widget=IsoDateInput(),
    )
    destination_country = forms.ChoiceField(label=_("Destination country"), required=False)
    stated_purpose = _radio(_("Purpose of the trip, as the traveller says"), Purpose.choices)
    age = forms.IntegerField(
        label=_("Age (from documents)"),
        min_value=0,
        max_value=120,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    sex = _radio(_("Sex"), Sex.choices)
    parental_consent = yes_no(
        _("Written consent of a parent or guardian"), _("Only for travellers under 18.")
    )
    job_offered = yes_no(_("Expects to work at the destination"))
    job_sector = _select(_("Kind of work"), JobSector.choices)
    employer_known = yes_no(_("Can name the employer and its address"))
    contract_seen = yes_no(_("Has seen or signed an employment contract"))
    salary_promised_idr = _amount(_("Salary promised (Rp per month)"))
    placement_registered = yes_no(
        _("Registered as a migrant worker"),
        _("With a licensed agency or the government (migrant-worker ID card)."),
    )
    recruited_by = _select(_("Who arranged the job or the trip"), Recruiter.choices)
    fees_paid_idr = _amount(_("Fees paid to a recruiter (Rp)"))
    costs_paid_by_recruiter = yes_no(
        _("Ticket or papers paid by someone who expects the money back")
    )
    visa_type = _select(_("Visa"), VisaType.choices)
    holds_own_documents = yes_no(_("Holds own passport and ID card"))
    accompanied_by_handler = yes_no(
        _("Travels with someone who answers for them or holds their papers")
    )
    group_size = forms.IntegerField(
        label=_("Travelling with how many others recruited the same way"),
        min_value=0,
        max_value=10_000,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    story_inconsistent = yes_no(_("Answers contradict the documents or each other"))
    return_ticket = yes_no(_("Holds a return or onward ticket"))
    traveller_name = forms.CharField(label=_("Name"), max_length=200, required=False)
    traveller_nik = forms.CharField(
        label=_("NIK"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    traveller_phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )

    #: Fieldsets in order: (key, legend, fields).
    GROUPS = (
        ("trip", _("Post and trip"), ("departure_post", "departure_date", "destination_country",
                                       "stated_purpose")),
        ("traveller", _("Traveller"), ("age", "sex")),
        ("child", _("Under 18"), ("parental_consent",)),
        ("work", _("Work at the destination"), ("job_offered", "job_sector", "employer_known",
                                                "contract_seen", "salary_promised_idr",
                                                "placement_registered", "recruited_by",
                                                "fees_paid_idr", "costs_paid_by_recruiter")),
        ("papers", _("Papers and travel"), ("visa_type", "holds_own_documents",
                                            "accompanied_by_handler", "group_size",
                                            "story_inconsistent", "return_ticket")),
        ("identity", _("Identity (optional)"), ("traveller_name", "traveller_nik",
                                                "traveller_phone")),
    )  # fmt: skip
    IDENTITY = ("traveller_name", "traveller_nik", "traveller_phone")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        country = self.fields["destination_country"]
        assert isinstance(country, forms.ChoiceField)
        country.choices = [NOT_ASKED, *country_choices()]

    def groups(self) -> list[dict[str, Any]]:
        return [
            {"key": key, "legend": legend, "fields": [self[name] for name in names]}
            for key, legend, names in self.GROUPS
        ]

    def interview(self) -> dict[str, object]:
        """The answered questions as the contract's record (without the identity)."""
        record: dict[str, object] = {}
        for name, value in self.cleaned_data.items():
            if name in self.IDENTITY or name == "departure_post":
                continue
            if value is None or value == "":
                continue
            record[name] = value.isoformat() if isinstance(value, dt.date) else value
        return record


class DepartureFilterForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Level"), choices=_any(_("All")) + Level.choices, required=False
    )
    post = forms.CharField(label=_("Post"), max_length=100, required=False)
    destination = forms.ChoiceField(label=_("Destination"), required=False)
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=IsoDateInput(),
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=IsoDateInput(),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        destination = self.fields["destination"]
        assert isinstance(destination, forms.ChoiceField)
        destination.choices = [("", _("All")), *country_choices()]
