"""REST endpoints of reference data: regions, countries, destination policy."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.permissions import HasAction
from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.reference import serializers as reference_s
from lentera.apps.reference import services as reference_services
from lentera.apps.reference.models import Country, DestinationPolicy, Region

PERMS = [HasAction]


class RegionList(generics.ListAPIView[Region]):
    """Regions by name or code prefix (``q``), children of ``parent``, or one ``level``."""

    permission_classes = PERMS
    required_action = Action.VIEW_DASHBOARD
    serializer_class = reference_s.RegionOut

    def get_queryset(self) -> QuerySet[Region]:
        qs = Region.objects.select_related("parent")
        params = self.request.query_params
        if params.get("q"):
            qs = qs.filter(Q(name__icontains=params["q"]) | Q(code__startswith=params["q"]))
        if params.get("parent"):
            qs = qs.filter(parent__code=params["parent"])
        if params.get("level"):
            qs = qs.filter(level=params["level"])
        return qs


class CountryList(generics.ListAPIView[Country]):
    permission_classes = PERMS
    required_action = Action.VIEW_DASHBOARD
    serializer_class = reference_s.CountryOut
    pagination_class = None
    queryset = Country.objects.all()


class DestinationPolicyList(APIView):
    permission_classes = PERMS
    required_action = {"GET": Action.VIEW_DASHBOARD, "POST": Action.MANAGE_REFERENCE}

    @extend_schema(responses=reference_s.DestinationPolicyOut(many=True))
    def get(self, request: Request) -> Response:
        qs = DestinationPolicy.objects.all()
        if request.query_params.get("country"):
            qs = qs.filter(country_id=request.query_params["country"].upper())
        return Response(reference_s.DestinationPolicyOut(qs, many=True).data)

    @extend_schema(
        request=reference_s.DestinationPolicyIn, responses={201: reference_s.DestinationPolicyOut}
    )
    def post(self, request: Request) -> Response:
        data = reference_s.DestinationPolicyIn(data=request.data)
        data.is_valid(raise_exception=True)
        policy = reference_services.destination_policy_save(
            actor=signed_in(request),
            policy=None,
            **data.validated_data,
        )
        return Response(
            reference_s.DestinationPolicyOut(policy).data, status=status.HTTP_201_CREATED
        )
