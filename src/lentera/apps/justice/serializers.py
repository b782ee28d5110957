"""Output shapes of the proceedings API (what ``api.py``'s ``proceeding_out`` returns)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

Out = serializers.Serializer[dict[str, Any]]


class DeadlineOut(Out):
    code = serializers.CharField()
    kind = serializers.CharField()
    basis = serializers.CharField()
    start = serializers.DateField()
    due = serializers.DateField()
    status = serializers.CharField()
    met_on = serializers.DateField(allow_null=True)
    days_left = serializers.IntegerField(help_text="Negative when overdue; 0 once met.")
    detail = serializers.CharField()


class StageEventOut(Out):
    stage = serializers.CharField()
    on = serializers.DateField()
    decided_on = serializers.DateField(allow_null=True)
    instructions = serializers.CharField(
        allow_null=True, help_text="Null unless you may read the proceeding's notes."
    )
    note = serializers.CharField(
        allow_null=True, help_text="Null unless you may read the proceeding's notes."
    )


class DetentionOut(Out):
    id = serializers.IntegerField()
    level = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField(allow_null=True)
    extension_days = serializers.IntegerField()
    exceptional_days = serializers.IntegerField()


class ChargeOut(Out):
    step = serializers.CharField()
    articles = serializers.ListField(child=serializers.CharField())
    snapshot = serializers.IntegerField(allow_null=True)


class SentenceOut(Out):
    outcome_on = serializers.DateField(allow_null=True)
    prison_months = serializers.IntegerField(allow_null=True)
    fine = serializers.IntegerField(allow_null=True)
    restitution_ordered = serializers.IntegerField(allow_null=True)
    dismissal_reason = serializers.CharField()


class ProceedingOut(Out):
    id = serializers.IntegerField()
    case = serializers.IntegerField()
    case_reference = serializers.CharField()
    suspect = serializers.IntegerField()
    suspect_initials = serializers.CharField()
    network_role = serializers.CharField()
    police_agency = serializers.IntegerField()
    prosecution_agency = serializers.IntegerField(allow_null=True)
    police_report_number = serializers.CharField()
    police_report_date = serializers.DateField()
    procedure_code = serializers.CharField()
    current_stage = serializers.CharField()
    last_movement_at = serializers.DateField()
    stalled = serializers.BooleanField()
    overdue = serializers.ListField(child=serializers.CharField(), help_text="Deadline codes.")
    outcome = serializers.CharField()
    is_official = serializers.BooleanField(
        required=False, help_text="Only for a reader who may see complicity."
    )


class ProceedingDetailOut(ProceedingOut):
    stages = StageEventOut(many=True)
    deadlines = DeadlineOut(many=True)
    detentions = DetentionOut(many=True)
    charges = ChargeOut(many=True)
    sentence = SentenceOut()


class PoliceReportsOut(Out):
    police_reports = serializers.IntegerField()
    victims = serializers.IntegerField()
    in_inquiry = serializers.IntegerField()
    in_investigation = serializers.IntegerField()
    file_returned = serializers.IntegerField()
    with_prosecutor = serializers.IntegerField()
    decided = serializers.IntegerField()
    dismissed = serializers.IntegerField()


class LawEnforcementOut(Out):
    investigations = serializers.IntegerField()
    prosecutions = serializers.IntegerField()
    convictions = serializers.IntegerField()
    acquittals = serializers.IntegerField()
    dismissals = serializers.IntegerField()
    sentences = serializers.DictField(child=serializers.IntegerField())
    officials_investigated = serializers.IntegerField()
    officials_prosecuted = serializers.IntegerField()
    officials_convicted = serializers.IntegerField()
    restitution_ordered = serializers.IntegerField()


class ProceedingStatisticsOut(Out):
    from_ = serializers.DateField()
    to = serializers.DateField()
    region = serializers.CharField()
    police_reports = PoliceReportsOut()
    law_enforcement = LawEnforcementOut()

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")  # a keyword in Python, a key in the body
        return fields
