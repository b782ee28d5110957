"""Explainable red-flag rules for job offers and messages, one group of patterns per flag code.

Rules run on the folded text (same length as the original, see :func:`fold`) so each hit can
quote the words that triggered it. Some red flags are patterns of words ("tanpa pengalaman",
"paspor dipegang"), some need the money reader (pay far above the market) or the places list
(destinations closed or without a placement agreement, read from the destination policy), and
one is an absence (no company name or address). Context signals that are not red flags (a
licensed agency, a government programme, an official warning, an address) are found here too;
the model weighs them against the flags.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Final

from lentera.screening._gate import Gate, Starts
from lentera.screening._normalize import Money, find_money, fold
from lentera.screening._places import FOREIGN_RE, TRANSIT_RE, foreign_places
from lentera.screening._policy import DestinationPolicyTable

_NEG: Final = (
    r"(?:tanpa|tidak|tdk|tak|gak|ga|gk|nggak|ngga|enggak|ndak|bebas|bukan|no|non|free|zero|nol|"
    r"jangan|hindari|never|don'?t|do not|not|without|dilarang|larangan|tidak ada|gratis)"
)
_NEG_BEFORE: Final = re.compile(rf"(?<![\w-]){_NEG}(?![\w-])[^.!?\n;,]{{0,22}}$")


def _negated(folded: str, start: int) -> bool:
    """A negation in the few words before ``start`` in the same clause ("tanpa biaya ...")."""
    return bool(_NEG_BEFORE.search(folded, max(0, start - 32), start))


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")


_ANY = r"[^.!?\n]"

# --- patterns per flag ------------------------------------------------------------------------
# (pattern, negatable): a negatable pattern does not count after "tanpa", "tidak", "bebas"...

_P: Final[dict[str, list[tuple[re.Pattern[str], bool]]]] = {
    "no_skills_needed": [
        (
            _rx(
                r"(?:tanpa|tnp|tanpa perlu) (?:pengalaman|pengalamn|exp|skill|keahlian|keterampilan|ijazah|ijasah|ujian(?: bahasa)?|tes|test|syarat pendidikan|pendidikan|bisa bahasa|pelatihan|kursus|training|sertifikat|sertifikasi)|syarat(?:nya)?:? (?:cuma |hanya |cukup |cm )?(?:bisa|mampu|asal bisa) (?:ngetik|mengetik|baca tulis|membaca|main hp|pakai hp|pake hp|pegang hp|calistung|chatting|chat)"
            ),
            False,
        ),
        (
            _rx(
                r"(?:tidak|tdk|gak|ga|gk|nggak|ngga|ndak|g|enggak) (?:perlu|butuh|usah|harus|wajib|pake|pakai|dibutuhkan|diperlukan) (?:ada |punya )?(?:pengalaman|pengalamn|exp|skill|keahlian|ijazah|ijasah|pendidikan|bahasa|ujian|tes|bisa bahasa|bisa english|bisa inggris|sekolah tinggi|lulus|pelatihan|kursus|sertifikat|keterampilan)"
            ),
            False,
        ),
        (
            _rx(
                r"(?:pengalaman|skill|ijazah|ijasah|pendidikan|keahlian)(?: \w+)? (?:tidak|tdk|gak|ga|nggak|ngga) (?:perlu|penting|diperlukan|wajib|dibutuhkan|masalah|jadi masalah)"
            ),
            False,
        ),
        (
            _rx(
                r"no (?:prior )?(?:experience|skills?|degree|qualifications?)(?: (?:needed|required|necessary))?|without experience|experience (?:is )?not (?:needed|required)|no need (?:for|of) experience"
            ),
            False,
        ),
        (
            _rx(
                r"(?:semua|siapa (?:saja|aja)|lulusan sd|sd|smp|ibu rumah tangga|irt)(?: \w+)? (?:bisa|boleh|bs) (?:daftar|ikut|melamar|gabung|join|kerja)"
            ),
            False,
        ),
        (
            _rx(
                r"kerja (?:sampingan|santai|mudah|gampang|ringan)|pekerjaan (?:mudah|gampang|ringan|santai)|(?:cuma|hanya|tinggal|cukup|beri|kasih|memberi) (?:kasih )?(?:like|rating|bintang|klik|review|nonton|ketik|follow)|easy (?:job|work|money|tasks?)|simple (?:online )?tasks?|pendidikan (?:bebas|apa saja|apa aja)|tidak harus sekolah|modal hp(?: saja| aja| doang)?|cuma (?:modal )?hp|pasti diterima|dijamin (?:diterima|lolos|lulus)|langsung (?:kerja|diterima)(?: tanpa \w+)?"
            ),
            False,
        ),
    ],
    "few_documents": [
        (
            _rx(
                r"(?:cuma|cukup|hanya|modal|bermodal|cuman|cm|hny|syarat(?:nya)? (?:cuma|cukup|hanya)|hanya perlu|cukup bawa|cuma bawa|only(?: need)?(?: an?)?) (?:fotokopi |fc |foto )?(?:e-?ktp|ktp|kk|id card|identity card)(?: (?:aja|saja|doang|dan kk|\+ kk|& kk))?|syarat(?:nya)?:? (?:fotokopi )?(?:e-?ktp|ktp) (?:aja|saja|doang)"
            ),
            False,
        ),
        (
            _rx(
                rf"(?:paspor|pasport|passport|passpor|dokumen|dokumennya|surat-surat|surat2|berkas|visa|visanya|administrasi|semua surat){_ANY}{{0,25}}?(?:di ?urus|diurusin|diuruskan|kami urus|kita urus|saya urus|aku urus|yang urus|yg urus|kami yang urus|dibantu urus|dibantu|kami bantu|kita bantu|saya bantu|aku bantu|beres|dibereskan|disiapkan|kami siapkan|dibuatkan|dibikinin|dibikinkan|kami buatkan|taken care|handled|arranged)"
            ),
            True,
        ),
        (
            _rx(
                r"(?:urus|urusin|uruskan|bikin|bikinin|buatkan|buatin) (?:paspor|pasport|passport|dokumen|visa|surat-surat|ktp)"
            ),
            True,
        ),
        (
            _rx(
                r"tanpa (?:paspor|passport|pasport|dokumen|prosedur|proses ribet|ribet|medical|medikal|sertifikat|pelatihan|seleksi|interview|wawancara|bst|buku pelaut|permit|work permit|izin kerja)|(?:tidak|gak|ga|nggak|tdk) (?:perlu|usah) (?:paspor|passport|dokumen|surat-surat|medical|medikal|pelatihan|seleksi|interview)|no (?:documents?|paperwork|passport) (?:needed|required)"
            ),
            False,
        ),
    ],
    "costs_covered": [
        (
            _rx(
                rf"(?:tiket|ticket|tiket pesawat|pesawat|ongkos|ongkos berangkat|ongkos jalan|transport|transportasi|akomodasi|visa|paspor|passport|mess|messnya|tempat tinggal|penginapan|apartemen|apartment|kos|asrama|makan|biaya|biayanya|semua biaya|seluruh biaya|flights?|accommodation|housing|lodging|airfare|expenses|dorm|dormitory|meals|food){_ANY}{{0,40}}?(?:ditanggung|di tanggung|tanggungan|gratis|free|dibayarin|dibayarain|dibayari|dibayar (?:bos|sponsor|agen|perusahaan|kantor|majikan|pihak)|dibiayai|ditalangi|ditalangin|dibiayain|dibeliin|dibelikan|covered|paid for|provided|kami bayar|kita bayar|saya bayarin|aku bayarin|dicover|handled|disediakan|sudah disediakan|udah disediakan|dipinjami|dipinjamkan|diutangin|dihutangin|dipinjemin|(?:bos|sponsor|agen|perusahaan|kantor|majikan|om|tante|dia|saya|aku|kami) (?:yang )?(?:bayar|tanggung|bayarin|beliin|talangi|pinjami|utangin))"
            ),
            True,
        ),
        (
            _rx(
                r"(?:berangkat|terbang|keberangkatan|umroh|umrah|jalan-jalan|liburan) (?:gratis|free|dibayarin|ditanggung)|(?:we|company|employer|boss) (?:will )?(?:cover|pay for|pays for|pay|pays|provides?|buy|buys) (?:your |the |all )?(?:flights?|tickets?|visa|accommodation|housing|travel|expenses)|all expenses paid|free (?:flights?|tickets?|visa|accommodation|housing|food)|(?:gratis|free) (?:tiket|ongkos|mess|makan|tempat tinggal|penginapan|visa|paspor)"
            ),
            True,
        ),
        (
            _rx(
                r"(?:biaya|ongkos|tiket)(?: \w+){0,3} (?:dari |oleh |sama |sm |ama )?(?:sponsor|agen|bos|boss|kantor|perusahaan|majikan|pt)(?![\w-])|(?:utang|hutang|ngutang|pinjam|pinjaman|kasbon) (?:tiket|ongkos|biaya (?:tiket|berangkat|keberangkatan|perjalanan))"
            ),
            True,
        ),
    ],
    "fee_or_debt": [
        (
            _rx(
                r"(?:biaya|uang|bayar|ongkos) (?:pendaftaran|daftar|administrasi|admin|pelatihan|training|seragam|medical|medikal|medcek|proses|pengurusan|berkas|jaminan|deposit|formulir|pemberangkatan|keberangkatan|penempatan|visa|paspor|tes|test|interview|id card|asuransi|kontrak|booking|pengganti)"
            ),
            True,
        ),
        (
            _rx(
                r"(?:transfer|tf|trf|kirim uang (?:ke|via) (?:rekening|rek)|setor|setoran|bayar dulu|bayar di ?muka|dp|d\.p\.|down payment|uang muka|deposit|depo|uang jaminan|uang tanda jadi|tanda jadi|prabayar|pra-bayar|top ?up|isi saldo|modal awal|upfront|up-front|registration fee|processing fee|training fee|placement fee|(?:pay|paying) (?:a |the )?(?:fee|deposit)|fee of)"
            ),
            True,
        ),
        (
            _rx(
                r"biayanya|biaya(?: \w+){0,2} (?:rp\.?\s?)?\d[\d.,]*|(?:bayar|membayar|setor|pay)(?: \w+){0,2} (?:rp\.?\s?\d|\$\s?\d|\d+(?:[.,]\d+)? ?(?:jt|juta|rb|ribu|million))"
            ),
            True,
        ),
        (
            _rx(
                r"kasbon|kas bon|ngutang|utang|hutang|pinjaman|pinjam(?:an)? dulu|dipotong(?: dari)? gaji|potong gaji|potongan gaji|gaji dipotong|dicicil(?: dari gaji)?|cicil dari gaji|salary deduct\w*|deducted from (?:your )?salary|ganti rugi|denda|penalti|pinalti|penalty|debt|bayar kembali|balikin (?:modal|uang)"
            ),
            True,
        ),
        (
            _rx(
                r"(?:tidak|gak|ga|nggak|tdk|gk) (?:boleh|bisa) (?:pulang|resign|keluar|berhenti)(?: \w+){0,3} sebelum"
            ),
            False,
        ),
    ],
    "tourist_visa": [
        (
            _rx(
                r"visa (?:turis|turist|tourist|wisata|kunjungan|kunjung|visit|on arrival|holiday|liburan|umroh|umrah|ziarah|pelancong|sosial budaya|sosbud|ziarah)|(?:tourist|visit|visitor|holiday) visa|\bvoa\b|bebas visa|visa bebas|visa[- ]free|free visa|tanpa visa(?: kerja)?|without (?:a )?(?:work )?visa|(?:pakai|pake|dengan|make|pakek|gunakan|menggunakan) (?:visa |paspor )?(?:turis|wisata|pelancong|kunjungan|liburan)|(?:masuk|berangkat) (?:sebagai|jadi) (?:turis|wisatawan)|(?:enter|travel) as (?:a )?tourists?"
            ),
            False,
        ),
        (
            _rx(
                rf"(?:umroh|umrah|ziarah|haji)(?:{_ANY}){{0,60}}?(?:kerja|bekerja|kerjaan|pekerjaan|jadi art|jadi pembantu)"
            ),
            False,
        ),
        (
            _rx(
                r"(?:paspor|pasport|passport) (?:wisata|pelancong|umum)(?: \w+){0,3} (?:untuk )?kerja"
            ),
            False,
        ),
    ],
    "scam_job_role": [],  # needs places: see _scam_job_role
    "urgent_departure": [
        (
            _rx(
                r"(?:berangkat|brgkt|brkt|brangkat|brngkt|bgkt|terbang|otw)(?: \w+){0,3} (?:besok|lusa|bsk)|(?:berangkat|brgkt|brkt|brangkat|brngkt|bgkt|terbang) (?:besok|lusa|minggu ini|minggu depan|minggu dpn|mgg depan|mgg dpn|secepatnya|segera|cepat|cpt|langsung|hari ini|malam ini|bulan ini|\d+ hari lagi|(?:dalam )?\d+ (?:hari|minggu)(?: lagi)?)|(?:butuh|dibutuhkan|dicari|cari) (?:cepat|cpt|cepet|segera|urgent|mendesak)|(?:besok|lusa) (?:udah |sudah |langsung )?(?:berangkat|terbang|brgkt)|(?:bayar|transfer|tf|setor|kirim)(?: \S+){0,5} (?:hari ini|malam ini|sekarang juga)|(?:segera|langsung|buruan|cepat|cepetan) (?:transfer|tf|berangkat|bayar|kirim|daftar sebelum)|paling lambat (?:besok|hari ini|malam ini|nanti|sore ini|siang ini|jam)|(?:slot|kuota|kursi|tempat|seat)(?: \w+)? (?:tinggal|terbatas|sisa|hampir penuh|limited)|tinggal \d+ (?:slot|kursi|orang|tempat|seat|lagi)|buruan|buru-buru|cepetan|gercep|siapa cepat dia dapat|jangan sampai (?:kehabisan|ketinggalan)|biar kebagian|hari ini juga|(?:minggu|hari|malam) ini (?:juga|terakhir)|limited (?:slots?|seats?|places?)|leave (?:tomorrow|this week|next week|immediately|in \d+ days)|start (?:immediately|tomorrow)|fly (?:tomorrow|this week|next week)|proses (?:cepat|kilat|express|ekspres)|(?:langsung|cepat) terbang|last (?:chance|call)|(?:dp|bayar|transfer)(?: \w+){0,3} minggu ini"
            ),
            False,
        ),
        (
            _rx(r"\d+ (?:hari|minggu) (?:langsung )?(?:berangkat|terbang)"),
            False,
        ),  # digit-led: always run
    ],
    "private_channel": [
        (_rx(r"@\w{3,}"), False),  # a handle: always run (starts with a sign)
        (
            _rx(
                r"japri|jalur pribadi|chat pribadi|pesan pribadi|pm (?:aja|saja|ya|kak|me|saya)|dm (?:aja|saja|ya|kak|me|saya|for|buat|untuk|sekarang|now)|inbox (?:aja|saja|ya|kak|saya)|inbok|wa (?:aja|saja|only|doang|langsung|saya|ke)|whatsapp (?:aja|saja|only|saya)|hubungi wa|kontak wa|via (?:wa|whatsapp|dm|inbox|telegram|tele|line|michat)|wa\.me\S*|t\.me\S*|(?:di|ke|lewat|via|hubungi|chat|kontak) telegram|telegram (?:aja|saja|kami|saya)|line id|chat (?:mentor|admin|aja|saja|langsung|kami|saya)|langsung chat|kontak (?:hanya|cuma) lewat|message me|text me|contact me on|hubungi (?:nomor|no) (?:ini|berikut)|(?:rekening|rek\.?) (?:panitia|pribadi|atas nama|a\.\s?n\.?|an\.)|(?:hubungi|kontak|chat|telepon|telp) (?:saya|aku|kami|admin|mentor)(?: \w+)? (?:di |via |lewat )?(?:wa|whatsapp|telegram|dm|inbox|line)|(?:hubungi|chat) mentor|(?:on|via|lewat) telegram|(?:telegram|whatsapp|wa) only|kirim (?:cv|data)(?: \w+){0,2} (?:ke wa|lewat wa|via wa)"
            ),
            False,
        ),
        (
            _rx(
                r"(?:wa|whatsapp|hp|telp|telepon|no|hub|hubungi|kontak|cp|call|sms)\.?\s?:?\s?(?:\+?62|0)8\d[\d\s.-]{6,14}"
            ),
            False,
        ),
    ],
    "unlicensed_recruiter": [
        (
            _rx(
                r"sponsor|calo|makelar|tekong|(?:om|tante|paman|bibi|kakak|abang|teman|temen|kenalan|saudara|sodara|bosku|mami|papi)(?: \w+){0,2} (?:ada|punya|lagi cari|nyari|cari|butuh) (?:kerjaan|lowongan|loker|kerja|orang)|(?:loker|lowongan|kerjaan|info kerja) dari (?:temen|teman|kenalan|om|tante|saudara|sodara)|(?:aku|saya|gue|gw|kita|om|tante|kakak|abang|bos|bosku|teman|temen|mami)(?: \w+)? (?:yang|yg) (?:urus|uruskan|urusin|bawa|berangkatkan|berangkatin)|agen (?:perorangan|pribadi|lapangan)|(?:bos|boss|om|paman|bibi|tante|teman|kenalan|saudara) (?:aku|saya|gue|gw|kami)(?: yang| yg)? (?:urus|bawa|berangkatkan|carikan|uruskan)|(?:aku|saya|gue|gw|kita) yang (?:urus|uruskan|bawa|berangkatkan|carikan)|orang dalam|jalur (?:belakang|samping|tikus|cepat|khusus)|(?:tidak|gak|ga|nggak|tdk|gk|ngga) (?:perlu|usah|pake|pakai|lewat) (?:pt|p3mi|pjtki|agen resmi|disnaker|blk)|(?:saya|aku|gue|gw|om|tante|kakak|kami) bisa (?:berangkatin|berangkatkan|masukin|masukkan|bawa|carikan|kirim)|ikut (?:saya|aku|om|tante) (?:kerja|ke)|tanpa (?:pt|p3mi|pjtki|pptkis|agensi|agency|perusahaan penempatan|lewat pt)|bukan lewat (?:pt|p3mi|agen resmi)|non[- ]?prosedural|unprosedural|ilegal|illegal|unofficial|personal (?:sponsor|agent)|(?:private|individual) (?:agent|recruiter)|agen(?![^.!?\n]{0,30}(?:resmi|berizin|terdaftar|licensed|siukak|p3mi))"
            ),
            True,
        ),
    ],
    "transit_route": [],  # needs places: see _transit_route
    "minor_targeted": [
        (
            _rx(
                r"masih (?:sma|smp|smk|sekolah|pelajar|sd|kelas \d+|abg|dibawah umur|di bawah umur|belia)|baru lulus (?:sd|smp)|anak (?:sma|smp|smk|sekolah|sd)|(?:pelajar|siswa|siswi) (?:sma|smp|smk|sd)|siswi|siswa|anak (?:perempuan|laki-laki|gadis|cewek|cowok) (?:usia|umur|berusia)|abg|bawah umur|di bawah umur|dibawah umur|under ?age|minors?|belia|daun muda|dede gemes|gadis muda|(?:sma|smp) kelas \d|kelas (?:[7-9]|1[0-2]|x|xi|xii) (?:sma|smp|smk)?"
            ),
            True,
        ),
    ],
    "sexual_service": [
        (
            _rx(
                r"open ?bo|booking out|\bbo\b|\blc\b|lady companion|ladies companion|pemandu (?:lagu|karaoke)|\bpl karaoke|(?:pijat|pijet|massage|spa|terapis)(?: \w+){0,3} (?:plus|\+\+|plus-plus|plus plus|sensual|happy ending)|plus-plus|layanan (?:tambahan|khusus|plus|spesial|extra)|extra service|happy ending|sugar (?:daddy|baby|mommy)|\bst\b\s?\d+|short ?time|long ?time|ready (?:cewek|cewe|cwe|cwek|ayam|gadis|ce|cew)|cewek (?:baru|fresh|panggilan)|teman kencan|kencan berbayar|\bdating\b|escort\w*|hostess\w*|host (?:club|karaoke|bar|klub)|wanita penghibur|(?:temani|menemani|nemenin|temenin) (?:tamu|om|bos)|\bvcs\b|video call sex|ngamar|kupu-kupu malam|penari (?:striptis|telanjang|seksi)|stripper|striptease|sexy dancer|ayam kampus|\bbispak\b|\bpsk\b|prostitu\w*|\btarif\b(?: \w+){0,2} (?:st|lt|short|long)"
            ),
            True,
        ),
    ],
    "document_retention": [
        (
            _rx(
                rf"(?:paspor|pasport|passport|passpor|ijazah|ijasah|buku pelaut|ktp|e-ktp|hp|handphone|ponsel|phone|dokumen|dokumennya|sertifikat|akta|kk|surat-surat){_ANY}{{0,40}}?(?:dipegang|dipegangin|ditahan|disimpan|ditinggal|diambil|dititipkan|dititip|dikumpulkan|dikumpul|dikumpulin|disita|diserahkan|ditinggalkan|will be collected|be collected|will be kept|be kept|is kept|are kept|kept by|held by|taken by|collected by|confiscated|kept)"
            ),
            True,
        ),
        (
            _rx(
                r"(?:pegang|tahan|simpan|sita|titip|titipkan|kumpulkan|serahkan|tinggal|tinggalkan|keep|hold|collect|confiscate|surrender|hand over)\w* (?:\w+ ){0,3}(?:paspor|pasport|passport|ijazah|ijasah|buku pelaut|hp|handphone|ponsel|phones?|dokumen|ktp)"
            ),
            True,
        ),
    ],
    "secrecy": [
        (
            _rx(
                r"(?:jangan|jgn|jng) (?:bilang|kasih tahu|kasih tau|kasi tau|cerita|ngomong|bicara|lapor|melapor|kasitau|sampai tahu|sampai tau|kabari|kasih kabar)|rahasia(?:kan)?|diam-diam|diam2|ssst+|(?:ga|gak|tidak|nggak|tdk|gk|ngga) (?:usah|perlu) (?:bilang|kasih tahu|kasih tau|cerita|pamit|izin|ijin|minta izin|lapor)(?:2|-\w+)?(?: (?:ke|sama|sm|pada|kepada) \w+| \w+)?|bilang(?: \w+){0,3} (?:mau |mo |lagi |cuma )?(?:liburan|wisata|jalan-jalan|jalan2|umroh|berkunjung|jenguk|kunjungan|plesir)|tanpa (?:izin|ijin|sepengetahuan|restu) (?:orang ?tua|ortu|keluarga|suami|istri|bapak|ibu)|bilang (?:aja|saja|ke petugas) (?:mau )?(?:liburan|wisata|jalan-jalan|jalan2|umroh|berkunjung|jenguk|kunjungan)|(?:ngaku|mengaku|pura-pura) (?:mau )?(?:liburan|wisata|turis|berkunjung)|don'?t tell|do not tell|keep (?:it|this) (?:a )?secret|tell (?:them|immigration|officers?) (?:you are|that you)|hindari petugas|kucing-kucingan"
            ),
            False,
        ),
    ],
    "vague_employer": [
        (
            _rx(
                r"pt\.? ?\*+|pt\.? ?x{3,}|perusahaan (?:rahasia|dirahasiakan|besar|ternama|terkenal|luar negeri|asing)|nama perusahaan (?:menyusul|nanti|dirahasiakan)|(?:company|employer) (?:name )?(?:confidential|undisclosed|will be disclosed)|kerja (?:apa saja|apa aja|serabutan)|(?:kerjaan|pekerjaan)(?:nya)? (?:nanti|dijelaskan|dikasih tau|dikasih tahu) (?:di sana|disana|nanti|setelah)"
            ),
            False,
        ),
    ],
    "risky_destination": [],  # needs places and the destination policy
    "pay_too_high": [],  # needs the money reader
}

_HOUSEHOLD: Final = _rx(
    r"art|prt|tkw|pembantu(?: rumah tangga)?|asisten rumah tangga|rumah tangga|penata laksana rumah tangga|babysitter|baby sitter|pengasuh|nanny|housemaid|maid|domestic (?:worker|helper)|kerja di rumah|rumah keluarga|sopir pribadi|driver pribadi|perawat lansia di rumah|majikan"
)
_SCAM_ROLE: Final = _rx(
    r"customer service|customer services|customer support|chat support|live chat|support agents?|cs|marketing|admin(?: \w+)?|operator(?: \w+)?|telemarketing|telemarketer|marketing online|online marketing|digital marketing|staff marketing|sales online|chat(?:ting)? (?:agent|operator|admin)|crypto|kripto|cryptocurrency|investasi|investment|trading|forex|typing|ketik|data entry|input data|game online|judi(?: online)?|slot(?: online)?|casino|kasino|betting|it support|programmer|love scam|scammer|penipuan online"
)
_STRONG_SCAM_ROLE: Final = _rx(
    r"crypto|kripto|cryptocurrency|judi(?: online)?|slot online|casino|kasino|betting|love scam|scammer|(?:admin|cs|customer service|operator) (?:judi|slot|game|crypto|kripto|casino|kasino|investasi)|kerja (?:sampingan|online) (?:like|rating|klik|review|tugas)|(?:like|rating|review|klik) (?:hotel|produk|video|youtube|tiktok|konten)(?: online)?|tugas (?:online|prabayar|like|rating)"
)
# "lewat X", "transit di X", "dipindah ke X": X is a place passed through on the way.
_TRANSIT: Final = re.compile(
    rf"(?<![\w-])(?:lewat|via|melalui|transit(?: di)?|nyebrang(?: lewat| ke| di| dari)?|nyeberang(?: lewat| ke| dari)?|menyeberang(?: lewat| ke| dari)?|singgah(?: di)?|mampir(?: di)?|through|by way of|jalur darat(?: lewat| ke)?|lewat darat|overland(?: to| via)?|naik (?:kapal|speed|speedboat|perahu|kapal cepat) (?:ke|dari|lewat)|dipindah(?:kan)? ke|dibawa ke|dioper ke|lanjut ke|diteruskan ke|pindah ke|dijemput di)\s?(?P<place>{_ANY}{{0,30}})"
)
# "ke X dulu, lalu ...", "fly to X and cross the border": X is a first stop only when a further
# leg follows.
_LEG: Final = re.compile(
    rf"(?<![\w-])(?:ke|to|terbang ke|fly to|flight to|berangkat ke)\s(?P<place>{_ANY}{{0,30}})"
)
_THEN: Final = re.compile(
    r"(?<![\w-])(?:dulu|first)(?![\w-])[^.!?\n]{0,40}?(?:habis itu|abis itu|setelah itu|lalu|baru|kemudian|terus|then|lanjut|sambung)|(?:across|cross|crossing|lewat|melintasi|nyebrang|menyeberangi) (?:the )?(?:border|perbatasan)|jalur darat|jalan darat|overland|(?:then|lalu|kemudian|habis itu|abis itu|setelah itu|lanjut)(?: \w+){0,3} (?:by land|by car|by road|by boat|naik|jalan darat|lewat darat|nyebrang|menyeberang|cross)|(?:cross|crossing) (?:by land|overland|by car|by boat)"
)

_PAY_WORDS: Final = _rx(
    r"gaji (?:besar|tinggi|fantastis|menggiurkan|dolar|dollar|2 digit|dua digit|puluhan juta|jutaan|gede|selangit)|penghasilan (?:puluhan juta|jutaan per hari|fantastis|menggiurkan|besar|tak terbatas|unlimited)|puluhan juta(?: per| /| sebulan| tiap)|cuan (?:besar|gede|jutaan)|(?:high|huge|big) (?:salary|income|pay)|earn (?:up to|\$)|passive income|gaji (?:up to|hingga|sampai)"
)

# --- context signals (not flags) --------------------------------------------------------------
_SIGNALS: Final[dict[str, re.Pattern[str]]] = {
    "licensed": _rx(
        r"p3mi|pptkis|pjtki|sip3mi|sip2mi|siup3mi|berizin|izin resmi|terdaftar (?:di|pada) (?:kemnaker|bp2mi|kp2mi|disnaker)|siukak|lpprt|ltsa(?:-pmi)?|blk-?ln|siskop2mi|siskotkln|bp2mi|bp3mi|kp2mi|uptd p2mi|disnaker(?:trans)?|kemnaker|kementerian|licensed|recruitment agency licen\w+"
    ),
    "government_programme": _rx(
        r"g to g|g2g|government-to-government|government to government|antar pemerintah|program pemerintah|eps-topik|eps topik|\beps\b|tokutei ginou|\bssw\b|specified skilled|im japan|ijepa|triple win|magang (?:resmi|jepang resmi)|hrd korea"
    ),
    "warning": _rx(
        r"hati-hati|hati2|waspada|mengimbau|diimbau|imbau|mengingatkan|ditangkap|menangkap|tersangka|dipulangkan|berita|waspadai|awas|ciri-ciri|ciri loker|ciri lowongan|modus|jangan tergiur|jangan mudah percaya|jangan percaya|laporkan|lapor ke|imbauan|himbauan|reminder|beware|warning|be careful|do not accept|don't accept|tips aman|tips agar|penipuan|hoaks|hoax|bodong|waspada penipuan|sebelum berangkat, cek|cek dulu|verify every|report (?:it|to)|humas|polres|polda|kbri|kjri|kemlu|embassy|konsulat|satgas|sosialisasi|edukasi|korban tppo|perdagangan orang|tppo"
    ),
    "address": _rx(
        r"jl\.?|jln\.?|jalan [a-z]+|alamat|kantor (?:kami|cabang|pusat|hrd)|kawasan industri|ruko|gedung|komplek|kompleks|kec\.|kecamatan|kelurahan|kab\.|kabupaten|walk-?in interview|datang langsung|bawa cv"
    ),
    "no_fee": re.compile(
        r"(?<![\w-])(?:(?:tanpa|bebas|tidak (?:ada|dipungut|memungut|dikenakan)|tidak dipungut|gratis|no|free of|zero) (?:biaya|pungutan|fee|placement fee|charge|potongan|uang)|tidak (?:dipungut|memungut) biaya|kami tidak memungut|(?:tidak|gak|ga) (?:ada )?(?:biaya|pungutan) (?:apa ?pun|sepeser))"
    ),
    "work_visa": _rx(
        r"visa kerja|work visa|working visa|visa ssw|work permit|izin kerja|permit kerja"
    ),
    "benefits": _rx(
        r"bpjs|umk|ump|jamsostek|lembur|cuti|libur mingguan|thr|asuransi|kontrak tertulis|perjanjian kerja|perjanjian penempatan|employment contract|signed contract|kontrak langsung|jaminan sosial"
    ),
    "skills_required": _rx(
        r"pengalaman (?:min(?:imal)?\.?|minimal|kerja minimal)|berpengalaman|min\.? (?:sma|smk|smp|d3|s1|diploma)|minimal (?:sma|smk|smp|d3|s1)|pendidikan (?:min|minimal)|lulus ujian|lulusan (?:sma|smk|d3|s1|keperawatan)|sertifikat|bersertifikat|jft|jlpt|topik|str|\bd3\b|\bs1\b|diploma|degree|bahasa (?:inggris|jepang|korea|mandarin|jerman|arab) (?:aktif|lancar|min|b1|n4|n3)|b1|n4|n3"
    ),
    "household": _HOUSEHOLD,
}
# A named business: written with capitals in the original text ("PT Sinar Niaga", "Kedai Kopi").
_COMPANY: Final = re.compile(
    r"(?<![\w-])(?:PT|CV|UD|Pt|Cv)\.? ?[A-Z][\w&'-]{2,}|(?<![\w-])(?:Yayasan|Koperasi|Toko|Kedai|Warung|Restoran|Rumah Makan|Hotel|Klinik|Rumah Sakit|RS|RSUD|Studio|Cafe|Kafe|Bengkel|Apotek|Salon|Laundry|Gudang|Pabrik|Perusahaan)\s+[A-Z][\w&'-]+|(?<![\w-])Tbk(?![\w-])"
)
# What the folded text must hold where a company name starts (a cheap gated test before the
# case-sensitive pattern runs on the original text).
_COMPANY_HINT: Final = re.compile(
    r"(?<![\w-])(?:pt|cv|ud|yayasan|koperasi|toko|kedai|warung|restoran|rumah makan|hotel|klinik|"
    r"rumah sakit|rs|rsud|studio|cafe|kafe|bengkel|apotek|salon|laundry|gudang|pabrik|perusahaan|"
    r"tbk)"
)
_AGE_PATTERNS: Final = (
    re.compile(
        r"(?<![\w-])(?:usia|umur|umurnya|berusia|age|aged|ages)\s?:?\s?(?:min(?:imal|imum)?\.?\s?|mulai\s|dari\s|antara\s)?(?P<n>\d{1,2})(?!\d)"
    ),
    re.compile(
        r"(?<![\w.,-])(?P<n>\d{1,2})\s?(?:an\s?)?(?:th|thn|tahun|y\.?o\.?|years?(?: old)?)?\s?(?:ke ?atas|keatas|\+(?!\d)|and above|and older|or older)"
    ),
    re.compile(
        r"(?<![\w.,-])(?P<n>1[0-7])\s?(?:-|s/d|sampai|sd|to)\s?\d{1,2}\s?(?:th|thn|tahun|y\.?o|years)(?![\w-])"
    ),
    re.compile(r"(?<![\w.,-])(?P<n>1[0-7])\s?(?:an\s?)?(?:yo|y\.o\.?|years? old|tahunan)(?![\w-])"),
    re.compile(
        r"(?<![\w-])(?:anak|cewek|cewe|gadis|perempuan|wanita|pria|laki-laki|cowok|girls?|boys?)\s(?P<n>1[0-7])\s?(?:th|thn|tahun)(?![\w-])"
    ),
)


def _minor_targeted(a: Analysis) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern, negatable in _P["minor_targeted"]:
        spans.extend(_finditer(pattern, a, negatable))
    for pattern in _AGE_PATTERNS:
        for m in a.scan(pattern):
            if 5 <= int(m.group("n")) < 18 and not _negated(a.folded, m.start()):
                spans.append((m.start(), m.end()))
    return spans


_OFFER_CUES: Final = _rx(
    r"japri|dm (?:aja|me|saya)|hubungi (?:saya|kami|aku)|daftar (?:sekarang|segera)|langsung chat|wa (?:aja|saja)|transfer ke|minat\??|yang minat|join (?:now|sekarang)|apply now"
)
_JOB_CUE: Final = _rx(
    r"lowongan|loker|lowker|dicari|dibutuhkan|butuh|mencari|cari|hiring|job|jobs|rekrut\w*|kerja|bekerja|kerjaan|pekerjaan|gaji|vacancy|needed|wanted"
)


@dataclass(frozen=True, slots=True)
class Hit:
    """One rule match: the flag (or signal) code and the span in the original text."""

    code: str
    start: int
    end: int


@dataclass(slots=True)
class Analysis:
    """Everything the rules found in one text."""

    text: str
    folded: str
    flags: dict[str, list[Hit]] = field(default_factory=dict)
    signals: dict[str, list[Hit]] = field(default_factory=dict)
    money: list[Money] = field(default_factory=list)
    places: list[tuple[str, int, int]] = field(default_factory=list)
    notice: bool = False
    starts: Starts | None = None

    def scan(self, pattern: re.Pattern[str]) -> Iterable[re.Match[str]]:
        """``pattern.finditer(self.folded)``, trying only the word starts that may match."""
        if self.starts is None:
            self.starts = _gate().starts(self.folded)
        return self.starts.finditer(pattern, self.folded)

    def evidence(self, code: str) -> str:
        start, end = self.span(code)
        return self.text[start:end]

    def span(self, code: str) -> tuple[int, int]:
        """Where the first words that raised ``code`` are in the text (spaces trimmed)."""
        hit = self.flags[code][0]
        start, end = hit.start, hit.end
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end


_INNER_NEG: Final = re.compile(
    r"(?<![\w-])(?:jangan|tidak|tdk|tak|bukan|never|not|don'?t|gak|ga|nggak|ngga)(?![\w-])"
)
_BY_SELF: Final = re.compile(
    r"\s?(?:sendiri|oleh (?:pelamar|pekerja|calon pekerja|anda)|by (?:yourself|you|the worker))"
)


def _finditer(pattern: re.Pattern[str], a: Analysis, negatable: bool) -> list[tuple[int, int]]:
    """Matches of ``pattern``; a negatable one is dropped when negated before or inside the
    match ("tanpa biaya ...", "paspor jangan diserahkan") or done by the worker ("... sendiri")."""
    matches = a.scan(pattern)
    if not matches:
        return []
    folded = a.folded
    if not negatable:
        return [m.span() for m in matches]
    return [
        m.span()
        for m in matches
        if not (
            _negated(folded, m.start())
            or _INNER_NEG.search(folded, m.start() + 1, m.end())
            or _BY_SELF.match(folded, m.end())
        )
    ]


def _pay_too_high(a: Analysis) -> list[tuple[int, int]]:
    skilled = bool(a.signals.get("skills_required"))
    limit = 30_000_000 if skilled else 10_000_000
    spans = [
        (m.start, m.end)
        for m in a.money
        if m.kind == "pay" and m.monthly_idr is not None and m.monthly_idr >= limit
    ]
    spans += [(s, e) for s, e in _finditer(_PAY_WORDS, a, True)]
    return spans


def _risky_destination(a: Analysis, policy: DestinationPolicyTable) -> list[tuple[int, int]]:
    household = bool(a.signals.get("household"))
    spans: list[tuple[int, int]] = []
    for code, start, end in a.places:
        row = policy.lookup(code, None)
        if row is not None and row.status in ("closed", "no_agreement"):
            spans.append((start, end))
            continue
        ban = policy.lookup(code, "domestic_work")
        if household and ban is not None and ban.status in ("domestic_worker_ban", "closed"):
            spans.append((start, end))
    return spans


def _scam_job_role(a: Analysis) -> list[tuple[int, int]]:
    abroad = bool(a.places)
    spans = [(s, e) for s, e in _finditer(_STRONG_SCAM_ROLE, a, True)]
    if abroad:
        spans += [(s, e) for s, e in _finditer(_SCAM_ROLE, a, False)]
    return sorted(spans)


def _place_in(a: Analysis, start: int, length: int) -> tuple[int, bool] | None:
    """End of the first foreign place or transit point in ``folded[start:start+length]``, and
    whether it is an Indonesian transit point."""
    candidates = [(s, e, False) for _code, s, e in a.places if start <= s < start + length]
    transit = TRANSIT_RE.search(a.folded, start, start + length)
    if transit:
        candidates.append((transit.start(), transit.end(), True))
    if not candidates:
        return None
    _s, end, is_transit_point = min(candidates)
    return end, is_transit_point


def _transit_route(a: Analysis) -> list[tuple[int, int]]:
    spans = []
    f = a.folded
    for m in a.scan(_TRANSIT):
        found = _place_in(a, m.start("place"), len(m.group("place")))
        if found is None:
            continue
        end, is_transit_point = found
        if is_transit_point or _two_countries(a) or _THEN.search(f, end, min(len(f), end + 60)):
            spans.append((m.start(), end))
    for m in a.scan(_LEG):
        found = _place_in(a, m.start("place"), len(m.group("place")))
        if found is None:
            continue
        end, _is_transit_point = found
        later = [c for c, s, _e in a.places if end <= s < end + 80]
        if _THEN.search(f, end, min(len(f), end + 60)) or later:
            spans.append((m.start(), end))
    return sorted(set(spans))


def _two_countries(a: Analysis) -> bool:
    codes = {code for code, _s, _e in a.places if code != "XX"}
    return len(codes) >= 2


def _vague_employer(a: Analysis) -> list[tuple[int, int]]:
    spans = [(s, e) for s, e in _finditer(_P["vague_employer"][0][0], a, False)]
    if spans:
        return spans
    named = any(
        a.signals.get(k) for k in ("address", "company", "licensed", "government_programme")
    )
    if named:
        return []
    job = next(iter(a.scan(_JOB_CUE)), None)
    return [(job.start(), job.end())] if job else []


_SPECIAL: Final[dict[str, Callable[[Analysis], list[tuple[int, int]]]]] = {
    "pay_too_high": _pay_too_high,
    "scam_job_role": _scam_job_role,
    "transit_route": _transit_route,
    "vague_employer": _vague_employer,
    "minor_targeted": _minor_targeted,
}


@functools.cache
def _gate() -> Gate:
    """Every rule pattern, indexed by the words its matches start with (built once)."""
    patterns = [p for group in _P.values() for p, _negatable in group]
    patterns += [*_SIGNALS.values(), *_AGE_PATTERNS, FOREIGN_RE, TRANSIT_RE]
    patterns += [_SCAM_ROLE, _STRONG_SCAM_ROLE, _TRANSIT, _LEG, _PAY_WORDS, _OFFER_CUES, _JOB_CUE]
    patterns.append(_COMPANY_HINT)
    return Gate(patterns)


def analyse(text: str, policy: DestinationPolicyTable) -> Analysis:
    """Run every rule on ``text``; flags found in an official warning are kept apart."""
    folded = fold(text)
    a = Analysis(text=text, folded=folded, starts=_gate().starts(folded))
    a.money = find_money(text, folded)
    a.places = foreign_places(folded, text, a.scan)
    for name, pattern in _SIGNALS.items():
        found = [Hit(name, m.start(), m.end()) for m in a.scan(pattern)]
        if found:
            a.signals[name] = found
    if a.scan(_COMPANY_HINT):
        companies = [Hit("company", m.start(), m.end()) for m in _COMPANY.finditer(text)]
        if companies:
            a.signals["company"] = companies
    transit_points = [Hit("transit_point", m.start(), m.end()) for m in a.scan(TRANSIT_RE)]
    if transit_points:
        a.signals["transit_point"] = transit_points
    for code, patterns in _P.items():
        spans: list[tuple[int, int]] = []
        if code in _SPECIAL:
            spans = _SPECIAL[code](a)
        elif code == "risky_destination":
            spans = _risky_destination(a, policy)
        else:
            for pattern, negatable in patterns:
                spans.extend(_finditer(pattern, a, negatable))
        if spans:
            spans.sort()
            a.flags[code] = [Hit(code, s, e) for s, e in spans]
    warnings = len({h.start for h in a.signals.get("warning", [])})
    offer_cues = sum(1 for _m in a.scan(_OFFER_CUES))
    a.notice = warnings - offer_cues >= 2
    return a
