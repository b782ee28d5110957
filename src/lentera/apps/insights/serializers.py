"""Output shapes of the insights API: the published figures and record linkage."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from lentera.apps.people.serializers import PersonOut

Out = serializers.Serializer[dict[str, Any]]


class FigureRowOut(Out):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label
    count = serializers.IntegerField(
        allow_null=True, help_text="Null when suppressed (fewer than `suppressed_below`)."
    )


class FigureTableOut(Out):
    rows = FigureRowOut(many=True)
    total = serializers.IntegerField(
        allow_null=True, help_text="Null when suppressed or when a case may count twice."
    )


class PublicStatisticsOut(Out):
    year = serializers.IntegerField(allow_null=True, help_text="Null: all years.")
    suppressed_below = serializers.IntegerField()
    years = serializers.ListField(child=serializers.IntegerField())
    tables = serializers.DictField(child=FigureTableOut())


class RunStartedOut(Out):
    id = serializers.IntegerField()
    status = serializers.CharField()


class RunOut(RunStartedOut):
    progress = serializers.CharField()
    records = serializers.IntegerField()
    comparisons = serializers.IntegerField()
    candidates = serializers.IntegerField()
    error = serializers.CharField()


class MatchOut(Out):
    id = serializers.IntegerField()
    left = PersonOut()
    right = PersonOut()
    probability = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())
    name_conflict = serializers.BooleanField()
    status = serializers.CharField()
