"""``lentera qualify``: files, standard input, JSON Lines out, errors and exit status."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from lentera.cli import main as lentera
from lentera.law.cli import main

from .test_articles import BASE

CASES = [dict(BASE[ref], id=ref) for ref in ("UU21/2007:4", "UU6/2011:120", "UU21/2007:9")]


def _run(
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stdin: str = "",
) -> tuple[int, list[dict[str, Any]], str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = main([*argv, "--today", "2026-11-23"] if argv and argv[0] != "--help" else argv)
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    jsonl = tmp_path / "cases.jsonl"
    jsonl.write_text("\n".join(json.dumps(c) for c in CASES) + "\n\n", encoding="utf-8")
    array = tmp_path / "cases.json"
    array.write_text(json.dumps(CASES, indent=2), encoding="utf-8")
    single = tmp_path / "one.json"
    single.write_text(json.dumps(CASES[0], indent=2), encoding="utf-8")
    return {"jsonl": jsonl, "array": array, "single": single}


@pytest.mark.parametrize("kind", ["jsonl", "array"])
def test_file_in_jsonl_out_in_input_order(
    kind: str,
    files: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    status, answers, err = _run([str(files[kind])], capsys, monkeypatch)
    assert (status, err) == (0, "")
    assert [a["id"] for a in answers] == [c["id"] for c in CASES]
    assert [a["outcome"] for a in answers] == ["trafficking", "smuggling", "trafficking"]


def test_single_object_file(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, answers, _ = _run([str(files["single"])], capsys, monkeypatch)
    assert status == 0 and len(answers) == 1


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(CASES[0]),
        json.dumps(CASES),
        "\n".join(json.dumps(c) for c in CASES),
    ],
)
def test_standard_input_takes_an_object_an_array_or_json_lines(
    text: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, answers, _ = _run(["-"], capsys, monkeypatch, stdin=text)
    assert status == 0
    assert [a["id"] for a in answers] == [c["id"] for c in CASES][: len(answers)]
    assert len(answers) in (1, 3)


def test_empty_input_gives_no_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _run(["-"], capsys, monkeypatch, stdin="\n") == (0, [], "")


def test_language_and_settings_flags(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    case = json.dumps(dict(BASE["UU21/2007:2"], organised_group=True))
    status, answers, _ = _run(
        ["-", "--lang", "en", "--no-uplift-minimum"], capsys, monkeypatch, case
    )
    assert status == 0
    assert answers[0]["charges"][0]["prison_years"] == {"min": 3, "max": 20}
    assert answers[0]["reasons"][0].startswith("Offence date")
    _, plain, _ = _run(["-", "--no-favourable-law"], capsys, monkeypatch, case)
    assert not any("KUHP Pasal 3" in r for r in plain[0]["reasons"])
    stacked = json.dumps(
        dict(
            BASE["UU21/2007:2"],
            offence_date="2026-05-01",
            organised_group=True,
            victims=[{"age_at_offence": 9, "citizenship": "ID"}],
        )
    )
    _, compound, _ = _run(["-", "--stacking", "compound"], capsys, monkeypatch, stacked)
    # 5 years 3 months to 26 years 8 months, held to the 20-year ceiling
    assert compound[0]["charges"][0]["prison_years"] == {"min": 5, "max": 20}
    assert compound[0]["settings"]["stacking"] == "compound"
    removed = json.dumps(dict(BASE["UU21/2007:4"], offence_date="2026-05-01"))
    _, sectoral, _ = _run(["-", "--sectoral-minimums-removed"], capsys, monkeypatch, removed)
    assert sectoral[0]["charges"][0]["prison_years"] == {"min": 0, "max": 15}
    assert sectoral[0]["settings"]["sectoral_minimums_removed"] is True
    _, converted, _ = _run(["-", "--convert-fines"], capsys, monkeypatch, removed)
    # UU 1/2026 Lampiran I: Pasal 4, up to 15 years and/or a fine up to category VII (Rp5 billion)
    assert converted[0]["charges"][0]["fine_idr"] == {"min": 120_000_000, "max": 5_000_000_000}
    assert converted[0]["settings"]["convert_fines"] is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"id": "a"}\n{"id": "b", "acts": ["recruting"]}\n',
            "case 1 (line 2), field 'acts[0]': unknown code 'recruting'",
        ),
        ('{"id": "a", "colour": "red"}', "case 0, field 'colour': unknown field"),
        ('[{"id": "a"}, {"offence_date": "2025-02-30"}]', "case 1, field 'offence_date'"),
        (
            '[{"id": "a"}, {"victims": [{"age_at_offence": "9"}]}]',
            "case 1, field 'victims[0].age_at_offence'",
        ),
        ('[{"id": "a"}, 5]', "case 1: expected a JSON object"),
        ('{"id": "a"}\n\n{"id": \n', "case 1 (line 3): not valid JSON"),
        ('{"offence_date": "1999-01-01"}', "case 0, field 'offence_date': 1999-01-01 is before"),
    ],
)
def test_invalid_input_exits_2_naming_case_and_field(
    text: str, message: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, answers, err = _run(["-"], capsys, monkeypatch, stdin=text)
    assert status == 2
    assert answers == []  # nothing on standard output
    assert message in err


def test_bad_json_file_and_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('[{"id": "a"},', encoding="utf-8")
    status, _, err = _run([str(broken)], capsys, monkeypatch)
    assert status == 2 and "not valid JSON" in err
    status, _, err = _run([str(tmp_path / "absent.jsonl")], capsys, monkeypatch)
    assert status == 2 and "cannot read" in err


def test_usage_errors_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["-", "--lang", "fr"]) == 2
    assert main(["--help"]) == 0
    assert "lentera qualify" in capsys.readouterr().out


def test_dispatch_through_the_lentera_command(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert lentera(["qualify", str(files["jsonl"]), "--today", "2026-11-23"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(CASES)
