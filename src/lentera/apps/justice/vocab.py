"""Codes of the justice app, listed once. Stage codes come from :mod:`.stages` (pure), so the
transition table and the deadlines work on the same strings as the database."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from lentera.apps.justice import deadlines as d
from lentera.apps.justice import stages as s


class Stage(models.TextChoices):
    """Stages of a proceeding. Indonesian form names are kept where English has no exact word:
    SPDP (notice that an investigation started), P-18 (file incomplete), P-19 (file returned with
    the prosecutor's instructions), P-21 (file complete), Tahap II (suspect and evidence handed
    to the prosecutor)."""

    POLICE_REPORT = s.POLICE_REPORT, _("Police report (LP)")
    INQUIRY = s.INQUIRY, _("Inquiry (penyelidikan)")
    INVESTIGATION_ORDER = s.INVESTIGATION_ORDER, _("Investigation order (sprindik)")
    SPDP = s.SPDP, _("SPDP sent to the prosecutor")
    FILE_STAGE_1 = s.FILE_STAGE_1, _("File sent to the prosecutor (tahap I)")
    P18 = s.P18, _("P-18: file incomplete")
    P19 = s.P19, _("P-19: file returned with instructions")
    P21 = s.P21, _("P-21: file complete")
    STAGE_2 = s.STAGE_2, _("Suspect and evidence handed over (tahap II)")
    INDICTMENT = s.INDICTMENT, _("Indictment (dakwaan)")
    DEMAND = s.DEMAND, _("Prosecution demand (tuntutan)")
    VERDICT = s.VERDICT, _("Verdict (putusan)")
    APPEAL = s.APPEAL, _("Appeal (banding)")
    CASSATION = s.CASSATION, _("Cassation (kasasi)")
    FINAL = s.FINAL, _("Final and binding (inkracht)")


class ProcedureCode(models.TextChoices):
    KUHAP1981 = d.ProcedureCode.KUHAP1981.value, _("KUHAP 1981 (UU 8/1981)")
    KUHAP2025 = d.ProcedureCode.KUHAP2025.value, _("KUHAP 2025 (UU 20/2025)")


class DetentionLevel(models.TextChoices):
    INVESTIGATOR = d.DetentionLevel.INVESTIGATOR.value, _("Investigator")
    PROSECUTOR = d.DetentionLevel.PROSECUTOR.value, _("Prosecutor")
    DISTRICT_COURT = d.DetentionLevel.DISTRICT_COURT.value, _("District court")
    APPEAL = d.DetentionLevel.APPEAL.value, _("High court (appeal)")
    CASSATION = d.DetentionLevel.CASSATION.value, _("Supreme Court (cassation)")


class Outcome(models.TextChoices):
    PENDING = "", _("Not decided")
    CONVICTED = "convicted", _("Convicted")
    ACQUITTED = "acquitted", _("Acquitted")
    DISMISSED = "dismissed", _("Dismissed (investigation or prosecution stopped)")


class ChargeStep(models.TextChoices):
    """The step at which articles are charged."""

    INVESTIGATION = "investigation", _("Investigation (articles alleged)")
    INDICTMENT = "indictment", _("Indictment")
    DEMAND = "demand", _("Prosecution demand")
    VERDICT = "verdict", _("Verdict (articles proven)")


DEADLINE_LABELS = {
    "spdp": _("SPDP to the prosecutor"),
    "prosecutor_review": _("Prosecutor's review of the file"),
    "p19_return": _("File back to the prosecutor after P-19"),
    "appeal": _("Appeal window"),
    "cassation": _("Cassation window"),
    "detention": _("Detention"),
}

STATUS_LABELS = {
    d.Status.DUE: _("due"),
    d.Status.OVERDUE: _("overdue"),
    d.Status.MET: _("met on time"),
    d.Status.MET_LATE: _("met late"),
    d.Status.LAPSED: _("window closed"),
}

PERIOD_LABELS = {
    "spdp": _("SPDP after the investigation order"),
    "prosecutor_review": _("Prosecutor's review after file stage I"),
    "p19_return": _("File back after P-19"),
    "appeal": _("Appeal after the verdict"),
    "cassation": _("Cassation after the appeal decision"),
    "detention_investigator": _("Detention by the investigator"),
    "detention_investigator_extension": _("Extension at the investigator's request"),
    "detention_prosecutor": _("Detention by the prosecutor"),
    "detention_prosecutor_extension": _("Extension at the prosecutor's request"),
    "detention_district_court": _("Detention by the district court"),
    "detention_district_court_extension": _("District court extension"),
    "detention_appeal": _("Detention by the high court (appeal)"),
    "detention_appeal_extension": _("High court extension"),
    "detention_cassation": _("Detention by the Supreme Court (cassation)"),
    "detention_cassation_extension": _("Supreme Court extension"),
    "detention_exceptional": _("Exceptional extension (Pasal 29)"),
}

#: Name of the stall setting (the same for both codes).
STALL_SETTING = "stall_days"

SENTENCE_LABELS = {
    "no_prison": _("No prison term"),
    "under_3_years": _("Under 3 years"),
    "3_to_under_5_years": _("3 to under 5 years"),
    "5_to_under_10_years": _("5 to under 10 years"),
    "10_years_or_more": _("10 years or more"),
}
