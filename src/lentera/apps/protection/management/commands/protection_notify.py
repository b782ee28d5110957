"""Create in-app notifications for legal deadlines of victim protection that are coming due or
are overdue. Safe to run as often as you like. The worker runs the same sweep on its schedule
(``notify_timers_task``, every ``LENTERA_NOTIFY_EVERY_MINUTES``); this command is for a check by
hand (``--at``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from lentera.apps.protection.services import notify_timers


class Command(BaseCommand):
    help = "Notify agencies of victim-protection deadlines that are due soon or overdue."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--at",
            help="Evaluate the deadlines at this ISO date-time (with time zone) instead of now.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        if options.get("at"):
            try:
                now = datetime.fromisoformat(options["at"])
            except ValueError as exc:
                raise CommandError(f"--at: {exc}") from exc
            if timezone.is_naive(now):
                raise CommandError("--at needs a time zone, e.g. 2026-01-31T08:00:00+08:00")
        created = notify_timers(now=now)
        self.stdout.write(f"{len(created)} notification(s) created")
