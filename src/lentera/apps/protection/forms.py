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
from lentera.apps.reference.fields import RegionCodeField
from lentera.web.numbers import AmountField
from lentera.web.widgets import IsoDateInput

_DATE = IsoDateInput()


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
    home_region_code = RegionCodeField(label=_("Home region (pays the return)"))
    paying_agency = forms.ModelChoiceField(
        label=_("Agency paying the return"), queryset=Agency.objects.none(), required=False
    )
    travel = forms.CharField(
        label=_("Travel (transport, route, escort)"), required=False, max_length=200
    )
    travel_on = forms.DateField(label=_("Travel date"), required=False, widget=_DATE)
    handover_to = forms.CharField(label=_("Hand over to"), required=False, max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paying_agency"].queryset = _agencies()  # type: ignore[attr-defined]


class ReturnUpdateForm(ReturnForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReturnCompleteForm(forms.Form):
    returned_on = forms.DateField(label=_("Handed over on"), widget=_DATE)
    handover_to = forms.CharField(
        label=_("Handed over to (family member, guardian, agency)"), required=False, max_length=200
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class VisitForm(forms.Form):
    visited_on = forms.DateField(label=_("Visited on"), widget=_DATE)
    wellbeing = forms.CharField(label=_("How the person is doing"), required=False, max_length=200)
    note = forms.CharField(label=_("Notes"), widget=forms.Textarea, required=False)
    closes_follow_up = forms.BooleanField(
        label=_("This visit closes the follow-up (at least 3 months after the return)"),
        required=False,
    )


class RestitutionForm(forms.Form):
    amount_claimed = AmountField(label=_("Amount claimed (Rp)"), min_value=1)
    basis = forms.CharField(label=_("For what loss"), max_length=300)


class RestitutionStepsForm(forms.Form):
    """The steps of UU 21/2007 Pasal 48–50, each a date as it happens (leave empty until then)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    in_demand_on = forms.DateField(
        label=_("Included in the prosecution demand on"), required=False, widget=_DATE
    )
    ordered_on = forms.DateField(label=_("Verdict (order) on"), required=False, widget=_DATE)
    amount_ordered = AmountField(
        label=_("Amount ordered (Rp, 0 if not ordered)"), required=False, min_value=0
    )
    final_notice_on = forms.DateField(
        label=_("Notice of the final verdict on (14 days to pay)"), required=False, widget=_DATE
    )
    court_notified_on = forms.DateField(
        label=_("Victim told the court it is unpaid on"), required=False, widget=_DATE
    )
    warning_on = forms.DateField(
        label=_("Court's written warning on (14 more days)"), required=False, widget=_DATE
    )
    seizure_on = forms.DateField(
        label=_("Seizure and auction ordered on"), required=False, widget=_DATE
    )
    paid_on = forms.DateField(label=_("Paid on"), required=False, widget=_DATE)
    amount_paid = AmountField(label=_("Amount paid (Rp)"), required=False, min_value=1)
    unpaid_closed_on = forms.DateField(
        label=_("Closed unpaid (substitute detention) on"), required=False, widget=_DATE
    )


class ServiceStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=())
    note = forms.CharField(
        label=_("Note (required when cancelling)"), required=False, max_length=300
    )

    def __init__(self, *args: Any, choices: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices  # type: ignore[attr-defined]


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
    region_code = RegionCodeField(required=False)
    address = forms.CharField(label=_("Address"), required=False)
    phone = forms.CharField(label=_("Phone"), required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    contact_person = forms.CharField(label=_("Contact person"), required=False)
    accepts_children = forms.BooleanField(label=_("Accepts children"), required=False)
    is_active = forms.BooleanField(
        label=_("Active"),
        required=False,
        initial=True,
        help_text=_("Untick when the provider no longer offers its services; it stays on record."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies()  # type: ignore[attr-defined]
