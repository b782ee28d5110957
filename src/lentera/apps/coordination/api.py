"""Coordination endpoints under /api/v1/: meetings (list, schedule, one with its minutes) and
action items (the caller's, and closing one with proof). Thin: parse, check the declared action,
call one selector or service, serialise."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.permissions import HasAction
from lentera.api.schema import PAGE, paginated
from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.models import Agency, SubTaskForce, TaskForce
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound
from lentera.apps.coordination import notices, scorecard, selectors, services
from lentera.apps.coordination import serializers as out
from lentera.apps.coordination.models import ActionItem, Meeting, Notice
from lentera.apps.coordination.policies import meetings
from lentera.apps.coordination.vocab import MeetingKind, RecordKind


class MeetingIn(serializers.Serializer[dict[str, Any]]):
    task_force = serializers.PrimaryKeyRelatedField(queryset=TaskForce.objects.all())
    title = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=MeetingKind.choices, default=MeetingKind.REGULAR)
    starts_at = serializers.DateTimeField()
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    agencies = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.filter(is_active=True), many=True
    )
    sub_task_force = serializers.PrimaryKeyRelatedField(
        queryset=SubTaskForce.objects.all(), required=False, allow_null=True, default=None
    )


class CancelIn(serializers.Serializer[dict[str, Any]]):
    version = serializers.IntegerField()
    reason = serializers.CharField(max_length=300)


class CloseIn(serializers.Serializer[dict[str, Any]]):
    version = serializers.IntegerField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    record_kind = serializers.ChoiceField(
        choices=RecordKind.choices, required=False, allow_blank=True, default=""
    )
    record_id = serializers.IntegerField(required=False, allow_null=True, default=None)


def item_out(ai: ActionItem) -> dict[str, Any]:
    return {
        "id": ai.pk,
        "meeting": ai.decision.meeting_id,
        "decision": ai.decision.number,
        "agency": ai.agency_id,
        "agency_name": ai.agency.name,
        "officer": ai.officer_id,
        "task": ai.task,
        "due_on": ai.due_on,
        "status": ai.status,
        "overdue": ai.status == "open" and ai.due_on < timezone.localdate(),
        "version": ai.version,
        "closed_at": ai.closed_at,
        "on_time": ai.on_time,
        "proof": {
            "note": ai.proof_note,
            "file": ai.proof_filename or None,
            "record": {"kind": ai.proof_record_kind, "id": ai.proof_record_id}
            if ai.proof_record_kind
            else None,
        },
    }


def meeting_out(m: Meeting, *, full: bool = False) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": m.pk,
        "task_force": m.task_force_id,
        "sub_task_force": m.sub_task_force_id,
        "kind": m.kind,
        "title": m.title,
        "starts_at": m.starts_at,
        "place": m.place,
        "status": m.status,
        "version": m.version,
        "approved_at": m.approved_at,
    }
    if full:
        body["invitations"] = [
            {"agency": i.agency_id, "agency_name": i.agency.name, "attendance": i.attendance}
            for i in m.invitations.all()
        ]
        body["agenda"] = [
            {
                "position": a.position,
                "topic": a.topic,
                "case_reference": a.case.reference if a.case else None,
            }
            for a in m.agenda.all()
        ]
        body["minutes"] = m.minutes
        body["decisions"] = [
            {"number": d.number, "text": d.text, "items": [item_out(i) for i in d.items.all()]}
            for d in m.decisions.all()
        ]
    return body


class MeetingList(APIView):
    permission_classes = [HasAction]
    required_action = Action.MANAGE_MEETINGS

    @extend_schema(parameters=[PAGE], responses=paginated(out.MeetingOut))
    def get(self, request: Request) -> Response:
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(selectors.meeting_list(user=request.user), request, self)
        return paginator.get_paginated_response([meeting_out(m) for m in page or []])

    @extend_schema(request=MeetingIn, responses={201: out.MeetingDetailOut})
    def post(self, request: Request) -> Response:
        actor = signed_in(request)
        data = MeetingIn(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        if (
            not meetings.task_forces(actor, Action.MANAGE_MEETINGS)
            .filter(pk=v["task_force"].pk)
            .exists()
        ):
            raise NotFound()
        m = services.meeting_schedule(actor=actor, **v)
        full = selectors.meeting_get(user=actor, meeting_id=m.pk)
        return Response(meeting_out(full, full=True), status=status.HTTP_201_CREATED)


class MeetingDetail(APIView):
    permission_classes = [HasAction]
    required_action = Action.MANAGE_MEETINGS

    @extend_schema(responses=out.MeetingDetailOut)
    def get(self, request: Request, meeting_id: int) -> Response:
        m = selectors.meeting_get(user=request.user, meeting_id=meeting_id)
        return Response(meeting_out(m, full=True))


class ActionItemList(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_DASHBOARD

    @extend_schema(parameters=[PAGE], responses=paginated(out.ActionItemOut))
    def get(self, request: Request) -> Response:
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(selectors.item_list(user=request.user), request, self)
        return paginator.get_paginated_response([item_out(i) for i in page or []])


class ActionItemClose(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_DASHBOARD

    @extend_schema(request=CloseIn, responses=out.ActionItemOut)
    def post(self, request: Request, item_id: int) -> Response:
        actor = signed_in(request)
        item = selectors.item_get(user=actor, item_id=item_id)
        data = CloseIn(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        services.item_close(
            actor=actor,
            item=item,
            version=v["version"],
            note=v["note"],
            record_kind=v["record_kind"],
            record_id=v["record_id"],
        )
        return Response(item_out(selectors.item_get(user=actor, item_id=item_id)))


def _task_force(request: Request, task_force_id: int, year: int) -> TaskForce:
    """The task force of a plan or scorecard, when the user reaches it and the year is one a
    plan can have (2000-2100; the year 0 or 99999 has no calendar), else 404."""
    if not 2000 <= year <= 2100:
        raise NotFound()
    found = meetings.task_forces(request.user, Action.MANAGE_MEETINGS).filter(pk=task_force_id)
    if not found.exists():
        raise NotFound()
    return found.get()


class PlanDetail(APIView):
    """The work plan (RAD) of a task force for a year, each activity with its computed or typed
    figure (the scorecard's per-activity half)."""

    permission_classes = [HasAction]
    required_action = Action.MANAGE_MEETINGS

    @extend_schema(responses=out.PlanOut)
    def get(self, request: Request, task_force_id: int, year: int) -> Response:
        card = scorecard.scorecard(task_force=_task_force(request, task_force_id, year), year=year)
        return Response(
            {
                "task_force": task_force_id,
                "year": year,
                "activities": [
                    {
                        "id": s.activity.pk,
                        "code": s.activity.code,
                        "area": s.activity.area,
                        "source": s.activity.source,
                        "name": s.activity.name,
                        "agencies": [a.pk for a in s.activity.agencies.all()],
                        "target": s.activity.target,
                        "unit": s.activity.unit,
                        "budget": s.activity.budget,
                        "realisation": s.activity.realisation,
                        "measure": s.activity.measure or None,
                        "done": s.done,
                        "computed": s.computed,
                        "percent": s.percent,
                        "never_done": s.never_done,
                    }
                    for s in card.activities
                ],
            }
        )


class Scorecard(APIView):
    permission_classes = [HasAction]
    required_action = Action.MANAGE_MEETINGS

    @extend_schema(responses=out.ScorecardOut)
    def get(self, request: Request, task_force_id: int, year: int) -> Response:
        card = scorecard.scorecard(task_force=_task_force(request, task_force_id, year), year=year)
        return Response(
            {
                "task_force": task_force_id,
                "year": year,
                "meetings_held": card.meetings_held,
                "counted": {str(m): n for m, n in card.measures},
                "activities": [
                    {
                        "code": s.activity.code,
                        "target": s.activity.target,
                        "done": s.done,
                        "computed": s.computed,
                        "never_done": s.never_done,
                    }
                    for s in card.activities
                ],
                "agencies": [
                    {
                        "agency": s.agency.pk,
                        "name": s.agency.name,
                        "meetings_invited": s.meetings_invited,
                        "meetings_present": s.meetings_present,
                        "items": s.items,
                        "closed_on_time": s.closed_on_time,
                        "closed_late": s.closed_late,
                        "overdue": s.overdue,
                        "departure_screenings": s.screenings,
                        "returns_completed": s.returns,
                        "police_reports": s.police_reports,
                        "counted": {str(m): n for m, n in s.measures},
                    }
                    for s in card.agencies
                ],
            }
        )


class ReportDetail(APIView):
    """The periodic report's figures as they stand, the narrative and the issued versions."""

    permission_classes = [HasAction]
    required_action = Action.MANAGE_MEETINGS

    @extend_schema(responses=out.ReportOut)
    def get(self, request: Request, task_force_id: int, year: int, period: str) -> Response:
        from lentera.apps.coordination.report import report_data, rollup

        task_force = _task_force(request, task_force_id, year)
        found = services.report_for(task_force=task_force, year=year, period=period)
        return Response(
            {
                "narrative": found.narrative,
                "version": found.version,
                "figures": report_data(task_force=task_force, year=year, period=period),
                "rollup": rollup(
                    task_force=task_force, year=year, period=period, k=settings.LENTERA_PUBLIC_K
                ),
                "issued": [
                    {"number": v.number, "issued_at": v.issued_at, "id": v.pk}
                    for v in found.versions.only("number", "issued_at", "report_id")
                ],
            }
        )


class MeetingCancel(APIView):
    """Cancel a meeting still scheduled; the invited agencies get a notice."""

    permission_classes = [HasAction]
    required_action = Action.MANAGE_MEETINGS

    @extend_schema(request=CancelIn, responses=out.MeetingDetailOut)
    def post(self, request: Request, meeting_id: int) -> Response:
        actor = signed_in(request)
        m = selectors.meeting_get(user=actor, meeting_id=meeting_id)
        data = CancelIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.meeting_cancel(actor=actor, meeting=m, **data.validated_data)
        return Response(meeting_out(selectors.meeting_get(user=actor, meeting_id=m.pk), full=True))


def notice_out(n: Notice) -> dict[str, Any]:
    subject, body = notices.subject_and_body(n)
    return {
        "id": n.pk,
        "kind": n.kind,
        "subject": subject,
        "body": body,
        "meeting": n.meeting_id,
        "item": n.item_id,
        "created_at": n.created_at,
        "read_at": n.read_at,
    }


class NoticeList(APIView):
    """The coordination notices of the caller's agency (``?unread=1``: unread only)."""

    permission_classes = [HasAction]
    required_action = Action.VIEW_DASHBOARD

    @extend_schema(parameters=[PAGE], responses=paginated(out.NoticeOut))
    def get(self, request: Request) -> Response:
        unread = request.query_params.get("unread") in {"1", "true", "yes"}
        paginator = PageNumberPagination()
        rows = notices.notices_for(user=request.user, unread_only=unread).order_by(
            "-created_at", "-id"
        )
        page = paginator.paginate_queryset(rows, request, self)
        return paginator.get_paginated_response([notice_out(n) for n in page or []])


class NoticeRead(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_DASHBOARD

    @extend_schema(request=None, responses=out.NoticeOut)
    def post(self, request: Request, coordination_notice_id: int) -> Response:
        row = notices.notice_get(user=request.user, notice_id=coordination_notice_id)
        return Response(notice_out(notices.notice_read(actor=signed_in(request), notice=row)))
