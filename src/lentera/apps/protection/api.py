"""REST endpoints of victim protection (/api/v1/protection/...). Thin: parse, check the declared
action, call one service or selector, serialise."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.permissions import HasAction
from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.models import Agency
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound, Requester
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.cases.policies import cases
from lentera.apps.cases.vocab import PartyRole
from lentera.apps.protection import selectors, services
from lentera.apps.protection import serializers as out
from lentera.apps.protection.models import (
    Consent,
    Notification,
    Referral,
    Restitution,
    ReturnPlan,
    Service,
)
from lentera.apps.protection.policies import can_read, providers, referrals, sees_identity
from lentera.apps.protection.timers import Timer
from lentera.apps.protection.vocab import (
    Decision,
    Indicator,
    NeedDomain,
    NeedLevel,
    OverrideBasis,
    ServiceStatus,
    ServiceType,
    Setting,
)
from lentera.apps.reference.models import Region

_AGENCIES = Agency.objects.filter(is_active=True)


def _victim(request: Request, case_id: int, party_id: int) -> CaseParty:
    case: Case = cases.get_for(request.user, Action.VIEW_CASE, case_id)
    party = case.parties.filter(pk=party_id, role=PartyRole.VICTIM).first()
    if party is None or not can_read(request.user, case, party):
        raise NotFound()
    return party


def _text(shown: bool, value: str) -> str | None:
    """Free text about a victim (reasons, notes, relatives, places) identifies the victim: it
    is given only to readers who hold the victim's identity, else null."""
    return value if shown else None


def referral_out(r: Referral, user: Requester) -> dict[str, Any]:
    shown = sees_identity(user, r.party)
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
        "reason": _text(shown, r.reason),
        "decline_reason": _text(shown, r.decline_reason),
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


class ConsentWithdrawIn(serializers.Serializer[dict[str, Any]]):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ReferralStepIn(serializers.Serializer[dict[str, Any]]):
    """``from_status``: the status the client showed (409 when the referral moved on);
    ``reason``: why it is declined (``decline`` only)."""

    from_status = serializers.CharField(required=False, allow_blank=True)
    reason = serializers.CharField(required=False)


class DeclineIn(serializers.Serializer[dict[str, Any]]):
    reason = serializers.CharField(max_length=300)


REFERRAL_STEPS = ["accept", "decline", "complete", "police-reported"]
RETURN_STEPS = ["update", "complete", "cancel", "visits"]


class ReferralList(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_CASE

    @extend_schema(
        parameters=[
            OpenApiParameter("direction", str, enum=["in", "out"], description="Received or sent."),
            OpenApiParameter("status", str, description="Only referrals with this status."),
        ],
        responses=out.ReferralOut(many=True),
    )
    def get(self, request: Request) -> Response:
        incoming = {"in": True, "out": False}.get(request.query_params.get("direction", ""))
        rows = selectors.referral_list(
            user=request.user, incoming=incoming, status=request.query_params.get("status", "")
        )[:200]
        return Response([referral_out(r, request.user) for r in rows])


class VictimReferrals(APIView):
    permission_classes = [HasAction]
    required_action = Action.REFER

    @extend_schema(request=ReferralIn, responses={201: out.ReferralOut})
    def post(self, request: Request, case_id: int, party_id: int) -> Response:
        party = _victim(request, case_id, party_id)
        data = ReferralIn(data=request.data)
        data.is_valid(raise_exception=True)
        r = services.referral_send(actor=signed_in(request), party=party, **data.validated_data)
        return Response(referral_out(r, request.user), status=status.HTTP_201_CREATED)


class VictimConsents(APIView):
    permission_classes = [HasAction]
    required_action = Action.REFER

    @extend_schema(request=ConsentIn, responses={201: out.ConsentCreatedOut})
    def post(self, request: Request, case_id: int, party_id: int) -> Response:
        party = _victim(request, case_id, party_id)
        data = ConsentIn(data=request.data)
        data.is_valid(raise_exception=True)
        c = services.consent_record(actor=signed_in(request), party=party, **data.validated_data)
        return Response({"id": c.pk}, status=status.HTTP_201_CREATED)


class ConsentWithdraw(APIView):
    permission_classes = [HasAction]
    required_action = Action.REFER

    @extend_schema(request=ConsentWithdrawIn, responses=out.ConsentWithdrawnOut)
    def post(self, request: Request, consent_id: int) -> Response:
        consent = Consent.objects.filter(pk=consent_id).select_related("case").first()
        if consent is None or not can_read(request.user, consent.case):
            raise NotFound()
        services.consent_withdraw(
            actor=signed_in(request),
            consent=consent,
            note=str(request.data.get("note", "") if isinstance(request.data, dict) else ""),
        )
        return Response({"id": consent.pk, "withdrawn_at": consent.withdrawn_at})


class VictimIdentifications(APIView):
    permission_classes = [HasAction]
    required_action = Action.PROVIDE_SERVICE

    @extend_schema(request=IdentificationIn, responses={201: out.IdentificationOut})
    def post(self, request: Request, case_id: int, party_id: int) -> Response:
        party = _victim(request, case_id, party_id)
        data = IdentificationIn(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.identification_record(
            actor=signed_in(request), party=party, **data.validated_data
        )
        return Response(
            {"id": row.pk, "decision": row.decision, "indicators": row.indicators},
            status=status.HTTP_201_CREATED,
        )


class ReferralStep(APIView):
    """POST accept | decline (with reason) | complete | police-reported. An optional
    ``from_status`` says which status the client showed; 409 when the referral moved on (or when
    someone else responded at the same moment)."""

    permission_classes = [HasAction]
    required_action = Action.VIEW_CASE

    @extend_schema(
        request=ReferralStepIn,
        responses=out.ReferralOut,
        parameters=[OpenApiParameter("step", str, OpenApiParameter.PATH, enum=REFERRAL_STEPS)],
    )
    def post(self, request: Request, referral_id: int, step: str) -> Response:
        actor = signed_in(request)
        referral = referrals.get_for(actor, Action.VIEW_CASE, referral_id)
        # the status the client last read (optional); if the referral moved on since: 409
        body = request.data if isinstance(request.data, dict) else {}
        seen = str(body.get("from_status", "") or "")
        if step == "accept":
            services.referral_accept(actor=actor, referral=referral, from_status=seen)
        elif step == "decline":
            data = DeclineIn(data=request.data)
            data.is_valid(raise_exception=True)
            services.referral_decline(
                actor=actor, referral=referral, from_status=seen, **data.validated_data
            )
        elif step == "complete":
            services.referral_complete(actor=actor, referral=referral, from_status=seen)
        elif step == "police-reported":
            services.referral_police_reported(actor=actor, referral=referral)
        else:
            raise NotFound()
        return Response(referral_out(referral, request.user))


class CaseTimers(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_CASE

    @extend_schema(responses=out.TimerOut(many=True))
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

    @extend_schema(responses=out.TimerOut(many=True))
    def get(self, request: Request) -> Response:
        now = timezone.now()
        return Response(
            [timer_out(t, now) for t in selectors.overdue_for(user=request.user, now=now)]
        )


class ProviderList(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_DASHBOARD

    @extend_schema(responses=out.ProviderOut(many=True))
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


# ---------------------------------------------------------------- assessment, services, return
# home, reintegration, restitution and notifications


def _on_case(request: Request, row: Any) -> Any:
    """``row`` (anything with a case) when the user may read that case's victims, else 404."""
    if row is None:
        raise NotFound()
    case = cases.get_for(request.user, Action.VIEW_CASE, row.case_id)
    if not can_read(request.user, case, getattr(row, "party", None)):
        raise NotFound()
    return row


def _region_of(code: str) -> Region | None:
    if not code.strip():
        return None
    region = Region.objects.filter(code=code.strip()).first()
    if region is None:
        raise serializers.ValidationError({"home_region_code": _("No region has this code.")})
    return region


def service_out(s: Service, user: Requester) -> dict[str, Any]:
    shown = sees_identity(user, s.party)
    return {
        "id": s.pk,
        "case": s.case_id,
        "party": s.party_id,
        "service_type": s.service_type,
        "provider_agency": s.provider_agency_id,
        "status": s.status,
        "status_note": _text(shown, s.status_note),
        "note": _text(shown, s.note),
        "urgent": s.urgent,
        "due_on": s.due_on,
        "started_at": s.started_at,
        "completed_at": s.completed_at,
    }


def return_out(p: ReturnPlan, user: Requester) -> dict[str, Any]:
    shown = sees_identity(user, p.party)
    return {
        "id": p.pk,
        "case": p.case_id,
        "party": p.party_id,
        "status": p.status,
        "version": p.version,
        "victim_wishes_return": p.victim_wishes_return,
        "family_assessed": p.family_assessed,
        "safe_to_return": p.safe_to_return,
        "home_region": p.home_region.code if p.home_region else None,
        "paying_agency": p.paying_agency_id,
        "travel": _text(shown, p.travel),
        "travel_on": p.travel_on,
        "handover_to": _text(shown, p.handover_to),
        "completed_on": p.completed_on,
        "cancel_reason": _text(shown, p.cancel_reason),
        "visits": [
            {
                "id": v.pk,
                "visited_on": v.visited_on,
                "wellbeing": _text(shown, v.wellbeing),
                "closes_follow_up": v.closes_follow_up,
            }
            for v in p.visits.all()
        ],
    }


def restitution_out(r: Restitution, user: Requester) -> dict[str, Any]:
    shown = sees_identity(user, r.party)
    return {
        "id": r.pk,
        "case": r.case_id,
        "party": r.party_id,
        "amount_claimed": r.amount_claimed,
        "basis": _text(shown, r.basis),
        "status": r.status,
        "version": r.version,
        **{f: getattr(r, f) for f in services.RESTITUTION_STEP_FIELDS},
    }


class AssessmentIn(serializers.Serializer[dict[str, Any]]):
    needs = serializers.DictField(child=serializers.ChoiceField(choices=NeedLevel.choices))
    notes = serializers.CharField(default="", allow_blank=True)

    def validate_needs(self, value: dict[str, str]) -> dict[str, str]:
        unknown = set(value) - set(NeedDomain.values)
        if unknown:
            raise serializers.ValidationError(
                _("Unknown need: %(code)s") % {"code": sorted(unknown)[0]}
            )
        return value


class ServiceIn(serializers.Serializer[dict[str, Any]]):
    service_type = serializers.ChoiceField(choices=ServiceType.choices)
    provider_agency = serializers.PrimaryKeyRelatedField(queryset=_AGENCIES)
    due_on = serializers.DateField(default=None, allow_null=True)
    urgent = serializers.BooleanField(default=False)
    note = serializers.CharField(default="", allow_blank=True, max_length=300)


class ServiceStatusIn(serializers.Serializer[dict[str, Any]]):
    status = serializers.ChoiceField(choices=ServiceStatus.choices)
    note = serializers.CharField(default="", allow_blank=True, max_length=300)


class ReturnIn(serializers.Serializer[dict[str, Any]]):
    victim_wishes_return = serializers.BooleanField(default=False)
    wish_note = serializers.CharField(default="", allow_blank=True)
    family_assessed = serializers.BooleanField(default=False)
    family_assessment = serializers.CharField(default="", allow_blank=True)
    safe_to_return = serializers.BooleanField(default=False)
    home_region_code = serializers.CharField()
    paying_agency = serializers.PrimaryKeyRelatedField(
        queryset=_AGENCIES, default=None, allow_null=True
    )
    travel = serializers.CharField(default="", allow_blank=True, max_length=200)
    travel_on = serializers.DateField(default=None, allow_null=True)
    handover_to = serializers.CharField(default="", allow_blank=True, max_length=200)


class ReturnUpdateIn(ReturnIn):
    version = serializers.IntegerField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
        self.fields["version"].required = True
        self.partial = True


class ReturnCompleteIn(serializers.Serializer[dict[str, Any]]):
    returned_on = serializers.DateField()
    handover_to = serializers.CharField(default="", allow_blank=True, max_length=200)


class ReasonIn(serializers.Serializer[dict[str, Any]]):
    reason = serializers.CharField(max_length=300)


class VisitIn(serializers.Serializer[dict[str, Any]]):
    visited_on = serializers.DateField()
    wellbeing = serializers.CharField(default="", allow_blank=True, max_length=200)
    note = serializers.CharField(default="", allow_blank=True)
    closes_follow_up = serializers.BooleanField(default=False)


class RestitutionIn(serializers.Serializer[dict[str, Any]]):
    amount_claimed = serializers.IntegerField(min_value=1)
    basis = serializers.CharField(max_length=300)


class RestitutionStepsIn(serializers.Serializer[dict[str, Any]]):
    """Only the steps sent are changed; send null to clear a step recorded by mistake."""

    version = serializers.IntegerField()
    in_demand_on = serializers.DateField(required=False, allow_null=True)
    ordered_on = serializers.DateField(required=False, allow_null=True)
    amount_ordered = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    final_notice_on = serializers.DateField(required=False, allow_null=True)
    court_notified_on = serializers.DateField(required=False, allow_null=True)
    warning_on = serializers.DateField(required=False, allow_null=True)
    seizure_on = serializers.DateField(required=False, allow_null=True)
    paid_on = serializers.DateField(required=False, allow_null=True)
    amount_paid = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    unpaid_closed_on = serializers.DateField(required=False, allow_null=True)


class VictimAssessments(APIView):
    permission_classes = [HasAction]
    required_action = Action.PROVIDE_SERVICE

    @extend_schema(request=AssessmentIn, responses={201: out.AssessmentOut})
    def post(self, request: Request, case_id: int, party_id: int) -> Response:
        party = _victim(request, case_id, party_id)
        data = AssessmentIn(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.assessment_record(
            actor=signed_in(request),
            party=party,
            needs=data.validated_data["needs"],
            notes=data.validated_data["notes"],
        )
        return Response({"id": row.pk, "needs": row.needs}, status=status.HTTP_201_CREATED)


class VictimServices(APIView):
    permission_classes = [HasAction]
    required_action = Action.PROVIDE_SERVICE

    @extend_schema(request=ServiceIn, responses={201: out.ServiceOut})
    def post(self, request: Request, case_id: int, party_id: int) -> Response:
        party = _victim(request, case_id, party_id)
        data = ServiceIn(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.service_plan(actor=signed_in(request), party=party, **data.validated_data)
        return Response(service_out(row, request.user), status=status.HTTP_201_CREATED)


class ServiceStatusStep(APIView):
    permission_classes = [HasAction]
    required_action = Action.PROVIDE_SERVICE

    @extend_schema(request=ServiceStatusIn, responses=out.ServiceOut)
    def post(self, request: Request, service_id: int) -> Response:
        row = _on_case(request, Service.objects.filter(pk=service_id).first())
        data = ServiceStatusIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.service_set_status(actor=signed_in(request), service=row, **data.validated_data)
        return Response(service_out(row, request.user))


class VictimReturns(APIView):
    permission_classes = [HasAction]
    required_action = Action.PROVIDE_SERVICE

    @extend_schema(request=ReturnIn, responses={201: out.ReturnOut})
    def post(self, request: Request, case_id: int, party_id: int) -> Response:
        party = _victim(request, case_id, party_id)
        data = ReturnIn(data=request.data)
        data.is_valid(raise_exception=True)
        d = dict(data.validated_data)
        d["home_region"] = _region_of(d.pop("home_region_code"))
        row = services.return_plan(actor=signed_in(request), party=party, **d)
        return Response(return_out(row, request.user), status=status.HTTP_201_CREATED)


class ReturnStep(APIView):
    """GET the return with its visits; POST update | complete | cancel | visits. The return is
    read without a step and changed with one: the other method answers 405."""

    permission_classes = [HasAction]
    required_action = Action.VIEW_CASE

    def _plan(self, request: Request, plan_id: int) -> ReturnPlan:
        row: ReturnPlan = _on_case(
            request,
            ReturnPlan.objects.filter(pk=plan_id).prefetch_related("visits").first(),
        )
        return row

    @extend_schema(responses=out.ReturnOut)
    def get(self, request: Request, plan_id: int, step: str = "") -> Response:
        if step:
            raise MethodNotAllowed(request.method or "GET")
        return Response(return_out(self._plan(request, plan_id), request.user))

    @extend_schema(
        request=ReturnUpdateIn,
        responses={200: out.ReturnOut, 201: out.VisitCreatedOut},
        parameters=[OpenApiParameter("step", str, OpenApiParameter.PATH, enum=RETURN_STEPS)],
        description="`update` (fields of the plan and `version`), `complete` (`completed_on`), "
        "`cancel` (`reason`) answer the plan; `visits` (a visit) answers 201 with its id.",
    )
    def post(self, request: Request, plan_id: int, step: str = "") -> Response:
        if not step:
            raise MethodNotAllowed(request.method or "POST")
        actor = signed_in(request)
        plan = self._plan(request, plan_id)
        if step == "update":
            data: Any = ReturnUpdateIn(data=request.data)
            data.is_valid(raise_exception=True)
            d = dict(data.validated_data)
            version = d.pop("version")
            if "home_region_code" in d:
                d["home_region"] = _region_of(d.pop("home_region_code"))
            services.return_update(actor=actor, plan=plan, version=version, **d)
        elif step == "complete":
            data = ReturnCompleteIn(data=request.data)
            data.is_valid(raise_exception=True)
            services.return_complete(actor=actor, plan=plan, **data.validated_data)
        elif step == "cancel":
            data = ReasonIn(data=request.data)
            data.is_valid(raise_exception=True)
            services.return_cancel(actor=actor, plan=plan, **data.validated_data)
        elif step == "visits":
            data = VisitIn(data=request.data)
            data.is_valid(raise_exception=True)
            visit = services.reintegration_visit(actor=actor, plan=plan, **data.validated_data)
            return Response({"id": visit.pk}, status=status.HTTP_201_CREATED)
        else:
            raise NotFound()
        return Response(return_out(self._plan(request, plan_id), request.user))


class ReturnDetail(ReturnStep):
    """GET the return with its visits (``protection/returns/<id>``)."""

    http_method_names = ["get", "head", "options"]


class ReturnChange(ReturnStep):
    """POST a step of the return (``protection/returns/<id>/<step>``)."""

    http_method_names = ["post", "options"]


class VictimRestitutions(APIView):
    permission_classes = [HasAction]
    required_action = Action.PROVIDE_SERVICE

    @extend_schema(request=RestitutionIn, responses={201: out.RestitutionOut})
    def post(self, request: Request, case_id: int, party_id: int) -> Response:
        party = _victim(request, case_id, party_id)
        data = RestitutionIn(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.restitution_claim(
            actor=signed_in(request), party=party, **data.validated_data
        )
        return Response(restitution_out(row, request.user), status=status.HTTP_201_CREATED)


class RestitutionDetail(APIView):
    """GET the claim; POST its steps (prosecution and court dates, payment)."""

    permission_classes = [HasAction]
    required_action = Action.VIEW_CASE

    @extend_schema(responses=out.RestitutionOut)
    def get(self, request: Request, restitution_id: int) -> Response:
        row = _on_case(request, Restitution.objects.filter(pk=restitution_id).first())
        return Response(restitution_out(row, request.user))

    @extend_schema(request=RestitutionStepsIn, responses=out.RestitutionOut)
    def post(self, request: Request, restitution_id: int) -> Response:
        row = _on_case(request, Restitution.objects.filter(pk=restitution_id).first())
        data = RestitutionStepsIn(data=request.data)
        data.is_valid(raise_exception=True)
        d = dict(data.validated_data)
        version = d.pop("version")
        services.restitution_update(actor=signed_in(request), restitution=row, version=version, **d)
        return Response(restitution_out(row, request.user))


def notification_out(n: Notification) -> dict[str, Any]:
    return {
        "id": n.pk,
        "case": n.case_id,
        "party": n.party_id,
        "timer_kind": n.timer_kind,
        "state": n.state,
        "due_at": n.due_at,
        "created_at": n.created_at,
        "read_at": n.read_at,
    }


class NotificationList(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_DASHBOARD

    @extend_schema(
        parameters=[OpenApiParameter("unread", bool, description="Only the unread ones.")],
        responses=out.NotificationOut(many=True),
    )
    def get(self, request: Request) -> Response:
        unread = request.query_params.get("unread") in ("1", "true")
        rows = selectors.notifications_for(user=request.user, unread_only=unread)[:200]
        return Response([notification_out(n) for n in rows])


class NotificationRead(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_DASHBOARD

    @extend_schema(request=None, responses=out.NotificationOut)
    def post(self, request: Request, notification_id: int) -> Response:
        row = selectors.notification_get(user=request.user, notification_id=notification_id)
        services.notification_read(actor=signed_in(request), notification=row)
        return Response(notification_out(row))
