"""Re-encrypt every identity field, and every encrypted file under MEDIA_ROOT (evidence), under
the newest key in LENTERA_FIELD_KEYS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from lentera.apps.accounts import encrypted_files
from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.identity import PREFIX, identity_fields, rotate_token


class Command(BaseCommand):
    help = (
        "Re-encrypt identity fields and evidence files under the first key of LENTERA_FIELD_KEYS."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        # Each file is rewritten atomically (new file, fsync, rename): an interrupted run leaves
        # every file readable under the old or the new key, and running again finishes the job.
        files = encrypted_files.rotate_tree(Path(settings.MEDIA_ROOT))
        total = 0
        with transaction.atomic():
            for model in apps.get_models():
                fields = identity_fields(model)
                if not fields:
                    continue
                table = connection.ops.quote_name(model._meta.db_table)
                columns = [str(getattr(model._meta.get_field(f), "column", f)) for f in fields]
                quoted = [connection.ops.quote_name(c) for c in columns]
                pk = connection.ops.quote_name(str(model._meta.pk.column))
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT {pk}, {', '.join(quoted)} FROM {table}")  # noqa: S608
                    rows = cursor.fetchall()
                    for row in rows:
                        values = [
                            rotate_token(v) if isinstance(v, str) and v.startswith(PREFIX) else v
                            for v in row[1:]
                        ]
                        assignments = ", ".join(f"{c} = %s" for c in quoted)
                        cursor.execute(
                            f"UPDATE {table} SET {assignments} WHERE {pk} = %s",  # noqa: S608
                            [*values, row[0]],
                        )
                        total += 1
            record_event(
                actor=None,
                event_type=EventType.FIELD_KEYS_ROTATED,
                data={"rows": total, "files": files.rotated, "files_failed": len(files.failed)},
            )
        self.stdout.write(f"re-encrypted {total} row(s) and {files.rotated} file(s)")
        if files.plain:
            self.stderr.write(
                f"{len(files.plain)} file(s) under MEDIA_ROOT are not encrypted and were left as "
                f"they are (evidence: lentera manage encrypt_evidence): {', '.join(files.plain)}"
            )
        if files.failed:
            listed = "; ".join(f"{name}: {reason}" for name, reason in files.failed)
            raise CommandError(
                f"{len(files.failed)} file(s) could not be re-encrypted and still need an old "
                f"key: keep it in LENTERA_FIELD_KEYS until they are dealt with. {listed}"
            )
