"""Generate Indonesian-style person registers of one population, with the truth.

Three agencies hold overlapping parts of one population of households: a police unit
(``polres.csv``), a social-affairs office (``dinsos.csv``, which splits names into given and
family name) and a migrant-protection office (``bp3mi.csv``). Each agency writes people its
own way and makes its own mistakes:

* names: old and new spelling (oe/u, dj/j, tj/c, j/y, ch/kh/h, ph/f...), the abbreviations of
  Muhammad, titles and degrees (H., Hj., Drs., S.H., A.Md....), ``bin``/``binti`` with the
  father's name, single names, "Family, Given", reordered parts, typos, upper case;
* NIK with one slipped digit, two neighbouring digits swapped, a digit lost, or formatted
  with spaces and dots; phones as 08.., +62.., 62.., with spaces, dashes or dots; birth dates
  with day and month swapped or one digit wrong; addresses abbreviated or out of date;
  regions as a code or as a name;
* hard negatives: siblings share family name, address, household phone, father and the NIK's
  region part, and are born a few years apart; some are twins (same birth date, NIK serials
  one apart).

The population, the names and every mistake come from one ``random.Random(seed)``, so a seed
gives the same files everywhere. ``--profile holdout`` changes the mix of names and every error
rate, to test a model on registers written unlike the ones it was trained on.

usage: python bench/data/idn_registers.py OUT_DIR [--people N] [--seed S] [--profile P]
Writes OUT_DIR/{polres,dinsos,bp3mi}.csv and OUT_DIR/truth.csv (source,id,entity_id).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# --- name stock (invented combinations of common Indonesian names) -------------------------

JAVA_M = [
    "Budi",
    "Agus",
    "Slamet",
    "Sutrisno",
    "Bambang",
    "Joko",
    "Wahyu",
    "Eko",
    "Heru",
    "Hadi",
    "Suparman",
    "Sugeng",
    "Purnomo",
    "Setiawan",
    "Santoso",
    "Prasetyo",
    "Nugroho",
    "Susanto",
    "Hartono",
    "Wibowo",
    "Kurniawan",
    "Gunawan",
    "Hidayat",
    "Teguh",
    "Yudi",
    "Rudi",
    "Anton",
    "Dedi",
    "Hendra",
    "Arif",
    "Bayu",
    "Dimas",
    "Fajar",
    "Galih",
    "Rahmat",
    "Sutarno",
    "Sukirman",
    "Paijo",
    "Tukiman",
    "Sarwono",
    "Margono",
    "Haryanto",
    "Triyono",
    "Mulyadi",
    "Supriyadi",
    "Widodo",
    "Suyanto",
]
JAVA_F = [
    "Sri",
    "Wahyuni",
    "Sumarni",
    "Lestari",
    "Endang",
    "Rina",
    "Yuni",
    "Suharti",
    "Ningsih",
    "Rahayu",
    "Puji",
    "Astuti",
    "Kartini",
    "Sulastri",
    "Wulandari",
    "Utami",
    "Handayani",
    "Suryani",
    "Murni",
    "Tutik",
    "Sukarti",
    "Partini",
    "Suwarni",
    "Yanti",
    "Dewi",
    "Ratna",
    "Indah",
    "Fitri",
    "Novi",
    "Rini",
    "Tri",
    "Winarti",
    "Sumiati",
    "Painem",
    "Tumini",
    "Juwariyah",
    "Setyowati",
]
JAVA_PREFIX = ("Dwi", "Tri", "Eka", "Catur", "Sri")
MUSLIM_FIRST_M = ("Muhammad", "Muhammad", "Muhammad", "Ahmad", "Abdul", "Mohammad")
MUSLIM_M = [
    "Rizky",
    "Fauzi",
    "Hidayat",
    "Ridwan",
    "Syahrul",
    "Arif",
    "Iqbal",
    "Yusuf",
    "Ilham",
    "Fadli",
    "Hasan",
    "Husain",
    "Zainal",
    "Khairul",
    "Rahman",
    "Hakim",
    "Iskandar",
    "Syaiful",
    "Taufik",
    "Hafiz",
    "Rasyid",
    "Amin",
    "Jamal",
    "Zulkifli",
    "Fikri",
    "Akbar",
    "Ramadhan",
    "Firmansyah",
    "Saputra",
    "Maulana",
    "Alfarizi",
    "Nasrullah",
    "Kholil",
    "Sholeh",
    "Anwar",
    "Jusuf",
    "Usman",
    "Umar",
    "Idris",
    "Ismail",
    "Luthfi",
    "Mahmud",
    "Faisal",
    "Fahmi",
    "Syahputra",
    "Hamzah",
    "Badrul",
    "Nizar",
]
MUSLIM_FIRST_F = ("Siti", "Siti", "Nur", "Dewi", "Sitti")
MUSLIM_F = [
    "Aisyah",
    "Fatimah",
    "Nurhaliza",
    "Rahmawati",
    "Khadijah",
    "Zulaikha",
    "Maryam",
    "Aminah",
    "Halimah",
    "Rohani",
    "Salmah",
    "Nurjanah",
    "Zahra",
    "Azizah",
    "Hasanah",
    "Mardiyah",
    "Khoiriyah",
    "Jamilah",
    "Rahma",
    "Hidayah",
    "Marlina",
    "Safitri",
    "Nuraini",
    "Rosidah",
    "Sholihah",
    "Syarifah",
    "Kamilah",
    "Hamidah",
    "Latifah",
    "Umayah",
    "Wardah",
    "Yuliani",
    "Ainun",
]
NTT_M = [
    "Yohanes",
    "Yosef",
    "Fransiskus",
    "Agustinus",
    "Stefanus",
    "Marthen",
    "Yakobus",
    "Petrus",
    "Paulus",
    "Dominggus",
    "Kornelis",
    "Melkianus",
    "Yeremias",
    "Aris",
    "Alfons",
    "Bernadus",
    "Emanuel",
    "Gabriel",
    "Hendrikus",
    "Ignasius",
    "Kristoforus",
    "Lukas",
    "Matias",
    "Nikolaus",
    "Oktavianus",
    "Rafael",
    "Simon",
    "Thomas",
    "Vinsensius",
    "Yulius",
]
NTT_F = [
    "Maria",
    "Yuliana",
    "Fransiska",
    "Kristina",
    "Agustina",
    "Margaretha",
    "Yohana",
    "Elisabeth",
    "Magdalena",
    "Veronika",
    "Theresia",
    "Martha",
    "Debora",
    "Ester",
    "Serafina",
    "Yasinta",
    "Oktavia",
    "Anjelina",
    "Benedikta",
    "Florida",
    "Imelda",
    "Katarina",
    "Mariana",
    "Novita",
    "Rosalia",
    "Selfiana",
    "Yustina",
    "Adelina",
    "Bernadeta",
    "Dorotea",
]
NTT_CLANS = [
    "Ndun",
    "Lado",
    "Benu",
    "Manafe",
    "Bria",
    "Seran",
    "Nahak",
    "Tefa",
    "Fanggidae",
    "Pello",
    "Mesakh",
    "Amalo",
    "Ratu",
    "Dethan",
    "Kolo",
    "Neno",
    "Bani",
    "Tanesib",
    "Nope",
    "Sabu",
    "Taolin",
    "Lay",
    "Radja",
    "Haning",
    "Mooy",
    "Sinlae",
    "Kause",
    "Oematan",
    "Boimau",
    "Tamonob",
    "Lakapu",
    "Koroh",
    "Nubatonis",
    "Sjioen",
    "Oedjoe",
    "Foenay",
    "Djami",
    "Tjoe",
    "Soeharto",
    "Nggebu",
]
BATAK_M = [
    "Rudi",
    "Lamhot",
    "Parulian",
    "Sahat",
    "Jonggi",
    "Bonar",
    "Togar",
    "Marihot",
    "Hotman",
    "Saut",
    "Tigor",
]
BATAK_F = [
    "Hotma",
    "Tiurma",
    "Rosmawati",
    "Dame",
    "Lasma",
    "Romauli",
    "Nurmala",
    "Sondang",
    "Rumiris",
    "Tioma",
]
BATAK_MARGA = [
    "Simanjuntak",
    "Siregar",
    "Hutapea",
    "Nainggolan",
    "Sitompul",
    "Pardede",
    "Situmorang",
    "Simatupang",
    "Lubis",
    "Nasution",
    "Harahap",
    "Sinaga",
    "Tampubolon",
    "Panjaitan",
    "Manurung",
]
BALI_ORDER = ("Wayan", "Made", "Nyoman", "Ketut", "Putu", "Kadek", "Komang", "Gede")
BALI_M = [
    "Sudarsana",
    "Wirawan",
    "Adnyana",
    "Mahendra",
    "Suardana",
    "Artawan",
    "Sukadana",
    "Widiana",
    "Astawa",
]
BALI_F = [
    "Ayu",
    "Suarti",
    "Ariani",
    "Sukerti",
    "Sriani",
    "Wulandari",
    "Dewi",
    "Kartika",
    "Sasih",
    "Purnami",
]
CHINESE = [
    "Wijaya",
    "Gunawan",
    "Tanoto",
    "Halim",
    "Santoso",
    "Kusuma",
    "Salim",
    "Hartono",
    "Lim",
    "Tan",
    "Setiadi",
    "Susilo",
    "Liem",
]
CHINESE_M = [
    "Hendra",
    "Willy",
    "Steven",
    "Kevin",
    "Hengky",
    "Yohan",
    "Andreas",
    "Budiman",
    "Ferry",
    "Rudy",
]
CHINESE_F = [
    "Lina",
    "Stefanie",
    "Meiliana",
    "Grace",
    "Yenny",
    "Lily",
    "Jessica",
    "Vivian",
    "Cindy",
    "Merry",
]

# Region codes (province.regency.district) with the names registers also use.
REGIONS = (
    ("53.71.01", "Kota Kupang", ("Alak", "Nunbaun Sabu", "Manutapen", "Namosain")),
    ("53.71.02", "Kota Kupang", ("Oebobo", "Oetete", "Fatululi", "Kayu Putih")),
    ("53.71.03", "Kota Kupang", ("Kelapa Lima", "Oesapa", "Lasiana", "Oesapa Barat")),
    ("53.71.05", "Kota Kupang", ("Maulafa", "Penfui", "Kolhua", "Sikumana")),
    ("53.01.10", "Kab. Kupang", ("Oelamasi", "Babau", "Naibonat", "Oesao")),
    ("53.04.01", "Kab. Belu", ("Atambua", "Tenukiik", "Manumutin", "Fatubenao")),
    ("53.02.04", "Kab. Timor Tengah Selatan", ("Soe", "Nonohonis", "Kampung Baru", "Oekefan")),
    ("53.06.03", "Kab. Flores Timur", ("Larantuka", "Waibalun", "Lokea", "Sarotari")),
    ("61.71.01", "Kota Pontianak", ("Tengah", "Darat Sekip", "Mariana", "Sungai Bangkong")),
    ("61.71.04", "Kota Pontianak", ("Siantan Hilir", "Siantan Tengah", "Batu Layang")),
    ("35.78.05", "Kota Surabaya", ("Tambaksari", "Ploso", "Gading", "Pacar Keling")),
    ("35.07.12", "Kab. Malang", ("Kepanjen", "Talangagung", "Ardirejo", "Panggungrejo")),
    ("32.12.15", "Kab. Indramayu", ("Juntinyuat", "Limbangan", "Dadap", "Pondoh")),
    ("52.03.07", "Kab. Lombok Timur", ("Selong", "Pancor", "Sandubaya", "Rakam")),
    ("12.12.02", "Kab. Toba", ("Balige", "Napitupulu", "Sangkar Nihuta", "Lumban Dolok")),
    ("51.71.03", "Kota Denpasar", ("Sumerta", "Dangin Puri", "Kesiman", "Penatih")),
    ("21.71.04", "Kota Batam", ("Batu Ampar", "Kampung Seraya", "Sungai Jodoh", "Tanjung Sengkuang")),
)  # fmt: skip
STREETS = [
    "Cak",
    "Doko",
    "Frans",
    "Seda",
    "Sudirman",
    "Ahmad",
    "Yani",
    "Soekarno",
    "Hatta",
    "Timor",
    "Raya",
    "El",
    "Tari",
    "Adisucipto",
    "Veteran",
    "Merdeka",
    "Diponegoro",
    "Gajah",
    "Mada",
    "Kartini",
    "Pahlawan",
    "Mawar",
    "Melati",
    "Kenanga",
    "Flamboyan",
    "Bougenville",
    "Cendana",
    "Kamboja",
    "Anggrek",
    "Nangka",
    "Jambu",
    "Sumba",
    "Rote",
    "Sabu",
    "Alor",
    "Flores",
    "Semeru",
]

STYLE_REGIONS = {
    "java": [10, 11, 12],
    "muslim": [8, 9, 10, 11, 12, 13, 16],
    "ntt": [0, 1, 2, 3, 4, 5, 6, 7],
    "batak": [14, 16],
    "bali": [15],
    "chinese": [8, 10, 16],
}


@dataclass(frozen=True)
class Profile:
    """Mixes and error rates; ``standard`` for training and development, ``holdout`` to test."""

    styles: dict[str, float]
    coverage: float  # chance a person is in a given register
    duplicate: float  # chance of a second record in the same register
    old_spelling: float  # chance an older person's name is in old spelling
    spelling_variant: float
    muhammad_variant: float
    title: float
    patronym: float
    short_name: float
    reorder: float
    typo: float
    upper: float
    nik_present: dict[str, float]
    nik_error: float
    dob_missing: float
    dob_swap: float
    dob_typo: float
    phone_present: float
    phone_error: float
    phone_changed: float
    address_missing: float
    address_moved: float
    twins: float
    children: tuple[int, int]
    alias: float = 0.02  # a given name replaced by an alias or nickname
    wrong_value: float = 0.01  # a NIK or birth date copied from someone else


PROFILES = {
    "standard": Profile(
        styles={"java": 0.25, "muslim": 0.3, "ntt": 0.3, "batak": 0.05, "bali": 0.05,
                "chinese": 0.05},
        coverage=0.62, duplicate=0.04, old_spelling=0.5, spelling_variant=0.18,
        muhammad_variant=0.55, title=0.12, patronym=0.15, short_name=0.08, reorder=0.1,
        typo=0.08, upper=0.3,
        nik_present={"polres": 0.55, "dinsos": 0.75, "bp3mi": 0.9}, nik_error=0.07,
        dob_missing=0.08, dob_swap=0.06, dob_typo=0.03, phone_present=0.7, phone_error=0.03,
        phone_changed=0.12, address_missing=0.15, address_moved=0.1, twins=0.015,
        children=(1, 5),
    ),
    "holdout": Profile(
        styles={"java": 0.35, "muslim": 0.35, "ntt": 0.15, "batak": 0.05, "bali": 0.05,
                "chinese": 0.05},
        coverage=0.55, duplicate=0.06, old_spelling=0.6, spelling_variant=0.25,
        muhammad_variant=0.65, title=0.18, patronym=0.2, short_name=0.12, reorder=0.15,
        typo=0.12, upper=0.4,
        nik_present={"polres": 0.4, "dinsos": 0.65, "bp3mi": 0.85}, nik_error=0.1,
        dob_missing=0.12, dob_swap=0.08, dob_typo=0.05, phone_present=0.6, phone_error=0.05,
        phone_changed=0.18, address_missing=0.2, address_moved=0.15, twins=0.02,
        children=(2, 6), alias=0.03, wrong_value=0.015,
    ),
}  # fmt: skip

AGENCIES = ("polres", "dinsos", "bp3mi")


@dataclass
class Person:
    entity: str
    tokens: list[str]
    sex: str
    born: date
    nik: str
    phone: str | None
    household: Household
    father: str
    old: bool


@dataclass
class Household:
    style: str
    region: int
    village: str
    street: str
    number: int
    rt: int
    rw: int
    phone: str
    family: str | None
    father_given: str
    members: list[Person] = field(default_factory=list)


class Generator:
    def __init__(self, seed: int, profile: Profile) -> None:
        self.rng = random.Random(seed)
        self.p = profile
        self.serials: dict[str, int] = {}
        self.phones: set[str] = set()

    # --- population -------------------------------------------------------------------
    def phone(self) -> str:
        while True:
            prefix = self.rng.choice(
                (
                    "0812",
                    "0813",
                    "0821",
                    "0822",
                    "0852",
                    "0853",
                    "0811",
                    "0857",
                    "0856",
                    "0878",
                    "0877",
                    "0838",
                    "0895",
                    "0896",
                )
            )
            number = prefix + "".join(self.rng.choice("0123456789") for _ in range(8))
            if number not in self.phones:
                self.phones.add(number)
                return number

    def given(self, style: str, sex: str) -> list[str]:
        r = self.rng
        if style == "java":
            pool = JAVA_M if sex == "m" else JAVA_F
            parts = [r.choice(pool)]
            if r.random() < 0.45:
                parts.append(r.choice(pool))
            if r.random() < 0.15:
                parts.insert(0, r.choice(JAVA_PREFIX))
            return parts
        if style == "muslim":
            if sex == "m":
                parts = [r.choice(MUSLIM_M)]
                if r.random() < 0.6:
                    parts.insert(0, r.choice(MUSLIM_FIRST_M))
                if r.random() < 0.35:
                    parts.append(r.choice(MUSLIM_M))
            else:
                parts = [r.choice(MUSLIM_F)]
                if r.random() < 0.55:
                    parts.insert(0, r.choice(MUSLIM_FIRST_F))
                if r.random() < 0.3:
                    parts.append(r.choice(MUSLIM_F))
            return parts
        if style == "ntt":
            pool = NTT_M if sex == "m" else NTT_F
            parts = [r.choice(pool)]
            if r.random() < 0.35:
                parts.append(r.choice(pool))
            return parts
        if style == "batak":
            return [r.choice(BATAK_M if sex == "m" else BATAK_F)]
        if style == "bali":
            head = "I" if sex == "m" else "Ni"
            parts = [head, r.choice(BALI_ORDER), r.choice(BALI_M if sex == "m" else BALI_F)]
            if sex == "f" and r.random() < 0.5:
                parts.insert(1, "Luh")
            return parts
        return [r.choice(CHINESE_M if sex == "m" else CHINESE_F)]

    def nik(self, household: Household, sex: str, born: date) -> str:
        code = REGIONS[household.region][0].replace(".", "")
        day = born.day + (40 if sex == "f" else 0)
        head = f"{code}{day:02d}{born.month:02d}{born.year % 100:02d}"
        self.serials[head] = self.serials.get(head, 0) + 1
        return f"{head}{self.serials[head]:04d}"

    def household(self) -> Household:
        r = self.rng
        styles = list(self.p.styles)
        style = r.choices(styles, weights=[self.p.styles[s] for s in styles])[0]
        region = r.choice(STYLE_REGIONS[style])
        family = None
        if style == "ntt":
            family = r.choice(NTT_CLANS)
        elif style == "batak":
            family = r.choice(BATAK_MARGA)
        elif style == "chinese":
            family = r.choice(CHINESE)
        father_given = " ".join(self.given(style, "m"))
        return Household(
            style=style,
            region=region,
            village=r.choice(REGIONS[region][2]),
            street=" ".join(r.sample(STREETS, r.choice((1, 1, 2)))),
            number=r.randint(1, 120),
            rt=r.randint(1, 20),
            rw=r.randint(1, 9),
            phone=self.phone(),
            family=family,
            father_given=father_given,
        )

    def person(self, household: Household, entity: str, born: date, sex: str) -> Person:
        taken = {" ".join(m.tokens[:1]) for m in household.members}
        tokens = self.given(household.style, sex)
        for _ in range(20):  # brothers and sisters do not share a given name
            if " ".join(tokens[:1]) not in taken:
                break
            tokens = self.given(household.style, sex)
        if household.family:
            tokens = [*tokens, household.family]
        own_phone = self.phone() if self.rng.random() < 0.75 else None
        return Person(
            entity=entity,
            tokens=tokens,
            sex=sex,
            born=born,
            nik=self.nik(household, sex, born),
            phone=own_phone,
            household=household,
            father=household.father_given,
            old=born.year < 1972,
        )

    def population(self, people: int) -> list[Person]:
        r = self.rng
        out: list[Person] = []
        while len(out) < people:
            h = self.household()
            # one parent sometimes appears too (an older generation: old spelling, titles)
            if r.random() < 0.35:
                born = date(r.randint(1945, 1975), r.randint(1, 12), r.randint(1, 28))
                parent = self.person(h, f"E{len(out) + 1:06d}", born, r.choice("mf"))
                if h.family is None and parent.sex == "m":
                    parent.tokens = h.father_given.split()
                h.members.append(parent)
                out.append(parent)
            first_year = r.randint(1976, 2008)
            year = first_year
            for _ in range(r.randint(*self.p.children)):
                sex = r.choice("mf")
                born = date(min(year, 2010), r.randint(1, 12), r.randint(1, 28))
                child = self.person(h, f"E{len(out) + 1:06d}", born, sex)
                h.members.append(child)
                out.append(child)
                if r.random() < self.p.twins:
                    twin = self.person(h, f"E{len(out) + 1:06d}", born, r.choice("mf"))
                    h.members.append(twin)
                    out.append(twin)
                year += r.randint(1, 4)
        return out[:people]

    # --- rendering one record -----------------------------------------------------------
    def typo(self, word: str) -> str:
        r = self.rng
        if len(word) < 4:
            return word
        i = r.randint(1, len(word) - 2)
        kind = r.choice(("sub", "del", "ins", "swap"))
        letters = "aeiourntskmlhg"
        if kind == "sub":
            return word[:i] + r.choice(letters) + word[i + 1 :]
        if kind == "del":
            return word[:i] + word[i + 1 :]
        if kind == "ins":
            return word[:i] + r.choice(letters) + word[i:]
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]

    def old_spelling(self, word: str) -> str:
        """The name in pre-1972 spelling (each rule applied with high probability)."""
        low = word.lower()
        for new, old in (("j", "dj"), ("c", "tj"), ("y", "j"), ("u", "oe"), ("kh", "ch")):
            if new in low and self.rng.random() < 0.85:
                low = low.replace(new, old)
        return low.capitalize() if word[:1].isupper() else low

    VARIANTS = (
        (r"y$", "i"), (r"i$", "y"), (r"ph", "f"), (r"f", "ph"), (r"th", "t"), (r"t(?=[aeiou])", "th"),
        (r"kh", "ch"), (r"ch", "kh"), (r"kh", "h"), (r"ai", "ae"), (r"ae", "ai"), (r"q", "k"),
        (r"ki", "qi"), (r"v", "f"), (r"f", "v"), (r"oe", "u"), (r"u", "oe"), (r"j", "dj"),
        (r"dj", "j"), (r"y", "j"), (r"j", "y"), (r"tj", "c"), (r"c", "tj"), (r"sy", "sj"),
        (r"([mnlst])\1", r"\1"), (r"(?<=[aeiou])([mnl])(?=[aeiou])", r"\1\1"), (r"ah$", "a"),
    )  # fmt: skip

    def variant(self, word: str) -> str:
        """One of the spelling variants people produce for the same name."""
        low = word.lower()
        options = [(a, b) for a, b in self.VARIANTS if re.search(a, low)]
        if not options:
            return word
        a, b = self.rng.choice(options)
        low = re.sub(a, b, low, count=1)
        return low.capitalize() if word[:1].isupper() else low

    def name_tokens(self, person: Person) -> list[str]:
        r, p = self.rng, self.p
        tokens = list(person.tokens)
        if r.random() < p.alias:
            alias = self.given(person.household.style, person.sex)
            keep = tokens[-1:] if person.household.family and len(tokens) > 1 else []
            tokens = alias[:1] + keep
        if tokens and tokens[0] in ("Muhammad", "Mohammad") and r.random() < p.muhammad_variant:
            tokens[0] = r.choice(
                (
                    "M.",
                    "Moh.",
                    "Muh.",
                    "Mhd.",
                    "Moch.",
                    "Muhamad",
                    "Mochammad",
                    "Mohamad",
                    "Mohammad",
                    "Muhammad",
                    "",
                )
            )
            tokens = [t for t in tokens if t] or list(person.tokens)
        if person.old and r.random() < p.old_spelling:
            tokens = [self.old_spelling(t) for t in tokens]
        elif r.random() < p.spelling_variant:
            i = r.randrange(len(tokens))
            tokens[i] = self.variant(tokens[i])
        if r.random() < p.typo:
            i = r.randrange(len(tokens))
            tokens[i] = self.typo(tokens[i])
        if len(tokens) > 1 and r.random() < p.short_name:
            drop = (
                r.randrange(1, len(tokens))
                if person.household.family is None
                else r.randrange(len(tokens) - 1)
            )
            if tokens[drop] not in ("I", "Ni"):
                tokens = tokens[:drop] + tokens[drop + 1 :]
        return tokens

    def render_name(self, person: Person, agency: str) -> tuple[str, str, str]:
        """(name, given_name, family_name) as the agency writes them."""
        r, p = self.rng, self.p
        tokens = self.name_tokens(person)
        muslim = person.household.style in ("muslim", "java")
        prefix, suffix = "", ""
        if r.random() < p.title:
            if muslim and person.born.year < 1985:
                prefix = "H. " if person.sex == "m" else "Hj. "
            elif person.born.year < 1998:
                suffix = r.choice(
                    (
                        ", S.H.",
                        ", S.Pd.",
                        " S.E.",
                        ", A.Md.",
                        ", S.Kom",
                        " SH",
                        ", S.Sos.",
                        ", M.Si.",
                    )
                )
            if agency == "polres" and person.sex == "f" and r.random() < 0.3:
                prefix = "Ny. "
        patronym = ""
        if muslim and r.random() < p.patronym:
            father = self.old_spelling(person.father) if person.old else person.father
            patronym = (" bin " if person.sex == "m" else " binti ") + father
        if agency == "dinsos":
            family = person.household.family
            if family and family in tokens:
                given = [t for t in tokens if t != family]
                fam = family
            elif len(tokens) > 1:
                given, fam = tokens[:-1], tokens[-1]
            else:
                given, fam = tokens, ""
            g = " ".join(given) + patronym
            if r.random() < p.upper:
                g, fam = g.upper(), fam.upper()
            return "", g, fam
        text = " ".join(tokens)
        if len(tokens) > 1 and r.random() < p.reorder:
            if agency == "bp3mi" or r.random() < 0.5:
                text = tokens[-1] + ", " + " ".join(tokens[:-1])
            else:
                text = " ".join(tokens[1:] + tokens[:1])
        text = prefix + text + patronym + suffix
        if r.random() < (p.upper * (1.6 if agency == "polres" else 0.6)):
            text = text.upper()
        return text, "", ""

    def render_nik(self, person: Person, agency: str) -> str:
        r = self.rng
        if r.random() > self.p.nik_present[agency]:
            return ""
        nik = person.nik
        if r.random() < self.p.wrong_value:  # someone else's NIK, or a badly garbled one
            nik = (
                "".join(r.choice("0123456789") for _ in range(6))
                + nik[6:8]
                + "".join(r.choice("0123456789") for _ in range(8))
            )
        elif r.random() < self.p.nik_error:
            i = r.randrange(16)
            kind = r.choice(("sub", "sub", "swap", "drop"))
            if kind == "sub":
                nik = nik[:i] + r.choice([d for d in "0123456789" if d != nik[i]]) + nik[i + 1 :]
            elif kind == "swap" and i < 15:
                nik = nik[:i] + nik[i + 1] + nik[i] + nik[i + 2 :]
            else:
                nik = nik[:i] + nik[i + 1 :]
        style = r.random()
        if style < 0.1:
            nik = f"{nik[:6]} {nik[6:12]} {nik[12:]}"
        elif style < 0.15:
            nik = f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}.{nik[6:12]}.{nik[12:]}"
        elif style < 0.2:
            nik = "'" + nik  # spreadsheet text marker
        return nik.strip("'") if agency == "bp3mi" else nik

    def render_phone(self, person: Person) -> str:
        r = self.rng
        if r.random() > self.p.phone_present:
            return ""
        number = person.phone if person.phone and r.random() < 0.75 else person.household.phone
        if r.random() < self.p.phone_changed:
            number = self.phone()
        if r.random() < self.p.phone_error:
            i = r.randrange(4, len(number))
            number = number[:i] + r.choice("0123456789") + number[i + 1 :]
        if person.phone and r.random() < 0.08:
            other = person.household.phone if number == person.phone else person.phone
            return (
                self.format_phone(number) + r.choice((" / ", ", ", "; ")) + self.format_phone(other)
            )
        return self.format_phone(number)

    def format_phone(self, number: str) -> str:
        r = self.rng
        rest = number[1:]
        form = r.randrange(7)
        if form == 0:
            return number
        if form == 1:
            return f"{number[:4]}-{number[4:8]}-{number[8:]}"
        if form == 2:
            return f"+62 {rest[:3]} {rest[3:7]} {rest[7:]}"
        if form == 3:
            return f"62{rest}"
        if form == 4:
            return f"{number[:4]} {number[4:8]} {number[8:]}"
        if form == 5:
            return f"+62-{rest[:3]}-{rest[3:7]}-{rest[7:]}"
        return f"{number[:4]}.{number[4:8]}.{number[8:]}"

    def render_date(self, person: Person, agency: str) -> str:
        r, p = self.rng, self.p
        if r.random() < p.dob_missing:
            return ""
        d = person.born
        if r.random() < p.wrong_value:
            d = date(r.randint(1950, 2008), r.randint(1, 12), r.randint(1, 28))
        text = d.isoformat()
        roll = r.random()
        if roll < p.dob_swap and d.day <= 12 and d.day != d.month:
            text = date(d.year, d.day, d.month).isoformat()
        elif roll < p.dob_swap + p.dob_typo:
            for _ in range(10):
                i = r.choice((2, 3, 5, 6, 8, 9))
                candidate = text[:i] + r.choice("0123456789") + text[i + 1 :]
                try:
                    date.fromisoformat(candidate)
                except ValueError:
                    continue
                text = candidate
                break
        if agency == "dinsos":
            text = text.replace("-", "")
        return text

    def render_address(self, person: Person) -> str:
        r, h = self.rng, self.hh_for(person)
        if r.random() < self.p.address_missing:
            return ""
        if r.random() < self.p.address_moved:
            moved = self.household()
            if r.random() < 0.5:  # moved within the same regency
                moved.region = h.region
                moved.village = r.choice(REGIONS[h.region][2])
            h = moved
        street = r.choice(("Jl. ", "Jln. ", "Jalan ", "JL ", "")) + h.street
        number = r.choice((f" No. {h.number}", f" no {h.number}", f" {h.number}", ""))
        rtrw = r.choice(
            (
                f", RT {h.rt:03d}/RW {h.rw:03d}",
                f" RT.{h.rt} RW.{h.rw}",
                f" {h.rt:03d}/{h.rw:03d}",
                "",
            )
        )
        village = r.choice(
            (
                f", Kel. {h.village}",
                f", Kelurahan {h.village}",
                f" {h.village}",
                f", Desa {h.village}",
            )
        )
        city = r.choice(("", "", f", {REGIONS[h.region][1]}"))
        text = street + number + rtrw + village + city
        return text.upper() if r.random() < 0.2 else text

    def hh_for(self, person: Person) -> Household:
        return person.household

    def render_region(self, person: Person, agency: str) -> str:
        r = self.rng
        region = person.household.region
        if r.random() < self.p.address_moved / 2:  # moved, most often within the province
            province = REGIONS[region][0][:2]
            nearby = [i for i, reg in enumerate(REGIONS) if reg[0][:2] == province]
            region = r.choice(nearby if r.random() < 0.7 else range(len(REGIONS)))
        code, name, _villages = REGIONS[region]
        if r.random() < 0.1:
            return ""
        if agency == "polres":
            return name
        if agency == "dinsos":
            return code
        return r.choice((code, code[:5], name))

    def render_sex(self, person: Person, agency: str) -> str:
        if self.rng.random() < 0.15:
            return ""
        forms = {"polres": ("L", "P"), "dinsos": ("M", "F"), "bp3mi": ("male", "female")}
        male, female = forms[agency]
        return male if person.sex == "m" else female

    def record(self, person: Person, agency: str, rid: str) -> dict[str, str]:
        name, given, family = self.render_name(person, agency)
        row = {
            "id": rid,
            "birth_date": self.render_date(person, agency),
            "sex": self.render_sex(person, agency),
            "national_id": self.render_nik(person, agency),
            "phone": self.render_phone(person),
            "address": self.render_address(person),
            "region": self.render_region(person, agency),
        }
        names = (
            {"given_name": given, "family_name": family} if agency == "dinsos" else {"name": name}
        )
        return {"id": rid, **names, **{k: v for k, v in row.items() if k != "id"}}


SYLLABLES = [
    "ka",
    "ri",
    "to",
    "nu",
    "sa",
    "di",
    "wa",
    "ti",
    "ra",
    "ma",
    "na",
    "ya",
    "li",
    "ha",
    "su",
    "pu",
    "bi",
    "ne",
    "ko",
    "de",
    "ga",
    "ju",
    "ro",
    "se",
    "lu",
    "mi",
    "an",
    "in",
    "un",
    "ar",
    "ur",
    "el",
    "ta",
    "wi",
    "yo",
    "pa",
]


class NationalGenerator(Generator):
    """For the scale run: the standard profile over ~600 regencies of 38 provinces, with
    invented names added to the name stock so that a million records have the variety of a
    country rather than of one district."""

    def __init__(self, seed: int, profile: Profile) -> None:
        super().__init__(seed, profile)
        r = self.rng
        provinces = [f"{p:02d}" for p in (11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33,
                                          34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72,
                                          73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96)]  # fmt: skip
        self.regions = []
        for province in provinces:
            for regency in r.sample(range(1, 99), 16):
                code = f"{province}.{regency:02d}.{r.randint(1, 30):02d}"
                kind = "Kota" if regency >= 71 else "Kab."
                name = f"{kind} {self.invented().capitalize()}"
                villages = tuple(self.invented().capitalize() for _ in range(6))
                self.regions.append((code, name, villages))

    def invented(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4)))

    def household(self) -> Household:
        h = super().household()
        h.region = self.rng.randrange(len(self.regions))
        h.village = self.rng.choice(self.regions[h.region][2])
        if h.family is not None and self.rng.random() < 0.7:
            h.family = self.invented().capitalize()
        return h

    def given(self, style: str, sex: str) -> list[str]:
        parts = super().given(style, sex)
        if self.rng.random() < 0.6:
            parts[-1] = self.invented().capitalize()
        return parts


def generate(out_dir: Path, people: int, seed: int, profile: str) -> dict[str, int]:
    if profile == "national":
        gen: Generator = NationalGenerator(seed, PROFILES["standard"])
        global REGIONS
        REGIONS = tuple(gen.regions)  # type: ignore[attr-defined]
    else:
        gen = Generator(seed, PROFILES[profile])
    population = gen.population(people)
    out_dir.mkdir(parents=True, exist_ok=True)
    truth: list[tuple[str, str, str]] = []
    counts: dict[str, int] = {}
    id_formats = {"polres": "LP-{:06d}", "dinsos": "DS{:07d}", "bp3mi": "BP-{:05d}"}
    for agency in AGENCIES:
        rows: list[tuple[str, dict[str, str]]] = []
        for person in population:
            copies = 0
            if gen.rng.random() < gen.p.coverage:
                copies = 2 if gen.rng.random() < gen.p.duplicate else 1
            for _ in range(copies):
                rows.append((person.entity, gen.record(person, agency, "")))
        gen.rng.shuffle(rows)
        numbers = gen.rng.sample(range(1, 10 * len(rows) + 10), len(rows))
        file = out_dir / f"{agency}.csv"
        with file.open("w", newline="", encoding="utf-8") as handle:
            columns = list(rows[0][1]) if rows else ["id"]
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            for (entity, row), number in zip(rows, numbers, strict=True):
                row["id"] = id_formats[agency].format(number)
                writer.writerow(row)
                truth.append((file.name, row["id"], entity))
        counts[agency] = len(rows)
    with (out_dir / "truth.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "id", "entity_id"])
        writer.writerows(truth)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--people", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", choices=[*sorted(PROFILES), "national"], default="standard")
    args = parser.parse_args()
    counts = generate(args.out_dir, args.people, args.seed, args.profile)
    print(f"{args.out_dir}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
