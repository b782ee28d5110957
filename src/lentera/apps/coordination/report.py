"""The periodic report's figures, generated from the data (figures only: no name, no case), and
its files: the PDF (fpdf2), the tables as XLSX (openpyxl, pure Python like fpdf2) and the
narrative with the tables as DOCX (python-docx), an office document the secretariat edits before
signing. Tables show labels in the reader's language, never the stored codes.

The law-enforcement table counts the proceedings whose police report falls in the period by the
stage they stand at now, as Kupang's "14 P-19 / 16 penyidikan / 6 penyelidikan".
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from io import BytesIO
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from lentera.apps.accounts.models import TaskForce
from lentera.apps.coordination.models import ActionItem, Invitation, Meeting
from lentera.apps.coordination.pdf import _Doc
from lentera.apps.coordination.scorecard import _in_region, scorecard
from lentera.apps.coordination.vocab import Attendance, ItemStatus, MeetingStatus, ReportPeriod


def period_dates(year: int, period: str) -> tuple[date, date]:
    if period == ReportPeriod.S1:
        return date(year, 1, 1), date(year, 6, 30)
    if period == ReportPeriod.S2:
        return date(year, 7, 1), date(year, 12, 31)
    return date(year, 1, 1), date(year, 12, 31)


def report_data(
    *, task_force: TaskForce, year: int, period: str, today: date | None = None
) -> dict[str, Any]:
    from lentera.apps.cases.models import Case, CaseParty
    from lentera.apps.justice.models import Proceeding
    from lentera.apps.prevention.models import DepartureScreening, OfferScreening
    from lentera.apps.protection.models import ReturnPlan, Service

    today = today or timezone.localdate()
    start, end = period_dates(year, period)
    region = _in_region("region", task_force)
    cases = Case.objects.filter(region, opened_at__date__gte=start, opened_at__date__lte=end)
    victims = CaseParty.objects.filter(case__in=cases, role="victim").select_related(
        "person", "case"
    )
    by_sex: Counter[str] = Counter()
    by_age: Counter[str] = Counter()
    seen: set[int] = set()
    for v in victims:
        if v.person_id in seen:
            continue
        seen.add(v.person_id)
        by_sex[v.person.sex or "unknown"] += 1
        age = v.person.age_on(timezone.localtime(v.case.opened_at).date())
        by_age["unknown" if age is None else ("child" if age < 18 else "adult")] += 1
    exploitation: Counter[str] = Counter()
    for types in cases.values_list("exploitation_types", flat=True):
        exploitation.update(types or [])
    in_case_region = _in_region("case__region", task_force)
    services = Counter(
        Service.objects.filter(
            in_case_region, recorded_at__date__gte=start, recorded_at__date__lte=end
        ).values_list("service_type", flat=True)
    )
    stages = Counter(
        Proceeding.objects.filter(
            in_case_region, police_report_date__gte=start, police_report_date__lte=end
        ).values_list("current_stage", flat=True)
    )
    meetings = Meeting.objects.filter(
        task_force=task_force, starts_at__date__gte=start, starts_at__date__lte=end
    ).exclude(status=MeetingStatus.CANCELLED)
    invitations = Invitation.objects.filter(meeting__in=meetings)
    items = list(
        ActionItem.objects.filter(
            decision__meeting__task_force=task_force, due_on__gte=start, due_on__lte=end
        )
        .exclude(status=ItemStatus.CANCELLED)
        .select_related("agency")
        .order_by("due_on", "id")
    )
    card = scorecard(task_force=task_force, year=year, today=today)
    return {
        "task_force": task_force.name,
        "period": {"year": year, "code": period, "from": start.isoformat(), "to": end.isoformat()},
        "cases": cases.count(),
        "victims": {"total": len(seen), "by_sex": dict(by_sex), "by_age": dict(by_age)},
        "exploitation": dict(exploitation),
        "services": dict(services),
        "returns": ReturnPlan.objects.filter(
            in_case_region, completed_on__gte=start, completed_on__lte=end
        ).count(),
        "law_enforcement": dict(stages),
        "prevention": {
            "departure_screenings": DepartureScreening.objects.filter(
                _in_region("agency__region", task_force),
                screened_at__date__gte=start,
                screened_at__date__lte=end,
            ).count(),
            "offer_screenings": OfferScreening.objects.filter(
                _in_region("agency__region", task_force),
                screened_at__date__gte=start,
                screened_at__date__lte=end,
            ).count(),
        },
        "meetings": [
            {
                "date": timezone.localtime(m.starts_at).date().isoformat(),
                "title": m.title,
                "status": m.status,
                "present": invitations.filter(meeting=m, attendance=Attendance.PRESENT).count(),
                "invited": invitations.filter(meeting=m).count(),
            }
            for m in meetings.order_by("starts_at")
        ],
        "action_items": {
            "assigned": len(items),
            "closed_on_time": sum(1 for i in items if i.on_time is True),
            "closed_late": sum(1 for i in items if i.on_time is False),
            "open": sum(1 for i in items if i.status == ItemStatus.OPEN),
            "overdue": sum(1 for i in items if i.status == ItemStatus.OPEN and i.due_on < today),
        },
        # each item of the period: its agency, task (written under the identity guard), due date
        # and where it stands
        "items": [
            {
                "agency": i.agency.name,
                "task": i.task,
                "due_on": i.due_on.isoformat(),
                "status": i.status,
                "on_time": i.on_time,
                "overdue": i.status == ItemStatus.OPEN and i.due_on < today,
            }
            for i in items
        ],
        "scorecard": [
            {"activity": s.activity.name, "target": s.activity.target, "done": s.done}
            for s in card.activities
        ],
    }


def _labels() -> dict[str, dict[str, str]]:
    """The label of each stored code, per table (in the active language)."""
    from lentera.apps.cases.vocab import ExploitationType
    from lentera.apps.justice.vocab import Stage
    from lentera.apps.people.models import Sex
    from lentera.apps.protection.vocab import ServiceType

    def of(choices: Any) -> dict[str, str]:
        return {str(value): str(label) for value, label in choices}

    return {
        "sex": of(Sex.choices),
        "age": {
            "child": _("Children (under 18)"),
            "adult": _("Adults"),
            "unknown": _("Age unknown"),
        },
        "exploitation": of(ExploitationType.choices),
        "services": of(ServiceType.choices),
        "law_enforcement": of(Stage.choices),
        "prevention": {
            "departure_screenings": _("Departure screenings at the posts"),
            "offer_screenings": _("Job offers screened"),
        },
        "action_items": {
            "assigned": _("Assigned"),
            "closed_on_time": _("Closed on time"),
            "closed_late": _("Closed late"),
            "open": _("Still open"),
            "overdue": _("Overdue"),
        },
        "totals": {"cases": _("Cases opened"), "victims": _("Victims"), "returns": _("Returns")},
    }


def _labelled(
    table: str, counts: dict[str, Any], labels: dict[str, dict[str, str]]
) -> list[tuple[str, Any]]:
    names = labels.get(table, {})
    return [(names.get(code, code), value) for code, value in sorted(counts.items())]


def report_tables(data: dict[str, Any]) -> list[tuple[str, str, list[tuple[str, Any]]]]:
    """The report's tables as (key, title, rows of label and figure), for the page, the PDF, the
    XLSX and the DOCX."""
    labels = _labels()
    statuses = {str(v): str(label) for v, label in ItemStatus.choices}
    victims = data["victims"]
    sexes = _labelled("sex", victims["by_sex"], labels)
    ages = _labelled("age", victims["by_age"], labels)
    return [
        (
            "cases",
            _("Cases and victims"),
            [
                (_("Cases opened"), data["cases"]),
                (_("Victims"), victims["total"]),
                *((f"{_('Sex')}: {label}", v) for label, v in sexes),
                *((f"{_('Age')}: {label}", v) for label, v in ages),
            ],
        ),
        (
            "exploitation",
            _("Forms of exploitation"),
            _labelled("exploitation", data["exploitation"], labels),
        ),
        ("services", _("Victim services"), _labelled("services", data["services"], labels)),
        ("returns", _("Returns home completed"), [(_("Victims returned"), data["returns"])]),
        (
            "law-enforcement",
            _("Law enforcement by stage"),
            _labelled("law_enforcement", data["law_enforcement"], labels),
        ),
        ("prevention", _("Prevention"), _labelled("prevention", data["prevention"], labels)),
        (
            "meetings",
            _("Meetings"),
            [
                (f"{m['date']} {m['title']}", f"{m['present']}/{m['invited']}")
                for m in data["meetings"]
            ],
        ),
        (
            "action-items",
            _("Action items"),
            [(labels["action_items"].get(k, k), v) for k, v in data["action_items"].items()],
        ),
        (
            "items",
            _("Action items by agency"),
            [
                (
                    f"{i['agency']}: {i['task']}",
                    f"{statuses.get(i['status'], i['status'])}, {_('due')} {i['due_on']}"
                    + (f" ({_('overdue')})" if i["overdue"] else ""),
                )
                for i in data.get("items", [])
            ],
        ),
        (
            "scorecard",
            _("Scorecard"),
            [(s["activity"], f"{s['done']}/{s['target']}") for s in data["scorecard"]],
        ),
    ]


def rollup_tables(rolled: dict[str, Any]) -> list[tuple[str, str, list[tuple[str, Any]]]]:
    """The roll-up's tables as (name, title, rows of label and figure or None when hidden)."""
    labels = _labels()
    titles = {
        "totals": (_("Totals"), "totals"),
        "victims_by_sex": (_("Victims by sex"), "sex"),
        "victims_by_age": (_("Victims by age"), "age"),
        "exploitation": (_("Forms of exploitation"), "exploitation"),
        "services": (_("Victim services"), "services"),
        "law_enforcement": (_("Law enforcement by stage"), "law_enforcement"),
        "prevention": (_("Prevention"), "prevention"),
    }
    out = []
    for name, cells in rolled["tables"].items():
        title, table = titles.get(name, (name, name))
        out.append((name, title, _labelled(table, cells, labels)))
    return out


def report_pdf(data: dict[str, Any], narrative: str, *, number: int | None) -> bytes:
    doc = _Doc(format="A4")
    doc.setup()
    doc.add_page()
    period = data["period"]
    doc.para(data["task_force"], 12, bold=True)
    doc.para(
        _("Periodic report %(code)s %(year)s (%(start)s – %(end)s)")
        % {
            "code": period["code"].upper(),
            "year": period["year"],
            "start": period["from"],
            "end": period["to"],
        },
        14,
        bold=True,
    )
    doc.para(
        _("Version %(n)s") % {"n": number} if number else _("Draft: not issued."), 10, bold=True
    )
    doc.ln(2)
    doc.para(_("Narrative"), 12, bold=True)
    doc.para(narrative or "-")
    for _key, title, rows in report_tables(data):
        doc.ln(2)
        doc.para(title, 12, bold=True)
        for label, value in rows or [("-", "")]:
            doc.para(f"{label}: {value}")
    return bytes(doc.output())


def report_docx(data: dict[str, Any], narrative: str, *, number: int | None) -> bytes:
    """The narrative and the tables as a Word document (DOCX), to edit and sign: python-docx
    writes it from scratch (pure Python over lxml, no office suite on the server)."""
    from docx import Document

    doc = Document()
    period = data["period"]
    doc.add_paragraph(data["task_force"]).runs[0].bold = True
    doc.add_heading(
        _("Periodic report %(code)s %(year)s (%(start)s – %(end)s)")
        % {
            "code": period["code"].upper(),
            "year": period["year"],
            "start": period["from"],
            "end": period["to"],
        },
        level=1,
    )
    doc.add_paragraph(_("Version %(n)s") % {"n": number} if number else _("Draft: not issued."))
    doc.add_heading(_("Narrative"), level=2)
    for block in (narrative or "-").split("\n\n"):
        doc.add_paragraph(block.strip())
    for _key, title, rows in report_tables(data):
        doc.add_heading(title, level=2)
        table = doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in rows or [("-", "")]:
            cells = table.add_row().cells
            cells[0].text = str(label)
            cells[1].text = str(value)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def report_xlsx(data: dict[str, Any]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Laporan"
    sheet.append([data["task_force"], data["period"]["code"], data["period"]["year"]])
    for _key, title, rows in report_tables(data):
        sheet.append([])
        sheet.append([title])
        for label, value in rows:
            sheet.append([label, value])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def rollup(*, task_force: TaskForce, year: int, period: str, k: int) -> dict[str, Any] | None:
    """The task force's children's latest issued reports of the period, summed table by table,
    each table with small-cell suppression (counts 1..k-1 hidden as None, and a second cell when
    only one would be). None for a task force without children."""
    from lentera.apps.coordination.models import ReportVersion
    from lentera.privacy import suppress_small_cells

    children = list(TaskForce.objects.filter(parent=task_force).order_by("name"))
    if not children:
        return None
    tables: dict[str, Counter[str]] = {
        "totals": Counter(),
        "victims_by_sex": Counter(),
        "victims_by_age": Counter(),
        "exploitation": Counter(),
        "services": Counter(),
        "law_enforcement": Counter(),
        "prevention": Counter(),
    }
    reports = []
    for child in children:
        latest = (
            ReportVersion.objects.filter(
                report__task_force=child, report__year=year, report__period=period
            )
            .order_by("-number")
            .first()
        )
        reports.append({"task_force": child.name, "version": latest.number if latest else None})
        if latest is None:
            continue
        data = latest.data
        tables["totals"].update(
            {
                "cases": data["cases"],
                "victims": data["victims"]["total"],
                "returns": data["returns"],
            }
        )
        tables["victims_by_sex"].update(data["victims"]["by_sex"])
        tables["victims_by_age"].update(data["victims"]["by_age"])
        for name in ("exploitation", "services", "law_enforcement", "prevention"):
            tables[name].update(data[name])
    return {
        "reports": reports,
        "k": k,
        "tables": {
            name: suppress_small_cells(dict(sorted(counts.items())), k=k)
            for name, counts in tables.items()
        },
    }
