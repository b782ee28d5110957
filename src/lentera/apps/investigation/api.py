"""Investigation endpoints under /api/v1/: a case's court orders, evidence register and
transfers (and the bank-statement import), the network around a person or a case, the agency's
alerts. Thin: parse, check the declared action, call one service or selector, serialise."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.permissions import HasAction
from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.models import Agency
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.investigation import network, policies, selectors, services
from lentera.apps.investigation.models import CourtOrder, EvidenceItem
from lentera.apps.investigation.services import TransferInput
from lentera.apps.investigation.vocab import (
    Channel,
    EvidenceKind,
    OrderKind,
    OrderOutcome,
    TrialStatus,
)
from lentera.apps.people.models import Person

READ_WRITE = {"GET": Action.VIEW_CASE, "POST": Action.MANAGE_PROCEEDINGS}


def _case(request: Request, case_id: int) -> Case:
    action = Action.VIEW_CASE if request.method == "GET" else Action.MANAGE_PROCEEDINGS
    return policies.case_for(request.user, case_id, action)


# --- court orders --------------------------------------------------------------------------


class OrderIn(serializers.Serializer[dict[str, Any]]):
    kind = serializers.ChoiceField(choices=OrderKind.choices)
    number = serializers.CharField(max_length=80)
    court = serializers.CharField(max_length=120)
    issued_on = serializers.DateField()
    valid_from = serializers.DateField()
    valid_until = serializers.DateField(required=False, allow_null=True, default=None)
    subject = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="id of a party of the case"
    )
    target = serializers.CharField(required=False, allow_blank=True, default="")


class OrderOutcomeIn(serializers.Serializer[dict[str, Any]]):
    outcome = serializers.ChoiceField(choices=OrderOutcome.choices[1:])
    on = serializers.DateField()
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    version = serializers.IntegerField()


class OrderOut(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="order.pk")
    kind = serializers.CharField(source="order.kind")
    number = serializers.CharField(source="order.number")
    court = serializers.CharField(source="order.court")
    agency = serializers.CharField(source="order.agency.name")
    issued_on = serializers.DateField(source="order.issued_on")
    valid_from = serializers.DateField(source="order.valid_from")
    valid_until = serializers.DateField(source="order.valid_until", allow_null=True)
    days_left = serializers.IntegerField(allow_null=True)
    target = serializers.CharField()
    outcome = serializers.CharField(source="order.outcome")
    outcome_on = serializers.DateField(source="order.outcome_on", allow_null=True)
    version = serializers.IntegerField(source="order.version")


class CaseCourtOrders(APIView):
    permission_classes = [HasAction]
    required_action = READ_WRITE

    @extend_schema(responses=OrderOut(many=True))
    def get(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        register = selectors.case_register(user=request.user, case=case)
        return Response(OrderOut(register.orders, many=True).data)

    @extend_schema(request=OrderIn, responses={201: OrderOut})
    def post(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        data = OrderIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        subject_id = values.pop("subject")
        subject = CaseParty.objects.filter(case=case, pk=subject_id).first() if subject_id else None
        if subject_id and subject is None:
            raise ValidationError({"subject": ["not a party of this case"]})
        order = services.order_record(
            actor=signed_in(request),
            case=case,
            subject=subject,
            today=timezone.localdate(),
            **values,
        )
        return Response(_order_out(request, case, order.pk), status=status.HTTP_201_CREATED)


def _order_out(request: Request, case: Case, order_id: int) -> Any:
    register = selectors.case_register(user=request.user, case=case)
    return OrderOut(next(r for r in register.orders if r.order.pk == order_id)).data


class CourtOrderOutcome(APIView):
    permission_classes = [HasAction]
    required_action = Action.MANAGE_PROCEEDINGS

    @extend_schema(request=OrderOutcomeIn, responses=OrderOut)
    def post(self, request: Request, case_id: int, order_id: int) -> Response:
        case = _case(request, case_id)
        order = CourtOrder.objects.filter(case=case, pk=order_id).first()
        if order is None:
            raise NotFound()
        data = OrderOutcomeIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.order_outcome(actor=signed_in(request), order=order, **data.validated_data)
        return Response(_order_out(request, case, order.pk))


# --- evidence register ----------------------------------------------------------------------


class EvidenceIn(serializers.Serializer[dict[str, Any]]):
    kind = serializers.ChoiceField(choices=EvidenceKind.choices)
    description = serializers.CharField(max_length=2000)
    seized_by = serializers.CharField(max_length=120)
    seized_at = serializers.DateTimeField()
    seized_place = serializers.CharField(max_length=300)
    storage_place = serializers.CharField(max_length=200)
    sha256 = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    file = serializers.FileField(required=False, allow_null=True, default=None)


class HandOverIn(serializers.Serializer[dict[str, Any]]):
    to_holder = serializers.CharField(max_length=120)
    to_agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.filter(is_active=True))
    at = serializers.DateTimeField()
    storage_place = serializers.CharField(max_length=200)
    purpose = serializers.CharField(max_length=200)
    version = serializers.IntegerField()


class TrialStatusIn(serializers.Serializer[dict[str, Any]]):
    status = serializers.ChoiceField(choices=TrialStatus.choices)
    version = serializers.IntegerField()


class CustodyOut(serializers.Serializer[Any]):
    at = serializers.DateTimeField()
    from_holder = serializers.CharField()
    from_agency = serializers.CharField(source="from_agency.name")
    to_holder = serializers.CharField()
    to_agency = serializers.CharField(source="to_agency.name")
    storage_place = serializers.CharField()
    purpose = serializers.CharField()


class EvidenceOut(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="item.pk")
    number = serializers.IntegerField(source="item.number")
    kind = serializers.CharField(source="item.kind")
    description = serializers.CharField(help_text="masked unless the reader may read it")
    seized_by = serializers.CharField(source="item.seized_by")
    seized_agency = serializers.CharField(source="item.seized_agency.name")
    seized_at = serializers.DateTimeField(source="item.seized_at")
    seized_place = serializers.CharField()
    storage_place = serializers.CharField(source="item.storage_place")
    holder = serializers.CharField(source="item.holder")
    holder_agency = serializers.CharField(source="item.holder_agency.name")
    sha256 = serializers.CharField(source="item.sha256")
    trial_status = serializers.CharField(source="item.trial_status")
    version = serializers.IntegerField(source="item.version")
    custody = CustodyOut(many=True)


def _item_out(request: Request, case: Case, item_id: int) -> Any:
    register = selectors.case_register(user=request.user, case=case)
    return EvidenceOut(next(r for r in register.items if r.item.pk == item_id)).data


def _item(case: Case, item_id: int) -> EvidenceItem:
    item = EvidenceItem.objects.filter(case=case, pk=item_id).first()
    if item is None:
        raise NotFound()
    return item


class CaseEvidence(APIView):
    permission_classes = [HasAction]
    required_action = READ_WRITE
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(responses=EvidenceOut(many=True))
    def get(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        register = selectors.case_register(user=request.user, case=case)
        return Response(EvidenceOut(register.items, many=True).data)

    @extend_schema(request=EvidenceIn, responses={201: EvidenceOut})
    def post(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        data = EvidenceIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        upload = values.pop("file")
        item = services.evidence_add(actor=signed_in(request), case=case, content=upload, **values)
        return Response(_item_out(request, case, item.pk), status=status.HTTP_201_CREATED)


class EvidenceHandOver(APIView):
    permission_classes = [HasAction]
    required_action = Action.MANAGE_PROCEEDINGS

    @extend_schema(request=HandOverIn, responses={201: EvidenceOut})
    def post(self, request: Request, case_id: int, evidence_id: int) -> Response:
        case = _case(request, case_id)
        item = _item(case, evidence_id)
        data = HandOverIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.evidence_hand_over(actor=signed_in(request), item=item, **data.validated_data)
        return Response(_item_out(request, case, item.pk), status=status.HTTP_201_CREATED)


class EvidenceTrialStatus(APIView):
    permission_classes = [HasAction]
    required_action = Action.MANAGE_PROCEEDINGS

    @extend_schema(request=TrialStatusIn, responses=EvidenceOut)
    def post(self, request: Request, case_id: int, evidence_id: int) -> Response:
        case = _case(request, case_id)
        item = _item(case, evidence_id)
        data = TrialStatusIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.evidence_trial_status(actor=signed_in(request), item=item, **data.validated_data)
        return Response(_item_out(request, case, item.pk))


# --- transfers ------------------------------------------------------------------------------


class TransferIn(serializers.Serializer[dict[str, Any]]):
    channel = serializers.ChoiceField(choices=Channel.choices)
    amount = serializers.IntegerField(min_value=1)
    on = serializers.DateField()
    from_person = serializers.IntegerField(required=False, allow_null=True, default=None)
    from_provider = serializers.CharField(
        max_length=60, required=False, allow_blank=True, default=""
    )
    from_account = serializers.CharField(
        max_length=60, required=False, allow_blank=True, default=""
    )
    to_person = serializers.IntegerField(required=False, allow_null=True, default=None)
    to_provider = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    to_account = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    reference = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")


class TransferOut(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="t.pk")
    channel = serializers.CharField(source="t.channel")
    amount = serializers.IntegerField(source="t.amount")
    on = serializers.DateField(source="t.on")
    from_person = serializers.CharField()
    from_provider = serializers.CharField(source="t.from_provider")
    from_account = serializers.CharField(help_text="masked: the page shows numbers, logged")
    to_person = serializers.CharField()
    to_provider = serializers.CharField(source="t.to_provider")
    to_account = serializers.CharField(help_text="masked")
    reference = serializers.CharField(source="t.reference")


class StatementIn(serializers.Serializer[dict[str, Any]]):
    file = serializers.FileField(required=False, allow_null=True, default=None)
    csv = serializers.CharField(required=False, allow_blank=True, default="")


class ImportOut(serializers.Serializer[Any]):
    imported = serializers.IntegerField()
    total = serializers.IntegerField()


def _person(case: Case, person_id: int | None, field: str) -> Person | None:
    if person_id is None:
        return None
    person = Person.objects.filter(pk=person_id, case_roles__case=case).first()
    if person is None:
        raise ValidationError({field: ["not a person of this case"]})
    return person


class CaseTransfers(APIView):
    permission_classes = [HasAction]
    required_action = READ_WRITE

    @extend_schema(responses=TransferOut(many=True))
    def get(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        register = selectors.case_register(user=request.user, case=case)
        return Response(TransferOut(register.transfers, many=True).data)

    @extend_schema(request=TransferIn, responses={201: TransferOut})
    def post(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        data = TransferIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values["from_person"] = _person(case, values["from_person"], "from_person")
        values["to_person"] = _person(case, values["to_person"], "to_person")
        transfer = services.transfer_record(
            actor=signed_in(request), case=case, row=TransferInput(**values)
        )
        register = selectors.case_register(user=request.user, case=case)
        row = next(r for r in register.transfers if r.t.pk == transfer.pk)
        return Response(TransferOut(row).data, status=status.HTTP_201_CREATED)


class CaseStatementImport(APIView):
    """A bank statement as a CSV file (multipart ``file``) or text (``csv``): every row is
    saved, or none, with one error per row."""

    permission_classes = [HasAction]
    required_action = Action.MANAGE_PROCEEDINGS
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(request=StatementIn, responses={201: ImportOut})
    def post(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        data = StatementIn(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        content = upload.read() if upload is not None else data.validated_data["csv"].encode()
        if not content:
            raise ValidationError({"file": ["send the statement as file or csv"]})
        result = services.statement_import(
            actor=signed_in(request),
            case=case,
            content=content,
            filename=getattr(upload, "name", "") or "statement.csv",
        )
        body = {"imported": len(result.saved), "total": sum(t.amount for t in result.saved)}
        return Response(ImportOut(body).data, status=status.HTTP_201_CREATED)


class CallsIn(serializers.Serializer[dict[str, Any]]):
    file = serializers.FileField(required=False, allow_null=True, default=None)
    csv = serializers.CharField(required=False, allow_blank=True, default="")


class CallOut(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="c.pk")
    kind = serializers.CharField(source="c.kind")
    at = serializers.DateTimeField(source="c.at")
    caller = serializers.CharField(help_text="masked")
    callee = serializers.CharField(help_text="masked")
    duration_seconds = serializers.IntegerField(source="c.duration_seconds")


class CaseCalls(APIView):
    """The case's call records (numbers masked); import a file of them (multipart ``file`` or
    ``csv`` text): every row is saved, or none, with one error per row."""

    permission_classes = [HasAction]
    required_action = READ_WRITE
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(responses=CallOut(many=True))
    def get(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        register = selectors.case_register(user=request.user, case=case)
        return Response(CallOut(register.calls, many=True).data)

    @extend_schema(request=CallsIn, responses={201: ImportOut})
    def post(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        data = CallsIn(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        content = upload.read() if upload is not None else data.validated_data["csv"].encode()
        if not content:
            raise ValidationError({"file": ["send the call records as file or csv"]})
        rows = services.calls_import(
            actor=signed_in(request),
            case=case,
            content=content,
            filename=getattr(upload, "name", "") or "calls.csv",
        )
        body = {"imported": len(rows), "total": sum(r.duration_seconds for r in rows)}
        return Response(ImportOut(body).data, status=status.HTTP_201_CREATED)


# --- the network and the alerts -------------------------------------------------------------


class NetworkOut(serializers.Serializer[Any]):
    start = serializers.CharField()
    elements = serializers.ListField(child=serializers.DictField())
    rings = serializers.ListField(child=serializers.DictField())
    brokers = serializers.ListField(child=serializers.DictField())
    money = serializers.ListField(child=serializers.DictField())
    paths = serializers.ListField(child=serializers.DictField())
    new_links = serializers.IntegerField()
    hidden = serializers.IntegerField()


def _day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError({name: ["give a date as YYYY-MM-DD"]}) from None


class Network(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_CASE

    @extend_schema(
        parameters=[
            OpenApiParameter("start", str, required=True, description="case:<id> or person:<id>"),
            OpenApiParameter("depth", int, required=False),
            OpenApiParameter("roles", str, required=False, description="comma-separated"),
            OpenApiParameter("since", str, required=False, description="YYYY-MM-DD"),
            OpenApiParameter("until", str, required=False, description="YYYY-MM-DD"),
        ],
        responses=NetworkOut,
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        if not params.get("start"):
            raise ValidationError({"start": ["give case:<id> or person:<id>"]})
        try:
            depth = min(max(int(params.get("depth", "3")), 1), 5)
        except ValueError:
            raise ValidationError({"depth": ["a whole number 1-5"]}) from None
        view = network.network_view(
            user=request.user,
            start=params.get("start", ""),
            depth=depth,
            roles=frozenset(r for r in params.get("roles", "").split(",") if r),
            since=_day(params.get("since"), "since"),
            until=_day(params.get("until"), "until"),
            today=timezone.localdate(),
        )
        return Response(NetworkOut(asdict(view)).data)


class AlertOut(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    own_record = serializers.CharField()
    case = serializers.IntegerField(source="case_id", allow_null=True)
    held_by = serializers.CharField(source="holder.name", allow_null=True, default=None)
    due_on = serializers.DateField(allow_null=True)
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)


class Alerts(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_DASHBOARD

    @extend_schema(responses=AlertOut(many=True))
    def get(self, request: Request) -> Response:
        return Response(AlertOut(services.alerts_for(request.user)[:200], many=True).data)
