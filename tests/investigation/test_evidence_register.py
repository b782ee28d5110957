"""The evidence register: numbering, the SHA-256 of a digital file stored encrypted, every
hand-over an audited event in order, the status at trial with its version, the download served
only after the hash is checked and logged, and need-to-know from the other side."""

import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.cases import evidence
from lentera.apps.investigation import services
from lentera.apps.investigation.models import CustodyEvent, EvidenceItem

pytestmark = pytest.mark.django_db


def when(days):
    return timezone.now() - timedelta(days=days)


def add(actor, case, **kw):
    values = dict(
        kind="digital",
        description="Ekspor percakapan",
        seized_by="Bripka Lado",
        seized_at=when(5),
        seized_place="Alak",
        storage_place="Lemari bukti",
    )
    values.update(kw)
    return services.evidence_add(actor=actor, case=case, **values)


def test_digital_file_hash_numbering_and_chain(cast, police, ring):
    inv, case = cast.kupang_police_investigator, ring.kupang_case
    content = b"rekaman percakapan"
    item = add(inv, case, content=content)
    assert item.number == 3 and item.sha256 == hashlib.sha256(content).hexdigest()
    assert evidence.path_of(item.file.name).read_bytes() != content  # encrypted at rest
    assert b"".join(services.evidence_file(item)) == content
    with pytest.raises(ValidationError):
        add(inv, case, content=content, sha256="0" * 64)  # the file is not that one
    with pytest.raises(ValidationError):
        add(inv, case)  # digital without file or hash
    with pytest.raises(ValidationError):
        add(inv, case, seized_at=timezone.now() + timedelta(days=1))
    first = services.evidence_hand_over(
        actor=inv,
        item=item,
        to_holder="Jaksa Fanggi",
        to_agency=police.prosecution,
        at=when(2),
        storage_place="Rupbasan",
        purpose="Tahap II",
        version=item.version,
    )
    assert (first.from_holder, first.to_agency) == ("Bripka Lado", police.prosecution)
    with pytest.raises(Conflict):
        services.evidence_hand_over(
            actor=inv,
            item=item,
            to_holder="X",
            to_agency=police.prosecution,
            at=when(1),
            storage_place="Y",
            purpose="Z",
            version=1,
        )
    with pytest.raises(ValidationError):  # earlier than the last hand-over
        services.evidence_hand_over(
            actor=inv,
            item=item,
            to_holder="X",
            to_agency=cast.kupang_police,
            at=when(3),
            storage_place="Y",
            purpose="Z",
            version=item.version,
        )
    item.refresh_from_db()
    assert item.holder_agency == police.prosecution and item.storage_place == "Rupbasan"
    services.evidence_trial_status(actor=inv, item=item, status="admitted", version=item.version)
    assert item.trial_status == "admitted"
    events = AuditEvent.objects.filter(event_type=EventType.EVIDENCE_HANDED_OVER)
    assert events.count() == 2  # the ring's passport and this file


def test_refusals_write_nothing(cast, police, ring):
    before = (EvidenceItem.objects.count(), CustodyEvent.objects.count())
    item = ring.items[0]
    for outsider in (police.batam_investigator, police.kupang_secretariat):
        with pytest.raises(PermissionDenied):
            add(outsider, ring.kupang_case, content=b"x")
        with pytest.raises(PermissionDenied):
            services.evidence_hand_over(
                actor=outsider,
                item=item,
                to_holder="X",
                to_agency=police.batam_police,
                at=when(1),
                storage_place="Y",
                purpose="Z",
                version=item.version,
            )
    assert (EvidenceItem.objects.count(), CustodyEvent.objects.count()) == before


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def test_pages_and_download_from_both_sides(cast, police, ring):
    case, item = ring.kupang_case, ring.items[0]
    page = reverse("investigation:case", args=[case.pk])
    own = client_of(cast.kupang_police_investigator).get(page)
    body = own.content.decode()
    assert own.status_code == 200 and "Tangkapan layar percakapan WhatsApp" in body
    assert item.sha256 in body
    download = reverse("investigation:evidence_download", args=[case.pk, item.pk])
    logged = AccessLog.objects.count()
    got = client_of(cast.kupang_police_investigator).get(download)
    assert got.status_code == 200 and b"12 juta" in b"".join(got.streaming_content)
    assert AccessLog.objects.count() == logged + 1
    # the prosecutor handles no proceeding of this case yet... the ring opened two: it reads
    prosecutor = client_of(police.prosecutor).get(page)
    assert prosecutor.status_code == 200
    # another agency's investigator and the region's secretariat: not found, nothing shown
    for outsider in (police.batam_investigator, police.kupang_secretariat):
        for url in (page, download):
            response = client_of(outsider).get(url)
            assert response.status_code == 404
            assert "WhatsApp" not in response.content.decode()
    # a whole-file grant with no identities: the register shows, its free text does not
    from lentera.apps.cases import services as case_services

    case_services.case_share(
        actor=cast.kupang_police_investigator,
        case=case,
        agency=police.batam_police,
        scope="full",
        include_identity=False,
        reason="Penyidikan bersama",
    )
    shared = client_of(police.batam_investigator).get(page).content.decode()
    assert item.sha256 in shared and "WhatsApp" not in shared
    assert client_of(police.batam_investigator).get(download).status_code == 404
