"""Vocabularies of victim protection, listed once.

Indonesian terms kept where English has no exact word: *pemulangan* (return home to the region
or country of origin, PP 9/2008 Pasal 1), *reintegrasi sosial* (reuniting with family, substitute
family or community), *PPT* (Pusat Pelayanan Terpadu, the integrated service centre).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Setting(models.TextChoices):
    """Where an identification interview took place."""

    SHELTER = "shelter", _("Shelter or PPT")
    POLICE = "police", _("Police station (special service room)")
    RESCUE = "rescue", _("After a rescue or interception")
    POST = "post", _("Airport or port post")
    OTHER = "other", _("Other")


class Indicator(models.TextChoices):
    """ILO forced-labour indicators (11) plus UNODC general indicators not covered by them
    (legal-reference.md §7.1–7.2). ``strong`` in :data:`STRONG_INDICATORS`."""

    VULNERABILITY = "vulnerability", _("Abuse of vulnerability")
    DECEPTION = "deception", _("Deception about job, wages or conditions")
    MOVEMENT = "movement", _("Restriction of movement")
    ISOLATION = "isolation", _("Isolation (phone taken, no contact with family)")
    VIOLENCE = "violence", _("Physical or sexual violence")
    THREATS = "threats", _("Intimidation and threats")
    DOCUMENTS = "documents", _("Identity documents retained by someone else")
    WAGES = "wages", _("Wages withheld")
    DEBT = "debt", _("Debt bondage")
    CONDITIONS = "conditions", _("Abusive working and living conditions")
    OVERTIME = "overtime", _("Excessive overtime, no rest days")
    AGAINST_WILL = "against_will", _("Believes they must work against their will")
    CANNOT_LEAVE = "cannot_leave", _("Unable or feels unable to leave")
    SPOKEN_FOR = "spoken_for", _("Others speak for them, acts as if instructed")
    FEAR_AUTHORITIES = "fear_authorities", _("Fear of authorities or of being handed to them")
    FALSE_DOCUMENTS = "false_documents", _("False documents")
    EXPLOITATION_SITE = "exploitation_site", _("Found at a place used for exploitation")
    DOES_NOT_KNOW_ADDRESS = "unknown_address", _("Does not know home or work address")
    PUNISHMENT = "punishment", _("Disciplined through punishment")
    NO_MEDICAL_CARE = "no_medical_care", _("No access to medical care")


#: Indicators that on their own call for treating the person as a presumed victim.
STRONG_INDICATORS = frozenset(
    {
        Indicator.VIOLENCE,
        Indicator.DEBT,
        Indicator.DOCUMENTS,
        Indicator.MOVEMENT,
        Indicator.CANNOT_LEAVE,
        Indicator.THREATS,
    }
)


class Decision(models.TextChoices):
    PRESUMED = "presumed", _("Presumed victim")
    POSSIBLE = "possible", _("Possible victim (more information needed)")
    NO_INDICATORS = "no_indicators", _("No indicators found")


class NeedDomain(models.TextChoices):
    SAFETY = "safety", _("Safety")
    HEALTH = "health", _("Health")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial")
    LEGAL = "legal", _("Legal")
    ECONOMIC = "economic", _("Economic")
    FAMILY = "family", _("Family")


class NeedLevel(models.TextChoices):
    NONE = "none", _("No need")
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High / urgent")


class ConsentGiver(models.TextChoices):
    VICTIM = "victim", _("The victim")
    GUARDIAN = "guardian", _("Parent or guardian")


class ServiceType(models.TextChoices):
    RESCUE = "rescue", _("Rescue")
    SHELTER = "shelter", _("Shelter")
    HEALTH = "health", _("Health rehabilitation")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial support")
    SOCIAL_REHABILITATION = "social_rehabilitation", _("Social rehabilitation")
    LEGAL_AID = "legal_aid", _("Legal aid")
    RETURN_HOME = "return_home", _("Return home (pemulangan)")
    REINTEGRATION = "reintegration", _("Social reintegration")
    RESTITUTION = "restitution", _("Restitution support")
    EDUCATION = "education", _("Education or training")


#: Services that give first aid for trauma or a dangerous illness (UU 21/2007 Pasal 53: 7 days).
FIRST_AID_SERVICES = frozenset({ServiceType.HEALTH, ServiceType.PSYCHOSOCIAL})


class ServiceStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


SERVICE_TRANSITIONS: dict[str, frozenset[str]] = {
    ServiceStatus.PLANNED: frozenset({ServiceStatus.IN_PROGRESS, ServiceStatus.CANCELLED}),
    ServiceStatus.IN_PROGRESS: frozenset({ServiceStatus.DONE, ServiceStatus.CANCELLED}),
    ServiceStatus.DONE: frozenset(),
    ServiceStatus.CANCELLED: frozenset(),
}


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    COMPLETED = "completed", _("Completed")


#: The referral state machine: sent → accepted | declined; accepted → completed.
REFERRAL_TRANSITIONS: dict[str, frozenset[str]] = {
    ReferralStatus.SENT: frozenset({ReferralStatus.ACCEPTED, ReferralStatus.DECLINED}),
    ReferralStatus.ACCEPTED: frozenset({ReferralStatus.COMPLETED}),
    ReferralStatus.DECLINED: frozenset(),
    ReferralStatus.COMPLETED: frozenset(),
}


class OverrideBasis(models.TextChoices):
    NONE = "", _("— (consent given)")
    CHILD = "child", _("Child's safety and best interests")
    LAW = "law", _("Required by law")


#: Legal basis recorded for a child referred without consent when the officer gives none.
CHILD_OVERRIDE_BASIS = "PP 9/2008 Pasal 4(3): layanan khusus demi kepentingan terbaik anak"


class ProviderKind(models.TextChoices):
    AGENCY = "agency", _("Government agency")
    PPT = "ppt", _("Integrated service centre (PPT / UPTD PPA)")
    SHELTER = "shelter", _("Shelter / protection home / trauma centre")
    HOSPITAL = "hospital", _("Hospital or health centre")
    NGO = "ngo", _("Non-governmental organisation")
    LEGAL_AID = "legal_aid", _("Legal aid organisation")
    OTHER = "other", _("Other")


#: The victim status on the case (``cases.VictimStatus``) an identification decision leads to.
#: "No indicators" is not proof that the person is not a victim, so it leaves the case undecided.
DECISION_TO_VICTIM_STATUS: dict[str, str] = {
    Decision.PRESUMED: "presumed",
    Decision.POSSIBLE: "undetermined",
    Decision.NO_INDICATORS: "undetermined",
}


class ReturnStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    COMPLETED = "completed", _("Returned and handed over")
    CANCELLED = "cancelled", _("Cancelled")


class RestitutionStatus(models.TextChoices):
    CLAIMED = "claimed", _("Claimed")
    IN_DEMAND = "in_demand", _("Included in the prosecution demand")
    ORDERED = "ordered", _("Ordered by the court")
    FINAL = "final", _("Verdict final, payment due")
    COURT_NOTIFIED = "court_notified", _("Unpaid, the victim notified the court")
    WARNED = "warned", _("Unpaid, court warning issued")
    SEIZURE = "seizure", _("Unpaid, seizure and auction ordered")
    PAID = "paid", _("Paid")
    NOT_PAID = "not_paid", _("Not paid (substitute detention)")
    NOT_ORDERED = "not_ordered", _("Not ordered")
