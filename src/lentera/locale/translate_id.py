"""Fill the Indonesian catalogue (locale/id/LC_MESSAGES/django.po) from the dict below.

Re-runnable: after `django makemessages -l id ...` adds new msgids, add their translations to
TRANSLATIONS and run

    .venv/bin/python src/lentera/locale/translate_id.py

The script fills every entry, clears "fuzzy" flags, checks placeholders, and exits non-zero
(listing the msgids) if any entry is still untranslated. Plural entries take a list of forms
(Indonesian has one form); entries with a context use the key "context\\x04msgid".

Terms follow /work/shared/docs/glossary.md: agency → instansi, task force → gugus tugas,
case worker → pendamping, complaint → pengaduan, sign in/out → masuk/keluar, second factor →
faktor kedua, audit trail → jejak audit, person index → indeks orang, destination policy →
kebijakan negara tujuan, region → wilayah, dashboard → dasbor, working group → sub gugus tugas,
record (a stored row) → data, purpose (of an identity read) → keperluan.
Permission labels and buttons use the plain imperative form ("Lihat …", "Kelola …").
"""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime
from pathlib import Path

import polib

PO_PATH = Path(__file__).resolve().parent / "id" / "LC_MESSAGES" / "django.po"

TRANSLATIONS: dict[str, str | list[str]] = {
    # --- API -----------------------------------------------------------------------------
    "Invalid token header.": "Header token tidak valid.",
    "Invalid or revoked token.": "Token tidak valid atau sudah dicabut.",
    "This record was changed by someone else; reload and try again.": (
        "Data ini telah diubah oleh orang lain; muat ulang dan coba lagi."
    ),
    # --- Accounts: app, audit events ------------------------------------------------------
    "Accounts and access": "Akun dan akses",
    "Signed in": "Berhasil masuk",
    "Failed sign-in": "Gagal masuk",
    "Signed out": "Keluar",
    "Password changed": "Kata sandi diganti",
    "Second factor enabled": "Faktor kedua diaktifkan",
    "Second factor removed": "Faktor kedua dihapus",
    "User created": "Pengguna dibuat",
    "User updated": "Pengguna diperbarui",
    "User deactivated": "Pengguna dinonaktifkan",
    "User unlocked": "Kunci akun pengguna dibuka",
    "Role granted": "Peran diberikan",
    "Role revoked": "Peran dicabut",
    "API token created": "Token API dibuat",
    "API token revoked": "Token API dicabut",
    "Agency created": "Instansi ditambahkan",
    "Agency updated": "Instansi diperbarui",
    "Task force created": "Gugus tugas dibentuk",
    "Agency joined a task force": "Instansi bergabung dengan gugus tugas",
    "Agency left a task force": "Instansi keluar dari gugus tugas",
    "Reference data loaded": "Data referensi dimuat",
    "Destination policy saved": "Kebijakan negara tujuan disimpan",
    "Person registered": "Orang didaftarkan",
    "Person updated": "Data orang diperbarui",
    "Encryption keys rotated": "Kunci enkripsi dirotasi",
    # --- Accounts: forms ------------------------------------------------------------------
    "6-digit code from your authenticator app": "Kode 6 digit dari aplikasi autentikator Anda",
    "Current password": "Kata sandi saat ini",
    "New password": "Kata sandi baru",
    "At least 12 characters, not a common password, with three kinds of character.": (
        "Minimal 12 karakter, bukan kata sandi yang umum, dan memuat tiga jenis karakter."
    ),
    "Token name": "Nama token",
    "Expires": "Tanggal kedaluwarsa",
    "Username": "Nama pengguna",
    "First name": "Nama depan",
    "Last name": "Nama belakang",
    "Email": "Email",
    "Phone": "Telepon",
    "Agency": "Instansi",
    "Roles": "Peran",
    "Initial password": "Kata sandi awal",
    "Give it to the user in person; they should change it after signing in.": (
        "Serahkan langsung kepada pengguna; pengguna sebaiknya menggantinya setelah masuk."
    ),
    "Language": "Bahasa",
    "Name": "Nama",
    "Short name": "Nama singkat",
    "Type": "Jenis",
    "Region code": "Kode wilayah",
    "Kemendagri code, e.g. 53.71 for Kota Kupang. Empty for a national agency.": (
        "Kode Kemendagri, misalnya 53.71 untuk Kota Kupang. Kosongkan untuk instansi tingkat "
        "nasional."
    ),
    "Time zone": "Zona waktu",
    "Address": "Alamat",
    "Event": "Aktivitas",
    "All events": "Semua aktivitas",
    "User": "Pengguna",
    "Record type": "Jenis data",
    "Record id": "ID data",
    "From": "Dari",
    "To": "Sampai",
    "Purpose": "Keperluan",
    "All purposes": "Semua keperluan",
    # --- Accounts: agency types, time zones, models ---------------------------------------
    "Police": "Kepolisian",
    "Prosecution service": "Kejaksaan",
    "Court": "Pengadilan",
    "Social affairs": "Sosial",
    "Women and child protection": "Perlindungan perempuan dan anak",
    "Integrated service centre (PPT)": "Pusat Pelayanan Terpadu (PPT)",
    "Manpower": "Ketenagakerjaan",
    "Immigration": "Imigrasi",
    "Migrant worker protection": "Pelindungan pekerja migran",
    "Health": "Kesehatan",
    "Witness and victim protection (LPSK)": "Perlindungan saksi dan korban (LPSK)",
    "Port authority": "Otoritas pelabuhan",
    "Airport authority": "Otoritas bandar udara",
    "Armed forces": "TNI",
    "Local government": "Pemerintah daerah",
    "Non-governmental organisation": "Lembaga swadaya masyarakat (LSM)",
    "Other": "Lainnya",
    "WIB (UTC+7)": "WIB (UTC+7)",
    "WITA (UTC+8)": "WITA (UTC+8)",
    "WIT (UTC+9)": "WIT (UTC+9)",
    "name": "nama",
    "short name": "nama singkat",
    "type": "jenis",
    "region": "wilayah",
    "Empty for national agencies.": "Kosongkan untuk instansi tingkat nasional.",
    "time zone": "zona waktu",
    "address": "alamat",
    "phone": "telepon",
    "email": "email",
    "active": "aktif",
    "agency": "instansi",
    "agencies": "instansi",
    "National": "Nasional",
    "Province": "Provinsi",
    "Regency / city": "Kabupaten/kota",
    "level": "tingkat",
    "parent task force": "gugus tugas induk",
    "legal basis": "dasar hukum",
    "task force": "gugus tugas",
    "task forces": "gugus tugas",
    "Chair (ketua)": "Ketua",
    "Daily chair (ketua harian)": "Ketua harian",
    "Secretariat": "Sekretariat",
    "Sub-task-force lead": "Ketua sub gugus tugas",
    "Member": "Anggota",
    "role": "peran",
    "language": "bahasa",
    # purposes of an identity read
    "Handling the case": "Penanganan kasus",
    "Victim services": "Layanan korban",
    "Referral to another agency": "Rujukan ke instansi lain",
    "Investigation or prosecution": "Penyidikan atau penuntutan",
    "Verifying identity or a duplicate": "Verifikasi identitas atau data ganda",
    "Other (explained)": "Lainnya (dengan penjelasan)",
    "Use at least %(n)d of these: lower-case letters, capital letters, digits, symbols.": (
        "Gunakan sedikitnya %(n)d dari jenis berikut: huruf kecil, huruf kapital, angka, simbol."
    ),
    # --- Accounts: permissions (actions), roles, scopes -----------------------------------
    "See the dashboard": "Lihat dasbor",
    "See person records (pseudonymised)": "Lihat data orang (dengan pseudonim)",
    "See identities of victims, witnesses and reporters": (
        "Lihat identitas korban, saksi, dan pelapor"
    ),
    "Register a person": "Daftarkan orang",
    "Edit a person record": "Ubah data orang",
    "See case files": "Lihat berkas kasus",
    "Open a case file": "Buka berkas kasus",
    "Edit case files": "Ubah berkas kasus",
    "Share a case file with another agency": "Bagikan berkas kasus ke instansi lain",
    "See complaints": "Lihat pengaduan",
    "Register complaints": "Catat pengaduan",
    "Triage complaints": "Pilah (triase) pengaduan",
    "Refer victims to services": "Rujuk korban ke layanan",
    "Record victim services": "Catat layanan korban",
    "Record proceedings": "Catat proses hukum",
    "See the complicity flag on officials": "Lihat tanda keterlibatan pejabat",
    "Run the legal qualification": "Jalankan kualifikasi hukum",
    "Screen departures at a post": "Periksa keberangkatan di posko",
    "Monitor and screen job offers": "Pantau dan periksa tawaran kerja",
    "Keep placement and departure registers": "Kelola daftar penempatan dan keberangkatan",
    "Run record linkage": "Jalankan pencocokan data",
    "Confirm or reject record matches": "Konfirmasi atau tolak kecocokan data",
    "See statistics": "Lihat statistik",
    "Export data": "Ekspor data",
    "Manage task-force meetings and action items": "Kelola rapat dan tindak lanjut gugus tugas",
    "Read the audit trail and access log": "Baca jejak audit dan log akses",
    "Manage user accounts": "Kelola akun pengguna",
    "Manage agencies": "Kelola instansi",
    "Manage task forces": "Kelola gugus tugas",
    "Edit reference data": "Ubah data referensi",
    "Use the API with a personal token": "Gunakan API dengan token pribadi",
    "Intake officer": "Petugas penerimaan pengaduan",
    "Case worker (pendamping)": "Pendamping",
    "Investigator": "Penyidik",
    "Prosecutor": "Jaksa",
    "Posko officer": "Petugas posko",
    "Manpower / migrant officer": "Petugas ketenagakerjaan / pekerja migran",
    "Task-force secretariat": "Sekretariat gugus tugas",
    "Analyst": "Analis",
    "Leader": "Pimpinan",
    "Auditor": "Auditor",
    "Agency administrator": "Administrator instansi",
    "System administrator": "Administrator sistem",
    "Own agency": "Instansi sendiri",
    "Agency's region": "Wilayah instansi",
    "Whole country": "Seluruh Indonesia",
    # --- Accounts: service errors ---------------------------------------------------------
    "Not found.": "Tidak ditemukan.",
    "You do not have permission to do this.": "Anda tidak memiliki izin untuk melakukan ini.",
    "You can only manage users of your own agency.": (
        "Anda hanya dapat mengelola pengguna dari instansi Anda sendiri."
    ),
    "Only a system administrator can grant: %(roles)s": (
        "Hanya administrator sistem yang dapat memberikan peran: %(roles)s"
    ),
    "A username is required.": "Nama pengguna wajib diisi.",
    "This username is already taken.": "Nama pengguna ini sudah dipakai.",
    "You cannot remove your own system administrator role.": (
        "Anda tidak dapat mencabut peran administrator sistem milik Anda sendiri."
    ),
    "You cannot deactivate your own account.": "Anda tidak dapat menonaktifkan akun Anda sendiri.",
    "Your current password is not correct.": "Kata sandi saat ini tidak benar.",
    "Unknown fields: %(f)s": "Isian tidak dikenal: %(f)s",
    "That working group belongs to another task force.": (
        "Sub gugus tugas tersebut berada di bawah gugus tugas lain."
    ),
    "This agency already has that role in the task force.": (
        "Instansi ini sudah memegang peran tersebut dalam gugus tugas."
    ),
    "Give the token a name.": "Beri nama token.",
    "The expiry date must be in the future.": "Tanggal kedaluwarsa harus di masa mendatang.",
    "The code is not correct or has expired. Try again.": (
        "Kode salah atau sudah kedaluwarsa. Coba lagi."
    ),
    # --- Accounts: templates --------------------------------------------------------------
    "When": "Waktu",
    "Record": "Data",
    "Detail": "Keterangan",
    "system": "sistem",
    "No events match.": "Tidak ada aktivitas yang cocok.",
    "Identity access log": "Log akses identitas",
    "Audit trail": "Jejak audit",
    "Filter": "Saring",
    "Fields": "Isian yang dibuka",
    "Channel": "Saluran",
    "No reads match.": "Tidak ada akses yang cocok.",
    "Agencies": "Instansi",
    "Region": "Wilayah",
    "Add an agency": "Tambah instansi",
    "Add": "Tambah",
    "API tokens": "Token API",
    "A token lets a program act as you on the API (header: Authorization: Token …). "
    "It has your permissions; keep it secret.": (
        "Token memungkinkan sebuah program bertindak atas nama Anda melalui API (header: "
        "Authorization: Token …). Token ini memiliki izin yang sama dengan Anda; jaga "
        "kerahasiaannya."
    ),
    "Copy this token now; it will not be shown again:": (
        "Salin token ini sekarang; token tidak akan ditampilkan lagi:"
    ),
    "Create token": "Buat token",
    "Starts with": "Awalan",
    "Created": "Dibuat",
    "Last used": "Terakhir dipakai",
    "Status": "Status",
    "revoked or expired": "dicabut atau kedaluwarsa",
    "Revoke": "Cabut",
    "No tokens.": "Belum ada token.",
    "Account locked": "Akun terkunci",
    "Too many failed sign-in attempts. Try again in 30 minutes, or ask your agency "
    "administrator to unlock the account.": (
        "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 30 menit, atau minta "
        "administrator instansi Anda membuka kunci akun."
    ),
    "Sign in": "Masuk",
    "Sign in to Lentera": "Masuk ke Lentera",
    "After 5 failed attempts the account is locked for 30 minutes. Forgot your password? "
    "Ask your agency administrator.": (
        "Setelah 5 kali gagal masuk, akun dikunci selama 30 menit. Lupa kata sandi? Hubungi "
        "administrator instansi Anda."
    ),
    "Your account": "Akun Anda",
    "Change password": "Ganti kata sandi",
    "Second factor": "Faktor kedua",
    "An authenticator app is set up for your account.": (
        "Aplikasi autentikator sudah diaktifkan untuk akun Anda."
    ),
    "Remove the second factor": "Hapus faktor kedua",
    "Add a one-time code from an authenticator app to your sign-in.": (
        "Tambahkan kode sekali pakai dari aplikasi autentikator setiap kali Anda masuk."
    ),
    "Set up": "Atur",
    "Manage your API tokens": "Kelola token API Anda",
    "API documentation": "Dokumentasi API",
    "Enter your code": "Masukkan kode Anda",
    "Open your authenticator app and type the 6-digit code for Lentera.": (
        "Buka aplikasi autentikator Anda, lalu ketik kode 6 digit untuk Lentera."
    ),
    "Continue": "Lanjutkan",
    "Set up a second factor": "Atur faktor kedua",
    "Your role requires a second factor, or you chose to add one. Scan this code with an "
    "authenticator app (for example FreeOTP or Google Authenticator), then type the 6-digit "
    "code it shows.": (
        "Peran Anda mewajibkan faktor kedua, atau Anda memilih untuk menambahkannya. Pindai kode "
        "ini dengan aplikasi autentikator (misalnya FreeOTP atau Google Authenticator), lalu "
        "ketik kode 6 digit yang muncul."
    ),
    "QR code for your authenticator app": "Kode QR untuk aplikasi autentikator Anda",
    "Or type this key into the app:": "Atau ketik kunci ini di aplikasi:",
    "Confirm": "Konfirmasi",
    "inactive": "nonaktif",
    "Last sign-in": "Terakhir masuk",
    "Save roles": "Simpan peran",
    "Account": "Akun",
    "Deactivate": "Nonaktifkan",
    "Activate": "Aktifkan",
    "Lift sign-in lock": "Buka kunci masuk",
    "Reset second factor": "Atur ulang faktor kedua",
    "Add a user": "Tambah pengguna",
    "Create": "Buat",
    "Cancel": "Batal",
    "Users": "Pengguna",
    # --- Accounts: view messages ----------------------------------------------------------
    "You have signed out.": "Anda telah keluar.",
    "Your authenticator is set up.": "Aplikasi autentikator Anda sudah aktif.",
    "Your password has been changed.": "Kata sandi Anda telah diganti.",
    "Your role requires a second factor; it cannot be removed.": (
        "Peran Anda mewajibkan faktor kedua; faktor kedua tidak dapat dihapus."
    ),
    "The second factor has been removed.": "Faktor kedua telah dihapus.",
    "The token has been revoked.": "Token telah dicabut.",
    "User %(name)s created.": "Pengguna %(name)s telah dibuat.",
    "Roles saved.": "Peran telah disimpan.",
    "Account status saved.": "Status akun telah disimpan.",
    "Sign-in lock lifted.": "Kunci masuk telah dibuka.",
    "Second factor reset; the user sets it up again.": (
        "Faktor kedua telah diatur ulang; pengguna perlu mengaturnya kembali."
    ),
    "No region has this code.": "Tidak ada wilayah dengan kode ini.",
    "Agency %(name)s added.": "Instansi %(name)s telah ditambahkan.",
    # --- People ---------------------------------------------------------------------------
    "Person index": "Indeks orang",
    "Full name": "Nama lengkap",
    "Other names": "Nama lain",
    "One per line: nicknames, other spellings.": "Satu per baris: nama panggilan, ejaan lain.",
    "Sex": "Jenis kelamin",
    "Date of birth": "Tanggal lahir",
    "From a document (birth certificate, family card, passport).": (
        "Dari dokumen (akta kelahiran, kartu keluarga, paspor)."
    ),
    "NIK": "NIK",
    "I checked: keep the NIK even though it does not match sex or date of birth": (
        "Sudah saya periksa: tetap simpan NIK meskipun tidak cocok dengan jenis kelamin atau "
        "tanggal lahir"
    ),
    "Phone numbers": "Nomor telepon",
    "One per line, in any form: 0812…, +62 812…, 62812…": (
        "Satu per baris, format apa pun: 0812…, +62 812…, 62812…"
    ),
    "Kemendagri code, e.g. 53.71.01": "Kode Kemendagri, misalnya 53.71.01",
    "Nationality": "Kewarganegaraan",
    "Photo": "Foto",
    "JPEG or PNG, at most 1 MB.": "JPEG atau PNG, maksimal 1 MB.",
    "Why do you need the identity?": "Untuk keperluan apa Anda perlu melihat identitas?",
    "Explanation": "Penjelasan",
    "Female": "Perempuan",
    "Male": "Laki-laki",
    "Unknown": "Tidak diketahui",
    "registered by": "didaftarkan oleh",
    "Where the person lives or was found.": "Tempat orang tersebut tinggal atau ditemukan.",
    "full name": "nama lengkap",
    "other names": "nama lain",
    "phone numbers": "nomor telepon",
    "photo": "foto",
    "sex": "jenis kelamin",
    "date of birth": "tanggal lahir",
    "From a document (birth certificate, family card, passport), not from the NIK.": (
        "Dari dokumen (akta kelahiran, kartu keluarga, paspor), bukan dari NIK."
    ),
    "nationality": "kewarganegaraan",
    "initials": "inisial",
    "person": "orang",
    "people": "orang",
    "A name is required (an alias will do).": "Nama wajib diisi (alias pun boleh).",
    "The NIK is coded for a %(nik_sex)s person but the record says %(sex)s. Check both, "
    "or confirm the mismatch.": (
        "NIK ini berkode jenis kelamin %(nik_sex)s, tetapi data mencatat %(sex)s. Periksa "
        "keduanya, atau konfirmasi ketidaksesuaian ini."
    ),
    "The birth date in the NIK differs from the date of birth. Check both, or confirm the "
    "mismatch.": (
        "Tanggal lahir dalam NIK berbeda dengan tanggal lahir yang diisi. Periksa keduanya, "
        "atau konfirmasi ketidaksesuaian ini."
    ),
    "“%(phone)s” is not a valid phone number.": "“%(phone)s” bukan nomor telepon yang valid.",
    "A NIK has 16 digits.": "NIK terdiri atas 16 digit.",
    "A NIK has digits only.": "NIK hanya berisi angka.",
    "The first two digits of the NIK are not a province code.": (
        "Dua digit pertama NIK bukan kode provinsi."
    ),
    "Digits 9–10 of the NIK (month of birth) must be 01–12.": (
        "Digit ke-9 dan ke-10 NIK (bulan lahir) harus 01–12."
    ),
    "Digits 7–8 of the NIK (day of birth) must be 01–31, or 41–71 for women.": (
        "Digit ke-7 dan ke-8 NIK (tanggal lahir) harus 01–31, atau 41–71 untuk perempuan."
    ),
    "The NIK holds a date of birth that does not exist.": (
        "NIK memuat tanggal lahir yang tidak ada di kalender."
    ),
    "The last four digits of the NIK cannot be 0000.": (
        "Empat digit terakhir NIK tidak boleh 0000."
    ),
    "This NIK is not valid.": "NIK ini tidak valid.",
    "The photo is larger than 1 MB.": "Ukuran foto lebih dari 1 MB.",
    "Only JPEG or PNG photos are accepted.": "Hanya foto JPEG atau PNG yang diterima.",
    "People are registered for your own agency.": (
        "Orang hanya dapat didaftarkan atas nama instansi Anda sendiri."
    ),
    "The date of birth is in the future.": "Tanggal lahir tidak boleh di masa mendatang.",
    "Someone else changed this record while you were editing. Reload it and apply your "
    "change again.": (
        "Orang lain telah mengubah data ini saat Anda menyuntingnya. Muat ulang data ini, lalu "
        "terapkan kembali perubahan Anda."
    ),
    "You may not see this person's identity.": "Anda tidak berhak melihat identitas orang ini.",
    "Choose why you need to see the identity.": "Pilih keperluan Anda melihat identitas ini.",
    "Explain why you need to see the identity.": "Jelaskan keperluan Anda melihat identitas ini.",
    "Identity": "Identitas",
    "Shown to you for the reason you gave; this access has been recorded.": (
        "Ditampilkan untuk keperluan yang Anda sebutkan; akses ini telah dicatat."
    ),
    "Photo of the person": "Foto orang tersebut",
    "Show identity": "Tampilkan identitas",
    "Person": "Orang",
    "Initials": "Inisial",
    "Age band": "Kelompok umur",
    "child": "anak",
    "Registered by": "Didaftarkan oleh",
    "The identity is protected by law (UU 21/2007 Pasal 24). Say why you need it; your "
    "access is recorded.": (
        "Identitas ini dilindungi undang-undang (UU 21/2007 Pasal 24). Sebutkan keperluan Anda; "
        "akses Anda dicatat."
    ),
    "Only the handling agency's officers may see this person's identity.": (
        "Hanya petugas instansi yang menangani yang boleh melihat identitas orang ini."
    ),
    "Edit": "Ubah",
    "Edit person": "Ubah data orang",
    "Identity fields are encrypted and shown only to your agency's officers who need them. "
    "Every view is recorded.": (
        "Isian identitas dienkripsi dan hanya ditampilkan kepada petugas instansi Anda yang "
        "memerlukannya. Setiap kali identitas dilihat, aksesnya dicatat."
    ),
    "Save": "Simpan",
    "Back": "Kembali",
    "Names are hidden here: you see initials, age band and sex. Search by NIK or phone finds "
    "exact matches.": (
        "Nama tidak ditampilkan di sini: yang terlihat hanya inisial, kelompok umur, dan jenis "
        "kelamin. Pencarian dengan NIK atau nomor telepon hanya menemukan data yang sama persis."
    ),
    "NIK, phone or initials": "NIK, telepon, atau inisial",
    "All": "Semua",
    "Child": "Anak",
    "Under 18": "Di bawah 18 tahun",
    "18 or older": "18 tahun ke atas",
    "Pseudonym": "Pseudonim",
    "No one found.": "Tidak ada yang ditemukan.",
    "Person registered.": "Orang berhasil didaftarkan.",
    "Changes saved.": "Perubahan telah disimpan.",
    # --- Reference data -------------------------------------------------------------------
    "Reference data": "Data referensi",
    "Country": "Negara",
    "Sector": "Sektor",
    "Legal basis": "Dasar hukum",
    "Valid from": "Berlaku mulai",
    "Valid to": "Berlaku sampai",
    "Note": "Catatan",
    "District (kecamatan)": "Kecamatan",
    "Village (kelurahan / desa)": "Kelurahan/desa",
    "code": "kode",
    "valid from": "berlaku mulai",
    "valid to": "berlaku sampai",
    "regions": "wilayah",
    "ISO code": "kode ISO",
    "name (English)": "nama (bahasa Inggris)",
    "name (Indonesian)": "nama (bahasa Indonesia)",
    "country": "negara",
    "countries": "negara",
    "Open for placement": "Terbuka untuk penempatan",
    "Closed to placement": "Tertutup untuk penempatan",
    "No placement agreement": "Belum ada perjanjian penempatan",
    "Ban on domestic workers": "Larangan penempatan pekerja rumah tangga",
    "All sectors": "Semua sektor",
    "Domestic work": "Pekerjaan rumah tangga",
    "Plantation": "Perkebunan",
    "Construction": "Konstruksi",
    "Manufacturing": "Manufaktur",
    "Hospitality": "Perhotelan",
    "Entertainment": "Hiburan",
    "Fishing": "Perikanan",
    "Office": "Perkantoran",
    "Care": "Perawatan (caregiver)",
    "sector": "sektor",
    "status": "status",
    "note": "catatan",
    "destination policy": "kebijakan negara tujuan",
    "destination policies": "kebijakan negara tujuan",
    "Region data not found in %(dir)s. Run `npm ci` (or `make setup`) first.": (
        "Data wilayah tidak ditemukan di %(dir)s. Jalankan `npm ci` (atau `make setup`) "
        "terlebih dahulu."
    ),
    "The region data cannot be read: %(error)s": "Data wilayah tidak dapat dibaca: %(error)s",
    "Unknown sector.": "Sektor tidak dikenal.",
    "Unknown status.": "Status tidak dikenal.",
    "Name the legal basis (regulation, decision or statement).": (
        "Sebutkan dasar hukumnya (peraturan, keputusan, atau pernyataan resmi)."
    ),
    "The end date is before the start date.": "Tanggal berakhir lebih awal dari tanggal mulai.",
    "A rule for this country and sector already starts on this date.": (
        "Sudah ada aturan untuk negara dan sektor ini yang mulai berlaku pada tanggal ini."
    ),
    "Code": "Kode",
    "Level": "Tingkat",
    "No region found.": "Wilayah tidak ditemukan.",
    "Destination policy": "Kebijakan negara tujuan",
    "Edit a destination rule": "Ubah aturan negara tujuan",
    "Add a destination rule": "Tambah aturan negara tujuan",
    "Where Indonesian migrant workers may be placed, by country and sector (UU 18/2017 "
    "Pasal 31–32). Departure screening reads this table.": (
        "Negara dan sektor tempat pekerja migran Indonesia boleh ditempatkan (UU 18/2017 "
        "Pasal 31–32). Pemeriksaan keberangkatan mengacu pada tabel ini."
    ),
    "Country code": "Kode negara",
    "Add a rule": "Tambah aturan",
    "Valid": "Masa berlaku",
    "No rules yet.": "Belum ada aturan.",
    "Regions": "Wilayah",
    "Kemendagri codes, from province to village (source: idn-area-data, ODbL).": (
        "Kode wilayah Kemendagri, dari provinsi hingga desa (sumber: idn-area-data, ODbL)."
    ),
    "Name or code": "Nama atau kode",
    "Search": "Cari",
    "Inside": "Wilayah di bawah",
    "up": "naik satu tingkat",
    "all provinces": "semua provinsi",
    "Task forces": "Gugus tugas",
    "under": "di bawah",
    "Working groups": "Sub gugus tugas",
    "No task forces yet.": "Belum ada gugus tugas.",
    "Destination policy saved.": "Kebijakan negara tujuan telah disimpan.",
    # --- Settings: language names (shown in their own language) ---------------------------
    "Bahasa Indonesia": "Bahasa Indonesia",
    "English": "English",
    # --- Web shell ------------------------------------------------------------------------
    "Web pages": "Halaman web",
    "Dashboard": "Dasbor",
    "Intake": "Pengaduan",
    "Cases": "Kasus",
    "People": "Orang",
    "Protection": "Perlindungan",
    "Proceedings": "Proses hukum",
    "Prevention": "Pencegahan",
    "Coordination": "Koordinasi",
    "Insights": "Analisis",
    "Admin": "Administrasi",
    "Audit": "Audit",
    "Lentera": "Lentera",
    "Skip to content": "Langsung ke konten",
    "Menu": "Menu",
    "Sign out": "Keluar",
    "Modules": "Modul",
    "Not available yet": "Belum tersedia",
    "soon": "segera",
    "Lentera — information system of the task forces against trafficking in persons "
    "(Gugus Tugas PP-TPPO).": (
        "Lentera — sistem informasi gugus tugas pencegahan dan penanganan tindak pidana "
        "perdagangan orang (Gugus Tugas PP-TPPO)."
    ),
    "Victims' identities are protected by law (UU 21/2007 Pasal 24): every access is recorded.": (
        "Identitas korban dilindungi undang-undang (UU 21/2007 Pasal 24): setiap akses dicatat."
    ),
    "Pages": "Halaman",
    "Previous": "Sebelumnya",
    "Page %(n)s of %(total)s": "Halaman %(n)s dari %(total)s",
    "Next": "Berikutnya",
    "Welcome, %(name)s": "Selamat datang, %(name)s",
    "No agency": "Tanpa instansi",
    "No role yet: ask your agency administrator.": (
        "Anda belum memiliki peran: hubungi administrator instansi Anda."
    ),
    "Your agency's task forces": "Gugus tugas instansi Anda",
    "Back to the start page": "Kembali ke halaman awal",
    "Welcome": "Selamat datang",
    "The shared information system of the task forces against trafficking in persons.": (
        "Sistem informasi bersama gugus tugas pencegahan dan penanganan tindak pidana "
        "perdagangan orang."
    ),
    "Officers": "Petugas",
    "Sign in with the account your agency gave you.": (
        "Masuk dengan akun yang diberikan oleh instansi Anda."
    ),
    "Need help now?": "Butuh bantuan segera?",
    "Call the police at 110, or SAPA 129 (women and children; also on WhatsApp 08111-129-129).": (
        "Hubungi polisi di nomor 110, atau SAPA 129 (untuk perempuan dan anak; juga melalui "
        "WhatsApp 08111-129-129)."
    ),
    "Migrant workers: call the migrant-worker protection ministry's crisis centre.": (
        "Pekerja migran: hubungi pusat krisis (crisis center) Kementerian Pelindungan Pekerja "
        "Migran Indonesia."
    ),
    "People registered that you may see. Identities show only to the handling agency.": (
        "Orang terdaftar yang boleh Anda lihat. Identitas hanya ditampilkan kepada instansi "
        "yang menangani."
    ),
    "Open the person index": "Buka indeks orang",
    "Changes recorded in the last 7 days.": "Perubahan yang tercatat dalam 7 hari terakhir.",
    "Filter the audit trail": "Saring jejak audit",
    "Identity reads": "Akses identitas",
    "Times an identity was shown in the last 7 days.": (
        "Berapa kali identitas ditampilkan dalam 7 hari terakhir."
    ),
    "Open the access log": "Buka log akses",
    "User accounts": "Akun pengguna",
    "Active accounts you manage.": "Akun aktif yang Anda kelola.",
    "Manage users": "Kelola pengguna",
    "Member agencies of the task forces.": "Instansi anggota gugus tugas.",
    "Rules on where migrant workers may be placed.": (
        "Aturan negara dan sektor tujuan penempatan pekerja migran."
    ),
    "Edit the destination policy": "Ubah kebijakan negara tujuan",
    "Change your password, set up a second factor, or create an API token.": (
        "Ganti kata sandi, atur faktor kedua, atau buat token API."
    ),
    "Account settings": "Pengaturan akun",
    "Users and roles": "Pengguna dan peran",
    "The request is not valid.": "Permintaan tidak valid.",
    "Sign in or send a valid API token.": "Masuk atau kirim token API yang valid.",
    "Your role does not allow this.": "Peran Anda tidak mengizinkan tindakan ini.",
    "This address does not exist, or you do not have access to it.": (
        "Alamat ini tidak ada, atau Anda tidak memiliki akses ke alamat ini."
    ),
    "This address does not accept this method.": "Alamat ini tidak menerima metode ini.",
    "Too many requests; wait and try again.": "Terlalu banyak permintaan; tunggu lalu coba lagi.",
    "The server could not answer; the error has been logged.": (
        "Server tidak dapat menjawab; kesalahan ini telah dicatat."
    ),
    "Invalid request": "Permintaan tidak valid",
    "The address is too long.": "Alamatnya terlalu panjang.",
    "The address holds characters that are not valid text.": (
        "Alamat berisi karakter yang bukan teks yang valid."
    ),
    "The address holds too many parameters.": "Alamat berisi terlalu banyak parameter.",
    "The address holds a NUL character, which is never valid.": (
        "Alamat berisi karakter NUL, yang tidak pernah valid."
    ),
    "A form field holds a NUL character, which is never valid.": (
        "Salah satu isian formulir berisi karakter NUL, yang tidak pernah valid."
    ),
    "The request body cannot be read.": "Isi permintaan tidak dapat dibaca.",
    "Server error": "Kesalahan server",
    "Lentera could not show this page; the error has been logged. Try again later.": (
        "Lentera tidak dapat menampilkan halaman ini; kesalahan ini telah dicatat. Coba lagi nanti."
    ),
    "Not found": "Tidak ditemukan",
    "This page does not exist, or you do not have access to it.": (
        "Halaman ini tidak ada, atau Anda tidak memiliki akses ke halaman ini."
    ),
    "Not allowed": "Tidak diizinkan",
    "Your role does not allow this. Ask your agency administrator if you need it.": (
        "Peran Anda tidak mengizinkan tindakan ini. Hubungi administrator instansi Anda jika "
        "Anda memerlukannya."
    ),
    # --- Accounts: audit events (cases, intake, prevention, justice, protection, linkage) --
    "Legal qualification run": "Kualifikasi hukum dijalankan",
    "Case opened": "Kasus dibuka",
    "Case facts updated": "Fakta kasus diperbarui",
    "Case status changed": "Status kasus diubah",
    "Person added to the case": "Orang ditambahkan ke kasus",
    "Person's role in the case updated": "Peran orang dalam kasus diperbarui",
    "Victim identification decided": "Identifikasi korban diputuskan",
    "Journey leg added": "Tahap perjalanan ditambahkan",
    "Document added": "Dokumen ditambahkan",
    "Note added": "Catatan ditambahkan",
    "Case shared with an agency": "Kasus dibagikan ke instansi",
    "Case sharing revoked": "Pembagian kasus dicabut",
    "Complaint received": "Pengaduan diterima",
    "Complaint triaged": "Pengaduan dipilah (triase)",
    "Reporter acknowledged": "Penerimaan dikonfirmasi kepada pelapor",
    "Complaint attached to a case": "Pengaduan digabungkan ke kasus",
    "Complaint closed": "Pengaduan ditutup",
    "Complaint reopened": "Pengaduan dibuka kembali",
    "Job offer screened": "Lowongan kerja diperiksa",
    "Job offers imported": "Lowongan kerja diimpor",
    "Job offer triaged": "Lowongan kerja dipilah",
    "Departure screened": "Keberangkatan diperiksa",
    "Departure referred to a case or complaint": "Keberangkatan dirujuk ke kasus atau pengaduan",
    "Identity revealed": "Identitas dibuka",
    "Proceeding opened": "Proses hukum dibuka",
    "Proceeding stage recorded": "Tahap proses hukum dicatat",
    "Charges recorded": "Pasal sangkaan dicatat",
    "Detention recorded": "Penahanan dicatat",
    "Outcome recorded": "Hasil dicatat",
    "Victim identification interview recorded": "Wawancara identifikasi korban dicatat",
    "Needs assessed": "Kebutuhan dinilai",
    "Consent recorded": "Persetujuan dicatat",
    "Consent withdrawn": "Persetujuan ditarik",
    "Service planned": "Layanan direncanakan",
    "Service status changed": "Status layanan diubah",
    "Referral sent": "Rujukan dikirim",
    "Referral accepted": "Rujukan diterima",
    "Referral declined": "Rujukan ditolak",
    "Referral refused for lack of consent": "Rujukan ditolak karena tidak ada persetujuan",
    "Referral without consent (law or child safety)": (
        "Rujukan tanpa persetujuan (perintah undang-undang atau keselamatan anak)"
    ),
    "Return home planned": "Pemulangan direncanakan",
    "Return home completed": "Pemulangan selesai",
    "Reintegration visit recorded": "Kunjungan reintegrasi dicatat",
    "Restitution updated": "Restitusi diperbarui",
    "Service provider saved": "Penyedia layanan disimpan",
    "Record linkage started": "Pencocokan data dimulai",
    "Record linkage finished": "Pencocokan data selesai",
    "Match confirmed: same person": "Kecocokan dikonfirmasi: orang yang sama",
    "Match rejected: different people": "Kecocokan ditolak: orang yang berbeda",
    "Deadline settings changed": "Pengaturan batas waktu diubah",
    # --- Cases: app, forms ----------------------------------------------------------------
    "Case files": "Berkas kasus",
    "Yes": "Ya",
    "No": "Tidak",
    "Date of the offence": "Tanggal tindak pidana",
    "Decides the law in force (UU 21/2007 before 2 January 2026, KUHP 2023 from then).": (
        "Menentukan hukum yang berlaku (UU 21/2007 sebelum 2 Januari 2026, KUHP 2023 sejak "
        "tanggal tersebut)."
    ),
    "Acts": "Perbuatan (proses)",
    "Means": "Cara",
    "Exploitation intended or done": "Eksploitasi yang dituju atau terjadi",
    "Was the person actually exploited?": "Apakah orang tersebut benar-benar tereksploitasi?",
    "Movement": "Perpindahan",
    "Three or more people acting together over time for gain": (
        "Tiga orang atau lebih bertindak bersama dalam jangka waktu tertentu untuk memperoleh "
        "keuntungan"
    ),
    "A corporation was involved": "Melibatkan korporasi",
    "A state official abused their position": "Penyelenggara negara menyalahgunakan jabatannya",
    "A child was adopted with something promised or given": (
        "Anak diangkat (adopsi) dengan menjanjikan atau memberikan sesuatu"
    ),
    "Forged or false documents (KTP, KK, birth certificate, passport) were used": (
        "Digunakan dokumen palsu atau dipalsukan (KTP, KK, akta kelahiran, paspor)"
    ),
    "Someone was moved for a fee into a country they had no right to enter": (
        "Seseorang dibawa dengan imbalan ke negara yang tidak berhak ia masuki"
    ),
    "Someone tried to get another to commit trafficking, and it did not happen": (
        "Seseorang berupaya menggerakkan orang lain melakukan perdagangan orang, tetapi tidak "
        "terjadi"
    ),
    "Not known yet": "Belum diketahui",
    "Tick what you do not know yet; the engine says whether it decides the case.": (
        "Centang hal yang belum Anda ketahui; mesin akan menunjukkan apakah hal itu menentukan "
        "kasus."
    ),
    "Destination country (ISO code, e.g. MY)": "Negara tujuan (kode ISO, misalnya MY)",
    "Placed by an individual, not a licensed agency": (
        "Ditempatkan oleh perseorangan, bukan oleh perusahaan penempatan berizin (P3MI)"
    ),
    "The worker was under 18": "Pekerja berusia di bawah 18 tahun",
    "Placement requirements (UU 18/2017 Pasal 5) not met": (
        "Persyaratan penempatan (UU 18/2017 Pasal 5) tidak terpenuhi"
    ),
    "Destination closed to placement or without the conditions of Pasal 31": (
        "Negara tujuan tertutup untuk penempatan atau tidak memenuhi syarat Pasal 31"
    ),
    "Unknown or not given": "Tidak diketahui atau tidak diisi",
    "Victim %(n)d: age at the offence": "Korban %(n)d: usia saat tindak pidana",
    "Victim %(n)d: citizenship (ISO code)": "Korban %(n)d: kewarganegaraan (kode ISO)",
    "Victim %(n)d: harm suffered": "Korban %(n)d: kerugian atau penderitaan yang dialami",
    "Short title": "Judul singkat",
    "Without names, e.g. 'Recruitment of two young women from Alak to Batam'.": (
        "Tanpa nama, misalnya 'Perekrutan dua perempuan muda dari Alak ke Batam'."
    ),
    "Kemendagri code of the place the case belongs to, e.g. 53.71.": (
        "Kode Kemendagri wilayah kasus, misalnya 53.71."
    ),
    "What happened": "Kronologi kejadian",
    "Encrypted; shown only to those who may see identities on this case.": (
        "Dienkripsi; hanya ditampilkan kepada petugas yang berhak melihat identitas dalam "
        "kasus ini."
    ),
    "Exploitation": "Eksploitasi",
    "Methods of control": "Cara pengendalian",
    "Recruitment channel": "Saluran perekrutan",
    "Platform or app": "Platform atau aplikasi",
    "Reference or title": "Nomor atau judul",
    "Lead agency": "Instansi penanggung jawab",
    "Child victim": "Korban anak",
    "Opened from": "Dibuka sejak",
    "Opened until": "Dibuka sampai",
    "Name (any spelling)": "Nama (ejaan apa pun)",
    "Role in the case": "Peran dalam kasus",
    "Role in the network (suspects)": "Peran dalam jaringan (tersangka)",
    "A state official (complicity)": "Pejabat/aparat negara (keterlibatan)",
    "Age at the offence": "Usia saat tindak pidana",
    "Full name (new person)": "Nama lengkap (orang baru)",
    "Decision": "Keputusan",
    "Country (from)": "Negara (asal)",
    "Country (to)": "Negara (tujuan)",
    "The destination is a transit point": "Tujuan ini merupakan tempat transit",
    "Departed": "Berangkat",
    "Arrived": "Tiba",
    "Transport": "Moda transportasi",
    "File (PDF, JPEG or PNG, at most 10 MB)": "Berkas (PDF, JPEG, atau PNG, maksimal 10 MB)",
    "Description": "Keterangan",
    "What to share": "Yang dibagikan",
    "Including identities": "Termasuk identitas",
    "Why the agency needs it": "Alasan instansi memerlukannya",
    "New status": "Status baru",
    "Reason (required to close)": "Alasan (wajib diisi untuk menutup)",
    # --- Cases: models --------------------------------------------------------------------
    "reference number": "nomor kasus",
    "short title": "judul singkat",
    "lead agency": "instansi penanggung jawab",
    "opened": "dibuka",
    "closed": "ditutup",
    "reason for closing": "alasan penutupan",
    "what happened": "kronologi kejadian",
    "date of the offence": "tanggal tindak pidana",
    "acts": "perbuatan",
    "means": "cara",
    "exploitation types": "jenis eksploitasi",
    "methods of control": "cara pengendalian",
    "recruitment channel": "saluran perekrutan",
    "platform or app": "platform atau aplikasi",
    "child victim": "korban anak",
    "case": "kasus",
    "cases": "kasus",
    "role in the network": "peran dalam jaringan",
    "state official (complicity)": "pejabat/aparat negara (keterlibatan)",
    "Shown only to roles with the complicity permission.": (
        "Hanya ditampilkan kepada peran yang berhak melihat keterlibatan pejabat."
    ),
    "victim identification": "identifikasi korban",
    "age at the offence": "usia saat tindak pidana",
    "order": "urutan",
    "from (place)": "dari (tempat)",
    "to (place)": "ke (tempat)",
    "transit": "transit",
    "departed": "berangkat",
    "arrived": "tiba",
    "transport": "moda transportasi",
    "file name": "nama berkas",
    "description": "keterangan",
    "what is shared": "yang dibagikan",
    "including identities": "termasuk identitas",
    "reason": "alasan",
    "facts": "fakta",
    "result": "hasil",
    "outcome": "kesimpulan",
    "legal regime": "hukum yang berlaku",
    "engine version": "versi mesin",
    "qualification snapshot": "rekaman hasil kualifikasi",
    # --- Cases: service errors ------------------------------------------------------------
    "Unknown code: %(codes)s": "Kode tidak dikenal: %(codes)s",
    "Give the case a short title (without names).": "Beri kasus judul singkat (tanpa nama).",
    "The date of the offence is in the future.": (
        "Tanggal tindak pidana tidak boleh di masa mendatang."
    ),
    "Someone else changed this case while you were editing. Reload it and apply your change "
    "again.": (
        "Orang lain telah mengubah kasus ini saat Anda menyuntingnya. Muat ulang kasus ini, lalu "
        "terapkan kembali perubahan Anda."
    ),
    "A case cannot go from “%(a)s” to “%(b)s”.": (
        "Status kasus tidak dapat berubah dari “%(a)s” menjadi “%(b)s”."
    ),
    "Say why the case is closed.": "Sebutkan alasan kasus ditutup.",
    "Unknown role.": "Peran tidak dikenal.",
    "Unknown role in the network.": "Peran dalam jaringan tidak dikenal.",
    "Only suspects have a role in the network.": "Hanya tersangka yang memiliki peran dalam jaringan.",
    "This person already has that role in the case.": (
        "Orang ini sudah memiliki peran tersebut dalam kasus."
    ),
    "Only a victim's status can be decided.": "Hanya status korban yang dapat diputuskan.",
    "Arrival is before departure.": "Waktu tiba lebih awal dari waktu berangkat.",
    "Unknown transport.": "Moda transportasi tidak dikenal.",
    "The file is empty.": "Berkas kosong.",
    "The file is larger than 10 MB.": "Ukuran berkas lebih dari 10 MB.",
    "Only PDF, JPEG and PNG files are accepted.": "Hanya berkas PDF, JPEG, dan PNG yang diterima.",
    "The note is empty.": "Catatan kosong.",
    "The lead agency already has the whole file.": (
        "Instansi penanggung jawab sudah memiliki seluruh berkas."
    ),
    "Unknown scope.": "Cakupan tidak dikenal.",
    "Identities can only be shared with the people section.": (
        "Identitas hanya dapat dibagikan bersama bagian data orang."
    ),
    "Say why the agency needs the file.": "Sebutkan alasan instansi memerlukan berkas ini.",
    "This agency already has access; revoke it first to change it.": (
        "Instansi ini sudah memiliki akses; cabut dahulu akses tersebut untuk mengubahnya."
    ),
    # --- Cases: templates -----------------------------------------------------------------
    "Names": "Nama",
    "Notes": "Catatan",
    "Possible matches among the people you may see. Add the right one instead of registering "
    "the person again.": (
        "Kemungkinan kecocokan di antara orang yang boleh Anda lihat. Tambahkan orang yang "
        "tepat, jangan mendaftarkannya lagi."
    ),
    "matched on": "cocok pada",
    "age": "usia",
    "Add to the case": "Tambahkan ke kasus",
    "No one matches. Register the person below.": (
        "Tidak ada yang cocok. Daftarkan orang tersebut di bawah ini."
    ),
    "Result": "Hasil",
    "Trafficking in persons": "Tindak pidana perdagangan orang",
    "People smuggling": "Penyelundupan manusia",
    "No trafficking offence on these facts": (
        "Berdasarkan fakta ini, tidak ada tindak pidana perdagangan orang"
    ),
    "Not enough facts to decide": "Fakta belum cukup untuk memutuskan",
    "Law applied": "Hukum yang diterapkan",
    "engine": "mesin",
    "snapshot": "rekaman",
    "Charges the facts satisfy": "Pasal yang terpenuhi oleh fakta",
    "Article": "Pasal",
    "Prison": "Pidana penjara",
    "Fine (Rp)": "Denda (Rp)",
    "Raised by": "Diperberat oleh",
    "%(min)s years to life": "%(min)s tahun sampai seumur hidup",
    "%(min)s–%(max)s years": "%(min)s–%(max)s tahun",
    "or prison": "atau penjara",
    "Related offences to consider": "Tindak pidana terkait yang perlu dipertimbangkan",
    "Facts still missing": "Fakta yang masih kurang",
    "Reasoning": "Pertimbangan",
    "Not legal advice: the statute applied to the facts as entered.": (
        "Bukan nasihat hukum: undang-undang diterapkan pada fakta sebagaimana diisi."
    ),
    "Closed": "Ditutup",
    "Facts": "Fakta",
    "Recruitment": "Perekrutan",
    "Edit the facts": "Ubah fakta",
    "Show the narrative and names (recorded)": "Tampilkan kronologi dan nama (akses dicatat)",
    "Role": "Peran",
    "Network": "Jaringan",
    "Victim identification": "Identifikasi korban",
    "official": "pejabat",
    "yrs": "thn",
    "Decide": "Putuskan",
    "No one recorded yet.": "Belum ada orang yang dicatat.",
    "Add a person": "Tambah orang",
    "Search first, so the same person is not registered twice (any spelling of the name, NIK, "
    "or phone in any form).": (
        "Cari dahulu agar orang yang sama tidak terdaftar dua kali (nama dengan ejaan apa pun, "
        "NIK, atau nomor telepon dalam format apa pun)."
    ),
    "Register a new person in the case": "Daftarkan orang baru dalam kasus",
    "Journey": "Perjalanan",
    "No journey recorded.": "Belum ada perjalanan yang dicatat.",
    "Add a leg": "Tambah tahap perjalanan",
    "Documents and evidence": "Dokumen dan barang bukti",
    "Document": "Dokumen",
    "No documents.": "Belum ada dokumen.",
    "Add a document": "Tambah dokumen",
    "Upload": "Unggah",
    "Notes are encrypted; their text shows with the narrative when you reveal it (recorded).": (
        "Catatan dienkripsi; isinya ditampilkan bersama kronologi saat Anda membukanya (akses "
        "dicatat)."
    ),
    "No notes.": "Belum ada catatan.",
    "Add note": "Tambah catatan",
    "Legal qualification": "Kualifikasi hukum",
    "missing": "kurang",
    "Not run yet.": "Belum dijalankan.",
    "Qualify the recorded facts": "Kualifikasikan fakta yang tercatat",
    "Not legal advice. For more facts than the file records, use the standalone form.": (
        "Bukan nasihat hukum. Untuk fakta yang lebih lengkap daripada isi berkas, gunakan "
        "formulir kualifikasi tersendiri."
    ),
    "Change": "Ubah",
    "Sharing with other agencies": "Berbagi dengan instansi lain",
    "with identities": "beserta identitas",
    "revoked": "dicabut",
    "Not shared.": "Belum dibagikan.",
    "Grant access": "Berikan akses",
    "Complaints attached": "Pengaduan terkait",
    "Timeline": "Riwayat",
    "Open a case": "Buka kasus",
    "Reference": "Nomor",
    "Title": "Judul",
    "Opened": "Dibuka",
    "No cases found.": "Tidak ada kasus yang ditemukan.",
    "This tool says which offences the facts you enter satisfy under the statute, with the "
    "penalty ranges and the facts still missing. It is not legal advice and does not replace "
    "the judgement of the investigator, the prosecutor or the court.": (
        "Alat ini menunjukkan tindak pidana yang unsurnya terpenuhi oleh fakta yang Anda isi "
        "menurut undang-undang, beserta rentang ancaman pidana dan fakta yang masih kurang. Alat "
        "ini bukan nasihat hukum dan tidak menggantikan penilaian penyidik, jaksa, atau hakim."
    ),
    "Act, means, purpose": "Perbuatan, cara, tujuan",
    "Victims": "Korban",
    "Age at the time of the offence, from documents. A victim under 18 is a child.": (
        "Usia pada saat tindak pidana, berdasarkan dokumen. Korban di bawah 18 tahun "
        "tergolong anak."
    ),
    "Perpetrators and circumstances": "Pelaku dan keadaan",
    "Labour placement (UU 18/2017)": "Penempatan tenaga kerja (UU 18/2017)",
    "Qualify": "Kualifikasikan",
    "Your recent runs": "Kualifikasi terakhir Anda",
    # --- Cases: view messages -------------------------------------------------------------
    "Unknown country code.": "Kode negara tidak dikenal.",
    "Case %(ref)s opened.": "Kasus %(ref)s telah dibuka.",
    "Choose a person from the matches or give a name.": (
        "Pilih orang dari daftar kecocokan atau isi nama."
    ),
    "Person added to the case.": "Orang telah ditambahkan ke kasus.",
    "Victim identification recorded.": "Identifikasi korban telah dicatat.",
    "Journey leg added.": "Tahap perjalanan telah ditambahkan.",
    "Document added.": "Dokumen telah ditambahkan.",
    "Note added.": "Catatan telah ditambahkan.",
    "Status changed.": "Status telah diubah.",
    "Access granted.": "Akses telah diberikan.",
    "Access revoked.": "Akses telah dicabut.",
    "Qualification run; the snapshot is kept on the case.": (
        "Kualifikasi telah dijalankan; rekaman hasilnya disimpan pada kasus."
    ),
    # --- Cases: vocabularies --------------------------------------------------------------
    "Open": "Terbuka",
    "Assessment": "Asesmen",
    "In handling": "Dalam penanganan",
    "Sexual exploitation": "Eksploitasi seksual",
    "Forced labour": "Kerja paksa",
    "Domestic servitude": "Perbudakan rumah tangga",
    "Forced criminality (e.g. online-scam compounds)": (
        "Pemaksaan melakukan kejahatan (misalnya di markas penipuan daring)"
    ),
    "Forced marriage": "Perkawinan paksa",
    "Forced begging": "Pemaksaan mengemis",
    "Organ removal": "Pengambilan organ tubuh",
    "Sale of a child / illegal adoption": "Penjualan anak / adopsi ilegal",
    "Child labour": "Pekerja anak",
    "Slavery or slavery-like practice": "Perbudakan atau praktik serupa perbudakan",
    "Other exploitation": "Eksploitasi lainnya",
    "False promises or deception": "Janji palsu atau penipuan",
    "Debt bondage": "Jeratan utang",
    "Documents withheld": "Dokumen ditahan",
    "Earnings withheld or taken": "Penghasilan ditahan atau diambil",
    "Restricted movement or confinement": "Pembatasan gerak atau penyekapan",
    "Isolation from family or community": "Diisolasi dari keluarga atau masyarakat",
    "Threats to the person": "Ancaman terhadap diri korban",
    "Threats to family": "Ancaman terhadap keluarga",
    "Physical abuse": "Kekerasan fisik",
    "Sexual abuse": "Kekerasan seksual",
    "Psychological abuse": "Kekerasan psikis",
    "Use of alcohol or drugs": "Penggunaan alkohol atau narkoba",
    "Excessive working hours": "Jam kerja berlebihan",
    "Food, sleep or medical care denied": "Tidak diberi makan, istirahat, atau perawatan medis",
    "Threat of arrest or deportation": "Ancaman penangkapan atau deportasi",
    "Friend or acquaintance": "Teman atau kenalan",
    "Family member": "Anggota keluarga",
    "Informal agent (calo, sponsor)": "Perekrut perseorangan (calo, sponsor)",
    "Social media": "Media sosial",
    "Chat or dating app": "Aplikasi pesan atau kencan",
    "Job advertisement": "Iklan lowongan kerja",
    "Placement agency": "Perusahaan penempatan",
    "Romantic relationship": "Hubungan asmara",
    "—": "—",
    "Website": "Situs web",
    "Victim": "Korban",
    "Suspect": "Tersangka",
    "Witness": "Saksi",
    "Reporter": "Pelapor",
    "Recruiter": "Perekrut",
    "Transporter": "Pengangkut",
    "Document forger": "Pemalsu dokumen",
    "Harbourer": "Penampung",
    "Exploiter": "Pelaku eksploitasi",
    "Financier": "Penyandang dana",
    "Official": "Pejabat/aparat",
    "Not yet decided": "Belum diputuskan",
    "Presumed victim": "Diduga korban",
    "Confirmed victim": "Korban (terkonfirmasi)",
    "Not a victim": "Bukan korban",
    "Air": "Udara",
    "Sea": "Laut",
    "Land": "Darat",
    "The whole file": "Seluruh berkas",
    "Facts and journey only": "Hanya fakta dan perjalanan",
    "Facts, journey and people": "Fakta, perjalanan, dan orang",
    # --- Insights: record linkage ---------------------------------------------------------
    "Queued": "Dalam antrean",
    "Running": "Berjalan",
    "Done": "Selesai",
    "Failed": "Gagal",
    "Waiting for review": "Menunggu pemeriksaan",
    "Same person (confirmed)": "Orang yang sama (dikonfirmasi)",
    "Different people": "Orang yang berbeda",
    "Your previous linkage run has not finished yet.": (
        "Pencocokan data Anda sebelumnya belum selesai."
    ),
    "Finished": "Selesai",
    "This pair has already been decided.": "Pasangan data ini sudah diputuskan.",
    "Last run": "Terakhir dijalankan",
    "%(n)s records, %(c)s pairs to review": "%(n)s data, %(c)s pasangan perlu diperiksa",
    "Refresh the queue": "Muat ulang antrean",
    "Record linkage": "Pencocokan data",
    "Lentera compares the person records you may see (names in any spelling, NIK with a slipped "
    "digit, phones in any form, dates with day and month swapped) and lists pairs that may be "
    "the same person. Confirm or reject each pair; records are linked, never deleted.": (
        "Lentera membandingkan data orang yang boleh Anda lihat (nama dengan ejaan apa pun, NIK "
        "dengan salah ketik satu digit, nomor telepon dalam format apa pun, tanggal dengan hari "
        "dan bulan tertukar) dan menampilkan pasangan data yang mungkin merupakan orang yang "
        "sama. Konfirmasi atau tolak setiap pasangan; data hanya dihubungkan, tidak pernah "
        "dihapus."
    ),
    "Run linkage now": "Jalankan pencocokan sekarang",
    "Show": "Tampilkan",
    "Probability": "Probabilitas",
    "Evidence": "Dasar kecocokan",
    "names differ": "nama berbeda",
    "Same person": "Orang yang sama",
    "Different": "Berbeda",
    "Nothing to review.": "Tidak ada yang perlu diperiksa.",
    "Linkage started. The queue fills when it finishes.": (
        "Pencocokan data dimulai. Antrean akan terisi setelah selesai."
    ),
    "Recorded: same person.": "Dicatat: orang yang sama.",
    "Recorded: different people.": "Dicatat: orang yang berbeda.",
    # --- Intake: API, forms ---------------------------------------------------------------
    "Enter a valid date.": "Masukkan tanggal yang valid.",
    "Your report has been received. Keep the tracking code to follow it on the status page.": (
        "Laporan Anda telah diterima. Simpan kode pelacakan untuk memantaunya di halaman status."
    ),
    "No report has this code.": "Tidak ada laporan dengan kode ini.",
    "Intake (complaints)": "Penerimaan pengaduan",
    "I do not know / prefer not to say": "Saya tidak tahu / tidak ingin menyebutkan",
    "What happened?": "Apa yang terjadi?",
    "Who, where, when, and what you saw or heard. Simple words are fine.": (
        "Siapa, di mana, kapan, dan apa yang Anda lihat atau dengar. Boleh dengan kata-kata "
        "sederhana."
    ),
    "Place": "Tempat",
    "Village, street, port, company or house, if you know it.": (
        "Desa, jalan, pelabuhan, perusahaan, atau rumah, jika Anda tahu."
    ),
    "Is a child (under 18) involved?": "Apakah ada anak (di bawah 18 tahun) yang terlibat?",
    "Someone is in danger right now": "Ada orang yang sedang dalam bahaya saat ini",
    "Someone is about to be sent away today (ship, plane, bus)": (
        "Ada orang yang akan diberangkatkan hari ini (kapal, pesawat, bus)"
    ),
    "It is about work abroad or a migrant worker": (
        "Ini tentang bekerja di luar negeri atau pekerja migran"
    ),
    "How many people are affected?": "Berapa orang yang terdampak?",
    "Among them is a man or a boy": "Di antara mereka ada laki-laki dewasa atau anak laki-laki",
    "I want to report anonymously (without my name or contact)": (
        "Saya ingin melapor tanpa nama (tanpa nama atau kontak saya)"
    ),
    "You are": "Anda adalah",
    "Your name": "Nama Anda",
    "Phone or WhatsApp": "Telepon atau WhatsApp",
    "Keep my identity confidential: only the office that receives my report may see it (UU "
    "21/2007 Pasal 33)": (
        "Rahasiakan identitas saya: hanya kantor yang menerima laporan saya yang boleh "
        "melihatnya (UU 21/2007 Pasal 33)"
    ),
    "Regency or city where it happened": "Kabupaten/kota tempat kejadian",
    "Received": "Diterima",
    "Leave empty for now.": "Kosongkan untuk sekarang.",
    "Kemendagri code of the place, e.g. 53.71.01": "Kode Kemendagri tempat, misalnya 53.71.01",
    "A child is among them": "Ada anak di antara mereka",
    "I gave the reporter the tracking code verbally": (
        "Saya sudah menyampaikan kode pelacakan kepada pelapor secara lisan"
    ),
    "What the reporter said": "Keterangan pelapor",
    "The reporter stays anonymous": "Pelapor tidak mau disebutkan namanya (anonim)",
    "The reporter is": "Pelapor adalah",
    "Reporter's name": "Nama pelapor",
    "Keep the reporter's identity confidential: only our agency sees it (Pasal 33)": (
        "Rahasiakan identitas pelapor: hanya instansi kami yang dapat melihatnya (Pasal 33)"
    ),
    "Urgency": "Tingkat urgensi",
    "A child involved": "Melibatkan anak",
    "No child": "Tidak melibatkan anak",
    "Tracking code": "Kode pelacakan",
    "Order": "Urutan",
    "Newest first": "Terbaru dahulu",
    "Oldest first": "Terlama dahulu",
    "First action due": "Batas waktu tindakan pertama",
    "Involves a child": "Melibatkan anak",
    "A child among the people concerned": "Ada anak di antara orang yang terdampak",
    "A man or boy among them": "Ada laki-laki dewasa atau anak laki-laki di antara mereka",
    "People concerned": "Orang yang terdampak",
    "Someone is in danger now": "Ada orang dalam bahaya saat ini",
    "A departure is planned today": "Ada keberangkatan yang direncanakan hari ini",
    "Concerns a migrant worker": "Menyangkut pekerja migran",
    "As the rules say": "Sesuai aturan",
    "Route to": "Teruskan ke",
    "Reason (when you decide differently from the rules)": (
        "Alasan (jika keputusan Anda berbeda dari aturan)"
    ),
    "Note for the reporter (public status page)": "Catatan untuk pelapor (halaman status publik)",
    "No names, no internal details.": "Tanpa nama dan tanpa rincian internal.",
    "How was the reporter acknowledged?": "Bagaimana penerimaan dikonfirmasi kepada pelapor?",
    "Name of a person concerned": "Nama orang yang terdampak",
    "Case reference or title": "Nomor atau judul kasus",
    "Short title of the new case": "Judul singkat kasus baru",
    "Why is it closed?": "Mengapa ditutup?",
    "Why is it reopened?": "Mengapa dibuka kembali?",
    # --- Intake: models -------------------------------------------------------------------
    "Public web form": "Formulir web publik",
    "SAPA 129 hotline": "Layanan SAPA 129",
    "SMS": "SMS",
    "WhatsApp": "WhatsApp",
    "Walk-in": "Datang langsung",
    "Police report": "Laporan polisi",
    "Posko referral": "Rujukan dari posko",
    "Media report": "Pemberitaan media",
    "Critical (first action within 2 hours)": "Kritis (tindakan pertama dalam 2 jam)",
    "High (within 24 hours)": "Tinggi (dalam 24 jam)",
    "Normal (within 3 days)": "Normal (dalam 3 hari)",
    "Critical": "Kritis",
    "High": "Tinggi",
    "Normal": "Normal",
    "Triaged": "Sudah dipilah",
    "Attached to a case": "Digabungkan ke kasus",
    "Not known": "Tidak diketahui",
    "The person concerned": "Orang yang bersangkutan",
    "Friend or neighbour": "Teman atau tetangga",
    "Official or community leader": "Aparat atau tokoh masyarakat",
    "Organisation": "Organisasi",
    "Not said": "Tidak disebutkan",
    "Not yet": "Belum",
    "Tracking code shown on screen": "Kode pelacakan ditampilkan di layar",
    "SMS reply with the tracking code": "Balasan SMS berisi kode pelacakan",
    "WhatsApp reply with the tracking code": "Balasan WhatsApp berisi kode pelacakan",
    "Given verbally (phone or in person)": "Disampaikan secara lisan (telepon atau tatap muka)",
    "Called back": "Pelapor ditelepon kembali",
    "Letter or email": "Surat atau email",
    "Duplicate of another complaint": "Duplikat pengaduan lain",
    "Not trafficking; referred to the right service": (
        "Bukan perdagangan orang; dirujuk ke layanan yang sesuai"
    ),
    "Not enough information to act": "Informasi tidak cukup untuk ditindaklanjuti",
    "Reporter cannot be reached": "Pelapor tidak dapat dihubungi",
    "Resolved without a case": "Selesai tanpa kasus",
    "Withdrawn by the reporter": "Dicabut oleh pelapor",
    "Test or spam message": "Pesan uji coba atau spam",
    "tracking code": "kode pelacakan",
    "channel": "saluran",
    "received": "diterima",
    "receiving agency": "instansi penerima",
    "reporter's name": "nama pelapor",
    "reporter's phone": "telepon pelapor",
    "reporter's email": "email pelapor",
    "reporter's address": "alamat pelapor",
    "anonymous": "anonim",
    "identity kept confidential (Pasal 33)": "identitas dirahasiakan (Pasal 33)",
    "Only the receiving agency sees the reporter; not the case file.": (
        "Hanya instansi penerima yang dapat melihat pelapor; tidak dimuat dalam berkas kasus."
    ),
    "reporter is": "pelapor adalah",
    "place": "tempat",
    "people concerned": "orang yang terdampak",
    "a child among them": "ada anak di antara mereka",
    "a man or boy among them": "ada laki-laki dewasa atau anak laki-laki di antara mereka",
    "involves a child": "melibatkan anak",
    "someone is in danger now": "ada orang dalam bahaya saat ini",
    "a departure is planned today": "ada keberangkatan hari ini",
    "concerns a migrant worker": "menyangkut pekerja migran",
    "urgency": "tingkat urgensi",
    "routed to": "diteruskan ke",
    "routing rule": "aturan penerusan",
    "reason for overriding the rules": "alasan menyimpang dari aturan",
    "first action due": "batas waktu tindakan pertama",
    "triaged": "dipilah",
    "acknowledgement to the reporter": "konfirmasi penerimaan kepada pelapor",
    "acknowledged": "dikonfirmasi",
    "note on closing": "catatan penutupan",
    "note for the reporter": "catatan untuk pelapor",
    "Shown on the public status page. No names, no internal details.": (
        "Ditampilkan di halaman status publik. Tanpa nama dan tanpa rincian internal."
    ),
    "message as received": "pesan sebagaimana diterima",
    "bytes as received (base64)": "byte sebagaimana diterima (base64)",
    "parsing notes": "catatan pembacaan pesan",
    "complaint": "pengaduan",
    "complaints": "pengaduan",
    # --- Intake: public pages, selectors, services ----------------------------------------
    "Too many reports were sent from this connection. Please try again in an hour, or call "
    "SAPA 129.": (
        "Terlalu banyak laporan dikirim dari koneksi ini. Silakan coba lagi satu jam lagi, atau "
        "hubungi SAPA 129."
    ),
    "Too many look-ups from this connection. Please try again in an hour.": (
        "Terlalu banyak pencarian dari koneksi ini. Silakan coba lagi satu jam lagi."
    ),
    "We have received your report. An officer will read it and decide who handles it.": (
        "Laporan Anda sudah kami terima. Petugas akan membacanya dan menentukan siapa yang "
        "menanganinya."
    ),
    "An officer has read your report and passed it to the agency that handles it.": (
        "Petugas sudah membaca laporan Anda dan meneruskannya ke instansi yang menanganinya."
    ),
    "Your report is being handled by the responsible agency as part of a case.": (
        "Laporan Anda sedang ditangani oleh instansi yang berwenang sebagai bagian dari sebuah "
        "kasus."
    ),
    "The handling of your report has ended.": "Penanganan laporan Anda sudah selesai.",
    "Someone else changed this complaint while you were working on it. Reload it and apply "
    "your change again.": (
        "Orang lain telah mengubah pengaduan ini saat Anda mengerjakannya. Muat ulang pengaduan "
        "ini, lalu terapkan kembali perubahan Anda."
    ),
    "You chose to report anonymously: leave your name and contact details empty, or untick "
    "“anonymous”.": (
        "Anda memilih melapor tanpa nama: kosongkan nama dan kontak Anda, atau hapus centang "
        "“anonim”."
    ),
    "This email address is not valid.": "Alamat email ini tidak valid.",
    "Unknown choice.": "Pilihan tidak dikenal.",
    "Tell us what happened.": "Ceritakan apa yang terjadi.",
    "Please keep the account under %(n)s characters.": (
        "Mohon tuliskan keterangan kurang dari %(n)s karakter."
    ),
    "Give a number between 0 and 999.": "Isi angka antara 0 dan 999.",
    "Choose how the complaint came in.": "Pilih saluran masuknya pengaduan.",
    "The time of receipt is in the future.": "Waktu penerimaan tidak boleh di masa mendatang.",
    "This cannot be done to a complaint that is “%(status)s”.": (
        "Tindakan ini tidak dapat dilakukan pada pengaduan berstatus “%(status)s”."
    ),
    "Unknown urgency.": "Tingkat urgensi tidak dikenal.",
    "This agency is no longer active.": "Instansi ini sudah tidak aktif.",
    "Say why you decide differently from the triage rules.": (
        "Sebutkan alasan keputusan Anda berbeda dari aturan triase."
    ),
    "Choose how the reporter was acknowledged.": (
        "Pilih cara penerimaan dikonfirmasi kepada pelapor."
    ),
    "An anonymous reporter cannot be contacted.": "Pelapor anonim tidak dapat dihubungi.",
    "Choose why the complaint is closed.": "Pilih alasan pengaduan ditutup.",
    "Explain why the complaint is closed.": "Jelaskan alasan pengaduan ditutup.",
    "Say why the complaint is reopened.": "Sebutkan alasan pengaduan dibuka kembali.",
    "You may not see who reported this complaint.": (
        "Anda tidak berhak melihat siapa yang melaporkan pengaduan ini."
    ),
    "Only the handling agencies read the account.": (
        "Hanya instansi yang menangani yang dapat membaca keterangan ini."
    ),
    # --- Intake: templates ----------------------------------------------------------------
    "Attach to this case": "Gabungkan ke kasus ini",
    "No person or case you may see matches. If none fits, open a new case below.": (
        "Tidak ada orang atau kasus yang boleh Anda lihat yang cocok. Jika tidak ada yang "
        "sesuai, buka kasus baru di bawah ini."
    ),
    "People who may be the same": "Orang yang mungkin sama",
    "Matched on": "Cocok pada",
    "in no case you may see": "tidak ada dalam kasus yang boleh Anda lihat",
    "Cases found": "Kasus yang ditemukan",
    "Message as received": "Pesan sebagaimana diterima",
    "Bytes as received (base64)": "Byte sebagaimana diterima (base64)",
    "The reporter's identity is protected by law (UU 21/2007 Pasal 24 and 33). Say why you "
    "need it; your access is recorded.": (
        "Identitas pelapor dilindungi undang-undang (UU 21/2007 Pasal 24 dan 33). Sebutkan "
        "keperluan Anda; akses Anda dicatat."
    ),
    "Complaint": "Pengaduan",
    "first action overdue": "tindakan pertama terlambat",
    "Receiving agency": "Instansi penerima",
    "the reporter (public form)": "pelapor (formulir publik)",
    "someone in danger now": "ada orang dalam bahaya saat ini",
    "departure today": "berangkat hari ini",
    "migrant worker": "pekerja migran",
    "Routed to": "Diteruskan ke",
    "Triage": "Triase",
    "by %(who)s, %(when)s": "oleh %(who)s, %(when)s",
    "overriding the rules": "menyimpang dari aturan",
    "suggested by the rules; not yet confirmed by an officer": (
        "usulan aturan; belum dikonfirmasi oleh petugas"
    ),
    "Acknowledgement": "Konfirmasi penerimaan",
    "not yet": "belum",
    "Case": "Kasus",
    "attached to a case you may not see": "digabungkan ke kasus yang tidak boleh Anda lihat",
    "Note for the reporter": "Catatan untuk pelapor",
    "SMS keyword and category": "Kata kunci dan kategori SMS",
    "Notes on the message": "Catatan tentang pesan",
    "The account may name people; your reading is recorded.": (
        "Keterangan ini mungkin menyebut nama orang; akses baca Anda dicatat."
    ),
    "Anonymous report.": "Laporan tanpa nama.",
    "Only the receiving agency's officers (and the routed agency's, unless the reporter asked "
    "for confidentiality) may see who reported.": (
        "Hanya petugas instansi penerima (dan instansi tujuan penerusan, kecuali pelapor "
        "meminta identitasnya dirahasiakan) yang boleh melihat siapa pelapornya."
    ),
    "Identity confidential (Pasal 33)": "Identitas dirahasiakan (Pasal 33)",
    "The rules say: urgency %(urgency)s, route to %(agency)s.": (
        "Menurut aturan: tingkat urgensi %(urgency)s, teruskan ke %(agency)s."
    ),
    "Save triage": "Simpan triase",
    "Acknowledge the reporter": "Konfirmasi penerimaan kepada pelapor",
    "Record acknowledgement": "Catat konfirmasi penerimaan",
    "Search before creating a case": "Cari dahulu sebelum membuat kasus",
    "Look for the people and cases this complaint may be about among those you may see: names "
    "match across spelling variants, NIK and phone numbers in any form.": (
        "Cari orang dan kasus yang mungkin berkaitan dengan pengaduan ini di antara yang boleh "
        "Anda lihat: nama dicocokkan meskipun ejaannya berbeda, begitu pula NIK dan nomor "
        "telepon dalam format apa pun."
    ),
    "None fits: open a new case": "Tidak ada yang sesuai: buka kasus baru",
    "Open a case and attach": "Buka kasus dan gabungkan",
    "Close without a case": "Tutup tanpa kasus",
    "Close the complaint": "Tutup pengaduan",
    "Reopen": "Buka kembali",
    "Reopen the complaint": "Buka kembali pengaduan",
    "History": "Riwayat",
    "All complaints": "Semua pengaduan",
    "Complaints": "Pengaduan",
    "Complaints received by your agency or routed to it. Names and accounts show only on a "
    "complaint's page, to the handling agencies.": (
        "Pengaduan yang diterima oleh instansi Anda atau diteruskan kepadanya. Nama dan "
        "keterangan hanya ditampilkan di halaman pengaduan, kepada instansi yang menangani."
    ),
    "Register a complaint": "Catat pengaduan",
    "overdue": "terlambat",
    "No complaints found.": "Tidak ada pengaduan yang ditemukan.",
    "Report received": "Laporan diterima",
    "Thank you. Your report has been received.": "Terima kasih. Laporan Anda telah diterima.",
    "Your tracking code:": "Kode pelacakan Anda:",
    "Write it down or take a photo of this page. The code is the only way to follow your "
    "report: we cannot send it again.": (
        "Catat atau foto halaman ini. Kode ini satu-satunya cara untuk memantau laporan Anda: "
        "kami tidak dapat mengirimkannya lagi."
    ),
    "An officer will read your report and pass it to the agency that handles it. Your "
    "identity, if you gave it, is seen only by the officers handling the report.": (
        "Petugas akan membaca laporan Anda dan meneruskannya ke instansi yang menanganinya. "
        "Identitas Anda, jika Anda cantumkan, hanya dapat dilihat oleh petugas yang menangani "
        "laporan."
    ),
    "Check the status": "Cek status",
    "Someone in danger right now? Call the police at 110 or SAPA 129 (also WhatsApp "
    "08111-129-129).": (
        "Ada yang sedang dalam bahaya? Hubungi polisi di nomor 110 atau SAPA 129 (juga melalui "
        "WhatsApp 08111-129-129)."
    ),
    "Report trafficking": "Laporkan perdagangan orang",
    "Report a case of trafficking in persons": "Laporkan kasus perdagangan orang",
    "What happens to your report": "Apa yang terjadi dengan laporan Anda",
    "An officer of the women and child protection service or of the police reads every report. "
    "Reports about a child, about someone in danger now or about someone leaving today are "
    "read first.": (
        "Setiap laporan dibaca oleh petugas layanan perlindungan perempuan dan anak atau "
        "kepolisian. Laporan tentang anak, tentang orang yang sedang dalam bahaya, atau tentang "
        "orang yang akan berangkat hari ini dibaca lebih dahulu."
    ),
    "After sending, you get a tracking code. Keep it: with the code you can see on this site "
    "what is happening with your report.": (
        "Setelah mengirim, Anda akan mendapat kode pelacakan. Simpan kode itu: dengan kode "
        "tersebut Anda dapat melihat perkembangan laporan Anda di situs ini."
    ),
    "You may report without giving your name. If you do give your name or phone number, only "
    "the officers who handle your report can see them, and every time they look it is "
    "recorded.": (
        "Anda boleh melapor tanpa mencantumkan nama. Jika Anda mencantumkan nama atau nomor "
        "telepon, hanya petugas yang menangani laporan Anda yang dapat melihatnya, dan setiap "
        "kali mereka melihatnya akan tercatat."
    ),
    "The law protects people who report trafficking: you may ask that your name and address "
    "be kept secret (UU 21/2007 Pasal 33).": (
        "Undang-undang melindungi pelapor perdagangan orang: Anda boleh meminta agar nama dan "
        "alamat Anda dirahasiakan (UU 21/2007 Pasal 33)."
    ),
    "Send the report": "Kirim laporan",
    "Already reported? Check the status with your tracking code.": (
        "Sudah melapor? Cek status dengan kode pelacakan Anda."
    ),
    "Status of a report": "Status laporan",
    "Status of your report": "Status laporan Anda",
    "Check": "Cek",
    "Received on": "Diterima pada",
    "Message from the officers": "Pesan dari petugas",
    "We could not find a report with this code. Check that you typed it as it was given to "
    "you (for example LTR-7K3Q-9XPM).": (
        "Kami tidak menemukan laporan dengan kode ini. Pastikan Anda mengetiknya persis seperti "
        "yang diberikan (misalnya LTR-7K3Q-9XPM)."
    ),
    "Report a case": "Laporkan kasus",
    "For calls to SAPA 129, walk-ins, police reports, posko referrals and media reports. The "
    "reporter's identity is encrypted and shown only to the handling agencies; give the "
    "reporter the tracking code shown after saving.": (
        "Untuk panggilan ke SAPA 129, pelapor yang datang langsung, laporan polisi, rujukan dari "
        "posko, dan pemberitaan media. Identitas pelapor dienkripsi dan hanya ditampilkan "
        "kepada instansi yang menangani; berikan kepada pelapor kode pelacakan yang muncul "
        "setelah disimpan."
    ),
    # --- Intake: view messages ------------------------------------------------------------
    "Complaint registered. Tracking code for the reporter: %(code)s": (
        "Pengaduan telah dicatat. Kode pelacakan untuk pelapor: %(code)s"
    ),
    "Triage saved.": "Triase telah disimpan.",
    "Acknowledgement recorded.": "Konfirmasi penerimaan telah dicatat.",
    "The complaint is attached to case %(reference)s.": (
        "Pengaduan telah digabungkan ke kasus %(reference)s."
    ),
    "Give the region of the case.": "Isi wilayah kasus.",
    "Case %(reference)s opened and the complaint attached to it.": (
        "Kasus %(reference)s telah dibuka dan pengaduan digabungkan ke kasus tersebut."
    ),
    "Complaint closed.": "Pengaduan telah ditutup.",
    "Complaint reopened.": "Pengaduan telah dibuka kembali.",
    # --- People: accounts, linked records -------------------------------------------------
    "Kind": "Jenis",
    "Bank, wallet or platform": "Bank, dompet digital, atau platform",
    "Account number or handle": "Nomor rekening atau nama akun",
    "Name part": "Bagian nama",
    "Bank or social account": "Rekening bank atau akun media sosial",
    "Bank account": "Rekening bank",
    "E-wallet": "Dompet digital",
    "Social-media or chat account": "Akun media sosial atau aplikasi pesan",
    "kind": "jenis",
    "bank, wallet or platform": "bank, dompet digital, atau platform",
    "e.g. BRI, BNI, DANA, Facebook, TikTok, WhatsApp, MiChat": (
        "misalnya BRI, BNI, DANA, Facebook, TikTok, WhatsApp, MiChat"
    ),
    "account number or handle": "nomor rekening atau nama akun",
    "Unknown kind of account.": "Jenis akun tidak dikenal.",
    "Name the bank, wallet or platform.": "Sebutkan bank, dompet digital, atau platformnya.",
    "Give the account number or handle.": "Isi nomor rekening atau nama akun.",
    "This account is already recorded.": "Akun ini sudah tercatat.",
    "Accounts": "Rekening dan akun",
    "The same person in other records": "Orang yang sama dalam data lain",
    "confirmed by": "dikonfirmasi oleh",
    "Each record is kept as its agency recorded it; the link says they are one person.": (
        "Setiap data disimpan sebagaimana dicatat oleh instansinya; tautan ini menyatakan "
        "bahwa data tersebut adalah satu orang yang sama."
    ),
    "Add a bank, e-wallet or social account": (
        "Tambah rekening bank, dompet digital, atau akun media sosial"
    ),
    "Accounts link cases: the same account in another case shows up as a possible match. The "
    "number or handle is encrypted.": (
        "Rekening dan akun menghubungkan kasus: akun yang sama di kasus lain akan muncul sebagai "
        "kemungkinan kecocokan. Nomor rekening atau nama akun dienkripsi."
    ),
    "Add account": "Tambah akun",
    "Account added.": "Akun telah ditambahkan.",
    # --- Protection (victim services) -----------------------------------------------------
    "Victim protection": "Perlindungan korban",
    "agency that receives referrals": "instansi penerima rujukan",
    "services offered": "layanan yang disediakan",
    "contact person": "narahubung",
    "accepts children": "menerima anak",
    "service provider": "penyedia layanan",
    "where": "tempat",
    "indicators found": "indikator yang ditemukan",
    "decision": "keputusan",
    "guardian or companion present": "didampingi wali atau pendamping",
    "interpreter used": "menggunakan juru bahasa",
    "notes": "catatan",
    "identification interview": "wawancara identifikasi",
    "needs": "kebutuhan",
    "needs assessment": "asesmen kebutuhan",
    "may be shared with": "boleh dibagikan kepada",
    "facts and journey": "fakta dan perjalanan",
    "people in the case (pseudonymised)": "orang dalam kasus (dengan pseudonim)",
    "identity (name, NIK, contacts)": "identitas (nama, NIK, kontak)",
    "purpose": "keperluan",
    "given by": "diberikan oleh",
    "guardian's name": "nama wali",
    "the child agrees": "anak setuju",
    "given on": "diberikan pada",
    "withdrawn": "ditarik",
    "why withdrawn": "alasan penarikan",
    "consent": "persetujuan",
    "service": "layanan",
    "provider": "penyedia",
    "urgent (trauma or dangerous illness)": "mendesak (trauma atau penyakit yang membahayakan)",
    "First aid is due within 7 days of the request (UU 21/2007 Pasal 53).": (
        "Pertolongan pertama wajib diberikan paling lambat 7 hari setelah permohonan "
        "(UU 21/2007 Pasal 53)."
    ),
    "due": "batas waktu",
    "refer to": "rujuk ke",
    "why": "alasan",
    "reason for declining": "alasan penolakan",
    "reported to police": "dilaporkan ke polisi",
    "A PPT reports a victim it receives to the police within 24 hours.": (
        "PPT melaporkan korban yang diterimanya kepada kepolisian dalam waktu 24 jam."
    ),
    "referral": "rujukan",
    "the victim wants to return": "korban ingin pulang",
    "the victim's wishes, in their words": "keinginan korban, dengan kata-katanya sendiri",
    "family assessed": "keluarga sudah diases",
    "family assessment": "asesmen keluarga",
    "safe to return": "aman untuk dipulangkan",
    "home region (pays the return)": "daerah asal (menanggung biaya pemulangan)",
    "agency paying": "instansi yang membiayai",
    "travel": "perjalanan",
    "travel date": "tanggal perjalanan",
    "handed over to": "diserahkan kepada",
    "returned on": "dipulangkan pada",
    "return home": "pemulangan",
    "visited on": "dikunjungi pada",
    "how the person is doing": "keadaan orang tersebut",
    "closes the follow-up": "mengakhiri pemantauan lanjutan",
    "amount claimed (Rp)": "jumlah yang diajukan (Rp)",
    "for what loss": "untuk kerugian apa",
    "included in the demand on": "dimasukkan dalam tuntutan pada",
    "amount ordered (Rp)": "jumlah yang diputuskan (Rp)",
    "ordered on": "diputuskan pada",
    "notice of the final verdict": "pemberitahuan putusan berkekuatan hukum tetap",
    "court warning issued": "surat peringatan pengadilan dikeluarkan",
    "seizure ordered": "penyitaan diperintahkan",
    "paid on": "dibayar pada",
    "amount paid (Rp)": "jumlah yang dibayar (Rp)",
    "restitution": "restitusi",
    "Only a victim can receive protection services.": (
        "Hanya korban yang dapat menerima layanan perlindungan."
    ),
    "Unknown code: %(code)s": "Kode tidak dikenal: %(code)s",
    "Cannot go from %(old)s to %(new)s.": "Tidak dapat berubah dari %(old)s menjadi %(new)s.",
    "Unknown setting.": "Tempat tidak dikenal.",
    "Unknown decision.": "Keputusan tidak dikenal.",
    "Indicators were found; choose presumed or possible victim.": (
        "Indikator ditemukan; pilih diduga korban atau kemungkinan korban."
    ),
    "A child is interviewed with a parent, guardian or companion present.": (
        "Anak diwawancarai dengan didampingi orang tua, wali, atau pendamping."
    ),
    "Unknown level.": "Tingkat tidak dikenal.",
    "Unknown need: %(code)s": "Kebutuhan tidak dikenal: %(code)s",
    "Name at least one agency the information may be shared with.": (
        "Sebutkan sedikitnya satu instansi yang boleh menerima informasi ini."
    ),
    "Say what the information will be used for.": "Sebutkan keperluan penggunaan informasi ini.",
    "Unknown value.": "Nilai tidak dikenal.",
    "Identity can only be shared together with the people.": (
        "Identitas hanya dapat dibagikan bersama data orang dalam kasus."
    ),
    "Consent must allow sharing something.": (
        "Persetujuan harus mengizinkan setidaknya satu hal untuk dibagikan."
    ),
    "For a child, the parent or guardian gives consent.": (
        "Untuk anak, persetujuan diberikan oleh orang tua atau wali."
    ),
    "Name the parent or guardian.": "Sebutkan nama orang tua atau wali.",
    "The date is in the future.": "Tanggal tidak boleh di masa mendatang.",
    "This consent was already withdrawn.": "Persetujuan ini sudah ditarik.",
    "The consent was withdrawn.": "Persetujuan telah ditarik.",
    "The consent does not name %(agency)s.": "Persetujuan tidak mencantumkan %(agency)s.",
    "The consent does not allow sharing the victim's identity.": (
        "Persetujuan tidak mengizinkan identitas korban dibagikan."
    ),
    "The consent does not allow sharing the people in the case.": (
        "Persetujuan tidak mengizinkan data orang dalam kasus dibagikan."
    ),
    "Unknown service.": "Layanan tidak dikenal.",
    "The service changed meanwhile; reload the page.": (
        "Layanan ini telah berubah sementara itu; muat ulang halaman."
    ),
    "Refer to another agency.": "Rujuk ke instansi lain.",
    "Say why the victim is referred.": "Sebutkan alasan korban dirujuk.",
    "This provider does not belong to the receiving agency.": (
        "Penyedia layanan ini bukan bagian dari instansi penerima."
    ),
    "Unknown basis.": "Dasar tidak dikenal.",
    "Only a child (under 18 at the offence) may be referred for the child's safety.": (
        "Hanya anak (di bawah 18 tahun saat tindak pidana) yang boleh dirujuk demi keselamatan "
        "anak."
    ),
    "Name the provision of law that requires the referral.": (
        "Sebutkan ketentuan peraturan perundang-undangan yang mewajibkan rujukan ini."
    ),
    "Either rely on a consent or record an override, not both.": (
        "Gunakan persetujuan atau catat pengecualian, jangan keduanya."
    ),
    "This agency already has narrower access to the case; the lead agency must revoke it "
    "before a wider referral.": (
        "Instansi ini sudah memiliki akses yang lebih terbatas ke kasus; instansi penanggung "
        "jawab harus mencabutnya sebelum rujukan dengan akses lebih luas."
    ),
    "This consent belongs to another person.": "Persetujuan ini milik orang lain.",
    "No recorded consent of the victim allows sharing this with %(agency)s.": (
        "Tidak ada persetujuan korban yang tercatat yang mengizinkan informasi ini dibagikan "
        "kepada %(agency)s."
    ),
    "A child may be referred without consent for the child's safety.": (
        "Anak boleh dirujuk tanpa persetujuan demi keselamatan anak."
    ),
    "Record the victim's consent first, or the provision of law that requires the referral.": (
        "Catat dahulu persetujuan korban, atau ketentuan peraturan perundang-undangan yang "
        "mewajibkan rujukan ini."
    ),
    "Referral: %(service)s": "Rujukan: %(service)s",
    "The referral changed meanwhile; reload the page.": (
        "Rujukan ini telah berubah sementara itu; muat ulang halaman."
    ),
    "Say why the referral is declined.": "Sebutkan alasan rujukan ditolak.",
    "Referral completed: %(agency)s": "Rujukan selesai: %(agency)s",
    "Accept the referral first.": "Terima rujukan terlebih dahulu.",
    "The report cannot be before the victim was received.": (
        "Tanggal laporan tidak boleh sebelum korban diterima."
    ),
    "Reported to the police: %(agency)s": "Dilaporkan ke kepolisian: %(agency)s",
    "Name the home region (it pays the return).": (
        "Sebutkan daerah asal (yang menanggung biaya pemulangan)."
    ),
    "This return is not planned any more.": "Pemulangan ini tidak lagi direncanakan.",
    "The victim has not said they want to return.": "Korban belum menyatakan ingin pulang.",
    "Assess the family before the return.": "Lakukan asesmen keluarga sebelum pemulangan.",
    "The return has not been judged safe.": "Pemulangan belum dinilai aman.",
    "Say to whom the person was handed over.": "Sebutkan kepada siapa orang tersebut diserahkan.",
    "Visits follow a completed return.": "Kunjungan dilakukan setelah pemulangan selesai.",
    "The visit is before the return.": "Tanggal kunjungan sebelum pemulangan.",
    "Follow-up lasts at least 3 months after the return.": (
        "Pemantauan lanjutan berlangsung sedikitnya 3 bulan setelah pemulangan."
    ),
    "The amount must be positive (whole rupiah).": (
        "Jumlah harus lebih dari nol (dalam rupiah penuh)."
    ),
    "Say which losses the claim covers.": "Sebutkan kerugian apa saja yang diajukan.",
    "Unknown field.": "Isian tidak dikenal.",
    "This step cannot come before an earlier one.": (
        "Tahap ini tidak boleh lebih awal dari tahap sebelumnya."
    ),
    "A warning follows the notice of the final verdict.": (
        "Surat peringatan diberikan setelah pemberitahuan putusan berkekuatan hukum tetap."
    ),
    "Seizure follows the court's warning.": "Penyitaan dilakukan setelah surat peringatan pengadilan.",
    "Give the amount paid.": "Isi jumlah yang dibayar.",
    "The amount must not be negative.": "Jumlah tidak boleh negatif.",
    "Give the amount ordered (0 if none).": "Isi jumlah yang diputuskan (0 jika tidak ada).",
    "Someone else changed this restitution; reload the page.": (
        "Orang lain telah mengubah data restitusi ini; muat ulang halaman."
    ),
    "You can only list providers of your own agency.": (
        "Anda hanya dapat mendaftarkan penyedia layanan dari instansi Anda sendiri."
    ),
    "Give a name.": "Isi nama.",
    "A provider with this name is already listed.": "Penyedia layanan dengan nama ini sudah terdaftar.",
    "Unknown kind.": "Jenis tidak dikenal.",
    "PPT reports the victim to the police (24 hours)": (
        "PPT melaporkan korban ke kepolisian (24 jam)"
    ),
    "First aid for trauma or dangerous illness (7 days)": (
        "Pertolongan pertama untuk trauma atau penyakit yang membahayakan (7 hari)"
    ),
    "Evaluation of the services (every 6 months)": "Evaluasi layanan (setiap 6 bulan)",
    "Restitution paid after final verdict (14 days)": (
        "Restitusi dibayar setelah putusan berkekuatan hukum tetap (14 hari)"
    ),
    "Restitution paid after court warning (14 days)": (
        "Restitusi dibayar setelah surat peringatan pengadilan (14 hari)"
    ),
    "Reintegration follow-up (at least 3 months)": ("Pemantauan reintegrasi (sedikitnya 3 bulan)"),
    "Overdue": "Terlambat",
    "Done on time": "Selesai tepat waktu",
    "Done late": "Selesai terlambat",
    "Minimum period running": "Masa minimum sedang berjalan",
    "Shelter or PPT": "Rumah aman atau PPT",
    "Police station (special service room)": "Kantor polisi (ruang pelayanan khusus)",
    "After a rescue or interception": "Setelah penyelamatan atau pencegatan",
    "Airport or port post": "Posko bandara atau pelabuhan",
    "Abuse of vulnerability": "Penyalahgunaan posisi rentan",
    "Deception about job, wages or conditions": (
        "Penipuan tentang pekerjaan, upah, atau kondisi kerja"
    ),
    "Restriction of movement": "Pembatasan gerak",
    "Isolation (phone taken, no contact with family)": (
        "Isolasi (ponsel diambil, tidak bisa menghubungi keluarga)"
    ),
    "Physical or sexual violence": "Kekerasan fisik atau seksual",
    "Intimidation and threats": "Intimidasi dan ancaman",
    "Identity documents retained by someone else": "Dokumen identitas ditahan orang lain",
    "Wages withheld": "Upah ditahan",
    "Abusive working and living conditions": "Kondisi kerja dan tempat tinggal yang tidak layak",
    "Excessive overtime, no rest days": "Lembur berlebihan, tanpa hari libur",
    "Believes they must work against their will": ("Merasa harus bekerja di luar kehendaknya"),
    "Unable or feels unable to leave": "Tidak dapat atau merasa tidak dapat pergi",
    "Others speak for them, acts as if instructed": (
        "Orang lain berbicara mewakilinya, bersikap seperti diperintah"
    ),
    "Fear of authorities or of being handed to them": (
        "Takut kepada aparat atau takut diserahkan kepada aparat"
    ),
    "False documents": "Dokumen palsu",
    "Found at a place used for exploitation": "Ditemukan di tempat yang digunakan untuk eksploitasi",
    "Does not know home or work address": "Tidak mengetahui alamat rumah atau tempat kerja",
    "Disciplined through punishment": "Didisiplinkan dengan hukuman",
    "No access to medical care": "Tidak mendapat akses perawatan medis",
    "Possible victim (more information needed)": "Kemungkinan korban (perlu informasi tambahan)",
    "No indicators found": "Tidak ditemukan indikator",
    "Safety": "Keamanan",
    "Psychosocial": "Psikososial",
    "Legal": "Hukum",
    "Economic": "Ekonomi",
    "Family": "Keluarga",
    "No need": "Tidak ada kebutuhan",
    "Low": "Rendah",
    "Medium": "Sedang",
    "High / urgent": "Tinggi / mendesak",
    "The victim": "Korban sendiri",
    "Parent or guardian": "Orang tua atau wali",
    "Rescue": "Penyelamatan",
    "Shelter": "Rumah aman (penampungan)",
    "Health rehabilitation": "Rehabilitasi kesehatan",
    "Psychosocial support": "Dukungan psikososial",
    "Social rehabilitation": "Rehabilitasi sosial",
    "Legal aid": "Bantuan hukum",
    "Return home (pemulangan)": "Pemulangan",
    "Social reintegration": "Reintegrasi sosial",
    "Restitution support": "Pendampingan restitusi",
    "Education or training": "Pendidikan atau pelatihan",
    "Planned": "Direncanakan",
    "In progress": "Sedang berjalan",
    "Cancelled": "Dibatalkan",
    "Sent": "Terkirim",
    "Accepted": "Diterima",
    "Declined": "Ditolak",
    "Completed": "Selesai",
    "— (consent given)": "— (ada persetujuan)",
    "Child's safety and best interests": "Keselamatan dan kepentingan terbaik anak",
    "Required by law": "Diwajibkan undang-undang",
    "Government agency": "Instansi pemerintah",
    "Integrated service centre (PPT / UPTD PPA)": "Pusat pelayanan terpadu (PPT / UPTD PPA)",
    "Shelter / protection home / trauma centre": (
        "Rumah aman / rumah perlindungan / pusat pemulihan trauma"
    ),
    "Hospital or health centre": "Rumah sakit atau puskesmas",
    "Legal aid organisation": "Lembaga bantuan hukum",
    "Returned and handed over": "Dipulangkan dan diserahterimakan",
    "Claimed": "Diajukan",
    "Included in the prosecution demand": "Dimasukkan dalam tuntutan jaksa",
    "Ordered by the court": "Diputuskan pengadilan",
    "Verdict final, payment due": "Putusan berkekuatan hukum tetap, wajib dibayar",
    "Unpaid, court warning issued": "Belum dibayar, surat peringatan pengadilan dikeluarkan",
    "Unpaid, seizure and auction ordered": "Belum dibayar, penyitaan dan pelelangan diperintahkan",
    "Paid": "Dibayar",
    "Not ordered": "Tidak diputuskan",
    # --- Web: menu, public home, dashboard cards ------------------------------------------
    "Qualification": "Kualifikasi hukum",
    "Tell us what you know, with or without your name. You get a code to follow your report.": (
        "Sampaikan apa yang Anda ketahui, dengan atau tanpa nama. Anda akan mendapat kode untuk "
        "memantau laporan Anda."
    ),
    "Report": "Lapor",
    "Check the status of a report": "Cek status laporan",
    "Check a job offer": "Cek lowongan kerja",
    "Offered well-paid work abroad with the ticket paid? Paste the offer and see its warning "
    "signs before you go.": (
        "Ditawari kerja di luar negeri dengan gaji besar dan tiket dibayari? Tempel isi tawaran "
        "itu dan lihat tanda bahayanya sebelum Anda berangkat."
    ),
    "Complaints waiting": "Pengaduan menunggu",
    "Received or triaged complaints not yet attached to a case or closed.": (
        "Pengaduan yang sudah diterima atau dipilah, tetapi belum digabungkan ke kasus atau "
        "ditutup."
    ),
    "Open the complaints": "Buka daftar pengaduan",
    "Open cases": "Kasus terbuka",
    "Case files you may see that are not closed (led by your agency or shared with it).": (
        "Berkas kasus yang boleh Anda lihat dan belum ditutup (ditangani instansi Anda atau "
        "dibagikan kepadanya)."
    ),
    "Open the case list": "Buka daftar kasus",
    "Early detection": "Deteksi dini",
    "Screen a traveller at the post (El Tari, Tenau) or job offers found on social media, and "
    "act on the risky ones.": (
        "Periksa pelaku perjalanan di posko (El Tari, Tenau) atau lowongan kerja yang ditemukan "
        "di media sosial, lalu tindak lanjuti yang berisiko."
    ),
    "Open early detection": "Buka deteksi dini",
    "Which offences do the facts satisfy, under the law in force on the offence date? See the "
    "charges, penalties and missing facts.": (
        "Tindak pidana apa yang terpenuhi oleh fakta, menurut hukum yang berlaku pada tanggal "
        "kejadian? Lihat pasal, ancaman pidana, dan fakta yang masih kurang."
    ),
    "Qualify a case": "Kualifikasikan kasus",
    # --- Session 2026-12-04: proceedings links, protection events, exports, published figures --
    "Case list exported": "Daftar kasus diekspor",
    "Referral completed: service delivered": "Rujukan selesai: layanan sudah diberikan",
    "Victim reported to the police by the service centre": (
        "Korban dilaporkan ke kepolisian oleh pusat pelayanan"
    ),
    "Return home plan updated": "Rencana pemulangan diperbarui",
    "Return home cancelled": "Pemulangan dibatalkan",
    "Restitution claimed": "Restitusi diajukan",
    "%(count)d cases exported": "%(count)d kasus diekspor",
    "This access belongs to another case or agency.": ("Akses ini milik kasus atau instansi lain."),
    "You cannot share more of the case than your agency holds.": (
        "Anda tidak dapat membagikan bagian kasus melebihi yang dimiliki instansi Anda."
    ),
    "Victim protection: identification, consent, services, referrals": (
        "Perlindungan korban: identifikasi, persetujuan, layanan, rujukan"
    ),
    "Proceedings of the suspects: stages, deadlines, detention, verdict": (
        "Proses hukum para tersangka: tahapan, tenggat, penahanan, putusan"
    ),
    "Download these cases as CSV (no names; the download is recorded)": (
        "Unduh kasus-kasus ini sebagai CSV (tanpa nama; unduhan dicatat)"
    ),
    "Please correct the errors below.": "Perbaiki kesalahan di bawah ini.",
    "Nothing was saved: please correct the form.": (
        "Belum ada yang disimpan: perbaiki isian formulir."
    ),
    "Give a year from 2000 to next year.": "Isi tahun antara 2000 dan tahun depan.",
    "Women and girls": "Perempuan dan anak perempuan",
    "Men and boys": "Laki-laki dan anak laki-laki",
    "Not recorded": "Tidak dicatat",
    "Children (under 18)": "Anak (di bawah 18 tahun)",
    "Adults": "Dewasa",
    "Age not recorded": "Usia tidak dicatat",
    "Trafficking in persons: published figures": "Perdagangan orang: angka yang diumumkan",
    "Cases recorded by the task forces' member agencies in Lentera, counted once across agencies.": (
        "Kasus yang dicatat instansi anggota gugus tugas di Lentera, dihitung satu kali "
        "lintas instansi."
    ),
    "Year the case was opened": "Tahun kasus dibuka",
    "All years": "Semua tahun",
    'To protect victims (UU 21/2007 Pasal 24), a count from 1 to %(last)s is shown as "&lt;%(k)s", and where one hidden count could be worked out from the total, another small count is hidden too.': (
        "Untuk melindungi korban (UU 21/2007 Pasal 24), jumlah 1 sampai %(last)s ditampilkan "
        'sebagai "&lt;%(k)s", dan bila satu jumlah yang disembunyikan dapat dihitung dari '
        "totalnya, satu jumlah kecil lainnya ikut disembunyikan."
    ),
    "Cases by province": "Kasus menurut provinsi",
    "Victims by sex": "Korban menurut jenis kelamin",
    "Victims by age": "Korban menurut usia",
    "Cases by form of exploitation": "Kasus menurut bentuk eksploitasi",
    "Cases by how victims were recruited": "Kasus menurut cara korban direkrut",
    "No cases recorded.": "Belum ada kasus yang dicatat.",
    "Total": "Jumlah",
    "A case can involve more than one form of exploitation.": (
        "Satu kasus dapat melibatkan lebih dari satu bentuk eksploitasi."
    ),
    "Published figures": "Angka yang diumumkan",
    "How many cases and victims the task forces recorded, by province, sex, age and form of exploitation.": (
        "Berapa kasus dan korban yang dicatat gugus tugas, menurut provinsi, jenis kelamin, "
        "usia dan bentuk eksploitasi."
    ),
    "See the figures": "Lihat angkanya",
    "Proceedings stalled or overdue": "Proses hukum macet atau lewat tenggat",
    "Proceedings with a legal deadline passed or no movement for too long, across the agencies you may see.": (
        "Proses hukum yang tenggat hukumnya terlewati atau terlalu lama tanpa perkembangan, di "
        "semua instansi yang boleh Anda lihat."
    ),
    "Open the stall list": "Buka daftar proses yang macet",
    "Not an officer?": "Bukan petugas?",
    "Victim protection: overdue": "Perlindungan korban: lewat tenggat",
    "Legal deadlines your agency has passed (report to police, first aid, evaluation, restitution, reintegration). Unread notices: %(unread)d.": (
        "Tenggat hukum yang terlewati instansi Anda (lapor ke polisi, pertolongan pertama, "
        "evaluasi, restitusi, reintegrasi). Pemberitahuan belum dibaca: %(unread)d."
    ),
    "Open the overdue list": "Buka daftar yang lewat tenggat",
    "Report trafficking, with or without your name": (
        "Laporkan perdagangan orang, dengan atau tanpa nama Anda"
    ),
}

HEADER = {
    "Project-Id-Version": "Lentera",
    "Last-Translator": "Lentera team",
    "Language-Team": "Indonesian",
    "Language": "id",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}
NPLURALS = 1  # Indonesian has a single plural form

# %(name)s, %(n)d, {name}, %s, %d
PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%[-#0 +]*\d*[sdifr]|\{[^{}\s]*\}"
)


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def main() -> int:
    po = polib.pofile(str(PO_PATH))
    po.header = "Indonesian (Bahasa Indonesia) translation of Lentera.\nFilled by translate_id.py."
    po.metadata.update(HEADER)
    po.metadata["PO-Revision-Date"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")
    po.metadata_is_fuzzy = False
    missing: list[str] = []
    problems: list[str] = []
    for entry in po:
        if entry.obsolete:
            continue
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        value = TRANSLATIONS.get(key)
        if value is None:
            missing.append(key)
            continue
        forms = [value] if isinstance(value, str) else list(value)
        if entry.msgid_plural:
            forms = forms[:NPLURALS]
            entry.msgstr_plural = dict(enumerate(forms))
            sources = [entry.msgid, entry.msgid_plural]
        else:
            entry.msgstr = forms[0]
            sources = [entry.msgid]
        for form in forms:
            if not form.strip():
                problems.append(f"empty translation: {key!r}")
            wanted = placeholders(sources[-1])
            if placeholders(form) != wanted and placeholders(form) != placeholders(sources[0]):
                problems.append(f"placeholders differ: {key!r} -> {form!r}")
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    po.save(str(PO_PATH))
    unused = set(TRANSLATIONS) - {
        f"{e.msgctxt}\x04{e.msgid}" if e.msgctxt else e.msgid for e in po if not e.obsolete
    }
    translated = len(po) - len(missing)
    print(f"{PO_PATH}: {translated} of {len(po)} entries translated")
    if unused:
        print(f"{len(unused)} translation(s) in the dict no longer used (kept for later)")
    for key in missing:
        print(f"MISSING: {key!r}")
    for problem in problems:
        print(f"PROBLEM: {problem}")
    return 1 if missing or problems else 0


if __name__ == "__main__":
    sys.exit(main())
