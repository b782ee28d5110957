"""Proceedings endpoints under /api/v1/. Thin: parse, check the declared action, call one
selector or service, serialise."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.pagination import CappedPagination
from lentera.api.permissions import HasAction
from lentera.api.schema import PAGE, paginated
from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.models import Agency, AgencyType
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound, Requester
from lentera.apps.cases.models import CaseParty
from lentera.apps.cases.policies import cases
from lentera.apps.justice import deadlines as d
from lentera.apps.justice import selectors, services
from lentera.apps.justice import serializers as out
from lentera.apps.justice.models import Proceeding
from lentera.apps.justice.policies import proceedings
from lentera.apps.justice.vocab import Stage
from lentera.apps.justice.watching import on_watch


def _prosecutors() -> Any:
    return Agency.objects.filter(agency_type=AgencyType.PROSECUTOR, is_active=True)


class ProceedingIn(serializers.Serializer[dict[str, Any]]):
    suspect = serializers.IntegerField(help_text="id of the case party (role suspect)")
    police_report_date = serializers.DateField()
    police_report_number = serializers.CharField(
        max_length=80, required=False, allow_blank=True, default=""
    )
    prosecution_agency = serializers.PrimaryKeyRelatedField(
        queryset=_prosecutors(), required=False, allow_null=True, default=None
    )


class StageIn(serializers.Serializer[dict[str, Any]]):
    stage = serializers.ChoiceField(choices=Stage.choices)
    on = serializers.DateField()
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    instructions = serializers.CharField(required=False, allow_blank=True, default="")
    decided_on = serializers.DateField(required=False, allow_null=True, default=None)
    prosecution_agency = serializers.PrimaryKeyRelatedField(
        queryset=_prosecutors(), required=False, allow_null=True, default=None
    )


def deadline_out(x: d.Deadline) -> dict[str, Any]:
    return {
        "code": x.code,
        "kind": x.kind.value,
        "basis": x.basis,
        "start": x.start,
        "due": x.due,
        "status": x.status.value,
        "met_on": x.met_on,
        "days_left": x.days_left,
        "detail": x.detail,
    }


def proceeding_out(
    user: Requester, p: Proceeding, w: selectors.Watch, *, full: bool = False
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": p.pk,
        "case": p.case_id,
        "case_reference": p.case.reference,
        "suspect": p.suspect_id,
        "suspect_initials": p.suspect.person.initials,
        "network_role": p.suspect.network_role,
        "police_agency": p.police_agency_id,
        "prosecution_agency": p.prosecution_agency_id,
        "police_report_number": p.police_report_number,
        "police_report_date": p.police_report_date,
        "procedure_code": p.procedure_code,
        "current_stage": p.current_stage,
        "last_movement_at": p.last_movement_at,
        "stalled": w.stalled,
        "overdue": [x.code for x in w.overdue],
        "outcome": p.outcome,
    }
    if proceedings.can_see_complicity(user):
        body["is_official"] = p.suspect.is_official
    if full:
        notes = proceedings.can_read_notes(user, p)
        body["stages"] = [
            {
                "stage": e.stage,
                "on": e.on,
                "decided_on": e.decided_on,
                "instructions": e.instructions if notes else None,
                "note": e.note if notes else None,
            }
            for e in p.events.all()
        ]
        body["deadlines"] = [deadline_out(x) for x in w.deadlines]
        body["detentions"] = [
            {
                "id": x.pk,
                "level": x.level,
                "start": x.start,
                "end": x.end,
                "extension_days": x.extension_days,
                "exceptional_days": x.exceptional_days,
            }
            for x in p.detentions.all()
        ]
        body["charges"] = [
            {"step": c.step, "articles": c.articles, "snapshot": c.snapshot_id}
            for c in p.charges.all()
        ]
        body["sentence"] = {
            "outcome_on": p.outcome_on,
            "prison_months": p.prison_months,
            "fine": p.fine,
            "restitution_ordered": p.restitution_ordered,
            "dismissal_reason": p.dismissal_reason,
        }
    return body


def _flag(value: str | None) -> bool | None:
    if value in (None, ""):
        return None
    if value.lower() in ("1", "true", "yes"):
        return True
    if value.lower() in ("0", "false", "no"):
        return False
    raise ValidationError({"detail": [f"expected true or false, got {value!r}"]})


class ProceedingList(APIView):
    permission_classes = [HasAction]
    required_action = {"GET": Action.VIEW_CASE, "POST": Action.MANAGE_PROCEEDINGS}

    @extend_schema(
        parameters=[
            OpenApiParameter("stalled", bool, required=False),
            OpenApiParameter("overdue", bool, required=False),
            OpenApiParameter("case", int, required=False),
            PAGE,
        ],
        responses=paginated(out.ProceedingOut),
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        stalled, overdue = _flag(params.get("stalled")), _flag(params.get("overdue"))
        case_raw = params.get("case", "")
        if case_raw and not (case_raw.isascii() and case_raw.isdigit() and len(case_raw) < 19):
            raise ValidationError({"case": ["expected a case id"]})
        qs = selectors.proceeding_list(
            user=request.user, case_id=int(case_raw) if case_raw else None
        )
        today = timezone.localdate()
        paginator = CappedPagination()
        if stalled is None and overdue is None:
            # a page of rows from the database; deadlines worked out for that page only
            found = paginator.paginate_queryset(qs, request, view=self) or []
            page = selectors.watch(found, today=today)
        else:
            if stalled or overdue:  # only proceedings whose watch day has come can be either
                qs = on_watch(qs, today)
            rows = selectors.watch(qs, today=today)
            if stalled is not None:
                rows = [w for w in rows if w.stalled is stalled]
            if overdue is not None:
                rows = [w for w in rows if bool(w.overdue) is overdue]
            page = paginator.paginate_queryset(rows, request, view=self) or []
        return paginator.get_paginated_response(
            [proceeding_out(request.user, w.proceeding, w) for w in page]
        )

    @extend_schema(request=ProceedingIn, responses={201: out.ProceedingDetailOut})
    def post(self, request: Request) -> Response:
        actor = signed_in(request)
        data = ProceedingIn(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        party = CaseParty.objects.select_related("case").filter(pk=v["suspect"]).first()
        if party is None or not cases.can(actor, Action.VIEW_CASE, party.case):
            raise NotFound()
        p = services.proceeding_open(
            actor=actor,
            suspect=party,
            police_report_date=v["police_report_date"],
            police_report_number=v["police_report_number"],
            prosecution_agency=v["prosecution_agency"],
        )
        return _detail(request, p.pk, status.HTTP_201_CREATED)


def _detail(request: Request, proceeding_id: int, code: int = status.HTTP_200_OK) -> Response:
    p = proceedings.get_for(
        request.user,
        Action.VIEW_CASE,
        proceeding_id,
        queryset=selectors.proceeding_list(user=request.user),
    )
    (w,) = selectors.watch([p], today=timezone.localdate())
    return Response(proceeding_out(request.user, p, w, full=True), status=code)


class ProceedingDetail(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_CASE

    @extend_schema(responses=out.ProceedingDetailOut)
    def get(self, request: Request, proceeding_id: int) -> Response:
        return _detail(request, proceeding_id)


class ProceedingStages(APIView):
    permission_classes = [HasAction]
    required_action = Action.MANAGE_PROCEEDINGS

    @extend_schema(request=StageIn, responses={201: out.ProceedingDetailOut})
    def post(self, request: Request, proceeding_id: int) -> Response:
        actor = signed_in(request)
        p = proceedings.get_to_act(
            actor, Action.MANAGE_PROCEEDINGS, proceeding_id, read=Action.VIEW_CASE
        )
        data = StageIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.stage_record(actor=actor, proceeding=p, **data.validated_data)
        return _detail(request, p.pk, status.HTTP_201_CREATED)


class ProceedingStatistics(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_STATISTICS

    @extend_schema(
        parameters=[
            OpenApiParameter("from", str, required=True, description="YYYY-MM-DD"),
            OpenApiParameter("to", str, required=True, description="YYYY-MM-DD"),
            OpenApiParameter("region", str, required=False),
        ],
        responses=out.ProceedingStatisticsOut,
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        try:
            start = date.fromisoformat(params.get("from", ""))
            end = date.fromisoformat(params.get("to", ""))
        except ValueError:
            raise ValidationError({"from": ["give from and to as YYYY-MM-DD"]}) from None
        if start > end:
            raise ValidationError({"to": ["the period ends before it starts"]})
        region = params.get("region", "")
        kupang = selectors.kupang_table(user=request.user, start=start, end=end, region=region)
        tip = selectors.tip_figures(user=request.user, start=start, end=end, region=region)
        return Response(
            {
                "from": start,
                "to": end,
                "region": region,
                "police_reports": asdict(kupang),
                "law_enforcement": asdict(tip),
            }
        )
