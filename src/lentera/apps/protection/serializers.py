"""Output shapes of the protection API (what ``api.py``'s ``*_out`` functions return).

Free text about a victim (reasons, notes, relatives, travel) is null for a reader who does not
hold the victim's identity (``protection.policies.sees_identity``): those fields are nullable.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

Out = serializers.Serializer[dict[str, Any]]


def _shown_text(help_text: str = "") -> serializers.CharField:
    """Free text about a victim: null unless the reader holds the victim's identity."""
    return serializers.CharField(
        allow_null=True, help_text=help_text or "Null unless you hold the victim's identity."
    )


class SharesOut(Out):
    facts = serializers.BooleanField()
    people = serializers.BooleanField()
    identity = serializers.BooleanField()


class ReferralOut(Out):
    id = serializers.IntegerField()
    case = serializers.IntegerField()
    party = serializers.IntegerField()
    from_agency = serializers.IntegerField(allow_null=True)
    to_agency = serializers.IntegerField()
    service_type = serializers.CharField()
    status = serializers.CharField()
    shares = SharesOut()
    consent = serializers.IntegerField(allow_null=True)
    override_basis = serializers.CharField()
    override_legal_basis = serializers.CharField()
    reason = _shown_text()
    decline_reason = _shown_text()
    sent_at = serializers.DateTimeField()
    responded_at = serializers.DateTimeField(allow_null=True)
    police_reported_at = serializers.DateTimeField(allow_null=True)


class ConsentCreatedOut(Out):
    id = serializers.IntegerField()


class ConsentWithdrawnOut(Out):
    id = serializers.IntegerField()
    withdrawn_at = serializers.DateTimeField(allow_null=True)


class IdentificationOut(Out):
    id = serializers.IntegerField()
    decision = serializers.CharField()
    indicators = serializers.ListField(child=serializers.CharField())


class TimerOut(Out):
    kind = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label
    case = serializers.IntegerField()
    party = serializers.IntegerField(allow_null=True)
    agency = serializers.IntegerField(allow_null=True)
    started_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField()
    done_at = serializers.DateTimeField(allow_null=True)
    state = serializers.CharField()


class ProviderOut(Out):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()
    agency = serializers.IntegerField(allow_null=True)
    services = serializers.ListField(child=serializers.CharField())
    region = serializers.CharField(allow_null=True, help_text="Region code.")
    phone = serializers.CharField()
    email = serializers.CharField()
    contact_person = serializers.CharField()


class AssessmentOut(Out):
    id = serializers.IntegerField()
    needs = serializers.DictField(child=serializers.CharField())


class ServiceOut(Out):
    id = serializers.IntegerField()
    case = serializers.IntegerField()
    party = serializers.IntegerField()
    service_type = serializers.CharField()
    provider_agency = serializers.IntegerField(allow_null=True)
    status = serializers.CharField()
    status_note = _shown_text()
    note = _shown_text()
    urgent = serializers.BooleanField()
    due_on = serializers.DateField(allow_null=True)
    started_at = serializers.DateTimeField(allow_null=True)
    completed_at = serializers.DateTimeField(allow_null=True)


class VisitOut(Out):
    id = serializers.IntegerField()
    visited_on = serializers.DateField()
    wellbeing = _shown_text()
    closes_follow_up = serializers.BooleanField()


class VisitCreatedOut(Out):
    id = serializers.IntegerField()


class ReturnOut(Out):
    id = serializers.IntegerField()
    case = serializers.IntegerField()
    party = serializers.IntegerField()
    status = serializers.CharField()
    version = serializers.IntegerField()
    victim_wishes_return = serializers.BooleanField()
    family_assessed = serializers.BooleanField()
    safe_to_return = serializers.BooleanField()
    home_region = serializers.CharField(allow_null=True, help_text="Region code.")
    paying_agency = serializers.IntegerField(allow_null=True)
    travel = _shown_text()
    travel_on = serializers.DateField(allow_null=True)
    handover_to = _shown_text()
    completed_on = serializers.DateField(allow_null=True)
    cancel_reason = _shown_text()
    visits = VisitOut(many=True)


class RestitutionOut(Out):
    id = serializers.IntegerField()
    case = serializers.IntegerField()
    party = serializers.IntegerField()
    amount_claimed = serializers.IntegerField()
    basis = _shown_text()
    status = serializers.CharField()
    version = serializers.IntegerField()
    in_demand_on = serializers.DateField(allow_null=True)
    amount_ordered = serializers.IntegerField(allow_null=True)
    ordered_on = serializers.DateField(allow_null=True)
    final_notice_on = serializers.DateField(allow_null=True)
    court_notified_on = serializers.DateField(allow_null=True)
    warning_on = serializers.DateField(allow_null=True)
    seizure_on = serializers.DateField(allow_null=True)
    paid_on = serializers.DateField(allow_null=True)
    amount_paid = serializers.IntegerField(allow_null=True)
    unpaid_closed_on = serializers.DateField(allow_null=True)


class NotificationOut(Out):
    id = serializers.IntegerField()
    case = serializers.IntegerField(allow_null=True)
    party = serializers.IntegerField(allow_null=True)
    timer_kind = serializers.CharField()
    state = serializers.CharField()
    due_at = serializers.DateTimeField()
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)
