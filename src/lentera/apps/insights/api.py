"""API of the published figures: the same tables as the public page, no login, suppressed."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.apps.insights.public_stats import parse_year, public_figures


class PublicStatistics(APIView):
    """Counts of cases and victims; a suppressed count is ``null`` with ``suppressed_below: k``."""

    public = True
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[OpenApiParameter("year", int, required=False)], responses=dict, auth=[]
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
