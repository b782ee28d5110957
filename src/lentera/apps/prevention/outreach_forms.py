"""Forms of the outreach, course and P3MI-register pages (issue #15). One column, usable on a
phone; dates always ISO (:mod:`lentera.web.widgets`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lentera.apps.accounts.models import User
from lentera.apps.prevention.models import PlacementAgency
from lentera.apps.prevention.vocab import (
    ARRIVAL_INDICATORS,
    AUDIENCE_GROUPS,
    PLACEMENT_DOCUMENTS,
    REPORT_TRIAGE_STATUSES,
    CourseKind,
    DelayKind,
    DelayOutcome,
    EventKind,
    LicenceStatus,
    Platform,
    ReporterRole,
    ReportKind,
    Sex,
    TakedownFoundBy,
    TakedownOutcome,
)
from lentera.apps.reference.models import Region, RegionLevel
from lentera.web.widgets import IsoDateInput

YES_NO_UNKNOWN = [("", _("Not known")), ("yes", _("Yes")), ("no", _("No"))]


def regions_of(user: User) -> Any:
    """The regions an officer picks from: their agency's region and every region in it."""
    region = getattr(user.agency, "region", None) if user.agency_id else None
    qs = Region.objects.select_related("parent").order_by("code")
    if region is None:
        return qs.filter(level__in=[RegionLevel.PROVINCE, RegionLevel.REGENCY])
    return qs.filter(Q(pk=region.pk) | Q(code__startswith=region.code + "."))


class RegionChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        if obj.parent is not None and obj.level == RegionLevel.VILLAGE:
            return f"{obj.name} ({obj.parent.name})"
        return str(obj.name)


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    held_on = forms.DateField(label=_("Held on"), widget=IsoDateInput())
    region = RegionChoiceField(
        label=_("Kelurahan / desa"),
        queryset=Region.objects.none(),
        help_text=_("A social-media campaign may name the city or regency."),
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    organisers = forms.CharField(
        label=_("Organisers"),
        max_length=300,
        required=False,
        help_text=_("For example: Polresta Kupang Kota (Bhabinkamtibmas), the RT/RW heads."),
    )
    materials = forms.CharField(
        label=_("Materials"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_of(user)  # type: ignore[attr-defined]
        for name, label in AUDIENCE_GROUPS:
            self.fields[name] = forms.IntegerField(
                label=label, min_value=0, max_value=1_000_000, initial=0, required=False
            )

    def audience(self) -> dict[str, int]:
        return {name: self.cleaned_data.get(name) or 0 for name, _label in AUDIENCE_GROUPS}

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "title": data["title"],
            "held_on": data["held_on"],
            "region": data["region"],
            "place": data["place"],
            "organisers": data["organisers"],
            "materials": data["materials"],
            "audience": self.audience(),
        }


class CourseForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=CourseKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    organisers = forms.CharField(label=_("Organisers"), max_length=300, required=False)
    region = RegionChoiceField(label=_("Region"), queryset=Region.objects.none())
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("Starts"), widget=IsoDateInput())
    ends_on = forms.DateField(label=_("Ends"), widget=IsoDateInput())
    sessions = forms.IntegerField(label=_("Sessions"), min_value=1, max_value=1000, initial=1)
    evaluation_months = forms.IntegerField(
        label=_("Evaluate after (months)"), min_value=1, max_value=36, initial=6
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_of(user)  # type: ignore[attr-defined]


class ParticipantsForm(forms.Form):
    participants = forms.CharField(
        label=_("Participants, one a line: name; sex (female/male); age"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=50_000,
    )

    def people(self) -> list[dict[str, Any]]:
        people: list[dict[str, Any]] = []
        for line in self.cleaned_data["participants"].splitlines():
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(";")]
            sex = (parts[1] if len(parts) > 1 else "").lower()
            sex = {
                "p": Sex.FEMALE,
                "perempuan": Sex.FEMALE,
                "l": Sex.MALE,
                "laki-laki": Sex.MALE,
            }.get(sex, sex)
            people.append(
                {"name": parts[0], "sex": sex, "age": parts[2] if len(parts) > 2 else None}
            )
        return people


def _tri(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class EvaluationForm(forms.Form):
    evaluated_on = forms.DateField(label=_("Evaluated on"), widget=IsoDateInput())
    employed = forms.ChoiceField(label=_("Employed?"), choices=YES_NO_UNKNOWN, required=False)
    migrated = forms.ChoiceField(
        label=_("Migrated for work?"), choices=YES_NO_UNKNOWN, required=False
    )
    licensed_channel = forms.ChoiceField(
        label=_("Through a licensed channel?"), choices=YES_NO_UNKNOWN, required=False
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "evaluated_on": data["evaluated_on"],
            "employed": _tri(data["employed"]),
            "migrated": _tri(data["migrated"]),
            "licensed_channel": _tri(data["licensed_channel"]),
            "note": data["note"],
        }


class PlacementAgencyForm(forms.Form):
    licence_number = forms.CharField(label=_("Licence number"), max_length=100)
    name = forms.CharField(label=_("Name"), max_length=200)
    valid_from = forms.DateField(
        label=_("Licence valid from"), required=False, widget=IsoDateInput()
    )
    valid_to = forms.DateField(label=_("Licence valid to"), required=False, widget=IsoDateInput())
    status = forms.ChoiceField(label=_("Licence status"), choices=LicenceStatus.choices)
    head_office = forms.CharField(label=_("Head office"), max_length=300, required=False)
    branches = forms.CharField(
        label=_("Branches, one a line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    @classmethod
    def of(cls, agency: PlacementAgency) -> PlacementAgencyForm:
        return cls(
            initial={
                "licence_number": agency.licence_number,
                "name": agency.name,
                "valid_from": agency.valid_from,
                "valid_to": agency.valid_to,
                "status": agency.status,
                "head_office": agency.head_office,
                "branches": "\n".join(agency.branches),
                "note": agency.note,
                "version": agency.version,
            }
        )


class AgencyImportForm(forms.Form):
    file = forms.FileField(label=_("Register file (CSV, UTF-8)"))


class RecruiterForm(forms.Form):
    placement_agency = forms.ModelChoiceField(
        label=_("Placement agency (P3MI)"),
        queryset=PlacementAgency.objects.all(),
        required=False,
    )
    unlicensed_recruiter = forms.CharField(
        label=_("Unlicensed recruiter (calo)"), max_length=200, required=False
    )


# -- community reports, delay requests, take-downs (issue #15, items 3-5) -------------------------


class CommunityReportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What is reported"), choices=ReportKind.choices, widget=forms.RadioSelect
    )
    region = RegionChoiceField(label=_("Kelurahan / desa"), queryset=Region.objects.none())
    reporter_role = forms.ChoiceField(
        label=_("Who reports"), choices=ReporterRole.choices, widget=forms.RadioSelect
    )
    reporter_name = forms.CharField(label=_("Reporter's name"), max_length=200, required=False)
    reporter_phone = forms.CharField(label=_("Reporter's phone"), max_length=40, required=False)
    people_count = forms.IntegerField(
        label=_("How many people"), min_value=1, max_value=10_000, required=False
    )
    destination = forms.CharField(
        label=_("Where to (country or city)"), max_length=200, required=False
    )
    narrative = forms.CharField(
        label=_("What was seen or heard"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    placement_agency = forms.ModelChoiceField(
        label=_("Placement agency (P3MI), if named"),
        queryset=PlacementAgency.objects.all(),
        required=False,
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_of(user).filter(  # type: ignore[attr-defined]
            level=RegionLevel.VILLAGE
        )


class ReportTriageForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s.value, s.label) for s in REPORT_TRIAGE_STATUSES],
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class OpenCaseTitleForm(forms.Form):
    title = forms.CharField(label=_("Case title"), max_length=200, required=False)


class DelayRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Request"), choices=DelayKind.choices)
    immigration_office = forms.CharField(
        label=_("Immigration office"), max_length=200, initial="Kantor Imigrasi Kelas I TPI Kupang"
    )
    sent_on = forms.DateField(label=_("Sent on"), widget=IsoDateInput())
    reference = forms.CharField(label=_("Letter number"), max_length=100, required=False)


class DelayAnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[c for c in DelayOutcome.choices if c[0] != DelayOutcome.PENDING],
    )
    answered_on = forms.DateField(label=_("Answered on"), widget=IsoDateInput())
    answer = forms.CharField(label=_("Answer"), max_length=500, required=False)


class TakedownForm(forms.Form):
    platform = forms.ChoiceField(label=_("Platform"), choices=Platform.choices)
    found_by = forms.ChoiceField(label=_("Found"), choices=TakedownFoundBy.choices)
    post_url = forms.CharField(label=_("Post or group address"), max_length=500, required=False)
    account = forms.CharField(label=_("Account, number or handle"), max_length=200, required=False)
    requested_on = forms.DateField(label=_("Request sent on"), widget=IsoDateInput())
    request_reference = forms.CharField(
        label=_("Request reference"), max_length=100, required=False
    )


class TakedownAnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[c for c in TakedownOutcome.choices if c[0] != TakedownOutcome.PENDING],
    )
    answered_on = forms.DateField(label=_("Answered on"), widget=IsoDateInput())
    answer = forms.CharField(label=_("Answer"), max_length=500, required=False)


class CaseReferenceForm(forms.Form):
    reference = forms.CharField(label=_("Case reference"), max_length=40)


# -- returns in batches (issue #15, item 6) ----------------------------------------------------------


class ReturnOperationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    source = forms.CharField(
        label=_("Manifest from"),
        max_length=200,
        required=False,
        help_text=_("For example: KBRI Phnom Penh, BP2MI."),
    )
    countries = forms.CharField(label=_("Returned from"), max_length=100, required=False)
    arrived_on = forms.DateField(label=_("Arrived on"), widget=IsoDateInput())
    arrival_point = forms.CharField(label=_("Arrival point"), max_length=200, required=False)


class ManifestForm(forms.Form):
    file = forms.FileField(label=_("Manifest (XLSX or CSV UTF-8)"))


class ArrivalScreeningForm(forms.Form):
    indicators = forms.MultipleChoiceField(
        label=_("Victim indicators found at arrival"),
        choices=ARRIVAL_INDICATORS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ReintegrationForm(forms.Form):
    on = forms.DateField(label=_("Reintegrated on"), widget=IsoDateInput())


class ProspectiveWorkerForm(forms.Form):
    full_name = forms.CharField(label=_("Name"), max_length=200)
    nik = forms.CharField(label=_("NIK"), max_length=30, required=False)
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", "—"), *Sex.choices], required=False)
    birth_date = forms.DateField(label=_("Date of birth"), widget=IsoDateInput())
    destination_country = forms.ChoiceField(label=_("Destination country"), choices=())
    sector = forms.ChoiceField(label=_("Sector"), choices=())
    placement_agency = forms.ModelChoiceField(
        label=_("Placement agency (P3MI)"), queryset=PlacementAgency.objects.all(), required=False
    )
    planned_departure = forms.DateField(
        label=_("Planned departure"), required=False, widget=IsoDateInput()
    )
    documents = forms.MultipleChoiceField(
        label=_("Documents held"),
        choices=PLACEMENT_DOCUMENTS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from lentera.apps.prevention.engine import country_choices
        from lentera.apps.reference.models import Sector

        super().__init__(*args, **kwargs)
        self.fields["destination_country"].choices = country_choices()  # type: ignore[attr-defined]
        self.fields["sector"].choices = [  # type: ignore[attr-defined]
            c for c in Sector.choices if c[0] != Sector.ALL
        ]
