"""Forms of the routing rules page: a rule, and the preview ("this report would go to …")."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.models import Agency, TaskForce
from lentera.apps.intake.models import AgeBand, RoutingCategory, YesNoUnknown
from lentera.apps.reference.fields import RegionCodeField
from lentera.apps.reference.models import Region


def _region_of(code: str) -> Region | None:
    code = code.strip()
    if not code:
        return None
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise forms.ValidationError(_("No region has this code."))
    return region


class RoutingRuleForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    region_code = RegionCodeField(
        required=False,
        help_text=_("Type part of the name, e.g. Kupang, and pick the region. Empty: everywhere."),
    )
    category = forms.ChoiceField(label=_("Category"), choices=RoutingCategory.choices)
    age_band = forms.ChoiceField(label=_("Age band"), choices=AgeBand.choices)
    agency = forms.ModelChoiceField(label=_("Route to"), queryset=Agency.objects.none())
    fallback_agency = forms.ModelChoiceField(
        label=_("Else to"), queryset=Agency.objects.none(), required=False
    )
    task_force = forms.ModelChoiceField(
        label=_("Task force informed"),
        queryset=TaskForce.objects.all(),
        required=False,
        help_text=_("Empty: the nearest task force of the region that has a secretariat."),
    )
    priority = forms.IntegerField(
        label=_("Priority"),
        min_value=0,
        max_value=999,
        initial=50,
        help_text=_("Lower numbers are tried first."),
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
    note = forms.CharField(label=_("Why reports go there"), max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        active = Agency.objects.filter(is_active=True).order_by("name")
        self.fields["agency"].queryset = active  # type: ignore[attr-defined]
        self.fields["fallback_agency"].queryset = active  # type: ignore[attr-defined]

    def clean_region_code(self) -> str:
        code = str(self.cleaned_data["region_code"]).strip()
        _region_of(code)
        return code

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["region"] = _region_of(data.pop("region_code"))
        return data


class RoutePreviewForm(forms.Form):
    region_code = RegionCodeField(
        required=False, help_text=_("Where it happened: type part of the name and pick it.")
    )
    involves_child = forms.ChoiceField(
        label=_("Involves a child"), choices=YesNoUnknown.choices, initial=YesNoUnknown.UNKNOWN
    )
    danger_now = forms.BooleanField(label=_("Someone is in danger now"), required=False)
    departure_today = forms.BooleanField(label=_("A departure is planned today"), required=False)
    migrant_worker = forms.BooleanField(label=_("Concerns a migrant worker"), required=False)

    def clean_region_code(self) -> str:
        code = str(self.cleaned_data["region_code"]).strip()
        _region_of(code)
        return code
