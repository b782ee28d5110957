"""Reading CSV registers: the invalid inputs the contract names, reported by file and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lentera.linkage import InvalidInput, LinkageError, read_csv_records


def _csv(tmp_path: Path, text: str, name: str = "reg.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_contract_columns(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "\ufeffID, Name ,birth_date,sex,national_id,phone,address,region,extra\n"
        "A1,Budi Santoso,1990-03-12,L,3578051203900001,0812-1,Jl. Mawar,35.78,ignored\n"
        "A2,,19910101,,,,,,\n",
    )
    first, second = read_csv_records(path)
    assert first.source == "reg.csv"
    assert (first.id, first.name, first.birth_date) == ("A1", "Budi Santoso", date(1990, 3, 12))
    assert first.region == "35.78"
    assert second.birth_date == date(1991, 1, 1)
    assert second.name == ""


def test_given_and_family_name_make_the_full_name(tmp_path: Path) -> None:
    path = _csv(tmp_path, "id,given_name,family_name\n1,Maria,Lado\n")
    assert read_csv_records(path)[0].full_name == "Maria Lado"


def test_missing_id_column(tmp_path: Path) -> None:
    path = _csv(tmp_path, "name,birth_date\nBudi,1990-01-01\n")
    with pytest.raises(InvalidInput) as err:
        read_csv_records(path)
    assert (err.value.source, err.value.line, err.value.field) == ("reg.csv", 1, "id")
    assert "reg.csv, line 1" in str(err.value)
    assert isinstance(err.value, LinkageError)


def test_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    path = _csv(tmp_path, "id,name\n7,Budi\n8,Ani\n7,Budi S.\n")
    with pytest.raises(InvalidInput) as err:
        read_csv_records(path)
    assert err.value.line == 4
    assert "duplicate id '7' (first on line 2)" in str(err.value)


@pytest.mark.parametrize("written", ["1990-02-30", "19450493", "00-05-1990", "1990", "kemarin"])
def test_impossible_or_partial_date_is_kept_as_written(tmp_path: Path, written: str) -> None:
    path = _csv(tmp_path, f"id,name,birth_date\n1,Budi,1990-01-01\n2,Ani,{written}\n")
    first, second = read_csv_records(path)
    assert first.birth_date == date(1990, 1, 1)
    assert first.birth_date_written == ""
    assert second.birth_date is None
    assert second.birth_date_written == written


@pytest.mark.parametrize(
    ("written", "expected"),
    [("12/03/1990", date(1990, 3, 12)), ("12 Maret 1990", date(1990, 3, 12)),
     ("03/25/1990", date(1990, 3, 25)), ("25031990", date(1990, 3, 25))],
)  # fmt: skip
def test_whole_dates_written_otherwise_are_read(
    tmp_path: Path, written: str, expected: date
) -> None:
    path = _csv(tmp_path, f"id,birth_date\n1,{written}\n")
    (record,) = read_csv_records(path)
    assert (record.birth_date, record.birth_date_written) == (expected, "")


def test_wrong_column_count_stops_with_file_and_line(tmp_path: Path) -> None:
    path = _csv(tmp_path, "id,name,birth_date\n1,Budi,19450493\n2,Ani\n")
    with pytest.raises(InvalidInput, match=r"reg.csv, line 3"):
        read_csv_records(path)


def test_empty_id(tmp_path: Path) -> None:
    path = _csv(tmp_path, "id,name\n,Budi\n")
    with pytest.raises(InvalidInput, match="line 2, column 'id'"):
        read_csv_records(path)


def test_empty_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        read_csv_records(_csv(tmp_path, ""))
    with pytest.raises(InvalidInput, match="cannot open"):
        read_csv_records(tmp_path / "absent.csv")


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = _csv(tmp_path, "id,name\n1,Budi\n,\n2,Ani\n")
    assert [r.id for r in read_csv_records(path)] == ["1", "2"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('id,name\n1,"Budi\n2,Ani\n', 2, "never closed"),
        ("id,name,sex\n1,Budi\n", 2, "2 values but the header has 3 columns"),
        ("id,name\n1,Budi,L\n", 2, "3 values but the header has 2 columns"),
        ("id,Name,NAME\n1,a,b\n", 1, "twice"),
    ],
)
def test_rows_are_never_dropped_or_shifted(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    with pytest.raises(InvalidInput) as err:
        read_csv_records(_csv(tmp_path, text))
    assert (err.value.source, err.value.line) == ("reg.csv", line)
    assert f"reg.csv, line {line}: " in str(err.value) and words in str(err.value)


def test_bytes_that_are_not_utf8_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "reg.csv"
    path.write_bytes(b"id,name\n1,Budi\n2,Andr\xe9\n")
    with pytest.raises(InvalidInput, match=r"reg\.csv, line 3: .*not UTF-8"):
        read_csv_records(path)
