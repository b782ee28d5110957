"""Indonesian names as officers and registers write them fold to the same keys."""

from __future__ import annotations

import pytest

from lentera.idn import normalize_name, spelling_key


@pytest.mark.parametrize(
    "written",
    [
        "Muhammad Rizky",
        "Muhamad Rizki",
        "M. Rizky",
        "Moh. Rizky",
        "MOCH. RIZKY",
        "Mhd Rizki",
        "M.Rizky",
        "RIZKY, MUHAMMAD",
        "Drs. H. Moch. Rizky, S.H.",
        "Muhammad Rizky bin Abdullah",
    ],
)
def test_muhammad_variants_titles_and_order(written: str) -> None:
    assert normalize_name(written).keys == ("muhamad", "rizki")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Soekarno", "Sukarno"),  # oe / u
        ("Djoko", "Joko"),  # dj / j
        ("Tjahjono", "Cahyono"),  # tj / c, j / y
        ("Jusuf", "Yusuf"),  # old j is y
        ("Sjahrir", "Syahrir"),  # sj / sy
        ("Achmad", "Ahmad"),  # ch / h
        ("Khairul", "Chairul"),  # kh / ch
        ("Stephanus", "Stefanus"),  # ph / f
        ("Martha", "Marta"),  # th / t
        ("Rizqi", "Rizki"),  # q / k
        ("Zaenal", "Zainal"),  # ae / ai
        ("Yohannes", "Johanes"),  # doubled letters, j / y
        ("Fatimah", "Fatima"),  # silent final h
        ("Dedy", "Dedi"),  # final y / i
        ("Dzulkifli", "Zulkifli"),
    ],
)
def test_spelling_variants_share_a_key(old: str, new: str) -> None:
    assert spelling_key(old.lower()) == spelling_key(new.lower())


def test_bin_binti_keeps_the_father_apart() -> None:
    name = normalize_name("Hj. Siti Fatimah binti H. Abdullah")
    assert name.tokens == ("siti", "fatimah")
    assert name.father == ("abdullah",)
    assert name.father_key == "abdula"


def test_family_given_with_degrees() -> None:
    assert normalize_name("Lado, Maria Goreti, S.Pd., M.Si.").tokens == ("maria", "goreti", "lado")
    assert normalize_name("Johanes Ndun, S.H.").tokens == ("johanes", "ndun")
    assert normalize_name("Zaenal Arifin S.E.").tokens == ("zaenal", "arifin")
    assert normalize_name("dr. Yuliana Benu, Sp.OG").tokens == ("yuliana", "benu")


def test_reordered_parts_share_the_sorted_key() -> None:
    a, b = normalize_name("Yohanes Paulus Ndun"), normalize_name("Ndun Yohanes Paulus")
    assert a.key != b.key
    assert a.sorted_key == b.sorted_key


def test_single_names_and_titles_only() -> None:
    assert normalize_name("SUMARNI").keys == ("sumarni",)
    assert normalize_name("Ny. Sumarni").keys == ("sumarni",)
    assert not normalize_name("H.")
    assert not normalize_name("")
    assert normalize_name("Ishak").keys == ("ishak",)  # "sh" inside a name is not "sy"


def test_balinese_and_accents() -> None:
    assert normalize_name("I Kadek Adnyana").tokens == ("i", "kadek", "adnyana")
    assert normalize_name("José Ximenes").tokens == ("jose", "ximenes")
