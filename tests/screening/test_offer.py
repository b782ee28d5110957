"""screen_offer: levels, flags with evidence, notices, languages, the shipped model."""

import json
from importlib import resources

import pytest

from lentera.screening import (
    MODEL_VERSION,
    InvalidInput,
    OfferInput,
    OfferResult,
    parse_offer,
    screen_offer,
)
from lentera.screening._codes import FLAG_CODES


def screen(text: str, **kw) -> OfferResult:
    return screen_offer(OfferInput(text=text, id="t"), **kw)


LAWFUL_GOOD_PAY = [
    "PT Mitra Samudera (SIUKAK) merekrut AB dan oiler untuk kapal niaga asing, sertifikat ANT, "
    "pengalaman laut 1 tahun. Gaji USD 1.400–1.800 sesuai PKL, tiket join ditanggung perusahaan. "
    "Tanpa biaya penempatan.",
    "Penempatan G to G ke Korea sektor manufaktur: lulus EPS-TOPIK, visa kerja E-9, gaji sekitar "
    "30 juta per bulan. Daftar hanya di SISKOP2MI, tidak ada pungutan penempatan.",
    "Klinik Gigi Senyum (Jl. Sudirman 10, Jakarta) mencari dokter gigi, STR aktif, pengalaman 2 "
    "tahun. Gaji 15–20 jt + bagi hasil, BPJS.",
    "P3MI berizin membuka lowongan perawat lansia ke Taiwan, pelatihan BLK-LN, gaji NT$ 20.000, "
    "tiket dan visa kerja ditanggung majikan, perjanjian kerja sebelum berangkat. Daftar di LTSA-PMI.",
]


@pytest.mark.parametrize("text", LAWFUL_GOOD_PAY)
def test_lawful_offers_are_low_even_with_good_pay(text):
    assert screen(text).level == "low"


def test_scam_compound_offer_is_high_with_flags_and_evidence():
    text = (
        "LOKER KAMBOJA admin chat, gaji 20jt/bln, tanpa pengalaman. Tiket + mess ditanggung, "
        "berangkat pakai visa turis. Slot tinggal 2, japri aja!"
    )
    result = screen(text)
    assert result.level == "high" and result.risk > 0.9
    codes = [f.code for f in result.flags]
    assert {"risky_destination", "scam_job_role", "pay_too_high", "tourist_visa"} <= set(codes)
    assert codes == [c for c in FLAG_CODES if c in codes]  # contract order
    for flag in result.flags:
        assert flag.evidence in text
        assert flag.explanation


def test_child_sexual_exploitation_is_always_high():
    result = screen("dicari teman ngobrol, masih SMA, open BO")
    assert result.level == "high"
    assert {"minor_targeted", "sexual_service"} <= {f.code for f in result.flags}


def test_ordinary_local_job_is_low_without_report_channel():
    result = screen(
        "Toko Roti Manis (Jl. Sam Ratulangi 14, Manado) cari kasir, gaji 2,5 jt, datang bawa CV."
    )
    assert result.level == "low"
    assert result.flags == ()
    assert any("SISKOP2MI" in line for line in result.advice)
    assert not any("110" in line for line in result.advice)


def test_official_warning_is_low_and_reports_no_flags():
    result = screen(
        "Hati-hati tawaran kerja ke Kamboja lewat media sosial! Gaji tinggi, tiket gratis, visa "
        "turis: itu modus TPPO. Cek ke Disnaker dan laporkan ke polisi. – Humas Polres"
    )
    assert result.notice and result.level == "low" and result.flags == ()
    assert "imbauan" in result.advice[0]


def test_english_explanations_and_advice():
    result = screen("Kerja di Kamboja jadi CS, gaji 15jt, japri", lang="en")
    assert result.advice[0].startswith("High risk")
    assert all(f.explanation.isascii() for f in result.flags)
    # the record's own lang is used when the caller gives none
    own = screen_offer(OfferInput(text="Kerja di Kamboja jadi CS, gaji 15jt", lang="en"))
    assert own.advice[0].startswith("High risk")


def test_to_dict_is_exactly_the_contract_object():
    out = screen("Kerja di Kamboja jadi CS, gaji 15jt, japri").to_dict()
    assert list(out) == ["id", "risk", "level", "flags", "advice"]
    assert 0.0 <= out["risk"] <= 1.0 and out["level"] in {"high", "medium", "low"}
    assert all(set(f) == {"code", "evidence"} for f in out["flags"])
    assert all(isinstance(line, str) for line in out["advice"])
    json.dumps(out)


def test_unknown_language_is_invalid_input():
    with pytest.raises(InvalidInput) as err:
        screen("gaji 5 jt", lang="fr")
    assert err.value.field == "lang"


def test_shipped_model_is_plain_json_with_thresholds():
    path = resources.files("lentera.screening").joinpath("data/offer_model.json")
    model = json.loads(path.read_text(encoding="utf-8"))
    assert model["model_version"] == MODEL_VERSION
    assert 0 < model["thresholds"]["medium"] < model["thresholds"]["high"] < 1
    assert all(isinstance(w, float) for w in model["weights"].values())
    # the rules carry the model: every flag has a learned weight
    assert all(f"flag:{code}" in model["weights"] for code in FLAG_CODES)


def test_parse_offer_round_trip():
    offer = parse_offer({"id": "a", "text": "hai", "source": "michat", "lang": "id"}, line=3)
    assert offer == OfferInput(text="hai", id="a", source="michat", lang="id")
