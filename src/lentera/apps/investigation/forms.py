"""Forms of the investigation pages (parsing only; the services validate)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.models import Agency
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.investigation.vocab import (
    Channel,
    EvidenceKind,
    OrderKind,
    OrderOutcome,
    TrialStatus,
)
from lentera.apps.people.models import Person
from lentera.web.widgets import ISO_DATETIME, IsoDateInput, IsoDateTimeInput

DATE = IsoDateInput()
DATETIMES = [ISO_DATETIME, "%Y-%m-%d %H:%M"]


def _parties(case: Case) -> Any:
    return CaseParty.objects.filter(case=case).select_related("person")


class PartyChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.person.initials or '?'} · {obj.get_role_display()}"


class PersonChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.initials or '?'} #{obj.pk}"


class OrderForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OrderKind.choices)
    number = forms.CharField(label=_("Order number"), max_length=80)
    court = forms.CharField(label=_("Court"), max_length=120)
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE, required=False)
    subject = PartyChoice(
        label=_("Whose communications or assets"), queryset=CaseParty.objects.none(), required=False
    )
    target = forms.CharField(
        label=_("Numbers or accounts covered"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args: Any, case: Case | None = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        if case is not None:
            self.fields["subject"].queryset = _parties(case)  # type: ignore[attr-defined]


class OrderOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=OrderOutcome.choices[1:])
    on = forms.DateField(label=_("Date"), widget=DATE)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EvidenceKind.choices)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    seized_by = forms.CharField(label=_("Seized by (officer)"), max_length=120)
    seized_at = forms.DateTimeField(
        label=_("Seized at"), widget=IsoDateTimeInput(), input_formats=DATETIMES
    )
    seized_place = forms.CharField(label=_("Where it was seized"), max_length=300)
    storage_place = forms.CharField(label=_("Storage place"), max_length=200)
    file = forms.FileField(label=_("File (digital evidence)"), required=False)
    sha256 = forms.CharField(
        label=_("SHA-256 of a copy kept elsewhere"), max_length=64, required=False
    )


class HandOverForm(forms.Form):
    to_holder = forms.CharField(label=_("Received by"), max_length=120)
    to_agency = forms.ModelChoiceField(
        label=_("Receiving agency"), queryset=Agency.objects.filter(is_active=True)
    )
    at = forms.DateTimeField(
        label=_("Handed over at"), widget=IsoDateTimeInput(), input_formats=DATETIMES
    )
    storage_place = forms.CharField(label=_("New storage place"), max_length=200)
    purpose = forms.CharField(label=_("Purpose"), max_length=200)
    version = forms.IntegerField(widget=forms.HiddenInput)


class TrialStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status at trial"), choices=TrialStatus.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)


class TransferForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    amount = forms.IntegerField(label=_("Amount (Rp)"), min_value=1)
    on = forms.DateField(label=_("Date"), widget=DATE)
    from_person = PersonChoice(
        label=_("From (person)"), queryset=Person.objects.none(), required=False
    )
    from_provider = forms.CharField(label=_("From bank or wallet"), max_length=60, required=False)
    from_account = forms.CharField(label=_("From account"), max_length=60, required=False)
    to_person = PersonChoice(label=_("To (person)"), queryset=Person.objects.none(), required=False)
    to_provider = forms.CharField(label=_("To bank or wallet"), max_length=60, required=False)
    to_account = forms.CharField(label=_("To account"), max_length=60, required=False)
    reference = forms.CharField(label=_("Reference"), max_length=80, required=False)

    def __init__(self, *args: Any, case: Case | None = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        people = Person.objects.filter(case_roles__case=case).distinct() if case else None
        if people is None:
            return
        self.fields["from_person"].queryset = people  # type: ignore[attr-defined]
        self.fields["to_person"].queryset = people  # type: ignore[attr-defined]


class StatementForm(forms.Form):
    file = forms.FileField(
        label=_("Bank statement (CSV)"),
        help_text=_(
            "Columns: date, amount, from_bank, from_account, to_bank, to_account; "
            "optional: reference, channel (bank, ewallet, cash)."
        ),
    )


class CallsForm(forms.Form):
    file = forms.FileField(
        label=_("Call records (CSV)"),
        help_text=_(
            "Columns: datetime (YYYY-MM-DD HH:MM), from_number, to_number; "
            "optional: kind (call, sms, chat), duration (seconds)."
        ),
    )


class NetworkForm(forms.Form):
    start = forms.CharField(widget=forms.HiddenInput)
    depth = forms.IntegerField(
        label=_("Steps from the start"), min_value=1, max_value=5, initial=3, required=False
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles in the network"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )
    since = forms.DateField(label=_("From"), widget=DATE, required=False)
    until = forms.DateField(label=_("Until"), widget=DATE, required=False)

    def __init__(self, *args: Any, **kw: Any) -> None:
        from lentera.apps.cases.vocab import NetworkRole, PartyRole

        super().__init__(*args, **kw)
        self.fields["roles"].choices = [  # type: ignore[attr-defined]
            *[(v, label) for v, label in NetworkRole.choices if v],
            (PartyRole.VICTIM.value, PartyRole.VICTIM.label),
        ]
