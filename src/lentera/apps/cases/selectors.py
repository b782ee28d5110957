"""Reads of case files, always starting from the access policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from lentera.apps.accounts.identity import identity_fields
from lentera.apps.accounts.models import AuditEvent
from lentera.apps.accounts.permissions import Action
from lentera.apps.cases.models import Case, CaseGrant, CaseParty, QualificationSnapshot
from lentera.apps.cases.policies import CaseAccess, cases
from lentera.apps.people.policies import people
from lentera.law import FACT_CODES
from lentera.privacy import Pseudonym


def case_list(
    *,
    user: Any,
    status: str = "",
    region: str = "",
    agency: int | None = None,
    opened_from: date | None = None,
    opened_to: date | None = None,
    exploitation_type: str = "",
    child: str = "",
    q: str = "",
) -> QuerySet[Case]:
    # a list never shows the narrative: it is not read (nor decrypted) for every row
    qs = (
        cases.visible(user, Action.VIEW_CASE)
        .select_related("lead_agency", "region")
        .defer(*identity_fields(Case))
    )
    if status:
        qs = qs.filter(status=status)
    if region:
        qs = qs.filter(Q(region__code=region) | Q(region__code__startswith=region + "."))
    if agency:
        qs = qs.filter(lead_agency_id=agency)
    if opened_from:
        qs = qs.filter(opened_at__date__gte=opened_from)
    if opened_to:
        qs = qs.filter(opened_at__date__lte=opened_to)
    if exploitation_type:
        qs = qs.filter(exploitation_types__icontains=f'"{exploitation_type}"')
    if child == "yes":
        qs = qs.filter(has_child_victim=True)
    elif child == "no":
        qs = qs.filter(has_child_victim=False)
    if q.strip():
        term = q.strip()
        qs = qs.filter(Q(reference__icontains=term) | Q(title__icontains=term))
    return qs.order_by("-opened_at", "-id")


def case_timeline(*, case: Case) -> QuerySet[AuditEvent]:
    """One timeline, built from the audit events the case's services wrote."""
    return (
        AuditEvent.objects.filter(object_type=case._meta.label_lower, object_id=str(case.pk))
        .select_related("actor", "actor_agency")
        .order_by("occurred_at", "id")
    )


@dataclass(frozen=True)
class PartyView:
    """One party as this reader may see it: the pseudonym always; ``identity`` says whether the
    reader holds the person's identity (by the person policy, never by leading the case)."""

    party: CaseParty
    pseudonym: Pseudonym
    official: bool
    identity: bool


@dataclass
class CaseFile:
    """The privacy-critical assembly of one case for one reader, rendered by the page and the
    API alike. Sections the reader may not read are empty."""

    case: Case
    access: CaseAccess
    parties: list[PartyView] = field(default_factory=list)

    @property
    def sections(self) -> frozenset[str]:
        return self.access.sections

    def has(self, section: str) -> bool:
        return section in self.access.sections

    @property
    def narrative_visible(self) -> bool:
        return self.access.narrative

    def identified(self) -> list[PartyView]:
        return [p for p in self.parties if p.identity]

    def journey(self) -> Any:
        if not self.has("journey"):
            return []
        return self.case.journey.select_related("origin_country", "destination_country")

    def documents(self) -> Any:
        return self.case.documents.select_related("uploaded_by") if self.has("documents") else []

    def notes(self) -> Any:
        if not (self.has("notes") and self.narrative_visible):
            return []
        return self.case.notes.select_related("author")

    def timeline(self) -> Any:
        return case_timeline(case=self.case) if self.has("timeline") else []

    def qualifications(self) -> list[SnapshotView]:
        """The latest saved qualifications, each with whether the facts changed after it."""
        if not self.has("qualifications"):
            return []
        rows = self.case.qualifications.select_related("actor", "party__person")[:5]
        current: dict[int | None, dict[str, Any]] = {}  # the facts now, once per suspect
        views = []
        for row in rows:
            if row.party_id not in current:
                current[row.party_id] = case_facts_for_law(case=self.case, suspect=row.party)
            views.append(snapshot_view(case=self.case, snapshot=row, now=current[row.party_id]))
        return views

    def grants(self) -> Any:
        if not self.has("sharing"):
            return CaseGrant.objects.none()
        return self.case.grants.select_related("agency", "granted_by", "person")

    def complaints(self) -> Any:
        return self.case.complaints.all() if self.has("timeline") else []


def case_file(*, user: Any, case: Case) -> CaseFile:
    """The case as ``user`` may read it (``case`` comes from a guarded fetch)."""
    from lentera.apps.people.selectors import pseudonym_of

    access = cases.access(user, case)
    result = CaseFile(case=case, access=access)
    if "people" not in access.sections:
        return result
    rows = list(
        case.parties.select_related(
            "person", "person__region", "victim_status_by", "victim_status_agency"
        )
    )
    rows = [row for row in rows if access.covers(row.person_id)]
    identified: set[int] = set()
    if rows:
        holds = people.visible(user, Action.VIEW_IDENTITY).values("pk")
        identified = set(case.parties.filter(person__in=holds).values_list("person_id", flat=True))
    complicity = bool(user.has_action(Action.VIEW_COMPLICITY))
    result.parties = [
        PartyView(
            party=row,
            pseudonym=pseudonym_of(row.person, recorded_age=row.age_at_offence),
            official=row.is_official and complicity,
            identity=row.person_id in identified,
        )
        for row in rows
    ]
    return result


#: Case exploitation types → the qualification engine's purposes. The sale of a child is not a
#: purpose: it is the engine's ``adoption_with_payment`` (UU 21/2007 Pasal 5).
PURPOSE_OF = {
    "sexual_exploitation": "sexual_exploitation",
    "prostitution": "prostitution",
    "forced_labour": "forced_labour",
    "forced_services": "forced_services",
    "domestic_servitude": "domestic_servitude",
    "forced_criminality": "forced_criminality",
    "forced_marriage": "forced_marriage",
    "forced_begging": "forced_begging",
    "organ_removal": "organ_removal",
    "child_labour": "child_labour",
    "slavery": "slavery",
    "slavery_like": "slavery_like_practice",
    "servitude": "servitude",
    "other": "other_exploitation",
}
ADOPTION = "illegal_adoption"
_HARM_ORDER = ("none", "serious_injury", "death")


def movement_of(case: Case) -> str | None:
    """The movement the case records: the officer's choice, else read from the journey legs
    (leaving Indonesia, entering it, or every leg within it); ``None`` when nothing says."""
    if case.movement:
        return case.movement
    legs = list(case.journey.all())
    if not legs:
        return None
    if any(leg.origin_country_id == "ID" and leg.destination_country_id != "ID" for leg in legs):
        return "out_of_indonesia"
    if any(leg.origin_country_id != "ID" and leg.destination_country_id == "ID" for leg in legs):
        return "into_indonesia"
    if all(leg.origin_country_id == "ID" and leg.destination_country_id == "ID" for leg in legs):
        return "domestic"
    return None  # only legs abroad: the file does not say how the person left Indonesia


def case_facts_for_law(*, case: Case, suspect: CaseParty | None = None) -> dict[str, Any]:
    """The qualification engine's input built from what the case file records.

    Every field of the contract comes from the file: the facts form (acts, means, exploitation,
    whether it occurred, movement, organised group, forgery, illegal entry, failed incitement,
    labour placement), the parties (victims' age, nationality and harms; suspects' kind, office
    and abuse of it, participation, use of a victim, offences against justice), the journey legs
    (movement) and the victims' identification (a party decided "not a victim" is left out).
    What the file does not record is passed as *unknown* rather than as absent, so the engine
    names the missing facts instead of concluding on a gap; an officer confirms an absence on
    the facts form. ``suspect`` is the suspect assessed: their participation, use of a victim
    and offences against justice (without one, the case's: the suspects' together).
    """
    from lentera.apps.cases.vocab import PartyRole, VictimStatus

    facts: dict[str, Any] = {"id": case.reference}
    unknown: list[str] = []
    absent = set(case.absent_elements or [])
    if case.offence_date:
        facts["offence_date"] = case.offence_date.isoformat()
    types = list(case.exploitation_types or [])
    purposes = [PURPOSE_OF[c] for c in types if c in PURPOSE_OF]
    purposes = [p for p in FACT_CODES["purposes"] if p in purposes]
    for name, values in (("acts", case.acts), ("means", case.means), ("purposes", purposes)):
        if values:
            facts[name] = list(values)
        elif name not in absent:
            unknown.append(name)
    if case.exploitation_occurred is None:
        unknown.append("exploitation_occurred")
    elif case.exploitation_occurred:
        facts["exploitation_occurred"] = True
    movement = movement_of(case)
    if movement is None:
        unknown.append("movement")
    else:
        facts["movement"] = movement
    victims: list[dict[str, Any]] = []
    suspects: list[CaseParty] = []
    for party in case.parties.select_related("person"):
        if party.role == PartyRole.VICTIM and party.victim_status != VictimStatus.NOT_VICTIM:
            victim: dict[str, Any] = {
                "age_at_offence": party.age_at_offence,
                "citizenship": party.person.nationality_id or "ID",
            }
            if party.harms:
                victim["harms"] = list(party.harms)
            victims.append(victim)
        elif party.role == PartyRole.SUSPECT:
            suspects.append(party)
    if victims:
        facts["victims"] = victims
        if any(v["age_at_offence"] is None for v in victims):
            unknown.append("victim_age")
    else:
        unknown.append("victim_age")
    if suspects:
        facts["perpetrators"] = [
            {
                "kind": "corporation" if party.is_corporation else "individual",
                "state_official": party.is_official,
                "abused_position": party.is_official and party.abused_position,
            }
            for party in suspects
        ]
    for flag in (
        "organised_group",
        "document_forgery",
        "illegal_entry_for_profit",
        "incitement_without_offence",
    ):
        if getattr(case, flag):
            facts[flag] = True
    if ADOPTION in types:
        facts["adoption_with_payment"] = True
    placement: dict[str, Any] = {}
    if case.placement_country_id:
        placement["destination_country"] = case.placement_country_id
    for flag in case.placement_facts or []:
        placement[flag] = True
    if placement:
        facts["placement"] = placement
    assessed = [suspect] if suspect is not None else suspects
    if suspect is not None and suspect.participation not in ("", "principal"):
        facts["participation"] = suspect.participation
    uses = {code for party in assessed for code in party.use_of_victim or []}
    if uses:
        facts["use_of_victim"] = [c for c in FACT_CODES["use_of_victim"] if c in uses]
    blocks = {code for party in assessed for code in party.obstruction or []}
    if blocks:
        facts["obstruction"] = [c for c in FACT_CODES["obstruction"] if c in blocks]
    harms = [
        party.obstruction_harm
        for party in assessed
        if "attack_on_witness" in (party.obstruction or [])
        and party.obstruction_harm in _HARM_ORDER
    ]
    harm = max(harms, key=_HARM_ORDER.index, default="none")
    if harm != "none":
        facts["obstruction_harm"] = harm
    facts["unknown"] = [name for name in FACT_CODES["unknown"] if name in unknown]
    return facts


@dataclass(frozen=True)
class SnapshotView:
    """A saved qualification of a case, and whether it still speaks for the file: ``changed``
    names the facts that differ now (empty when the facts are the same); ``older_engine`` says
    the rules changed since (``ENGINE_VERSION``)."""

    snapshot: QualificationSnapshot
    changed: tuple[str, ...]
    older_engine: bool

    @property
    def stale(self) -> bool:
        return bool(self.changed)


def snapshot_view(
    *, case: Case, snapshot: QualificationSnapshot, now: dict[str, Any] | None = None
) -> SnapshotView:
    """Compare a saved qualification with the facts the case holds now (for the same suspect;
    ``now`` when the caller has them already)."""
    from lentera.law import ENGINE_VERSION

    if now is None:
        now = case_facts_for_law(case=case, suspect=snapshot.party)
    then = snapshot.facts if isinstance(snapshot.facts, dict) else {}
    changed = tuple(sorted(k for k in now.keys() | then.keys() if now.get(k) != then.get(k)))
    return SnapshotView(snapshot, changed, snapshot.engine_version != ENGINE_VERSION)
