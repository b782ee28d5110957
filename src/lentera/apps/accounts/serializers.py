"""API shapes of accounts: agencies, task forces, the signed-in user, the audit trail."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lentera.apps.accounts.models import (
    AccessLog,
    Agency,
    AuditEvent,
    TaskForce,
    User,
)


class AgencyOut(serializers.ModelSerializer[Agency]):
    region = serializers.CharField(source="region.code", default=None, allow_null=True)

    class Meta:
        model = Agency
        fields = ["id", "name", "short_name", "agency_type", "region", "time_zone", "is_active"]


class TaskForceOut(serializers.ModelSerializer[TaskForce]):
    region = serializers.CharField(source="region.code", default=None, allow_null=True)
    members = serializers.SerializerMethodField()

    class Meta:
        model = TaskForce
        fields = ["id", "name", "level", "region", "parent", "members"]

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_members(self, obj: TaskForce) -> list[dict[str, object]]:
        return [
            {
                "agency": m.agency_id,
                "role": m.role,
                "sub_task_force": m.sub_task_force.name if m.sub_task_force else None,
            }
            for m in obj.memberships.all()
        ]


class MeOut(serializers.ModelSerializer[User]):
    roles = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField()
    agency = AgencyOut()

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "first_name",
            "last_name",
            "agency",
            "roles",
            "actions",
            "preferred_language",
        ]

    def get_roles(self, obj: User) -> list[str]:
        return sorted(str(r) for r in obj.role_set)

    def get_actions(self, obj: User) -> list[str]:
        return sorted(str(a) for a in obj.actions)


class AuditEventOut(serializers.ModelSerializer[AuditEvent]):
    actor = serializers.CharField(source="actor.username", default=None)

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "occurred_at",
            "actor",
            "actor_agency",
            "event_type",
            "object_type",
            "object_id",
            "summary",
            "data",
        ]


class AccessLogOut(serializers.ModelSerializer[AccessLog]):
    user = serializers.CharField(source="user.username")

    class Meta:
        model = AccessLog
        fields = [
            "id",
            "at",
            "user",
            "agency",
            "object_type",
            "object_id",
            "fields",
            "purpose",
            "purpose_note",
            "channel",
        ]
