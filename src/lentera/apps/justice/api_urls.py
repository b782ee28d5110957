from django.urls import URLPattern, URLResolver, path

from lentera.apps.justice import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("proceedings", api.ProceedingList.as_view(), name="api-proceedings"),
    path("proceedings/<int:proceeding_id>", api.ProceedingDetail.as_view(), name="api-proceeding"),
    path(
        "proceedings/<int:proceeding_id>/stages",
        api.ProceedingStages.as_view(),
        name="api-proceeding-stages",
    ),
    path(
        "statistics/proceedings",
        api.ProceedingStatistics.as_view(),
        name="api-proceeding-statistics",
    ),
]
