from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lentera.apps.reference.models import RegionLevel
from lentera.apps.reference.services import (
    countries_load,
    destination_policies_load_defaults,
    regions_load,
)


class Command(BaseCommand):
    help = "Load Kemendagri regions, ISO countries and the default destination policy."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--levels",
            default="province,regency,district,village",
            help="comma-separated region levels to load",
        )
        parser.add_argument("--provinces", default="", help="only these province codes, e.g. 53,61")

    def handle(self, *args: Any, **options: Any) -> None:
        levels = [RegionLevel(level) for level in options["levels"].split(",") if level]
        provinces = [p for p in options["provinces"].split(",") if p] or None
        try:
            counts = regions_load(levels=levels, provinces=provinces)
        except ValidationError as exc:  # nothing was loaded: the load is one transaction
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(f"regions: {counts}")
        self.stdout.write(f"countries: {countries_load()}")
        self.stdout.write(f"destination policies added: {destination_policies_load_defaults()}")
