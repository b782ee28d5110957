"""Case-list export: only with the export permission, only the cases the user may see, with the
list's filters, never an identity, and every export in the audit trail."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse

from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AuditEvent
from lentera.apps.accounts.permissions import Role
from lentera.apps.cases import exports, services
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(cast):
    return make_user("kupang_secretariat", cast.kupang_uptd, [Role.SECRETARIAT])


@pytest.fixture
def two_regions(cast, regions, kupang_case, child_victim):
    investigator = make_user("pontianak_investigator", cast.pontianak_uptd, [Role.INVESTIGATOR])
    other = services.case_open(
        actor=investigator,
        title="Prostitusi anak daring",
        region=regions["61.71"],
        acts=["recruitment"],
    )
    return kupang_case, other


def _read(lines):
    return list(csv.reader(io.StringIO("".join(lines))))


def test_export_has_only_visible_cases_and_no_identity(cast, secretariat, two_regions):
    kupang_case, _other = two_regions
    total, rows = exports.case_export(actor=secretariat, filters={})
    table = _read(exports.csv_lines(rows))
    assert total == 1 and table[0] == exports.COLUMNS
    row = dict(zip(table[0], table[1], strict=True))
    assert row["reference"] == kupang_case.reference
    assert (row["victims"], row["victims_female"], row["child_victim"]) == ("1", "1", "yes")
    assert row["suspects_official"] == ""  # the secretariat may not see complicity
    text = "".join(",".join(r) for r in table)
    for secret in ("Esther", "Lenggu", "DYM", kupang_case.title):
        assert secret not in text
    event = AuditEvent.objects.get(event_type=EventType.CASES_EXPORTED)
    assert event.actor == secretariat and event.data["rows"] == 1


def test_export_refused_without_the_permission_and_nothing_logged(cast, two_regions):
    with pytest.raises(PermissionDenied):
        exports.case_export(actor=cast.kupang_police_investigator, filters={})
    assert not AuditEvent.objects.filter(event_type=EventType.CASES_EXPORTED).exists()


def test_spreadsheet_formulas_are_neutralised():
    assert exports._cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert exports._cell("-2+3") == "'-2+3"
    assert exports._cell("TPPO/5371/2026/00001") == "TPPO/5371/2026/00001"


def test_export_page_follows_the_list_filters(client, cast, secretariat, two_regions):
    client.force_login(secretariat)
    listing = client.get(reverse("cases:list"), {"status": "open"}).content.decode()
    assert reverse("cases:export") + "?status=open" in listing
    response = client.get(reverse("cases:export"), {"status": "closed"})
    assert response["Content-Type"] == "text/csv"
    assert "attachment" in response["Content-Disposition"]
    table = _read(b"".join(response.streaming_content).decode().splitlines(keepends=True))
    assert table == [exports.COLUMNS]  # header only: no closed case
    client.force_login(cast.kupang_police_investigator)
    assert client.get(reverse("cases:export")).status_code == 403
    assert "case-export" not in client.get(reverse("cases:list")).content.decode()


def test_export_command_writes_the_same_csv(cast, secretariat, two_regions, tmp_path):
    out = tmp_path / "kasus.csv"
    call_command("export_cases", "--user", secretariat.username, "--output", str(out))
    table = list(csv.reader(out.open(encoding="utf-8")))
    assert table[0] == exports.COLUMNS and len(table) == 2
    with pytest.raises(Exception, match="permission"):
        call_command("export_cases", "--user", cast.kupang_police_investigator.username)


def test_export_api_with_a_token_holder_of_the_permission(cast, secretariat, two_regions):
    from rest_framework.test import APIClient

    client = APIClient()
    url = reverse("api-cases-export")
    assert client.get(url).status_code == 401
    client.force_authenticate(cast.kupang_police_investigator, token="t")
    assert client.get(url).status_code == 403
    client.force_authenticate(secretariat, token="t")
    response = client.get(url, {"child": "yes"})
    table = _read(b"".join(response.streaming_content).decode().splitlines(keepends=True))
    assert response.status_code == 200 and len(table) == 2
    assert AuditEvent.objects.filter(event_type=EventType.CASES_EXPORTED).count() == 1


def test_lentera_export_subcommand(cast, secretariat, two_regions, tmp_path, capsys):
    from lentera.cli import main

    out = tmp_path / "kasus.csv"
    assert main(["export", "cases", "--user", secretariat.username, "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == ",".join(exports.COLUMNS)
    assert main(["export", "cases", "--user", cast.kupang_police_investigator.username]) == 1
    assert "no permission" in capsys.readouterr().err
    assert main(["export", "people"]) == 2
