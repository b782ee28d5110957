"""Small registers of invented people, written the ways three agencies write them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

# entity -> records; the entity is only used by the tests, never given to the linkage.
POLRES = [
    # id, name, birth_date, sex, national_id, phone, address, region, entity
    ("LP-1", "MUHAMAD RIZKY", "1994-03-12", "L", "5371011203940001", "0812-3456-7890",
     "Jl. Cak Doko No. 12, RT 003/RW 005, Kel. Oebobo", "Kota Kupang", "rizky"),
    ("LP-2", "Ny. Yuliana Ndun", "1990-07-21", "P", "", "0813 1111 2222",
     "Jln. Timor Raya 8 RT.4 RW.2 Oesapa", "Kota Kupang", "yuliana"),
    ("LP-3", "DJOKO TJAHJONO", "1968-11-05", "L", "3578050511680002", "",
     "Jalan Diponegoro 44, Tambaksari", "Kota Surabaya", "joko"),
    ("LP-4", "Maria Ndun", "1996-02-03", "P", "", "0813 1111 2222",
     "Jln. Timor Raya 8 RT.4 RW.2 Oesapa", "Kota Kupang", "maria"),
    ("LP-5", "Siti Aisyah binti Abdullah", "1999-05-30", "P", "6171017005990003",
     "+62 857 0000 1111", "Gg. Mawar 3, Kel. Mariana", "Kota Pontianak", "aisyah"),
]  # fmt: skip
DINSOS = [
    # id, given_name, family_name, birth_date, sex, national_id, phone, address, region, entity
    ("DS-10", "Rizki", "Muhammad", "19941203", "M", "5371011203940001", "6281234567890",
     "CAK DOKO 12 003/005 OEBOBO", "53.71.01", "rizky"),
    ("DS-11", "Yuliana", "Ndoen", "19900721", "F", "5371036107900001", "081311112222",
     "Timor Raya No. 8, RT 004/RW 002, Oesapa", "53.71.03", "yuliana"),
    ("DS-12", "Joko", "Cahyono", "19681105", "M", "35.78.05.051168.0002", "",
     "Jl. Diponegoro No. 44 Tambaksari", "35.78.05", "joko"),
    ("DS-13", "Fransiskus", "Bria", "19850615", "M", "5304011506850001", "0852 9999 8888",
     "Jl. Sudirman 5, Atambua", "53.04.01", "fransiskus"),
]  # fmt: skip
BP3MI = [
    # id, name, birth_date, sex, national_id, phone, address, region, entity
    ("BP-100", "Rizky, M.", "1994-03-12", "male", "5371011203940010", "+62 812 3456 7890",
     "", "53.71", "rizky"),
    ("BP-101", "Ndun, Maria", "1996-02-03", "female", "5371034302960001", "",
     "Timor Raya 8 Oesapa", "53.71", "maria"),
    ("BP-102", "Hj. Sitti Aisah", "1999-05-30", "female", "6171017005990003", "",
     "Gang Mawar No. 3 Mariana", "61.71.01", "aisyah"),
    ("BP-103", "Bria, Frans", "1985-06-15", "male", "5304011506850001", "6285299998888",
     "", "53.04", "fransiskus"),
]  # fmt: skip


def _write(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(row[:-1] for row in rows)


@pytest.fixture
def registers(tmp_path: Path) -> tuple[list[Path], dict[tuple[str, str], str]]:
    """Three CSV registers and the truth: (file name, id) -> entity."""
    common = ["birth_date", "sex", "national_id", "phone", "address", "region"]
    paths = [tmp_path / "polres.csv", tmp_path / "dinsos.csv", tmp_path / "bp3mi.csv"]
    _write(paths[0], ["id", "name", *common], POLRES)
    _write(paths[1], ["id", "given_name", "family_name", *common], DINSOS)
    _write(paths[2], ["id", "name", *common], BP3MI)
    truth = {}
    for path, rows in zip(paths, (POLRES, DINSOS, BP3MI), strict=True):
        for row in rows:
            truth[(path.name, row[0])] = row[-1]
    return paths, truth
