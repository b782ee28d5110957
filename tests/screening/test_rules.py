"""Each red-flag rule: texts that must trigger it (with the words quoted) and near misses."""

import pytest

from lentera.screening import DestinationPolicyTable, load_default_policy
from lentera.screening._codes import FLAG_CODES
from lentera.screening._rules import analyse

# code -> (texts that hit, with a word the evidence must contain), (near misses)
CASES: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "pay_too_high": (
        [
            ("Kerja gudang, gaji 18jt/bln, tanpa pengalaman", "18jt"),
            ("jaga toko, penghasilan Rp 12.000.000 per bulan", "12.000.000"),
            ("kerja kilang gaji RM 4.000", "RM 4.000"),
            ("cuma like video, 10 menit dapat 200rb", "200rb"),
            ("kerja santai gaji besar", "gaji besar"),
        ],
        [
            "Kasir toko, gaji 2,5 jt + makan",
            "Perawat ICU, S1 Ners, pengalaman 2 tahun, gaji 15 jt",  # skills asked: market pay
            "Biaya proses 15 juta",  # a fee, not pay
            "Gaji menarik, kirim CV ke HRD",
        ],
    ),
    "no_skills_needed": (
        [
            ("Dicari operator, tanpa pengalaman", "tanpa pengalaman"),
            ("gak perlu ijazah, lulusan SD bisa daftar", "gak perlu ijazah"),
            ("No experience needed, we train you", "No experience needed"),
            ("Kerja ke Jepang tanpa ujian bahasa", "tanpa ujian bahasa"),
            ("kerja sampingan cuma kasih rating", "kerja sampingan"),
        ],
        ["Pengalaman min. 2 tahun", "berpengalaman di bidang las", "lulus ujian JFT-Basic"],
    ),
    "few_documents": (
        [
            ("Kerja ke Malaysia cuma modal KTP", "modal KTP"),
            ("Paspor aku yang urus, tinggal berangkat", "Paspor aku yang urus"),
            ("syarat KTP aja", "syarat KTP aja"),
            ("ABK tanpa buku pelaut", "tanpa buku pelaut"),
        ],
        ["Bawa KTP, KK, ijazah dan surat izin keluarga", "Paspor saya urus sendiri di imigrasi?"],
    ),
    "costs_covered": (
        [
            ("Tiket pesawat & mess ditanggung", "Tiket pesawat & mess ditanggung"),
            ("ongkos berangkat dibayarin bos", "ongkos berangkat dibayarin"),
            ("We cover your flights and housing", "We cover your flights"),
            ("Berangkat umroh gratis", "umroh gratis"),
            ("tiket nanti bos yang bayar", "tiket nanti bos yang bayar"),
        ],
        [
            "Tiket ditanggung sendiri oleh pelamar? Tidak.",
            "Mess karyawan tersedia dengan potongan resmi",
        ],
    ),
    "fee_or_debt": (
        [
            ("Segera transfer biaya pelatihan Rp 2.000.000", "transfer"),
            ("boleh kasbon, nanti dipotong gaji", "kasbon"),
            ("Biayanya 40 juta, DP 10 juta", "Biayanya"),
            ("Tugas prabayar mulai 100rb", "prabayar"),
            ("tanpa tes, bayar 20 juta langsung kerja", "bayar 20 juta"),
            ("Registration fee $50 refundable", "Registration fee"),
        ],
        [
            "Tidak dipungut biaya apa pun",
            "tanpa biaya penempatan",
            "Bebas biaya pendaftaran",
            "We never charge a placement fee",
            "tiap bulan kirim uang untuk ibu",
        ],
    ),
    "tourist_visa": (
        [
            ("berangkat pakai visa turis 30 hari", "visa turis"),
            ("Visa on arrival, kerja di sana", "Visa on arrival"),
            ("umroh dulu, sampai sana langsung kerja", "umroh dulu, sampai sana langsung kerja"),
            ("bebas visa 30 hari", "bebas visa"),
        ],
        ["Visa kerja SSW diurus sesuai prosedur", "work visa and signed contract"],
    ),
    "risky_destination": (
        [
            ("Loker CS penempatan Phnom Penh", "Phnom Penh"),
            ("kerja di Myawaddy", "Myawaddy"),
            ("Kerja kantor di Bangkok 🇹🇭", "Bangkok"),
            ("Butuh ART untuk keluarga di Kuwait", "Kuwait"),
        ],
        [
            "Perawat rumah sakit di Kuwait, S1 Ners",  # not household work
            "Operator pabrik di Taiwan lewat P3MI",
            "Kerja kebun di Malaysia",
        ],
    ),
    "scam_job_role": (
        [
            ("Admin chat di Kamboja", "Admin chat"),
            ("Customer service penempatan Laos", "Customer service"),
            ("staff marketing online di Myanmar", "marketing"),
            ("admin judi online, kerja dari mana saja", "judi"),
        ],
        ["Admin gudang di Surabaya", "Customer service bank di Makassar"],
    ),
    "urgent_departure": (
        [
            ("Berangkat lusa!", "Berangkat lusa"),
            ("Slot tinggal 3 orang", "Slot tinggal"),
            ("transfer paling lambat besok siang", "paling lambat besok"),
            ("DP minggu ini biar kebagian", "minggu ini"),
            ("leave next week", "leave next week"),
        ],
        ["Walk-in interview Senin–Jumat", "Pendaftaran ditutup 30 September"],
    ),
    "private_channel": (
        [
            ("langsung japri aja", "japri"),
            ("Chat mentor di Telegram", "Chat mentor"),
            ("transfer ke rekening panitia", "rekening panitia"),
            ("Hub. WA 0812 3456 7890", "WA 0812 3456 7890"),
            ("Apply on Telegram only", "on Telegram"),
        ],
        ["Lamaran dikirim ke alamat kantor", "Daftar melalui SISKOP2MI"],
    ),
    "unlicensed_recruiter": (
        [
            ("semua biaya ditanggung sponsor", "sponsor"),
            ("lewat calo di kampung", "calo"),
            ("Kerja ke Malaysia tanpa PT", "tanpa PT"),
            ("saya bisa berangkatin ke Korea", "saya bisa berangkatin"),
        ],
        [
            "melalui agen awak kapal berizin SIUKAK",
            "P3MI berizin, cek di SISKOP2MI",
            "Program disponsori pemerintah daerah",
        ],
    ),
    "transit_route": (
        [
            ("nyebrang lewat Tanjung Balai Karimun", "Tanjung Balai Karimun"),
            ("terbang ke Kuala Lumpur dulu, habis itu ke Phnom Penh", "Kuala Lumpur"),
            ("kerja di Vietnam, nanti dipindah ke Kamboja", "dipindah ke Kamboja"),
            ("fly to Bangkok and cross the border", "Bangkok"),
        ],
        ["Penempatan ke Hong Kong lewat P3MI resmi", "Kantor kami di Batam, Jl. Sudirman 5"],
    ),
    "minor_targeted": (
        [
            ("Umur 17 ke atas bisa daftar", "umur 17"),
            ("anak perempuan usia 14-17 tahun", "anak perempuan usia"),
            ("ready cewek masih SMA", "masih SMA"),
            ("boleh usia 16+", "usia 16"),
            ("Aged 15 and above welcome", "Aged 15"),
        ],
        [
            "Usia 18–35 tahun",
            "pelamar di bawah 18 tahun tidak diterima",
            "min. 18 th, pendidikan min. SMP",
            "kontrak 2 tahun, pengalaman 10 tahun",
        ],
    ),
    "sexual_service": (
        [
            ("open BO area Kupang", "open BO"),
            ("Lowongan LC karaoke", "LC"),
            ("terapis pijat bisa layanan tambahan", "layanan tambahan"),
            ("ST 600, kamar ada", "ST 600"),
            ("hostesses for a club", "hostesses"),
        ],
        ["Lowongan host live shopping brand skincare", "Terapis pijat refleksi bersertifikat"],
    ),
    "document_retention": (
        [
            ("Paspor dipegang travel sampai kontrak selesai", "Paspor dipegang"),
            ("ijazah asli ditinggal di kantor", "ijazah asli ditinggal"),
            ("your passport will be kept by HR", "passport will be kept"),
            ("HP dikumpulin mandor", "HP dikumpulin"),
        ],
        ["Paspor Anda adalah hak Anda, jangan diserahkan", "Bawa paspor sendiri"],
    ),
    "secrecy": (
        [
            ("jangan bilang ke orang tua", "jangan bilang"),
            ("gak perlu izin orang tua", "gak perlu izin orang tua"),
            ("di imigrasi bilang aja liburan", "bilang aja liburan"),
            ("Don't tell your family", "Don't tell"),
        ],
        ["Bawa surat izin orang tua", "Ceritakan kepada keluarga sebelum berangkat"],
    ),
    "vague_employer": (
        [
            ("Anda diterima bekerja di PT *** Batam", "PT ***"),
            ("Dicari jaga toko di Jakarta, gaji 3 jt", "Dicari"),
            ("perusahaan dirahasiakan, gaji besar", "perusahaan dirahasiakan"),
        ],
        ["Kedai Kopi Tepian (Jl. Kaliurang km 5) cari barista", "PT Sinar Niaga butuh helper"],
    ),
}


def test_every_flag_code_has_cases():
    assert set(CASES) == set(FLAG_CODES)


@pytest.mark.parametrize(
    ("code", "text", "word"),
    [(code, text, word) for code, (hits, _misses) in CASES.items() for text, word in hits],
)
def test_rule_hits_and_quotes_the_words(code, text, word):
    analysis = analyse(text, load_default_policy())
    assert code in analysis.flags, analysis.flags
    evidence = analysis.evidence(code)
    assert evidence and evidence in text
    assert word.lower() in evidence.lower() or evidence.lower() in word.lower()


@pytest.mark.parametrize(
    ("code", "text"),
    [(code, text) for code, (_hits, misses) in CASES.items() for text in misses],
)
def test_rule_near_misses(code, text):
    analysis = analyse(text, load_default_policy())
    assert code not in analysis.flags, analysis.evidence(code)


def test_risky_destination_follows_the_policy_table():
    text = "Kerja kebun di Malaysia, gaji 4 jt"
    closed = DestinationPolicyTable.from_rows(
        [{"country": "MY", "sector": "*", "status": "closed", "legal_basis": "test"}]
    )
    assert "risky_destination" not in analyse(text, load_default_policy()).flags
    assert analyse(text, closed).evidence("risky_destination") == "Malaysia"


def test_official_warning_is_a_notice():
    text = (
        "Waspada! Ciri loker bodong: syarat cuma KTP, diminta transfer biaya di muka. "
        "Laporkan ke polisi. – Humas Polres"
    )
    assert analyse(text, load_default_policy()).notice
    recruiter = "Hati-hati penipuan! Kami resmi. Kerja di Kamboja gaji 15jt, japri aja"
    assert not analyse(recruiter, load_default_policy()).notice


def test_fee_with_an_amount_after_a_negated_clause():
    analysis = analyse("Kerja Jepang tanpa ujian, biaya 30 juta", load_default_policy())
    assert analysis.evidence("fee_or_debt") == "biaya 30"
