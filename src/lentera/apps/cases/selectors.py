"""Reads of case files, always starting from the access policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from lentera.apps.accounts.models import AuditEvent
from lentera.apps.accounts.permissions import Action
from lentera.apps.cases.models import Case, CaseGrant, CaseParty
from lentera.apps.cases.policies import CaseAccess, cases
from lentera.apps.people.policies import people
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
    qs = cases.visible(user, Action.VIEW_CASE).select_related("lead_agency", "region")
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

    def qualifications(self) -> Any:
        return self.case.qualifications.all()[:5] if self.has("qualifications") else []

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
            pseudonym=pseudonym_of(row.person),
            official=row.is_official and complicity,
            identity=row.person_id in identified,
        )
        for row in rows
    ]
    return result


#: Case exploitation types → the qualification engine's purposes.
PURPOSE_OF = {
    "sexual_exploitation": "sexual_exploitation",
    "forced_labour": "forced_labour",
    "domestic_servitude": "domestic_servitude",
    "forced_criminality": "forced_criminality",
    "forced_marriage": "forced_marriage",
    "forced_begging": "forced_begging",
    "organ_removal": "organ_removal",
    "child_labour": "child_labour",
    "slavery_like": "slavery_like_practice",
    "illegal_adoption": "other_exploitation",
    "other": "other_exploitation",
}


def case_facts_for_law(*, case: Case) -> dict[str, Any]:
    """The qualification engine's input built from what the case file records.

    What the file does not record yet is passed as *unknown* rather than as absent, so the
    engine names the missing facts instead of concluding on a gap.
    """
    from lentera.apps.cases.vocab import PartyRole

    facts: dict[str, Any] = {"id": case.reference}
    unknown: list[str] = []
    if case.offence_date:
        facts["offence_date"] = case.offence_date.isoformat()
    for name, values in (("acts", case.acts), ("means", case.means)):
        if values:
            facts[name] = list(values)
        else:
            unknown.append(name)
    purposes = sorted({PURPOSE_OF[c] for c in case.exploitation_types if c in PURPOSE_OF})
    if purposes:
        facts["purposes"] = purposes
    else:
        unknown.append("purposes")
    unknown.append("exploitation_occurred")
    legs = list(case.journey.all())
    if not legs:
        unknown.append("movement")
    elif any(leg.origin_country_id == "ID" and leg.destination_country_id != "ID" for leg in legs):
        facts["movement"] = "out_of_indonesia"
    elif any(leg.origin_country_id != "ID" and leg.destination_country_id == "ID" for leg in legs):
        facts["movement"] = "into_indonesia"
    else:
        facts["movement"] = "domestic"
    victims = []
    suspects = []
    for party in case.parties.select_related("person"):
        if party.role == PartyRole.VICTIM:
            victims.append(
                {
                    "age_at_offence": party.age_at_offence,
                    "citizenship": party.person.nationality_id or "ID",
                }
            )
        elif party.role == PartyRole.SUSPECT:
            suspects.append(
                {
                    "kind": "individual",
                    "state_official": party.is_official,
                    "abused_position": party.is_official,
                }
            )
    if victims:
        facts["victims"] = victims
        if any(v["age_at_offence"] is None for v in victims):
            unknown.append("victim_age")
    else:
        unknown.append("victim_age")
    if suspects:
        facts["perpetrators"] = suspects
    facts["unknown"] = unknown
    return facts
