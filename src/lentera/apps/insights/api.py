"""REST endpoints of insights: the published figures (the same tables as the public page, no
login, suppressed) and record linkage (runs and the review queue)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.permissions import HasAction
from lentera.api.schema import PAGE, paginated
from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.insights import selectors as insight_selectors
from lentera.apps.insights import serializers as out
from lentera.apps.insights import services as insight_services
from lentera.apps.insights.policies import matches as linkage_matches
from lentera.apps.insights.policies import runs as linkage_runs
from lentera.apps.insights.public_stats import parse_year, public_figures
from lentera.apps.people.serializers import person_out

PERMS = [HasAction]


class PublicStatistics(APIView):
    """Counts of cases and victims; a suppressed count is ``null`` with ``suppressed_below: k``."""

    public = True
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[OpenApiParameter("year", int, required=False)],
        responses=out.PublicStatisticsOut,
        auth=[],
    )
    def get(self, request: Request) -> Response:
        raw = request.query_params.get("year", "")
        year = parse_year(raw)
        if raw and year is None:
            return Response({"year": [_("Give a year from 2000 to next year.")]}, status=400)
        figures = public_figures(year=year)
        return Response(
            {
                "year": figures.year,
                "suppressed_below": figures.k,
                "years": figures.years,
                "tables": {
                    key: {
                        "rows": [
                            {"code": code, "label": label, "count": count}
                            for code, label, count in table.rows
                        ],
                        "total": table.total,
                    }
                    for key, table in figures.tables.items()
                },
            }
        )


class DecisionIn(serializers.Serializer[dict[str, Any]]):
    same_person = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


def match_out(candidate: Any) -> dict[str, Any]:
    return {
        "id": candidate.pk,
        "left": person_out(candidate.left),
        "right": person_out(candidate.right),
        "probability": candidate.probability,
        "reasons": candidate.reasons,
        "name_conflict": candidate.name_conflict,
        "status": candidate.status,
    }


class LinkageRuns(APIView):
    """Start a linkage run over the person records you may see (``run_linkage``)."""

    permission_classes = PERMS
    required_action = Action.RUN_LINKAGE

    @extend_schema(request=None, responses={202: out.RunStartedOut})
    def post(self, request: Request) -> Response:
        run = insight_services.linkage_run_start(actor=signed_in(request))
        return Response({"id": run.pk, "status": run.status}, status=status.HTTP_202_ACCEPTED)


class LinkageRunDetail(APIView):
    permission_classes = PERMS
    required_action = Action.RUN_LINKAGE

    @extend_schema(responses=out.RunOut)
    def get(self, request: Request, run_id: int) -> Response:
        run = linkage_runs.get_for(request.user, Action.RUN_LINKAGE, run_id)
        return Response(
            {
                "id": run.pk,
                "status": run.status,
                "progress": run.progress,
                "records": run.records,
                "comparisons": run.comparisons,
                "candidates": run.candidates,
                "error": run.error,
            }
        )


class MatchList(APIView):
    permission_classes = PERMS
    required_action = Action.REVIEW_MATCHES

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str, description="The review status (default pending)."),
            PAGE,
        ],
        responses=paginated(out.MatchOut),
    )
    def get(self, request: Request) -> Response:

        qs = insight_selectors.review_queue(
            user=request.user, status=request.query_params.get("status", "pending")
        )
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(qs, request, view=self) or []
        return paginator.get_paginated_response([match_out(c) for c in page])


class MatchDecide(APIView):
    permission_classes = PERMS
    required_action = Action.REVIEW_MATCHES

    @extend_schema(request=DecisionIn, responses=out.MatchOut)
    def post(self, request: Request, candidate_id: int) -> Response:
        candidate = linkage_matches.get_for(request.user, Action.REVIEW_MATCHES, candidate_id)
        data = DecisionIn(data=request.data)
        data.is_valid(raise_exception=True)
        candidate = insight_services.match_decide(
            actor=signed_in(request), candidate=candidate, **data.validated_data
        )
        return Response(match_out(candidate))
