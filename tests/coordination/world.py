"""The coordination records of the authorization matrix's world (``tests/authz.py``): the Kupang
task force, a held meeting with an agenda item and a decision, an action item of Polresta Kupang
Kota, and Polresta's notice of the meeting invitation."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from lentera.apps.accounts import services as account_services
from lentera.apps.accounts.models import Agency, User
from lentera.apps.coordination import services
from lentera.apps.coordination.models import Notice


def coordination_world(
    *, regions: dict[str, Any], secretariat: User, agencies: list[Agency]
) -> dict[str, Any]:
    task_force = account_services.task_force_create(
        actor=None, name="Gugus Tugas PP-TPPO Kota Kupang", level="regency", region=regions["53.71"]
    )
    for agency in agencies:
        account_services.task_force_add_member(actor=None, task_force=task_force, agency=agency)
    meeting = services.meeting_schedule(
        actor=secretariat,
        task_force=task_force,
        title="Rapat koordinasi semester I",
        starts_at=timezone.now() - timedelta(days=1),
        place="Kantor DP3A Kota Kupang",
        agencies=agencies,
    )
    agenda = services.agenda_add(
        actor=secretariat, meeting=meeting, topic="Evaluasi pemulangan korban semester I"
    )
    services.minutes_record(
        actor=secretariat, meeting=meeting, minutes="Rapat dibuka pukul 09.00.", version=1
    )
    decision = services.decision_add(
        actor=secretariat, meeting=meeting, text="Sosialisasi di kelurahan asal korban."
    )
    item = services.item_assign(
        actor=secretariat,
        decision=decision,
        agency=agencies[0],
        task="Sosialisasi bagi Bhabinkamtibmas",
        due_on=timezone.localdate() + timedelta(days=30),
    )
    year = timezone.localdate().year
    activities = services.plan_seed(actor=secretariat, task_force=task_force, year=year)
    report = services.report_for(task_force=task_force, year=year, period="s1")
    issued = services.report_issue(actor=secretariat, report=report, version=report.version)
    return {
        "period": "s1",
        "version_id": issued.pk,
        "meeting_id": meeting.pk,
        "item_id": item.pk,
        "task_force_id": task_force.pk,
        "year": year,
        "activity_id": activities[0].pk,
        "agenda_id": agenda.pk,
        "decision_id": decision.pk,
        # the invitation of the first agency (Polresta Kupang Kota)
        "coordination_notice_id": Notice.objects.get(meeting=meeting, agency=agencies[0]).pk,
    }
