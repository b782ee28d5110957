from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AccessPurpose, Agency, AgencyType, TimeZone
from lentera.apps.accounts.permissions import Role
from lentera.web.widgets import IsoDateInput, IsoDateTimeInput


class SecondFactorForm(forms.Form):
    token = forms.CharField(
        label=_("6-digit code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(label=_("Current password"), widget=forms.PasswordInput)
    new_password = forms.CharField(
        label=_("New password"),
        widget=forms.PasswordInput,
        help_text=_(
            "At least 12 characters, not a common password, with three kinds of character."
        ),
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100)
    expires_at = forms.DateTimeField(
        label=_("Expires"),
        required=False,
        widget=IsoDateTimeInput(),
    )


class UserCreateForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    agency = forms.ModelChoiceField(
        label=_("Agency"), queryset=Agency.objects.none(), required=False
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=Role.choices, widget=forms.CheckboxSelectMultiple
    )
    password = forms.CharField(
        label=_("Initial password"),
        widget=forms.PasswordInput,
        help_text=_("Give it to the user in person; they should change it after signing in."),
    )
    preferred_language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args: Any, agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies if agencies is not None else Agency.objects.all()  # type: ignore[attr-defined]


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=Role.choices, widget=forms.CheckboxSelectMultiple, required=False
    )


class AgencyForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    short_name = forms.CharField(label=_("Short name"), max_length=60, required=False)
    agency_type = forms.ChoiceField(label=_("Type"), choices=AgencyType.choices)
    region_code = forms.CharField(
        label=_("Region code"),
        max_length=13,
        required=False,
        help_text=_("Kemendagri code, e.g. 53.71 for Kota Kupang. Empty for a national agency."),
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TimeZone.choices)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("Email"), required=False)


class AuditFilterForm(forms.Form):
    event_type = forms.ChoiceField(
        label=_("Event"), choices=[("", _("All events")), *EventType.choices], required=False
    )
    actor = forms.CharField(label=_("User"), max_length=150, required=False)
    agency = forms.ModelChoiceField(
        label=_("Agency"), queryset=Agency.objects.all(), required=False
    )
    object_type = forms.CharField(label=_("Record type"), max_length=60, required=False)
    object_id = forms.CharField(label=_("Record id"), max_length=64, required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=IsoDateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=IsoDateInput())


class AccessLogFilterForm(forms.Form):
    user = forms.CharField(label=_("User"), max_length=150, required=False)
    purpose = forms.ChoiceField(
        label=_("Purpose"),
        choices=[("", _("All purposes")), *AccessPurpose.choices],
        required=False,
    )
    object_type = forms.CharField(label=_("Record type"), max_length=60, required=False)
    object_id = forms.CharField(label=_("Record id"), max_length=64, required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=IsoDateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=IsoDateInput())
