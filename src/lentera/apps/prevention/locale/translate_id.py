"""Fill and compile the prevention app's Indonesian catalogue (``id/LC_MESSAGES/django.po``).

Django reads an app's own ``locale`` folder after the project catalogue, so these strings show in
Indonesian until they are merged into ``src/lentera/locale``. Re-runnable: after

    cd src/lentera/apps/prevention && ../../../../.venv/bin/lentera manage makemessages -l id

add the new msgids below and run

    .venv/bin/python src/lentera/apps/prevention/locale/translate_id.py

It takes a translation from this dict, else from the project catalogue, checks placeholders,
writes ``django.mo`` and exits 1 listing any msgid still untranslated. Terms follow
``shared/docs/glossary.md`` (complaint → pengaduan, agency → instansi, posko, calo, P3MI).
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
    # --- API ---------------------------------------------------------------------------------
    "Send one JSON object.": "Kirim satu objek JSON.",
    "Unknown language; expected id or en.": "Bahasa tidak dikenal; gunakan id atau en.",
    "Unknown field.": "Kolom tidak dikenal.",
    "Required, as a string.": "Wajib diisi, berupa teks.",
    "Must be a string.": "Harus berupa teks.",
    "Must be a date or date and time (ISO 8601).": "Harus berupa tanggal atau tanggal dan jam "
    "(ISO 8601).",
    "Too many checks from this connection; wait a few minutes.": (
        "Terlalu banyak pengecekan dari koneksi ini; tunggu beberapa menit."
    ),
    "At most 5000 characters.": "Paling banyak 5000 karakter.",
    "Must be a date YYYY-MM-DD.": "Harus berupa tanggal TTTT-BB-HH.",
    # --- App, forms --------------------------------------------------------------------------
    "Prevention and early detection": "Pencegahan dan deteksi dini",
    "Not asked": "Tidak ditanyakan",
    "Paste the job offer, post or chat message": (
        "Tempel lowongan kerja, unggahan, atau pesan chat"
    ),
    "Nothing you paste is saved. Leave out your own name and phone number.": (
        "Teks yang Anda tempel tidak disimpan. Jangan sertakan nama dan nomor telepon Anda sendiri."
    ),
    "Text of the offer, post or message": "Teks lowongan, unggahan, atau pesan",
    "Where it was found": "Ditemukan di",
    "Link": "Tautan",
    "Found on": "Tanggal ditemukan",
    "CSV or JSON Lines file": "Berkas CSV atau JSON Lines",
    "Columns or fields: text (required), source, url, id. Every line is checked first; if one "
    "is wrong, nothing is imported.": (
        "Kolom: text (wajib), source, url, id. Setiap baris diperiksa lebih dulu; jika ada yang "
        "salah, tidak ada yang diimpor."
    ),
    "Open (new or watching)": "Terbuka (baru atau dipantau)",
    "Source": "Sumber",
    "Watch": "Pantau",
    "Dismiss": "Abaikan",
    "Back to new": "Kembalikan ke baru",
    "Traveller's name": "Nama pelaku perjalanan",
    "Leave empty to use the name recorded at the interview.": (
        "Kosongkan untuk memakai nama yang dicatat saat wawancara."
    ),
    "Yes": "Ya",
    "No": "Tidak",
    "Post": "Posko",
    "Departure date": "Tanggal keberangkatan",
    "Destination country": "Negara tujuan",
    "Purpose of the trip, as the traveller says": "Tujuan perjalanan menurut pelaku perjalanan",
    "Age (from documents)": "Umur (menurut dokumen)",
    "Written consent of a parent or guardian": "Izin tertulis orang tua atau wali",
    "Only for travellers under 18.": "Hanya untuk pelaku perjalanan di bawah 18 tahun.",
    "Expects to work at the destination": "Akan bekerja di tempat tujuan",
    "Kind of work": "Jenis pekerjaan",
    "Can name the employer and its address": "Dapat menyebut nama dan alamat pemberi kerja",
    "Has seen or signed an employment contract": (
        "Sudah melihat atau menandatangani perjanjian kerja"
    ),
    "Salary promised (Rp per month)": "Gaji yang dijanjikan (Rp per bulan)",
    "Registered as a migrant worker": "Terdaftar sebagai pekerja migran",
    "With a licensed agency or the government (migrant-worker ID card).": (
        "Melalui P3MI berizin atau pemerintah (memiliki kartu identitas PMI)."
    ),
    "Who arranged the job or the trip": "Siapa yang mengurus pekerjaan atau perjalanan",
    "Fees paid to a recruiter (Rp)": "Biaya yang dibayar kepada perekrut (Rp)",
    "Ticket or papers paid by someone who expects the money back": (
        "Tiket atau dokumen dibayari orang yang meminta uangnya kembali"
    ),
    "Visa": "Visa",
    "Holds own passport and ID card": "Memegang paspor dan KTP sendiri",
    "Travels with someone who answers for them or holds their papers": (
        "Didampingi orang yang menjawab untuknya atau memegang dokumennya"
    ),
    "Travelling with how many others recruited the same way": (
        "Berangkat bersama berapa orang lain yang direkrut dengan cara yang sama"
    ),
    "Answers contradict the documents or each other": (
        "Jawaban bertentangan dengan dokumen atau satu sama lain"
    ),
    "Holds a return or onward ticket": "Memegang tiket pulang atau lanjutan",
    "Post and trip": "Posko dan perjalanan",
    "Traveller": "Pelaku perjalanan",
    "Under 18": "Di bawah 18 tahun",
    "Work at the destination": "Pekerjaan di tempat tujuan",
    "Papers and travel": "Dokumen dan perjalanan",
    "Identity (optional)": "Identitas (tidak wajib)",
    "Destination": "Tujuan",
    "Why do you need the identity?": "Untuk keperluan apa Anda melihat identitas?",
    "Explanation": "Penjelasan",
    # --- Import ------------------------------------------------------------------------------
    "line %(line)s, field '%(field)s'": "baris %(line)s, kolom '%(field)s'",
    "line %(line)s": "baris %(line)s",
    "is longer than %(n)s characters": "lebih dari %(n)s karakter",
    "is not a web address (http or https)": "bukan alamat web (http atau https)",
    "unknown column; expected text, source, url, id": (
        "kolom tidak dikenal; yang diterima: text, source, url, id"
    ),
    "must be text": "harus berupa teks",
    "unknown source '%(value)s'; expected one of %(codes)s": (
        "sumber '%(value)s' tidak dikenal; gunakan salah satu dari %(codes)s"
    ),
    "is required": "wajib diisi",
    "The file is larger than %(n)s MB.": "Berkas lebih besar dari %(n)s MB.",
    "The file is not UTF-8 text.": "Berkas bukan teks UTF-8.",
    "is not valid JSON": "bukan JSON yang sah",
    "is not a JSON object": "bukan objek JSON",
    "the header has no column 'text'": "baris judul tidak memuat kolom 'text'",
    "has more values than the header has columns": "memuat lebih banyak nilai daripada kolom",
    "cannot be read as CSV (%(error)s)": "tidak dapat dibaca sebagai CSV (%(error)s)",
    "the file": "berkas",
    "holds characters that are not UTF-8; save the file as CSV UTF-8": (
        "memuat karakter yang bukan UTF-8; simpan berkas sebagai CSV UTF-8"
    ),
    "the file is empty; a header line is needed": "berkas kosong; baris judul diperlukan",
    "the header names the column '%(column)s' twice": (
        "baris judul memuat kolom '%(column)s' dua kali"
    ),
    "a quoted value starts on this line and is never closed": (
        "nilai bertanda kutip dimulai di baris ini dan tidak pernah ditutup"
    ),
    "has %(found)s values but the header has %(expected)s columns": (
        "memuat %(found)s nilai, padahal baris judul memuat %(expected)s kolom"
    ),
    "has a value in a column without a name in the header": (
        "memuat nilai di kolom yang tidak bernama di baris judul"
    ),
    "The file holds no offers.": "Berkas tidak memuat lowongan.",
    "At most %(n)s offers per file; split the file.": (
        "Paling banyak %(n)s lowongan per berkas; bagi berkasnya."
    ),
    # --- Models ------------------------------------------------------------------------------
    "screened by": "diperiksa oleh",
    "screened": "diperiksa",
    "identifier in the source file": "pengenal dalam berkas sumber",
    "text of the offer": "teks lowongan",
    "address (link)": "alamat (tautan)",
    "screening result": "hasil pemeriksaan",
    "source": "sumber",
    "found": "ditemukan",
    "risk": "risiko",
    "red flags": "tanda bahaya",
    "official warning": "imbauan resmi",
    "model version": "versi model",
    "triaged by": "ditriase oleh",
    "triaged": "ditriase",
    "complaint": "pengaduan",
    "job-offer screening": "pemeriksaan lowongan kerja",
    "job-offer screenings": "pemeriksaan lowongan kerja",
    "officer": "petugas",
    "post": "posko",
    "departure date": "tanggal keberangkatan",
    "age": "umur",
    "destination country": "negara tujuan",
    "stated purpose": "tujuan yang disebutkan",
    "expects to work": "akan bekerja",
    "kind of work": "jenis pekerjaan",
    "can name the employer": "dapat menyebut pemberi kerja",
    "has seen a contract": "sudah melihat perjanjian kerja",
    "salary promised (Rp/month)": "gaji yang dijanjikan (Rp/bulan)",
    "visa": "visa",
    "registered as a migrant worker": "terdaftar sebagai pekerja migran",
    "recruited by": "direkrut oleh",
    "fees paid (Rp)": "biaya yang dibayar (Rp)",
    "costs paid by the recruiter": "biaya dibayari perekrut",
    "holds own documents": "memegang dokumen sendiri",
    "accompanied by a handler": "didampingi pengantar",
    "travelling with": "berangkat bersama",
    "story inconsistent": "keterangan tidak konsisten",
    "parental consent": "izin orang tua",
    "return ticket": "tiket pulang",
    "actions": "tindakan",
    "rules version": "versi aturan",
    "traveller's name": "nama pelaku perjalanan",
    "traveller's NIK": "NIK pelaku perjalanan",
    "traveller's phone": "telepon pelaku perjalanan",
    "case": "kasus",
    "departure screening": "pemeriksaan keberangkatan",
    "departure screenings": "pemeriksaan keberangkatan",
    # --- Services ----------------------------------------------------------------------------
    "Unknown source.": "Sumber tidak dikenal.",
    "At most 100 characters.": "Paling banyak 100 karakter.",
    "The date it was found is in the future.": "Tanggal ditemukan ada di masa depan.",
    "%(n)s offers imported": "%(n)s lowongan diimpor",
    "A complaint was opened for this offer; its status stays.": (
        "Pengaduan sudah dibuat untuk lowongan ini; statusnya tidak dapat diubah."
    ),
    "Your role does not register complaints; ask an intake officer.": (
        "Peran Anda tidak dapat mendaftarkan pengaduan; mintalah petugas penerima pengaduan."
    ),
    "A complaint was already opened for this offer.": (
        "Pengaduan untuk lowongan ini sudah dibuat."
    ),
    "Job offer screened in the monitoring queue (#%(id)s): %(level)s, risk %(risk)s.": (
        "Lowongan kerja diperiksa dalam antrean pemantauan (#%(id)s): %(level)s, risiko %(risk)s."
    ),
    "Source: %(source)s": "Sumber: %(source)s",
    "Address: %(url)s": "Alamat: %(url)s",
    "Red flags: %(flags)s": "Tanda bahaya: %(flags)s",
    "Officer's note: %(note)s": "Catatan petugas: %(note)s",
    "This NIK is not valid (16 digits).": "NIK ini tidak sah (16 digit).",
    "Name the post (e.g. El Tari, Tenau).": "Sebutkan poskonya (misalnya El Tari, Tenau).",
    "Departure screened at %(post)s on %(date)s: %(level)s (risk %(risk)s).": (
        "Keberangkatan diperiksa di %(post)s pada %(date)s: %(level)s (risiko %(risk)s)."
    ),
    "Actions: %(actions)s": "Tindakan: %(actions)s",
    "unknown destination": "tujuan tidak diketahui",
    "Departure stopped at %(post)s on %(date)s, to %(country)s": (
        "Keberangkatan ditahan di %(post)s pada %(date)s, tujuan %(country)s"
    ),
    "Your agency has no region: a case cannot be opened from here.": (
        "Instansi Anda tidak memiliki wilayah: kasus tidak dapat dibuka dari sini."
    ),
    "Enter the traveller's name (an alias will do) to open a case.": (
        "Isi nama pelaku perjalanan (nama panggilan pun boleh) untuk membuka kasus."
    ),
    "A case was already opened from this screening.": ("Kasus dari pemeriksaan ini sudah dibuka."),
    "A complaint was already opened from this screening.": (
        "Pengaduan dari pemeriksaan ini sudah dibuat."
    ),
    # --- Templates ---------------------------------------------------------------------------
    "Red flags found": "Tanda bahaya yang ditemukan",
    "No red flag was found in this text.": "Tidak ditemukan tanda bahaya dalam teks ini.",
    "The text, with the words that raised a flag marked": (
        "Teksnya, dengan kata-kata yang memicu tanda bahaya ditandai"
    ),
    "What to check and what to do": "Yang perlu dicek dan dilakukan",
    "The check points at risk; it does not prove anything. A low result never means an offer is "
    "safe: check the company and never pay up front.": (
        "Pengecekan ini menunjukkan risiko, bukan bukti. Hasil rendah tidak berarti lowongan "
        "pasti aman: cek perusahaannya dan jangan pernah membayar di muka."
    ),
    "Shown to you for the reason you gave; this access has been recorded.": (
        "Ditampilkan untuk keperluan yang Anda sebutkan; akses ini telah dicatat."
    ),
    "Show the traveller's identity (recorded)": "Tampilkan identitas pelaku perjalanan (dicatat)",
    "Departure screening": "Pemeriksaan keberangkatan",
    "What to do, most urgent first": "Yang harus dilakukan, dari yang paling mendesak",
    "Why": "Alasan",
    "No warning sign in the answers.": "Tidak ada tanda bahaya dalam jawaban.",
    "Follow-up": "Tindak lanjut",
    "Case opened": "Kasus dibuka",
    "Complaint registered": "Pengaduan terdaftar",
    "Open a case led by your agency, with the traveller registered as a victim.": (
        "Buka kasus yang ditangani instansi Anda, dengan pelaku perjalanan dicatat sebagai korban."
    ),
    "Open a case": "Buka kasus",
    "Register a complaint (posko referral) with this screening, for the agencies that handle "
    "complaints.": (
        "Daftarkan pengaduan (rujukan posko) dengan pemeriksaan ini, untuk instansi yang "
        "menangani pengaduan."
    ),
    "Open a complaint": "Buat pengaduan",
    "Screen the next traveller": "Periksa pelaku perjalanan berikutnya",
    "Interview": "Wawancara",
    "Screened": "Diperiksa",
    "Rules": "Aturan",
    "Screenings of the post": "Daftar pemeriksaan posko",
    "Screen a traveller": "Periksa pelaku perjalanan",
    "Ask what you can; leave a question on “Not asked” when you could not ask it.": (
        "Tanyakan yang bisa ditanyakan; biarkan pada “Tidak ditanyakan” bila tidak sempat "
        "ditanyakan."
    ),
    "Only when you will open a case or a complaint. Stored encrypted; only your agency can see "
    "it, and each look is recorded.": (
        "Hanya bila Anda akan membuka kasus atau pengaduan. Disimpan terenkripsi; hanya instansi "
        "Anda yang dapat melihatnya, dan setiap akses dicatat."
    ),
    "Screen": "Periksa",
    "Departure screenings": "Pemeriksaan keberangkatan",
    "Age": "Umur",
    "First action": "Tindakan pertama",
    "No screenings found.": "Tidak ada pemeriksaan.",
    "travellers screened today": "pelaku perjalanan diperiksa hari ini",
    "Job-offer monitoring": "Pemantauan lowongan kerja",
    "open offers at high risk": "lowongan terbuka berisiko tinggi",
    "Open the queue": "Buka antrean",
    "Import a file": "Impor berkas",
    "For the public": "Untuk masyarakat",
    "Citizens can check a job offer themselves, without an account. Share the address:": (
        "Masyarakat dapat mengecek lowongan kerja sendiri, tanpa akun. Bagikan alamat ini:"
    ),
    "Screen an offer": "Periksa lowongan",
    "Screen and add to the queue": "Periksa dan masukkan ke antrean",
    "Back to the queue": "Kembali ke antrean",
    "Job offer": "Lowongan kerja",
    "Found": "Ditemukan",
    "Identifier in the file": "Pengenal dalam berkas",
    "Complaint": "Pengaduan",
    "The text may name people; showing it to you has been recorded.": (
        "Teks ini bisa memuat nama orang; penampilannya kepada Anda telah dicatat."
    ),
    "Triage": "Triase",
    "Mark for a complaint": "Tandai untuk pengaduan",
    "A complaint was opened for this offer.": "Pengaduan sudah dibuat untuk lowongan ini.",
    "Red flags": "Tanda bahaya",
    "The text and its link are shown only to the agency that screened it.": (
        "Teks dan tautannya hanya ditampilkan kepada instansi yang memeriksanya."
    ),
    "Import job offers": "Impor lowongan kerja",
    "A CSV file with a header line, or a JSON Lines file (one JSON object per line). Each offer "
    "is screened and added to your agency's queue.": (
        "Berkas CSV dengan baris judul, atau berkas JSON Lines (satu objek JSON per baris). "
        "Setiap lowongan diperiksa dan dimasukkan ke antrean instansi Anda."
    ),
    "Check and import": "Periksa dan impor",
    "Import a CSV or JSON Lines file": "Impor berkas CSV atau JSON Lines",
    "Risk": "Risiko",
    "No offers found.": "Tidak ada lowongan.",
    "Check a job offer": "Cek lowongan kerja",
    "Offered well-paid work abroad, with no experience needed and the ticket paid? Paste the "
    "advertisement, post or chat message here to see the warning signs of trafficking and fake "
    "recruitment.": (
        "Ditawari kerja bergaji besar di luar negeri, tanpa pengalaman, tiket ditanggung? Tempel "
        "iklan, unggahan, atau pesan chat-nya di sini untuk melihat tanda bahaya perdagangan "
        "orang dan lowongan palsu."
    ),
    "Check this offer": "Cek lowongan ini",
    "Report this offer": "Laporkan lowongan ini",
    "Nothing you pasted has been saved. If you want officers to look into this offer, you can "
    "send it as a report; you choose what else to tell them.": (
        "Teks yang Anda tempel tidak disimpan. Jika Anda ingin petugas menindaklanjuti lowongan "
        "ini, kirimkan sebagai laporan; Anda yang menentukan apa lagi yang ingin disampaikan."
    ),
    "Go to the report form": "Buka formulir laporan",
    "How to check that a recruiter is licensed": "Cara mengecek perekrut resmi",
    "Only a licensed placement company (P3MI) or the government may send workers abroad. Ask "
    "for the company's full name and its licence (SIP3MI) and recruitment permit (SIP2MI).": (
        "Hanya perusahaan penempatan berizin (P3MI) atau pemerintah yang boleh memberangkatkan "
        "pekerja ke luar negeri. Tanyakan nama lengkap perusahaan, izinnya (SIP3MI), dan surat "
        "izin perekrutannya (SIP2MI)."
    ),
    "Look the company and the job up on SISKOP2MI, the government's migrant-worker system, or "
    "ask at the manpower office (Disnaker), BP3MI or the one-stop service (LTSA-PMI) near you.": (
        "Cek perusahaan dan lowongannya di SISKOP2MI, sistem pekerja migran milik pemerintah, "
        "atau tanyakan ke Dinas Tenaga Kerja (Disnaker), BP3MI, atau LTSA-PMI terdekat."
    ),
    "For a job in Indonesia, ask the manpower office of the regency or city where the company "
    "is.": (
        "Untuk pekerjaan di dalam negeri, tanyakan ke Dinas Tenaga Kerja kabupaten/kota tempat "
        "perusahaan berada."
    ),
    "A lawful departure has a work visa, a signed contract, a medical check, training and a "
    "migrant-worker ID card. Placement fees may not be charged to the worker.": (
        "Keberangkatan resmi memakai visa kerja, perjanjian kerja yang ditandatangani, "
        "pemeriksaan kesehatan, pelatihan, dan kartu identitas PMI. Biaya penempatan tidak boleh "
        "dibebankan kepada pekerja."
    ),
    "Never hand over your passport or ID card, and tell your family where you are going.": (
        "Jangan pernah menyerahkan paspor atau KTP Anda, dan beri tahu keluarga ke mana Anda pergi."
    ),
    "Where to report": "Tempat melapor",
    "Police": "Polisi",
    "or the nearest police station": "atau kantor polisi terdekat",
    "women and children": "perempuan dan anak",
    "migrant workers, toll-free": "pekerja migran, bebas pulsa",
    "The online report form of the task force": "Formulir laporan daring gugus tugas",
    # --- Views -------------------------------------------------------------------------------
    "Parental consent": "Izin orang tua",
    "Expects to work": "Akan bekerja",
    "Knows the employer": "Mengetahui pemberi kerja",
    "Has seen a contract": "Sudah melihat perjanjian kerja",
    "Salary promised": "Gaji yang dijanjikan",
    "Recruited by": "Direkrut oleh",
    "Fees paid": "Biaya yang dibayar",
    "Costs paid by the recruiter": "Biaya dibayari perekrut",
    "Holds own documents": "Memegang dokumen sendiri",
    "With a handler": "Didampingi pengantar",
    "Travelling with": "Berangkat bersama",
    "Story inconsistent": "Keterangan tidak konsisten",
    "Return ticket": "Tiket pulang",
    "Case %(ref)s opened with the traveller as a victim.": (
        "Kasus %(ref)s dibuka dengan pelaku perjalanan sebagai korban."
    ),
    "Complaint %(code)s registered from this screening.": (
        "Pengaduan %(code)s didaftarkan dari pemeriksaan ini."
    ),
    "Offer screened: %(level)s.": "Lowongan diperiksa: %(level)s.",
    "%(n)s offers imported and screened; %(high)s at high risk.": (
        "%(n)s lowongan diimpor dan diperiksa; %(high)s berisiko tinggi."
    ),
    "Status saved.": "Status disimpan.",
    "Choose a status.": "Pilih status.",
    "Complaint %(code)s registered with this offer.": (
        "Pengaduan %(code)s didaftarkan dengan lowongan ini."
    ),
    "Marked for a complaint.": "Ditandai untuk pengaduan.",
    "Too many checks from this connection. Please wait a few minutes, or call SAPA 129.": (
        "Terlalu banyak pengecekan dari koneksi ini. Tunggu beberapa menit, atau hubungi SAPA 129."
    ),
    "Job offer I checked on the Lentera job-check page:": (
        "Lowongan kerja yang saya cek di halaman Cek Lowongan Lentera:"
    ),
    # --- Vocabularies ------------------------------------------------------------------------
    "High risk": "Risiko tinggi",
    "Needs checking": "Perlu dicek",
    "Low risk": "Risiko rendah",
    "New": "Baru",
    "Watching": "Dipantau",
    "Dismissed": "Diabaikan",
    "Complaint opened": "Pengaduan dibuat",
    "Website": "Situs web",
    "Pay too high": "Gaji terlalu tinggi",
    "No skills needed": "Tanpa syarat keahlian",
    "Few documents": "Dokumen seadanya",
    "Costs covered": "Biaya ditanggung",
    "Fee or debt": "Biaya atau utang",
    "Tourist or visit visa": "Visa turis atau kunjungan",
    "Risky destination": "Tujuan berisiko",
    "Scam job role": "Pekerjaan modus penipuan",
    "Urgent departure": "Berangkat terburu-buru",
    "Private channel only": "Hanya lewat chat pribadi",
    "Unlicensed recruiter": "Perekrut tidak resmi",
    "Transit route": "Rute transit",
    "Aimed at children": "Menyasar anak",
    "Sexual services": "Layanan seksual",
    "Documents kept": "Dokumen ditahan",
    "Secrecy": "Diminta merahasiakan",
    "Vague employer": "Pemberi kerja tidak jelas",
    "Refer to child protection services": "Rujuk ke layanan perlindungan anak",
    "Ask immigration to delay the departure": "Minta imigrasi menunda keberangkatan",
    "Refer to the police": "Rujuk ke polisi",
    "Send to the manpower office for the lawful procedure": (
        "Arahkan ke Dinas Tenaga Kerja untuk prosedur resmi"
    ),
    "Verify the job and the papers": "Verifikasi pekerjaan dan dokumennya",
    "Explain the risks, the safe procedure and the hotlines": (
        "Jelaskan risiko, prosedur yang aman, dan nomor pengaduan"
    ),
    "Let the traveller go": "Persilakan berangkat",
    "Work": "Bekerja",
    "Holiday": "Berlibur",
    "Visiting family": "Mengunjungi keluarga",
    "Study": "Belajar",
    "Pilgrimage": "Ibadah (umrah, haji)",
    "Household work": "Pekerja rumah tangga",
    "Factory": "Pabrik",
    "Hotel or restaurant": "Hotel atau restoran",
    "Entertainment, karaoke or bar": "Hiburan, karaoke, atau bar",
    "Fishing boat": "Kapal ikan",
    "Office, customer service or online": "Kantor, customer service, atau daring",
    "Care or nursing": "Perawat atau pengasuh",
    "Does not know": "Tidak tahu",
    "Work visa": "Visa kerja",
    "Tourist visa": "Visa turis",
    "Visit visa": "Visa kunjungan",
    "Pilgrimage visa (umrah, hajj)": "Visa ibadah (umrah, haji)",
    "Student visa": "Visa pelajar",
    "No visa": "Tanpa visa",
    "No visa needed (visa-free or domestic)": "Tidak perlu visa (bebas visa atau dalam negeri)",
    "Licensed placement agency (P3MI)": "Perusahaan penempatan berizin (P3MI)",
    "Government programme (G to G)": "Program pemerintah (G to G)",
    "Individual agent, sponsor or calo": "Perorangan: agen, sponsor, atau calo",
    "Travel agency": "Agen perjalanan",
    "Friend or relative": "Teman atau kerabat",
    "Someone met online": "Kenalan daring",
    "Found it themselves": "Mencari sendiri",
    "Nobody": "Tidak ada",
}


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def main() -> int:
    po = polib.pofile(str(PO_PATH))
    project = {
        e.msgid: e.msgstr for e in polib.pofile(str(PROJECT_PO)) if e.msgstr and not e.msgctxt
    }
    po.header = "Indonesian translation of the Lentera prevention app.\nFilled by translate_id.py."
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
