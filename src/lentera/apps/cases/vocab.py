"""Case-file vocabularies, aligned with IOM's Human Trafficking Case Data Standard (HTCDS 2.0),
with forced criminality (online-scam compounds) as a first-class exploitation type. Acts and
means reuse the qualification engine's codes so a case's facts can be qualified directly."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ASSESSMENT = "assessment", _("Assessment")
    IN_HANDLING = "in_handling", _("In handling")
    CLOSED = "closed", _("Closed")


#: Allowed status changes (closing is possible from every open state; reopening goes to assessment).
TRANSITIONS: dict[str, frozenset[str]] = {
    CaseStatus.OPEN: frozenset({CaseStatus.ASSESSMENT, CaseStatus.CLOSED}),
    CaseStatus.ASSESSMENT: frozenset({CaseStatus.IN_HANDLING, CaseStatus.CLOSED}),
    CaseStatus.IN_HANDLING: frozenset({CaseStatus.CLOSED}),
    CaseStatus.CLOSED: frozenset({CaseStatus.ASSESSMENT}),
}


class ExploitationType(models.TextChoices):
    """The exploitation intended or done. Each maps to a purpose of the qualification engine
    (``selectors.PURPOSE_OF``), except the sale of a child, which is the engine's "adoption with
    payment" (UU 21/2007 Pasal 5) and needs an exploitative purpose beside it."""

    SEXUAL = "sexual_exploitation", _("Sexual exploitation")
    PROSTITUTION = "prostitution", _("Prostitution")
    FORCED_LABOUR = "forced_labour", _("Forced labour")
    FORCED_SERVICES = "forced_services", _("Forced services")
    DOMESTIC_SERVITUDE = "domestic_servitude", _("Domestic servitude")
    FORCED_CRIMINALITY = "forced_criminality", _("Forced criminality (e.g. online-scam compounds)")
    FORCED_MARRIAGE = "forced_marriage", _("Forced marriage")
    FORCED_BEGGING = "forced_begging", _("Forced begging")
    ORGAN_REMOVAL = "organ_removal", _("Organ removal")
    ILLEGAL_ADOPTION = "illegal_adoption", _("Sale of a child / illegal adoption")
    CHILD_LABOUR = "child_labour", _("Child labour")
    SLAVERY = "slavery", _("Slavery")
    SLAVERY_LIKE = "slavery_like", _("Practice similar to slavery")
    SERVITUDE = "servitude", _("Servitude")
    OTHER = "other", _("Other exploitation")


class ControlMethod(models.TextChoices):
    """Methods of control (HTCDS)."""

    FALSE_PROMISES = "false_promises", _("False promises or deception")
    DEBT_BONDAGE = "debt_bondage", _("Debt bondage")
    WITHHELD_DOCUMENTS = "withheld_documents", _("Documents withheld")
    WITHHELD_EARNINGS = "withheld_earnings", _("Earnings withheld or taken")
    RESTRICTED_MOVEMENT = "restricted_movement", _("Restricted movement or confinement")
    ISOLATION = "isolation", _("Isolation from family or community")
    THREATS = "threats", _("Threats to the person")
    THREATS_TO_FAMILY = "threats_to_family", _("Threats to family")
    PHYSICAL_ABUSE = "physical_abuse", _("Physical abuse")
    SEXUAL_ABUSE = "sexual_abuse", _("Sexual abuse")
    PSYCHOLOGICAL_ABUSE = "psychological_abuse", _("Psychological abuse")
    SUBSTANCES = "substances", _("Use of alcohol or drugs")
    EXCESSIVE_HOURS = "excessive_hours", _("Excessive working hours")
    DENIED_NEEDS = "denied_needs", _("Food, sleep or medical care denied")
    THREAT_OF_AUTHORITIES = "threat_of_authorities", _("Threat of arrest or deportation")
    OTHER = "other", _("Other")


class RecruitmentChannel(models.TextChoices):
    ACQUAINTANCE = "acquaintance", _("Friend or acquaintance")
    FAMILY = "family", _("Family member")
    INFORMAL_AGENT = "informal_agent", _("Informal agent (calo, sponsor)")
    SOCIAL_MEDIA = "social_media", _("Social media")
    CHAT_APP = "chat_app", _("Chat or dating app")
    JOB_ADVERT = "job_advert", _("Job advertisement")
    AGENCY = "agency", _("Placement agency")
    ROMANCE = "romance", _("Romantic relationship")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class Platform(models.TextChoices):
    NONE = "", _("—")
    FACEBOOK = "facebook", "Facebook"
    TIKTOK = "tiktok", "TikTok"
    INSTAGRAM = "instagram", "Instagram"
    WHATSAPP = "whatsapp", "WhatsApp"
    TELEGRAM = "telegram", "Telegram"
    MICHAT = "michat", "MiChat"
    LINE = "line", "LINE"
    WEBSITE = "website", _("Website")
    OTHER = "other", _("Other")


class PartyRole(models.TextChoices):
    VICTIM = "victim", _("Victim")
    SUSPECT = "suspect", _("Suspect")
    WITNESS = "witness", _("Witness")
    REPORTER = "reporter", _("Reporter")


class NetworkRole(models.TextChoices):
    NONE = "", _("—")
    RECRUITER = "recruiter", _("Recruiter")
    TRANSPORTER = "transporter", _("Transporter")
    DOCUMENT_FORGER = "document_forger", _("Document forger")
    HARBOURER = "harbourer", _("Harbourer")
    EXPLOITER = "exploiter", _("Exploiter")
    FINANCIER = "financier", _("Financier")
    OFFICIAL = "official", _("Official")
    OTHER = "other", _("Other")


class VictimStatus(models.TextChoices):
    UNDETERMINED = "undetermined", _("Not yet decided")
    PRESUMED = "presumed", _("Presumed victim")
    CONFIRMED = "confirmed", _("Confirmed victim")
    NOT_VICTIM = "not_victim", _("Not a victim")


class TransportMode(models.TextChoices):
    AIR = "air", _("Air")
    SEA = "sea", _("Sea")
    LAND = "land", _("Land")
    UNKNOWN = "unknown", _("Unknown")


class GrantScope(models.TextChoices):
    FULL = "full", _("The whole file")
    FACTS = "facts", _("Facts and journey only")
    PEOPLE = "people", _("Facts, journey and people")
    PROCEEDINGS = "proceedings", _("Facts, journey and the proceedings (no identities)")
