"""Background tasks of the investigation app, run by ``lentera worker`` on its schedule."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from lentera.apps.investigation.services import links_sweep, orders_alert

#: The link sweep looks back this far each run (alerts are written once, so overlap is safe).
LINK_LOOKBACK = timedelta(days=2)


@task()
def orders_alert_task() -> int:
    """Court orders about to expire or expired: alert their agencies once. How many alerts."""
    return len(orders_alert(today=timezone.localdate()))


@task()
def links_sweep_task() -> int:
    """Cross-case links of what came in recently. How many alerts."""
    return links_sweep(since=timezone.now() - LINK_LOOKBACK)
