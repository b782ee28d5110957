"""Reference data: Kemendagri regions from idn-area-data, ISO countries, destination policy."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from lentera.apps.reference.models import Country, DestinationPolicy, Region
from lentera.apps.reference.services import (
    countries_load,
    destination_policies_load_defaults,
    destination_policy_save,
    regions_load,
)

pytestmark = pytest.mark.django_db


def test_regions_load_from_the_package_with_parents():
    counts = regions_load(provinces=["53"])
    assert counts["province"] == 1 and counts["regency"] >= 20 and counts["village"] > 3000
    kupang = Region.objects.get(code="53.71")
    assert kupang.name == "Kota Kupang" and kupang.parent.code == "53"
    village = Region.objects.filter(code__startswith="53.71.", level="village").first()
    assert village is not None and kupang.contains(village)
    # Loading again changes nothing.
    assert regions_load(provinces=["53"]) == {
        "province": 0,
        "regency": 0,
        "district": 0,
        "village": 0,
    }


def test_regions_load_reports_missing_data(tmp_path):
    with pytest.raises(ValidationError):
        regions_load(source=tmp_path)


@pytest.mark.parametrize(
    ("provinces", "line"),
    [
        ('code,name\n53,"Nusa Tenggara Timur\n61,Kalimantan Barat\n', 2),  # unclosed quote
        ("code,name\n53,Nusa Tenggara Timur\n61\n", 3),  # short row
        ("code,name\n53,Nusa Tenggara Timur,NTT\n", 2),  # long row
    ],
)
def test_regions_load_names_file_and_line_of_a_broken_row_and_loads_nothing(
    tmp_path, provinces, line
):
    (tmp_path / "provinces.csv").write_text(provinces, encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        regions_load(source=tmp_path, levels=["province"])
    assert f"provinces.csv:{line}: " in err.value.messages[0]
    assert not Region.objects.exists()


def test_load_reference_command_fails_with_the_file_and_line(tmp_path, settings):
    (tmp_path / "provinces.csv").write_text("code,name\n53,NTT\n61\n", encoding="utf-8")
    settings.LENTERA_AREA_DATA_DIR = str(tmp_path)
    with pytest.raises(CommandError, match=r"provinces\.csv:3: "):
        call_command("load_reference", "--levels", "province")
    assert not Region.objects.exists()


def test_countries_have_indonesian_names():
    assert countries_load() > 240
    assert Country.objects.get(code="KH").name_en == "Cambodia"
    assert Country.objects.get(code="MY").alpha3 == "MYS"
    assert Country.objects.get(code="DE").name_id != ""


def test_destination_policy_defaults_and_edits(cast):
    countries_load()
    created = destination_policies_load_defaults()
    assert created > 0
    assert destination_policies_load_defaults() == 0  # idempotent, keeps admin edits
    kh = Country.objects.get(code="KH")
    assert DestinationPolicy.objects.filter(country=kh).exists()
    with pytest.raises(PermissionDenied):
        destination_policy_save(
            actor=cast.kupang_uptd_caseworker,
            policy=None,
            country=kh,
            sector="*",
            status="closed",
            legal_basis="x",
            valid_from=date(2026, 1, 1),
        )
    with pytest.raises(ValidationError) as err:
        destination_policy_save(
            actor=cast.system_admin,
            policy=None,
            country=kh,
            sector="mining",
            status="shut",
            legal_basis=" ",
            valid_from=date(2026, 1, 1),
            valid_to=date(2025, 1, 1),
        )
    assert set(err.value.message_dict) == {"sector", "status", "legal_basis", "valid_to"}
    saved = destination_policy_save(
        actor=cast.system_admin,
        policy=None,
        country=kh,
        sector="office",
        status="closed",
        legal_basis="Pernyataan Menteri P2MI",
        valid_from=date(2026, 1, 1),
    )
    assert saved.pk
