"""Input and output shapes of the intake API only; no logic (that lives in services and
selectors)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from lentera.apps.accounts.models import Agency, TaskForce
from lentera.apps.intake.models import (
    AgeBand,
    Channel,
    Complaint,
    ReporterRelation,
    RoutingCategory,
    Urgency,
    YesNoUnknown,
)
from lentera.apps.reference.models import Region


class ComplaintOut(serializers.ModelSerializer[Complaint]):
    """What every user who may see the complaint gets: no reporter, no account."""

    region = serializers.CharField(source="region.code", default=None, allow_null=True)
    status = serializers.CharField(help_text="received, triaged, linked (to a case) or closed")
    case_reference = serializers.CharField(source="case.reference", default=None, allow_null=True)

    class Meta:
        model = Complaint
        fields = [
            "id",
            "tracking_code",
            "channel",
            "received_at",
            "receiving_agency",
            "region",
            "people_count",
            "any_child",
            "any_man",
            "involves_child",
            "danger_now",
            "departure_today",
            "migrant_worker",
            "urgency",
            "due_at",
            "routed_agency",
            "routing_rule",
            "task_force",
            "override_reason",
            "triaged_at",
            "acknowledgement",
            "acknowledged_at",
            "status",
            "case",
            "case_reference",
            "close_reason",
            "public_note",
            "reporter_anonymous",
            "reporter_confidential",
            "parse_flags",
            "version",
        ]


class ComplaintDetailOut(ComplaintOut):
    """For the handling agencies, the account and the place too (the read is logged)."""

    narrative = serializers.CharField(allow_null=True)
    place = serializers.CharField(allow_null=True)

    class Meta(ComplaintOut.Meta):
        fields = [*ComplaintOut.Meta.fields, "narrative", "place"]


class _FactsIn(serializers.Serializer[dict[str, Any]]):
    narrative = serializers.CharField(max_length=20_000)
    place = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    region = serializers.SlugRelatedField(
        slug_field="code", queryset=Region.objects.all(), required=False, allow_null=True
    )
    people_count = serializers.IntegerField(
        min_value=0, max_value=999, required=False, allow_null=True
    )
    any_child = serializers.BooleanField(required=False, default=False)
    any_man = serializers.BooleanField(required=False, default=False)
    involves_child = serializers.ChoiceField(
        choices=YesNoUnknown.choices, required=False, default=YesNoUnknown.UNKNOWN
    )
    danger_now = serializers.BooleanField(required=False, default=False)
    departure_today = serializers.BooleanField(required=False, default=False)
    migrant_worker = serializers.BooleanField(required=False, default=False)
    reporter_anonymous = serializers.BooleanField(required=False, default=False)
    reporter_confidential = serializers.BooleanField(required=False, default=False)
    reporter_relation = serializers.ChoiceField(
        choices=ReporterRelation.choices, required=False, default=ReporterRelation.UNKNOWN
    )
    reporter_name = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    reporter_phone = serializers.CharField(
        max_length=40, required=False, allow_blank=True, default=""
    )
    reporter_email = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    reporter_address = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default=""
    )


class PublicComplaintIn(_FactsIn):
    pass


class ComplaintIn(_FactsIn):
    channel = serializers.ChoiceField(
        choices=Channel.choices,
        help_text="hotline_129, walk_in, police_report, posko, media or other",
    )
    received_at = serializers.DateTimeField(required=False, allow_null=True)
    acknowledged_verbally = serializers.BooleanField(required=False, default=False)


class TriageIn(serializers.Serializer[dict[str, Any]]):
    version = serializers.IntegerField(min_value=1)
    involves_child = serializers.ChoiceField(choices=YesNoUnknown.choices)
    danger_now = serializers.BooleanField()
    departure_today = serializers.BooleanField()
    migrant_worker = serializers.BooleanField()
    any_child = serializers.BooleanField(required=False, allow_null=True, default=None)
    any_man = serializers.BooleanField(required=False, allow_null=True, default=None)
    people_count = serializers.IntegerField(
        min_value=0, max_value=999, required=False, allow_null=True, default=None
    )
    urgency = serializers.ChoiceField(
        choices=[("", "rules"), *Urgency.choices], required=False, allow_blank=True, default=""
    )
    routed_agency = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(), required=False, allow_null=True, default=None
    )
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    public_note = serializers.CharField(
        max_length=500, required=False, allow_blank=True, allow_null=True, default=None
    )


class GatewayIn(serializers.Serializer[dict[str, Any]]):
    """Documentation of the gateway's body. The endpoint reads the body itself so that even a
    malformed request is stored; no field is required."""

    channel = serializers.CharField(help_text="sms or whatsapp")
    sender = serializers.CharField(help_text="The sender's number: +62…, 08…, 62…@c.us")
    text = serializers.CharField(
        required=False, help_text="The message, e.g. TPPO#TKI#Maria#Adik saya dibawa ke Malaysia"
    )
    raw = serializers.CharField(
        required=False, help_text="The message bytes in base64, when they may not be UTF-8"
    )
    received_at = serializers.DateTimeField(required=False)
    message_id = serializers.CharField(
        required=False, help_text="The gateway's id of the message; a retry returns the same code"
    )


class GatewayOut(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    tracking_code = serializers.CharField()
    reply = serializers.CharField(help_text="Send this back to the sender (Indonesian)")
    created = serializers.BooleanField()
    flags = serializers.ListField(child=serializers.CharField())


class PublicReceiptOut(serializers.Serializer[dict[str, Any]]):
    tracking_code = serializers.CharField()
    message = serializers.CharField()


class PublicStatusOut(serializers.Serializer[dict[str, Any]]):
    tracking_code = serializers.CharField()
    received_on = serializers.DateField()
    status = serializers.CharField()
    text = serializers.CharField()
    note = serializers.CharField()


class ReporterOut(serializers.Serializer[dict[str, Any]]):
    name = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    address = serializers.CharField()
    raw_message = serializers.CharField()
    raw_base64 = serializers.CharField()


class ComplaintCaseIn(serializers.Serializer[dict[str, Any]]):
    """Attach to an existing case (``case``) or open a new one (``title`` and ``region``)."""

    version = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    case = serializers.IntegerField(required=False, allow_null=True, default=None)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    region = serializers.CharField(max_length=13, required=False, allow_blank=True, default="")


class ComplaintCaseOut(serializers.Serializer[dict[str, Any]]):
    complaint = serializers.IntegerField()
    case = serializers.IntegerField()
    reference = serializers.CharField()
    opened = serializers.BooleanField(help_text="true when a new case was opened")


class RoutingRuleIO(serializers.Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    version = serializers.IntegerField(required=False, allow_null=True, default=None)
    region = serializers.CharField(
        max_length=13, required=False, allow_blank=True, allow_null=True, default=None
    )
    category = serializers.ChoiceField(choices=RoutingCategory.choices)
    age_band = serializers.ChoiceField(choices=AgeBand.choices)
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.all())
    fallback_agency = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(), required=False, allow_null=True, default=None
    )
    task_force = serializers.PrimaryKeyRelatedField(
        queryset=TaskForce.objects.all(), required=False, allow_null=True, default=None
    )
    priority = serializers.IntegerField(min_value=0, max_value=999, default=50)
    is_active = serializers.BooleanField(default=True)
    note = serializers.CharField(max_length=300)

    def validate_region(self, value: str | None) -> Region | None:
        if not value:
            return None
        region = Region.objects.filter(code=value.strip()).first()
        if region is None:
            raise serializers.ValidationError("unknown region code")
        return region

    def to_representation(self, instance: Any) -> dict[str, Any]:
        return {
            "id": instance.pk,
            "version": instance.version,
            "region": instance.region.code if instance.region else None,
            "category": instance.category,
            "age_band": instance.age_band,
            "agency": instance.agency_id,
            "fallback_agency": instance.fallback_agency_id,
            "task_force": instance.task_force_id,
            "priority": instance.priority,
            "is_active": instance.is_active,
            "note": instance.note,
        }


class RoutePreviewOut(serializers.Serializer[dict[str, Any]]):
    agency = serializers.IntegerField(allow_null=True)
    agency_name = serializers.CharField(allow_null=True)
    rule = serializers.IntegerField(allow_null=True, help_text="the data rule that chose it")
    code = serializers.CharField(help_text="rule:<id>, a built-in rule's code, or empty")
    task_force = serializers.IntegerField(allow_null=True)
    task_force_name = serializers.CharField(allow_null=True)
