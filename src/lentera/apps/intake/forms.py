from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.models import Agency
from lentera.apps.intake.models import (
    OFFICER_CHANNELS,
    Acknowledgement,
    Channel,
    CloseReason,
    ComplaintStatus,
    ReporterRelation,
    Urgency,
    YesNoUnknown,
)
from lentera.apps.intake.services import FactsInput, ReporterInput
from lentera.apps.reference.fields import RegionCodeField
from lentera.apps.reference.models import Region, RegionLevel
from lentera.web.honeypot import HoneypotForm
from lentera.web.widgets import IsoDateInput, IsoDateTimeInput


def public_region_choices() -> list[tuple[str, str]]:
    """Provinces and regencies/cities, each regency named with its province."""
    rows = Region.objects.filter(
        level__in=[RegionLevel.PROVINCE, RegionLevel.REGENCY]
    ).select_related("parent")
    choices: list[tuple[str, str]] = [("", str(_("I do not know / prefer not to say")))]
    for region in rows:
        if region.level == RegionLevel.PROVINCE or region.parent is None:
            choices.append((region.code, region.name))
        else:
            choices.append((region.code, f"{region.name} ({region.parent.name})"))
    return choices


class FactsFields(forms.Form):
    """What happened: shared by the public form and the officers' form."""

    narrative = forms.CharField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Who, where, when, and what you saw or heard. Simple words are fine."),
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=300,
        required=False,
        help_text=_("Village, street, port, company or house, if you know it."),
    )
    involves_child = forms.ChoiceField(
        label=_("Is a child (under 18) involved?"),
        choices=YesNoUnknown.choices,
        initial=YesNoUnknown.UNKNOWN,
        widget=forms.RadioSelect,
    )
    danger_now = forms.BooleanField(label=_("Someone is in danger right now"), required=False)
    departure_today = forms.BooleanField(
        label=_("Someone is about to be sent away today (ship, plane, bus)"), required=False
    )
    migrant_worker = forms.BooleanField(
        label=_("It is about work abroad or a migrant worker"), required=False
    )
    people_count = forms.IntegerField(
        label=_("How many people are affected?"), min_value=0, max_value=999, required=False
    )
    any_man = forms.BooleanField(label=_("Among them is a man or a boy"), required=False)

    def facts_input(self, region: Region | None) -> FactsInput:
        data = self.cleaned_data
        return FactsInput(
            narrative=data["narrative"],
            place=data["place"],
            region=region,
            people_count=data["people_count"],
            any_child=data.get("any_child", False),
            any_man=data["any_man"],
            involves_child=data["involves_child"],
            danger_now=data["danger_now"],
            departure_today=data["departure_today"],
            migrant_worker=data["migrant_worker"],
        )


class ReporterFields(forms.Form):
    reporter_anonymous = forms.BooleanField(
        label=_("I want to report anonymously (without my name or contact)"), required=False
    )
    reporter_relation = forms.ChoiceField(
        label=_("You are"),
        choices=ReporterRelation.choices,
        initial=ReporterRelation.UNKNOWN,
        required=False,
    )
    reporter_name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    reporter_phone = forms.CharField(
        label=_("Phone or WhatsApp"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    reporter_email = forms.CharField(label=_("Email"), max_length=200, required=False)
    reporter_address = forms.CharField(
        label=_("Address"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reporter_confidential = forms.BooleanField(
        label=_(
            "Keep my identity confidential: only the office that receives my report may see it "
            "(UU 21/2007 Pasal 33)"
        ),
        required=False,
    )

    def reporter_input(self) -> ReporterInput:
        data = self.cleaned_data
        return ReporterInput(
            name=data["reporter_name"],
            phone=data["reporter_phone"],
            email=data["reporter_email"],
            address=data["reporter_address"],
            anonymous=data["reporter_anonymous"],
            confidential=data["reporter_confidential"],
            relation=data["reporter_relation"] or ReporterRelation.UNKNOWN,
        )


class PublicComplaintForm(HoneypotForm, FactsFields, ReporterFields):
    region = forms.ChoiceField(label=_("Regency or city where it happened"), required=False)

    field_order = [
        "narrative",
        "region",
        "place",
        "involves_child",
        "danger_now",
        "departure_today",
        "migrant_worker",
        "people_count",
        "any_man",
        "reporter_anonymous",
        "reporter_relation",
        "reporter_name",
        "reporter_phone",
        "reporter_email",
        "reporter_address",
        "reporter_confidential",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = public_region_choices()
        self.fields["region"].choices = choices  # type: ignore[attr-defined]

    def region_obj(self) -> Region | None:
        code = self.cleaned_data.get("region") or ""
        return Region.objects.filter(code=code).first() if code else None


class RegisterForm(FactsFields, ReporterFields):
    channel = forms.ChoiceField(
        label=_("Channel"), choices=[(c.value, c.label) for c in OFFICER_CHANNELS]
    )
    received_at = forms.DateTimeField(
        label=_("Received"),
        required=False,
        widget=IsoDateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Leave empty for now."),
    )
    region_code = RegionCodeField(
        required=False,
        help_text=_("Where it happened: type part of the name, e.g. Alak, and pick it."),
    )
    any_child = forms.BooleanField(label=_("A child is among them"), required=False)
    acknowledged_verbally = forms.BooleanField(
        label=_("I gave the reporter the tracking code verbally"), required=False
    )

    field_order = [
        "channel",
        "received_at",
        "narrative",
        "region_code",
        "place",
        "involves_child",
        "danger_now",
        "departure_today",
        "migrant_worker",
        "people_count",
        "any_child",
        "any_man",
        "reporter_anonymous",
        "reporter_relation",
        "reporter_name",
        "reporter_phone",
        "reporter_email",
        "reporter_address",
        "reporter_confidential",
        "acknowledged_verbally",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["narrative"].label = _("What the reporter said")
        self.fields["reporter_anonymous"].label = _("The reporter stays anonymous")
        self.fields["reporter_relation"].label = _("The reporter is")
        self.fields["reporter_name"].label = _("Reporter's name")
        self.fields["reporter_confidential"].label = _(
            "Keep the reporter's identity confidential: only our agency sees it (Pasal 33)"
        )


class ListFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *ComplaintStatus.choices], required=False
    )
    channel = forms.ChoiceField(
        label=_("Channel"), choices=[("", _("All")), *Channel.choices], required=False
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=[("", _("All")), *Urgency.choices], required=False
    )
    region = RegionCodeField(required=False, help_text="")
    received_from = forms.DateField(label=_("From"), required=False, widget=IsoDateInput())
    received_to = forms.DateField(label=_("To"), required=False, widget=IsoDateInput())
    child = forms.ChoiceField(
        label=_("Child"),
        choices=[("", _("All")), ("yes", _("A child involved")), ("no", _("No child"))],
        required=False,
    )
    q = forms.CharField(label=_("Tracking code"), max_length=20, required=False)
    order = forms.ChoiceField(
        label=_("Order"),
        choices=[
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("due", _("First action due")),
        ],
        required=False,
    )


class TriageForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    involves_child = forms.ChoiceField(label=_("Involves a child"), choices=YesNoUnknown.choices)
    any_child = forms.BooleanField(label=_("A child among the people concerned"), required=False)
    any_man = forms.BooleanField(label=_("A man or boy among them"), required=False)
    people_count = forms.IntegerField(
        label=_("People concerned"), min_value=0, max_value=999, required=False
    )
    danger_now = forms.BooleanField(label=_("Someone is in danger now"), required=False)
    departure_today = forms.BooleanField(label=_("A departure is planned today"), required=False)
    migrant_worker = forms.BooleanField(label=_("Concerns a migrant worker"), required=False)
    urgency = forms.ChoiceField(
        label=_("Urgency"),
        choices=[("", _("As the rules say")), *Urgency.choices],
        required=False,
    )
    routed_agency = forms.ModelChoiceField(
        label=_("Route to"),
        queryset=Agency.objects.filter(is_active=True),
        required=False,
        empty_label=_("As the rules say"),
    )
    reason = forms.CharField(
        label=_("Reason (when you decide differently from the rules)"),
        max_length=300,
        required=False,
    )
    public_note = forms.CharField(
        label=_("Note for the reporter (public status page)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("No names, no internal details."),
    )


class AcknowledgeForm(forms.Form):
    method = forms.ChoiceField(
        label=_("How was the reporter acknowledged?"),
        choices=[
            (m.value, m.label)
            for m in (Acknowledgement.VERBAL, Acknowledgement.CALLBACK, Acknowledgement.LETTER)
        ],
    )


class SearchForm(forms.Form):
    name = forms.CharField(label=_("Name of a person concerned"), max_length=200, required=False)
    nik = forms.CharField(label=_("NIK"), max_length=30, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    q = forms.CharField(label=_("Case reference or title"), max_length=100, required=False)


class OpenCaseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(
        label=_("Short title of the new case"),
        max_length=200,
        help_text=_("Without names, e.g. 'Recruitment of two young women from Alak to Batam'."),
    )
    region_code = RegionCodeField()


class CloseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.ChoiceField(
        label=_("Why is it closed?"), choices=[("", "—"), *CloseReason.choices]
    )
    note = forms.CharField(label=_("Explanation"), max_length=300, required=False)
    public_note = forms.CharField(
        label=_("Note for the reporter (public status page)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("No names, no internal details."),
    )


class ReopenForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Why is it reopened?"), max_length=200)


class StatusForm(HoneypotForm):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "LTR-XXXX-XXXX"}),
    )
