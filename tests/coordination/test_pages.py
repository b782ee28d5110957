"""The pages, as the secretariat, the chair and a member agency click through them: schedule,
agenda, attendance, minutes, two decisions, items for Polresta and Disnaker, approval, the PDF,
Disnaker closing its item with a file, and the overdue lists."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from lentera.apps.coordination.models import ActionItem, Meeting
from tests.coordination.conftest import assign, held

pytestmark = pytest.mark.django_db


def test_the_secretariat_runs_a_meeting_and_disnaker_closes_its_item(client, cast, coord):
    client.force_login(coord.secretariat)
    home = client.get(reverse("coordination:home"))
    assert home.status_code == 200 and b"meeting-lapses" in home.content
    starts = (timezone.localtime() - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("coordination:meeting_new"),
        {
            "task_force": coord.task_force.pk,
            "title": "Rapat koordinasi semester I",
            "kind": "regular",
            "starts_at": starts,
            "place": "Aula DP3A",
            "agencies": [cast.kupang_police.pk, coord.disnaker.pk],
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    url = lambda name: reverse(f"coordination:{name}", args=[meeting.pk])  # noqa: E731
    assert client.post(url("agenda_add"), {"topic": "Evaluasi posko"}).status_code == 302
    refused = client.post(url("agenda_add"), {"topic": "x", "case_reference": "TIDAK-ADA"})
    assert refused.status_code == 400
    attendance = {f"agency_{cast.kupang_police.pk}": "present"}
    attendance[f"agency_{coord.disnaker.pk}"] = "present"
    assert client.post(url("attendance"), attendance).status_code == 302
    identity = client.post(url("minutes"), {"minutes": "HP 0812-3456-7890", "version": 1})
    assert identity.status_code == 400 and b"0812-3456-7890" in identity.content  # kept in form
    assert (
        client.post(url("minutes"), {"minutes": "Rapat dibuka.", "version": 1}).status_code == 302
    )
    for text in ("Razia dokumen di posko Tenau.", "Pendataan P3MI di Kota Kupang."):
        assert client.post(url("decision_add"), {"text": text}).status_code == 302
    first, second = meeting.decisions.all()
    due = (timezone.localdate() + timedelta(days=30)).isoformat()
    for decision, agency in ((first, cast.kupang_police), (second, coord.disnaker)):
        posted = client.post(
            url("item_add"),
            {"decision": decision.pk, "agency": agency.pk, "task": "Laksanakan", "due_on": due},
        )
        assert posted.status_code == 302
    # the secretariat may not approve; the chair does
    assert client.post(url("approve"), {"version": 2}).status_code == 403
    client.force_login(coord.chair)
    meeting.refresh_from_db()
    assert client.post(url("approve"), {"version": meeting.version}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "approved"
    pdf = client.get(url("pdf"))
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    for expected in ("Rapat koordinasi semester I", "Razia dokumen", "Pendataan P3MI", "Disnaker"):
        assert expected in text
    # Disnaker sees its item, not the police's, and closes it with a file
    client.force_login(coord.disnaker_officer)
    listing = client.get(reverse("coordination:items")).content.decode()
    item = ActionItem.objects.get(agency=coord.disnaker)
    police_item = ActionItem.objects.get(agency=cast.kupang_police)
    assert reverse("coordination:item", args=[item.pk]) in listing
    assert reverse("coordination:item", args=[police_item.pk]) not in listing
    assert client.get(reverse("coordination:item", args=[police_item.pk])).status_code == 404
    closed = client.post(
        reverse("coordination:item", args=[item.pk]),
        {
            "version": item.version,
            "note": "Pendataan selesai.",
            "file": SimpleUploadedFile("daftar.pdf", b"%PDF-1.4 daftar"),
        },
    )
    assert closed.status_code == 302
    assert client.get(reverse("coordination:item_file", args=[item.pk])).content == (
        b"%PDF-1.4 daftar"
    )
    item.refresh_from_db()
    assert item.status == "done"


def test_the_overdue_lists(client, cast, coord):
    _meeting, decision = held(coord, cast, days_ago=60)
    late = assign(coord, decision, coord.disnaker, days=-3)
    client.force_login(coord.secretariat)
    page = client.get(reverse("coordination:items")).content.decode()
    assert f'data-testid="overdue-{coord.disnaker.pk}"' in page and late.task in page
    client.force_login(cast.kupang_police_investigator)
    page = client.get(reverse("coordination:items")).content.decode()
    assert f'data-testid="overdue-{coord.disnaker.pk}"' not in page


def test_the_menu_links_coordination(client, cast, coord):
    client.force_login(coord.secretariat)
    assert reverse("coordination:home").encode() in client.get(reverse("web:dashboard")).content
    client.force_login(cast.kupang_police_investigator)
    assert reverse("coordination:items").encode() in client.get(reverse("web:dashboard")).content
