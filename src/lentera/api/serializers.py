"""Input and output shapes only; no logic (that lives in services and selectors)."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lentera.apps.accounts.models import (
    AccessLog,
    AccessPurpose,
    Agency,
    AuditEvent,
    TaskForce,
    User,
)
from lentera.apps.people.models import Person, Sex
from lentera.apps.reference.models import Country, DestinationPolicy, Region


class RegionOut(serializers.ModelSerializer[Region]):
    parent_code = serializers.CharField(source="parent.code", default=None)

    class Meta:
        model = Region
        fields = ["code", "name", "level", "parent_code"]


class CountryOut(serializers.ModelSerializer[Country]):
    class Meta:
        model = Country
        fields = ["code", "alpha3", "name_en", "name_id"]


class AgencyOut(serializers.ModelSerializer[Agency]):
    region = serializers.CharField(source="region.code", default=None)

    class Meta:
        model = Agency
        fields = ["id", "name", "short_name", "agency_type", "region", "time_zone", "is_active"]


class TaskForceOut(serializers.ModelSerializer[TaskForce]):
    region = serializers.CharField(source="region.code", default=None)
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


class DestinationPolicyOut(serializers.ModelSerializer[DestinationPolicy]):
    class Meta:
        model = DestinationPolicy
        fields = [
            "id",
            "country",
            "sector",
            "status",
            "legal_basis",
            "valid_from",
            "valid_to",
            "note",
        ]


class DestinationPolicyIn(serializers.Serializer[dict[str, object]]):
    country = serializers.SlugRelatedField(slug_field="code", queryset=Country.objects.all())
    sector = serializers.CharField()
    status = serializers.CharField()
    legal_basis = serializers.CharField()
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class PersonOut(serializers.Serializer[Person]):
    """The pseudonymised view every API client gets."""

    id = serializers.IntegerField()
    initials = serializers.CharField()
    age_band = serializers.CharField()
    sex = serializers.CharField()
    is_child = serializers.BooleanField(allow_null=True)
    owner_agency = serializers.IntegerField()
    region = serializers.CharField(allow_null=True)


class PersonIn(serializers.Serializer[dict[str, object]]):
    full_name = serializers.CharField(max_length=200)
    aliases = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    sex = serializers.ChoiceField(choices=Sex.choices, default=Sex.UNKNOWN)
    birth_date = serializers.DateField(required=False, allow_null=True, default=None)
    nik = serializers.CharField(required=False, allow_blank=True, default="")
    phones = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    address = serializers.CharField(required=False, allow_blank=True, default="")
    region = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Region.objects.all(),
        required=False,
        allow_null=True,
        default=None,
    )
    nationality = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Country.objects.all(),
        required=False,
        allow_null=True,
        default=None,
    )
    accept_nik_mismatch = serializers.BooleanField(default=False)


class IdentityRequest(serializers.Serializer[dict[str, object]]):
    purpose = serializers.ChoiceField(choices=AccessPurpose.choices)
    purpose_note = serializers.CharField(required=False, allow_blank=True, default="")


class IdentityOut(serializers.Serializer[dict[str, object]]):
    full_name = serializers.CharField()
    aliases = serializers.ListField(child=serializers.CharField())
    nik = serializers.CharField()
    phones = serializers.ListField(child=serializers.CharField())
    address = serializers.CharField()
    photo = serializers.CharField()


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


LANGUAGES = [code for code, _name in settings.LANGUAGES]
