"""Fictional demo data: the Kupang and Pontianak task forces, their agencies and one user per persona.

Based on the situations in the project's field notes (Kupang posts at El Tari airport and Tenau
port, Perda Kota Kupang 3/2019; Pontianak's child-protection office). Every person is invented;
no real victim's name appears. Running it again keeps what exists and resets demo passwords.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from lentera.apps.accounts import services
from lentera.apps.accounts.models import Agency, TaskForce, TaskForceMembership, User
from lentera.apps.accounts.permissions import Role
from lentera.apps.people.models import Person
from lentera.apps.people.services import person_create
from lentera.apps.reference.models import Country, Region

SUB_TASK_FORCES = [
    "Pencegahan dan partisipasi anak",
    "Rehabilitasi kesehatan",
    "Rehabilitasi sosial, pemulangan dan reintegrasi",
    "Pengembangan norma hukum",
    "Penegakan hukum",
    "Koordinasi dan kerja sama",
]

# (key, name, short name, type, region code or None, time zone)
AGENCIES = [
    (
        "polresta_kupang",
        "Polresta Kupang Kota — Unit PPA",
        "Polresta Kupang",
        "police",
        "53.71",
        "Asia/Makassar",
    ),
    ("polda_ntt", "Polda NTT — Ditreskrimum", "Polda NTT", "police", "53", "Asia/Makassar"),
    (
        "kejari_kupang",
        "Kejaksaan Negeri Kota Kupang",
        "Kejari Kupang",
        "prosecutor",
        "53.71",
        "Asia/Makassar",
    ),
    (
        "uptd_kupang",
        "UPTD PPA Kota Kupang",
        "UPTD PPA Kupang",
        "women_child_protection",
        "53.71",
        "Asia/Makassar",
    ),
    (
        "dp3a_kupang",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kota Kupang",
        "DP3A Kupang",
        "women_child_protection",
        "53.71",
        "Asia/Makassar",
    ),
    (
        "dinsos_kupang",
        "Dinas Sosial Kota Kupang",
        "Dinsos Kupang",
        "social_affairs",
        "53.71",
        "Asia/Makassar",
    ),
    (
        "disnaker_ntt",
        "Dinas Tenaga Kerja dan Transmigrasi Provinsi NTT",
        "Disnakertrans NTT",
        "manpower",
        "53",
        "Asia/Makassar",
    ),
    (
        "bp3mi_ntt",
        "BP3MI Nusa Tenggara Timur",
        "BP3MI NTT",
        "migrant_protection",
        "53",
        "Asia/Makassar",
    ),
    (
        "imigrasi_kupang",
        "Kantor Imigrasi Kelas I TPI Kupang",
        "Imigrasi Kupang",
        "immigration",
        "53.71",
        "Asia/Makassar",
    ),
    ("ksop_tenau", "KSOP Tenau Kupang", "KSOP Tenau", "port_authority", "53.71", "Asia/Makassar"),
    (
        "bandara_eltari",
        "Bandara El Tari Kupang (pengelola bandara)",
        "Bandara El Tari",
        "airport_authority",
        "53.71",
        "Asia/Makassar",
    ),
    (
        "inspektorat_kupang",
        "Inspektorat Kota Kupang",
        "Inspektorat Kupang",
        "local_government",
        "53.71",
        "Asia/Makassar",
    ),
    (
        "ngo_kupang",
        "Yayasan Pelita Timur (fiktif)",
        "Pelita Timur",
        "ngo",
        "53.71",
        "Asia/Makassar",
    ),
    (
        "polresta_pontianak",
        "Polresta Pontianak Kota — Unit PPA",
        "Polresta Pontianak",
        "police",
        "61.71",
        "Asia/Jakarta",
    ),
    (
        "uptd_pontianak",
        "UPTD PPA Kota Pontianak (DP2KBP3A)",
        "UPTD PPA Pontianak",
        "women_child_protection",
        "61.71",
        "Asia/Jakarta",
    ),
    (
        "dinsos_pontianak",
        "Dinas Sosial Kota Pontianak",
        "Dinsos Pontianak",
        "social_affairs",
        "61.71",
        "Asia/Jakarta",
    ),
    (
        "disnaker_kalbar",
        "Dinas Tenaga Kerja dan Transmigrasi Provinsi Kalimantan Barat",
        "Disnakertrans Kalbar",
        "manpower",
        "61",
        "Asia/Jakarta",
    ),
    (
        "polresta_barelang",
        "Polresta Barelang — Unit PPA",
        "Polresta Barelang",
        "police",
        "21.71",
        "Asia/Jakarta",
    ),
    (
        "dinsos_batam",
        "Dinas Sosial Kota Batam",
        "Dinsos Batam",
        "social_affairs",
        "21.71",
        "Asia/Jakarta",
    ),
    ("satgas_tppo", "Bareskrim Polri — Satgas TPPO", "Satgas TPPO", "police", None, "Asia/Jakarta"),
]

# (username, first name, last name, agency key, roles)
USERS = [
    ("kupang.intake", "Yohana", "Intake", "uptd_kupang", [Role.INTAKE_OFFICER]),
    ("kupang.pendamping", "Maria", "Pendamping", "uptd_kupang", [Role.CASEWORKER]),
    ("kupang.penyidik", "Agus", "Penyidik", "polresta_kupang", [Role.INVESTIGATOR]),
    ("kupang.jaksa", "Stefanus", "Jaksa", "kejari_kupang", [Role.PROSECUTOR]),
    ("kupang.posko", "Ferdinand", "Posko", "disnaker_ntt", [Role.POSKO_OFFICER]),
    ("kupang.nakertrans", "Ruth", "Nakertrans", "disnaker_ntt", [Role.MANPOWER_OFFICER]),
    ("kupang.sekretariat", "Dewi", "Sekretariat", "dp3a_kupang", [Role.SECRETARIAT]),
    ("kupang.analis", "Yosef", "Analis", "polda_ntt", [Role.ANALYST]),
    ("kupang.pimpinan", "Paulus", "Pimpinan", "dp3a_kupang", [Role.LEADER]),
    ("kupang.auditor", "Helena", "Auditor", "inspektorat_kupang", [Role.AUDITOR]),
    ("kupang.admin", "Markus", "Admin", "uptd_kupang", [Role.AGENCY_ADMIN]),
    ("pontianak.intake", "Siti", "Intake", "uptd_pontianak", [Role.INTAKE_OFFICER]),
    ("pontianak.pendamping", "Rina", "Pendamping", "uptd_pontianak", [Role.CASEWORKER]),
    ("pontianak.penyidik", "Hendra", "Penyidik", "polresta_pontianak", [Role.INVESTIGATOR]),
    ("batam.penyidik", "Rudi", "Penyidik", "polresta_barelang", [Role.INVESTIGATOR]),
    ("batam.pendamping", "Lestari", "Pendamping", "dinsos_batam", [Role.CASEWORKER]),
    ("admin", "Admin", "Sistem", None, [Role.SYSTEM_ADMIN]),
]

# (name, level, region, parent name, legal basis, [(agency key, role)])
TASK_FORCES = [
    (
        "Gugus Tugas PP-TPPO Nasional",
        "national",
        None,
        None,
        "Perpres 69/2008 jo. 22/2021 jo. 49/2023",
        [("satgas_tppo", "secretariat")],
    ),
    (
        "Gugus Tugas PP-TPPO Provinsi NTT",
        "province",
        "53",
        "Gugus Tugas PP-TPPO Nasional",
        "UU 21/2007 Pasal 58",
        [("polda_ntt", "member"), ("disnaker_ntt", "member"), ("bp3mi_ntt", "member")],
    ),
    (
        "Gugus Tugas PP-TPPO Kota Kupang",
        "regency",
        "53.71",
        "Gugus Tugas PP-TPPO Provinsi NTT",
        "Perda Kota Kupang 3/2019",
        [
            ("dp3a_kupang", "secretariat"),
            ("polresta_kupang", "member"),
            ("kejari_kupang", "member"),
            ("uptd_kupang", "member"),
            ("dinsos_kupang", "member"),
            ("disnaker_ntt", "member"),
            ("imigrasi_kupang", "member"),
            ("ksop_tenau", "member"),
            ("bandara_eltari", "member"),
            ("ngo_kupang", "member"),
        ],
    ),
    (
        "Gugus Tugas PP-TPPO Provinsi Kalimantan Barat",
        "province",
        "61",
        "Gugus Tugas PP-TPPO Nasional",
        "UU 21/2007 Pasal 58",
        [("disnaker_kalbar", "member")],
    ),
    (
        "Gugus Tugas PP-TPPO Kota Pontianak",
        "regency",
        "61.71",
        "Gugus Tugas PP-TPPO Provinsi Kalimantan Barat",
        "UU 21/2007 Pasal 58",
        [
            ("uptd_pontianak", "secretariat"),
            ("polresta_pontianak", "member"),
            ("dinsos_pontianak", "member"),
        ],
    ),
]

# Invented people registered by UPTD PPA Kota Kupang and Pontianak (fictional names).
PEOPLE = [
    (
        "uptd_kupang",
        "Yuliana Demo Nenobais",
        "female",
        date(2009, 5, 14),
        "53.71.05",
        ["0812-3456-7001"],
    ),
    (
        "uptd_kupang",
        "Debora Contoh Lakapu",
        "female",
        date(2004, 11, 2),
        "53.71.05",
        ["+62 813 3900 7002"],
    ),
    ("uptd_kupang", "Yohanes Fiktif Taneo", "male", date(1998, 1, 20), "53.71.01", []),
    (
        "uptd_pontianak",
        "Nur Contoh Aini",
        "female",
        date(2008, 3, 9),
        "61.71.01",
        ["0852 5200 7003"],
    ),
]


@dataclass
class DemoResult:
    password: str
    users: list[tuple[str, str, str]]


def _region(code: str | None) -> Region | None:
    return Region.objects.filter(code=code).first() if code else None


@transaction.atomic
def load_demo(*, password: str | None = None) -> DemoResult:
    password = password or f"Lentera-{secrets.token_hex(3)}-Demo!"
    agencies: dict[str, Agency] = {}
    for key, name, short, kind, region, tz in AGENCIES:
        agency = Agency.objects.filter(name=name).first()
        if agency is None:
            agency = services.agency_create(
                actor=None,
                name=name,
                short_name=short,
                agency_type=kind,
                region=_region(region),
                time_zone=tz,
            )
        agencies[key] = agency
    for name, level, region, parent, basis, members in TASK_FORCES:
        tf = TaskForce.objects.filter(name=name).first()
        if tf is None:
            tf = services.task_force_create(
                actor=None,
                name=name,
                level=level,
                region=_region(region),
                parent=TaskForce.objects.filter(name=parent).first() if parent else None,
                legal_basis=basis,
                sub_task_forces=SUB_TASK_FORCES,
            )
        for key, role in members:
            if not TaskForceMembership.objects.filter(
                task_force=tf, agency=agencies[key], role=role
            ).exists():
                services.task_force_add_member(
                    actor=None, task_force=tf, agency=agencies[key], role=role
                )
    rows = []
    for username, first, last, agency_key, roles in USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = services.user_create(
                actor=None,
                username=username,
                password=password,
                agency=agencies[agency_key] if agency_key else None,
                roles=roles,
                first_name=first,
                last_name=last,
            )
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        rows.append(
            (
                username,
                ", ".join(str(Role(r).label) for r in roles),
                str(user.agency) if user.agency else "—",
            )
        )
    indonesia = Country.objects.filter(code="ID").first()
    for agency_key, name, sex, born, region, phones in PEOPLE:
        agency = agencies[agency_key]
        if Person.objects.filter(owner_agency=agency, birth_date=born, sex=sex).exists():
            continue
        person_create(
            actor=None,
            owner_agency=agency,
            full_name=name,
            sex=sex,
            birth_date=born,
            phones=phones,
            region=_region(region),
            nationality=indonesia,
        )
    from lentera.apps.intake.routing import seed_demo_rules

    seed_demo_rules()  # before the demo complaints, which the rules route
    _demo_cases_and_complaints(agencies)
    from lentera.apps.coordination.demo import load_demo as load_coordination

    load_coordination(agencies)
    from lentera.apps.investigation.demo import load_demo as load_investigation

    load_investigation(agencies)  # the Kupang ring across three agencies (issue #17)
    from lentera.apps.prevention.demo import load_demo as load_prevention

    load_prevention(agencies)  # outreach, the course of 17, P3MI, returns (issue #15)
    return DemoResult(password=password, users=rows)


def _demo_cases_and_complaints(agencies: dict[str, Agency]) -> None:
    """The Kupang–Batam case of the field notes and a Pontianak Mi-Chat case (fictional names),
    and two complaints waiting for triage. Added once."""
    from lentera.apps.cases import services as case_services
    from lentera.apps.cases.models import Case
    from lentera.apps.intake.models import Complaint
    from lentera.apps.intake.services import FactsInput, ReporterInput, complaint_submit_public

    kupang = _region("53.71")
    pontianak = _region("61.71")
    if kupang is None or pontianak is None or Case.objects.exists():
        return
    investigator = User.objects.get(username="kupang.penyidik")
    case = case_services.case_open(
        actor=investigator,
        title="Perekrutan dua perempuan muda dari Alak ke Batam",
        region=kupang,
        offence_date=date(2023, 3, 1),
        narrative=(
            "Dua perempuan muda dari kelurahan Alak dibujuk perekrut, diserahkan kepada "
            "penampung, diterbangkan ke Batam, dibuatkan dokumen palsu untuk berangkat ke Malaysia."
        ),
        acts=["recruitment", "transportation", "harbouring", "sending"],
        means=["fraud", "forgery", "abuse_of_vulnerability"],
        exploitation_types=["forced_labour"],
        control_methods=["false_promises", "withheld_documents"],
        recruitment_channel="informal_agent",
    )
    people_in_case = [
        ("Dina Contoh Manafe", "female", date(2002, 6, 1), "victim", "", 20),
        ("Esther Contoh Lenggu", "female", date(2006, 9, 3), "victim", "", 16),
        ("Yohanis Contoh Bessie", "male", None, "suspect", "recruiter", None),
        ("Andreas Contoh Bria", "male", None, "suspect", "recruiter", None),
        ("Agustinus Contoh Sinlae", "male", date(1990, 1, 5), "suspect", "recruiter", None),
        ("Katarina Contoh Tefa", "female", date(1975, 4, 2), "suspect", "harbourer", None),
        ("Simon Contoh Wowor", "male", date(1978, 8, 8), "suspect", "transporter", None),
        ("Fransiska Contoh Tobi", "female", date(1981, 2, 2), "suspect", "document_forger", None),
    ]
    for name, sex, born, role, network, age in people_in_case:
        person = person_create(
            actor=investigator,
            owner_agency=investigator.agency,  # type: ignore[arg-type]
            full_name=name,
            sex=sex,
            birth_date=born,
            region=kupang,
        )
        case_services.case_add_party(
            actor=investigator,
            case=case,
            person=person,
            role=role,
            network_role=network,
            age_at_offence=age,
        )
    _demo_proceedings(case, agencies)
    _demo_protection(case, agencies)
    indonesia = Country.objects.get(code="ID")
    malaysia = Country.objects.filter(code="MY").first() or indonesia
    case_services.journey_add_leg(
        actor=investigator,
        case=case,
        origin_country=indonesia,
        destination_country=indonesia,
        origin_place="Kupang (El Tari)",
        destination_place="Batam",
        transport="air",
        departed_on=date(2023, 3, 1),
        arrived_on=date(2023, 3, 1),
    )
    case_services.journey_add_leg(
        actor=investigator,
        case=case,
        origin_country=indonesia,
        destination_country=malaysia,
        origin_place="Batam",
        destination_place="Johor",
        transport="sea",
        is_transit=False,
    )
    # Dinas Sosial Batam receives the case through the victim's referral (see _demo_protection).
    pontianak_investigator = User.objects.get(username="pontianak.penyidik")
    child_case = case_services.case_open(
        actor=pontianak_investigator,
        title="Prostitusi anak daring melalui aplikasi kencan",
        region=pontianak,
        offence_date=date(2021, 8, 14),
        acts=["recruitment", "harbouring"],
        means=["abuse_of_vulnerability", "debt_bondage"],
        exploitation_types=["sexual_exploitation"],
        control_methods=["debt_bondage", "withheld_earnings"],
        recruitment_channel="chat_app",
        recruitment_platform="michat",
    )
    victim = person_create(
        actor=pontianak_investigator,
        owner_agency=pontianak_investigator.agency,  # type: ignore[arg-type]
        full_name="Nur Contoh Aini",
        sex="female",
        birth_date=date(2005, 3, 9),
        region=pontianak,
    )
    case_services.case_add_party(
        actor=pontianak_investigator,
        case=child_case,
        person=victim,
        role="victim",
        age_at_offence=16,
    )
    if not Complaint.objects.exists():
        complaint_submit_public(
            facts=FactsInput(
                narrative=(
                    "Tetangga saya ditawari kerja jadi admin online di Kamboja, gaji 15 juta, "
                    "tiket ditanggung, berangkat minggu depan lewat Batam. Paspornya sudah "
                    "dipegang agen."
                ),
                place="Kelurahan Oebobo",
                region=kupang,
                migrant_worker=True,
            ),
            reporter=ReporterInput(anonymous=True),
        )
        complaint_submit_public(
            facts=FactsInput(
                narrative="Ada anak perempuan umur 15 tahun dibawa ke rumah kos, dijual lewat MiChat.",
                place="Pontianak Kota",
                region=pontianak,
                involves_child="yes",
                any_child=True,
            ),
            reporter=ReporterInput(name="Warga Contoh", phone="0852 4500 7010", confidential=True),
        )


# The four arrested suspects of the Kupang–Batam case and how far each file went (field-facts.md:
# files returned with P-19, files completed with P-21, files left without movement). The days
# count from a police report made 100 days before the demo is loaded, so the stall list and the
# deadlines look the same whenever the demo is loaded: Simon's file has not moved for 92 days
# (stalled), Katarina's returned file is past its 14-day return deadline, the others move.
DEMO_REPORT_DAYS_AGO = 100
DEMO_PROCEEDINGS: dict[str, list[tuple[str, int, str]]] = {
    "Agustinus Contoh Sinlae": [
        ("investigation_order", 4, ""),
        ("spdp", 8, ""),
        ("file_stage_1", 40, ""),
        ("p19", 44, "Lengkapi keterangan ahli dan bukti transfer kepada perekrut."),
        ("file_stage_1", 56, ""),
        ("p21", 62, ""),
        ("stage_2", 70, ""),
    ],
    "Katarina Contoh Tefa": [
        ("investigation_order", 4, ""),
        ("spdp", 9, ""),
        ("file_stage_1", 40, ""),
        ("p19", 44, "Periksa kembali saksi korban di Batam."),
    ],
    "Simon Contoh Wowor": [
        ("investigation_order", 4, ""),
        ("spdp", 8, ""),
    ],
    "Fransiska Contoh Tobi": [
        ("investigation_order", 4, ""),
        ("spdp", 8, ""),
        ("file_stage_1", 40, ""),
        ("p21", 50, ""),
    ],
}
PROSECUTOR_STAGES = {"p18", "p19", "p21"}


def _demo_proceedings(case: Any, agencies: dict[str, Agency]) -> None:
    from lentera.apps.justice import services as justice_services

    investigator = User.objects.get(username="kupang.penyidik")
    prosecutor = User.objects.get(username="kupang.jaksa")
    reported = timezone.localdate() - timedelta(days=DEMO_REPORT_DAYS_AGO)
    suspects = {
        party.person.full_name.unseal(): party
        for party in case.parties.filter(role="suspect").select_related("person")
    }
    for name, steps in DEMO_PROCEEDINGS.items():
        proceeding = justice_services.proceeding_open(
            actor=investigator,
            suspect=suspects[name],
            police_report_date=reported,
            police_report_number=f"LP/B/87/{reported.month}/{reported.year}/SPKT/Polresta Kupang Kota",
            prosecution_agency=agencies["kejari_kupang"],
        )
        for stage, days, instructions in steps:
            justice_services.stage_record(
                actor=prosecutor if stage in PROSECUTOR_STAGES else investigator,
                proceeding=proceeding,
                stage=stage,
                on=reported + timedelta(days=days),
                instructions=instructions,
            )


def _demo_protection(case: Any, agencies: dict[str, Agency]) -> None:
    """UPTD PPA Kupang accompanies the two victims: the case is shared with it, the adult is
    identified as a presumed victim, consents, and is referred to a shelter of Dinas Sosial Batam
    (waiting for Batam to accept); the child is referred to Dinas Sosial Kota Kupang without
    consent, for her safety, which the audit trail records as an override."""
    from lentera.apps.cases import services as case_services
    from lentera.apps.protection import services as protection

    investigator = User.objects.get(username="kupang.penyidik")
    caseworker = User.objects.get(username="kupang.pendamping")
    case_services.case_share(
        actor=investigator,
        case=case,
        agency=agencies["uptd_kupang"],
        scope="full",
        include_identity=True,
        reason="Pendampingan dan perlindungan kedua korban oleh UPTD PPA",
    )
    victims = {
        party.person.full_name.unseal(): party
        for party in case.parties.filter(role="victim").select_related("person")
    }
    adult = victims["Dina Contoh Manafe"]
    child = victims["Esther Contoh Lenggu"]
    protection.identification_record(
        actor=caseworker,
        party=adult,
        setting="shelter",
        indicators=["deception", "movement", "isolation"],
        notes="Wawancara di UPTD PPA setelah dipulangkan dari Batam.",
    )
    protection.consent_record(
        actor=caseworker,
        party=adult,
        agencies=[agencies["dinsos_batam"]],
        purpose="Rumah aman sementara di Batam sebelum pemulangan",
        share_people=True,
    )
    protection.referral_send(
        actor=caseworker,
        party=adult,
        to_agency=agencies["dinsos_batam"],
        service_type="shelter",
        reason="Korban masih di Batam dan membutuhkan rumah aman",
        share_people=True,
    )
    protection.referral_send(
        actor=caseworker,
        party=child,
        to_agency=agencies["dinsos_kupang"],
        service_type="psychosocial",
        reason="Pendampingan psikososial anak setelah kembali ke Kupang",
        share_people=True,
        override_basis="child",
    )
