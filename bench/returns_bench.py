"""How fast a repatriation manifest imports (issue #15, item 6).

Builds a throw-away database (SQLite by default; PostgreSQL with DATABASE_URL), generates a
manifest of N returnees (default 1,235, the national paper's repatriation) as XLSX and as CSV,
and times reading each file (every row checked) and importing it as one return operation, then
the progress by region. Prints the figures.

    .venv/bin/python bench/returns_bench.py [N]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1235
tmp = tempfile.mkdtemp(prefix="lentera-bench-")
os.environ.setdefault("LENTERA_VAR_DIR", tmp)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lentera.config.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
os.environ.setdefault("LENTERA_DEBUG", "1")  # a throw-away database: keys may be generated
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import django  # noqa: E402

django.setup()

from datetime import date  # noqa: E402

from django.core.management import call_command  # noqa: E402
from tests.prevention import manifest  # noqa: E402

from lentera.apps.accounts import services as accounts  # noqa: E402
from lentera.apps.accounts.permissions import Role  # noqa: E402
from lentera.apps.prevention import services  # noqa: E402
from lentera.apps.prevention.importing import read_manifest  # noqa: E402
from lentera.apps.reference.models import Region  # noqa: E402


def main() -> None:
    call_command("migrate", verbosity=0)
    ntt = Region.objects.create(code="53", name="Nusa Tenggara Timur", level="province")
    kota = Region.objects.create(code="53.71", name="Kota Kupang", level="regency", parent=ntt)
    Region.objects.create(code="53.71.01", name="Alak", level="district", parent=kota)
    Region.objects.create(code="53.01", name="Kabupaten Kupang", level="regency", parent=ntt)
    Region.objects.create(code="53.03", name="Timor Tengah Selatan", level="regency", parent=ntt)
    agency = accounts.agency_create(
        actor=None, name="Disnakertrans NTT", agency_type="manpower", region=kota
    )
    officer = accounts.user_create(
        actor=None,
        username="bench.posko",
        password="Bench-Sandi-2026!",
        agency=agency,
        roles=[Role.POSKO_OFFICER],
    )
    table = manifest.rows(N)
    for kind, content in (("xlsx", manifest.as_xlsx(table)), ("csv", manifest.as_csv(table))):
        operation = services.operation_create(
            actor=officer, title=f"Bench {kind}", arrived_on=date(2023, 5, 20)
        )
        start = time.perf_counter()
        rows = read_manifest(name=f"manifest.{kind}", content=content)
        read = time.perf_counter() - start
        start = time.perf_counter()
        result = services.manifest_import(actor=officer, operation=operation, rows=rows)
        imported = time.perf_counter() - start
        start = time.perf_counter()
        progress = services.region_progress(operation)
        by_region = time.perf_counter() - start
        print(
            f"{kind}: {len(content) / 1024:.0f} KiB, {N} rows read and checked in {read:.2f} s, "
            f"{result.imported} imported ({result.noted} with a note) in {imported:.2f} s, "
            f"progress of {len(progress)} regions in {1000 * by_region:.1f} ms"
        )


if __name__ == "__main__":
    main()
