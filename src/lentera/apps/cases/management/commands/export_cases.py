"""Batch export of the case list as CSV (no identities), as one named user, audited like the page.

lentera manage export_cases --user kupang.sekretariat --status open --output kasus.csv
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lentera.apps.accounts.models import User
from lentera.apps.cases import exports
from lentera.apps.cases.forms import CaseFilterForm


class Command(BaseCommand):
    help = "Export the cases a user may see as CSV, without identities (the export is audited)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="username the export runs as")
        parser.add_argument("--output", default="-", help="file to write (default: stdout)")
        for name in ("status", "region", "exploitation_type", "child", "opened_from", "opened_to"):
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name, default="")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"no active user {options['user']!r}")
        names = ("status", "region", "exploitation_type", "child", "opened_from", "opened_to")
        form = CaseFilterForm({n: options[n] for n in names if options[n]})
        if not form.is_valid():
            raise CommandError(form.errors.as_text())
        filters = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
        try:
            total, rows = exports.case_export(actor=user, filters=filters)
        except PermissionDenied as exc:
            raise CommandError(f"{user.username}: no permission to export cases") from exc
        target = (
            sys.stdout
            if options["output"] == "-"
            else open(options["output"], "w", encoding="utf-8", newline="")  # noqa: SIM115
        )
        try:
            for line in exports.csv_lines(rows):
                target.write(line)
        finally:
            if target is not sys.stdout:
                target.close()
        self.stderr.write(f"{total} cases exported as {user.username}")
