"""REST endpoints of the intake module (mounted under /api/v1/). Thin: parse, check the declared
action, call one selector or service, serialise."""

from __future__ import annotations

import base64
import json
import zoneinfo
from datetime import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.permissions import HasAction
from lentera.api.schema import PAGE, paginated
from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound
from lentera.apps.accounts.ratelimit import ScopeThrottle
from lentera.apps.cases.policies import cases
from lentera.apps.intake import selectors, services
from lentera.apps.intake import serializers as s
from lentera.apps.intake.models import Complaint, RoutingRule, YesNoUnknown
from lentera.apps.intake.policies import complaints
from lentera.apps.intake.routing_forms import RoutePreviewForm
from lentera.apps.intake.routing_views import preview
from lentera.apps.intake.services.routing_rules import routing_rule_save
from lentera.apps.people.serializers import IdentityRequest
from lentera.apps.reference.models import Region

PERMS = [HasAction]
RELATED = ("receiving_agency", "routed_agency", "region", "case")


def _facts_and_reporter(data: dict[str, Any]) -> tuple[services.FactsInput, services.ReporterInput]:
    facts = services.FactsInput(
        narrative=data["narrative"],
        place=data["place"],
        region=data.get("region"),
        people_count=data.get("people_count"),
        any_child=data["any_child"],
        any_man=data["any_man"],
        involves_child=data["involves_child"],
        danger_now=data["danger_now"],
        departure_today=data["departure_today"],
        migrant_worker=data["migrant_worker"],
    )
    reporter = services.ReporterInput(
        name=data["reporter_name"],
        phone=data["reporter_phone"],
        email=data["reporter_email"],
        address=data["reporter_address"],
        anonymous=data["reporter_anonymous"],
        confidential=data["reporter_confidential"],
        relation=data["reporter_relation"],
    )
    return facts, reporter


def _get(request: Request, complaint_id: int) -> Complaint:
    return complaints.get_for(
        request.user,
        Action.VIEW_COMPLAINT,
        complaint_id,
        queryset=Complaint.objects.select_related(*RELATED),
    )


LIST_FILTERS = [
    OpenApiParameter(name, str, required=False)
    for name in ("status", "channel", "urgency", "region", "child", "q", "order")
] + [
    OpenApiParameter("received_from", datetime, required=False),
    OpenApiParameter("received_to", datetime, required=False),
    PAGE,
]


class ComplaintList(APIView):
    """Complaints the user may see (GET), or register one taken by phone, at the desk, from a
    police report, a posko referral or the media (POST)."""

    permission_classes = PERMS
    required_action = {"GET": Action.VIEW_COMPLAINT, "POST": Action.REGISTER_COMPLAINT}

    @extend_schema(parameters=LIST_FILTERS, responses=paginated(s.ComplaintOut))
    def get(self, request: Request) -> Response:
        params = request.query_params
        dates: dict[str, Any] = {}
        for key in ("received_from", "received_to"):
            value = params.get(key, "")
            try:
                dates[key] = datetime.fromisoformat(value).date() if value else None
            except ValueError:
                return Response({key: [_("Enter a valid date.")]}, status=400)
        qs = selectors.complaint_list(
            user=request.user,
            status=params.get("status", ""),
            channel=params.get("channel", ""),
            urgency=params.get("urgency", ""),
            region=params.get("region", ""),
            child=params.get("child", ""),
            q=params.get("q", ""),
            order=params.get("order", "newest"),
            **dates,
        )
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(qs, request, view=self) or []
        return paginator.get_paginated_response(s.ComplaintOut(page, many=True).data)

    @extend_schema(request=s.ComplaintIn, responses={201: s.ComplaintOut})
    def post(self, request: Request) -> Response:
        data = s.ComplaintIn(data=request.data)
        data.is_valid(raise_exception=True)
        facts, reporter = _facts_and_reporter(data.validated_data)
        complaint = services.complaint_register(
            actor=signed_in(request),
            channel=data.validated_data["channel"],
            received_at=data.validated_data.get("received_at"),
            facts=facts,
            reporter=reporter,
            acknowledged_verbally=data.validated_data["acknowledged_verbally"],
        )
        return Response(s.ComplaintOut(complaint).data, status=status.HTTP_201_CREATED)


class ComplaintDetail(APIView):
    """One complaint; the handling agencies also get the account and the place (logged)."""

    permission_classes = PERMS
    required_action = Action.VIEW_COMPLAINT

    @extend_schema(responses=s.ComplaintDetailOut)
    def get(self, request: Request, complaint_id: int) -> Response:
        complaint = _get(request, complaint_id)
        body = dict(s.ComplaintOut(complaint).data)
        content: dict[str, Any] = {"narrative": None, "place": None}
        if complaints.is_handler(request.user, complaint):
            content = services.narrative_read(
                user=signed_in(request), complaint=complaint, channel="api"
            )
        return Response(body | content)


class ComplaintTriage(APIView):
    """Confirm or override the triage; ``version`` is the one you read (a complaint changed
    meanwhile answers 409 with code ``conflict``)."""

    permission_classes = PERMS
    required_action = Action.TRIAGE_COMPLAINT

    @extend_schema(request=s.TriageIn, responses=s.ComplaintOut)
    def post(self, request: Request, complaint_id: int) -> Response:
        complaint = _get(request, complaint_id)
        data = s.TriageIn(data=request.data)
        data.is_valid(raise_exception=True)
        triaged = services.complaint_triage(
            actor=signed_in(request), complaint=complaint, **data.validated_data
        )
        return Response(s.ComplaintOut(triaged).data)


class ComplaintReporter(APIView):
    """Who reported the complaint; the purpose is required and the read is logged."""

    permission_classes = PERMS
    required_action = Action.VIEW_IDENTITY

    @extend_schema(request=IdentityRequest, responses=s.ReporterOut)
    def post(self, request: Request, complaint_id: int) -> Response:
        complaint = _get(request, complaint_id)
        data = IdentityRequest(data=request.data)
        data.is_valid(raise_exception=True)
        identity = services.reporter_reveal(
            user=signed_in(request), complaint=complaint, channel="api", **data.validated_data
        )
        return Response(identity)


def _agency_zone(request: Request) -> zoneinfo.ZoneInfo:
    agency = signed_in(request).agency
    return zoneinfo.ZoneInfo(agency.time_zone if agency is not None else settings.TIME_ZONE)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class Gateway(APIView):
    """SMS and WhatsApp messages from the gateway. Every authenticated request with the
    permission stores a complaint with the whole message, however malformed; the answer gives
    the tracking code and the reply to send back (in Indonesian)."""

    permission_classes = PERMS
    required_action = Action.REGISTER_COMPLAINT

    @extend_schema(request=s.GatewayIn, responses={201: s.GatewayOut, 200: s.GatewayOut})
    def post(self, request: Request) -> Response:
        body: bytes = request.body  # read before anything parses it: nothing may be lost
        flags: list[str] = []
        try:
            payload: Any = json.loads(body.decode("utf-8")) if body.strip() else {}
        except (UnicodeDecodeError, ValueError):
            payload = None
        kwargs: dict[str, Any]
        if not isinstance(payload, dict):
            flags.append("bad_request")
            kwargs = {"channel": "", "raw": base64.b64encode(body).decode("ascii")}
        else:
            text, raw = _text(payload.get("text")), _text(payload.get("raw"))
            if text is None and raw is None:
                flags.append("no_text")
                text = body.decode("utf-8", errors="replace")
            received_at = None
            if payload.get("received_at"):
                try:
                    received_at = parse_datetime(str(payload["received_at"]))
                except ValueError:
                    received_at = None
                if received_at is None:
                    flags.append("bad_received_at")
                elif timezone.is_naive(received_at):  # the gateway's local time
                    received_at = timezone.make_aware(received_at, _agency_zone(request))
            kwargs = {
                "channel": str(payload.get("channel") or ""),
                "sender": str(payload.get("sender") or ""),
                "text": text,
                "raw": raw,
                "received_at": received_at,
                "message_id": str(payload.get("message_id") or ""),
            }
        receipt = services.complaint_receive_gateway(
            actor=signed_in(request), extra_flags=tuple(flags), **kwargs
        )
        complaint = receipt.complaint
        return Response(
            {
                "id": complaint.pk,
                "tracking_code": complaint.tracking_code,
                "reply": receipt.reply,
                "created": receipt.created,
                "flags": complaint.parse_flags,
            },
            status=status.HTTP_201_CREATED if receipt.created else status.HTTP_200_OK,
        )


class PublicComplaint(APIView):
    """A citizen's complaint, without an account (rate-limited per address)."""

    public = True
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopeThrottle]
    throttle_scope = "report"

    @extend_schema(request=s.PublicComplaintIn, responses={201: s.PublicReceiptOut}, auth=[])
    def post(self, request: Request) -> Response:
        data = s.PublicComplaintIn(data=request.data)
        data.is_valid(raise_exception=True)
        facts, reporter = _facts_and_reporter(data.validated_data)
        complaint = services.complaint_submit_public(facts=facts, reporter=reporter)
        return Response(
            {
                "tracking_code": complaint.tracking_code,
                "message": _(
                    "Your report has been received. Keep the tracking code to follow it on the "
                    "status page."
                ),
            },
            status=status.HTTP_201_CREATED,
        )


class PublicStatus(APIView):
    """The status of a complaint by its tracking code; the same 404 for a malformed and for an
    unknown code."""

    public = True
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopeThrottle]
    throttle_scope = "status"

    @extend_schema(responses={200: s.PublicStatusOut}, auth=[])
    def get(self, request: Request, code: str) -> Response:
        result = selectors.public_status(code=code)
        if result is None:
            return Response({"detail": _("No report has this code.")}, status=404)
        return Response(
            {
                "tracking_code": result.tracking_code,
                "received_on": result.received_on,
                "status": result.status,
                "text": result.text,
                "note": result.note,
            }
        )


class ComplaintCase(APIView):
    """Take the complaint up: attach it to a case you may see (``case``) or open a new case from
    it (``title`` and ``region``). Triage officers of the receiving or routed agency may, and so
    may its users who edit (attach) or open (new case) case files, e.g. the police unit a
    complaint was routed to."""

    permission_classes = PERMS
    required_action = Action.VIEW_COMPLAINT

    @extend_schema(request=s.ComplaintCaseIn, responses=s.ComplaintCaseOut)
    def post(self, request: Request, complaint_id: int) -> Response:
        actor = signed_in(request)
        complaint = _get(request, complaint_id)
        data = s.ComplaintCaseIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if values["case"] is not None:
            case = cases.get_for(actor, Action.VIEW_CASE, values["case"])
            services.complaint_attach(
                actor=actor, complaint=complaint, case=case, version=values["version"]
            )
            opened = False
        else:
            region = Region.objects.filter(code=values["region"].strip()).first()
            errors = {}
            if not values["title"].strip():
                errors["title"] = [_("Give the case a short title.")]
            if region is None:
                errors["region"] = [_("Give the region of the case.")]
            if errors or region is None:
                raise ValidationError(errors)
            case = services.complaint_open_case(
                actor=actor,
                complaint=complaint,
                title=values["title"],
                region=region,
                version=values["version"],
            )
            opened = True
        return Response(
            {
                "complaint": complaint.pk,
                "case": case.pk,
                "reference": case.reference,
                "opened": opened,
            }
        )


class RoutingRules(APIView):
    """The routing rules (region × category × age band → agencies); every signed-in user reads
    them, administrators add them."""

    permission_classes = PERMS
    required_action = {"GET": Action.VIEW_DASHBOARD, "POST": Action.MANAGE_REFERENCE}

    @extend_schema(responses=s.RoutingRuleIO(many=True))
    def get(self, request: Request) -> Response:
        rules = RoutingRule.objects.select_related("region")
        return Response([s.RoutingRuleIO(rule).data for rule in rules])

    @extend_schema(request=s.RoutingRuleIO, responses={201: s.RoutingRuleIO})
    def post(self, request: Request) -> Response:
        data = s.RoutingRuleIO(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values.pop("version", None)
        rule = routing_rule_save(actor=signed_in(request), **values)
        return Response(s.RoutingRuleIO(rule).data, status=status.HTTP_201_CREATED)


class RoutingRuleDetail(APIView):
    """One routing rule; ``PUT`` replaces it (``version`` is the one you read: 409 otherwise)."""

    permission_classes = PERMS
    required_action = {"GET": Action.VIEW_DASHBOARD, "PUT": Action.MANAGE_REFERENCE}

    def _rule(self, rule_id: int) -> RoutingRule:
        rule = RoutingRule.objects.select_related("region").filter(pk=rule_id).first()
        if rule is None:
            raise NotFound()
        return rule

    @extend_schema(responses=s.RoutingRuleIO)
    def get(self, request: Request, rule_id: int) -> Response:
        return Response(s.RoutingRuleIO(self._rule(rule_id)).data)

    @extend_schema(request=s.RoutingRuleIO, responses=s.RoutingRuleIO)
    def put(self, request: Request, rule_id: int) -> Response:
        rule = self._rule(rule_id)
        data = s.RoutingRuleIO(data=request.data)
        data.is_valid(raise_exception=True)
        rule = routing_rule_save(actor=signed_in(request), rule=rule, **data.validated_data)
        return Response(s.RoutingRuleIO(rule).data)


class RoutePreview(APIView):
    """Where a report would go: the same rules as on receipt, for the facts given."""

    permission_classes = PERMS
    required_action = Action.VIEW_DASHBOARD

    @extend_schema(
        parameters=[
            OpenApiParameter("region", str, required=False),
            OpenApiParameter("involves_child", str, required=False, enum=YesNoUnknown.values),
            OpenApiParameter("danger_now", bool, required=False),
            OpenApiParameter("departure_today", bool, required=False),
            OpenApiParameter("migrant_worker", bool, required=False),
        ],
        responses=s.RoutePreviewOut,
    )
    def get(self, request: Request) -> Response:
        query = request.query_params
        form = RoutePreviewForm(
            {
                "region_code": query.get("region", ""),
                "involves_child": query.get("involves_child", YesNoUnknown.UNKNOWN),
                "danger_now": query.get("danger_now") in ("1", "true", "yes"),
                "departure_today": query.get("departure_today") in ("1", "true", "yes"),
                "migrant_worker": query.get("migrant_worker") in ("1", "true", "yes"),
            }
        )
        if not form.is_valid():
            raise ValidationError(form.errors.get_json_data())
        found = preview(form.cleaned_data)
        return Response(
            {
                "agency": found.agency.pk if found.agency else None,
                "agency_name": str(found.agency) if found.agency else None,
                "rule": found.rule.pk if found.rule else None,
                "code": found.code,
                "task_force": found.task_force.pk if found.task_force else None,
                "task_force_name": str(found.task_force) if found.task_force else None,
            }
        )
