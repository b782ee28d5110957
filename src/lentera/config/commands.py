"""Console subcommands that run inside the Django project: ``serve``, ``worker``, ``backup``,
``restore``, ``demo``, ``manage``, ``export``."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lentera.config.settings")
    import django

    django.setup()


def run(name: str, argv: Sequence[str]) -> int:
    _setup()
    from django.core.management import call_command, execute_from_command_line

    if name == "manage":
        execute_from_command_line(["lentera manage", *argv])
        return 0
    if name == "demo":
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo", *argv)
        return 0
    if name == "export":
        # lentera export cases --user NAME [filters] [--output FILE]
        if not argv or argv[0] != "cases":
            print("usage: lentera export cases --user USERNAME [--output FILE] [filters]")
            return 2
        from django.core.management.base import CommandError

        try:
            call_command("export_cases", *argv[1:])
        except CommandError as exc:
            print(f"lentera export: {exc}", file=sys.stderr)
            return 1
        return 0
    if name == "serve":
        from lentera.config.server import serve

        return serve(argv)
    if name in {"worker", "backup", "restore"}:
        # lentera worker | backup | restore [options]: the management commands of lentera.apps.ops
        execute_from_command_line([f"lentera {name}", name, *argv])
        return 0
    raise SystemExit(f"unknown command {name}")
