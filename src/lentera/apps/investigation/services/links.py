"""Cross-case alerts: when a case, a complaint or a departure screening shares an identifier
(NIK, phone, account), a person or a transfer counterpart with a case another agency leads,
both holding agencies are told that a link exists and who holds the other record, nothing
more: no name, no number, no reference of the other agency's record.

Digests only: the blind indexes of the people (:class:`lentera.apps.people.models.
PersonIdentifier`) and of the transfers' accounts. A complaint's reporter phone and a screened
traveller's NIK and phone are indexed here, in the process, to compare; they are not stored.
The sweep (:func:`links_sweep`) runs on the worker's schedule; a transfer runs the check of its
case at once. Each alert is written once (unique per agency and pair of records)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q

from lentera.apps.accounts.identity import blind_index
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.intake.models import Complaint
from lentera.apps.investigation.models import CallRecord, InvestigationAlert, Transfer
from lentera.apps.investigation.vocab import AlertKind
from lentera.apps.people.models import IdentifierKind, PersonIdentifier
from lentera.apps.prevention.models import DepartureScreening
from lentera.idn import InvalidNik, InvalidPhone, normalize_phone, parse_nik
from lentera.privacy import unseal

LINKING_KINDS = (IdentifierKind.NIK, IdentifierKind.PHONE, IdentifierKind.ACCOUNT)


def case_digests(case: Case) -> set[str]:
    persons = CaseParty.objects.filter(case=case).values("person_id")
    found = set(
        PersonIdentifier.objects.filter(person_id__in=persons, kind__in=LINKING_KINDS).values_list(
            "digest", flat=True
        )
    )
    for a, b in Transfer.objects.filter(case=case).values_list("from_digest", "to_digest"):
        found.update(x for x in (a, b) if x)
    for a, b in CallRecord.objects.filter(case=case).values_list("caller_digest", "callee_digest"):
        found.update((a, b))
    return found


def cases_sharing(digests: set[str], person_ids: Iterable[int] = ()) -> set[int]:
    """Cases whose parties or transfers carry one of ``digests`` (or hold one of the people)."""
    if not digests and not person_ids:
        return set()
    persons = set(
        PersonIdentifier.objects.filter(digest__in=digests, kind__in=LINKING_KINDS).values_list(
            "person_id", flat=True
        )
    ) | set(person_ids)
    found = set(CaseParty.objects.filter(person_id__in=persons).values_list("case_id", flat=True))
    found |= set(
        Transfer.objects.filter(Q(from_digest__in=digests) | Q(to_digest__in=digests)).values_list(
            "case_id", flat=True
        )
    )
    found |= set(
        CallRecord.objects.filter(
            Q(caller_digest__in=digests) | Q(callee_digest__in=digests)
        ).values_list("case_id", flat=True)
    )
    return found


def _alert(agency_id: int, key: str, *, case: Case | None, own: str, holder_id: int) -> bool:
    try:
        with transaction.atomic():
            _alert_row, created = InvestigationAlert.objects.get_or_create(
                agency_id=agency_id,
                key=key[:120],
                defaults={
                    "kind": AlertKind.LINK,
                    "case": case,
                    "own_record": own[:80],
                    "holder_id": holder_id,
                },
            )
    except IntegrityError:
        return False
    return created


def links_for_case(case: Case) -> int:
    """Alert the case's lead agency and the lead agencies of the other cases it links to."""
    persons = CaseParty.objects.filter(case=case).values_list("person_id", flat=True)
    others = cases_sharing(case_digests(case), persons) - {case.pk}
    made = 0
    for other in Case.objects.filter(pk__in=others).exclude(lead_agency_id=case.lead_agency_id):
        made += _alert(
            case.lead_agency_id,
            f"link:case:{case.pk}:case:{other.pk}",
            case=case,
            own=case.reference,
            holder_id=other.lead_agency_id,
        )
        made += _alert(
            other.lead_agency_id,
            f"link:case:{other.pk}:case:{case.pk}",
            case=other,
            own=other.reference,
            holder_id=case.lead_agency_id,
        )
    return made


def _phone_digest(value: str) -> str | None:
    try:
        return blind_index(normalize_phone(value))
    except (InvalidPhone, ValueError):
        return None


def _nik_digest(value: str) -> str | None:
    try:
        return blind_index(parse_nik(value).nik)
    except (InvalidNik, ValueError):
        return None


def _record_links(agency_id: int, label: str, kind: str, pk: int, digests: set[str]) -> int:
    made = 0
    for other in Case.objects.filter(pk__in=cases_sharing(digests)).exclude(
        lead_agency_id=agency_id
    ):
        made += _alert(
            agency_id,
            f"link:{kind}:{pk}:case:{other.pk}",
            case=None,
            own=label,
            holder_id=other.lead_agency_id,
        )
        made += _alert(
            other.lead_agency_id,
            f"link:case:{other.pk}:{kind}:{pk}",
            case=other,
            own=other.reference,
            holder_id=agency_id,
        )
    return made


def links_for_complaint(complaint: Complaint) -> int:
    digest = _phone_digest(unseal(complaint.reporter_phone) or "")
    if digest is None:
        return 0
    if complaint.receiving_agency_id is None:
        return 0
    return _record_links(
        complaint.receiving_agency_id,
        complaint.tracking_code,
        "complaint",
        complaint.pk,
        {digest},
    )


def links_for_screening(screening: DepartureScreening) -> int:
    digests = {
        d
        for d in (
            _nik_digest(unseal(screening.traveller_nik) or ""),
            _phone_digest(unseal(screening.traveller_phone) or ""),
        )
        if d
    }
    if screening.person_id:
        digests |= set(
            PersonIdentifier.objects.filter(
                person_id=screening.person_id, kind__in=LINKING_KINDS
            ).values_list("digest", flat=True)
        )
    if not digests:
        return 0
    return _record_links(
        screening.agency_id, f"#{screening.pk}", "screening", screening.pk, digests
    )


def links_sweep(*, since: datetime) -> int:
    """Check what came in since ``since``: cases with new parties or transfers, complaints,
    departure screenings (safe to repeat)."""
    touched: defaultdict[int, None] = defaultdict(lambda: None)
    for case_id in CaseParty.objects.filter(added_at__gte=since).values_list("case_id", flat=True):
        touched[case_id]
    for case_id in Transfer.objects.filter(recorded_at__gte=since).values_list(
        "case_id", flat=True
    ):
        touched[case_id]
    for case_id in CallRecord.objects.filter(recorded_at__gte=since).values_list(
        "case_id", flat=True
    ):
        touched[case_id]
    made = sum(links_for_case(case) for case in Case.objects.filter(pk__in=list(touched)))
    made += sum(links_for_complaint(c) for c in Complaint.objects.filter(received_at__gte=since))
    made += sum(
        links_for_screening(s) for s in DepartureScreening.objects.filter(screened_at__gte=since)
    )
    return made
