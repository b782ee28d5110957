"""How long the coordination notice sweep takes for the whole country, and how many queries.

Builds a throw-away database (SQLite by default; PostgreSQL with DATABASE_URL) with T regency
task forces, each with its secretariat's agency and U users (one of them the secretariat), and
a held meeting with I open action items due around today; then times one sweep
(:func:`lentera.apps.coordination.notices.sweep`: item and report notices, e-mail queued) on a
date when a semester report is due everywhere, and a second sweep (nothing new to write).
Prints the figures.

    .venv/bin/python bench/coordination_notices_bench.py [T] [U] [I]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, timedelta

T = int(sys.argv[1]) if len(sys.argv) > 1 else 100
U = int(sys.argv[2]) if len(sys.argv) > 2 else 10
ITEMS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
tmp = tempfile.mkdtemp(prefix="lentera-bench-")
os.environ.setdefault("LENTERA_VAR_DIR", tmp)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lentera.config.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
os.environ.setdefault("LENTERA_TASKS_INLINE", "0")
# a throw-away database: development keys (generated into the temporary folder)
os.environ.setdefault("LENTERA_DEBUG", "1")


import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from lentera.apps.accounts import services as accounts  # noqa: E402
from lentera.apps.accounts.models import RoleAssignment, User  # noqa: E402
from lentera.apps.accounts.permissions import Role  # noqa: E402
from lentera.apps.coordination import notices  # noqa: E402
from lentera.apps.coordination.models import ActionItem, Decision, Meeting, Notice  # noqa: E402
from lentera.apps.reference.models import Region  # noqa: E402

DAY = date(2026, 7, 10)  # semester I has ended: its report is due on 30 July


def setup() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    province = Region.objects.create(code="90", name="Provinsi Bench", level="province")
    for t in range(T):
        region = Region.objects.create(
            code=f"90.{t:04d}", name=f"Kota {t}", level="regency", parent=province
        )
        tf = accounts.task_force_create(
            actor=None, name=f"Gugus Tugas {t}", level="regency", region=region
        )
        agency = accounts.agency_create(
            actor=None, name=f"DP3A {t}", agency_type="women_child_protection", region=region
        )
        accounts.task_force_add_member(actor=None, task_force=tf, agency=agency)
        # users without a usable password (hashing thousands would be the whole run)
        users = User.objects.bulk_create(
            [
                User(username=f"u{t}_{u}", agency=agency, email=f"u{t}_{u}@bench.example")
                for u in range(U)
            ]
        )
        RoleAssignment.objects.bulk_create(
            [
                RoleAssignment(user=user, role=Role.SECRETARIAT if u == 0 else Role.CASEWORKER)
                for u, user in enumerate(users)
            ]
        )
        sec = users[0]
        meeting = Meeting.objects.create(
            task_force=tf,
            title="Rapat",
            starts_at=timezone.now() - timedelta(days=30),
            status="held",
            created_by=sec,
        )
        decision = Decision.objects.create(meeting=meeting, number=1, text="Sosialisasi.")
        ActionItem.objects.bulk_create(
            [
                ActionItem(decision=decision, agency=agency, task=f"Tugas {i}", due_on=DAY)
                for i in range(ITEMS)
            ]
        )


def sweep() -> tuple[float, int, int]:
    count = 0

    def counting(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        started = time.perf_counter()
        with transaction.atomic():
            made = notices.sweep(today=DAY)
        took = time.perf_counter() - started
    return took, len(made), count


if __name__ == "__main__":
    setup()
    first = sweep()
    second = sweep()
    print(f"task forces {T}, users per agency {U}, open items per task force {ITEMS}")
    print(f"first sweep:  {first[0]:.2f} s, {first[1]} notices written, {first[2]} queries")
    print(f"second sweep: {second[0]:.2f} s, {second[1]} notices written, {second[2]} queries")
    print(f"notices stored: {Notice.objects.count()}")
