"""`lentera screen offer|departure`: JSON Lines in and out, exit status 2 on invalid input."""

import io
import json

import pytest

from lentera.cli import main as lentera_main
from lentera.screening.cli import main


def run(capsys, *argv: str) -> tuple[int, list[dict], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def write(tmp_path, lines: list[str]) -> str:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_offer_file_in_order(tmp_path, capsys):
    path = write(
        tmp_path,
        [
            json.dumps({"id": "b", "text": "Kerja di Kamboja jadi CS gaji 15jt, japri"}),
            "",
            json.dumps({"id": "a", "text": "Kasir Toko Roti Manis (Jl. Merdeka 1), gaji UMK"}),
        ],
    )
    code, rows, err = run(capsys, "offer", path)
    assert (code, err) == (0, "")
    assert [r["id"] for r in rows] == ["b", "a"]
    assert rows[0]["level"] == "high" and rows[1]["level"] == "low"


def test_departure_from_standard_input_in_english(monkeypatch, capsys):
    record = {"id": "d", "age": 16, "destination_country": "MY", "job_offered": True}
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(record) + "\n"))
    code, rows, _err = run(capsys, "departure", "--lang", "en", "-")
    assert code == 0
    assert rows[0]["level"] == "high"
    assert rows[0]["indicators"][0]["reason"].startswith("A child aged 16")


def test_departure_with_a_policy_file(tmp_path, capsys):
    policy = tmp_path / "policy.csv"
    policy.write_text(
        "country,sector,status,legal_basis,valid_from,note\nMY,*,closed,test,2020-01-01,\n",
        encoding="utf-8",
    )
    record = {"id": "d", "age": 30, "destination_country": "MY", "job_offered": True}
    path = write(tmp_path, [json.dumps(record)])
    code, rows, _err = run(capsys, "departure", "--policy", str(policy), path)
    assert code == 0
    assert "destination_closed" in {i["code"] for i in rows[0]["indicators"]}


@pytest.mark.parametrize(
    ("kind", "lines", "words"),
    [
        ("offer", ['{"id": "1", "text": "ok"}', '{"id": "2"}'], ["line 2", "'text'"]),
        ("offer", ['{"id": "1", "text": "ok", "colour": "red"}'], ["line 1", "'colour'"]),
        ("offer", ['{"id": "1", "text": "ok"}', "{not json"], ["line 2", "not valid JSON"]),
        ("offer", ["[1, 2]"], ["line 1", "not a JSON object"]),
        ("departure", ['{"id": "1", "age": "sixteen"}'], ["line 1", "'age'"]),
        ("departure", ['{"id": "1"}', '{"id": "2", "visa_type": "b1"}'], ["line 2", "'visa_type'"]),
    ],
)
def test_invalid_input_exits_2_naming_line_and_field(tmp_path, capsys, kind, lines, words):
    code, rows, err = run(capsys, kind, write(tmp_path, lines))
    assert code == 2
    assert rows == []  # nothing half-written
    for word in words:
        assert word in err


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["bogus"]) == 2
    assert main(["offer"]) == 2
    assert main(["offer", str(tmp_path / "missing.jsonl")]) == 2
    bad_policy = tmp_path / "p.csv"
    bad_policy.write_text("country\nKH\n", encoding="utf-8")
    assert main(["departure", "--policy", str(bad_policy), write(tmp_path, ["{}"])]) == 2
    assert "missing columns" in capsys.readouterr().err


def test_lentera_console_dispatches_to_screen(tmp_path, capsys):
    path = write(tmp_path, [json.dumps({"id": "x", "text": "gaji 5 jt, Jl. Merdeka 1"})])
    assert lentera_main(["screen", "offer", path]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "x"


POLICY_HEADER = "country,sector,status,legal_basis,valid_from,note\n"
BAD_POLICIES = [
    # (content, line at fault)
    (POLICY_HEADER + 'KH,*,no_agreement,"Kepmenaker 2025,2025-04-01,\nMY,*,open,x,,\n', 2),
    (POLICY_HEADER + "KH,*,no_agreement,x,2025-04-01\n", 2),  # short
    (POLICY_HEADER + "MY,*,open,x,,\nKH,*,no_agreement,x,2025-04-01,,extra\n", 3),  # long
]


@pytest.mark.parametrize(("content", "line"), BAD_POLICIES)
def test_bad_policy_file_exits_2_naming_file_and_line(tmp_path, capsys, content, line):
    policy = tmp_path / "policy.csv"
    policy.write_text(content, encoding="utf-8")
    code, rows, err = run(capsys, "departure", "--policy", str(policy), write(tmp_path, ["{}"]))
    assert code == 2 and rows == []
    assert f"policy.csv, line {line}:" in err


def test_policy_and_input_not_utf8_name_their_line(tmp_path, capsys):
    policy = tmp_path / "policy.csv"
    policy.write_bytes((POLICY_HEADER + "MY,*,open,Peraturan Menteri,,caf\xe9\n").encode("latin-1"))
    code, rows, err = run(capsys, "departure", "--policy", str(policy), write(tmp_path, ["{}"]))
    assert code == 2 and rows == [] and "policy.csv, line 2:" in err
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "1"}\n{"id": "2", "note": "caf\xe9"}\n')
    code, rows, err = run(capsys, "departure", str(path))
    assert code == 2 and rows == [] and "line 2: not UTF-8" in err


def test_policy_file_with_blank_lines(tmp_path, capsys):
    policy = tmp_path / "policy.csv"
    policy.write_text(f"\n{POLICY_HEADER}\nMY,*,open,x,,\n\n", encoding="utf-8")
    record = {"id": "d", "age": 30, "destination_country": "MY"}
    code, rows, err = run(
        capsys, "departure", "--policy", str(policy), write(tmp_path, [json.dumps(record)])
    )
    assert (code, err) == (0, "") and len(rows) == 1
