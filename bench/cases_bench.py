"""How fast the case list and search are on 100,000 cases.

Builds a throw-away database (SQLite by default; PostgreSQL with DATABASE_URL), fills it with
N cases spread over 40 agencies in 8 regions with sharing grants, then times the pages and the
selector behind them as a lead-agency investigator, a grantee and a provincial analyst would
use them. Prints the figures and writes bench/reports/cases.md.

    .venv/bin/python bench/cases_bench.py [N]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lentera_bench .venv/bin/python bench/cases_bench.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
tmp = tempfile.mkdtemp(prefix="lentera-bench-")
os.environ.setdefault("LENTERA_VAR_DIR", tmp)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lentera.config.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from lentera.apps.accounts import services as accounts  # noqa: E402
from lentera.apps.accounts.models import Agency  # noqa: E402
from lentera.apps.accounts.permissions import Role  # noqa: E402
from lentera.apps.cases.models import Case, CaseGrant  # noqa: E402
from lentera.apps.cases.selectors import case_list  # noqa: E402
from lentera.apps.reference.models import Region  # noqa: E402


def setup() -> dict[str, object]:
    call_command("migrate", verbosity=0, interactive=False)
    rng = random.Random(7)
    provinces = [
        Region.objects.create(code=f"{50 + i}", name=f"Provinsi {i}", level="province")
        for i in range(2)
    ]
    regencies = [
        Region.objects.create(
            code=f"{p.code}.{71 + j}", name=f"Kota {p.code}-{j}", level="regency", parent=p
        )
        for p in provinces
        for j in range(4)
    ]
    agencies = [
        accounts.agency_create(
            actor=None,
            name=f"Instansi {k}",
            agency_type="police",
            region=regencies[k % len(regencies)],
        )
        for k in range(40)
    ]
    investigator = accounts.user_create(
        actor=None,
        username="penyidik",
        password="Bench-Sandi-2026!",
        agency=agencies[0],
        roles=[Role.INVESTIGATOR],
    )
    grantee = accounts.user_create(
        actor=None,
        username="penerima",
        password="Bench-Sandi-2026!",
        agency=agencies[1],
        roles=[Role.CASEWORKER],
    )
    analyst = accounts.user_create(
        actor=None,
        username="analis",
        password="Bench-Sandi-2026!",
        agency=Agency.objects.create(
            name="Analis provinsi", agency_type="police", region=provinces[0]
        ),
        roles=[Role.ANALYST],
    )
    now = timezone.now()
    types = ["forced_labour", "sexual_exploitation", "forced_criminality", "domestic_servitude"]
    started = time.perf_counter()
    batch: list[Case] = []
    for i in range(N):
        agency = agencies[rng.randrange(len(agencies))]
        batch.append(
            Case(
                reference=f"TPPO/{agency.region.code.replace('.', '')}/2026/{i:06d}",
                title=f"Kasus contoh nomor {i}",
                lead_agency=agency,
                region=agency.region,
                status=rng.choice(["open", "assessment", "in_handling", "closed"]),
                opened_at=now - timezone.timedelta(minutes=i),
                exploitation_types=[rng.choice(types)],
                has_child_victim=rng.random() < 0.2,
            )
        )
        if len(batch) == 5000:
            Case.objects.bulk_create(batch)
            batch = []
    Case.objects.bulk_create(batch)
    ids = list(
        Case.objects.exclude(lead_agency=agencies[1]).values_list("pk", flat=True)[
            :: max(1, N // 500)
        ]
    )
    CaseGrant.objects.bulk_create(
        [
            CaseGrant(
                case_id=pk,
                agency=agencies[1],
                scope="facts",
                reason="bench",
                granted_by=investigator,
            )
            for pk in ids
        ]
    )
    return {
        "investigator": investigator,
        "grantee": grantee,
        "analyst": analyst,
        "fill_seconds": time.perf_counter() - started,
    }


def timed(fn, repeat: int = 7) -> tuple[float, int]:
    times = []
    queries = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
        queries = len(ctx.captured_queries)
    return statistics.median(times), queries


def main() -> None:
    env = setup()
    rows = []
    scenarios = [
        ("investigator, first page", env["investigator"], {}),
        ("investigator, status=open", env["investigator"], {"status": "open"}),
        (
            "investigator, child=yes, forced_labour",
            env["investigator"],
            {"child": "yes", "exploitation_type": "forced_labour"},
        ),
        ("investigator, search '123'", env["investigator"], {"q": "123"}),
        ("grantee (own + ~500 granted)", env["grantee"], {}),
        ("provincial analyst, region 50", env["analyst"], {}),
    ]
    for label, user, filters in scenarios:

        def run(user=user, filters=filters):
            qs = case_list(user=user, **filters)
            qs.count()
            list(qs[:50])

        ms, queries = timed(run)
        rows.append((f"selector: {label}", ms, queries))
    client = Client()
    client.force_login(env["investigator"])
    for label, path in [
        ("page: case list", "/kasus/"),
        ("page: list, status=open", "/kasus/?status=open"),
        ("page: list, page 20", "/kasus/?page=20"),
    ]:
        ms, queries = timed(lambda path=path: client.get(path))
        rows.append((label, ms, queries))
    engine = connection.vendor
    report = [
        f"# Case list and search on {N:,} cases ({engine})",
        "",
        f"Filled in {env['fill_seconds']:.1f} s. Median of 7 runs on this machine "
        f"({os.cpu_count()} CPUs).",
        "",
        "| What | Median ms | Queries |",
        "|---|---:|---:|",
    ]
    report += [f"| {label} | {ms:.1f} | {q} |" for label, ms, q in rows]
    text = (
        "\n".join(report)
        + "\n\nReproduce: `.venv/bin/python bench/cases_bench.py "
        + str(N)
        + "`"
        + (" with `DATABASE_URL` set" if engine == "postgresql" else "")
        + ".\n"
    )
    print(text)
    out = Path(__file__).parent / "reports" / f"cases-{engine}.md"
    out.write_text(text)


if __name__ == "__main__":
    main()
