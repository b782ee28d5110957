"""Demo data: a year of the Kupang task force's meetings, decisions and action items (invented,
after the field notes: outreach, the posts at El Tari and Tenau, the three activities of Perda
Kota Kupang 3/2019 that were never carried out). Called from ``accounts.demo.load_demo``; added
once."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from lentera.apps.accounts.models import Agency, TaskForce, User
from lentera.apps.coordination import notices, services
from lentera.apps.coordination.models import Meeting, Notice

TASK_FORCE = "Gugus Tugas PP-TPPO Kota Kupang"

# (days ago, kind, title, [(decision, [(agency key, task, due in days after the meeting, done)])])
MEETINGS: list[tuple[int, str, str, list[tuple[str, list[tuple[str, str, int, bool]]]]]] = [
    (
        340,
        "regular",
        "Rapat koordinasi semester II",
        [
            (
                "Sosialisasi TPPO bagi ketua RT/RW dan lurah bersama Bhabinkamtibmas.",
                [("polresta_kupang", "Sosialisasi di enam kelurahan", 60, True)],
            ),
            (
                "Posko El Tari dan Tenau melapor jumlah keberangkatan setiap bulan.",
                [("disnaker_ntt", "Rekap keberangkatan bulanan posko", 30, True)],
            ),
        ],
    ),
    (
        190,
        "regular",
        "Rapat koordinasi semester I",
        [
            (
                "Pengendalian penempatan tenaga kerja: pendataan P3MI yang merekrut di Kota Kupang.",
                [("disnaker_ntt", "Daftar P3MI dan izin SIP2MI", 45, True)],
            ),
            (
                "Deteksi dini: pelatihan petugas posko tentang tanda-tanda perdagangan orang.",
                [
                    ("dinsos_kupang", "Pelatihan petugas posko", 90, False),
                    ("imigrasi_kupang", "Materi pemeriksaan paspor di TPI", 60, True),
                ],
            ),
        ],
    ),
    (
        40,
        "ad_hoc",
        "Rapat ad hoc: pemulangan korban dari Batam",
        [
            (
                "Pemulangan empat korban ke Belu, Flores Timur, Alor dan Malaka setelah asesmen "
                "keluarga.",
                [
                    ("dinsos_kupang", "Asesmen keluarga dan pemulangan", 21, True),
                    ("polresta_kupang", "Perkembangan penyidikan kepada gugus tugas", 30, False),
                ],
            ),
        ],
    ),
]


def load_demo(agencies: dict[str, Agency]) -> None:
    task_force = TaskForce.objects.filter(name=TASK_FORCE).first()
    secretariat = User.objects.filter(username="kupang.sekretariat").first()
    chair = User.objects.filter(username="kupang.pimpinan").first()
    if task_force is None or secretariat is None or chair is None:
        return
    if Meeting.objects.filter(task_force=task_force).exists():
        return
    services.meeting_interval_set(actor=None, task_force=task_force, days=183)
    invited = [
        agencies[k]
        for k in (
            "dp3a_kupang",
            "polresta_kupang",
            "kejari_kupang",
            "uptd_kupang",
            "dinsos_kupang",
            "disnaker_ntt",
            "imigrasi_kupang",
        )
        if k in agencies
    ]
    now = timezone.now()
    for days_ago, kind, title, decisions in MEETINGS:
        starts = (now - timedelta(days=days_ago)).replace(hour=1, minute=0, second=0, microsecond=0)
        meeting = services.meeting_schedule(
            actor=secretariat,
            task_force=task_force,
            title=title,
            kind=kind,
            starts_at=starts,
            place="Aula Kantor Wali Kota Kupang",
            agencies=invited,
        )
        services.agenda_add(actor=secretariat, meeting=meeting, topic="Laporan sekretariat")
        services.agenda_add(actor=secretariat, meeting=meeting, topic="Tindak lanjut keputusan")
        services.attendance_record(
            actor=secretariat,
            meeting=meeting,
            attendance={
                a.pk: ("absent" if i == len(invited) - 1 and days_ago > 300 else "present")
                for i, a in enumerate(invited)
            },
        )
        services.minutes_record(
            actor=secretariat,
            meeting=meeting,
            minutes=(
                "Rapat dibuka oleh ketua harian. Sekretariat melaporkan perkembangan kasus dan "
                "layanan korban. Peserta membahas hambatan koordinasi antarinstansi."
            ),
            version=meeting.version,
        )
        for text, items in decisions:
            decision = services.decision_add(actor=secretariat, meeting=meeting, text=text)
            for key, task, due_days, done in items:
                item = services.item_assign(
                    actor=secretariat,
                    decision=decision,
                    agency=agencies[key],
                    task=task,
                    due_on=starts.date() + timedelta(days=due_days),
                )
                owner = User.objects.filter(agency=agencies[key], is_active=True).first()
                if done:
                    services.item_close(
                        actor=owner or secretariat,
                        item=item,
                        version=item.version,
                        note="Selesai; laporan disampaikan ke sekretariat.",
                    )
        meeting.refresh_from_db()
        services.minutes_approve(actor=chair, meeting=meeting, version=meeting.version)
        # the invitations of a past meeting were sent and read two weeks before it
        Notice.objects.filter(meeting=meeting).update(
            created_at=starts - timedelta(days=14),
            emailed_at=starts - timedelta(days=14),
            read_at=starts - timedelta(days=13),
        )
    _demo_plan(task_force, secretariat, agencies, now.year)
    _demo_report(task_force, secretariat, now.year)
    services.meeting_schedule(
        actor=secretariat,
        task_force=task_force,
        title="Rapat koordinasi semester II",
        starts_at=(now + timedelta(days=14)).replace(hour=1, minute=0, second=0, microsecond=0),
        place="Aula Kantor Wali Kota Kupang",
        agencies=invited,
    )
    # a working group's own meeting, and the notices of the items due or overdue today
    group = task_force.sub_task_forces.order_by("pk").first()
    if group is not None:
        services.meeting_schedule(
            actor=secretariat,
            task_force=task_force,
            sub_task_force=group,
            title=f"Rapat {group.name}",
            starts_at=(now + timedelta(days=7)).replace(hour=2, minute=0, second=0, microsecond=0),
            place="Kantor DP3A Kota Kupang",
            agencies=invited[:3],
        )
    notices.item_notices(today=timezone.localdate())


# (code, agency keys, target, budget, realisation, done typed)
PLAN: list[tuple[str, list[str], int, int, int, int]] = [
    ("perda-sosialisasi", ["polresta_kupang", "dp3a_kupang"], 12, 60_000_000, 35_000_000, 5),
    ("perda-pendidikan-pelatihan", ["disnaker_ntt"], 2, 80_000_000, 40_000_000, 1),
    ("perda-penegakan-hukum", ["polresta_kupang", "kejari_kupang"], 30, 0, 0, 0),
    ("perda-pemulangan", ["dinsos_kupang", "uptd_kupang"], 10, 45_000_000, 12_000_000, 0),
    ("perda-mutasi-penduduk", ["dp3a_kupang"], 4, 20_000_000, 0, 0),
    ("perda-penempatan-tenaga-kerja", ["disnaker_ntt", "bp3mi_ntt"], 4, 25_000_000, 0, 0),
    ("perda-deteksi-dini", ["disnaker_ntt", "imigrasi_kupang"], 200, 30_000_000, 5_000_000, 0),
    ("ran-koordinasi", ["dp3a_kupang"], 2, 15_000_000, 9_000_000, 0),
]


def _demo_plan(
    task_force: TaskForce, secretariat: User, agencies: dict[str, Agency], year: int
) -> None:
    from lentera.apps.coordination.models import PlanActivity

    services.plan_seed(actor=secretariat, task_force=task_force, year=year)
    for code, keys, target, budget, realisation, done in PLAN:
        activity = PlanActivity.objects.get(task_force=task_force, year=year, code=code)
        services.activity_update(
            actor=secretariat,
            activity=activity,
            version=activity.version,
            target=target,
            unit=activity.unit,
            budget=budget,
            realisation=realisation,
            done_typed=0 if activity.measure else done,
            agencies=[agencies[k] for k in keys if k in agencies],
        )


def _demo_report(task_force: TaskForce, secretariat: User, year: int) -> None:
    """The first semester's report, written and issued."""
    report = services.report_for(task_force=task_force, year=year, period="s1")
    services.narrative_save(
        actor=secretariat,
        report=report,
        narrative=(
            "Pada semester I gugus tugas mengadakan rapat koordinasi dan memulangkan korban "
            "setelah asesmen keluarga. Pengendalian mutasi penduduk dan penempatan tenaga kerja "
            "belum dilaksanakan; deteksi dini di posko El Tari dan Tenau mulai dicatat di Lentera."
        ),
        version=report.version,
    )
    services.report_issue(actor=secretariat, report=report, version=report.version)
