"""The investigation alerts of an agency: read them, mark one read."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from lentera.apps.accounts.models import User
from lentera.apps.accounts.policies import NotFound, Requester, is_user
from lentera.apps.investigation.models import InvestigationAlert


def alerts_for(user: Requester) -> QuerySet[InvestigationAlert]:
    """The alerts of the user's agency (none for a user without one)."""
    if not is_user(user) or not user.agency_id:
        return InvestigationAlert.objects.none()
    return InvestigationAlert.objects.filter(agency_id=user.agency_id).select_related(
        "holder", "case", "order"
    )


def alert_read(*, actor: User, alert_id: int) -> InvestigationAlert:
    """Mark an alert of the actor's agency read (another agency's: not found)."""
    try:
        alert = alerts_for(actor).get(pk=alert_id)
    except (InvestigationAlert.DoesNotExist, ValueError) as exc:
        raise NotFound() from exc
    if alert.read_at is None:
        InvestigationAlert.objects.filter(pk=alert.pk, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        alert.refresh_from_db()
    return alert
