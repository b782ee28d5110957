"""Output shapes of the stored screenings (what ``api.py``'s ``offer_out`` and
``departure_out`` return); the screening results themselves are described beside the endpoints."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

Out = serializers.Serializer[dict[str, Any]]


class OfferScreeningOut(Out):
    """A stored offer screening, without its text."""

    id = serializers.IntegerField()
    agency = serializers.IntegerField()
    screened_at = serializers.DateTimeField()
    found_at = serializers.DateTimeField(allow_null=True)
    source = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.source
    external_id = serializers.CharField()
    level = serializers.CharField()
    risk = serializers.FloatField()
    score = serializers.FloatField(
        help_text="0-100, in the order of risk but spread where risk saturates at 1."
    )
    flags = serializers.ListField(child=serializers.CharField(), help_text="Red-flag codes.")
    notice = serializers.BooleanField(help_text="An official warning was issued.")
    status = serializers.CharField()
    model_version = serializers.CharField()
    complaint = serializers.IntegerField(allow_null=True)


class DepartureScreeningOut(Out):
    """A stored departure screening, without the traveller's identity."""

    id = serializers.IntegerField()
    agency = serializers.IntegerField()
    post = serializers.CharField()
    screened_at = serializers.DateTimeField()
    interview = serializers.DictField(help_text="The interview's answers (the contract object).")
    level = serializers.CharField()
    risk = serializers.FloatField()
    indicators = serializers.ListField(child=serializers.CharField(), help_text="Their codes.")
    reasons = serializers.ListField(
        child=serializers.DictField(child=serializers.CharField()),
        help_text="Each indicator's code and its reason in the language asked (?lang=id or "
        "en, Indonesian by default), written from the stored codes and values.",
    )
    actions = serializers.ListField(child=serializers.CharField())
    rules_version = serializers.CharField()
    case = serializers.IntegerField(allow_null=True)
    complaint = serializers.IntegerField(allow_null=True)
