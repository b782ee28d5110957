"""The evidence register of a case: seized items and digital evidence, each hand-over of the
chain of custody as an audited event, and the item's status at trial (Pasal 29 UU 21/2007
admits electronic records). A digital file is stored encrypted like the case documents
(:mod:`lentera.apps.cases.evidence`) and served only after its SHA-256 is checked again."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.concurrency import lock, transition
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, User
from lentera.apps.cases import evidence
from lentera.apps.cases.models import Case
from lentera.apps.investigation.models import CustodyEvent, EvidenceItem
from lentera.apps.investigation.services._common import require_record, require_text
from lentera.apps.investigation.vocab import EvidenceKind, TrialStatus

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
SHA256 = re.compile(r"^[0-9a-f]{64}$")
EARLIEST_YEAR = 1950


def _when(at: datetime, field: str) -> datetime:
    if at > timezone.now():
        raise ValidationError({field: _("The date cannot be in the future.")})
    if at.year < EARLIEST_YEAR:
        raise ValidationError({field: _("Check the year: it is too far in the past.")})
    return at


def evidence_add(
    *,
    actor: User,
    case: Case,
    kind: str,
    description: str,
    seized_by: str,
    seized_at: datetime,
    seized_place: str,
    storage_place: str,
    content: bytes | IO[bytes] | None = None,
    sha256: str = "",
) -> EvidenceItem:
    """Register a seized item or a piece of digital evidence. A digital item carries its file
    (its SHA-256 is computed as it is stored) or, for a copy kept elsewhere, the SHA-256 of it."""
    agency = require_record(actor, case)
    if kind not in EvidenceKind.values:
        raise ValidationError({"kind": _("Choose the kind of evidence.")})
    _when(seized_at, "seized_at")
    sha256 = sha256.strip().lower()
    if sha256 and not SHA256.match(sha256):
        raise ValidationError({"sha256": _("A SHA-256 is 64 hexadecimal characters.")})
    if kind == EvidenceKind.DIGITAL and content is None and not sha256:
        raise ValidationError(
            {"file": _("Attach the file, or give the SHA-256 of the copy kept elsewhere.")}
        )
    item = EvidenceItem(
        case=case,
        kind=kind,
        description=require_text(description, "description", _("Describe the item.")),
        seized_by=require_text(seized_by, "seized_by", _("Name the officer who seized it.")),
        seized_agency=agency,
        seized_at=seized_at,
        seized_place=require_text(seized_place, "seized_place", _("Say where it was seized.")),
        storage_place=require_text(storage_place, "storage_place", _("Say where it is kept.")),
        holder=seized_by.strip(),
        holder_agency=agency,
        sha256=sha256,
        recorded_by=actor,
    )
    stored: evidence.Stored | None = None
    if content is not None:
        source = io.BytesIO(content) if isinstance(content, bytes) else content
        try:
            head = evidence.read_chunk(source)
            if not head:
                raise ValidationError({"file": _("The file is empty.")})
            name = item.file.field.generate_filename(item, "upload")
            stored = evidence.store(name, head, source, limit=MAX_EVIDENCE_BYTES)
        except evidence.TooLarge:
            raise ValidationError({"file": _("The file is larger than 10 MB.")}) from None
        if sha256 and sha256 != stored.sha256:
            evidence.discard(stored.name)
            raise ValidationError(
                {"sha256": _("The file's SHA-256 differs from the one given: it is not that file.")}
            )
        item.file, item.file_size, item.sha256 = stored.name, stored.size, stored.sha256
    try:
        with transaction.atomic():
            Case.objects.select_for_update().filter(pk=case.pk).first()  # one numbering at a time
            last = EvidenceItem.objects.filter(case=case).aggregate(n=Max("number"))["n"]
            item.number = (last or 0) + 1
            item.save()
            record_event(
                actor=actor,
                event_type=EventType.EVIDENCE_SEIZED,
                obj=case,
                summary=f"#{item.number} {EvidenceKind(kind).label}",
                data={"item": item.pk, "sha256": item.sha256},
            )
    except BaseException:
        if stored is not None:
            evidence.discard(stored.name)
        raise
    return item


def evidence_hand_over(
    *,
    actor: User,
    item: EvidenceItem,
    to_holder: str,
    to_agency: Agency,
    at: datetime,
    storage_place: str,
    purpose: str,
    version: int,
) -> CustodyEvent:
    """Record a hand-over: the item passes to ``to_holder`` of ``to_agency`` (chain of
    custody). The hand-over is refused when the item changed since the form was read."""
    require_record(actor, item.case)
    _when(at, "at")
    to_holder = require_text(to_holder, "to_holder", _("Name who received it."))
    storage_place = require_text(storage_place, "storage_place", _("Say where it is kept."))
    purpose = require_text(purpose, "purpose", _("Say why it was handed over."))
    with transaction.atomic():
        fresh = lock(EvidenceItem.objects, item.pk, version=version)
        last = fresh.custody.order_by("-at", "-id").first()
        if last is not None and at < last.at:
            raise ValidationError({"at": _("The hand-over is earlier than the last one.")})
        event = CustodyEvent.objects.create(
            item=fresh,
            from_holder=fresh.holder,
            from_agency_id=fresh.holder_agency_id,
            to_holder=to_holder,
            to_agency=to_agency,
            at=at,
            storage_place=storage_place,
            purpose=purpose,
            recorded_by=actor,
        )
        EvidenceItem.objects.filter(pk=fresh.pk).update(
            holder=to_holder,
            holder_agency=to_agency,
            storage_place=storage_place,
            version=fresh.version + 1,
        )
        record_event(
            actor=actor,
            event_type=EventType.EVIDENCE_HANDED_OVER,
            obj=item.case,
            summary=f"#{fresh.number}: {fresh.holder_agency} → {to_agency}"[:300],
            data={"item": fresh.pk, "custody": event.pk, "to_agency": to_agency.pk},
        )
    item.refresh_from_db()
    return event


def evidence_trial_status(
    *, actor: User, item: EvidenceItem, status: str, version: int
) -> EvidenceItem:
    require_record(actor, item.case)
    if status not in TrialStatus.values:
        raise ValidationError({"status": _("Choose the status.")})
    with transaction.atomic():
        transition(
            EvidenceItem.objects,
            item.pk,
            field="trial_status",
            from_states=[item.trial_status],
            to_state=status,
            version=version,
            instance=item,
        )
        record_event(
            actor=actor,
            event_type=EventType.EVIDENCE_TRIAL_STATUS,
            obj=item.case,
            summary=f"#{item.number}: {TrialStatus(status).label}",
            data={"item": item.pk, "status": status},
        )
    return item


def evidence_file(item: EvidenceItem) -> Iterator[bytes]:
    """The plain content of the item's file, checked against its SHA-256 (else
    :class:`lentera.apps.cases.evidence.Unreadable`). The caller has checked the policy."""
    return evidence.open_verified(
        name=item.file.name or "", sha256=item.sha256, document_id=item.pk
    )
