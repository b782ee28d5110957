"""REST endpoints of victim protection (/api/v1/protection/...). Thin: parse, check the declared
action, call one service or selector, serialise."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.permissions import HasAction
from lentera.api.views import actor_of
from lentera.apps.accounts.models import Agency
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.cases.policies import cases
from lentera.apps.cases.vocab import PartyRole
from lentera.apps.protection import selectors, services
from lentera.apps.protection.models import Consent, Referral
from lentera.apps.protection.policies import can_read, providers, referrals
from lentera.apps.protection.timers import Timer
from lentera.apps.protection.vocab import (
    Decision,
    Indicator,
    OverrideBasis,
    ServiceType,
    Setting,
)

_AGENCIES = Agency.objects.filter(is_active=True)


def _victim(request: Request, case_id: int, party_id: int) -> CaseParty:
    case: Case = cases.get_for(request.user, Action.VIEW_CASE, case_id)
    if not can_read(request.user, case):
        raise NotFound()
    party = case.parties.filter(pk=party_id, role=PartyRole.VICTIM).first()
    if party is None:
        raise NotFound()
    return party


def referral_out(r: Referral) -> dict[str, Any]:
    return {
        "id": r.pk,
        "case": r.case_id,
        "party": r.party_id,
        "from_agency": r.agency_id,
        "to_agency": r.to_agency_id,
        "service_type": r.service_type,
        "status": r.status,
        "shares": {"facts": True, "people": r.share_people, "identity": r.share_identity},
        "consent": r.consent_id,
        "override_basis": r.override_basis,
        "override_legal_basis": r.override_legal_basis,
        "decline_reason": r.decline_reason,
        "sent_at": r.recorded_at,
        "responded_at": r.responded_at,
        "police_reported_at": r.police_reported_at,
    }


def timer_out(t: Timer, now: Any) -> dict[str, Any]:
    return {
        "kind": t.kind.value,
        "label": t.label,
        "case": t.case_id,
        "party": t.party_id,
        "agency": t.agency_id,
        "started_at": t.started_at,
        "due_at": t.due_at,
        "done_at": t.done_at,
        "state": t.state(now).value,
    }


class ReferralIn(serializers.Serializer[dict[str, Any]]):
    to_agency = serializers.PrimaryKeyRelatedField(queryset=_AGENCIES)
    service_type = serializers.ChoiceField(choices=ServiceType.choices)
    reason = serializers.CharField(max_length=300)
    share_people = serializers.BooleanField(default=False)
    share_identity = serializers.BooleanField(default=False)
    override_basis = serializers.ChoiceField(choices=OverrideBasis.choices, default="")
    override_legal_basis = serializers.CharField(max_length=300, default="", allow_blank=True)


class ConsentIn(serializers.Serializer[dict[str, Any]]):
    agencies = serializers.PrimaryKeyRelatedField(queryset=_AGENCIES, many=True)
    purpose = serializers.CharField(max_length=300)
    share_people = serializers.BooleanField(default=False)
    share_identity = serializers.BooleanField(default=False)
    given_by = serializers.CharField(default="victim")
    guardian_name = serializers.CharField(default="", allow_blank=True)
    child_assent = serializers.BooleanField(default=False)


class IdentificationIn(serializers.Serializer[dict[str, Any]]):
    setting = serializers.ChoiceField(choices=Setting.choices)
    indicators = serializers.ListField(
        child=serializers.ChoiceField(choices=Indicator.choices), default=list
    )
    decision = serializers.ChoiceField(choices=Decision.choices, default="", allow_blank=True)
    guardian_present = serializers.BooleanField(default=False)
    interpreter_used = serializers.BooleanField(default=False)
    notes = serializers.CharField(default="", allow_blank=True)


class DeclineIn(serializers.Serializer[dict[str, Any]]):
    reason = serializers.CharField(max_length=300)


class ReferralList(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_CASE

    @extend_schema(responses=dict)
    def get(self, request: Request) -> Response:
        incoming = {"in": True, "out": False}.get(request.query_params.get("direction", ""))
        rows = selectors.referral_list(
            user=request.user, incoming=incoming, status=request.query_params.get("status", "")
        )[:200]
        return Response([referral_out(r) for r in rows])


class VictimReferrals(APIView):
    permission_classes = [HasAction]
    required_action = Action.REFER

    @extend_schema(request=ReferralIn, responses={201: dict})
    def post(self, request: Request, case_id: int, party_id: int) -> Response:
        party = _victim(request, case_id, party_id)
        data = ReferralIn(data=request.data)
        data.is_valid(raise_exception=True)
        r = services.referral_send(actor=actor_of(request), party=party, **data.validated_data)
        return Response(referral_out(r), status=status.HTTP_201_CREATED)


class VictimConsents(APIView):
    permission_classes = [HasAction]
    required_action = Action.REFER

    @extend_schema(request=ConsentIn, responses={201: dict})
    def post(self, request: Request, case_id: int, party_id: int) -> Response:
        party = _victim(request, case_id, party_id)
        data = ConsentIn(data=request.data)
        data.is_valid(raise_exception=True)
        c = services.consent_record(actor=actor_of(request), party=party, **data.validated_data)
        return Response({"id": c.pk}, status=status.HTTP_201_CREATED)


class ConsentWithdraw(APIView):
    permission_classes = [HasAction]
    required_action = Action.REFER

    @extend_schema(request=None, responses=dict)
    def post(self, request: Request, consent_id: int) -> Response:
        consent = Consent.objects.filter(pk=consent_id).select_related("case").first()
        if consent is None or not can_read(request.user, consent.case):
            raise NotFound()
        services.consent_withdraw(
            actor=actor_of(request),
            consent=consent,
            note=str(request.data.get("note", "") if isinstance(request.data, dict) else ""),
        )
        return Response({"id": consent.pk, "withdrawn_at": consent.withdrawn_at})


class VictimIdentifications(APIView):
    permission_classes = [HasAction]
    required_action = Action.PROVIDE_SERVICE

    @extend_schema(request=IdentificationIn, responses={201: dict})
    def post(self, request: Request, case_id: int, party_id: int) -> Response:
        party = _victim(request, case_id, party_id)
        data = IdentificationIn(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.identification_record(
            actor=actor_of(request), party=party, **data.validated_data
        )
        return Response(
            {"id": row.pk, "decision": row.decision, "indicators": row.indicators},
            status=status.HTTP_201_CREATED,
        )


class ReferralStep(APIView):
    """POST accept | decline (with reason) | complete | police-reported."""

    permission_classes = [HasAction]
    required_action = Action.VIEW_CASE

    @extend_schema(request=None, responses=dict)
    def post(self, request: Request, referral_id: int, step: str) -> Response:
        actor = actor_of(request)
        referral = referrals.get_for(actor, Action.VIEW_CASE, referral_id)
        if step == "accept":
            services.referral_accept(actor=actor, referral=referral)
        elif step == "decline":
            data = DeclineIn(data=request.data)
            data.is_valid(raise_exception=True)
            services.referral_decline(actor=actor, referral=referral, **data.validated_data)
        elif step == "complete":
            services.referral_complete(actor=actor, referral=referral)
        elif step == "police-reported":
            services.referral_police_reported(actor=actor, referral=referral)
        else:
            raise NotFound()
        return Response(referral_out(referral))


class CaseTimers(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_CASE

    @extend_schema(responses=dict)
    def get(self, request: Request, case_id: int) -> Response:
        case = cases.get_for(request.user, Action.VIEW_CASE, case_id)
        if not can_read(request.user, case):
            raise NotFound()
        now = timezone.now()
        return Response(
            [timer_out(t, now) for t in selectors.case_timers(user=request.user, case=case)]
        )


class Overdue(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_DASHBOARD

    @extend_schema(responses=dict)
    def get(self, request: Request) -> Response:
        now = timezone.now()
        return Response(
            [timer_out(t, now) for t in selectors.overdue_for(user=request.user, now=now)]
        )


class ProviderList(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_DASHBOARD

    @extend_schema(responses=dict)
    def get(self, request: Request) -> Response:
        qs = providers.visible(request.user, Action.VIEW_DASHBOARD).select_related("region")
        return Response(
            [
                {
                    "id": p.pk,
                    "name": p.name,
                    "kind": p.kind,
                    "agency": p.agency_id,
                    "services": p.services,
                    "region": p.region.code if p.region else None,
                    "phone": p.phone,
                    "email": p.email,
                    "contact_person": p.contact_person,
                }
                for p in qs
                if p.is_active
            ]
        )
