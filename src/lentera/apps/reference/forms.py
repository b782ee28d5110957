from django import forms
from django.utils.translation import gettext_lazy as _

from lentera.apps.reference.models import Country, PolicyStatus, Sector
from lentera.web.widgets import IsoDateInput


class DestinationPolicyForm(forms.Form):
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.all())
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    status = forms.ChoiceField(label=_("Status"), choices=PolicyStatus.choices)
    legal_basis = forms.CharField(label=_("Legal basis"), max_length=300)
    valid_from = forms.DateField(label=_("Valid from"), widget=IsoDateInput())
    valid_to = forms.DateField(label=_("Valid to"), required=False, widget=IsoDateInput())
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
