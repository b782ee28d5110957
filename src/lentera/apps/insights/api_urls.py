from django.urls import URLPattern, URLResolver, path

from lentera.apps.insights import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("linkage/runs", api.LinkageRuns.as_view(), name="api-linkage-runs"),
    path("linkage/runs/<int:run_id>", api.LinkageRunDetail.as_view(), name="api-linkage-run"),
    path("linkage/matches", api.MatchList.as_view(), name="api-linkage-matches"),
    path(
        "linkage/matches/<int:candidate_id>/decide",
        api.MatchDecide.as_view(),
        name="api-linkage-decide",
    ),
    path("public/statistics", api.PublicStatistics.as_view(), name="api-public-statistics"),
]
