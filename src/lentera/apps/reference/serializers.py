"""API shapes of reference data: regions, countries, destination policy."""

from __future__ import annotations

from rest_framework import serializers

from lentera.apps.reference.models import Country, DestinationPolicy, Region


class RegionOut(serializers.ModelSerializer[Region]):
    parent_code = serializers.CharField(source="parent.code", default=None, allow_null=True)

    class Meta:
        model = Region
        fields = ["code", "name", "level", "parent_code"]


class CountryOut(serializers.ModelSerializer[Country]):
    class Meta:
        model = Country
        fields = ["code", "alpha3", "name_en", "name_id"]


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
