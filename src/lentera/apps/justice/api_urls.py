from django.urls import URLPattern, URLResolver, path

from lentera.apps.justice import api, wanted_api

urlpatterns: list[URLPattern | URLResolver] = [
    path("proceedings", api.ProceedingList.as_view(), name="api-proceedings"),
    path("proceedings/<int:proceeding_id>", api.ProceedingDetail.as_view(), name="api-proceeding"),
    path(
        "proceedings/<int:proceeding_id>/stages",
        api.ProceedingStages.as_view(),
        name="api-proceeding-stages",
    ),
    path(
        "proceedings/<int:proceeding_id>/wanted",
        wanted_api.ProceedingWanted.as_view(),
        name="api-proceeding-wanted",
    ),
    path(
        "proceedings/<int:proceeding_id>/wanted/<int:notice_id>/end",
        wanted_api.WantedClose.as_view(),
        name="api-proceeding-wanted-end",
    ),
    path(
        "statistics/proceedings",
        api.ProceedingStatistics.as_view(),
        name="api-proceeding-statistics",
    ),
]
