"""Deadline notifications with a fake clock: who gets them, when, and that running the command
again adds nothing. Also the notification page and API matrix."""

from datetime import UTC, datetime, time, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from rest_framework.test import APIClient

from lentera.apps.protection import selectors, services
from lentera.apps.protection.models import Notification, ReturnPlan
from tests.protection.conftest import accepted_referral

pytestmark = pytest.mark.django_db
H = timedelta(hours=1)
D = timedelta(days=1)


@pytest.fixture
def received(cast, adult):
    """A victim referred with consent to UPTD PPA Pontianak (a service centre), accepted."""
    return accepted_referral(cast, adult, days_ago=3)


def states(agency):
    return sorted(
        (n.timer_kind, n.state) for n in Notification.objects.filter(agency=agency).order_by("id")
    )


def test_police_report_due_then_overdue_once_each(cast, received):
    start = received.responded_at
    created = services.notify_timers(now=start + H)
    assert [(n.timer_kind, n.state) for n in created] == [("police_report", "due")]
    assert services.notify_timers(now=start + 2 * H) == []  # idempotent
    services.notify_timers(now=start + 25 * H)
    services.notify_timers(now=start + 26 * H)
    assert states(cast.pontianak_uptd) == [("police_report", "due"), ("police_report", "overdue")]
    assert not Notification.objects.filter(agency=cast.kupang_uptd).exists()
    assert selectors.unread_count(user=cast.pontianak_caseworker) == 2
    assert selectors.unread_count(user=cast.kupang_uptd_caseworker) == 0


def test_done_on_time_is_not_notified(cast, received):
    start = received.responded_at
    services.referral_police_reported(
        actor=cast.pontianak_caseworker, referral=received, at=start + 2 * H
    )
    assert services.notify_timers(now=start + 30 * H) == []


def test_first_aid_due_window_then_overdue(cast, adult):
    s = services.service_plan(
        actor=cast.kupang_uptd_caseworker,
        party=adult,
        service_type="health",
        provider_agency=cast.kupang_uptd,
        urgent=True,
    )
    t0 = s.recorded_at
    assert services.notify_timers(now=t0 + D) == []  # 6 days left: too early to announce
    assert [n.state for n in services.notify_timers(now=t0 + 5 * D)] == ["due"]
    assert [n.state for n in services.notify_timers(now=t0 + 8 * D)] == ["overdue"]
    assert services.notify_timers(now=t0 + 9 * D) == []


def test_reintegration_waits_three_months(cast, adult, regions):
    plan = services.return_plan(
        actor=cast.kupang_uptd_caseworker,
        party=adult,
        victim_wishes_return=True,
        family_assessed=True,
        family_assessment="Keluarga siap",
        safe_to_return=True,
        home_region=regions["53.71"],
    )
    returned = timezone.localdate() - timedelta(days=200)
    plan = services.return_complete(
        actor=cast.kupang_uptd_caseworker, plan=plan, returned_on=returned, handover_to="Ibu"
    )
    start = datetime.combine(returned, time.min, tzinfo=UTC)
    assert services.notify_timers(now=start + 30 * D) == []  # minimum period running
    assert [n.state for n in services.notify_timers(now=start + 95 * D)] == ["due"]
    assert [n.state for n in services.notify_timers(now=start + 130 * D)] == ["overdue"]
    assert ReturnPlan.objects.get(pk=plan.pk).status == "completed"


def test_command_is_idempotent_and_checks_its_clock(cast, received):
    at = (received.responded_at + 30 * H).isoformat()
    out = StringIO()
    call_command("protection_notify", "--at", at, stdout=out)
    assert "1 notification(s) created" in out.getvalue()
    out = StringIO()
    call_command("protection_notify", "--at", at, stdout=out)
    assert "0 notification(s) created" in out.getvalue()
    assert Notification.objects.count() == 1
    with pytest.raises(CommandError):
        call_command("protection_notify", "--at", "2026-01-01T08:00:00")
    with pytest.raises(CommandError):
        call_command("protection_notify", "--at", "kemarin")


def test_notification_pages_and_api_matrix(client, cast, received):
    services.notify_timers(now=received.responded_at + 30 * H)
    n = Notification.objects.get()
    assert client.get("/perlindungan/notifikasi/").status_code == 302
    # another agency neither sees nor marks it
    client.force_login(cast.kupang_uptd_caseworker)
    assert n.case.reference not in client.get("/perlindungan/notifikasi/").content.decode()
    assert client.post(f"/perlindungan/notifikasi/{n.pk}/baca/").status_code == 404
    # same agency without a protection role: nothing listed, cannot mark
    api = APIClient()
    api.force_authenticate(cast.kupang_uptd_norole, token="t")
    assert api.get("/api/v1/protection/notifications").status_code == 403
    assert api.post(f"/api/v1/protection/notifications/{n.pk}/read").status_code == 403
    assert Notification.objects.get().read_at is None
    # the responsible agency sees it on its home page and reads it
    client.force_login(cast.pontianak_caseworker)
    home = client.get("/perlindungan/").content.decode()
    assert 'data-testid="notifications-link"' in home and 'tag warn">1<' in home
    page = client.get("/perlindungan/notifikasi/").content.decode()
    assert n.case.reference in page
    assert client.post(f"/perlindungan/notifikasi/{n.pk}/baca/").status_code == 302
    assert Notification.objects.get().read_by == cast.pontianak_caseworker
    api.force_authenticate(cast.pontianak_caseworker, token="t")
    rows = api.get("/api/v1/protection/notifications").json()
    assert [(r["timer_kind"], r["state"]) for r in rows] == [("police_report", "overdue")]
    assert api.get("/api/v1/protection/notifications?unread=1").json() == []
    other = APIClient()
    other.force_authenticate(cast.batam_social_worker, token="t")
    assert other.get("/api/v1/protection/notifications").json() == []
    assert other.post(f"/api/v1/protection/notifications/{n.pk}/read").status_code == 404
    assert APIClient().get("/api/v1/protection/notifications").status_code == 401


def test_dashboard_card_counts_overdue_and_unread(client, cast, received):
    # Accepted three days ago and never reported to the police: the 24-hour timer is overdue.
    services.notify_timers(now=timezone.now())
    client.force_login(cast.pontianak_caseworker)
    card = next(c for c in client.get("/").context["cards"] if c["key"] == "protection")
    unread = selectors.unread_count(user=cast.pontianak_caseworker)
    assert card["value"] == 1 and unread >= 1 and card["text"].endswith(f": {unread}.")
    client.force_login(cast.kupang_uptd_caseworker)  # the sending agency owes nothing here
    card = next(c for c in client.get("/").context["cards"] if c["key"] == "protection")
    assert card["value"] == 0
    client.force_login(cast.kupang_auditor)  # no victim work: no card
    assert all(c["key"] != "protection" for c in client.get("/").context["cards"])
