"""``lentera backup``: write one backup archive; ``lentera backup --keys``: export the keys.

    lentera backup [--output FILE | --dir DIR] [--keep N]
    lentera backup --keys --output FILE [--passphrase-file FILE]

The passphrase comes from ``--passphrase-file``, else ``LENTERA_BACKUP_PASSPHRASE``, else it is
asked for twice on the terminal. See docs/operations.md.
"""

from __future__ import annotations

import getpass
import os
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lentera.apps.ops.backup import BackupError, backup, default_output, export_keys, prune_archives


def passphrase(options: dict[str, Any], *, confirm: bool) -> str:
    if options.get("passphrase_file"):
        return Path(options["passphrase_file"]).read_text().strip("\n")
    if os.environ.get("LENTERA_BACKUP_PASSPHRASE"):
        return os.environ["LENTERA_BACKUP_PASSPHRASE"]
    if not sys.stdin.isatty():
        raise CommandError("no passphrase: use --passphrase-file or LENTERA_BACKUP_PASSPHRASE")
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Passphrase again: ") != first:
        raise CommandError("the two passphrases differ")
    return first


class Command(BaseCommand):
    help = "Write a backup archive (database, files, manifest); --keys exports the keys."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--output", help="the archive (or, with --keys, the key file)")
        parser.add_argument("--dir", help="write lentera-<time>.tar.gz into this folder")
        parser.add_argument("--keep", type=int, default=0, help="keep only the N newest archives")
        parser.add_argument("--keys", action="store_true", help="export the keys instead")
        parser.add_argument("--passphrase-file", help="a file holding the passphrase (--keys)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["keys"]:
                if not options["output"]:
                    raise CommandError("--keys needs --output FILE")
                path = export_keys(Path(options["output"]), passphrase(options, confirm=True))
                self.stdout.write(f"keys written to {path} (keep it apart from the backups)")
                return
            output = Path(options["output"]) if options["output"] else None
            if options["dir"]:
                output = Path(options["dir"]) / default_output().name
            path = backup(output=output)
            self.stdout.write(str(path))
            if options["keep"]:
                for old in prune_archives(path.parent, options["keep"]):
                    self.stdout.write(f"removed {old}")
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
