"""Demo data of prevention (issue #15), invented after the field notes: the Kupang outreach of
July 2023 through community police and RT/RW heads, a welding course for 17 young people with
its six-month evaluation, the P3MI register with one revoked licence whose pending departure at
El Tari shows red, village early warnings, a passport delay, a take-down, and the return of
1,235 migrant workers from Cambodia, Myanmar and Laos. Called from ``accounts.demo.load_demo``;
added once. Every name is fictional ("Contoh")."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from lentera.apps.accounts.models import Agency, User
from lentera.apps.prevention import services
from lentera.apps.prevention.importing import ManifestRow
from lentera.apps.prevention.models import OutreachEvent
from lentera.apps.reference.models import Region

MARKER = "Sosialisasi TPPO bersama Bhabinkamtibmas dan ketua RT/RW — Namosain"

#: Kupang's regions the demo needs, created when the reference data is not loaded.
REGIONS = [
    ("53", "Nusa Tenggara Timur", "province", None),
    ("53.71", "Kota Kupang", "regency", "53"),
    ("53.71.01", "Alak", "district", "53.71"),
    ("53.71.01.1001", "Namosain", "village", "53.71.01"),
    ("53.71.01.1008", "Alak", "village", "53.71.01"),
    ("53.71.01.1011", "Naioni", "village", "53.71.01"),
    ("53.71.01.1012", "Penkase Oeleta", "village", "53.71.01"),
    ("53.01", "Kabupaten Kupang", "regency", "53"),
    ("53.02", "Kabupaten Timor Tengah Selatan", "regency", "53"),
]


def _regions() -> dict[str, Region]:
    made: dict[str, Region] = {}
    for code, name, level, parent in REGIONS:
        region = Region.objects.filter(code=code).first()
        if region is None:
            region = Region.objects.create(
                code=code, name=name, level=level, parent=made.get(parent) if parent else None
            )
        made[code] = region
    return made


def load_demo(agencies: dict[str, Agency]) -> None:
    if OutreachEvent.objects.filter(title=MARKER).exists():
        return
    posko = User.objects.filter(username="kupang.posko").first()
    nakertrans = User.objects.filter(username="kupang.nakertrans").first()
    intake = User.objects.filter(username="kupang.intake").first()
    if posko is None or nakertrans is None:
        return
    regions = _regions()
    _outreach(nakertrans, regions)
    _course(nakertrans, regions)
    _register_and_departures(nakertrans, posko)
    _community(nakertrans, intake, regions)
    _returns(posko, regions)


def _outreach(officer: User, regions: dict[str, Region]) -> None:
    events = [
        ("53.71.01.1001", date(2023, 7, 8), "Balai kelurahan", (14, 11, 22, 18, 35, 30)),
        ("53.71.01.1011", date(2023, 7, 15), "Gereja Jemaat Naioni", (20, 16, 25, 19, 41, 33)),
        ("53.71.01.1008", date(2023, 7, 22), "Masjid Nurul Hidayah Alak", (8, 9, 15, 17, 22, 29)),
        ("53.71.01.1012", date(2023, 7, 29), "SMP Negeri Penkase", (64, 58, 0, 0, 6, 4)),
    ]
    groups = (
        "female_child",
        "male_child",
        "female_youth",
        "male_youth",
        "female_adult",
        "male_adult",
    )
    for code, day, place, counts in events:
        region = regions[code]
        services.event_record(
            actor=officer,
            kind="school" if "SMP" in place else "village",
            title=MARKER if code.endswith("1001") else f"Sosialisasi TPPO — {region.name}",
            held_on=day,
            region=region,
            place=place,
            organisers="Polresta Kupang Kota (Bhabinkamtibmas), ketua RT/RW, Disnakertrans NTT",
            audience=dict(zip(groups, counts, strict=True)),
            materials="Leaflet 'Mau kerja ke luar negeri? Cek dulu!', nomor posko dan hotline 129",
        )
    services.event_record(
        actor=officer,
        kind="social_media",
        title="Kampanye 'Cek Lowongan' di grup Facebook warga Kupang",
        held_on=date(2023, 7, 31),
        region=regions["53.71"],
        organisers="Disnakertrans NTT",
        audience={"female_youth": 410, "male_youth": 380},
        materials="Video pendek dan tautan Cek Lowongan",
    )


FIRST = ["Yosef", "Marthen", "Daniel", "Obed", "Agustinus", "Kristo", "Yakob", "Petrus", "Simon"]


def _course(officer: User, regions: dict[str, Region]) -> None:
    course = services.course_record(
        actor=officer,
        kind="vocational",
        title="Pelatihan las bagi 17 pemuda rentan",
        organisers="Disnakertrans NTT, BLK Kupang",
        region=regions["53.71"],
        place="BLK Kupang",
        starts_on=date(2023, 8, 7),
        ends_on=date(2023, 9, 1),
        sessions=20,
    )
    people = services.participants_add(
        actor=officer,
        course=course,
        people=[
            {"name": f"{FIRST[n % len(FIRST)]} Contoh {n + 1}", "sex": "male", "age": 17 + n % 6}
            for n in range(17)
        ],
    )
    services.attendance_record(
        actor=officer,
        course=course,
        attended={p.pk: 20 if n < 15 else 9 for n, p in enumerate(people)},
        completed={p.pk for p in people[:15]},
    )
    # twelve evaluated in March 2024: nine employed at home, three migrated (two licensed)
    answers = [(True, False, None)] * 9 + [(True, True, True)] * 2 + [(None, True, False)]
    for participant, (employed, migrated, licensed) in zip(people, answers, strict=False):
        services.participant_evaluate(
            actor=officer,
            participant=participant,
            evaluated_on=date(2024, 3, 4),
            employed=employed,
            migrated=migrated,
            licensed_channel=licensed,
        )


def _register_and_departures(officer: User, posko: User) -> None:
    record = services.AgencyRecord
    agencies = [
        record(
            "KEP.101/PPTKIS/2021",
            "PT Contoh Karya Nusantara",
            date(2021, 3, 1),
            date(2028, 2, 29),
            "active",
            "Jakarta",
            ("Kupang", "Atambua"),
        ),
        record(
            "KEP.102/PPTKIS/2020",
            "PT Contoh Mitra Sejahtera",
            date(2020, 1, 15),
            date(2025, 1, 14),
            "active",
            "Surabaya",
            ("Kupang",),
        ),
        record(
            "KEP.103/PPTKIS/2019",
            "PT Contoh Sejahtera Abadi",
            date(2019, 5, 1),
            date(2024, 4, 30),
            "revoked",
            "Medan",
            ("Kupang",),
            "Izin dicabut Kemnaker 2023",
        ),
        record(
            "KEP.104/PPTKIS/2022",
            "PT Contoh Bahari Timur",
            date(2022, 6, 1),
            date(2027, 5, 31),
            "suspended",
            "Kupang",
            (),
        ),
    ]
    saved = services.placement_agencies_import(
        actor=officer, records=list(agencies), filename="daftar-p3mi-kemnaker.csv"
    )
    assert saved.created
    from lentera.apps.prevention.models import PlacementAgency

    revoked = PlacementAgency.objects.get(licence_number="KEP.103/PPTKIS/2019")
    licensed = PlacementAgency.objects.get(licence_number="KEP.101/PPTKIS/2021")
    soon = (timezone.localdate() + timedelta(days=3)).isoformat()
    held, _result = services.departure_screen(
        actor=posko,
        interview={
            "age": 19,
            "sex": "female",
            "destination_country": "MY",
            "stated_purpose": "work",
            "job_offered": True,
            "job_sector": "domestic_work",
            "placement_registered": False,
            "departure_date": soon,
        },
        post="El Tari",
    )
    services.recruiter_name(actor=posko, screening=held, placement_agency=revoked)
    services.delay_request(
        actor=posko,
        departure=held,
        kind="departure",
        immigration_office="Kantor Imigrasi Kelas I TPI Kupang",
        sent_on=timezone.localdate(),
        reference="B/17/XII/2026",
    )
    fine, _result = services.departure_screen(
        actor=posko,
        interview={
            "age": 27,
            "sex": "male",
            "destination_country": "MY",
            "stated_purpose": "work",
            "job_offered": True,
            "placement_registered": True,
            "contract_seen": True,
            "departure_date": soon,
        },
        post="Tenau",
    )
    services.recruiter_name(actor=posko, screening=fine, placement_agency=licensed)


def _community(officer: User, intake: User | None, regions: dict[str, Region]) -> None:
    services.report_record(
        actor=officer,
        kind="early_warning",
        region=regions["53.71.01.1011"],
        reporter_role="rt_rw_head",
        reporter_name="Bapak Contoh, Ketua RT 05",
        narrative="Orang luar mengumpulkan KTP tiga gadis, dijanjikan kerja di restoran Malaysia.",
        people_count=3,
        destination="Malaysia",
    )
    services.report_from_sms(
        actor=officer,
        text="MUTASI#5371011008#12#Kalimantan Barat#ikut perekrut perkebunan sawit",
        sender="0812-0000-1111",
    )
    services.report_from_sms(
        actor=officer,
        text="WASPADA#5371011001#BHABIN#Bripka Contoh#mobil jemput pemuda malam hari ke Tenau",
        sender="0812-0000-2222",
    )
    services.takedown_record(
        actor=officer,
        platform="facebook",
        found_by="job_check",
        post_url="https://facebook.com/groups/contoh-loker-kamboja",
        requested_on=date(2024, 2, 5),
        request_reference="Kominfo/TD/2024/031",
    )


def _returns(officer: User, regions: dict[str, Region]) -> None:
    operation = services.operation_create(
        actor=officer,
        title="Pemulangan 1.235 PMI dari Kamboja, Myanmar dan Laos",
        arrived_on=date(2023, 5, 20),
        source="BP2MI",
        countries="KH, MM, LA",
        arrival_point="Bandara El Tari",
    )
    homes = ["53.71.01", "53.71.01", "53.01", "53.01", "53.02", ""]
    rows = []
    for i in range(1, 1236):
        female = i % 3 != 0
        born = date(1990, 1, 1) + timedelta(days=(i * 37) % 9000)
        rows.append(
            ManifestRow(
                line=i + 1,
                name=f"{'Maria' if female else 'Yosef'} Contoh {i}",
                sex="female" if female else "male",
                birth_date=born,
                home_region=homes[i % len(homes)],
                country=("KH", "MM", "LA")[i % 3],
                notes=("no_nik",),
            )
        )
    services.manifest_import(
        actor=officer, operation=operation, rows=rows, filename="manifes-bp2mi.xlsx"
    )
    for returnee in operation.returnees.order_by("line")[:60]:
        services.returnee_screen(
            actor=officer,
            returnee=returnee,
            indicators=["deceived", "forced_crime"] if returnee.line % 4 else [],
        )
