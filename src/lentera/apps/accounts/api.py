"""REST endpoints of accounts: who am I, agencies, task forces, audit trail and access log."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.permissions import HasAction
from lentera.apps.accounts import selectors as account_selectors
from lentera.apps.accounts import serializers as account_s
from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.models import AccessLog, Agency, AuditEvent, TaskForce
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import agencies, task_forces

PERMS = [HasAction]


class MeView(APIView):
    permission_classes = PERMS
    required_action = Action.VIEW_DASHBOARD

    @extend_schema(responses=account_s.MeOut)
    def get(self, request: Request) -> Response:
        return Response(account_s.MeOut(signed_in(request)).data)


class AgencyList(generics.ListAPIView[Agency]):
    permission_classes = PERMS
    required_action = Action.VIEW_DASHBOARD
    serializer_class = account_s.AgencyOut

    def get_queryset(self) -> QuerySet[Agency]:
        return agencies.visible(self.request.user, Action.VIEW_DASHBOARD).select_related("region")


class TaskForceList(generics.ListAPIView[TaskForce]):
    permission_classes = PERMS
    required_action = Action.VIEW_DASHBOARD
    serializer_class = account_s.TaskForceOut

    def get_queryset(self) -> QuerySet[TaskForce]:
        return (
            task_forces.visible(self.request.user, Action.VIEW_DASHBOARD)
            .select_related("region")
            .prefetch_related("memberships__sub_task_force")
        )


class AuditEventList(generics.ListAPIView[AuditEvent]):
    permission_classes = PERMS
    required_action = Action.VIEW_AUDIT
    serializer_class = account_s.AuditEventOut

    def get_queryset(self) -> QuerySet[AuditEvent]:
        params = self.request.query_params
        filters = {
            k: params[k]
            for k in ("event_type", "actor", "object_type", "object_id")
            if params.get(k)
        }
        return account_selectors.audit_event_list(user=self.request.user, filters=filters)


class AccessLogList(generics.ListAPIView[AccessLog]):
    permission_classes = PERMS
    required_action = Action.VIEW_AUDIT
    serializer_class = account_s.AccessLogOut

    def get_queryset(self) -> QuerySet[AccessLog]:
        params = self.request.query_params
        filters = {
            k: params[k] for k in ("user", "purpose", "object_type", "object_id") if params.get(k)
        }
        return account_selectors.access_log_list(user=self.request.user, filters=filters)
