"""The closed vocabularies of the case-facts contract, with labels in Indonesian and English.

Each vocabulary is listed once, in the order the contract gives it; that order is also the
canonical order in which :class:`~lentera.law.CaseFacts` keeps its lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ._errors import LawError

Labels = Mapping[str, tuple[str, str]]  # code -> (Indonesian, English)

_ACTS: Labels = {
    "recruitment": ("perekrutan", "recruitment"),
    "transportation": ("pengangkutan", "transportation"),
    "harbouring": ("penampungan", "harbouring"),
    "sending": ("pengiriman", "sending"),
    "transfer": ("pemindahan", "transfer"),
    "receipt": ("penerimaan", "receipt"),
}

_MEANS: Labels = {
    "threat_of_violence": ("ancaman kekerasan", "threat of violence"),
    "violence": ("kekerasan", "violence"),
    "abduction": ("penculikan", "abduction"),
    "confinement": ("penyekapan", "confinement"),
    "forgery": ("pemalsuan", "forgery"),
    "fraud": ("penipuan", "fraud"),
    "abuse_of_power": ("penyalahgunaan kekuasaan", "abuse of power"),
    "abuse_of_vulnerability": (
        "penyalahgunaan posisi rentan",
        "abuse of a position of vulnerability",
    ),
    "debt_bondage": ("penjeratan utang", "debt bondage"),
    "payment_to_controller": (
        "memberi bayaran atau manfaat kepada orang yang memegang kendali",
        "payment or benefit to the person in control",
    ),
}

_PURPOSES: Labels = {
    "prostitution": ("pelacuran", "prostitution"),
    "sexual_exploitation": ("eksploitasi seksual", "sexual exploitation"),
    "forced_labour": ("kerja paksa", "forced labour"),
    "forced_services": ("pelayanan paksa", "forced services"),
    "slavery": ("perbudakan", "slavery"),
    "slavery_like_practice": ("praktik serupa perbudakan", "practice similar to slavery"),
    "servitude": ("penghambaan", "servitude"),
    "organ_removal": ("pengambilan organ", "organ removal"),
    "forced_begging": ("mengemis paksa", "forced begging"),
    "forced_criminality": ("kejahatan paksa", "forced criminality"),
    "forced_marriage": ("perkawinan paksa", "forced marriage"),
    "domestic_servitude": ("penghambaan rumah tangga", "domestic servitude"),
    "child_labour": ("pekerja anak", "child labour"),
    "other_exploitation": ("eksploitasi lain", "other exploitation"),
}

_MOVEMENTS: Labels = {
    "none": ("tanpa perpindahan", "no movement"),
    "domestic": ("di dalam wilayah Indonesia", "within Indonesia"),
    "out_of_indonesia": ("ke luar Indonesia", "out of Indonesia"),
    "into_indonesia": ("ke dalam wilayah Indonesia", "into Indonesia"),
}

_HARMS: Labels = {
    "serious_injury": ("luka berat", "serious injury"),
    "severe_mental_disorder": ("gangguan jiwa berat", "severe mental disorder"),
    "life_threatening_disease": (
        "penyakit menular yang membahayakan jiwa",
        "life-threatening infectious disease",
    ),
    "pregnancy": ("kehamilan", "pregnancy"),
    "reproductive_impairment": (
        "terganggu atau hilangnya fungsi reproduksi",
        "impaired or lost reproductive function",
    ),
    "death": ("kematian", "death"),
}

_KINDS: Labels = {
    "individual": ("orang perseorangan", "individual"),
    "corporation": ("korporasi", "corporation"),
}

_PARTICIPATION: Labels = {
    "principal": ("pelaku", "principal"),
    "assistance": ("membantu melakukan", "assistance"),
    "attempt": ("percobaan", "attempt"),
    "conspiracy": ("perencanaan atau permufakatan jahat", "planning or criminal conspiracy"),
}

_USE_OF_VICTIM: Labels = {
    "sexual_act": (
        "persetubuhan atau perbuatan cabul lainnya dengan korban",
        "sexual intercourse or other obscene acts with the victim",
    ),
    "employment": (
        "mempekerjakan korban untuk meneruskan praktik eksploitasi",
        "employing the victim to continue the exploitation",
    ),
    "profit": (
        "mengambil keuntungan dari hasil perdagangan orang",
        "taking profit from the proceeds of trafficking",
    ),
}

_OBSTRUCTION: Labels = {
    "false_testimony": (
        "kesaksian palsu, alat bukti atau barang bukti palsu, atau mempengaruhi saksi",
        "false testimony, false evidence or unlawfully influencing a witness",
    ),
    "attack_on_witness": (
        "penyerangan fisik terhadap saksi atau petugas di persidangan",
        "a physical attack on a witness or court officer",
    ),
    "obstruct_proceedings": (
        "mencegah, merintangi atau menggagalkan penyidikan, penuntutan atau persidangan",
        "preventing, obstructing or thwarting the investigation, prosecution or trial",
    ),
    "help_escape": (
        "membantu pelarian pelaku dari proses peradilan",
        "helping an offender escape justice",
    ),
    "disclose_identity": (
        "memberitahukan identitas saksi atau korban yang harus dirahasiakan",
        "disclosing the identity of a witness or victim that was to be kept confidential",
    ),
}

_OBSTRUCTION_HARM: Labels = {
    "none": ("tanpa luka berat atau kematian", "no serious injury or death"),
    "serious_injury": ("luka berat", "serious injury"),
    "death": ("kematian", "death"),
}

_PLACEMENT: Labels = {
    "by_individual": (
        "penempatan oleh orang perseorangan, bukan perusahaan berizin",
        "placed by an individual, not a licensed agency",
    ),
    "underage": ("pekerja migran berumur di bawah 18 tahun", "the worker was under 18"),
    "requirements_unmet": (
        "persyaratan Pasal 5 UU 18/2017 tidak terpenuhi",
        "the requirements of Pasal 5 UU 18/2017 were not met",
    ),
    "closed_country": (
        "negara tujuan tertutup atau tidak memenuhi syarat Pasal 31",
        "the destination is closed or lacks the conditions of Pasal 31",
    ),
    "false_data": (
        "data atau informasi tidak benar dalam dokumen penempatan",
        "false data or information in the placement documents",
    ),
    "unlawful_job": (
        "ditempatkan pada jabatan atau pekerjaan yang tidak sesuai perjanjian kerja sehingga "
        "merugikan, atau pada pekerjaan yang melanggar hukum",
        "placed in a job other than the agreed one to the worker's detriment, or in unlawful work",
    ),
    "official_dispatch": (
        "pejabat memberangkatkan pekerja yang dokumennya tidak lengkap",
        "an official dispatched a worker whose documents were incomplete",
    ),
    "job_mismatch": (
        "pekerjaan atau jabatan tidak sesuai perjanjian kerja atau keahlian pekerja",
        "work or position not matching the signed contract or the worker's skills",
    ),
    "licence_transferred": (
        "SIP3MI atau SIP2MI dialihkan kepada pihak lain",
        "a SIP3MI or SIP2MI licence was transferred to another party",
    ),
    "costs_charged": (
        "biaya penempatan yang ditanggung pemberi kerja dibebankan kepada pekerja",
        "placement costs the employer bears were charged to the worker",
    ),
    "no_sip2mi": ("penempatan tanpa SIP2MI", "placed without a SIP2MI"),
}

_UNKNOWN: Labels = {
    "acts": ("perbuatan", "act"),
    "means": ("cara", "means"),
    "purposes": ("tujuan eksploitasi", "exploitative purpose"),
    "exploitation_occurred": ("eksploitasi benar terjadi", "exploitation actually occurred"),
    "movement": ("perpindahan", "movement"),
    "victim_age": ("umur korban", "victim's age"),
}

_VOCABULARIES: dict[str, Labels] = {
    "acts": _ACTS,
    "means": _MEANS,
    "purposes": _PURPOSES,
    "movement": _MOVEMENTS,
    "harms": _HARMS,
    "kind": _KINDS,
    "unknown": _UNKNOWN,
    "participation": _PARTICIPATION,
    "use_of_victim": _USE_OF_VICTIM,
    "obstruction": _OBSTRUCTION,
    "obstruction_harm": _OBSTRUCTION_HARM,
    "placement": _PLACEMENT,
}

#: Every closed vocabulary of the input, by field name, in contract order (for forms and docs).
FACT_CODES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {field: tuple(labels) for field, labels in _VOCABULARIES.items()}
)

ACTS = FACT_CODES["acts"]
MEANS = FACT_CODES["means"]
PURPOSES = FACT_CODES["purposes"]
MOVEMENTS = FACT_CODES["movement"]
HARMS = FACT_CODES["harms"]
PERPETRATOR_KINDS = FACT_CODES["kind"]
UNKNOWN_ELEMENTS = FACT_CODES["unknown"]
PARTICIPATION = FACT_CODES["participation"]
USES_OF_VICTIM = FACT_CODES["use_of_victim"]
OBSTRUCTIONS = FACT_CODES["obstruction"]
OBSTRUCTION_HARMS = FACT_CODES["obstruction_harm"]
PLACEMENT_FLAGS = FACT_CODES["placement"]

LANGUAGES = ("id", "en")


def check_lang(lang: str) -> int:
    """Position of ``lang`` in a ``(Indonesian, English)`` pair; raise on other languages."""
    if lang not in LANGUAGES:
        raise LawError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return LANGUAGES.index(lang)


def code_label(field: str, code: str, lang: str = "id") -> str:
    """Plain-language label of ``code`` from vocabulary ``field`` (``"means"``, ``"harms"``...)."""
    position = check_lang(lang)
    try:
        return _VOCABULARIES[field][code][position]
    except KeyError:
        raise LawError(f"no label for {field}={code!r}") from None


def labels(field: str, codes: tuple[str, ...], lang: str) -> str:
    """Comma-separated labels of ``codes``."""
    return ", ".join(code_label(field, code, lang) for code in codes)


class Text:
    """One piece of user-facing text in Indonesian (``id``) and English (``en``)."""

    __slots__ = ("en", "id")

    def __init__(self, id: str, en: str) -> None:
        self.id = id
        self.en = en

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``"id"`` or ``"en"``)."""
        return (self.id, self.en)[check_lang(lang)]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.id, self.en) == (other.id, other.en)

    def __hash__(self) -> int:
        return hash((self.id, self.en))

    def __repr__(self) -> str:
        return f"Text(id={self.id!r}, en={self.en!r})"


def join(parts: list[Text], id_sep: str = "; ", en_sep: str = "; ") -> Text:
    """Several texts joined into one, language by language."""
    return Text(id_sep.join(p.id for p in parts), en_sep.join(p.en for p in parts))
