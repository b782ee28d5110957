"""`lentera link` as contracts/linkage.md describes it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lentera.cli import main as lentera


def _clusters(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_link_writes_every_record_once(
    registers: tuple[list[Path], dict[tuple[str, str], str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths, truth = registers
    out = tmp_path / "out" / "clusters.csv"
    code = lentera(["link", *map(str, paths), "--out", str(out)])
    assert code == 0
    rows = _clusters(out)
    assert list(rows[0]) == ["source", "id", "cluster_id"]
    assert sorted((r["source"], r["id"]) for r in rows) == sorted(truth)
    cluster = {(r["source"], r["id"]): r["cluster_id"] for r in rows}
    assert cluster[("polres.csv", "LP-1")] == cluster[("bp3mi.csv", "BP-100")]
    captured = capsys.readouterr()
    assert "reading" in captured.err
    assert "scoring" in captured.err
    assert captured.out.startswith(f"records: {len(truth)}, comparisons: ")
    assert "clusters: " in captured.out


def test_threshold_option_changes_nothing_for_certain_pairs(
    registers: tuple[list[Path], dict[tuple[str, str], str]], tmp_path: Path
) -> None:
    paths, _truth = registers
    out = tmp_path / "c.csv"
    assert lentera(["link", *map(str, paths), "--out", str(out), "--threshold", "0.99"]) == 0
    cluster = {(r["source"], r["id"]): r["cluster_id"] for r in _clusters(out)}
    assert cluster[("polres.csv", "LP-5")] == cluster[("bp3mi.csv", "BP-102")]


def test_impossible_dates_are_kept_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.csv"
    good.write_text("id,name,birth_date\n1,Budi Santoso,1945-04-03\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "id,name,birth_date\n1,Ani,1990-01-01\n2,Budi Santoso,19450493\n3,Rina,1990\n",
        encoding="utf-8",
    )
    out = tmp_path / "c.csv"
    assert lentera(["link", str(good), str(bad), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "values kept but only partly read: birth_date 2" in captured.out
    rows = _clusters(out)
    assert len(rows) == 4
    cluster = {(r["source"], r["id"]): r["cluster_id"] for r in rows}
    assert cluster[("good.csv", "1")] == cluster[("bad.csv", "2")]


def test_invalid_input_exits_2_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.csv"
    good.write_text("id,name\n1,Budi\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text('id,name,birth_date\n1,Ani,1990-01-01\n2,"Rina,31-12-1990\n', encoding="utf-8")
    out = tmp_path / "c.csv"
    assert lentera(["link", str(good), str(bad), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "bad.csv, line 3" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("name\nBudi\n", "line 1, column 'id'"),
        ("id,name\n1,Budi\n1,Ani\n", "line 3, column 'id'"),
    ],
)
def test_contract_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    path = tmp_path / "reg.csv"
    path.write_text(content, encoding="utf-8")
    assert lentera(["link", str(path), "--out", str(tmp_path / "c.csv")]) == 2
    assert expected in capsys.readouterr().err


def test_bad_options_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "reg.csv"
    path.write_text("id\n1\n", encoding="utf-8")
    assert lentera(["link", str(path), "--out", "c.csv", "--threshold", "1.5"]) == 2
    with pytest.raises(SystemExit) as exit_info:
        lentera(["link", str(path)])  # --out missing
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        lentera(["link", str(path), "--out", "c.csv", "--backend", "oracle"])
    capsys.readouterr()


def test_same_file_name_twice_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "reg.csv").write_text("id\n1\n", encoding="utf-8")
    code = lentera(
        ["link", str(tmp_path / "a/reg.csv"), str(tmp_path / "b/reg.csv"), "--out", "c.csv"]
    )
    assert code == 2


BAD_REGISTERS = [
    # (content, line at fault): issue #11 — these used to lose or shift rows and exit 0
    (b'id,name\n1,Budi\n2,"Ani\n3,Rina\n', 3),  # unclosed quote: rows 2 and 3 were one
    (b"id,name,sex\n1,Budi,L\n2,Ani\n3,Rina,P\n", 3),  # short row
    (b"id,name\n1,Budi\n2,Ani,P\n", 3),  # long row: "P" went nowhere
    (b"id,name\n1,Budi\n\n2,Andr\xe9\n", 4),  # not UTF-8 (Latin-1 from a spreadsheet)
]


@pytest.mark.parametrize(("content", "line"), BAD_REGISTERS)
def test_rows_that_would_be_lost_exit_2_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, line: int
) -> None:
    good = tmp_path / "good.csv"
    good.write_text("id,name\n1,Budi\n", encoding="utf-8")
    path = tmp_path / "reg.csv"
    path.write_bytes(content)
    out = tmp_path / "c.csv"
    assert lentera(["link", str(good), str(path), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert f"reg.csv, line {line}:" in captured.err
    assert not out.exists() and captured.out == ""  # nothing written, no summary


def test_blank_lines_are_allowed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "reg.csv"
    path.write_text("\nid,name\n\n1,Budi\n  \n2,Ani\n,\n\n", encoding="utf-8")
    out = tmp_path / "c.csv"
    assert lentera(["link", str(path), "--out", str(out)]) == 0
    assert [r["id"] for r in _clusters(out)] == ["1", "2"]
    assert capsys.readouterr().out.startswith("records: 2,")
