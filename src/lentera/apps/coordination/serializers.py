"""Output shapes of the coordination API (what ``api.py``'s ``meeting_out`` and ``item_out``
return, the work plan and the scorecard)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

Out = serializers.Serializer[dict[str, Any]]


class ProofRecordOut(Out):
    kind = serializers.CharField()
    id = serializers.IntegerField(allow_null=True)


class ProofOut(Out):
    note = serializers.CharField()
    file = serializers.CharField(allow_null=True, help_text="The file's name; null: none.")
    record = ProofRecordOut(allow_null=True, help_text="The record that proves it; null: none.")


class ActionItemOut(Out):
    id = serializers.IntegerField()
    meeting = serializers.IntegerField()
    decision = serializers.IntegerField(help_text="The decision's number in the meeting.")
    agency = serializers.IntegerField()
    agency_name = serializers.CharField()
    officer = serializers.IntegerField(allow_null=True)
    task = serializers.CharField()
    due_on = serializers.DateField()
    status = serializers.CharField()
    overdue = serializers.BooleanField()
    version = serializers.IntegerField()
    closed_at = serializers.DateTimeField(allow_null=True)
    on_time = serializers.BooleanField(allow_null=True, help_text="Null while open.")
    proof = ProofOut()


class MeetingOut(Out):
    id = serializers.IntegerField()
    task_force = serializers.IntegerField()
    sub_task_force = serializers.IntegerField(allow_null=True)
    kind = serializers.CharField()
    title = serializers.CharField()
    starts_at = serializers.DateTimeField()
    place = serializers.CharField()
    status = serializers.CharField()
    version = serializers.IntegerField()
    approved_at = serializers.DateTimeField(allow_null=True)


class InvitationOut(Out):
    agency = serializers.IntegerField()
    agency_name = serializers.CharField()
    attendance = serializers.CharField()


class AgendaItemOut(Out):
    position = serializers.IntegerField()
    topic = serializers.CharField()
    case_reference = serializers.CharField(allow_null=True)


class DecisionOut(Out):
    number = serializers.IntegerField()
    text = serializers.CharField()
    items = ActionItemOut(many=True)


class MeetingDetailOut(MeetingOut):
    invitations = InvitationOut(many=True)
    agenda = AgendaItemOut(many=True)
    minutes = serializers.CharField()
    decisions = DecisionOut(many=True)


class PlanActivityOut(Out):
    id = serializers.IntegerField()
    code = serializers.CharField()
    area = serializers.CharField()
    source = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.source
    name = serializers.CharField()
    agencies = serializers.ListField(child=serializers.IntegerField())
    target = serializers.IntegerField()
    unit = serializers.CharField()
    budget = serializers.IntegerField()
    realisation = serializers.IntegerField()
    measure = serializers.CharField(
        allow_null=True, help_text="What Lentera counts itself; null: the figure is typed."
    )
    done = serializers.IntegerField()
    computed = serializers.BooleanField()
    percent = serializers.IntegerField(allow_null=True, help_text="Null without a target.")
    never_done = serializers.BooleanField()


class PlanOut(Out):
    task_force = serializers.IntegerField()
    year = serializers.IntegerField()
    activities = PlanActivityOut(many=True)


class ActivityScoreOut(Out):
    code = serializers.CharField()
    target = serializers.IntegerField()
    done = serializers.IntegerField()
    computed = serializers.BooleanField()
    never_done = serializers.BooleanField()


class AgencyScoreOut(Out):
    agency = serializers.IntegerField()
    name = serializers.CharField()
    meetings_invited = serializers.IntegerField()
    meetings_present = serializers.IntegerField()
    items = serializers.IntegerField()
    closed_on_time = serializers.IntegerField()
    closed_late = serializers.IntegerField()
    overdue = serializers.IntegerField()
    departure_screenings = serializers.IntegerField()
    returns_completed = serializers.IntegerField()
    police_reports = serializers.IntegerField()
    counted = serializers.DictField(
        child=serializers.IntegerField(), help_text="Every measure Lentera counts, by code."
    )


class ScorecardOut(Out):
    task_force = serializers.IntegerField()
    year = serializers.IntegerField()
    meetings_held = serializers.IntegerField()
    counted = serializers.DictField(
        child=serializers.IntegerField(), help_text="Every measure for the task force's region."
    )
    activities = ActivityScoreOut(many=True)
    agencies = AgencyScoreOut(many=True)


class ReportVersionOut(Out):
    number = serializers.IntegerField()
    issued_at = serializers.DateTimeField()
    id = serializers.IntegerField()


class ReportOut(Out):
    narrative = serializers.CharField()
    version = serializers.IntegerField()
    figures = serializers.DictField(
        help_text="The figures as they stand: cases, victims by sex and age band, forms of "
        "exploitation, services, returns, law enforcement by stage, prevention, meetings, "
        "action items, scorecard (figures only)."
    )
    issued = ReportVersionOut(many=True)
    rollup = serializers.DictField(
        allow_null=True,
        help_text="For a task force with child task forces (a province): their latest issued "
        "reports of the period summed per table, counts 1..k-1 hidden as null; null otherwise.",
    )


class NoticeOut(Out):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    subject = serializers.CharField()
    body = serializers.CharField()
    meeting = serializers.IntegerField(allow_null=True)
    item = serializers.IntegerField(allow_null=True)
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)
