"""The gateway parser: well-formed, free text, malformed, oversized, wrong encoding, phone forms.
Whatever arrives, the whole text survives and every problem is a flag (never an exception)."""

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lentera.apps.intake.parsing import (
    FLAGS,
    MAX_MESSAGE_CHARS,
    GatewayError,
    decode_payload,
    normalize_sender,
    parse_gateway,
    parse_text,
    reply_text,
)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# -- well-formed ---------------------------------------------------------------------------------


def test_keyword_form_from_the_sms_line():
    msg = parse_gateway(text="TPPO#TKI#Maria#Adik saya dibawa ke Malaysia", sender="08123456789")
    assert msg.format == "keyword"
    assert (msg.keyword, msg.category, msg.sender_name) == ("TPPO", "TKI", "Maria")
    assert msg.message == "Adik saya dibawa ke Malaysia"
    assert msg.facts == {"migrant_worker"}
    assert msg.flags == ()
    assert msg.sender_phone == "+628123456789"
    assert msg.text == "TPPO#TKI#Maria#Adik saya dibawa ke Malaysia"
    assert msg.raw_base64 == ""


@pytest.mark.parametrize(
    ("category", "facts"),
    [
        ("ANAK", {"child"}),
        ("pmi", {"migrant_worker"}),
        ("TKI/ANAK", {"child", "migrant_worker"}),
        ("DARURAT", {"danger_now"}),
        ("BERANGKAT", {"departure_today"}),
        ("TPPO", set()),
    ],
)
def test_categories_state_triage_facts(category, facts):
    msg = parse_text(f"LAPOR#{category}#Yohana#Ada yang mencurigakan")
    assert msg.facts == facts
    assert "unknown_category" not in msg.flags


def test_spaces_around_parts_and_lower_case_keyword():
    msg = parse_text("  tppo # anak # Rina Ndun #  tetangga hilang  ")
    assert (msg.keyword, msg.category, msg.sender_name, msg.message) == (
        "TPPO",
        "ANAK",
        "Rina Ndun",
        "tetangga hilang",
    )


def test_full_width_hash_is_a_separator():
    msg = parse_text("TPPO＃TKI＃Maria＃dibawa calo")
    assert msg.format == "keyword" and msg.sender_name == "Maria"


def test_unknown_keyword_and_category_are_accepted_and_flagged():
    msg = parse_text("INFO#NELAYAN#Budi#Kapal di Benoa, ABK tidak digaji")
    assert msg.format == "keyword"
    assert msg.keyword == "INFO" and msg.category == "NELAYAN"
    assert msg.message == "Kapal di Benoa, ABK tidak digaji"
    assert {"unknown_keyword", "unknown_category"} <= set(msg.flags)


# -- free text -----------------------------------------------------------------------------------


def test_free_text_is_the_message():
    msg = parse_text("Selamat malam, anak tetangga saya dijanjikan kerja di Batam")
    assert msg.format == "free_text"
    assert msg.message.startswith("Selamat malam")
    assert "free_text" in msg.flags
    assert "child" in msg.facts and "hint_child" in msg.flags


def test_free_text_with_a_hash_that_is_no_keyword():
    msg = parse_text("Halo#saya mau lapor soal tetangga")
    assert msg.format == "free_text"
    assert msg.message == "Halo#saya mau lapor soal tetangga"
    msg = parse_text("Jam 10 malam #darurat tolong")
    assert msg.format == "free_text"


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Kakak saya disekap di rumah agen", "danger_now"),
        ("mereka tidak boleh keluar dari mess", "danger_now"),
        ("Dia berangkat malam ini naik kapal ke Batam", "departure_today"),
        ("hari ini diberangkatkan dari Tenau", "departure_today"),
        ("dijanjikan kerja di luar negeri", "migrant_worker"),
        ("katanya jadi TKW ke Hong Kong", "migrant_worker"),
        ("umurnya 15 tahun", "child"),
        ("masih SMP", "child"),
    ],
)
def test_free_text_hints(text, fact):
    msg = parse_text(text)
    assert fact in msg.facts
    assert f"hint_{fact}" in msg.flags


def test_ship_crew_is_not_a_child():
    assert "child" not in parse_text("anak buah kapal tidak digaji setahun").facts
    assert "child" not in parse_text("ABK, anak-buah kapal").facts


def test_no_hint_when_nothing_suggests_it():
    msg = parse_text("Saya ingin bertanya tentang lowongan kerja")
    assert msg.facts == frozenset()


# -- malformed -----------------------------------------------------------------------------------


def test_missing_name():
    msg = parse_text("TPPO#TKI#Adik saya dibawa ke Malaysia")
    assert msg.category == "TKI" and msg.sender_name == ""
    assert msg.message == "Adik saya dibawa ke Malaysia"
    assert "missing_name" in msg.flags and "missing_category" not in msg.flags


def test_missing_category():
    msg = parse_text("TPPO#Maria#Adik saya dibawa ke Malaysia")
    assert msg.category == "" and msg.sender_name == "Maria"
    assert "missing_category" in msg.flags


def test_only_a_keyword_and_a_message():
    msg = parse_text("TPPO#Adik saya dibawa orang")
    assert msg.message == "Adik saya dibawa orang"
    assert {"missing_category", "missing_name"} <= set(msg.flags)


def test_empty_parts():
    msg = parse_text("TPPO##Maria#")
    assert {"missing_category", "missing_message"} <= set(msg.flags)
    assert msg.sender_name == "Maria"
    msg = parse_text("TPPO#")
    assert "missing_message" in msg.flags


def test_extra_hash_inside_the_message_stays_in_the_message():
    msg = parse_text("TPPO#TKI#Maria#Adik #2 dibawa ke Malaysia # tolong")
    assert msg.message == "Adik #2 dibawa ke Malaysia # tolong"
    assert "extra_separator" in msg.flags


def test_category_and_name_swapped():
    msg = parse_text("TPPO#Maria#TKI#Adik saya dibawa")
    assert (msg.category, msg.sender_name) == ("TKI", "Maria")
    assert "swapped_fields" in msg.flags


def test_empty_message():
    for text in ("", "   ", "\n"):
        msg = parse_gateway(text=text, sender="+6281234567890")
        assert msg.format == "empty" and "empty" in msg.flags and msg.text == text


# -- oversized -----------------------------------------------------------------------------------


def test_oversized_message_is_kept_whole_and_flagged():
    text = "TPPO#TKI#Maria#" + "Adik saya dibawa ke Malaysia. " * 400
    msg = parse_gateway(text=text, sender="081234567890")
    assert len(text) > MAX_MESSAGE_CHARS
    assert msg.text == text
    assert msg.message == text[len("TPPO#TKI#Maria#") :].strip()
    assert "oversized" in msg.flags


# -- encoding ------------------------------------------------------------------------------------


def test_raw_utf8_bytes_decode_cleanly():
    text, raw, flags = decode_payload(raw=b64("TPPO#ANAK#Siti#Adik hilang 🙏".encode()))
    assert text == "TPPO#ANAK#Siti#Adik hilang 🙏"
    assert raw == "" and flags == []


def test_invalid_utf8_is_replaced_and_the_bytes_kept():
    data = b"TPPO#TKI#Maria#" + b"\xff\xfe\xfa adik dibawa"
    text, raw, flags = decode_payload(raw=b64(data))
    assert "\ufffd" in text and text.endswith("adik dibawa")
    assert base64.b64decode(raw) == data
    assert flags == ["bad_encoding"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_ucs2_sms_bytes_are_read(encoding):
    data = "TPPO#TKI#Maria#Adik dibawa".encode(encoding)
    msg = parse_gateway(raw=b64(data), sender="+6281234567890")
    assert msg.text == "TPPO#TKI#Maria#Adik dibawa"
    assert msg.sender_name == "Maria"
    assert "utf16" in msg.flags and base64.b64decode(msg.raw_base64) == data


def test_raw_that_is_not_base64_is_stored_as_given():
    text, raw, flags = decode_payload(raw="TPPO#TKI#not base64!")
    assert text == "TPPO#TKI#not base64!" and raw == "" and flags == ["bad_base64"]


def test_nul_and_lone_surrogates_are_replaced_and_kept_as_bytes():
    text, raw, flags = decode_payload(text="TPPO#TKI#Maria#a\x00b\ud800c")
    assert text == "TPPO#TKI#Maria#a\ufffdb\ufffdc"
    assert flags == ["control_chars"]
    assert base64.b64decode(raw) == "TPPO#TKI#Maria#a\x00b\ud800c".encode("utf-8", "surrogatepass")
    text.encode("utf-8")  # storable


def test_raw_wins_over_text_and_one_is_needed():
    text, _raw, _flags = decode_payload(text="ignored", raw=b64(b"dipakai"))
    assert text == "dipakai"
    with pytest.raises(GatewayError):
        decode_payload()


# -- senders -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sender",
    [
        "081234567890",
        "0812-3456-7890",
        "+62 812 3456 7890",
        "6281234567890",
        "006281234567890",
        "+62 (0) 812 3456 7890",
        "whatsapp:+6281234567890",
        "6281234567890@c.us",
        "6281234567890@s.whatsapp.net",
    ],
)
def test_indonesian_phone_forms(sender):
    assert normalize_sender(sender) == ("+6281234567890", [])


@pytest.mark.parametrize(("sender", "flag"), [("", "no_sender"), ("TELKOMSEL", "bad_sender")])
def test_bad_senders_are_flagged(sender, flag):
    phone, flags = normalize_sender(sender)
    assert phone is None and flags == [flag]
    msg = parse_gateway(text="TPPO#TKI#Maria#x", sender=sender)
    assert msg.sender_phone is None and flag in msg.flags


# -- reply and flags -----------------------------------------------------------------------------

GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)


def test_reply_fits_one_sms_in_indonesian():
    reply = reply_text("LTR-7K3Q-9XPM")
    assert "LTR-7K3Q-9XPM" in reply
    assert "Laporan diterima" in reply and "dirahasiakan" in reply
    assert len(reply) <= 160
    assert set(reply) <= GSM_BASIC


def test_every_flag_set_is_documented():
    texts = [
        "",
        "TPPO#x",
        "INFO#NELAYAN#Budi#x#y",
        "TPPO#Maria#TKI#disekap, berangkat hari ini, anak, ke Malaysia",
        "Halo",
        "TPPO##Maria#",
    ]
    seen = set()
    for text in texts:
        seen |= set(parse_gateway(text=text, sender="").flags)
    seen |= set(parse_gateway(raw="!!!").flags) | set(parse_gateway(raw=b64(b"\xff")).flags)
    assert seen <= set(FLAGS)


@given(st.text(max_size=300), st.text(max_size=30))
def test_never_raises_and_keeps_the_text(text, sender):
    msg = parse_gateway(text=text, sender=sender)
    clean = msg.text
    assert len(clean) == len(text)
    clean.encode("utf-8")
    assert set(msg.flags) <= set(FLAGS)


@given(st.binary(max_size=300))
def test_any_bytes_are_accepted_and_kept(data):
    msg = parse_gateway(raw=b64(data), sender="081234567890")
    msg.text.encode("utf-8")
    if msg.raw_base64:
        assert base64.b64decode(msg.raw_base64) == data
    else:
        assert msg.text == data.decode("utf-8").lstrip("\ufeff")
