"""Output shapes of the case API (what ``api.py``'s ``case_summary`` and ``case_out`` return).

A case's detail holds only the sections the reader may see (``sections``): ``facts``,
``journey``, ``parties`` and ``grants`` are absent otherwise.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from lentera.apps.people.serializers import PersonOut

Out = serializers.Serializer[dict[str, Any]]


class CaseSummaryOut(Out):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
    lead_agency = serializers.IntegerField()
    region = serializers.CharField(help_text="Region code.")
    opened_at = serializers.DateTimeField()
    has_child_victim = serializers.BooleanField()


class CaseFactsOut(Out):
    offence_date = serializers.DateField(allow_null=True)
    acts = serializers.ListField(child=serializers.CharField())
    means = serializers.ListField(child=serializers.CharField())
    exploitation_types = serializers.ListField(child=serializers.CharField())
    control_methods = serializers.ListField(child=serializers.CharField())
    recruitment_channel = serializers.CharField()
    recruitment_platform = serializers.CharField()
    exploitation_occurred = serializers.BooleanField(allow_null=True)
    movement = serializers.CharField()
    absent_elements = serializers.ListField(child=serializers.CharField())
    organised_group = serializers.BooleanField()
    document_forgery = serializers.BooleanField()
    illegal_entry_for_profit = serializers.BooleanField()
    incitement_without_offence = serializers.BooleanField()
    placement_country = serializers.CharField(allow_null=True, help_text="Country code.")
    placement_facts = serializers.ListField(child=serializers.CharField())
    version = serializers.IntegerField()


class JourneyLegOut(Out):
    order = serializers.IntegerField()
    from_ = serializers.CharField(label="from")
    from_country = serializers.CharField()
    to = serializers.CharField()
    to_country = serializers.CharField()
    transit = serializers.BooleanField()
    departed_on = serializers.DateField(allow_null=True)
    arrived_on = serializers.DateField(allow_null=True)
    transport = serializers.CharField()

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")  # a keyword in Python, a key in the body
        return fields


class CasePartyOut(Out):
    id = serializers.IntegerField()
    role = serializers.CharField()
    network_role = serializers.CharField()
    victim_status = serializers.CharField()
    age_at_offence = serializers.IntegerField(allow_null=True)
    person = PersonOut()
    identity_held = serializers.BooleanField()
    harms = serializers.ListField(child=serializers.CharField())
    is_corporation = serializers.BooleanField()
    participation = serializers.CharField()
    use_of_victim = serializers.ListField(child=serializers.CharField())
    obstruction = serializers.ListField(child=serializers.CharField())
    obstruction_harm = serializers.CharField()
    is_official = serializers.BooleanField(
        required=False, help_text="Only for a reader who may see complicity."
    )
    abused_position = serializers.BooleanField(
        required=False, help_text="Only for a reader who may see complicity."
    )


class CaseGrantOut(Out):
    id = serializers.IntegerField()
    agency = serializers.IntegerField()
    scope = serializers.CharField()
    include_identity = serializers.BooleanField()
    co_handling = serializers.BooleanField()
    person = serializers.IntegerField(allow_null=True)
    granted_at = serializers.DateTimeField()
    revoked_at = serializers.DateTimeField(allow_null=True)


class CaseOut(CaseSummaryOut):
    sections = serializers.ListField(child=serializers.CharField())
    facts = CaseFactsOut(required=False)
    journey = JourneyLegOut(many=True, required=False)
    parties = CasePartyOut(many=True, required=False)
    grants = CaseGrantOut(many=True, required=False)


class PartyCreatedOut(Out):
    id = serializers.IntegerField()
    person = PersonOut()
    role = serializers.CharField()


class GrantCreatedOut(Out):
    id = serializers.IntegerField()
    agency = serializers.IntegerField()
    scope = serializers.CharField()


class GrantRevokedOut(Out):
    id = serializers.IntegerField()
    revoked_at = serializers.DateTimeField(allow_null=True)


class HandOverOut(Out):
    id = serializers.IntegerField()
    lead_agency = serializers.IntegerField()
