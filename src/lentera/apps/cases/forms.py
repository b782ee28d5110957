"""The guided qualification form: every choice comes from the engine's own vocabularies."""

from __future__ import annotations

from collections.abc import Iterable
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
from lentera.apps.reference.fields import CountryCodeField, RegionCodeField
from lentera.law import FACT_CODES, STACKING_CHOICES, EngineSettings, code_label
from lentera.web.widgets import IsoDateInput

TRI = [("", _("Unknown")), ("yes", _("Yes")), ("no", _("No"))]
MAX_VICTIMS = 3
ABSENT_LABELS = {
    "acts": _("No act (confirmed)"),
    "means": _("No means (confirmed)"),
    "purposes": _("No exploitative purpose (confirmed)"),
}
STACKING_LABELS = {
    "additive": _("Added up: each adds one third of the base penalty"),
    "compound": _("Compounded: each multiplies by 4/3"),
    "single": _("One third however many apply"),
}


def tri_value(value: str) -> bool | None:
    """The answer of a yes / no / unknown select."""
    return {"yes": True, "no": False}.get(value)


def tri_initial(value: bool | None) -> str:
    return "" if value is None else "yes" if value else "no"


def _lang() -> str:
    return "en" if (get_language() or "id").startswith("en") else "id"


def _choices(field: str) -> list[tuple[str, str]]:
    lang = _lang()
    return [(code, code_label(field, code, lang)) for code in FACT_CODES[field]]


class SettingsForm(forms.Form):
    """The engine's interpretation settings (legal-reference §1.4, §10), chosen for each run and
    kept with its snapshot. The defaults are the engine's (``EngineSettings``)."""

    uplift_minimum = forms.BooleanField(
        label=_("A one-third increase raises the minimum as well as the maximum"),
        required=False,
        initial=True,
    )
    stacking = forms.ChoiceField(
        label=_("Several one-third increases"),
        choices=[(code, STACKING_LABELS[code]) for code in STACKING_CHOICES],
        initial="additive",
        required=False,
    )
    sectoral_minimums_removed = forms.BooleanField(
        label=_("From 2026, UU 21/2007's special minimums are removed (UU 1/2026)"),
        required=False,
    )
    compare_favourable_law = forms.BooleanField(
        label=_("Compare with the law more favourable to the accused (KUHP Pasal 3)"),
        required=False,
        initial=True,
    )
    convert_fines = forms.BooleanField(
        label=_("From 2026, read fines as UU 1/2026 converts them (fine categories)"),
        required=False,
    )
    # sent with the settings: a post without it (a client that shows no settings) takes the
    # defaults, not "every box unticked"
    settings_given = forms.BooleanField(required=False, initial=True, widget=forms.HiddenInput)
    SETTINGS = (
        "uplift_minimum",
        "stacking",
        "sectoral_minimums_removed",
        "compare_favourable_law",
        "convert_fines",
    )

    def settings(self) -> dict[str, Any]:
        """The chosen settings as ``EngineSettings.from_dict`` reads them (the defaults when the
        post carried no settings)."""
        if not self.cleaned_data.get("settings_given"):
            return self.initial_settings()
        chosen = {name: self.cleaned_data[name] for name in self.SETTINGS}
        chosen["stacking"] = chosen["stacking"] or "additive"
        return chosen

    def settings_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.SETTINGS]

    @staticmethod
    def initial_settings() -> dict[str, Any]:
        return EngineSettings().to_dict()


class QualificationForm(SettingsForm):
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
    participation = forms.ChoiceField(label=_("What the person assessed did"), required=False)
    use_of_victim = forms.MultipleChoiceField(
        label=_("Used a trafficking victim (Pasal 12)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    obstruction = forms.MultipleChoiceField(
        label=_("Offences against justice (Pasal 20-24)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    obstruction_harm = forms.ChoiceField(label=_("Harm the attack caused"), required=False)
    unknown = forms.MultipleChoiceField(
        label=_("Not known yet"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick what you do not know yet; the engine says whether it decides the case."),
    )
    destination_country = CountryCodeField(
        label=_("Destination country"), required=False, blank=_("None or not known")
    )
    placement_facts = forms.MultipleChoiceField(
        label=_("Labour placement (UU 18/2017)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", self.initial_settings())
        super().__init__(*args, **kwargs)
        for name in (
            "acts",
            "means",
            "purposes",
            "unknown",
            "use_of_victim",
            "obstruction",
            "placement_facts",
        ):
            self.fields[name].choices = _choices(  # type: ignore[attr-defined]
                "placement" if name == "placement_facts" else name
            )
        self.fields["participation"].choices = _choices("participation")  # type: ignore[attr-defined]
        self.fields["obstruction_harm"].choices = _choices("obstruction_harm")  # type: ignore[attr-defined]
        self.fields["movement"].choices = [("", _("Unknown or not given")), *_choices("movement")]  # type: ignore[attr-defined]
        for i in range(MAX_VICTIMS):
            self.fields[f"victim{i}_age"] = forms.IntegerField(
                label=_("Victim %(n)d: age at the offence") % {"n": i + 1},
                required=False,
                min_value=0,
                max_value=120,
            )
            self.fields[f"victim{i}_citizenship"] = CountryCodeField(
                label=_("Victim %(n)d: citizenship") % {"n": i + 1},
                blank=_("Not known"),
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
        for name in ("acts", "means", "purposes", "unknown", "use_of_victim", "obstruction"):
            if data[name]:
                facts[name] = list(data[name])
        if data["participation"] and data["participation"] != "principal":
            facts["participation"] = data["participation"]
        if data["obstruction_harm"] and data["obstruction_harm"] != "none":
            facts["obstruction_harm"] = data["obstruction_harm"]
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
        for flag in data["placement_facts"]:
            placement[flag] = True
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
    region_code = RegionCodeField(
        help_text=_("Where the case belongs: type part of the name, e.g. Kupang, and pick it."),
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
    # the legal facts the qualification engine reads (contracts/qualify.md)
    absent_elements = forms.MultipleChoiceField(
        label=_("Confirmed absent"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=list(ABSENT_LABELS.items()),
        help_text=_(
            "An empty list is 'not known yet' unless you confirm here that there was none."
        ),
    )
    exploitation_occurred = forms.ChoiceField(
        label=_("Was the person actually exploited?"), choices=TRI, required=False
    )
    movement = forms.ChoiceField(
        label=_("Movement"),
        required=False,
        help_text=_("Leave 'From the journey' to read it from the journey legs."),
    )
    organised_group = forms.BooleanField(
        label=_("Three or more people acting together over time for gain"), required=False
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
    placement_country = CountryCodeField(
        label=_("Destination country"), required=False, blank=_("None or not known")
    )
    placement_facts = forms.MultipleChoiceField(
        label=_("Labour placement (UU 18/2017)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["acts"].choices = _choices("acts")  # type: ignore[attr-defined]
        self.fields["means"].choices = _choices("means")  # type: ignore[attr-defined]
        self.fields["movement"].choices = [  # type: ignore[attr-defined]
            ("", _("From the journey")),
            *_choices("movement"),
        ]
        self.fields["placement_facts"].choices = _choices("placement")  # type: ignore[attr-defined]

    def case_facts(self) -> dict[str, Any]:
        """The cleaned data as the case services take it (the placement country as a code;
        the view looks it up)."""
        data = dict(self.cleaned_data)
        data.pop("region_code", None)
        data["exploitation_occurred"] = tri_value(data.get("exploitation_occurred") or "")
        data["placement_country"] = (data.get("placement_country") or "").strip().upper()
        for name in list(data):
            if name.startswith("party"):
                data.pop(name)
        return data

    @staticmethod
    def initial_for(case: Any) -> dict[str, Any]:
        """The form's values for a stored case (the legal facts part)."""
        return {
            "absent_elements": case.absent_elements,
            "exploitation_occurred": tri_initial(case.exploitation_occurred),
            "movement": case.movement,
            "organised_group": case.organised_group,
            "document_forgery": case.document_forgery,
            "illegal_entry_for_profit": case.illegal_entry_for_profit,
            "incitement_without_offence": case.incitement_without_offence,
            "placement_country": case.placement_country_id or "",
            "placement_facts": case.placement_facts,
        }


class CaseEditForm(CaseFactsForm):
    """The facts of an open case. The region can be corrected (the change is audited with the
    region before and after); it was once a locked field that was still required, and the
    first save always failed (issue #18, item 3).

    ``parties`` adds the legal facts of each victim (harms) and suspect (corporation, abuse of
    position, participation, use of a victim, offences against justice); ``complicity`` says
    whether the editor may see and change a suspect's abuse of an official position.
    """

    # left empty (a client that does not send it), the case keeps its region
    region_code = RegionCodeField(
        required=False,
        help_text=_("Where the case belongs: type part of the name, e.g. Kupang, and pick it."),
    )

    def __init__(
        self, *args: Any, parties: Iterable[Any] = (), complicity: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.party_rows: list[tuple[Any, list[str]]] = []
        for party in parties:
            names = party_fields(self, party, complicity=complicity)
            if names:
                self.party_rows.append((party, names))

    def party_groups(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(party, [self[name] for name in names]) for party, names in self.party_rows]

    def party_facts(self) -> dict[int, dict[str, Any]]:
        """The legal facts of each party, by party id, as ``case_update_facts`` takes them."""
        return {party.pk: party_values(self, party, names) for party, names in self.party_rows}


def party_fields(form: forms.Form, party: Any, *, complicity: bool) -> list[str]:
    """Add the legal-fact fields of ``party`` to ``form`` (filled from the party); their names."""
    who = party.person.initials or "?"
    names: list[str] = []

    def add(name: str, field: forms.Field, value: Any) -> None:
        key = f"party{party.pk}_{name}"
        form.fields[key] = field
        form.initial[key] = value
        names.append(key)

    if party.role == PartyRole.VICTIM:
        add(
            "harms",
            forms.MultipleChoiceField(
                label=_("Victim %(who)s: harm suffered") % {"who": who},
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=_choices("harms"),
            ),
            party.harms,
        )
    elif party.role == PartyRole.SUSPECT:
        label = _("Suspect %(who)s") % {"who": who}
        add(
            "is_corporation",
            forms.BooleanField(label=f"{label}: {_('a corporation')}", required=False),
            party.is_corporation,
        )
        if complicity and party.is_official:
            add(
                "abused_position",
                forms.BooleanField(
                    label=f"{label}: {_('abused their position as an official')}",
                    required=False,
                ),
                party.abused_position,
            )
        add(
            "participation",
            forms.ChoiceField(
                label=f"{label}: {_('what they did')}",
                required=False,
                choices=_choices("participation"),
            ),
            party.participation or "principal",
        )
        add(
            "use_of_victim",
            forms.MultipleChoiceField(
                label=f"{label}: {_('used a trafficking victim (Pasal 12)')}",
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=_choices("use_of_victim"),
            ),
            party.use_of_victim,
        )
        add(
            "obstruction",
            forms.MultipleChoiceField(
                label=f"{label}: {_('offences against justice (Pasal 20-24)')}",
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=_choices("obstruction"),
            ),
            party.obstruction,
        )
        add(
            "obstruction_harm",
            forms.ChoiceField(
                label=f"{label}: {_('harm the attack caused')}",
                required=False,
                choices=_choices("obstruction_harm"),
            ),
            party.obstruction_harm or "none",
        )
    return names


def party_values(form: forms.Form, party: Any, names: list[str]) -> dict[str, Any]:
    prefix = f"party{party.pk}_"
    values = {name[len(prefix) :]: form.cleaned_data.get(name) for name in names}
    for key in ("participation", "obstruction_harm"):
        if key in values and not values[key]:
            values[key] = {"participation": "principal", "obstruction_harm": "none"}[key]
    return values


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Reference or title"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *CaseStatus.choices]
    )
    region = RegionCodeField(required=False, help_text="")
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # on the case page beside the new-person form, which has its own NIK and phone: ids of
        # its own, so each label points at its field (issue #18, item 4)
        kwargs.setdefault("auto_id", "search_%s")
        super().__init__(*args, **kwargs)


class PartyForm(forms.Form):
    """Add a person in a role: an existing person (``person_id``) or a new one, with the legal
    facts of a victim (harms) or a suspect (corporation, abuse of position, participation, use
    of a victim, offences against justice)."""

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
    harms = forms.MultipleChoiceField(
        label=_("Harm suffered (victims)"), required=False, widget=forms.CheckboxSelectMultiple
    )
    is_corporation = forms.BooleanField(label=_("A corporation (suspects)"), required=False)
    abused_position = forms.BooleanField(
        label=_("Abused their position as an official (suspects)"), required=False
    )
    participation = forms.ChoiceField(label=_("What they did (suspects)"), required=False)
    use_of_victim = forms.MultipleChoiceField(
        label=_("Used a trafficking victim (suspects, Pasal 12)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    obstruction = forms.MultipleChoiceField(
        label=_("Offences against justice (suspects, Pasal 20-24)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    obstruction_harm = forms.ChoiceField(label=_("Harm the attack caused"), required=False)
    FACTS = (
        "harms",
        "is_corporation",
        "abused_position",
        "participation",
        "use_of_victim",
        "obstruction",
        "obstruction_harm",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("harms", "use_of_victim", "obstruction", "participation", "obstruction_harm"):
            self.fields[name].choices = _choices(name)  # type: ignore[attr-defined]

    def party_facts(self) -> dict[str, Any]:
        """The legal facts of the new party, as ``case_add_party`` takes them."""
        data = self.cleaned_data
        return {
            "harms": list(data["harms"]),
            "is_corporation": data["is_corporation"],
            "abused_position": data["abused_position"],
            "participation": data["participation"] or "principal",
            "use_of_victim": list(data["use_of_victim"]),
            "obstruction": list(data["obstruction"]),
            "obstruction_harm": data["obstruction_harm"] or "none",
        }


class VictimStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Decision"), choices=VictimStatus.choices)
    # the status the page showed: a decision taken meanwhile by someone else is a conflict
    from_status = forms.ChoiceField(
        choices=VictimStatus.choices, required=False, widget=forms.HiddenInput
    )


class JourneyLegForm(forms.Form):
    origin_place = forms.CharField(label=_("From"), max_length=120)
    origin_country = CountryCodeField(label=_("Country (from)"), initial="ID")
    destination_place = forms.CharField(label=_("To"), max_length=120)
    destination_country = CountryCodeField(label=_("Country (to)"), initial="ID")
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
    co_handling = forms.BooleanField(
        label=_("As a co-handling agency"),
        required=False,
        help_text=_("It edits the file beside the lead (the whole file only)."),
    )
    reason = forms.CharField(label=_("Why the agency needs it"), max_length=300)


class HandOverForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("New lead agency"), queryset=Agency.objects.filter(is_active=True)
    )
    keep_access = forms.BooleanField(
        label=_("Stay on the case as a co-handling agency"), required=False, initial=True
    )
    reason = forms.CharField(label=_("Why the case is handed over"), max_length=300)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=CaseStatus.choices)
    reason = forms.CharField(label=_("Reason (required to close)"), max_length=300, required=False)
    # the status the page showed: a change made meanwhile by someone else is a conflict
    from_status = forms.ChoiceField(
        choices=CaseStatus.choices, required=False, widget=forms.HiddenInput
    )
