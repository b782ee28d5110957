"""Coordination notices, one mechanism: meeting invitations and cancellations, action items due
soon or overdue, periodic reports due; written once per agency and subject, e-mailed through the
task queue in each user's language, read by the agency on its page and through the API."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from rest_framework.test import APIClient

from lentera.apps.coordination import notices, services
from lentera.apps.coordination.models import Notice
from lentera.apps.coordination.tasks import email_notices_task, notices_task
from tests.coordination.conftest import assign, held, schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def inline(settings):
    """Tasks run at once in this process (what LENTERA_TASKS_INLINE=1 does)."""
    settings.LENTERA_TASKS_INLINE = True
    return settings


@pytest.fixture
def addresses(coord, cast):
    coord.disnaker_officer.email = "petugas@disnaker.example"
    coord.disnaker_officer.preferred_language = "en"
    coord.disnaker_officer.save(update_fields=["email", "preferred_language"])
    cast.kupang_police_investigator.email = "penyidik@polresta.example"
    cast.kupang_police_investigator.save(update_fields=["email"])
    coord.secretariat.email = "sekretariat@dp3a.example"
    coord.secretariat.save(update_fields=["email"])
    return coord


def test_an_invitation_to_each_invited_agency_mailed_after_the_commit(
    inline, addresses, cast, coord, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = schedule(coord, cast, days_ago=-7, title="Rapat koordinasi semester II")
    invited = Notice.objects.filter(meeting=meeting, kind="meeting_invited")
    assert {n.agency_id for n in invited} == {
        cast.kupang_police.pk,
        cast.kupang_uptd.pk,
        coord.disnaker.pk,
    }
    assert all(n.emailed_at is not None for n in invited)
    by_address = {address: m for m in mail.outbox for address in m.bcc}
    # each user in their language: the Disnaker officer chose English, the others Indonesian
    assert by_address["petugas@disnaker.example"].subject.startswith("Meeting invitation:")
    assert by_address["penyidik@polresta.example"].subject.startswith("Undangan rapat:")
    assert "Rapat koordinasi semester II" in by_address["penyidik@polresta.example"].body
    # sending again sends nothing: each notice was claimed once
    assert email_notices_task.call([n.pk for n in invited]) == 0


def test_the_mail_goes_through_the_database_queue(
    addresses, cast, coord, settings, django_capture_on_commit_callbacks
):
    settings.LENTERA_TASKS_INLINE = False  # the real queue, read by `lentera worker`
    with django_capture_on_commit_callbacks(execute=True):
        meeting = schedule(coord, cast, days_ago=-7)
    ids = sorted(Notice.objects.filter(meeting=meeting).values_list("pk", flat=True))
    queued = DBTaskResult.objects.get(task_path__endswith="email_notices_task")
    assert queued.status == "READY" and sorted(queued.args_kwargs["args"][0]) == ids
    assert mail.outbox == []  # nothing sent by the web process
    assert email_notices_task.call(ids) == 3  # what the worker runs
    assert len(mail.outbox) == 3


def test_a_cancelled_meeting_is_told_to_the_invited(inline, addresses, cast, coord):
    meeting = schedule(coord, cast, days_ago=-7)
    services.meeting_cancel(
        actor=coord.secretariat, meeting=meeting, version=meeting.version, reason="Banjir."
    )
    cancelled = Notice.objects.filter(meeting=meeting, kind="meeting_cancelled")
    assert cancelled.count() == 3


def test_items_due_soon_and_overdue_once(inline, addresses, cast, coord):
    _meeting, decision = held(coord, cast, days_ago=20)
    soon = assign(coord, decision, coord.disnaker, days=2)
    late = assign(coord, decision, coord.disnaker, days=-1)
    assign(coord, decision, coord.disnaker, days=10)  # not yet
    today = timezone.localdate()
    made = notices.item_notices(today=today)
    assert {(n.item_id, n.kind) for n in made} == {
        (soon.pk, "item_due_soon"),
        (late.pk, "item_overdue"),
    }
    assert notices.item_notices(today=today) == []  # once
    # the due-soon item still open after its date: a second notice, now overdue
    again = notices.item_notices(today=today + timedelta(days=3))
    assert [(n.item_id, n.kind) for n in again] == [(soon.pk, "item_overdue")]
    subject, body = notices.subject_and_body(made[0])
    assert "Sosialisasi bagi tokoh masyarakat" in subject + body


def test_a_report_due_then_overdue_to_the_secretariat_until_issued(inline, cast, coord):
    notices_task.call()  # the sweep as the worker runs it: nothing breaks on today's date
    Notice.objects.all().delete()
    day = date(2026, 7, 10)  # semester I ended, its report due on 30 July
    made = notices.report_notices(today=day)
    due = [n for n in made if n.report.task_force_id == coord.task_force.pk]
    assert {(n.agency_id, n.kind, n.report.period) for n in due} == {
        (cast.kupang_uptd.pk, "report_due", "s1")
    }
    assert due[0].due_on == date(2026, 7, 30)
    assert notices.report_notices(today=day) == []
    later = notices.report_notices(today=date(2026, 8, 5))
    assert [(n.kind, n.report.period) for n in later] == [("report_overdue", "s1")]
    report = services.report_for(task_force=coord.task_force, year=2026, period="s1")
    services.report_issue(actor=coord.secretariat, report=report, version=report.version)
    assert notices.report_notices(today=date(2026, 8, 20)) == []  # issued: no more


def test_the_agency_reads_its_notices_and_marks_them_read(client, inline, cast, coord):
    meeting = schedule(coord, cast, days_ago=-7, title="Rapat koordinasi semester II")
    notice = Notice.objects.get(meeting=meeting, agency=coord.disnaker)
    client.force_login(coord.disnaker_officer)
    page = client.get(reverse("coordination:notices")).content.decode()
    assert "Rapat koordinasi semester II" in page and 'data-read="no"' in page
    done = client.post(reverse("coordination:notice_read", args=[notice.pk]))
    assert done.status_code == 302
    notice.refresh_from_db()
    assert notice.read_at is not None and notice.read_by == coord.disnaker_officer
    # the whole agency sees it read; reading again changes nothing
    first = notice.read_at
    notices.notice_read(actor=coord.disnaker_officer, notice=notice)
    notice.refresh_from_db()
    assert notice.read_at == first
    # another agency's user: not found, and the notice stays as it was
    client.force_login(cast.pontianak_caseworker)
    assert client.post(reverse("coordination:notice_read", args=[notice.pk])).status_code == 404
    with pytest.raises(Http404):
        notices.notice_get(user=cast.pontianak_caseworker, notice_id=notice.pk)
    with pytest.raises(PermissionDenied):
        notices.notice_read(actor=cast.kupang_police_investigator, notice=notice)


def test_the_api_lists_and_marks_read(inline, cast, coord):
    meeting = schedule(coord, cast, days_ago=-7)
    mine = Notice.objects.get(meeting=meeting, agency=cast.kupang_police)
    api = APIClient()
    api.force_authenticate(cast.kupang_police_investigator)
    body = api.get("/api/v1/coordination/notices?unread=1").json()
    assert [n["id"] for n in body["results"]] == [mine.pk]
    assert body["results"][0]["kind"] == "meeting_invited" and body["results"][0]["meeting"]
    read = api.post(f"/api/v1/coordination/notices/{mine.pk}/read")
    assert read.status_code == 200 and read.json()["read_at"]
    assert api.get("/api/v1/coordination/notices?unread=1").json()["results"] == []
    other = Notice.objects.get(meeting=meeting, agency=coord.disnaker)
    assert api.post(f"/api/v1/coordination/notices/{other.pk}/read").status_code == 404


def test_the_default_mail_back_end_of_a_local_machine_is_the_console():
    from lentera.config import settings as project

    assert project.LOCAL
    assert project.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"


def test_the_report_notice_goes_where_the_policy_lets_the_report_be_written(cast, coord, regions):
    """The sweep finds the secretariat without a query per user; it must agree with the policy."""
    from lentera.apps.accounts import services as account_services
    from lentera.apps.accounts.models import TaskForce, User
    from lentera.apps.accounts.permissions import Action
    from lentera.apps.coordination.policies import meetings

    account_services.task_force_create(
        actor=None,
        name="Gugus Tugas PP-TPPO Kota Pontianak",
        level="regency",
        region=regions["61.71"],
    )
    users = list(User.objects.filter(is_active=True, agency__isnull=False))
    for task_force in TaskForce.objects.all():
        by_policy = {
            u.agency_id
            for u in users
            if meetings.task_forces(u, Action.MANAGE_MEETINGS).filter(pk=task_force.pk).exists()
        }
        assert {a.pk for a in notices.secretariat_agencies(task_force)} == by_policy
    assert {a.pk for a in notices.secretariat_agencies(coord.task_force)} == {cast.kupang_uptd.pk}
