"""Value lists of task-force coordination: meetings, attendance, action items, proof."""

from django.db import models
from django.utils.translation import gettext_lazy as _

#: Perda Kota Kupang 3/2019: at least one coordination meeting every six months.
DEFAULT_MEETING_INTERVAL_DAYS = 183


class MeetingKind(models.TextChoices):
    REGULAR = "regular", _("Regular meeting")
    AD_HOC = "ad_hoc", _("Ad-hoc meeting")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held, minutes in draft")
    APPROVED = "approved", _("Minutes approved")
    CANCELLED = "cancelled", _("Cancelled")


class Attendance(models.TextChoices):
    INVITED = "invited", _("Invited")
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class ItemStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class ProofKind(models.TextChoices):
    NOTE = "note", _("Note")
    FILE = "file", _("File")
    RECORD = "record", _("Lentera record")


class RecordKind(models.TextChoices):
    """Lentera records that can prove an action item done (linked by id, never copied)."""

    CASE = "case", _("Case file")
    REFERRAL = "referral", _("Referral")
    PROCEEDING = "proceeding", _("Proceeding")
    MEETING = "meeting", _("Meeting")
