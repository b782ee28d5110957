"""Forms of the protection pages (parsing only; the services validate)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.models import Agency
from lentera.apps.protection.vocab import (
    ConsentGiver,
    Decision,
    Indicator,
    NeedDomain,
    NeedLevel,
    OverrideBasis,
    ProviderKind,
    ServiceType,
    Setting,
)

_DATE = forms.DateInput(attrs={"type": "date"})


def _agencies() -> Any:
    return Agency.objects.filter(is_active=True).order_by("name")


class IdentificationForm(forms.Form):
    setting = forms.ChoiceField(label=_("Where"), choices=Setting.choices)
    indicators = forms.MultipleChoiceField(
        label=_("Indicators found (ILO / UNODC)"),
        choices=Indicator.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("", _("Suggest from the indicators")), *Decision.choices],
        required=False,
    )
    guardian_present = forms.BooleanField(label=_("Guardian or companion present"), required=False)
    interpreter_used = forms.BooleanField(label=_("Interpreter used"), required=False)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea, required=False)


class AssessmentForm(forms.Form):
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for value, label in NeedDomain.choices:
            self.fields[value] = forms.ChoiceField(
                label=label, choices=NeedLevel.choices, initial=NeedLevel.NONE
            )
        self.order_fields([*NeedDomain.values, "notes"])


class ConsentForm(forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        label=_("May be shared with"), queryset=Agency.objects.none()
    )
    purpose = forms.CharField(label=_("Purpose"), max_length=300)
    share_people = forms.BooleanField(label=_("People in the case (pseudonymised)"), required=False)
    share_identity = forms.BooleanField(label=_("Identity (name, NIK, contacts)"), required=False)
    given_by = forms.ChoiceField(label=_("Given by"), choices=ConsentGiver.choices)
    guardian_name = forms.CharField(label=_("Guardian's name"), required=False)
    child_assent = forms.BooleanField(label=_("The child agrees"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = _agencies()  # type: ignore[attr-defined]


class ReferralForm(forms.Form):
    to_agency = forms.ModelChoiceField(label=_("Refer to"), queryset=Agency.objects.none())
    service_type = forms.ChoiceField(label=_("Service"), choices=ServiceType.choices)
    reason = forms.CharField(label=_("Why"), max_length=300)
    share_people = forms.BooleanField(label=_("Share the people in the case"), required=False)
    share_identity = forms.BooleanField(label=_("Share the victim's identity"), required=False)
    override_basis = forms.ChoiceField(
        label=_("Without consent because"), choices=OverrideBasis.choices, required=False
    )
    override_legal_basis = forms.CharField(label=_("Legal basis"), required=False, max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_agency"].queryset = _agencies()  # type: ignore[attr-defined]


class ServiceForm(forms.Form):
    service_type = forms.ChoiceField(label=_("Service"), choices=ServiceType.choices)
    provider_agency = forms.ModelChoiceField(label=_("Provider"), queryset=Agency.objects.none())
    due_on = forms.DateField(label=_("Due"), required=False, widget=_DATE)
    urgent = forms.BooleanField(
        label=_("Urgent: trauma or dangerous illness (first aid within 7 days)"), required=False
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider_agency"].queryset = _agencies()  # type: ignore[attr-defined]


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason for declining"), max_length=300)


class ReturnForm(forms.Form):
    victim_wishes_return = forms.BooleanField(label=_("The victim wants to return"), required=False)
    wish_note = forms.CharField(
        label=_("The victim's wishes"), widget=forms.Textarea, required=False
    )
    family_assessed = forms.BooleanField(label=_("Family assessed"), required=False)
    family_assessment = forms.CharField(
        label=_("Family assessment"), widget=forms.Textarea, required=False
    )
    safe_to_return = forms.BooleanField(label=_("Safe to return"), required=False)
    home_region_code = forms.CharField(label=_("Home region code (pays the return)"))
    travel = forms.CharField(label=_("Travel"), required=False)
    travel_on = forms.DateField(label=_("Travel date"), required=False, widget=_DATE)
    handover_to = forms.CharField(label=_("Hand over to"), required=False)


class RestitutionForm(forms.Form):
    amount_claimed = forms.IntegerField(label=_("Amount claimed (Rp)"), min_value=1)
    basis = forms.CharField(label=_("For what loss"), max_length=300)


class ProviderForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=ProviderKind.choices)
    agency = forms.ModelChoiceField(
        label=_("Agency that receives referrals"), queryset=Agency.objects.none(), required=False
    )
    services = forms.MultipleChoiceField(
        label=_("Services offered"),
        choices=ServiceType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    region_code = forms.CharField(label=_("Region code"), required=False)
    address = forms.CharField(label=_("Address"), required=False)
    phone = forms.CharField(label=_("Phone"), required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    contact_person = forms.CharField(label=_("Contact person"), required=False)
    accepts_children = forms.BooleanField(label=_("Accepts children"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies()  # type: ignore[attr-defined]
