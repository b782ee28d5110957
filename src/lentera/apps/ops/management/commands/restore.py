"""``lentera restore``: bring a backup archive back; ``lentera restore --keys``: open a key file.

    lentera restore ARCHIVE [--force] [--verify-only]
    lentera restore --keys FILE --output ENVFILE [--passphrase-file FILE]

The first refuses a non-empty installation unless ``--force`` and changes nothing when a check
fails (checksums, keys, engine, version). The second writes the environment lines that install
the keys (``LENTERA_FIELD_KEYS=...``, ``LENTERA_INDEX_KEY=...``) to ENVFILE, mode 0600.
"""

from __future__ import annotations

import os
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lentera.apps.ops.backup import BackupError, keys_environment, read_keys, restore
from lentera.apps.ops.management.commands.backup import passphrase


class Command(BaseCommand):
    help = "Restore a backup archive onto an empty installation; --keys opens a key file."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("archive", nargs="?", help="the backup archive")
        parser.add_argument("--force", action="store_true", help="replace existing data")
        parser.add_argument(
            "--verify-only", action="store_true", help="check the archive and the keys only"
        )
        parser.add_argument("--keys", help="a key file written by `lentera backup --keys`")
        parser.add_argument("--output", help="with --keys: the environment file to write")
        parser.add_argument("--passphrase-file", help="a file holding the passphrase")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["keys"]:
                if not options["output"]:
                    raise CommandError("--keys needs --output ENVFILE")
                keys = read_keys(Path(options["keys"]), passphrase(options, confirm=False))
                descriptor = os.open(options["output"], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(descriptor, "w") as handle:
                    handle.write(keys_environment(keys))
                self.stdout.write(
                    f"keys written to {options['output']}: add them to the service's environment"
                )
                return
            if not options["archive"]:
                raise CommandError("name the archive to restore")
            result = restore(
                Path(options["archive"]),
                force=options["force"],
                verify_only=options["verify_only"],
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        except FileExistsError as exc:
            raise CommandError(f"{exc.filename} exists already") from exc
        counts = ", ".join(f"{label} {n}" for label, n in result.counts.items())
        verb = "verified" if options["verify_only"] else "restored"
        self.stdout.write(f"{verb}: {result.archive} ({result.files} files; {counts})")
        if result.media_kept_aside:
            self.stdout.write(f"the previous files were kept in {result.media_kept_aside}")
        for warning in result.warnings:
            self.stderr.write(f"warning: {warning}")
