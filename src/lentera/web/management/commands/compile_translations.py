"""Compile every .po file under the project's locale folder to .mo with polib (no gettext tools)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile translations (.po → .mo) without needing GNU gettext installed."

    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        folders = [Path(p) for p in settings.LOCALE_PATHS]
        folders += [
            Path(app.path) / "locale"
            for app in apps.get_app_configs()
            if app.name.startswith("lentera.") and (Path(app.path) / "locale").is_dir()
        ]
        for folder in folders:
            for po_path in Path(folder).rglob("*.po"):
                po = polib.pofile(str(po_path))
                errors = [e for e in po if e.msgstr and e.msgid.count("%(") != e.msgstr.count("%(")]
                if errors:
                    raise CommandError(
                        f"{po_path}: placeholders differ in: {errors[0].msgid[:60]!r}"
                    )
                po.save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        self.stdout.write(f"compiled {count} catalogue(s)")
