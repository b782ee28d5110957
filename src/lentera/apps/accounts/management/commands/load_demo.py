from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lentera.apps.accounts.demo import load_demo
from lentera.apps.reference.models import Region


class Command(BaseCommand):
    help = "Load the fictional Kupang/Pontianak demo data and print the demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", default=os.environ.get("LENTERA_DEMO_PASSWORD", ""))

    def handle(self, *args: Any, **options: Any) -> None:
        if not Region.objects.exists():
            self.stderr.write("No regions loaded: run `lentera manage load_reference` first.")
        result = load_demo(password=options["password"] or None)
        self.stdout.write("")
        self.stdout.write(
            "Demo logins (fictional data) — password for every account: " + result.password
        )
        for username, roles, agency in result.users:
            self.stdout.write(f"  {username:<22} {roles:<40} {agency}")
        self.stdout.write(
            "Try kupang.intake first. 'admin' and 'kupang.admin' must set up a second factor"
        )
        self.stdout.write("(TOTP authenticator app) at first sign-in.")
        self.stdout.write("")
