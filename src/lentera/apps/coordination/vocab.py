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


class PlanArea(models.TextChoices):
    """The areas of the national action plan (RAN PP-TPPO), one per working group."""

    PREVENTION = "prevention", _("Prevention and child participation")
    HEALTH = "health", _("Health rehabilitation")
    SOCIAL = "social", _("Social rehabilitation, return and reintegration")
    LEGAL_NORMS = "legal_norms", _("Development of legal norms")
    LAW_ENFORCEMENT = "law_enforcement", _("Law enforcement")
    COORDINATION = "coordination", _("Coordination and cooperation")


class PlanSource(models.TextChoices):
    RAN = "ran", _("National action plan")
    PERDA = "perda", _("Regional regulation")
    OWN = "own", _("Task force's own")


class Measure(models.TextChoices):
    """What Lentera counts for an activity itself (none: the secretariat types what was done)."""

    NONE = "", _("Typed by the secretariat")
    DEPARTURE_SCREENINGS = "departure_screenings", _("Departure screenings at the posts")
    RETURNS_COMPLETED = "returns_completed", _("Victims returned home")
    POLICE_REPORTS = "police_reports", _("Proceedings opened on a police report")
    MEETINGS_HELD = "meetings_held", _("Task-force meetings held")
    ITEMS_CLOSED = "items_closed", _("Action items closed")
    COMPLAINTS_IN_A_DAY = "complaints_in_a_day", _("Complaints registered within a day")
    REFERRALS_IN_TIME = "referrals_in_time", _("Referrals answered within the legal time")
    PROCEEDINGS_STALLED = "proceedings_stalled", _("Proceedings stalled")
    OUTREACH_HELD = "outreach_held", _("Outreach and trainings held")


class Recommendation(models.TextChoices):
    """What the regulation foresees for a member agency's performance (Perda: insentif and
    disinsentif), proposed from the scorecard and accepted by the chair."""

    INCENTIVE = "incentive", _("Incentive")
    DISINCENTIVE = "disincentive", _("Disincentive")


class ReportPeriod(models.TextChoices):
    S1 = "s1", _("Semester I (January–June)")
    S2 = "s2", _("Semester II (July–December)")
    YEAR = "year", _("Annual")


class NoticeKind(models.TextChoices):
    """What a coordination notice (in the app and by e-mail) tells an agency."""

    MEETING_INVITED = "meeting_invited", _("Meeting invitation")
    MEETING_CANCELLED = "meeting_cancelled", _("Meeting cancelled")
    ITEM_DUE_SOON = "item_due_soon", _("Action item due soon")
    ITEM_OVERDUE = "item_overdue", _("Action item overdue")
    REPORT_DUE = "report_due", _("Periodic report due")
    REPORT_OVERDUE = "report_overdue", _("Periodic report overdue")


#: Action items: the "due soon" notice this many days before the due date.
ITEM_NOTICE_DAYS_BEFORE = 3
#: A periodic report is due this many days after its period ends (a local rule, not the law:
#: the regulations ask for a semester and an annual report without a date).
REPORT_DUE_DAYS = 30
#: Periods that ended longer ago than this (past their due date) are no longer notified.
REPORT_NOTICE_HORIZON_DAYS = 120
