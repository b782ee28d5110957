"""API shapes of the person index (pseudonyms out; identity only through the reveal)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from lentera.apps.accounts.models import (
    AccessPurpose,
)
from lentera.apps.people.models import Person, Sex
from lentera.apps.people.selectors import pseudonym_of
from lentera.apps.reference.models import Country, Region


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


def person_out(person: Person) -> dict[str, Any]:
    pseudo = pseudonym_of(person)
    return {
        "id": person.pk,
        "initials": pseudo.initials,
        "age_band": pseudo.age_band,
        "sex": person.sex,
        "is_child": pseudo.is_child,
        "owner_agency": person.owner_agency_id,
        "region": person.region.code if person.region else None,
    }


class PersonMatchOut(PersonOut):
    reasons = serializers.ListField(child=serializers.CharField(), help_text="What matched.")


class HolderOut(serializers.Serializer[dict[str, object]]):
    id = serializers.IntegerField()
    name = serializers.CharField()


class PersonSearchOut(serializers.Serializer[dict[str, object]]):
    results = PersonMatchOut(many=True, help_text="The matches whose identity you hold.")
    held_by = HolderOut(many=True, help_text="Agencies holding other matching records.")


class AccountCreatedOut(serializers.Serializer[dict[str, object]]):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    provider = serializers.CharField()
