"""Forms of the coordination pages (dates always ISO)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.models import Agency, SubTaskForce, TaskForce, User
from lentera.apps.coordination.vocab import Attendance, MeetingKind, RecordKind
from lentera.web.widgets import IsoDateInput, IsoDateTimeInput


class MeetingForm(forms.Form):
    task_force = forms.ModelChoiceField(TaskForce.objects.none(), label=_("task force"))
    title = forms.CharField(label=_("title"), max_length=200)
    sub_task_force = forms.ModelChoiceField(
        SubTaskForce.objects.none(),
        label=_("working group"),
        required=False,
        help_text=_("For a meeting of one working group (sub gugus tugas) only."),
    )
    kind = forms.ChoiceField(label=_("kind"), choices=MeetingKind.choices)
    starts_at = forms.DateTimeField(label=_("starts at"), widget=IsoDateTimeInput())
    place = forms.CharField(label=_("place"), max_length=200, required=False)
    agencies = forms.ModelMultipleChoiceField(
        Agency.objects.filter(is_active=True),
        label=_("invited agencies"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, task_forces: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if task_forces is not None:
            self.fields["task_force"].queryset = task_forces  # type: ignore[attr-defined]
            groups = SubTaskForce.objects.filter(task_force__in=task_forces).select_related(
                "task_force"
            )
            field = self.fields["sub_task_force"]
            field.queryset = groups  # type: ignore[attr-defined]
            # "working group — task force", so that groups of the same name stay apart
            field.label_from_instance = lambda g: f"{g.name} — {g.task_force.name}"  # type: ignore[attr-defined]


class AgendaForm(forms.Form):
    topic = forms.CharField(label=_("topic"), max_length=300)
    case_reference = forms.CharField(
        label=_("case reference (optional)"),
        max_length=40,
        required=False,
        help_text=_("Cases appear on the agenda by reference only, never by name."),
    )


class AttendanceForm(forms.Form):
    def __init__(self, *args: Any, invitations: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for inv in invitations:
            self.fields[f"agency_{inv.agency_id}"] = forms.ChoiceField(
                label=inv.agency.name, choices=Attendance.choices, initial=inv.attendance
            )

    def values(self) -> dict[int, str]:
        return {
            int(name.removeprefix("agency_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("agency_")
        }


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("minutes"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Never a name, NIK, phone number or address: name cases by reference and people by "
            "pseudonym (initials and age)."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("decision"), widget=forms.Textarea(attrs={"rows": 3}))


class ItemForm(forms.Form):
    """An action item of one decision (the decision travels apart, as the form serves each)."""

    agency = forms.ModelChoiceField(Agency.objects.filter(is_active=True), label=_("owning agency"))
    officer = forms.ModelChoiceField(
        User.objects.filter(is_active=True), label=_("officer"), required=False
    )
    task = forms.CharField(label=_("task"), max_length=300)
    due_on = forms.DateField(label=_("due date"), widget=IsoDateInput())


class ApproveForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class CloseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("proof: note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    file = forms.FileField(label=_("proof: file"), required=False)
    record_kind = forms.ChoiceField(
        label=_("proof: Lentera record"),
        choices=[("", "—"), *RecordKind.choices],
        required=False,
    )
    record_id = forms.IntegerField(label=_("record number"), required=False, min_value=1)


class SeedForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=2000, max_value=2100)


class ActivityForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    agencies = forms.ModelMultipleChoiceField(
        Agency.objects.filter(is_active=True),
        label=_("responsible agencies"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target = forms.IntegerField(label=_("yearly target"), min_value=0)
    unit = forms.CharField(label=_("unit"), max_length=60, required=False)
    budget = forms.IntegerField(label=_("budget (Rp)"), min_value=0)
    realisation = forms.IntegerField(label=_("budget realised (Rp)"), min_value=0)
    done_typed = forms.IntegerField(
        label=_("done (typed)"),
        min_value=0,
        required=False,
        help_text=_("Only for activities that Lentera does not count itself."),
    )

    @classmethod
    def of(cls, activity: Any) -> ActivityForm:
        form = cls(
            initial={
                "version": activity.version,
                "agencies": list(activity.agencies.all()),
                "target": activity.target,
                "unit": activity.unit,
                "budget": activity.budget,
                "realisation": activity.realisation,
                "done_typed": activity.done_typed,
            }
        )
        if activity.measure:
            del form.fields["done_typed"]
        return form


class NarrativeForm(forms.Form):
    narrative = forms.CharField(
        label=_("narrative"),
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        help_text=_(
            "Never a name, NIK, phone number or address: figures and case references only."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class IntervalForm(forms.Form):
    days = forms.IntegerField(
        label=_("required interval between meetings (days)"),
        min_value=1,
        max_value=3660,
        help_text=_("Perda Kota Kupang 3/2019: at least one meeting every six months (183 days)."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CancelMeetingForm(forms.Form):
    reason = forms.CharField(label=_("reason for cancelling"), max_length=300)
    version = forms.IntegerField(widget=forms.HiddenInput)


class AgendaEditForm(forms.Form):
    topic = forms.CharField(label=_("topic"), max_length=300)
    case_reference = forms.CharField(
        label=_("case reference (optional)"), max_length=40, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class DecisionEditForm(forms.Form):
    text = forms.CharField(label=_("decision"), widget=forms.Textarea(attrs={"rows": 3}))
    version = forms.IntegerField(widget=forms.HiddenInput)
