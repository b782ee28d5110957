"""The minutes (notulen) of a meeting as a PDF, with fpdf2.

fpdf2 is pure Python (its dependencies, Pillow, fontTools and defusedxml, install as wheels from
PyPI), so the PDF needs no system library: WeasyPrint would need Pango from Debian on every
server. The text uses DejaVu Sans when the system has it (Indonesian needs only Latin-1, but
dashes and quotes do not) and falls back to the built-in Helvetica with the text made Latin-1.
"""

from __future__ import annotations

from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from lentera.apps.coordination.models import Meeting

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)


class _Doc(FPDF):
    unicode = False

    def setup(self) -> None:
        for folder in _FONT_DIRS:
            regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
            if regular.exists() and bold.exists():
                self.add_font("body", "", str(regular))
                self.add_font("body", "B", str(bold))
                self.unicode = True
                return

    def font(self, size: float, bold: bool = False) -> None:
        family = "body" if self.unicode else "helvetica"
        self.set_font(family, "B" if bold else "", size)

    def text_of(self, value: str) -> str:
        if self.unicode:
            return value
        replaced = value.replace("—", "-").replace("–", "-").replace("’", "'").replace("“", '"')
        return replaced.replace("”", '"').encode("latin-1", "replace").decode("latin-1")

    def para(self, value: str, size: float = 10, bold: bool = False) -> None:
        self.font(size, bold)
        self.multi_cell(0, size * 0.55, self.text_of(value), new_x="LMARGIN", new_y="NEXT")


def minutes_pdf(meeting: Meeting) -> bytes:
    doc = _Doc(format="A4")
    doc.setup()
    doc.set_title(doc.text_of(meeting.title))
    doc.add_page()
    doc.para(str(meeting.task_force), 12, bold=True)
    if meeting.sub_task_force:
        doc.para(str(meeting.sub_task_force), 10)
    doc.para(_("Minutes of the meeting") + ": " + meeting.title, 14, bold=True)
    when = timezone.localtime(meeting.starts_at)
    doc.para(f"{when:%Y-%m-%d %H:%M} · {meeting.place or '-'} · {meeting.get_kind_display()}")
    doc.para(_("Status") + ": " + str(meeting.get_status_display()))
    doc.ln(3)
    doc.para(_("Attendance"), 12, bold=True)
    for inv in meeting.invitations.all():
        doc.para(f"- {inv.agency.name}: {inv.get_attendance_display()}")
    doc.ln(2)
    doc.para(_("Agenda"), 12, bold=True)
    for item in meeting.agenda.all():
        ref = f" [{item.case.reference}]" if item.case else ""
        doc.para(f"{item.position}. {item.topic}{ref}")
    doc.ln(2)
    doc.para(_("Minutes"), 12, bold=True)
    doc.para(meeting.minutes or "-")
    doc.ln(2)
    doc.para(_("Decisions and action items"), 12, bold=True)
    for decision in meeting.decisions.all():
        doc.para(f"{decision.number}. {decision.text}", 10, bold=True)
        for ai in decision.items.all():
            doc.para(
                f"   - {ai.task} — {ai.agency.name} — {_('due')} {ai.due_on:%Y-%m-%d} — "
                f"{ai.get_status_display()}"
            )
    doc.ln(4)
    if meeting.approved_at and meeting.approved_by:
        approved = timezone.localtime(meeting.approved_at)
        doc.para(
            _("Approved by the chair %(name)s on %(date)s")
            % {
                "name": meeting.approved_by.get_full_name() or meeting.approved_by.username,
                "date": f"{approved:%Y-%m-%d}",
            }
        )
    else:
        doc.para(_("Draft: not yet approved by the chair."), 10, bold=True)
    return bytes(doc.output())
