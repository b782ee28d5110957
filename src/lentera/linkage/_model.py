"""The person-linkage model: comparisons, blocking rules and the saved, versioned parameters.

The comparisons are written once here, dialect-free, with Splink's level creators; the trained
m and u probabilities and the prior live in ``models/person-v<N>.json`` (written by
``bench/linkage_train.py``). Loading checks that the file's levels are exactly the levels
below, so a change of comparisons without retraining fails loudly instead of silently.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import SettingsCreator, block_on
from splink.blocking_rule_library import CustomRule

from lentera.linkage._errors import ModelError

MODEL_NAME = "lentera-person"
MODEL_VERSION = 2
MODEL_PATH = Path(__file__).resolve().parent / "models" / f"person-v{MODEL_VERSION}.json"


def _lv(creator: Any, label: str) -> Any:
    return creator.configure(label_for_charts=label)


def _within_edits(column: str, edits: int) -> Any:
    """Damerau-Levenshtein distance of ``column`` at most ``edits``, behind a cheap guard.

    The distance is the costliest function of a comparison and most candidate pairs are far
    apart, so it is computed only for pairs that can still be that close: the lengths differ
    by at most ``edits``; and, for one edit, the edit touches at most two neighbouring
    characters, so the untouched prefix and suffix together cover all but two characters of
    the shorter value and one of them covers at least half of the rest. The guard is a
    necessary condition: the level matches exactly the pairs the distance alone would.
    """
    left, right = f"{column}_l", f"{column}_r"
    guard = f"abs(length({left}) - length({right})) <= {edits}"
    if edits == 1:
        half = f"greatest(0, cast(floor((least(length({left}), length({right})) - 2) / 2) as int))"
        guard += (
            f" AND (left({left}, {half}) = left({right}, {half})"
            f" OR right({left}, {half}) = right({right}, {half}))"
        )
    return cll.And(cll.CustomLevel(guard), cll.DamerauLevenshteinLevel(column, edits))


#: Either side's birth date was only partly read (impossible, or a year and month, or a year).
_PARTIAL = "dob_partial_l IS NOT NULL OR dob_partial_r IS NOT NULL"


def comparisons(*, term_frequencies: bool = True) -> list[cl.CustomComparison]:
    """The comparisons of the model, most specific level first within each.

    ``term_frequencies`` adjusts exact name and phone agreement for how common the value is in
    the input; it is turned off for small inputs, where the counts mean nothing.

    Phone and address are one comparison ("contact"): people of one household share both,
    so counting them as independent evidence would join brothers and sisters.
    """
    return [
        cl.CustomComparison(
            output_column_name="name",
            comparison_description="Name after titles, abbreviations and spelling are folded",
            comparison_levels=[
                _lv(cll.NullLevel("name_key"), "name missing"),
                _lv(
                    cll.ExactMatchLevel("name_key", term_frequency_adjustments=term_frequencies),
                    "same name",
                ),
                _lv(cll.ExactMatchLevel("name_sorted"), "same name parts in another order"),
                _lv(
                    cll.Or(_within_edits("name_key", 1), _within_edits("name_sorted", 1)),
                    "name with one typo",
                ),
                _lv(
                    cll.And(
                        cll.ArraySubsetLevel("name_tokens"),
                        cll.Or(
                            cll.ExactMatchLevel("name_given"),
                            # a name of prefixes only ("Dwi", "Ni", "Ahmad") has no given
                            # name of its own to differ
                            cll.CustomLevel("name_given_l IS NULL OR name_given_r IS NULL"),
                        ),
                    ),
                    "one name contained in the other",
                ),
                _lv(
                    cll.ArraySubsetLevel("name_tokens"),
                    "one name contained in the other, given names differ",
                ),
                _lv(
                    cll.And(
                        cll.CustomLevel("length(name_sorted_l) >= 10"),
                        _within_edits("name_sorted", 2),
                    ),
                    "name with two typos",
                ),
                _lv(cll.JaroWinklerLevel("name_key", 0.9), "similar name"),
                _lv(cll.ArrayIntersectLevel("name_tokens", 1), "one name part shared"),
                _lv(cll.ElseLevel(), "different name"),
            ],
        ),
        cl.CustomComparison(
            output_column_name="birth_date",
            comparison_description=(
                "Birth date from documents (impossible or partial dates by their readable "
                "parts); NIK fills day, month, year"
            ),
            comparison_levels=[
                _lv(
                    cll.CustomLevel(
                        "(dob6_l IS NULL OR dob6_r IS NULL) "
                        "AND (birth_year_l IS NULL OR birth_year_r IS NULL)"
                    ).configure(is_null_level=True),
                    "birth date missing",
                ),
                _lv(cll.ExactMatchLevel("dob"), "same birth date"),
                _lv(cll.ExactMatchLevel("dob6"), "same day, month and year in the NIK"),
                _lv(cll.CustomLevel("dob_l = dob_swapped_r"), "day and month swapped"),
                _lv(_within_edits("dob", 1), "birth date one digit off"),
                _lv(
                    cll.CustomLevel(
                        f"({_PARTIAL}) AND birth_ym_l = birth_ym_r",
                    ),
                    "same year and month, date partly read",
                ),
                _lv(
                    cll.CustomLevel(
                        f"({_PARTIAL}) AND birth_year_l = birth_year_r "
                        "AND (birth_ym_l IS NULL OR birth_ym_r IS NULL)",
                    ),
                    "same year, date partly read",
                ),
                _lv(cll.ElseLevel(), "different birth date"),
            ],
        ),
        cl.CustomComparison(
            output_column_name="national_id",
            comparison_description="NIK or other identity number",
            comparison_levels=[
                _lv(cll.NullLevel("nik"), "national id missing"),
                _lv(cll.ExactMatchLevel("nik"), "same national id"),
                _lv(cll.ExactMatchLevel("nik12"), "same NIK but for the serial (twins?)"),
                _lv(
                    cll.And(cll.ExactMatchLevel("nik_place"), cll.ExactMatchLevel("nik_serial")),
                    "NIK differs only in the birth date digits",
                ),
                _lv(
                    cll.And(cll.ExactMatchLevel("nik_date"), cll.ExactMatchLevel("nik_serial")),
                    "NIK differs only in the region digits",
                ),
                _lv(_within_edits("nik", 1), "national id one digit slipped"),
                _lv(
                    cll.And(
                        cll.CustomLevel("length(nik_l) >= 6"),
                        cll.DamerauLevenshteinLevel("nik", 2),
                    ),
                    "national id two digits off",
                ),
                _lv(cll.ElseLevel(), "different national id"),
            ],
        ),
        cl.CustomComparison(
            output_column_name="contact",
            comparison_description="Phone and address together (a household shares both)",
            comparison_levels=[
                _lv(
                    cll.CustomLevel(
                        "(phone_l IS NULL OR phone_r IS NULL) "
                        "AND (address_key_l IS NULL OR address_key_r IS NULL)"
                    ).configure(is_null_level=True),
                    "phone and address missing",
                ),
                _lv(
                    cll.And(
                        cll.ArrayIntersectLevel("phones", 1),
                        cll.ArrayIntersectLevel("address_tokens", 4),
                    ),
                    "same phone and address",
                ),
                _lv(cll.ArrayIntersectLevel("phones", 1), "same phone"),
                _lv(_within_edits("phone", 1), "phone one digit off"),
                _lv(cll.ArrayIntersectLevel("address_tokens", 4), "same address"),
                _lv(
                    cll.And(
                        cll.ExactMatchLevel("address_street"),
                        cll.ArrayIntersectLevel("address_tokens", 3),
                    ),
                    "same street, number and place",
                ),
                _lv(
                    cll.And(
                        cll.CustomLevel("length(address_key_l) >= 8"),
                        cll.JaroWinklerLevel("address_key", 0.92),
                    ),
                    "address written alike",
                ),
                _lv(cll.ExactMatchLevel("address_key"), "same short address"),
                _lv(cll.ArrayIntersectLevel("address_tokens", 2), "address shares parts"),
                _lv(cll.ElseLevel(), "different phone and address"),
            ],
        ),
        cl.CustomComparison(
            output_column_name="sex",
            comparison_description="Sex (from the record, else from the NIK)",
            comparison_levels=[
                _lv(cll.NullLevel("sex"), "sex missing"),
                _lv(cll.ExactMatchLevel("sex"), "same sex"),
                _lv(cll.ElseLevel(), "different sex"),
            ],
        ),
        cl.CustomComparison(
            output_column_name="region",
            comparison_description="Kemendagri region code, or region name when both give one",
            comparison_levels=[
                _lv(
                    cll.CustomLevel(
                        "(region2_l IS NULL OR region2_r IS NULL) "
                        "AND (region_name_l IS NULL OR region_name_r IS NULL)"
                    ).configure(is_null_level=True),
                    "region missing or not comparable",
                ),
                _lv(cll.ExactMatchLevel("region6"), "same district"),
                _lv(cll.ExactMatchLevel("region4"), "same regency or city"),
                _lv(cll.ExactMatchLevel("region_name"), "same region name"),
                _lv(
                    cll.And(
                        cll.CustomLevel("length(region_name_l) >= 6"),
                        _within_edits("region_name", 1),
                    ),
                    "region name with one typo",
                ),
                _lv(cll.ExactMatchLevel("region2"), "same province"),
                _lv(cll.ElseLevel(), "different region"),
            ],
        ),
    ]


#: Name levels that forbid joining two records automatically, however probable the pair:
#: brothers, sisters and twins share family name, household, parents and sometimes birth
#: date, and the model's independence assumption cannot see that. Such pairs go to review.
NAME_CONFLICT_LEVELS = frozenset(
    {
        ("name", "one name contained in the other, given names differ"),
        ("name", "one name part shared"),
        ("name", "different name"),
    }
)
#: Name levels that agree only weakly; with a different birth date (and no identical national
#: id) such a pair is not joined automatically either: it is how brothers and sisters with
#: similar names in one household look.
WEAK_NAME_LEVELS = frozenset(
    {
        ("name", "one name contained in the other"),
        ("name", "one name contained in the other, given names differ"),
        ("name", "name with two typos"),
        ("name", "similar name"),
    }
)
BIRTH_DATE_CONFLICT = ("birth_date", "different birth date")
SAME_NATIONAL_ID = ("national_id", "same national id")

#: Level combinations that lift the name-conflict rule, as (levels all required, levels forbidden):
#: the same national id; or the same birth date, unless the sexes differ or the NIKs differ
#: only in the serial (the marks of twins: a brother and a sister born together also have
#: NIKs one digit apart, the day +40).
NAME_CONFLICT_OVERRIDES: tuple[
    tuple[frozenset[tuple[str, str]], frozenset[tuple[str, str]]], ...
] = (
    (frozenset({("national_id", "same national id")}), frozenset()),
    (
        frozenset({("birth_date", "same birth date")}),
        frozenset(
            {
                ("sex", "different sex"),
                ("national_id", "same NIK but for the serial (twins?)"),
                ("national_id", "NIK differs only in the birth date digits"),
                ("national_id", "NIK differs only in the region digits"),
                ("national_id", "national id one digit slipped"),
            }
        ),
    ),
    (
        frozenset(
            {("national_id", "national id one digit slipped"), ("birth_date", "same birth date")}
        ),
        frozenset({("sex", "different sex")}),
    ),
)


#: Levels whose NIK digits repeat what the birth date (and region) comparisons already
#: weigh: brothers and sisters registered in one district differ exactly there. Training
#: fixes m = u for them, so they count for nothing either way.
NO_EVIDENCE_LEVELS = frozenset(
    {
        ("national_id", "same NIK but for the serial (twins?)"),
        ("national_id", "NIK differs only in the birth date digits"),
        ("national_id", "NIK differs only in the region digits"),
    }
)


_SAME_PROVINCE = "(l.region2 = r.region2 or l.region2 is null or r.region2 is null)"


def blocking_rules() -> list[Any]:
    """Which pairs are scored at all: each rule is an equality join, results are unioned.

    Every rule must stay selective on a national register (a million records): the pairs a
    rule makes grow with the square of its largest groups, and scoring them is most of a
    run's time. So the intact half of a NIK with a slipped digit must come with a fact from
    the documents that agrees or is missing (the birth year beside the region-and-day half,
    the province beside the birth-date-and-serial half), and a given name shared within a
    regency must come with the same initial of the last name part, the same birth year, or
    a one-part name on either side.
    """
    return [
        block_on("nik"),
        CustomRule(
            "l.nik_head = r.nik_head and (l.birth_year = r.birth_year "
            "or l.birth_year is null or r.birth_year is null)"
        ),
        CustomRule(
            "l.nik_tail = r.nik_tail and (l.region2 = r.region2 "
            "or l.region2 is null or r.region2 is null)"
        ),
        block_on("phone"),
        CustomRule("l.phone = r.phone_alt"),
        CustomRule("l.phone_alt = r.phone"),
        block_on("name_sorted_multi"),
        block_on("dob", "name_first"),
        block_on("dob", "name_last"),
        CustomRule("l.dob = r.dob_swapped and l.name_first = r.name_first"),
        block_on("dob6", "name_first"),
        block_on("name_last", "birth_year", "region2"),
        CustomRule(
            "l.name_first = r.name_first and l.region4 = r.region4 "
            "and (substr(l.name_last, 1, 1) = substr(r.name_last, 1, 1) "
            "or l.birth_year = r.birth_year "
            "or l.name_sorted_multi is null or r.name_sorted_multi is null)"
        ),
        CustomRule(
            "l.name_first = r.name_first and l.region_name = r.region_name "
            "and substr(l.name_last, 1, 1) = substr(r.name_last, 1, 1)"
        ),
        block_on("dob", "region2"),
        block_on("dob", "region_name"),
        # Both names mistyped, or a register in which names and places are written unlike
        # Indonesian ones: the same birth date and initial, or the same name part, birth year
        # and the other part's initial.
        # Within a province when both records name one (these rules are national otherwise).
        CustomRule(
            f"l.dob = r.dob and substr(l.name_key, 1, 1) = substr(r.name_key, 1, 1) and {_SAME_PROVINCE}"
        ),
        CustomRule(
            "l.name_first = r.name_first and l.birth_year = r.birth_year "
            f"and substr(l.name_last, 1, 1) = substr(r.name_last, 1, 1) and {_SAME_PROVINCE}"
        ),
        CustomRule(
            "l.name_last = r.name_last and l.birth_year = r.birth_year "
            f"and substr(l.name_first, 1, 1) = substr(r.name_first, 1, 1) and {_SAME_PROVINCE}"
        ),
        block_on("address_key"),
        block_on("address_street", "region4"),
        block_on("name_last", "region_name"),
        block_on("name_last", "region4"),
    ]


@dataclass(frozen=True)
class ModelParameters:
    """Trained parameters: the prior and (m, u) for each level, keyed by comparison and label."""

    probability_two_random_records_match: float
    levels: dict[tuple[str, str], tuple[float | None, float | None]]
    metadata: dict[str, Any] = field(default_factory=dict)


def _label(level: Any) -> str:
    configured = getattr(level, "label_for_charts", None)
    return str(configured) if configured else str(level.create_label_for_charts())


def settings(
    parameters: ModelParameters | None = None,
    *,
    link_type: str = "dedupe_only",
    term_frequencies: bool = True,
) -> SettingsCreator:
    """Splink settings for the model, with ``parameters`` filled in when given."""
    comps = comparisons(term_frequencies=term_frequencies)
    prior = 0.0001
    if parameters is not None:
        prior = parameters.probability_two_random_records_match
        expected = set(level_keys(comps))
        if set(parameters.levels) != expected:
            missing = sorted(expected - set(parameters.levels))
            extra = sorted(set(parameters.levels) - expected)
            raise ModelError(
                "the saved linkage model does not fit this code "
                f"(levels missing: {missing[:3]}, unknown: {extra[:3]}); retrain it with "
                "bench/linkage_train.py"
            )
        for comp in comps:
            name = comp.create_output_column_name() or ""
            for level in comp.create_comparison_levels():
                if getattr(level, "is_null_level", False):
                    continue
                m, u = parameters.levels[(name, _label(level))]
                level.configure(m_probability=m, u_probability=u)
    return SettingsCreator(
        link_type=link_type,  # type: ignore[arg-type]
        comparisons=list(comps),
        blocking_rules_to_generate_predictions=blocking_rules(),
        probability_two_random_records_match=prior,
        retain_matching_columns=True,
        retain_intermediate_calculation_columns=False,
        max_iterations=50,
        em_convergence=0.0001,
    )


def level_keys(comps: list[cl.CustomComparison] | None = None) -> list[tuple[str, str]]:
    """(comparison, label) of every non-null level, in model order."""
    keys: list[tuple[str, str]] = []
    for comp in comps if comps is not None else comparisons():
        name = comp.create_output_column_name() or ""
        for level in comp.create_comparison_levels():
            if not getattr(level, "is_null_level", False):
                keys.append((name, _label(level)))
    return keys


def parameters_from_splink(model: dict[str, Any], metadata: dict[str, Any]) -> ModelParameters:
    """Extract :class:`ModelParameters` from a Splink settings dict (``save_model_to_json``)."""
    levels: dict[tuple[str, str], tuple[float | None, float | None]] = {}
    for comp in model["comparisons"]:
        for level in comp["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            key = (comp["output_column_name"], level["label_for_charts"])
            levels[key] = (level.get("m_probability"), level.get("u_probability"))
    return ModelParameters(
        probability_two_random_records_match=float(model["probability_two_random_records_match"]),
        levels=levels,
        metadata=metadata,
    )


def save_parameters(parameters: ModelParameters, path: Path = MODEL_PATH) -> None:
    """Write the parameters as the versioned JSON model file."""
    comparisons_out: list[dict[str, Any]] = []
    for comp in comparisons():
        name = comp.create_output_column_name() or ""
        levels_out = []
        for level in comp.create_comparison_levels():
            label = _label(level)
            if getattr(level, "is_null_level", False):
                levels_out.append({"label": label, "is_null_level": True})
                continue
            m, u = parameters.levels[(name, label)]
            levels_out.append({"label": label, "m_probability": m, "u_probability": u})
        comparisons_out.append({"output_column_name": name, "levels": levels_out})
    document = {
        "model": MODEL_NAME,
        "version": MODEL_VERSION,
        "metadata": parameters.metadata,
        "probability_two_random_records_match": parameters.probability_two_random_records_match,
        "comparisons": comparisons_out,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_parameters(path: Path = MODEL_PATH) -> ModelParameters:
    """Read the versioned JSON model file; raise :class:`ModelError` when it does not fit.

    The file is read once per path and process (it does not change while running).
    """
    return _load_parameters(path.resolve())


@functools.lru_cache(maxsize=8)
def _load_parameters(path: Path) -> ModelParameters:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"no trained linkage model at {path}") from None
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the linkage model {path}: {exc}") from None
    if document.get("model") != MODEL_NAME or document.get("version") != MODEL_VERSION:
        raise ModelError(
            f"{path} holds model {document.get('model')!r} version {document.get('version')!r}; "
            f"this code needs {MODEL_NAME!r} version {MODEL_VERSION}"
        )
    levels: dict[tuple[str, str], tuple[float | None, float | None]] = {}
    for comp in document["comparisons"]:
        for level in comp["levels"]:
            if level.get("is_null_level"):
                continue
            key = (comp["output_column_name"], level["label"])
            levels[key] = (level["m_probability"], level["u_probability"])
    return ModelParameters(
        probability_two_random_records_match=float(
            document["probability_two_random_records_match"]
        ),
        levels=levels,
        metadata=dict(document.get("metadata", {})),
    )
