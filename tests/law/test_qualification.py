"""The Qualification object: contract shape, languages, and the version and settings it keeps."""

from __future__ import annotations

import json

import pytest

from lentera.law import ENGINE_VERSION, OUTCOMES, EngineSettings, LawError, Text

from .conftest import run_case
from .test_articles import BASE

CONTRACT_KEYS = ["id", "outcome", "regime", "charges", "related", "missing", "reasons", "settings"]
CHARGE_KEYS = ["ref", "prison_years", "life", "fine_idr", "aggravations", "participation"]


def test_to_dict_is_exactly_the_contract_object() -> None:
    result = run_case(dict(BASE["UU21/2007:4"], id="k-1"))
    out = result.to_dict()
    assert list(out) == CONTRACT_KEYS
    assert out["id"] == "k-1"
    assert out["outcome"] in OUTCOMES
    assert [list(charge) for charge in out["charges"]] == [CHARGE_KEYS]
    assert json.loads(json.dumps(out)) == out  # plain JSON types only
    assert out["settings"] == EngineSettings().to_dict()  # the settings travel with the answer
    assert run_case({"offence_date": "2024-01-01"}).to_dict()["id"] is None


def test_reasons_in_both_languages_step_for_step() -> None:
    result = run_case(BASE["UU21/2007:2"])
    english = run_case(BASE["UU21/2007:2"], lang="en")
    assert result.reasons != english.reasons
    assert english.reasons == result.reasons_in("en")
    assert result.to_dict("en")["reasons"] == list(english.reasons)
    assert len(result.reasons) == len(english.reasons) == len(result.explanation)
    assert all(isinstance(step, Text) for step in result.explanation)
    assert result.reasons[0].startswith("Tanggal tindak pidana 2024-06-01")
    assert english.reasons[0].startswith("Offence date 2024-06-01")
    assert "bukan nasihat hukum" in result.reasons[-1]
    assert "not legal advice" in english.reasons[-1]


def test_unsupported_language_is_refused() -> None:
    with pytest.raises(LawError, match="unsupported language"):
        run_case(BASE["UU21/2007:2"], lang="fr")
    with pytest.raises(LawError):
        run_case(BASE["UU21/2007:2"]).reasons_in("jv")
    assert Text("a", "b").get("en") == "b"
    assert Text("a", "b") == Text("a", "b") and Text("a", "b") != "a"
    assert repr(Text("a", "b")) == "Text(id='a', en='b')"
    assert len({Text("a", "b"), Text("a", "b")}) == 1


def test_result_records_engine_version_and_settings() -> None:
    chosen = EngineSettings(stacking="compound")
    result = run_case(BASE["UU21/2007:2"], settings=chosen)
    assert result.engine_version == ENGINE_VERSION
    assert result.settings is chosen
    assert result.lang == "id"


def test_penalty_wording_uses_local_digit_grouping() -> None:
    result = run_case(BASE["UU21/2007:19"])
    assert any("Rp40.000.000 sampai Rp280.000.000" in line for line in result.reasons)
    english = result.reasons_in("en")
    assert any("from 1 year to 7 years" in line for line in english)
    assert any("Rp40,000,000 to Rp280,000,000" in line for line in english)
