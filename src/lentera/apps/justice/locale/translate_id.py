"""Fill and compile the justice app's Indonesian catalogue (``id/LC_MESSAGES/django.po``).

Django reads an app's own ``locale`` folder after the project catalogue, so these strings show in
Indonesian until they are merged into ``src/lentera/locale``. After changing user-facing text:

    cd src/lentera/apps/justice && ../../../../.venv/bin/lentera manage makemessages -l id
    .venv/bin/python src/lentera/apps/justice/locale/translate_id.py

A translation comes from this dict, else from the project catalogue; placeholders are checked;
the script writes ``django.mo`` and exits 1 listing anything untranslated. Legal terms follow
``shared/docs/glossary.md`` (penyelidikan, penyidikan, sprindik, SPDP, tahap I/II, P-18/P-19/P-21,
dakwaan, tuntutan, putusan, banding, kasasi, inkracht).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent
PO_PATH = HERE / "id" / "LC_MESSAGES" / "django.po"
PROJECT_PO = HERE.parents[2] / "locale" / "id" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")

TRANSLATIONS: dict[str, str] = {
    # forms
    "Police report number": "Nomor laporan polisi",
    "Police report date": "Tanggal laporan polisi",
    "Prosecution office": "Kejaksaan",
    "Next stage": "Tahap berikutnya",
    "Date": "Tanggal",
    "Prosecutor's instructions (P-19)": "Petunjuk jaksa (P-19)",
    "No names of victims or witnesses.": "Jangan menulis nama korban atau saksi.",
    "Appeal decision notified on": "Putusan banding diberitahukan pada",
    "Step": "Tahap",
    "Articles": "Pasal",
    "Comma-separated, e.g. UU21/2007:2, UU21/2007:17. Empty: take them from the chosen "
    "qualification.": "Pisahkan dengan koma, mis. UU21/2007:2, UU21/2007:17. Kosong: diambil dari "
    "kualifikasi yang dipilih.",
    "Qualification snapshot": "Hasil kualifikasi",
    "Detaining authority": "Pejabat yang menahan",
    "Released or handed on": "Dibebaskan atau dilimpahkan",
    "Extension (days)": "Perpanjangan (hari)",
    "Exceptional extension, Pasal 29 (days)": "Perpanjangan khusus Pasal 29 (hari)",
    "Outcome": "Hasil",
    "Prison (months)": "Penjara (bulan)",
    "Restitution ordered (Rp)": "Restitusi yang diputus (Rp)",
    "Reason for dismissal": "Alasan penghentian",
    "Until": "Sampai",
    "The period ends before it starts.": "Periode berakhir sebelum dimulai.",
    "Default %(days)s days (%(basis)s, KUHAP 1981).": "Bawaan %(days)s hari (%(basis)s, KUHAP 1981).",
    "Stalled after (days without movement)": "Dianggap macet setelah (hari tanpa perkembangan)",
    "Default %(days)s days; applies to both codes.": "Bawaan %(days)s hari; berlaku untuk kedua "
    "KUHAP.",
    # models
    "suspect": "tersangka",
    "investigating police": "penyidik (kepolisian)",
    "prosecution office": "kejaksaan",
    "police report number": "nomor laporan polisi",
    "police report date": "tanggal laporan polisi",
    "procedure code": "hukum acara",
    "current stage": "tahap saat ini",
    "last movement": "perkembangan terakhir",
    "outcome date": "tanggal hasil",
    "prison (months)": "penjara (bulan)",
    "fine (Rp)": "denda (Rp)",
    "restitution ordered (Rp)": "restitusi yang diputus (Rp)",
    "reason for dismissal": "alasan penghentian",
    "proceeding": "proses hukum",
    "proceedings": "proses hukum",
    "stage": "tahap",
    "date": "tanggal",
    "decision notified on": "putusan diberitahukan pada",
    "For an appeal: when its decision was notified (starts the cassation window).": "Untuk "
    "banding: kapan putusannya diberitahukan (awal tenggat kasasi).",
    "prosecutor's instructions": "petunjuk jaksa",
    "For P-19: what the investigator must add. No names of victims or witnesses.": "Untuk P-19: "
    "apa yang harus dilengkapi penyidik. Jangan menulis nama korban atau saksi.",
    "step": "tahap",
    "articles": "pasal",
    "detaining authority": "pejabat yang menahan",
    "from": "dari",
    "released or handed on": "dibebaskan atau dilimpahkan",
    "extension (days)": "perpanjangan (hari)",
    "exceptional extension, Pasal 29 (days)": "perpanjangan khusus Pasal 29 (hari)",
    # services
    "Proceeding #%(id)s": "Proses hukum #%(id)s",
    "%(agency)s is not a prosecution office.": "%(agency)s bukan kejaksaan.",
    "Party #%(id)s is not a suspect in this case.": "Pihak #%(id)s bukan tersangka dalam kasus ini.",
    "%(agency)s is not a police unit.": "%(agency)s bukan satuan kepolisian.",
    "This suspect already has a proceeding.": "Tersangka ini sudah memiliki proses hukum.",
    "Unknown stage: %(stage)s": "Tahap tidak dikenal: %(stage)s",
    "The decision date must lie between the stage date and today.": "Tanggal putusan harus di "
    "antara tanggal tahap dan hari ini.",
    "P-19 needs the prosecutor's instructions.": "P-19 harus disertai petunjuk jaksa.",
    "The proceeding was dismissed.": "Proses hukum ini sudah dihentikan.",
    "%(stage)s cannot be dated %(on)s: %(current)s was recorded on %(then)s.": "%(stage)s tidak "
    "bisa bertanggal %(on)s: %(current)s dicatat pada %(then)s.",
    "%(stage)s cannot follow %(current)s. Possible next: %(next)s.": "%(stage)s tidak bisa "
    "menyusul %(current)s. Tahap berikutnya yang mungkin: %(next)s.",
    "Unknown step: %(step)s": "Tahap tidak dikenal: %(step)s",
    "Snapshot #%(id)s belongs to another case.": "Hasil kualifikasi #%(id)s milik kasus lain.",
    "Name at least one article.": "Sebutkan paling sedikit satu pasal.",
    "At most 20 articles.": "Paling banyak 20 pasal.",
    "Not an article reference: %(refs)s": "Bukan rujukan pasal: %(refs)s",
    "Unknown detaining authority.": "Pejabat yang menahan tidak dikenal.",
    "The end is before the start.": "Tanggal akhir sebelum tanggal mulai.",
    "At most %(days)s days at this stage.": "Paling lama %(days)s hari pada tingkat ini.",
    "The end must lie between the start and today.": "Tanggal akhir harus di antara tanggal "
    "mulai dan hari ini.",
    "The extension exceeds what the law allows at this stage.": "Perpanjangan melebihi batas "
    "undang-undang pada tingkat ini.",
    "Choose convicted, acquitted or dismissed.": "Pilih dipidana, dibebaskan, atau dihentikan.",
    "The date must lie between the police report and today.": "Tanggal harus di antara laporan "
    "polisi dan hari ini.",
    "Record the verdict stage first.": "Catat tahap putusan lebih dahulu.",
    "A proceeding with a verdict cannot be dismissed.": "Proses hukum yang sudah diputus tidak "
    "bisa dihentikan.",
    "Give the reason for the dismissal.": "Isi alasan penghentian.",
    "A conviction needs a prison term or a fine.": "Pemidanaan memerlukan pidana penjara atau "
    "denda.",
    "Must not be negative.": "Tidak boleh negatif.",
    "Only a conviction carries a sentence.": "Hanya pemidanaan yang memuat pidana.",
    "Enter a whole number of days.": "Isi jumlah hari dengan bilangan bulat.",
    "Between 1 and 400 days.": "Antara 1 dan 400 hari.",
    # pages
    "Proceeding": "Proses hukum",
    "Stage": "Tahap",
    "Last movement": "Perkembangan terakhir",
    "Prosecution": "Kejaksaan",
    "Deadlines": "Tenggat",
    "days": "hari",
    "stalled": "macet",
    "None.": "Tidak ada.",
    "Suspects' proceedings": "Proses hukum para tersangka",
    "Open a proceeding": "Buka proses hukum",
    "Open proceeding": "Buka proses hukum",
    "Every suspect of the case has a proceeding. Add suspects on the case file first.": "Setiap "
    "tersangka dalam kasus ini sudah memiliki proses hukum. Tambahkan tersangka di berkas kasus "
    "lebih dahulu.",
    "stalled: %(n)s days without movement": "macet: %(n)s hari tanpa perkembangan",
    "Investigating police": "Penyidik (kepolisian)",
    "Role in the network": "Peran dalam jaringan",
    "Dismissed": "Dihentikan",
    "Stages": "Tahapan",
    "decision notified": "putusan diberitahukan",
    "Instructions": "Petunjuk",
    "Record the next stage": "Catat tahap berikutnya",
    "Deadline": "Tenggat",
    "Due": "Jatuh tempo",
    "Basis": "Dasar hukum",
    "days left": "hari lagi",
    "No deadline running.": "Tidak ada tenggat yang berjalan.",
    "Detention": "Penahanan",
    "Authority": "Pejabat",
    "Extensions": "Perpanjangan",
    "Last lawful day": "Hari terakhir yang sah",
    "Released on": "Dibebaskan pada",
    "Exceptional extension (days)": "Perpanjangan khusus (hari)",
    "Update": "Perbarui",
    "Not detained.": "Tidak ditahan.",
    "Record a detention": "Catat penahanan",
    "Charges": "Pasal yang disangkakan/didakwakan",
    "from the qualification of": "dari kualifikasi tanggal",
    "No charges recorded.": "Belum ada pasal yang dicatat.",
    "Record charges": "Catat pasal",
    "months": "bulan",
    "Fine": "Denda",
    "Restitution ordered": "Restitusi yang diputus",
    "Not decided.": "Belum diputus.",
    "Record the outcome": "Catat hasil",
    "Stalled and overdue": "Macet dan lewat tenggat",
    "Statistics": "Statistik",
    "A proceeding is stalled after %(n)s days without a new stage. Open a proceeding from the "
    "case's proceedings page.": "Proses hukum dianggap macet setelah %(n)s hari tanpa tahap baru. "
    "Buka proses hukum dari halaman proses hukum kasus.",
    "Stalled": "Macet",
    "My proceedings": "Proses hukum saya",
    "Deadline settings": "Pengaturan tenggat",
    "These periods apply to proceedings under KUHAP 2025 (police report on or after 2 January "
    "2026). They are not verified against the text of UU 20/2025; the defaults are the KUHAP 1981 "
    "periods. KUHAP 1981 periods are fixed.": "Jangka waktu ini berlaku untuk proses hukum menurut "
    "KUHAP 2025 (laporan polisi sejak 2 Januari 2026). Belum diverifikasi terhadap teks UU "
    "20/2025; nilai bawaannya jangka waktu KUHAP 1981. Jangka waktu KUHAP 1981 tetap.",
    "Stalled and overdue proceedings": "Proses hukum yang macet dan lewat tenggat",
    "Open proceedings with no new stage for more than %(n)s days, or with a legal deadline "
    "passed, across the agencies you may see.": "Proses hukum berjalan tanpa tahap baru lebih dari "
    "%(n)s hari, atau yang tenggat hukumnya terlewati, di semua instansi yang boleh Anda lihat.",
    "Proceedings statistics": "Statistik proses hukum",
    "Internal figures: exact counts, not suppressed. Do not publish without small-cell "
    "suppression.": "Angka internal: jumlah persis, tidak disamarkan. Jangan dipublikasikan tanpa "
    "penyamaran sel kecil.",
    "Police reports and where they stand at the end of the period": "Laporan polisi dan posisinya "
    "pada akhir periode",
    "Police reports": "Laporan polisi",
    "In inquiry": "Penyelidikan",
    "In investigation": "Penyidikan",
    "In investigation, file returned (P-19)": "Penyidikan, berkas dikembalikan (P-19)",
    "With the prosecutor or in court (P-21 and later)": "Di kejaksaan atau pengadilan (P-21 dan "
    "sesudahnya)",
    "Decided": "Diputus",
    "Law enforcement figures (US TIP report style)": "Angka penegakan hukum (gaya laporan TIP AS)",
    "Suspects investigated": "Tersangka disidik",
    "Suspects prosecuted": "Tersangka dituntut",
    "Convicted": "Dipidana",
    "Acquitted": "Dibebaskan",
    "Officials investigated / prosecuted / convicted": "Pejabat disidik / dituntut / dipidana",
    "Prison sentences of those convicted": "Pidana penjara terpidana",
    "Stage recorded: %(stage)s.": "Tahap dicatat: %(stage)s.",
    "Charges recorded.": "Pasal dicatat.",
    "Detention recorded.": "Penahanan dicatat.",
    "Detention updated.": "Penahanan diperbarui.",
    "Outcome recorded.": "Hasil dicatat.",
    "Proceeding opened.": "Proses hukum dibuka.",
    "Deadline settings saved.": "Pengaturan tenggat disimpan.",
    # vocabulary
    "Police report (LP)": "Laporan polisi (LP)",
    "Inquiry (penyelidikan)": "Penyelidikan",
    "Investigation order (sprindik)": "Surat perintah penyidikan (sprindik)",
    "SPDP sent to the prosecutor": "SPDP dikirim ke jaksa",
    "File sent to the prosecutor (tahap I)": "Berkas tahap I dikirim ke jaksa",
    "P-18: file incomplete": "P-18: berkas belum lengkap",
    "P-19: file returned with instructions": "P-19: berkas dikembalikan dengan petunjuk",
    "P-21: file complete": "P-21: berkas lengkap",
    "Suspect and evidence handed over (tahap II)": "Tahap II: penyerahan tersangka dan barang bukti",
    "Indictment (dakwaan)": "Dakwaan",
    "Prosecution demand (tuntutan)": "Tuntutan",
    "Verdict (putusan)": "Putusan",
    "Appeal (banding)": "Banding",
    "Cassation (kasasi)": "Kasasi",
    "Final and binding (inkracht)": "Berkekuatan hukum tetap (inkracht)",
    "KUHAP 1981 (UU 8/1981)": "KUHAP 1981 (UU 8/1981)",
    "KUHAP 2025 (UU 20/2025)": "KUHAP 2025 (UU 20/2025)",
    "District court": "Pengadilan negeri",
    "High court (appeal)": "Pengadilan tinggi (banding)",
    "Supreme Court (cassation)": "Mahkamah Agung (kasasi)",
    "Not decided": "Belum diputus",
    "Dismissed (investigation or prosecution stopped)": "Dihentikan (SP3 atau SKPP)",
    "Investigation (articles alleged)": "Penyidikan (pasal yang disangkakan)",
    "Indictment": "Dakwaan",
    "Prosecution demand": "Tuntutan",
    "Verdict (articles proven)": "Putusan (pasal yang terbukti)",
    "SPDP to the prosecutor": "SPDP ke jaksa",
    "Prosecutor's review of the file": "Penelitian berkas oleh jaksa",
    "File back to the prosecutor after P-19": "Berkas kembali ke jaksa setelah P-19",
    "Appeal window": "Tenggat banding",
    "Cassation window": "Tenggat kasasi",
    "met on time": "tepat waktu",
    "met late": "terlambat",
    "window closed": "tenggat lewat",
    "SPDP after the investigation order": "SPDP setelah sprindik",
    "Prosecutor's review after file stage I": "Penelitian jaksa setelah berkas tahap I",
    "File back after P-19": "Berkas kembali setelah P-19",
    "Appeal after the verdict": "Banding setelah putusan",
    "Cassation after the appeal decision": "Kasasi setelah putusan banding",
    "Detention by the investigator": "Penahanan oleh penyidik",
    "Extension at the investigator's request": "Perpanjangan atas permintaan penyidik",
    "Detention by the prosecutor": "Penahanan oleh penuntut umum",
    "Extension at the prosecutor's request": "Perpanjangan atas permintaan penuntut umum",
    "Detention by the district court": "Penahanan oleh hakim pengadilan negeri",
    "District court extension": "Perpanjangan oleh ketua pengadilan negeri",
    "Detention by the high court (appeal)": "Penahanan oleh hakim pengadilan tinggi (banding)",
    "High court extension": "Perpanjangan oleh ketua pengadilan tinggi",
    "Detention by the Supreme Court (cassation)": "Penahanan oleh hakim agung (kasasi)",
    "Supreme Court extension": "Perpanjangan oleh Ketua Mahkamah Agung",
    "Exceptional extension (Pasal 29)": "Perpanjangan khusus (Pasal 29)",
    "No prison term": "Tanpa pidana penjara",
    "Under 3 years": "Kurang dari 3 tahun",
    "3 to under 5 years": "3 sampai kurang dari 5 tahun",
    "5 to under 10 years": "5 sampai kurang dari 10 tahun",
    "10 years or more": "10 tahun atau lebih",
}


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def main() -> int:
    po = polib.pofile(str(PO_PATH))
    project = {
        e.msgid: e.msgstr for e in polib.pofile(str(PROJECT_PO)) if e.msgstr and not e.msgctxt
    }
    po.header = "Indonesian translation of the Lentera justice app.\nFilled by translate_id.py."
    po.metadata.update(
        {
            "Project-Id-Version": "lentera",
            "Language": "id",
            "Language-Team": "Indonesian",
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
    )
    po.metadata_is_fuzzy = False
    missing: list[str] = []
    problems: list[str] = []
    for entry in po:
        if entry.obsolete:
            continue
        value = TRANSLATIONS.get(entry.msgid) or project.get(entry.msgid)
        if not value:
            missing.append(entry.msgid)
            continue
        if placeholders(value) != placeholders(entry.msgid):
            problems.append(f"placeholders differ: {entry.msgid!r}")
        entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    for message in problems + [f"untranslated: {m!r}" for m in missing]:
        print(message, file=sys.stderr)
    if problems or missing:
        return 1
    po.save(str(PO_PATH))
    po.save_as_mofile(str(PO_PATH.with_suffix(".mo")))
    print(f"{len(po)} entries, compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
