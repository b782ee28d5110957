"""Wanted-suspect (DPO) endpoints under /api/v1/: the notices of a proceeding, issue one, end
one. Thin: parse, check, call the service in :mod:`.wanted`, serialise."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.permissions import HasAction
from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.models import Agency
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound
from lentera.apps.justice import wanted
from lentera.apps.justice.models import Proceeding, WantedEnd, WantedNotice
from lentera.apps.justice.policies import proceedings


class WantedIn(serializers.Serializer[dict[str, Any]]):
    issued_by = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.filter(is_active=True))
    issued_on = serializers.DateField()
    number = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")


class WantedEndIn(serializers.Serializer[dict[str, Any]]):
    on = serializers.DateField()
    reason = serializers.ChoiceField(choices=WantedEnd.choices)


class WantedOut(serializers.ModelSerializer[WantedNotice]):
    issued_by_name = serializers.CharField(source="issued_by.name", read_only=True)
    is_open = serializers.BooleanField(read_only=True)

    class Meta:
        model = WantedNotice
        fields = [
            "id",
            "proceeding",
            "issued_by",
            "issued_by_name",
            "issued_on",
            "number",
            "is_open",
            "ended_on",
            "end_reason",
        ]


def _proceeding(request: Request, proceeding_id: int, action: Action) -> Proceeding:
    if action == Action.VIEW_CASE:
        return proceedings.get_for(request.user, action, proceeding_id)
    return proceedings.get_to_act(request.user, action, proceeding_id, read=Action.VIEW_CASE)


class ProceedingWanted(APIView):
    permission_classes = [HasAction]
    required_action = {"GET": Action.VIEW_CASE, "POST": Action.MANAGE_PROCEEDINGS}

    @extend_schema(responses=WantedOut(many=True))
    def get(self, request: Request, proceeding_id: int) -> Response:
        p = _proceeding(request, proceeding_id, Action.VIEW_CASE)
        notices = p.wanted.select_related("issued_by")
        return Response(WantedOut(notices, many=True).data)

    @extend_schema(request=WantedIn, responses={201: WantedOut})
    def post(self, request: Request, proceeding_id: int) -> Response:
        p = _proceeding(request, proceeding_id, Action.MANAGE_PROCEEDINGS)
        data = WantedIn(data=request.data)
        data.is_valid(raise_exception=True)
        notice = wanted.wanted_issue(actor=signed_in(request), proceeding=p, **data.validated_data)
        return Response(WantedOut(notice).data, status=status.HTTP_201_CREATED)


class WantedClose(APIView):
    permission_classes = [HasAction]
    required_action = Action.MANAGE_PROCEEDINGS

    @extend_schema(request=WantedEndIn, responses=WantedOut)
    def post(self, request: Request, proceeding_id: int, notice_id: int) -> Response:
        p = _proceeding(request, proceeding_id, Action.MANAGE_PROCEEDINGS)
        try:
            notice = p.wanted.get(pk=notice_id)
        except (WantedNotice.DoesNotExist, ValueError) as exc:
            raise NotFound() from exc
        data = WantedEndIn(data=request.data)
        data.is_valid(raise_exception=True)
        notice = wanted.wanted_end(actor=signed_in(request), notice=notice, **data.validated_data)
        return Response(WantedOut(notice).data)
