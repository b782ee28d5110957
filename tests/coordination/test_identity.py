"""Minutes never hold an identity: every free-text field refuses a NIK, a phone number, an
e-mail address and the name of a registered person, and the page, the PDF and the API of a
meeting show none."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from rest_framework.test import APIClient

from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.cases import services as case_services
from lentera.apps.coordination import services
from lentera.apps.coordination.guard import check_no_identity
from lentera.apps.coordination.models import ActionItem, AgendaItem, Decision, Meeting
from tests.coordination.conftest import assign, held, schedule

pytestmark = pytest.mark.django_db

IDENTITIES = [
    "NIK 5371015204100001",
    "NIK 5371 0152 0410 0001",
    "HP 0812-3456-7890",
    "WA +62 812 3456 7890",
    "rekening 0123456789",
    "surel ester.nenobais@example.com",
    "korban Ester Contoh Nenobais",
    "korban ester nenobais",
    "Nenobais Ester",
]
ALLOWED = [
    "Korban DYM (20) dan ESL (16) dari Alak; LP/B/41/II/SPKT/Polresta Kupang Kota.",
    "Rapat 2024-03-01 s.d. 2024-04-01, pukul 09.00 WITA, Rp 12.000.000.",
    "Sosialisasi di kelurahan Oebobo bersama Bhabinkamtibmas dan Disnakertrans.",
]


@pytest.fixture
def registered(kupang_child):
    return kupang_child  # "Ester Contoh Nenobais", NIK 5371015204100001, 0812-3456-7890


@pytest.mark.parametrize("text", IDENTITIES)
def test_the_guard_refuses_identities(registered, cast, text):
    with pytest.raises(ValidationError) as err:
        check_no_identity(cast.kupang_uptd_caseworker, {"minutes": text})
    assert list(err.value.message_dict) == ["minutes"]


@pytest.mark.parametrize("text", ALLOWED)
def test_the_guard_lets_references_and_pseudonyms_pass(registered, cast, text):
    check_no_identity(cast.kupang_uptd_caseworker, {"minutes": text})


def test_a_refused_name_is_logged_as_a_look_up(registered, cast):
    before = AccessLog.objects.count()
    with pytest.raises(ValidationError):
        check_no_identity(cast.kupang_uptd_caseworker, {"topic": "Ester Contoh"})
    log = AccessLog.objects.order_by("-pk").first()
    assert AccessLog.objects.count() == before + 1
    assert (log.object_type, log.fields) == ("people.lookup", ["name"])
    assert "Ester" not in str(log.purpose_note)


def test_every_field_refuses_every_identity(registered, cast, coord):
    meeting, decision = held(coord, cast)
    item = assign(coord, decision, coord.disnaker)
    fresh = schedule(coord, cast, title="Rapat berikut")
    officer = coord.disnaker_officer
    sec = coord.secretariat
    writes = {
        "title": lambda t: services.meeting_schedule(
            actor=sec,
            task_force=coord.task_force,
            title=t,
            starts_at=timezone.now(),
            agencies=[cast.kupang_police],
        ),
        "place": lambda t: services.meeting_schedule(
            actor=sec,
            task_force=coord.task_force,
            title="Rapat",
            place=t,
            starts_at=timezone.now(),
            agencies=[cast.kupang_police],
        ),
        "topic": lambda t: services.agenda_add(actor=sec, meeting=fresh, topic=t),
        "minutes": lambda t: services.minutes_record(
            actor=sec, meeting=meeting, minutes=t, version=meeting.version
        ),
        "text": lambda t: services.decision_add(actor=sec, meeting=meeting, text=t),
        "task": lambda t: services.item_assign(
            actor=sec,
            decision=decision,
            agency=coord.disnaker,
            task=t,
            due_on=timezone.localdate() + timedelta(days=3),
        ),
        "note": lambda t: services.item_close(actor=officer, item=item, version=1, note=t),
        "reason": lambda t: services.item_cancel(actor=sec, item=item, version=1, reason=t),
    }
    topic = services.agenda_add(actor=sec, meeting=fresh, topic="Evaluasi")
    # the changes built later: an edited topic or decision, a cancelled meeting's reason
    later = {
        "topic": lambda t: services.agenda_edit(actor=sec, item=topic, topic=t, version=1),
        "text": lambda t: services.decision_edit(
            actor=sec, decision=decision, text=t, version=decision.version
        ),
        "reason": lambda t: services.meeting_cancel(
            actor=sec, meeting=fresh, version=fresh.version, reason=t
        ),
    }
    rows = (
        Meeting.objects.count(),
        AgendaItem.objects.count(),
        Decision.objects.count(),
        ActionItem.objects.count(),
        AuditEvent.objects.count(),
    )
    for field, write in [*writes.items(), *later.items()]:
        for text in IDENTITIES:
            with pytest.raises(ValidationError) as err:
                write(f"Catatan rapat: {text}.")
            assert field in err.value.message_dict, (field, text)
    assert rows == (
        Meeting.objects.count(),
        AgendaItem.objects.count(),
        Decision.objects.count(),
        ActionItem.objects.count(),
        AuditEvent.objects.count(),
    )
    meeting.refresh_from_db()
    item.refresh_from_db()
    assert (meeting.minutes, item.status, item.proof_note) == ("Rapat dibuka.", "open", "")
    fresh.refresh_from_db()
    topic.refresh_from_db()
    decision.refresh_from_db()
    assert (fresh.status, topic.topic, topic.version) == ("scheduled", "Evaluasi", 1)
    assert decision.text == "Sosialisasi di kelurahan."


def test_page_pdf_and_api_show_no_identity(registered, cast, coord, regions, client):
    case = case_services.case_open(
        actor=cast.kupang_uptd_intake,
        title="Ester Contoh Nenobais dipekerjakan di Batam",  # a title may name; never shown
        region=regions["53.71"],
    )
    meeting, decision = held(coord, cast)
    services.agenda_add(
        actor=coord.secretariat, meeting=meeting, topic="Perkembangan kasus", case=case
    )
    assign(coord, decision, coord.disnaker)
    client.force_login(coord.secretariat)
    page = client.get(reverse("coordination:meeting", args=[meeting.pk])).content.decode()
    pdf = client.get(reverse("coordination:pdf", args=[meeting.pk])).content
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    api = APIClient()
    api.force_authenticate(coord.secretariat)
    body = api.get(f"/api/v1/meetings/{meeting.pk}").content.decode()
    assert case.reference in page and case.reference in text and case.reference in body
    assert "Sosialisasi di kelurahan." in text
    secrets = ["Ester", "Nenobais", "5371015204100001", "0812", "3456-7890"]
    for where, content in (("page", page), ("pdf", text), ("api", body)):
        leaked = [s for s in secrets if s in content]
        assert not leaked, (where, leaked)
