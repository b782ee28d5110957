"""The strict CSV reader: every row, or an error naming the file and the line of the fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from lentera.csvfile import CsvError, CsvRow, Problem, decode_utf8, parse_csv, read_csv


def rows(text: str | bytes, **kwargs: object) -> list[CsvRow]:
    return list(parse_csv(text, source="reg.csv", **kwargs))  # type: ignore[arg-type]


def error(text: str | bytes, **kwargs: object) -> CsvError:
    with pytest.raises(CsvError) as err:
        rows(text, **kwargs)
    return err.value


def test_reads_every_row_with_the_line_it_starts_on() -> None:
    text = 'id,name,address\n1,Maria,"Jl. Mawar 1\nKupang"\n\n2,"Yo, hana",\n'
    got = rows(text)
    assert [(r.line, r.values) for r in got] == [
        (2, {"id": "1", "name": "Maria", "address": "Jl. Mawar 1\nKupang"}),
        (5, {"id": "2", "name": "Yo, hana", "address": ""}),
    ]


def test_header_names_are_stripped_and_a_bom_is_dropped() -> None:
    (row,) = rows("\ufeff id , Name \n1,Budi\n".encode())
    assert row.values == {"id": "1", "Name": "Budi"}
    (row,) = rows("ID,Name\n1,Budi\n", column=lambda c: c.strip().lower())
    assert row.values == {"id": "1", "name": "Budi"}


@pytest.mark.parametrize(
    "text",
    [
        "id,name\n\n1,Budi\n\n\n2,Ani\n",
        "id,name\r\n1,Budi\r\n   \r\n2,Ani\r\n",
        "\n\nid,name\n1,Budi\n2,Ani",  # blank lines before the header, no final newline
    ],
)
def test_blank_lines_are_allowed(text: str) -> None:
    assert [r.values["id"] for r in rows(text)] == ["1", "2"]


def test_unclosed_quote_names_the_line_where_it_opens() -> None:
    err = error('id,name\n1,Maria\n2,"Yohana\n3,Ana\n4,Rina\n')
    assert (err.problem, err.source, err.line) == (Problem.UNCLOSED_QUOTE, "reg.csv", 3)
    assert str(err).startswith("reg.csv:3: ")


def test_text_after_a_closing_quote_is_malformed() -> None:
    err = error('id,name\n1,Maria\n2,"Yo"hana\n')
    assert (err.problem, err.line) == (Problem.MALFORMED, 3)
    err = error('id,name\n1,"Maria\n2,Yohana\n3,"Ana",x\n')  # a quote closed three lines on
    assert (err.problem, err.line) == (Problem.MALFORMED, 2)
    assert "seen on line 4" in err.message


def test_short_and_long_rows_are_errors() -> None:
    short = error("id,name,sex\n1,Budi,L\n2,Ani\n3,Rina,P\n")
    assert (short.problem, short.line, short.expected, short.found) == (
        Problem.TOO_FEW_VALUES,
        3,
        3,
        2,
    )
    assert str(short) == "reg.csv:3: the row has 2 values but the header has 3 columns"
    long = error("id,name\n1,Budi\n2,Ani,P\n")
    assert (long.problem, long.line, long.found) == (Problem.TOO_MANY_VALUES, 3, 3)


def test_a_value_under_an_unnamed_column_is_an_error_an_empty_one_is_not() -> None:
    assert rows("id,name,\n1,Budi,\n")[0].values == {"id": "1", "name": "Budi", "": ""}
    err = error("id,name,\n1,Budi,\n2,Ani,P\n")
    assert (err.problem, err.line) == (Problem.VALUE_WITHOUT_COLUMN, 3)


def test_undecodable_bytes_name_their_line() -> None:
    content = "id,name\n1,Budi\n2,Andr\xe9\n".encode("latin-1")
    err = error(content)
    assert (err.problem, err.line) == (Problem.NOT_UTF8, 3)
    with pytest.raises(CsvError) as decoded:
        decode_utf8(b"ok\n\xff\n", source="chat.jsonl")
    assert str(decoded.value).startswith("chat.jsonl:2: ")


def test_header_problems() -> None:
    assert error("").problem == Problem.EMPTY
    assert error("\n  \n").problem == Problem.EMPTY
    dup = error("id,name,Name\n1,a,b\n", column=lambda c: c.lower())
    assert (dup.problem, dup.line, dup.columns) == (Problem.DUPLICATE_COLUMN, 1, ("name",))
    missing = error("\nname\nBudi\n", required=("id", "name", "sex"))
    assert (missing.problem, missing.line, missing.columns) == (
        Problem.MISSING_COLUMNS,
        2,
        ("id", "sex"),
    )


def test_nul_and_huge_fields_are_errors_not_losses() -> None:
    nul = error("id,name\n1,Budi\n2,A\x00ni\n")
    assert (nul.problem, nul.line) == (Problem.MALFORMED, 3) and "NUL" in nul.message
    assert error('id,name\n1,"' + "x" * 200_000 + '"\n').line == 2


def test_line_separators_inside_values_do_not_split_rows() -> None:
    (row,) = rows("id,note\n1,a\u2028b\x0cc\n")
    assert row.values["note"] == "a\u2028b\x0cc"


def test_reading_a_file(tmp_path: Path) -> None:
    path = tmp_path / "polres.csv"
    path.write_bytes(b"id,name\n1,Budi\n" + b"2,Andr\xe9\n" * 3)
    with pytest.raises(CsvError) as err:
        list(read_csv(path))
    assert (err.value.source, err.value.line, err.value.problem) == (
        "polres.csv",
        3,
        Problem.NOT_UTF8,
    )
    path.write_text("id\n1\n", encoding="utf-8")
    assert [r.values for r in read_csv(path, source="other")] == [{"id": "1"}]
    with pytest.raises(CsvError) as err:
        list(read_csv(tmp_path / "absent.csv"))
    assert err.value.problem == Problem.CANNOT_OPEN and err.value.line is None
    assert str(err.value).startswith("absent.csv: cannot open")
