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
    "placement_closed_country": Element(
        lambda f: f.placement is not None and f.placement.closed_country,
        _both(
            "negara tujuan tertutup atau tidak memenuhi syarat Pasal 31",
            "the destination is closed or lacks the conditions of Pasal 31",
        ),
        Text("negara tujuan terbuka", "the destination is open"),
    ),
}

ELEMENTS: Mapping[str, Element] = MappingProxyType(_ELEMENTS)
