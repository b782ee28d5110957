"""The periodic report: figures generated from the data (cases, victims by sex and age, the
law-enforcement table by stage, meetings, action items, the scorecard), a narrative that holds no
identity, and each issued version archived with its PDF and XLSX."""

from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader
from rest_framework.test import APIClient

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.cases import services as case_services
from lentera.apps.cases.vocab import ExploitationType
from lentera.apps.coordination import services
from lentera.apps.coordination.models import ReportVersion
from lentera.apps.coordination.report import report_data
from lentera.apps.justice import services as justice_services
from lentera.apps.justice.vocab import Stage
from lentera.apps.people.services import person_create
from tests.coordination.conftest import assign, held

pytestmark = pytest.mark.django_db


@pytest.fixture
def period():
    today = timezone.localdate()
    return today.year, "s1" if today.month <= 6 else "s2"


@pytest.fixture
def kupang_case(cast, regions, kupang_child):
    inv = cast.kupang_police_investigator
    case = case_services.case_open(
        actor=inv,
        title="Perekrutan ke Batam",
        region=regions["53.71"],
        exploitation_types=["forced_labour"],
    )
    adult = person_create(
        actor=inv,
        owner_agency=cast.kupang_police,
        full_name="Dina Contoh",
        sex="female",
        birth_date=date(1990, 1, 1),
        region=regions["53.71.01"],
    )
    suspect = person_create(
        actor=inv,
        owner_agency=cast.kupang_police,
        full_name="Agus Contoh Sinlae",
        sex="male",
        birth_date=date(1980, 1, 1),
        region=regions["53.71.01"],
    )
    case_services.case_add_party(actor=inv, case=case, person=adult, role="victim")
    party = case_services.case_add_party(actor=inv, case=case, person=suspect, role="suspect")
    justice_services.proceeding_open(
        actor=inv, suspect=party, police_report_date=timezone.localdate()
    )
    return case


def test_the_figures_come_from_the_data(cast, coord, kupang_case, period):
    year, code = period
    meeting, decision = held(coord, cast, days_ago=0)
    assign(coord, decision, coord.disnaker, days=0)
    data = report_data(task_force=coord.task_force, year=year, period=code)
    assert data["cases"] == 1
    assert data["victims"] == {"total": 1, "by_sex": {"female": 1}, "by_age": {"adult": 1}}
    assert data["exploitation"] == {"forced_labour": 1}
    assert data["law_enforcement"] == {"police_report": 1}
    assert [m["title"] for m in data["meetings"]] == [meeting.title]
    assert data["action_items"]["assigned"] == 1
    other = report_data(task_force=coord.task_force, year=year - 1, period=code)
    assert (other["cases"], other["law_enforcement"]) == (0, {})


def test_narrative_and_issued_versions(cast, coord, kupang_case, period):
    year, code = period
    held(coord, cast, days_ago=0)
    report = services.report_for(task_force=coord.task_force, year=year, period=code)
    with pytest.raises(ValidationError):
        services.narrative_save(
            actor=coord.secretariat, report=report, narrative="Korban Dina Contoh", version=1
        )
    with pytest.raises(PermissionDenied):
        services.narrative_save(actor=coord.chair, report=report, narrative="x", version=1)
    services.narrative_save(
        actor=coord.secretariat,
        report=report,
        narrative="Koordinasi membaik pada semester ini.",
        version=1,
    )
    first = services.report_issue(actor=coord.secretariat, report=report, version=2)
    with pytest.raises(Conflict):
        services.report_issue(actor=coord.secretariat, report=report, version=1)
    second = services.report_issue(actor=coord.secretariat, report=report, version=2)
    assert (first.number, second.number) == (1, 2)
    assert ReportVersion.objects.filter(report=report).count() == 2
    text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(bytes(first.pdf))).pages)
    # tables show labels (in the active language), never the stored codes
    stage, form = str(Stage.POLICE_REPORT.label), str(ExploitationType.FORCED_LABOUR.label)
    for expected in ("Koordinasi membaik", f"{stage}: 1", "Rapat koordinasi", form):
        assert expected in text, expected
    for hidden in ("Dina", "Agus", "Ester", "5371015204100001", "police_report", "forced_labour"):
        assert hidden not in text
    sheet = load_workbook(BytesIO(bytes(first.xlsx))).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert stage in cells and coord.task_force.name in cells and "police_report" not in cells
    # the narrative (and the tables) as an editable office document, archived with the version
    word = Document(BytesIO(bytes(first.docx)))
    paragraphs = "\n".join(p.text for p in word.paragraphs)
    assert "Koordinasi membaik pada semester ini." in paragraphs
    assert "Versi 1" in paragraphs or "Version 1" in paragraphs
    cells = {c.text for t in word.tables for row in t.rows for c in row.cells}
    assert stage in cells and "Dina" not in paragraphs


def test_report_page_issue_and_api(client, cast, coord, kupang_case, period):
    year, code = period
    client.force_login(coord.secretariat)
    url = reverse("coordination:report", args=[coord.task_force.pk, year, code])
    page = client.get(url)
    assert page.status_code == 200 and b'data-testid="law-enforcement"' in page.content
    saved = client.post(url, {"narrative": "Semester berjalan baik.", "version": 1})
    assert saved.status_code == 302
    issue = reverse("coordination:report_issue", args=[coord.task_force.pk, year, code])
    assert client.post(issue, {"version": 2}).status_code == 302
    version = ReportVersion.objects.get()
    pdf = client.get(reverse("coordination:report_pdf", args=[version.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    xlsx = client.get(reverse("coordination:report_xlsx", args=[version.pk]))
    assert xlsx.status_code == 200
    docx = client.get(reverse("coordination:report_docx", args=[version.pk]))
    assert docx.status_code == 200 and docx["Content-Type"].endswith("wordprocessingml.document")
    assert "Semester berjalan baik." in "\n".join(
        p.text for p in Document(BytesIO(docx.content)).paragraphs
    )
    assert str(Stage.POLICE_REPORT.label).encode() in page.content  # a label, not the code
    assert (
        client.get(
            reverse("coordination:report", args=[coord.task_force.pk, year, "x"])
        ).status_code
        == 404
    )
    api = APIClient()
    api.force_authenticate(coord.secretariat)
    body = api.get(f"/api/v1/task-forces/{coord.task_force.pk}/reports/{year}/{code}").json()
    assert body["narrative"] == "Semester berjalan baik." and body["issued"][0]["number"] == 1
    assert body["figures"]["law_enforcement"] == {"police_report": 1}
    other = APIClient()
    other.force_authenticate(coord.pontianak_secretariat)
    url = f"/api/v1/task-forces/{coord.task_force.pk}/reports/{year}/{code}"
    assert other.get(url).status_code == 404
    client.force_login(coord.pontianak_secretariat)
    assert client.get(reverse("coordination:report_pdf", args=[version.pk])).status_code == 404


def test_a_province_sees_its_cities_reports_rolled_up_only(client, cast, coord, regions, period):
    from lentera.apps.accounts import services as account_services
    from lentera.apps.accounts.permissions import Role
    from tests.conftest import make_user

    year, code = period
    province = account_services.task_force_create(
        actor=None, name="Gugus Tugas Provinsi NTT", level="province", region=regions["53"]
    )
    coord.task_force.parent = province
    coord.task_force.save(update_fields=["parent"])
    dp3a = account_services.agency_create(
        actor=None,
        name="DP3A Provinsi NTT",
        agency_type="women_child_protection",
        region=regions["53"],
    )
    provincial = make_user("ntt_secretariat", dp3a, [Role.SECRETARIAT])
    meeting, _decision = held(coord, cast, days_ago=0)
    report = services.report_for(task_force=coord.task_force, year=year, period=code)
    services.report_issue(actor=coord.secretariat, report=report, version=report.version)
    client.force_login(provincial)
    # the city's meeting and report stay the city's
    assert client.get(reverse("coordination:meeting", args=[meeting.pk])).status_code == 404
    city = reverse("coordination:report", args=[coord.task_force.pk, year, code])
    assert client.get(city).status_code == 404
    page = client.get(reverse("coordination:report", args=[province.pk, year, code]))
    assert page.status_code == 200 and b'data-testid="rollup"' in page.content
    api = APIClient()
    api.force_authenticate(provincial)
    body = api.get(f"/api/v1/task-forces/{province.pk}/reports/{year}/{code}").json()
    rolled = body["rollup"]
    assert rolled["reports"] == [{"task_force": coord.task_force.name, "version": 1}]
    assert rolled["k"] == 11
    assert rolled["tables"]["totals"] == {"cases": 0, "returns": 0, "victims": 0}
    assert rolled["tables"]["victims_by_sex"] == {}


def test_small_cells_are_hidden_in_the_rollup(cast, coord, kupang_case, regions, period):
    from lentera.apps.accounts import services as account_services
    from lentera.apps.coordination.report import rollup

    year, code = period
    province = account_services.task_force_create(
        actor=None, name="Gugus Tugas Provinsi NTT", level="province", region=regions["53"]
    )
    coord.task_force.parent = province
    coord.task_force.save(update_fields=["parent"])
    report = services.report_for(task_force=coord.task_force, year=year, period=code)
    services.report_issue(actor=coord.secretariat, report=report, version=report.version)
    tables = rollup(task_force=province, year=year, period=code, k=11)["tables"]
    assert tables["totals"]["cases"] is None and tables["totals"]["victims"] is None
    assert tables["law_enforcement"] == {"police_report": None}
    assert tables["totals"]["returns"] == 0  # an empty cell reveals nobody
    assert rollup(task_force=coord.task_force, year=year, period=code, k=11) is None
