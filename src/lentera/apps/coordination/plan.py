"""The work-plan catalogue (RAD): the national action plan's areas for every task force, and the
activities Perda Kota Kupang 3/2019 requires of Kupang's task force.

(code, area, source, name, what Lentera counts, unit)
"""

from __future__ import annotations

from lentera.apps.coordination.vocab import Measure, PlanArea, PlanSource

Entry = tuple[str, PlanArea, PlanSource, str, Measure, str]

RAN: list[Entry] = [
    (
        "ran-pencegahan",
        PlanArea.PREVENTION,
        PlanSource.RAN,
        "Pencegahan dan partisipasi anak",
        Measure.NONE,
        "kegiatan",
    ),
    (
        "ran-rehabilitasi-kesehatan",
        PlanArea.HEALTH,
        PlanSource.RAN,
        "Rehabilitasi kesehatan korban",
        Measure.NONE,
        "korban",
    ),
    (
        "ran-rehabilitasi-sosial",
        PlanArea.SOCIAL,
        PlanSource.RAN,
        "Rehabilitasi sosial, pemulangan dan reintegrasi sosial",
        Measure.RETURNS_COMPLETED,
        "korban dipulangkan",
    ),
    (
        "ran-norma-hukum",
        PlanArea.LEGAL_NORMS,
        PlanSource.RAN,
        "Pengembangan norma hukum",
        Measure.NONE,
        "peraturan",
    ),
    (
        "ran-penegakan-hukum",
        PlanArea.LAW_ENFORCEMENT,
        PlanSource.RAN,
        "Penegakan hukum",
        Measure.POLICE_REPORTS,
        "laporan polisi",
    ),
    (
        "ran-koordinasi",
        PlanArea.COORDINATION,
        PlanSource.RAN,
        "Koordinasi dan kerja sama",
        Measure.MEETINGS_HELD,
        "rapat",
    ),
]

#: Perda Kota Kupang 3/2019. The last three were found never carried out.
KUPANG: list[Entry] = [
    (
        "perda-sosialisasi",
        PlanArea.PREVENTION,
        PlanSource.PERDA,
        "Sosialisasi",
        Measure.NONE,
        "kegiatan",
    ),
    (
        "perda-pendidikan-pelatihan",
        PlanArea.PREVENTION,
        PlanSource.PERDA,
        "Pendidikan dan pelatihan",
        Measure.NONE,
        "pelatihan",
    ),
    (
        "perda-penegakan-hukum",
        PlanArea.LAW_ENFORCEMENT,
        PlanSource.PERDA,
        "Penegakan hukum",
        Measure.POLICE_REPORTS,
        "laporan polisi",
    ),
    (
        "perda-pemulangan",
        PlanArea.SOCIAL,
        PlanSource.PERDA,
        "Pemulangan korban",
        Measure.RETURNS_COMPLETED,
        "korban dipulangkan",
    ),
    (
        "perda-mutasi-penduduk",
        PlanArea.PREVENTION,
        PlanSource.PERDA,
        "Pengendalian administrasi mutasi dan migrasi penduduk",
        Measure.NONE,
        "kegiatan",
    ),
    (
        "perda-penempatan-tenaga-kerja",
        PlanArea.PREVENTION,
        PlanSource.PERDA,
        "Pengendalian penempatan tenaga kerja",
        Measure.NONE,
        "kegiatan",
    ),
    (
        "perda-deteksi-dini",
        PlanArea.PREVENTION,
        PlanSource.PERDA,
        "Deteksi dini",
        Measure.DEPARTURE_SCREENINGS,
        "pemeriksaan keberangkatan",
    ),
]

KUPANG_BASIS = "Perda Kota Kupang 3/2019"


def catalogue(legal_basis: str) -> list[Entry]:
    """The activities a task force starts its plan with."""
    return RAN + (KUPANG if KUPANG_BASIS.lower() in legal_basis.lower() else [])
