"""Outreach events and courses, with the follow-up the Kupang regulation asks of a course: each
participant is evaluated some months after the end (employed? migrated for work? through a
licensed channel?), with a due date and reminders.

Every write checks that the actor does prevention work for an agency
(:data:`lentera.apps.prevention.policies.PREVENTION_WORK`) and acts on that agency's records,
validates, writes in one transaction and records one audit event. Participants' names are
identity fields: events carry counts and ids, never a name.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_access, record_event
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import AccessPurpose, User
from lentera.apps.accounts.policies import deny
from lentera.apps.prevention.models import Course, CourseParticipant, OutreachEvent
from lentera.apps.prevention.policies import courses, does_prevention
from lentera.apps.prevention.vocab import AUDIENCE_GROUPS, CourseKind, EventKind, Sex
from lentera.apps.reference.models import Region, RegionLevel
from lentera.privacy import unseal

MAX_AUDIENCE = 1_000_000
MAX_NAME = 200
#: Reminders go out this many days before an evaluation is due, and again once it is overdue.
REMIND_DAYS_BEFORE = 14


def _require_worker(actor: User) -> int:
    if not does_prevention(actor) or actor.agency_id is None:
        raise deny()
    return actor.agency_id


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (the 31st becomes the month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# -- events ------------------------------------------------------------------------------------


def event_record(
    *,
    actor: User,
    kind: str,
    title: str,
    held_on: date,
    region: Region,
    place: str = "",
    organisers: str = "",
    audience: dict[str, int] | None = None,
    materials: str = "",
) -> OutreachEvent:
    """Record an outreach event of the actor's agency. A socialisation names its kelurahan or
    desa; a social-media campaign may name a wider region."""
    agency_id = _require_worker(actor)
    errors: dict[str, list[str]] = {}
    if kind not in EventKind.values:
        errors["kind"] = [_("Choose the kind of event.")]
    if not title.strip():
        errors["title"] = [_("Give the event a title.")]
    if held_on > timezone.localdate():
        errors["held_on"] = [_("An event is recorded once it has been held.")]
    if kind != EventKind.SOCIAL_MEDIA and region.level != RegionLevel.VILLAGE:
        errors["region"] = [_("Choose the kelurahan or desa where it was held.")]
    counts = {name: int((audience or {}).get(name) or 0) for name, _label in AUDIENCE_GROUPS}
    for name, value in counts.items():
        if value < 0 or value > MAX_AUDIENCE:
            errors[name] = [_("Give a number of people from 0 up.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        event = OutreachEvent.objects.create(
            agency_id=agency_id,
            recorded_by=actor,
            kind=kind,
            title=title.strip(),
            held_on=held_on,
            region=region,
            place=place.strip(),
            organisers=organisers.strip(),
            materials=materials.strip(),
            **counts,
        )
        record_event(
            actor=actor,
            event_type=EventType.OUTREACH_RECORDED,
            obj=event,
            summary=f"{kind} {held_on.isoformat()} {region.code}",
            data={"kind": kind, "audience": event.audience, "region": region.code},
        )
    return event


# -- courses -----------------------------------------------------------------------------------


def course_record(
    *,
    actor: User,
    kind: str,
    title: str,
    region: Region,
    starts_on: date,
    ends_on: date,
    sessions: int = 1,
    organisers: str = "",
    place: str = "",
    evaluation_months: int = 6,
) -> Course:
    """Record a course of the actor's agency; participants are added to it afterwards."""
    agency_id = _require_worker(actor)
    errors: dict[str, list[str]] = {}
    if kind not in CourseKind.values:
        errors["kind"] = [_("Choose the kind of course.")]
    if not title.strip():
        errors["title"] = [_("Give the course a title.")]
    if ends_on < starts_on:
        errors["ends_on"] = [_("The course cannot end before it starts.")]
    if not 1 <= sessions <= 1000:
        errors["sessions"] = [_("Give the number of sessions (1 to 1000).")]
    if not 1 <= evaluation_months <= 36:
        errors["evaluation_months"] = [_("Evaluate between 1 and 36 months after the end.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        course = Course.objects.create(
            agency_id=agency_id,
            recorded_by=actor,
            kind=kind,
            title=title.strip(),
            region=region,
            starts_on=starts_on,
            ends_on=ends_on,
            sessions=sessions,
            organisers=organisers.strip(),
            place=place.strip(),
            evaluation_months=evaluation_months,
        )
        record_event(
            actor=actor,
            event_type=EventType.COURSE_RECORDED,
            obj=course,
            summary=f"{kind} {starts_on.isoformat()}–{ends_on.isoformat()}",
            data={"kind": kind, "sessions": sessions},
        )
    return course


def _require_course(actor: User, course: Course) -> None:
    _require_worker(actor)
    if not courses.can_handle(actor, course):
        raise deny()


def participants_add(
    *, actor: User, course: Course, people: list[dict[str, Any]]
) -> list[CourseParticipant]:
    """Add participants (``name``, ``sex``, ``age``) to a course, each with the evaluation task
    due ``evaluation_months`` after the course ends. All or none."""
    _require_course(actor, course)
    errors: list[str] = []
    clean: list[dict[str, Any]] = []
    for number, person in enumerate(people, start=1):
        name = str(person.get("name") or "").strip()
        sex = str(person.get("sex") or "")
        age = person.get("age")
        if not name or len(name) > MAX_NAME:
            errors.append(_("Participant %(n)s: give a name.") % {"n": number})
        if sex and sex not in Sex.values:
            errors.append(_("Participant %(n)s: unknown sex.") % {"n": number})
        if age is not None and age != "":
            try:
                age = int(age)
            except (TypeError, ValueError):
                age = -1
            if not 10 <= age <= 100:
                errors.append(_("Participant %(n)s: give an age from 10 to 100.") % {"n": number})
        else:
            age = None
        clean.append({"name": name, "sex": sex, "age": age})
    if not clean:
        errors.append(_("Add at least one participant."))
    if errors:
        raise ValidationError({"participants": errors})
    due = add_months(course.ends_on, course.evaluation_months)
    with transaction.atomic():
        created = [
            CourseParticipant.objects.create(course=course, evaluation_due=due, **values)
            for values in clean
        ]
        record_event(
            actor=actor,
            event_type=EventType.COURSE_PARTICIPANT_ADDED,
            obj=course,
            summary=str(len(created)),
            data={"participants": [p.pk for p in created], "evaluation_due": due.isoformat()},
        )
    return created


def attendance_record(
    *, actor: User, course: Course, attended: dict[int, int], completed: set[int]
) -> Course:
    """Record, per participant id, the sessions attended and whether they completed."""
    _require_course(actor, course)
    participants = {p.pk: p for p in course.participants.all()}
    errors = [
        _("Participant #%(id)s: from 0 to %(max)s sessions.") % {"id": pk, "max": course.sessions}
        for pk, n in attended.items()
        if pk in participants and not 0 <= n <= course.sessions
    ]
    unknown = [pk for pk in [*attended, *completed] if pk not in participants]
    if unknown:
        errors.append(_("Unknown participant."))
    if errors:
        raise ValidationError({"attendance": errors})
    with transaction.atomic():
        for pk, participant in participants.items():
            participant.sessions_attended = attended.get(pk, participant.sessions_attended)
            participant.completed = pk in completed
            participant.save(update_fields=["sessions_attended", "completed"])
        record_event(
            actor=actor,
            event_type=EventType.COURSE_ATTENDANCE_RECORDED,
            obj=course,
            data={"completed": len(completed), "participants": len(participants)},
        )
    return course


def participant_evaluate(
    *,
    actor: User,
    participant: CourseParticipant,
    evaluated_on: date,
    employed: bool | None,
    migrated: bool | None,
    licensed_channel: bool | None,
    note: str = "",
) -> CourseParticipant:
    """The follow-up evaluation of one participant: employed? migrated for work? through a
    licensed channel (asked only of those who migrated)?"""
    course = participant.course
    _require_course(actor, course)
    errors: dict[str, list[str]] = {}
    if evaluated_on < course.ends_on:
        errors["evaluated_on"] = [_("The evaluation comes after the course has ended.")]
    if evaluated_on > timezone.localdate():
        errors["evaluated_on"] = [_("The evaluation date cannot be in the future.")]
    if migrated is not True and licensed_channel is not None:
        errors["licensed_channel"] = [_("Only for a participant who migrated for work.")]
    if migrated is True and licensed_channel is None:
        errors["licensed_channel"] = [_("Say whether they left through a licensed channel.")]
    if len(note) > 500:
        errors["note"] = [_("At most 500 characters.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        CourseParticipant.objects.filter(pk=participant.pk).update(
            evaluated_on=evaluated_on,
            employed=employed,
            migrated=migrated,
            licensed_channel=licensed_channel,
            evaluation_note=note.strip(),
        )
        participant.refresh_from_db()
        record_event(
            actor=actor,
            event_type=EventType.COURSE_EVALUATED,
            obj=course,
            data={
                "participant": participant.pk,
                "employed": employed,
                "migrated": migrated,
                "licensed_channel": licensed_channel,
            },
        )
    return participant


def participants_reveal(*, user: User, course: Course) -> list[tuple[CourseParticipant, str]]:
    """The participants with their names, for the course agency's officers (logged once)."""
    if not courses.can_handle(user, course):
        raise deny()
    rows = [(p, unseal(p.name)) for p in course.participants.all()]
    if rows:
        record_access(
            user=user,
            obj=course,
            fields=["participants.name"],
            purpose=AccessPurpose.OTHER,
            purpose_note="course participants",
        )
    return rows


def participant_reveal(*, user: User, participant: CourseParticipant) -> str:
    """One participant's name, for the evaluation page (logged)."""
    if not courses.can_handle(user, participant.course):
        raise deny()
    record_access(
        user=user,
        obj=participant.course,
        fields=["participants.name"],
        purpose=AccessPurpose.OTHER,
        purpose_note=f"course participant #{participant.pk}",
    )
    return unseal(participant.name)


# -- reminders ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvaluationReminder:
    course: Course
    kind: str  # "due_soon" or "overdue"
    participants: int
    emailed: int


def remind_evaluations(*, today: date) -> list[EvaluationReminder]:
    """The reminder sweep of the worker (safe to repeat): per course, the evaluations due within
    :data:`REMIND_DAYS_BEFORE` days get one 'due soon' reminder, those past their date one
    'overdue' reminder, by e-mail to the course agency's active prevention officers. Reminders
    name the course and the count, never a participant."""
    from django.core.mail import send_mass_mail

    sent: list[EvaluationReminder] = []
    pending = CourseParticipant.objects.filter(evaluated_on__isnull=True)
    for kind, rows in (
        ("overdue", pending.filter(evaluation_due__lt=today, reminded_overdue=False)),
        (
            "due_soon",
            pending.filter(
                evaluation_due__gte=today,
                evaluation_due__lte=today + timedelta(days=REMIND_DAYS_BEFORE),
                reminded_due_soon=False,
            ),
        ),
    ):
        flag = "reminded_overdue" if kind == "overdue" else "reminded_due_soon"
        by_course: dict[int, list[int]] = {}
        for pk, course_id in rows.values_list("pk", "course_id"):
            by_course.setdefault(course_id, []).append(pk)
        for course in Course.objects.filter(pk__in=by_course).select_related("agency"):
            ids = by_course[course.pk]
            with transaction.atomic():
                claimed = CourseParticipant.objects.filter(pk__in=ids, **{flag: False}).update(
                    **{flag: True}
                )
            if not claimed:
                continue  # another worker sent it
            recipients = [
                u.email
                for u in User.objects.filter(agency=course.agency, is_active=True).exclude(email="")
                if does_prevention(u)
            ]
            subject = (
                _("Course evaluations overdue: %(course)s")
                if kind == "overdue"
                else _("Course evaluations due: %(course)s")
            ) % {"course": course.title[:80]}
            body = _(
                "%(n)s participants of %(course)s are to be evaluated (due %(due)s): employed, "
                "migrated for work, through a licensed channel."
            ) % {
                "n": claimed,
                "course": course.title,
                "due": add_months(course.ends_on, course.evaluation_months).isoformat(),
            }
            emailed = 0
            if recipients:
                emailed = send_mass_mail([(subject, body, None, recipients)], fail_silently=True)
                emailed *= len(recipients)
            sent.append(EvaluationReminder(course, kind, claimed, emailed))
    return sent


__all__ = [
    "REMIND_DAYS_BEFORE",
    "EvaluationReminder",
    "add_months",
    "attendance_record",
    "course_record",
    "event_record",
    "participant_evaluate",
    "participant_reveal",
    "participants_add",
    "participants_reveal",
    "remind_evaluations",
]
