"""Codes of the prevention app, listed once. The screening codes are the contract's
(``shared/contracts/screening.md``); here they get their labels in both languages. A test checks
that every list matches the core's own."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    HIGH = "high", _("High risk")
    MEDIUM = "medium", _("Needs checking")
    LOW = "low", _("Low risk")


#: Sort order of the levels (most urgent first).
LEVEL_RANK = {Level.HIGH: 0, Level.MEDIUM: 1, Level.LOW: 2}


class OfferStatus(models.TextChoices):
    NEW = "new", _("New")
    WATCH = "watch", _("Watching")
    DISMISSED = "dismissed", _("Dismissed")
    COMPLAINT = "complaint", _("Complaint opened")


#: Statuses an officer sets by hand (a complaint is opened through its own action).
TRIAGE_STATUSES = (OfferStatus.NEW, OfferStatus.WATCH, OfferStatus.DISMISSED)


class OfferSource(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    TIKTOK = "tiktok", "TikTok"
    WHATSAPP = "whatsapp", "WhatsApp"
    TELEGRAM = "telegram", "Telegram"
    MICHAT = "michat", "MiChat"
    WEBSITE = "website", _("Website")
    SMS = "sms", "SMS"
    OTHER = "other", _("Other")


class FlagCode(models.TextChoices):
    """Short names of the red flags, for lists; the core explains each one in full."""

    PAY_TOO_HIGH = "pay_too_high", _("Pay too high")
    NO_SKILLS_NEEDED = "no_skills_needed", _("No skills needed")
    FEW_DOCUMENTS = "few_documents", _("Few documents")
    COSTS_COVERED = "costs_covered", _("Costs covered")
    FEE_OR_DEBT = "fee_or_debt", _("Fee or debt")
    TOURIST_VISA = "tourist_visa", _("Tourist or visit visa")
    RISKY_DESTINATION = "risky_destination", _("Risky destination")
    SCAM_JOB_ROLE = "scam_job_role", _("Scam job role")
    URGENT_DEPARTURE = "urgent_departure", _("Urgent departure")
    PRIVATE_CHANNEL = "private_channel", _("Private channel only")
    UNLICENSED_RECRUITER = "unlicensed_recruiter", _("Unlicensed recruiter")
    TRANSIT_ROUTE = "transit_route", _("Transit route")
    MINOR_TARGETED = "minor_targeted", _("Aimed at children")
    SEXUAL_SERVICE = "sexual_service", _("Sexual services")
    DOCUMENT_RETENTION = "document_retention", _("Documents kept")
    SECRECY = "secrecy", _("Secrecy")
    VAGUE_EMPLOYER = "vague_employer", _("Vague employer")


class ActionCode(models.TextChoices):
    """What the posko officer does, most urgent first (the core orders them)."""

    REFER_CHILD_PROTECTION = "refer_child_protection", _("Refer to child protection services")
    REQUEST_DEPARTURE_DELAY = "request_departure_delay", _("Ask immigration to delay the departure")
    REFER_POLICE = "refer_police", _("Refer to the police")
    OPEN_CASE = "open_case", _("Open a case")
    REFER_MANPOWER = "refer_manpower", _("Send to the manpower office for the lawful procedure")
    VERIFY_DOCUMENTS = "verify_documents", _("Verify the job and the papers")
    COUNSEL = "counsel", _("Explain the risks, the safe procedure and the hotlines")
    ALLOW = "allow", _("Let the traveller go")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class Purpose(models.TextChoices):
    WORK = "work", _("Work")
    TOURISM = "tourism", _("Holiday")
    FAMILY_VISIT = "family_visit", _("Visiting family")
    STUDY = "study", _("Study")
    PILGRIMAGE = "pilgrimage", _("Pilgrimage")
    OTHER = "other", _("Other")


class JobSector(models.TextChoices):
    DOMESTIC_WORK = "domestic_work", _("Household work")
    PLANTATION = "plantation", _("Plantation")
    CONSTRUCTION = "construction", _("Construction")
    MANUFACTURING = "manufacturing", _("Factory")
    HOSPITALITY = "hospitality", _("Hotel or restaurant")
    ENTERTAINMENT = "entertainment", _("Entertainment, karaoke or bar")
    FISHING = "fishing", _("Fishing boat")
    OFFICE = "office", _("Office, customer service or online")
    CARE = "care", _("Care or nursing")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Does not know")


class VisaType(models.TextChoices):
    WORK = "work", _("Work visa")
    TOURIST = "tourist", _("Tourist visa")
    VISIT = "visit", _("Visit visa")
    PILGRIMAGE = "pilgrimage", _("Pilgrimage visa (umrah, hajj)")
    STUDENT = "student", _("Student visa")
    NONE = "none", _("No visa")
    NOT_NEEDED = "not_needed", _("No visa needed (visa-free or domestic)")


class Recruiter(models.TextChoices):
    LICENSED_AGENCY = "licensed_agency", _("Licensed placement agency (P3MI)")
    GOVERNMENT_PROGRAMME = "government_programme", _("Government programme (G to G)")
    INDIVIDUAL_AGENT = "individual_agent", _("Individual agent, sponsor or calo")
    TRAVEL_AGENCY = "travel_agency", _("Travel agency")
    FRIEND_OR_RELATIVE = "friend_or_relative", _("Friend or relative")
    ONLINE_CONTACT = "online_contact", _("Someone met online")
    SELF = "self", _("Found it themselves")
    NONE = "none", _("Nobody")


#: Posts offered first on the interview form (any other post can be typed in).
POSTS = ("El Tari", "Tenau")


# -- outreach, training and the placement register (issue #15) ----------------------------------


class EventKind(models.TextChoices):
    SCHOOL = "school", _("Socialisation in a school")
    VILLAGE = "village", _("Socialisation in a village or RT/RW")
    CHURCH = "church", _("Socialisation in a church")
    MOSQUE = "mosque", _("Socialisation in a mosque")
    SOCIAL_MEDIA = "social_media", _("Social-media campaign")
    OFFICER_TRAINING = "officer_training", _("Joint training of officers")
    OTHER = "other", _("Other outreach")


class CourseKind(models.TextChoices):
    VOCATIONAL = "vocational", _("Vocational training for young people at risk")
    OFFICER = "officer", _("Training of officers")
    OTHER = "other", _("Other course")


class LicenceStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")


#: The audience of an outreach event: sex by age group, one count each.
AUDIENCE_GROUPS = (
    ("female_child", _("Girls (under 18)")),
    ("male_child", _("Boys (under 18)")),
    ("female_youth", _("Young women (18–35)")),
    ("male_youth", _("Young men (18–35)")),
    ("female_adult", _("Women (over 35)")),
    ("male_adult", _("Men (over 35)")),
)


# -- community reports, delay requests, take-downs (issue #15, items 3-5) -------------------------


class ReportKind(models.TextChoices):
    RESIDENTS_LEAVING = "residents_leaving", _("Residents leaving to work elsewhere (mutasi)")
    EARLY_WARNING = "early_warning", _("Early warning")


class ReporterRole(models.TextChoices):
    RT_RW_HEAD = "rt_rw_head", _("RT/RW head")
    VILLAGE_OFFICIAL = "village_official", _("Kelurahan/desa official")
    BHABINKAMTIBMAS = "bhabinkamtibmas", _("Community police officer (Bhabinkamtibmas)")
    OTHER = "other", _("Other")


class ReportChannel(models.TextChoices):
    FORM = "form", _("Form")
    SMS = "sms", _("SMS")


class ReportStatus(models.TextChoices):
    NEW = "new", _("New")
    WATCH = "watch", _("Watching")
    DISMISSED = "dismissed", _("Dismissed")
    CASE = "case", _("Case opened")


#: Statuses an officer sets by hand (a case is opened through its own action).
REPORT_TRIAGE_STATUSES = (ReportStatus.NEW, ReportStatus.WATCH, ReportStatus.DISMISSED)


class DelayKind(models.TextChoices):
    PASSPORT = "passport", _("Delay the passport")
    DEPARTURE = "departure", _("Delay the departure")


class DelayOutcome(models.TextChoices):
    PENDING = "pending", _("Waiting for Immigration")
    DELAYED = "delayed", _("Delayed")
    REFUSED = "refused", _("Passport refused")
    LET_THROUGH = "let_through", _("Let through")


class Platform(models.TextChoices):
    MICHAT = "michat", _("MiChat")
    FACEBOOK = "facebook", _("Facebook")
    WHATSAPP = "whatsapp", _("WhatsApp")
    TIKTOK = "tiktok", _("TikTok")
    INSTAGRAM = "instagram", _("Instagram")
    TELEGRAM = "telegram", _("Telegram")
    OTHER = "other", _("Other platform")


class TakedownFoundBy(models.TextChoices):
    OFFICER = "officer", _("Found by an officer")
    JOB_CHECK = "job_check", _("Reported through Cek Lowongan")


class TakedownOutcome(models.TextChoices):
    PENDING = "pending", _("Waiting for the platform")
    REMOVED = "removed", _("Removed")
    REFUSED = "refused", _("Refused by the platform")
    NO_ANSWER = "no_answer", _("No answer")


# -- returns in batches (issue #15, item 6) ----------------------------------------------------------


class ReturneeStatus(models.TextChoices):
    ARRIVED = "arrived", _("Arrived")
    SCREENED = "screened", _("Screened at arrival")
    REFERRED = "referred", _("Referred home")
    REINTEGRATED = "reintegrated", _("Reintegrated")


class MatchState(models.TextChoices):
    NOT_SEARCHED = "", _("Not searched yet")
    MATCHED = "matched", _("Found in the person index")
    HELD_ELSEWHERE = "held_elsewhere", _("Held by another agency")
    NONE = "none", _("Not in the person index")
    REGISTERED = "registered", _("Registered")


#: What the reading of an SMS community report noted.
SMS_NOTES = {
    "empty": _("the message is empty"),
    "free_text": _("written as free text"),
    "bad_region": _("the village code is not valid"),
    "unknown_region": _("the village code is unknown"),
    "unknown_role": _("the reporter's role is unknown"),
    "bad_count": _("the number of people is not a number"),
    "missing_message": _("the message part is missing"),
    "missing_destination": _("the destination is missing"),
}

#: Notes a manifest row may carry (kept, to be checked).
MANIFEST_NOTES = {
    "no_nik": _("no NIK"),
    "no_home_region": _("no home region"),
    "unknown_home_region": _("home region code unknown"),
}

#: Victim indicators asked of each returnee at arrival.
ARRIVAL_INDICATORS = (
    ("deceived", _("Deceived about the work or the pay")),
    ("documents_held", _("Passport or documents held by others")),
    ("unpaid", _("Unpaid or paid far less")),
    ("confined", _("Not free to leave")),
    ("debt", _("Debt to the recruiter or employer")),
    ("violence", _("Violence or threats")),
    ("forced_crime", _("Forced into online scams or other crime")),
    ("child", _("Recruited as a child")),
)


# -- the prospective-worker register (issue #15, item 2) ---------------------------------------------

#: The documents a placement needs, checked on each prospective worker.
PLACEMENT_DOCUMENTS = (
    ("passport", _("Passport")),
    ("contract", _("Placement agreement signed")),
    ("medical", _("Medical check")),
    ("training", _("Training certificate (BLK)")),
    ("consent", _("Consent of the spouse or parents")),
    ("insurance", _("Social security (BPJS)")),
)

#: What a placement check may find, with what it means.
PLACEMENT_FLAGS = {
    "underage": _("Younger than 18: placement abroad is not allowed."),
    "destination_closed": _("The destination is closed to placement in this sector."),
    "no_agency": _("No licensed placement agency named."),
    "agency_not_licensed": _("The placement agency's licence is not valid."),
    "missing_documents": _("Documents missing."),
}
