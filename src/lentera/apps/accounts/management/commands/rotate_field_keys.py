"""Re-encrypt every identity field under the newest key in LENTERA_FIELD_KEYS."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from lentera.apps.accounts.audit import record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.identity import PREFIX, identity_fields, rotate_token


class Command(BaseCommand):
    help = "Re-encrypt identity fields under the first key of LENTERA_FIELD_KEYS."

    def handle(self, *args: Any, **options: Any) -> None:
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
            record_event(actor=None, event_type=EventType.FIELD_KEYS_ROTATED, data={"rows": total})
        self.stdout.write(f"re-encrypted {total} row(s)")
