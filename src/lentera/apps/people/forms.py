from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.models import AccessPurpose
from lentera.apps.people.models import AccountKind, Sex
from lentera.apps.reference.fields import RegionCodeField
from lentera.apps.reference.models import Country
from lentera.web.widgets import IsoDateInput


def split_lines(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", "\n").splitlines() if part.strip()]


class PersonForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    aliases = forms.CharField(
        label=_("Other names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line: nicknames, other spellings."),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, initial=Sex.UNKNOWN)
    birth_date = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=IsoDateInput(),
        help_text=_("From a document (birth certificate, family card, passport)."),
    )
    nik = forms.CharField(
        label=_("NIK"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    accept_nik_mismatch = forms.BooleanField(
        label=_("I checked: keep the NIK even though it does not match sex or date of birth"),
        required=False,
    )
    phones = forms.CharField(
        label=_("Phone numbers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line, in any form: 0812…, +62 812…, 62812…"),
    )
    address = forms.CharField(
        label=_("Address"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    region_code = RegionCodeField(
        required=False,
        help_text=_("Where the person lives: type part of the name, e.g. Alak, and pick it."),
    )
    nationality = forms.ModelChoiceField(
        label=_("Nationality"), queryset=Country.objects.all(), required=False
    )
    photo = forms.FileField(
        label=_("Photo"), required=False, help_text=_("JPEG or PNG, at most 1 MB.")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # by the name the reader reads (Indonesian: "Malaysia", "Timor-Leste"...), not English
        english = (get_language() or "id").startswith("en")
        self.fields["nationality"].queryset = Country.objects.order_by(  # type: ignore[attr-defined]
            "name_en" if english else "name_id"
        )


class RevealForm(forms.Form):
    purpose = forms.ChoiceField(
        label=_("Why do you need the identity?"), choices=AccessPurpose.choices
    )
    purpose_note = forms.CharField(label=_("Explanation"), max_length=300, required=False)


class AccountForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AccountKind.choices)
    provider = forms.CharField(label=_("Bank, wallet or platform"), max_length=60)
    identifier = forms.CharField(label=_("Account number or handle"), max_length=120)
