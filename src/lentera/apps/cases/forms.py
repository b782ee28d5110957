"""The guided qualification form: every choice comes from the engine's own vocabularies."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.models import Agency
from lentera.apps.cases.vocab import (
    CaseStatus,
    ControlMethod,
    ExploitationType,
    GrantScope,
    NetworkRole,
    PartyRole,
    Platform,
    RecruitmentChannel,
    TransportMode,
    VictimStatus,
)
from lentera.apps.people.models import Sex
from lentera.law import FACT_CODES, code_label
from lentera.web.widgets import IsoDateInput

TRI = [("", _("Unknown")), ("yes", _("Yes")), ("no", _("No"))]
MAX_VICTIMS = 3


def _lang() -> str:
    return "en" if (get_language() or "id").startswith("en") else "id"


def _choices(field: str) -> list[tuple[str, str]]:
    lang = _lang()
    return [(code, code_label(field, code, lang)) for code in FACT_CODES[field]]


class QualificationForm(forms.Form):
    offence_date = forms.DateField(
        label=_("Date of the offence"),
        required=False,
        widget=IsoDateInput(),
        help_text=_(
            "Decides the law in force (UU 21/2007 before 2 January 2026, KUHP 2023 from then)."
        ),
    )
    acts = forms.MultipleChoiceField(
        label=_("Acts"), required=False, widget=forms.CheckboxSelectMultiple
    )
    means = forms.MultipleChoiceField(
        label=_("Means"), required=False, widget=forms.CheckboxSelectMultiple
    )
    purposes = forms.MultipleChoiceField(
        label=_("Exploitation intended or done"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    exploitation_occurred = forms.ChoiceField(
        label=_("Was the person actually exploited?"), choices=TRI, required=False
    )
    movement = forms.ChoiceField(label=_("Movement"), required=False)
    organised_group = forms.BooleanField(
        label=_("Three or more people acting together over time for gain"), required=False
    )
    corporation = forms.BooleanField(label=_("A corporation was involved"), required=False)
    state_official = forms.BooleanField(
        label=_("A state official abused their position"), required=False
    )
    adoption_with_payment = forms.BooleanField(
        label=_("A child was adopted with something promised or given"), required=False
    )
    document_forgery = forms.BooleanField(
        label=_("Forged or false documents (KTP, KK, birth certificate, passport) were used"),
        required=False,
    )
    illegal_entry_for_profit = forms.BooleanField(
        label=_("Someone was moved for a fee into a country they had no right to enter"),
        required=False,
    )
    incitement_without_offence = forms.BooleanField(
        label=_("Someone tried to get another to commit trafficking, and it did not happen"),
        required=False,
    )
    unknown = forms.MultipleChoiceField(
        label=_("Not known yet"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick what you do not know yet; the engine says whether it decides the case."),
    )
    destination_country = forms.CharField(
        label=_("Destination country (ISO code, e.g. MY)"), max_length=2, required=False
    )
    placed_by_individual = forms.BooleanField(
        label=_("Placed by an individual, not a licensed agency"), required=False
    )
    worker_underage = forms.BooleanField(label=_("The worker was under 18"), required=False)
    requirements_unmet = forms.BooleanField(
        label=_("Placement requirements (UU 18/2017 Pasal 5) not met"), required=False
    )
    closed_country = forms.BooleanField(
        label=_("Destination closed to placement or without the conditions of Pasal 31"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("acts", "means", "purposes", "unknown"):
            self.fields[name].choices = _choices(name)  # type: ignore[attr-defined]
        self.fields["movement"].choices = [("", _("Unknown or not given")), *_choices("movement")]  # type: ignore[attr-defined]
        for i in range(MAX_VICTIMS):
            self.fields[f"victim{i}_age"] = forms.IntegerField(
                label=_("Victim %(n)d: age at the offence") % {"n": i + 1},
                required=False,
                min_value=0,
                max_value=120,
            )
            self.fields[f"victim{i}_citizenship"] = forms.CharField(
                label=_("Victim %(n)d: citizenship (ISO code)") % {"n": i + 1},
                max_length=2,
                required=False,
                initial="ID" if i == 0 else "",
            )
            self.fields[f"victim{i}_harms"] = forms.MultipleChoiceField(
                label=_("Victim %(n)d: harm suffered") % {"n": i + 1},
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=_choices("harms"),
            )

    def victim_rows(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"victim{i}_age"], self[f"victim{i}_citizenship"], self[f"victim{i}_harms"]]
            for i in range(MAX_VICTIMS)
        ]

    def facts(self) -> dict[str, Any]:
        """The contract's input object built from the cleaned form."""
        data = self.cleaned_data
        facts: dict[str, Any] = {}
        if data["offence_date"]:
            facts["offence_date"] = data["offence_date"].isoformat()
        for name in ("acts", "means", "purposes", "unknown"):
            if data[name]:
                facts[name] = list(data[name])
        if data["exploitation_occurred"]:
            facts["exploitation_occurred"] = data["exploitation_occurred"] == "yes"
        if data["movement"]:
            facts["movement"] = data["movement"]
        victims = []
        for i in range(MAX_VICTIMS):
            age = data.get(f"victim{i}_age")
            citizenship = (data.get(f"victim{i}_citizenship") or "").strip().upper()
            harms = list(data.get(f"victim{i}_harms") or [])
            if age is None and not harms and (not citizenship or i > 0):
                continue
            victim: dict[str, Any] = {"age_at_offence": age, "harms": harms}
            if citizenship:
                victim["citizenship"] = citizenship
            victims.append(victim)
        if victims:
            facts["victims"] = victims
        perpetrators: list[dict[str, Any]] = [{"kind": "individual"}]
        if data["state_official"]:
            perpetrators[0].update(state_official=True, abused_position=True)
        if data["corporation"]:
            perpetrators.append({"kind": "corporation"})
        facts["perpetrators"] = perpetrators
        for name in (
            "organised_group",
            "adoption_with_payment",
            "document_forgery",
            "illegal_entry_for_profit",
            "incitement_without_offence",
        ):
            if data[name]:
                facts[name] = True
        placement: dict[str, Any] = {}
        if data["destination_country"]:
            placement["destination_country"] = data["destination_country"].strip().upper()
        for form_name, key in (
            ("placed_by_individual", "by_individual"),
            ("worker_underage", "underage"),
            ("requirements_unmet", "requirements_unmet"),
            ("closed_country", "closed_country"),
        ):
            if data[form_name]:
                placement[key] = True
        if placement:
            facts["placement"] = placement
        return facts


# --- case files ---------------------------------------------------------------------------------


class CaseFactsForm(forms.Form):
    title = forms.CharField(
        label=_("Short title"),
        max_length=200,
        help_text=_("Without names, e.g. 'Recruitment of two young women from Alak to Batam'."),
    )
    region_code = forms.CharField(
        label=_("Region code"),
        max_length=13,
        help_text=_("Kemendagri code of the place the case belongs to, e.g. 53.71."),
    )
    offence_date = forms.DateField(
        label=_("Date of the offence"),
        required=False,
        widget=IsoDateInput(),
    )
    narrative = forms.CharField(
        label=_("What happened"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Encrypted; shown only to those who may see identities on this case."),
    )
    acts = forms.MultipleChoiceField(
        label=_("Acts"), required=False, widget=forms.CheckboxSelectMultiple
    )
    means = forms.MultipleChoiceField(
        label=_("Means"), required=False, widget=forms.CheckboxSelectMultiple
    )
    exploitation_types = forms.MultipleChoiceField(
        label=_("Exploitation"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=ExploitationType.choices,
    )
    control_methods = forms.MultipleChoiceField(
        label=_("Methods of control"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=ControlMethod.choices,
    )
    recruitment_channel = forms.ChoiceField(
        label=_("Recruitment channel"),
        choices=RecruitmentChannel.choices,
        initial=RecruitmentChannel.UNKNOWN,
    )
    recruitment_platform = forms.ChoiceField(
        label=_("Platform or app"), choices=Platform.choices, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["acts"].choices = _choices("acts")  # type: ignore[attr-defined]
        self.fields["means"].choices = _choices("means")  # type: ignore[attr-defined]


class CaseEditForm(CaseFactsForm):
    """The facts of an open case. The region is shown, not edited (it is part of the reference).

    Disabled, the field is not sent by the browser and its value comes from ``initial``, on
    every request: so it must not be required, or the form could never be saved.
    """

    region_code = forms.CharField(
        label=_("Region code"),
        max_length=13,
        required=False,
        disabled=True,
        help_text=_("Kemendagri code of the place the case belongs to, e.g. 53.71."),
    )


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Reference or title"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *CaseStatus.choices]
    )
    region = forms.CharField(label=_("Region code"), required=False, max_length=13)
    agency = forms.ModelChoiceField(
        label=_("Lead agency"), queryset=Agency.objects.all(), required=False
    )
    exploitation_type = forms.ChoiceField(
        label=_("Exploitation"), required=False, choices=[("", _("All")), *ExploitationType.choices]
    )
    child = forms.ChoiceField(
        label=_("Child victim"),
        required=False,
        choices=[("", _("All")), ("yes", _("Yes")), ("no", _("No"))],
    )
    opened_from = forms.DateField(label=_("Opened from"), required=False, widget=IsoDateInput())
    opened_to = forms.DateField(label=_("Opened until"), required=False, widget=IsoDateInput())


class PersonSearchForm(forms.Form):
    name = forms.CharField(label=_("Name (any spelling)"), required=False, max_length=200)
    nik = forms.CharField(label=_("NIK"), required=False, max_length=30)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)


class PartyForm(forms.Form):
    """Add a person in a role: an existing person (``person_id``) or a new one."""

    person_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    role = forms.ChoiceField(label=_("Role in the case"), choices=PartyRole.choices)
    network_role = forms.ChoiceField(
        label=_("Role in the network (suspects)"), choices=NetworkRole.choices, required=False
    )
    is_official = forms.BooleanField(label=_("A state official (complicity)"), required=False)
    age_at_offence = forms.IntegerField(
        label=_("Age at the offence"), required=False, min_value=0, max_value=120
    )
    full_name = forms.CharField(label=_("Full name (new person)"), required=False, max_length=200)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, initial=Sex.UNKNOWN)
    birth_date = forms.DateField(label=_("Date of birth"), required=False, widget=IsoDateInput())
    nik = forms.CharField(label=_("NIK"), required=False, max_length=30)
    phones = forms.CharField(
        label=_("Phone numbers"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class VictimStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Decision"), choices=VictimStatus.choices)
    # the status the page showed: a decision taken meanwhile by someone else is a conflict
    from_status = forms.ChoiceField(
        choices=VictimStatus.choices, required=False, widget=forms.HiddenInput
    )


class JourneyLegForm(forms.Form):
    origin_place = forms.CharField(label=_("From"), max_length=120)
    origin_country = forms.CharField(label=_("Country (from)"), max_length=2, initial="ID")
    destination_place = forms.CharField(label=_("To"), max_length=120)
    destination_country = forms.CharField(label=_("Country (to)"), max_length=2, initial="ID")
    is_transit = forms.BooleanField(label=_("The destination is a transit point"), required=False)
    departed_on = forms.DateField(label=_("Departed"), required=False, widget=IsoDateInput())
    arrived_on = forms.DateField(label=_("Arrived"), required=False, widget=IsoDateInput())
    transport = forms.ChoiceField(
        label=_("Transport"), choices=TransportMode.choices, initial=TransportMode.UNKNOWN
    )


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("File (PDF, JPEG or PNG, at most 10 MB)"))
    description = forms.CharField(label=_("Description"), max_length=200, required=False)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))


class ShareForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency"), queryset=Agency.objects.filter(is_active=True)
    )
    scope = forms.ChoiceField(label=_("What to share"), choices=GrantScope.choices)
    include_identity = forms.BooleanField(label=_("Including identities"), required=False)
    reason = forms.CharField(label=_("Why the agency needs it"), max_length=300)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=CaseStatus.choices)
    reason = forms.CharField(label=_("Reason (required to close)"), max_length=300, required=False)
    # the status the page showed: a change made meanwhile by someone else is a conflict
    from_status = forms.ChoiceField(
        choices=CaseStatus.choices, required=False, widget=forms.HiddenInput
    )
