"""Named elements: the facts an article needs, each a test over fully known facts.

The law tables (``data/*.json``) name these elements and conditions; this module says what each
name means for a :class:`~lentera.law.CaseFacts` and how to explain it in both languages. The
tests see a *resolved* case, where nothing is unknown: :mod:`._engine` decides what to do with
the elements the officer listed as unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ._codes import HARMS, Text, labels
from ._facts import CaseFacts

SENDING_ACTS = ("sending", "transportation")
"""Acts that count as "mengirim" for Pasal 6: dispatching or landing a person (Pasal 1 angka 10)
and moving them there."""

CHILD_EXPLOITATION = (
    "prostitution",
    "sexual_exploitation",
    "forced_labour",
    "forced_services",
    "slavery",
    "slavery_like_practice",
    "servitude",
    "organ_removal",
    "forced_begging",
    "forced_criminality",
    "domestic_servitude",
    "child_labour",
    "other_exploitation",
)
"""Purposes that are economic or sexual exploitation of a child (UU 35/2014 Pasal 76I): every
purpose but forced marriage, which Pasal 76I does not name."""

VICTIM_TRAFFICKED = "victim_trafficked"
"""The element of Pasal 12 that another offence must satisfy: the engine decides it."""

IN_INDONESIA = ("none", "domestic", "into_indonesia")
CROSS_BORDER = ("out_of_indonesia", "into_indonesia")
WITHIN_OR_OUT = ("domestic", "out_of_indonesia")


def movement(facts: CaseFacts) -> str:
    """The movement code, ``"none"`` when not given."""
    return facts.movement or "none"


def _ages(facts: CaseFacts) -> str:
    ages = sorted(
        {v.age_at_offence for v in facts.victims if v.is_child and v.age_at_offence is not None}
    )
    return ", ".join(str(age) for age in ages)


def _both(lang_id: str, lang_en: str) -> Callable[[CaseFacts], Text]:
    return lambda _facts: Text(lang_id, lang_en)


@dataclass(frozen=True)
class Element:
    """One element: its test, the sentence when it holds, and the sentence when it does not."""

    test: Callable[[CaseFacts], bool]
    met: Callable[[CaseFacts], Text]
    unmet: Text


def _move_label(facts: CaseFacts) -> Text:
    code = (movement(facts),)
    return Text(
        f"perpindahan: {labels('movement', code, 'id')}",
        f"movement: {labels('movement', code, 'en')}",
    )


def _harms(facts: CaseFacts) -> tuple[str, ...]:
    """Harms other than death suffered by any victim, in vocabulary order."""
    found = {harm for victim in facts.victims for harm in victim.harms}
    return tuple(harm for harm in HARMS if harm in found and harm != "death")


def _sending(facts: CaseFacts) -> tuple[str, ...]:
    return tuple(act for act in facts.acts if act in SENDING_ACTS)


def _child_purposes(facts: CaseFacts) -> tuple[str, ...]:
    return tuple(purpose for purpose in facts.purposes if purpose in CHILD_EXPLOITATION)


def _placed(*flags: str) -> Callable[[CaseFacts], bool]:
    return lambda f: f.placement is not None and any(getattr(f.placement, x) for x in flags)


def _placement_met(*flags: str) -> Callable[[CaseFacts], Text]:
    def met(f: CaseFacts) -> Text:
        found = tuple(x for x in flags if f.placement is not None and getattr(f.placement, x))
        return Text(labels("placement", found, "id"), labels("placement", found, "en"))

    return met


def _obstruction(code: str) -> Element:
    return Element(
        lambda f: code in f.obstruction,
        lambda f: Text(labels("obstruction", (code,), "id"), labels("obstruction", (code,), "en")),
        Text(
            f"tidak ada {labels('obstruction', (code,), 'id')}",
            f"no {labels('obstruction', (code,), 'en')}",
        ),
    )


_ELEMENTS: dict[str, Element] = {
    "act": Element(
        lambda f: bool(f.acts),
        lambda f: Text(
            f"ada perbuatan ({labels('acts', f.acts, 'id')})",
            f"there is an act ({labels('acts', f.acts, 'en')})",
        ),
        Text(
            "tidak ada perbuatan (perekrutan, pengangkutan, penampungan, pengiriman, pemindahan "
            "atau penerimaan)",
            "no act (recruitment, transportation, harbouring, sending, transfer or receipt)",
        ),
    ),
    "means": Element(
        lambda f: bool(f.means),
        lambda f: Text(
            f"ada cara ({labels('means', f.means, 'id')})",
            f"there is a means ({labels('means', f.means, 'en')})",
        ),
        Text(
            "tidak ada cara yang disebut undang-undang (ancaman kekerasan, kekerasan, penipuan, "
            "penyalahgunaan posisi rentan, penjeratan utang, dan seterusnya)",
            "no means named by the statute (threat of violence, violence, fraud, abuse of "
            "vulnerability, debt bondage, and so on)",
        ),
    ),
    "purpose": Element(
        lambda f: bool(f.purposes),
        lambda f: Text(
            f"ada tujuan eksploitasi ({labels('purposes', f.purposes, 'id')})",
            f"there is an exploitative purpose ({labels('purposes', f.purposes, 'en')})",
        ),
        Text("tidak ada tujuan eksploitasi", "no exploitative purpose"),
    ),
    "exploitation_in_indonesia": Element(
        lambda f: movement(f) in IN_INDONESIA,
        lambda f: Text(
            "eksploitasi dimaksudkan di wilayah Indonesia",
            "the exploitation is intended in Indonesia",
        ),
        Text(
            "eksploitasi dimaksudkan di luar negeri (yang diatur Pasal 4)",
            "the exploitation is intended abroad (which Pasal 4 covers)",
        ),
    ),
    "into_indonesia": Element(
        lambda f: movement(f) == "into_indonesia",
        _both("orang dibawa masuk ke wilayah Indonesia", "the person was brought into Indonesia"),
        Text("orang tidak dibawa masuk ke wilayah Indonesia", "nobody was brought into Indonesia"),
    ),
    "out_of_indonesia": Element(
        lambda f: movement(f) == "out_of_indonesia",
        _both("orang dibawa ke luar wilayah Indonesia", "the person was taken out of Indonesia"),
        Text("orang tidak dibawa ke luar wilayah Indonesia", "nobody was taken out of Indonesia"),
    ),
    "indonesian_victim": Element(
        lambda f: any(v.citizenship == "ID" for v in f.victims),
        _both("korban warga negara Indonesia", "the victim is an Indonesian citizen"),
        Text(
            "tidak ada korban yang tercatat sebagai warga negara Indonesia",
            "no victim is recorded as an Indonesian citizen",
        ),
    ),
    "adoption_with_payment": Element(
        lambda f: f.adoption_with_payment,
        _both(
            "anak diangkat dengan menjanjikan atau memberikan sesuatu",
            "a child was adopted with something promised or given",
        ),
        Text("tidak ada pengangkatan anak dengan imbalan", "no adoption with payment"),
    ),
    "sending_act": Element(
        lambda f: bool(_sending(f)),
        lambda f: Text(
            f"anak dikirim ({labels('acts', _sending(f), 'id')})",
            f"the child was sent ({labels('acts', _sending(f), 'en')})",
        ),
        Text(
            "tidak ada pengiriman atau pengangkutan",
            "no sending or transportation",
        ),
    ),
    "child_victim": Element(
        lambda f: any(v.is_child for v in f.victims),
        lambda f: Text(
            f"korban anak (di bawah 18 tahun; umur {_ages(f)})",
            f"the victim is a child (under 18; age {_ages(f)})",
        ),
        Text(
            "tidak ada korban yang tercatat berumur di bawah 18 tahun",
            "no victim is recorded as under 18",
        ),
    ),
    "sent_within_or_out": Element(
        lambda f: movement(f) in WITHIN_OR_OUT,
        _move_label,
        Text(
            "anak tidak dikirim antardaerah di Indonesia atau ke luar negeri",
            "the child was not sent between regions of Indonesia or abroad",
        ),
    ),
    "exploited": Element(
        lambda f: f.exploitation_occurred,
        _both("eksploitasi benar terjadi", "the person was in fact exploited"),
        Text(
            "eksploitasi tidak (atau belum terbukti) terjadi",
            "no exploitation (yet) shown to have occurred",
        ),
    ),
    "use_of_victim": Element(
        lambda f: bool(f.use_of_victim),
        lambda f: Text(
            f"korban perdagangan orang dimanfaatkan ({labels('use_of_victim', f.use_of_victim, 'id')})",
            f"a trafficking victim was used ({labels('use_of_victim', f.use_of_victim, 'en')})",
        ),
        Text("tidak ada pemanfaatan korban", "no use of a victim"),
    ),
    VICTIM_TRAFFICKED: Element(
        lambda _f: False,  # decided by the engine from the other offences of the same world
        _both(
            "perdagangan orang terhadap korban terbukti dari fakta lain (Pasal 2-6)",
            "the victim's trafficking is shown by the other facts (Pasal 2-6)",
        ),
        Text(
            "perdagangan orang terhadap korban tidak terbukti dari fakta lain (Pasal 2-6)",
            "the victim's trafficking (Pasal 2-6) is not shown by the other facts",
        ),
    ),
    "false_testimony": _obstruction("false_testimony"),
    "attack_on_witness": _obstruction("attack_on_witness"),
    "attack_without_harm": Element(
        lambda f: f.obstruction_harm == "none",
        _both(
            "serangan tidak mengakibatkan luka berat atau kematian",
            "the attack caused no serious injury or death",
        ),
        Text("serangan mengakibatkan luka berat atau kematian", "the attack caused serious harm"),
    ),
    "attack_serious_injury": Element(
        lambda f: f.obstruction_harm == "serious_injury",
        _both("serangan mengakibatkan luka berat", "the attack caused serious injury"),
        Text("serangan tidak mengakibatkan luka berat", "the attack caused no serious injury"),
    ),
    "attack_death": Element(
        lambda f: f.obstruction_harm == "death",
        _both("serangan mengakibatkan kematian", "the attack caused death"),
        Text("serangan tidak mengakibatkan kematian", "the attack caused no death"),
    ),
    "obstruct_proceedings": _obstruction("obstruct_proceedings"),
    "help_escape": _obstruction("help_escape"),
    "disclose_identity": _obstruction("disclose_identity"),
    "incitement_without_offence": Element(
        lambda f: f.incitement_without_offence,
        _both(
            "ada upaya menggerakkan orang lain melakukan perdagangan orang, yang tidak terjadi",
            "someone tried to incite another to commit trafficking, which did not happen",
        ),
        Text("tidak ada upaya penggerakan", "no attempted incitement"),
    ),
    "document_forgery": Element(
        lambda f: f.document_forgery,
        _both(
            "keterangan palsu atau dokumen negara palsu dipakai untuk mempermudah perdagangan "
            "orang",
            "false statements or forged state documents were used to facilitate trafficking",
        ),
        Text("tidak ada pemalsuan dokumen", "no document forgery"),
    ),
    "illegal_entry_for_profit": Element(
        lambda f: f.illegal_entry_for_profit,
        _both(
            "orang dibawa demi keuntungan ke negara yang tidak berhak dimasukinya",
            "a person was moved for profit into a country they had no right to enter",
        ),
        Text(
            "tidak ada pemindahan tanpa hak masuk demi keuntungan",
            "no movement for profit without a right of entry",
        ),
    ),
    "cross_border": Element(
        lambda f: movement(f) in CROSS_BORDER,
        _move_label,
        Text("tidak ada perlintasan batas negara", "no border was crossed"),
    ),
    # conditions of aggravations and related offences
    "victim_died": Element(
        lambda f: any("death" in v.harms for v in f.victims),
        _both("korban meninggal dunia", "a victim died"),
        Text("tidak ada korban meninggal", "no victim died"),
    ),
    "victim_seriously_harmed": Element(
        lambda f: bool(_harms(f)),
        lambda f: Text(
            f"korban menderita {labels('harms', _harms(f), 'id')}",
            f"a victim suffered {labels('harms', _harms(f), 'en')}",
        ),
        Text("tidak ada luka berat atau akibat lain Pasal 7(1)", "no Pasal 7(1) harm"),
    ),
    "official_abused_power": Element(
        lambda f: any(p.state_official and p.abused_position for p in f.perpetrators),
        _both(
            "pelaku penyelenggara negara menyalahgunakan kekuasaannya",
            "a perpetrator is a state official who abused their power",
        ),
        Text(
            "tidak ada penyelenggara negara yang menyalahgunakan kekuasaan",
            "no state official abused their power",
        ),
    ),
    "organised_group": Element(
        lambda f: f.organised_group,
        _both("dilakukan oleh kelompok yang terorganisasi", "committed by an organised group"),
        Text("bukan kelompok yang terorganisasi", "not an organised group"),
    ),
    "corporate_perpetrator": Element(
        lambda f: any(p.kind == "corporation" for p in f.perpetrators),
        _both("pelaku korporasi", "a perpetrator is a corporation"),
        Text("tidak ada pelaku korporasi", "no corporate perpetrator"),
    ),
    "child_exploited": Element(
        lambda f: any(v.is_child for v in f.victims) and bool(_child_purposes(f)),
        lambda f: Text(
            f"anak (umur {_ages(f)}) dieksploitasi atau akan dieksploitasi secara ekonomi atau "
            f"seksual ({labels('purposes', _child_purposes(f), 'id')})",
            f"a child (age {_ages(f)}) is or was to be exploited economically or sexually "
            f"({labels('purposes', _child_purposes(f), 'en')})",
        ),
        Text(
            "tidak ada anak yang dieksploitasi secara ekonomi atau seksual",
            "no child exploited economically or sexually",
        ),
    ),
    "placement_false_data": Element(
        _placed("false_data"),
        _placement_met("false_data"),
        Text("tidak ada data palsu dalam dokumen penempatan", "no false placement data"),
    ),
    "placement_unlawful_job": Element(
        _placed("unlawful_job"),
        _placement_met("unlawful_job"),
        Text("pekerjaan sesuai perjanjian", "the work matched the agreement"),
    ),
    "placement_official_dispatch": Element(
        _placed("official_dispatch"),
        _placement_met("official_dispatch"),
        Text("tidak ada pemberangkatan oleh pejabat", "no dispatch by an official"),
    ),
    "placement_pasal_85": Element(
        _placed("job_mismatch", "licence_transferred"),
        _placement_met("job_mismatch", "licence_transferred"),
        Text("tidak ada pelanggaran Pasal 71 UU 18/2017", "no breach of Pasal 71 UU 18/2017"),
    ),
    "placement_pasal_86": Element(
        _placed("closed_country", "costs_charged", "no_sip2mi"),
        _placement_met("closed_country", "costs_charged", "no_sip2mi"),
        Text("tidak ada pelanggaran Pasal 72 UU 18/2017", "no breach of Pasal 72 UU 18/2017"),
    ),
    "placement_underage": Element(
        lambda f: f.placement is not None and f.placement.underage,
        _both("pekerja migran berumur di bawah 18 tahun", "the migrant worker was under 18"),
        Text("pekerja migran tidak di bawah umur", "the migrant worker was not underage"),
    ),
    "placement_by_individual": Element(
        lambda f: f.placement is not None and f.placement.by_individual,
        _both(
            "penempatan oleh orang perseorangan, bukan perusahaan berizin",
            "placed by an individual, not a licensed agency",
        ),
        Text("penempatan tidak oleh perseorangan", "not placed by an individual"),
    ),
    "placement_requirements_unmet": Element(
        lambda f: f.placement is not None and f.placement.requirements_unmet,
        _both(
            "persyaratan Pasal 5 UU 18/2017 tidak terpenuhi",
            "the requirements of Pasal 5 UU 18/2017 were not met",
        ),
        Text("persyaratan Pasal 5 terpenuhi", "Pasal 5 requirements met"),
    ),
}

ELEMENTS: Mapping[str, Element] = MappingProxyType(_ELEMENTS)

_LABELS: dict[str, tuple[str, str]] = {
    "act": ("perbuatan", "an act"),
    "means": ("cara", "a means"),
    "purpose": ("tujuan eksploitasi", "an exploitative purpose"),
    "exploitation_in_indonesia": (
        "eksploitasi di wilayah Indonesia",
        "exploitation intended in Indonesia",
    ),
    "into_indonesia": ("dibawa masuk ke Indonesia", "brought into Indonesia"),
    "out_of_indonesia": ("dibawa ke luar Indonesia", "taken out of Indonesia"),
    "indonesian_victim": ("korban warga negara Indonesia", "an Indonesian victim"),
    "adoption_with_payment": ("pengangkatan anak dengan imbalan", "adoption with payment"),
    "sending_act": ("pengiriman anak", "the child was sent"),
    "child_victim": ("korban anak", "a child victim"),
    "sent_within_or_out": (
        "dikirim antardaerah atau ke luar negeri",
        "sent within Indonesia or abroad",
    ),
    "exploited": ("eksploitasi benar terjadi", "exploitation occurred"),
    "use_of_victim": ("pemanfaatan korban", "use of a victim"),
    VICTIM_TRAFFICKED: ("korban diperdagangkan (Pasal 2-6)", "the victim was trafficked"),
    "false_testimony": ("kesaksian atau bukti palsu", "false testimony or evidence"),
    "attack_on_witness": ("penyerangan terhadap saksi atau petugas", "attack on a witness"),
    "attack_without_harm": ("tanpa luka berat atau kematian", "no serious injury or death"),
    "attack_serious_injury": ("mengakibatkan luka berat", "causing serious injury"),
    "attack_death": ("mengakibatkan kematian", "causing death"),
    "obstruct_proceedings": ("merintangi proses peradilan", "obstructing the proceedings"),
    "help_escape": ("membantu pelarian pelaku", "helping an offender escape"),
    "disclose_identity": ("membuka identitas saksi atau korban", "disclosing an identity"),
    "incitement_without_offence": ("penggerakan yang gagal", "failed incitement"),
    "document_forgery": ("pemalsuan dokumen", "document forgery"),
    "illegal_entry_for_profit": (
        "pemindahan tanpa hak masuk demi keuntungan",
        "illegal entry for profit",
    ),
    "cross_border": ("melintasi batas negara", "a border crossed"),
}


def element_label(name: str) -> Text:
    """A short name of element ``name`` for checklists (the name itself when none is given)."""
    found = _LABELS.get(name, (name, name))
    return Text(*found)
