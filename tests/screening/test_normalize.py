"""Normalisation of Indonesian as people write it: folding, money, slang, stemming."""

import pytest

from lentera.screening._normalize import features_text, find_money, fold, stem, tokens


@pytest.mark.parametrize(
    "text",
    ["LOKER Bangkok 🇹🇭 gaji 20–25jt", "İstanbul’da “kerja”", "ẞ straße", "Rp\u00a015.000.000"],
)
def test_fold_keeps_every_offset(text):
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == folded.lower() or "İ" in text or "ẞ" in text


@pytest.mark.parametrize(
    ("text", "low", "high", "monthly", "kind"),
    [
        ("gaji 15jt", 15_000_000, 15_000_000, 15_000_000, "pay"),
        ("gaji 20-25jt/bln", 20_000_000, 25_000_000, 25_000_000, "pay"),
        ("Gaji 2,8–3,5 jt", 2_800_000, 3_500_000, 3_500_000, "pay"),
        ("Rp 15.000.000 per bulan", 15_000_000, 15_000_000, 15_000_000, "pay"),
        ("gaji $1.000 sebulan", 16_000_000, 16_000_000, 16_000_000, "pay"),
        ("USD 1,500/month", 24_000_000, 24_000_000, 24_000_000, "pay"),
        ("gaji RM 3.500", 12_600_000, 12_600_000, 12_600_000, "pay"),
        ("gaji harian 500rb", 500_000, 500_000, 13_000_000, "pay"),
        ("upah 150rb/hari", 150_000, 150_000, 3_900_000, "pay"),
        ("Salary 15 million IDR", 15_000_000, 15_000_000, 15_000_000, "pay"),
        ("transfer biaya Rp2.500.000", 2_500_000, 2_500_000, None, "fee"),
        ("DP 15 juta", 15_000_000, 15_000_000, None, "fee"),
        ("harga Rp. 4.500.000,-", 4_500_000, 4_500_000, None, "fee"),
    ],
)
def test_money_amounts_as_written(text, low, high, monthly, kind):
    (money,) = find_money(text)
    assert (money.low_idr, money.high_idr, money.monthly_idr, money.kind) == (
        low,
        high,
        monthly,
        kind,
    )
    assert text[money.start : money.end].strip()


def test_money_minutes_rate_is_scaled_to_a_month():
    (pay, fee) = find_money("30 menit dapat 300rb. Tugas prabayar mulai 200rb")
    assert pay.period == "minutes" and pay.monthly_idr > 50_000_000
    assert fee.kind == "fee"


def test_nearer_cue_decides_pay_or_fee():
    pay, fee = find_money("gaji 3 jt, biaya 5 jt")
    assert pay.kind == "pay" and fee.kind == "fee"
    # "restoran" contains "st" but is not the fee cue "ST" (short time)
    (money,) = find_money("pelayan restoran, gaji 14 juta")
    assert money.kind == "pay"


@pytest.mark.parametrize(
    "text", ["Jl. Margomulyo No. 44", "usia 18-30", "kontrak 2 tahun", "0800-1000", "ST 600"]
)
def test_bare_numbers_are_not_money(text):
    assert find_money(text) == []


def test_slang_and_money_tokens():
    text = features_text(
        "Gak perlu pengalaman!! Gaji 15jt/bln 🔥 tiket dibayarin, japri aja, diam2"
    )
    assert text.split() == [
        "tidak",
        "perlu",
        "pengalaman",
        "gaji",
        "__pay_high__",
        "tiket",
        "dibayar",
        "japri",
        "saja",
        "diam-diam",
    ]


def test_same_amount_written_two_ways_gives_the_same_tokens():
    assert tokens("gaji 15jt sebulan") == tokens("gaji Rp 15.000.000 sebulan")


def test_stemming_with_sastrawi_is_cached():
    stem.cache_clear()
    assert [stem(w) for w in ("ditanggung", "keberangkatan", "dipotong")] == [
        "tanggung",
        "berangkat",
        "potong",
    ]
    stem("ditanggung")
    assert stem.cache_info().hits >= 1
    assert stem("__pay_high__") == "__pay_high__"
