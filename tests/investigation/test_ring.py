"""The Kupang ring as the demo builds it: every record through the services, the alerts it
raises, and the audit trail it leaves."""

import pytest

from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AuditEvent
from lentera.apps.investigation.models import InvestigationAlert

pytestmark = pytest.mark.django_db


def test_ring_builds_with_alerts_for_each_holder(cast, police, ring):
    assert [t.amount for t in ring.transfers[:3]] == [12_000_000] * 3
    assert ring.transfers[0].from_person == ring.coordinator.person  # attached by the account
    assert ring.transfers[0].to_person == ring.yb.person
    assert all(n.is_open for n in ring.wanted)
    links = InvestigationAlert.objects.filter(kind="link")
    held = {(a.agency_id, a.holder_id) for a in links}
    kp, bp, pp = cast.kupang_police.pk, police.batam_police.pk, police.pontianak_police.pk
    assert {(kp, bp), (bp, kp), (kp, pp), (pp, kp)} <= held
    expiring = InvestigationAlert.objects.get(kind="order_expiring")
    assert expiring.agency_id == kp and expiring.order == ring.orders[0]
    kinds = set(AuditEvent.objects.values_list("event_type", flat=True))
    assert {
        EventType.TRANSFER_RECORDED,
        EventType.WANTED_ISSUED,
        EventType.COURT_ORDER_RECORDED,
        EventType.EVIDENCE_SEIZED,
        EventType.EVIDENCE_HANDED_OVER,
    } <= kinds
