"""Fill a PostgreSQL database with a province-sized, realistic, fictional Lentera installation.

Shared by the load harness (``bench/load_bench.py``) and the insights benchmarks: import
:func:`generate` or run it from the command line. Rows are written with PostgreSQL ``COPY`` (one
stream per table, ids assigned here), so a million cases load in minutes on two cores::

    .venv/bin/python bench/generate.py --cases 100000 \\
        --database-url postgres://postgres@127.0.0.1:5432/lentera_scale [--fresh] [--seed 7]

What it writes, per case (figures from ../shared/docs/field-facts.md where it gives them):

* the Kemendagri provinces and regencies, the demo's agencies and logins (not its cases) and
  about 170 agencies of the three provinces of the field research: East Nusa Tenggara (origin,
  transit and destination, forced labour abroad), West Kalimantan (online child prostitution
  through chat apps: victims nearly all girls), Riau Islands (Batam: transit to Malaysia,
  forged documents);
* cases led mostly by the police (a Zipf-like share per agency, so a city police office leads
  several per cent of the province's files), statuses skewed to closed for old files, about
  5.8 victims per police report in Kupang but one or two parties per file overall;
* 0.3 persons per case, each with an encrypted name, a NIK (70 %), a phone (60 %) and the
  blind-indexed spelling keys of the name parts, about 4.3 identifiers a person;
* journey legs (origin, transit, destination), sharing grants (some with identities, some
  revoked), proceedings on one case in ten with their stage history (P-19 returns included),
  and protection services for victims.

Names are invented from lists of common given and family names (Kupang marga, Malay and
Javanese names); no real person's data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PASSWORD = "Bench-Sandi-2026!"


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GIVEN_F = words(
    "Siti Nur Dewi Maria Yohana Fransiska Agustina Yuliana Maria Theresia Rina Sri Wulan Ayu "
    "Putri Lestari Indah Novi Desi Fitri Melati Anjani Rosalina Yosefina Margaretha Natalia "
    "Veronika Elisabeth Florentina Kristina Oktaviani Susanti Wahyuni Rahmawati Nurhayati Aisyah "
    "Fatimah Khadijah Zahra Salsabila Nabila Aulia Anisa Intan Mega Ratna Yanti Marlina Ernawati"
)
GIVEN_M = words(
    "Muhammad Ahmad Agus Budi Yohanes Yosef Stefanus Fransiskus Paulus Petrus Markus Andreas "
    "Rudi Hendra Dedi Eko Joko Bambang Hasan Rizky Fajar Arif Yusuf Ilham Ridwan Samuel Daniel "
    "Kornelis Dominggus Alfonsus Wilhelmus Herman Antonius Simon Lukas Matius Gabriel Rafael"
)
FAMILY = words(
    "Lado Bana Nenobais Tefa Benu Kase Manafe Ndun Lay Pello Bessie Tallo Riwu Kana Haba Mbura "
    "Saputra Pratama Wijaya Hidayat Santoso Kurniawan Setiawan Nugroho Siregar Nasution Lubis "
    "Harahap Sinaga Simanjuntak Tambunan Pardede Daeng Abdullah Rahman Hamzah Ismail Syahputra "
    "Utami Anggraini Permata Kusuma Purnama Sari Handayani Rahayu Suryani Maulida"
)
MUHAMMAD_SPELLINGS = ("Muhammad", "Muhamad", "Mohammad", "M.", "Moch.")

# Provinces of the field research with their weight in the generated caseload.
PROVINCES = {"53": 0.45, "61": 0.35, "21": 0.20}
AGENCY_TYPES = (
    ("police", 0.45),
    ("prosecutor", 0.15),
    ("court", 0.05),
    ("social_affairs", 0.12),
    ("women_child_protection", 0.13),
    ("integrated_service", 0.10),
)
EXPLOITATION = {
    "53": ["forced_labour", "domestic_servitude", "forced_criminality", "sexual_exploitation"],
    "61": ["prostitution", "sexual_exploitation", "sexual_exploitation", "child_labour"],
    "21": ["sexual_exploitation", "forced_labour", "forced_criminality", "domestic_servitude"],
}
CHANNELS = {
    "53": ["informal_agent", "acquaintance", "family", "job_advert", "social_media"],
    "61": ["chat_app", "chat_app", "social_media", "romance", "acquaintance"],
    "21": ["informal_agent", "social_media", "job_advert", "agency", "chat_app"],
}
PLATFORMS = {"chat_app": "michat", "social_media": "facebook", "romance": "whatsapp"}
COUNTRIES = ["MY", "MY", "MY", "KH", "MM", "LA", "TH", "SG", "HK", "SA", "TW"]
STAGES = ["police_report", "inquiry", "investigation_order", "spdp", "file_stage_1"]
SERVICE_TYPES = ["rescue", "shelter", "health", "psychosocial", "legal_aid", "return_home"]


NEUTRAL: dict[str, Any] = {
    "boolean": False,
    "integer": 0,
    "bigint": 0,
    "smallint": 0,
    "jsonb": "[]",
    "timestamp with time zone": dt.datetime.now(dt.UTC),
    "date": dt.date.today(),
}

# --- database plumbing ------------------------------------------------------------------------


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def create_database(url: str, *, fresh: bool) -> bool:
    """Create the database of ``url`` (dropped first when ``fresh``); True when it is new."""
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    admin = with_database(url, "postgres")
    with psycopg.connect(admin.replace("postgres://", "postgresql://", 1), autocommit=True) as c:
        exists = c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            c.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            c.execute(f'CREATE DATABASE "{name}"')
            return True
    return False


def bench_keys(var_dir: str) -> dict[str, str]:
    """The installation's keys (secret, field encryption, blind index), made once per var dir
    and kept there, so the generator, the server and the harness read the same data."""
    import secrets

    from cryptography.fernet import Fernet

    path = Path(var_dir) / "bench-keys.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            json.dumps(
                {
                    "LENTERA_SECRET_KEY": secrets.token_urlsafe(50),
                    "LENTERA_FIELD_KEYS": Fernet.generate_key().decode(),
                    "LENTERA_INDEX_KEY": secrets.token_urlsafe(32),
                }
            )
        )
        path.chmod(0o600)
    return dict(json.loads(path.read_text()))


def setup_django(url: str, var_dir: str) -> None:
    os.environ.update(bench_keys(var_dir))
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("LENTERA_VAR_DIR", var_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lentera.config.settings")
    import django

    django.setup()


def manage(*args: str, env_url: str, var_dir: str) -> None:
    env = dict(os.environ, DATABASE_URL=env_url, LENTERA_VAR_DIR=var_dir, **bench_keys(var_dir))
    env.pop("PYTEST_VERSION", None)
    subprocess.run(
        [sys.executable, "-m", "lentera.cli", "manage", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


class Copier:
    """Rows of one model written through ``COPY``: every concrete column, the field's default
    where a row does not give a value (computed once per column)."""

    def __init__(self, label: str) -> None:
        from django.apps import apps
        from django.db import connection

        self.model = apps.get_model(label)
        self.fields = list(self.model._meta.concrete_fields)
        self.pk_column = self.model._meta.pk.column
        self.columns = [f.column for f in self.fields]
        self.names = [f.attname for f in self.fields]
        self.defaults: list[Any] = []
        for f in self.fields:
            value = f.get_default()  # "" for a blank text field without a default
            if value is not None and f.get_internal_type() == "JSONField":
                value = json.dumps(value)
            elif value is not None and hasattr(f, "identity_field"):
                value = f.get_db_prep_save(value, connection) or ""
            self.defaults.append(value)
        # columns the table has and the model does not (a migration ahead of its model in a
        # checkout being worked on): a neutral value for the ones that may not be null
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = %s AND is_nullable = 'NO' AND column_default IS NULL",
                [self.model._meta.db_table],
            )
            for column, data_type in cursor.fetchall():
                if column not in self.columns:
                    self.fields.append(self.fields[0])  # placeholder, never a primary key here
                    self.columns.append(column)
                    self.names.append(column)
                    self.defaults.append(NEUTRAL.get(data_type, ""))
        self.count = 0
        self.seconds = 0.0

    def write(self, rows: Iterable[dict[str, Any]]) -> int:
        from django.db import connection

        started = time.perf_counter()
        table = self.model._meta.db_table
        rows = list(rows)
        if not rows:
            return 0
        # the id from the rows when they give it (others refer to it), else the sequence's
        keep = [i for i, c in enumerate(self.columns) if c != self.pk_column or "id" in rows[0]]
        cols = ", ".join(f'"{self.columns[i]}"' for i in keep)
        pairs = [(self.names[i], self.defaults[i]) for i in keep]
        count = 0
        with connection.cursor() as cursor:
            raw = cursor.cursor  # the psycopg cursor under Django's wrapper
            with raw.copy(f'COPY "{table}" ({cols}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row([row.get(n, d) for n, d in pairs])
                    count += 1
        self.count += count
        self.seconds += time.perf_counter() - started
        return count


def next_id(label: str) -> int:
    from django.apps import apps
    from django.db.models import Max

    return int(apps.get_model(label).objects.aggregate(m=Max("pk"))["m"] or 0) + 1


def reset_sequences(labels: Iterable[str]) -> None:
    from django.apps import apps
    from django.db import connection

    with connection.cursor() as cursor:
        for label in labels:
            table = apps.get_model(label)._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f'COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)'
            )


# --- the world --------------------------------------------------------------------------------


@dataclass
class World:
    agencies: dict[str, list[tuple[int, str, int]]] = field(default_factory=dict)  # type -> ...
    by_province: dict[str, list[tuple[int, str, int, str]]] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)
    any_user: int = 0
    countries: dict[str, int] = field(default_factory=dict)


def build_world(rng: random.Random, total_agencies: int = 170) -> World:
    from lentera.apps.accounts.models import Agency, User
    from lentera.apps.reference.models import Country, Region

    demo_accounts()
    world = World()
    regencies = {
        p: list(
            Region.objects.filter(level="regency", code__startswith=p + ".").values_list(
                "pk", "code"
            )
        )
        for p in PROVINCES
    }
    existing = Agency.objects.filter(region__isnull=False).count()
    new: list[Agency] = []
    for k in range(max(0, total_agencies - existing)):
        province = rng.choices(list(PROVINCES), weights=list(PROVINCES.values()))[0]
        region_id, code = rng.choice(regencies[province])
        kind = rng.choices([t for t, _w in AGENCY_TYPES], weights=[w for _t, w in AGENCY_TYPES])[0]
        new.append(
            Agency(
                name=f"{kind.replace('_', ' ').title()} {code} #{k}",
                agency_type=kind,
                region_id=region_id,
            )
        )
    Agency.objects.bulk_create(new)
    for a in Agency.objects.filter(region__isnull=False).select_related("region"):
        province = a.region.code.split(".")[0]
        world.by_province.setdefault(province, []).append(
            (a.pk, a.agency_type, a.region_id, a.region.code)
        )
    for user in User.objects.exclude(agency=None):
        world.users[user.username] = user.pk
    world.any_user = min(world.users.values())
    world.countries = dict(Country.objects.values_list("code", "pk"))
    return world


def zipf_weights(n: int, s: float = 1.0) -> list[float]:
    return [1.0 / (i + 1) ** s for i in range(n)]


def person_name(rng: random.Random, female: bool) -> str:
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    if not female and given == "Muhammad":
        given = rng.choice(MUHAMMAD_SPELLINGS)
    parts = [given]
    if rng.random() < 0.45:
        parts.append(rng.choice(GIVEN_F if female else GIVEN_M))
    if rng.random() < 0.8:
        parts.append(rng.choice(FAMILY))
    return " ".join(parts)


def nik_for(rng: random.Random, region_code: str, birth: dt.date, female: bool) -> str:
    digits = (region_code.replace(".", "") + "00")[:4] + f"{rng.randrange(1, 40):02d}"
    day = birth.day + (40 if female else 0)
    return f"{digits}{day:02d}{birth.month:02d}{birth.year % 100:02d}{rng.randrange(1, 9999):04d}"


# --- the rows ---------------------------------------------------------------------------------


@dataclass
class Figures:
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, copier: Copier) -> None:
        label = copier.model._meta.label
        self.rows[label] = self.rows.get(label, 0) + copier.count
        self.seconds[label] = self.seconds.get(label, 0.0) + copier.seconds


def generate(
    *, cases: int, seed: int = 7, batch: int = 50_000, log: Callable[[str], None] = print
) -> Figures:
    """Add ``cases`` cases (and their people, journeys, grants, proceedings, services) to the
    configured database (Django set up, migrated, reference and demo data loaded)."""
    from django.db import connection, transaction

    from lentera.apps.accounts.identity import blind_index, encrypt
    from lentera.apps.people.matching import name_digests
    from lentera.privacy import initials

    rng = random.Random(seed)
    world = build_world(rng)
    figures = Figures()
    now = dt.datetime.now(dt.UTC)
    today = now.date()
    # agencies that lead cases: police mostly, then the protection offices; Zipf within
    leaders = [
        a
        for p in world.by_province.values()
        for a in p
        if a[1] in ("police", "women_child_protection", "integrated_service")
    ]
    rng.shuffle(leaders)
    # the demo's city police offices lead the largest shares (the harness signs in there)
    from lentera.apps.accounts.models import Agency

    demo_police = list(
        Agency.objects.filter(name__icontains="polresta").values_list("pk", flat=True)
    )
    leaders.sort(key=lambda a: a[0] not in demo_police)
    leader_weights = zipf_weights(len(leaders), 0.9)
    police_of = {p: [a for a in lst if a[1] == "police"] for p, lst in world.by_province.items()}
    prosecutors_of = {
        p: [a for a in lst if a[1] == "prosecutor"] or [None]
        for p, lst in world.by_province.items()
    }
    helpers_of = {p: [a for a in lst if a[1] != "police"] for p, lst in world.by_province.items()}
    case_id0, person_id0 = next_id("cases.Case"), next_id("people.Person")
    party_id0 = next_id("cases.CaseParty")
    proceeding_id0 = next_id("justice.Proceeding")
    ids = {"party": party_id0, "proceeding": proceeding_id0}
    user = world.any_user
    span_days = 7 * 365
    copiers = {
        label: Copier(label)
        for label in (
            "cases.Case",
            "people.Person",
            "people.PersonIdentifier",
            "cases.CaseParty",
            "cases.JourneyLeg",
            "cases.CaseGrant",
            "justice.Proceeding",
            "justice.StageEvent",
            "protection.Service",
        )
    }
    # persons of each agency, so parties come back in several cases (0.3 persons a case)
    pool: dict[int, list[int]] = {}
    person_counter = [person_id0]

    def new_person(
        agency: tuple[int, str, int, str],
        female: bool,
        child: bool,
        persons: list[dict[str, Any]],
        identifiers: list[dict[str, Any]],
    ) -> int:
        pid = person_counter[0]
        person_counter[0] += 1
        age = rng.randrange(12, 18) if child else rng.randrange(18, 55)
        birth = today - dt.timedelta(days=365 * age + rng.randrange(365))
        name = person_name(rng, female)
        persons.append(
            {
                "id": pid,
                "owner_agency_id": agency[0],
                "region_id": agency[2],
                "full_name": encrypt(name),
                "sex": "female" if female else "male",
                "birth_date": birth if rng.random() < 0.85 else None,
                "initials": initials(name),
                "created_at": now - dt.timedelta(days=rng.randrange(span_days)),
                "updated_at": now,
            }
        )
        idents = {("name", d) for d in name_digests(name)}
        if rng.random() < 0.7:
            idents.add(("nik", blind_index(nik_for(rng, agency[3], birth, female))))
        for chance in (0.8, 0.25):  # a phone, sometimes two
            if rng.random() < chance:
                idents.add(("phone", blind_index(f"+628{rng.randrange(10**9, 10**10)}")))
        identifiers.extend({"person_id": pid, "kind": k, "digest": d} for k, d in idents)
        pool.setdefault(agency[0], []).append(pid)
        return pid

    started = time.perf_counter()
    done = 0
    while done < cases:
        n = min(batch, cases - done)
        rows: dict[str, list[dict[str, Any]]] = {label: [] for label in copiers}
        for i in range(done, done + n):
            cid = case_id0 + i
            lead = rng.choices(leaders, weights=leader_weights)[0]
            province = lead[3].split(".")[0]
            age_days = int(span_days * (1 - rng.random() ** 1.6))  # more recent files
            opened = now - dt.timedelta(days=age_days, minutes=rng.randrange(1440))
            old = age_days > 540
            status = rng.choices(
                ["open", "assessment", "in_handling", "closed"],
                weights=[5, 5, 15, 75] if old else [25, 20, 35, 20],
            )[0]
            child = rng.random() < (0.85 if province == "61" else 0.25)
            channel = rng.choice(CHANNELS[province])
            rows["cases.Case"].append(
                {
                    "id": cid,
                    "reference": f"TPPO/{lead[3].replace('.', '')}/{opened.year}/{i:07d}",
                    "title": f"Dugaan TPPO {channel.replace('_', ' ')} #{i}",
                    "narrative": encrypt(f"Kronologi kasus {i}") if rng.random() < 0.3 else "",
                    "lead_agency_id": lead[0],
                    "region_id": lead[2],
                    "status": status,
                    "opened_at": opened,
                    "closed_at": opened + dt.timedelta(days=90) if status == "closed" else None,
                    "offence_date": (opened - dt.timedelta(days=rng.randrange(1, 200))).date(),
                    "exploitation_types": json.dumps([rng.choice(EXPLOITATION[province])]),
                    "acts": json.dumps(
                        ["recruitment"] + (["transport"] if rng.random() < 0.6 else [])
                    ),
                    "means": json.dumps(["deception"]),
                    "recruitment_channel": channel,
                    "recruitment_platform": PLATFORMS.get(channel, ""),
                    "has_child_victim": child,
                    "created_by_id": user,
                    "updated_at": opened,
                }
            )
            # parties: a victim nearly always, a suspect in four files of ten
            lead_pool = pool.get(lead[0], [])
            victims = 1 + (rng.random() < 0.15) + (rng.random() < 0.05)
            victim_party = None
            chosen: set[int] = set()
            for _v in range(victims):
                female = rng.random() < (0.93 if province == "61" else 0.7)
                pid = rng.choice(lead_pool) if lead_pool else 0
                if not pid or pid in chosen or rng.random() < 0.15:
                    pid = new_person(
                        lead, female, child, rows["people.Person"], rows["people.PersonIdentifier"]
                    )
                chosen.add(pid)
                party = ids["party"]
                ids["party"] += 1
                victim_party = victim_party or party
                rows["cases.CaseParty"].append(
                    {
                        "id": party,
                        "case_id": cid,
                        "person_id": pid,
                        "role": "victim",
                        "victim_status": rng.choice(["presumed", "confirmed", "undetermined"]),
                        "added_at": opened,
                    }
                )
            suspect_party = None
            if rng.random() < 0.4:
                pid = rng.choice(lead_pool) if lead_pool else 0
                if not pid or pid in chosen or rng.random() < 0.35:  # recruiters come back
                    pid = new_person(
                        lead,
                        rng.random() < 0.3,
                        False,
                        rows["people.Person"],
                        rows["people.PersonIdentifier"],
                    )
                suspect_party = ids["party"]
                ids["party"] += 1
                rows["cases.CaseParty"].append(
                    {
                        "id": suspect_party,
                        "case_id": cid,
                        "person_id": pid,
                        "role": "suspect",
                        "network_role": rng.choice(["recruiter", "transporter", "exploiter"]),
                        "added_at": opened,
                    }
                )
            # the journey: home, transit (Kupang, Batam), destination abroad for most
            for order in range(1 + (rng.random() < 0.5) + (rng.random() < 0.2)):
                rows["cases.JourneyLeg"].append(
                    {
                        "case_id": cid,
                        "order": order + 1,
                        "origin_region_id": lead[2],
                        "destination_country_id": world.countries.get(rng.choice(COUNTRIES)),
                        "is_transit": order == 0 and rng.random() < 0.4,
                        "departed_on": (opened - dt.timedelta(days=60 - order)).date(),
                        "transport": rng.choice(["air", "sea", "land"]),
                    }
                )
            # sharing: a file in twenty goes to a protection office of the province
            if rng.random() < 0.05 and helpers_of.get(province):
                grantee = rng.choice(helpers_of[province])
                revoked = rng.random() < 0.1
                rows["cases.CaseGrant"].append(
                    {
                        "case_id": cid,
                        "agency_id": grantee[0],
                        "scope": rng.choice(["facts", "people", "full"]),
                        "include_identity": rng.random() < 0.3,
                        "reason": "rujukan",
                        "granted_by_id": user,
                        "granted_at": opened,
                        "revoked_at": opened + dt.timedelta(days=30) if revoked else None,
                        "revoked_by_id": user if revoked else None,
                    }
                )
            # proceedings: on a case in ten with a suspect; police of the lead's province
            if suspect_party and rng.random() < 0.25 and police_of.get(province):
                police = lead if lead[1] == "police" else rng.choice(police_of[province])
                prosecution = rng.choice(prosecutors_of[province])
                pr = ids["proceeding"]
                ids["proceeding"] += 1
                reported = opened.date() + dt.timedelta(days=rng.randrange(0, 30))
                steps = STAGES[: rng.randrange(1, len(STAGES) + 1)]
                if len(steps) == len(STAGES) and rng.random() < 0.5:
                    steps = [*steps, "p19"]
                on = reported
                for stage in steps:
                    rows["justice.StageEvent"].append(
                        {
                            "proceeding_id": pr,
                            "stage": stage,
                            "on": on,
                            "recorded_by_id": user,
                            "recorded_agency_id": police[0],
                            "recorded_at": now,
                        }
                    )
                    last = on
                    on = on + dt.timedelta(days=rng.randrange(3, 40))
                rows["justice.Proceeding"].append(
                    {
                        "id": pr,
                        "case_id": cid,
                        "suspect_id": suspect_party,
                        "police_agency_id": police[0],
                        "prosecution_agency_id": prosecution[0] if prosecution else None,
                        "police_report_number": f"LP/B/{i}/{reported.year}",
                        "police_report_date": reported,
                        "procedure_code": "KUHAP2025"
                        if reported >= dt.date(2026, 1, 2)
                        else "KUHAP1981",
                        "current_stage": steps[-1],
                        "last_movement_at": last,
                        "opened_by_id": user,
                        "opened_at": opened,
                    }
                )
            if victim_party and rng.random() < 0.3 and helpers_of.get(province):
                provider = rng.choice(helpers_of[province])
                rows["protection.Service"].append(
                    {
                        "case_id": cid,
                        "party_id": victim_party,
                        "recorded_by_id": user,
                        "agency_id": lead[0],
                        "service_type": rng.choice(SERVICE_TYPES),
                        "provider_agency_id": provider[0],
                        "recorded_at": opened,
                        "status": "done"
                        if status == "closed"
                        else rng.choice(["planned", "in_progress", "done"]),
                        "due_on": (opened + dt.timedelta(days=14)).date(),
                    }
                )
        with transaction.atomic():
            for label, copier in copiers.items():
                copier.write(_known(copier, rows[label]))
        done += n
        log(
            f"  {done:,} cases, {person_counter[0] - person_id0:,} persons "
            f"({time.perf_counter() - started:.0f} s)"
        )
    for copier in copiers.values():
        figures.add(copier)
    reset_sequences(copiers)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    figures.seconds["ANALYZE"] = time.perf_counter() - started
    return figures


def _known(copier: Copier, rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows with only the columns the model has (another branch may have dropped one)."""
    names = set(copier.names)
    for row in rows:
        extra = set(row) - names
        yield {k: v for k, v in row.items() if k not in extra} if extra else row


def prepare(url: str, *, fresh: bool, var_dir: str, log: Callable[[str], None] = print) -> bool:
    """Create and migrate the database with the reference and demo data; True when new."""
    new = create_database(url, fresh=fresh)
    if new:
        log("migrating, loading regions and the demo world…")
        manage("migrate", "--noinput", env_url=url, var_dir=var_dir)
        manage("load_reference", "--levels", "province,regency", env_url=url, var_dir=var_dir)
    return new


def demo_accounts() -> None:
    """The demo's agencies and logins (``lentera.apps.accounts.demo``), without its cases."""
    from lentera.apps.accounts import demo, services
    from lentera.apps.accounts.models import Agency, User
    from lentera.apps.reference.models import Region

    by_key = {}
    for key, name, short, kind, region, tz in demo.AGENCIES:
        agency = Agency.objects.filter(name=name).first() or services.agency_create(
            actor=None,
            name=name,
            short_name=short,
            agency_type=kind,
            region=Region.objects.filter(code=region).first() if region else None,
            time_zone=tz,
        )
        by_key[key] = agency
    for username, first, last, key, roles in demo.USERS:
        if key and not User.objects.filter(username=username).exists():
            services.user_create(
                actor=None,
                username=username,
                password=PASSWORD,
                agency=by_key[key],
                roles=roles,
                first_name=first,
                last_name=last,
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lentera_scale"),
    )
    parser.add_argument("--fresh", action="store_true", help="drop the database first")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--var-dir", default="/tmp/lentera-scale-var")
    args = parser.parse_args(argv)
    if not args.database_url.startswith("postgres"):
        raise SystemExit("the generator writes with COPY: give a PostgreSQL DATABASE_URL")
    Path(args.var_dir).mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    prepare(args.database_url, fresh=args.fresh, var_dir=args.var_dir)
    setup_django(args.database_url, args.var_dir)
    figures = generate(cases=args.cases, seed=args.seed)
    out = io.StringIO()
    for label, count in sorted(figures.rows.items()):
        out.write(f"{label:<28} {count:>10,} rows {figures.seconds[label]:7.1f} s\n")
    out.write(
        f"ANALYZE {figures.seconds['ANALYZE']:.1f} s; total {time.perf_counter() - started:.0f} s\n"
    )
    print(out.getvalue(), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
