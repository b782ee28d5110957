"""Forms of the proceedings pages (parsing only; the services validate)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.models import Agency, AgencyType
from lentera.apps.justice import deadlines as d
from lentera.apps.justice.vocab import (
    PERIOD_LABELS,
    STALL_SETTING,
    ChargeStep,
    DetentionLevel,
    Outcome,
    Stage,
)
from lentera.apps.reference.fields import RegionCodeField
from lentera.web.numbers import AmountField
from lentera.web.widgets import IsoDateInput

DATE = IsoDateInput()


def prosecution_offices() -> Any:
    return Agency.objects.filter(agency_type=AgencyType.PROSECUTOR, is_active=True)


class OpenForm(forms.Form):
    suspect = forms.TypedChoiceField(label=_("Suspect"), coerce=int)
    police_report_number = forms.CharField(
        label=_("Police report number"), max_length=80, required=False
    )
    police_report_date = forms.DateField(label=_("Police report date"), widget=DATE)
    prosecution_agency = forms.ModelChoiceField(
        label=_("Prosecution office"), queryset=Agency.objects.none(), required=False
    )

    def __init__(self, *args: Any, suspects: Iterable[tuple[int, str]] = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["suspect"].choices = list(suspects)  # type: ignore[attr-defined]
        self.fields["prosecution_agency"].queryset = prosecution_offices()  # type: ignore[attr-defined]


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Next stage"))
    on = forms.DateField(label=_("Date"), widget=DATE)
    instructions = forms.CharField(
        label=_("Prosecutor's instructions (P-19)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("No names of victims or witnesses."),
    )
    decided_on = forms.DateField(
        label=_("Appeal decision notified on"), required=False, widget=DATE
    )
    prosecution_agency = forms.ModelChoiceField(
        label=_("Prosecution office"), queryset=Agency.objects.none(), required=False
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args: Any, allowed: Iterable[str] = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        allowed = set(allowed)
        self.fields["stage"].choices = [(v, lab) for v, lab in Stage.choices if v in allowed]  # type: ignore[attr-defined]
        self.fields["prosecution_agency"].queryset = prosecution_offices()  # type: ignore[attr-defined]


class ChargeForm(forms.Form):
    step = forms.ChoiceField(label=_("Step"), choices=ChargeStep.choices)
    articles = forms.CharField(
        label=_("Articles"),
        required=False,
        help_text=_(
            "Comma-separated, e.g. UU21/2007:2, UU21/2007:17. Empty: take them from the "
            "chosen qualification."
        ),
    )
    snapshot = forms.TypedChoiceField(
        label=_("Qualification snapshot"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, snapshots: Iterable[tuple[int, str]] = (), **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["snapshot"].choices = [("", "—"), *snapshots]  # type: ignore[attr-defined]

    def article_list(self) -> list[str]:
        return [a.strip() for a in self.cleaned_data.get("articles", "").split(",") if a.strip()]


class DetentionForm(forms.Form):
    level = forms.ChoiceField(label=_("Detaining authority"), choices=DetentionLevel.choices)
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("Released or handed on"), required=False, widget=DATE)
    extension_days = forms.IntegerField(label=_("Extension (days)"), min_value=0, initial=0)
    exceptional_days = forms.IntegerField(
        label=_("Exceptional extension, Pasal 29 (days)"), min_value=0, initial=0
    )


class DetentionUpdateForm(forms.Form):
    """The release or extension of a recorded detention: a small form in its row of the detention
    table, filled from the detention. Labelled for screen readers only (the row says which)."""

    end = forms.DateField(
        label=_("Released on"),
        required=False,
        widget=IsoDateInput(attrs={"aria-label": _("Released on")}),
    )
    extension_days = forms.IntegerField(
        label=_("Extension (days)"),
        min_value=0,
        initial=0,
        widget=forms.NumberInput(attrs={"aria-label": _("Extension (days)")}),
    )
    exceptional_days = forms.IntegerField(
        label=_("Exceptional extension (days)"),
        min_value=0,
        initial=0,
        widget=forms.NumberInput(attrs={"aria-label": _("Exceptional extension (days)")}),
    )

    def __init__(self, *args: Any, detention_id: int | None = None, **kw: Any) -> None:
        if detention_id is not None:  # a form per row: ids of its own on the page
            kw.setdefault("auto_id", f"id_detention_{detention_id}_%s")
        super().__init__(*args, **kw)

    @classmethod
    def of(cls, detention: Any) -> DetentionUpdateForm:
        return cls(
            detention_id=detention.pk,
            initial={
                "end": detention.end,
                "extension_days": detention.extension_days,
                "exceptional_days": detention.exceptional_days,
            },
        )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[c for c in Outcome.choices if c[0]])
    on = forms.DateField(label=_("Date"), widget=DATE)
    prison_months = forms.IntegerField(label=_("Prison (months)"), min_value=0, required=False)
    fine = AmountField(label=_("Fine (Rp)"), min_value=0, required=False)
    restitution_ordered = AmountField(
        label=_("Restitution ordered (Rp)"), min_value=0, required=False
    )
    dismissal_reason = forms.CharField(
        label=_("Reason for dismissal"), max_length=300, required=False
    )


class StatisticsForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("Until"), widget=DATE)
    region = RegionCodeField(required=False, help_text="")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data


class DeadlineSettingsForm(forms.Form):
    """One field per KUHAP 2025 period, plus the stall period."""

    def __init__(self, *args: Any, current: dict[str, int], **kw: Any) -> None:
        super().__init__(*args, **kw)
        defaults = d.KUHAP_1981
        for name in d.PERIOD_NAMES:
            self.fields[name] = forms.IntegerField(
                label=PERIOD_LABELS[name],
                min_value=1,
                max_value=400,
                initial=current.get(name, getattr(defaults, name)),
                help_text=_("Default %(days)s days (%(basis)s, KUHAP 1981).")
                % {"days": getattr(defaults, name), "basis": d.PERIOD_BASIS[name]},
            )
        self.fields[STALL_SETTING] = forms.IntegerField(
            label=_("Stalled after (days without movement)"),
            min_value=1,
            max_value=400,
            initial=current.get(STALL_SETTING, d.DEFAULT_STALL_DAYS),
            help_text=_("Default %(days)s days; applies to both codes.")
            % {"days": d.DEFAULT_STALL_DAYS},
        )
