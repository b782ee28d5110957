from django.urls import URLPattern, URLResolver, path

from lentera.apps.coordination import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("meetings", api.MeetingList.as_view(), name="api-meetings"),
    path("meetings/<int:meeting_id>", api.MeetingDetail.as_view(), name="api-meeting"),
    path(
        "meetings/<int:meeting_id>/cancel",
        api.MeetingCancel.as_view(),
        name="api-meeting-cancel",
    ),
    path("coordination/notices", api.NoticeList.as_view(), name="api-coordination-notices"),
    path(
        "coordination/notices/<int:coordination_notice_id>/read",
        api.NoticeRead.as_view(),
        name="api-coordination-notice-read",
    ),
    path("action-items", api.ActionItemList.as_view(), name="api-action-items"),
    path(
        "action-items/<int:item_id>/close",
        api.ActionItemClose.as_view(),
        name="api-action-item-close",
    ),
    path(
        "task-forces/<int:task_force_id>/plan/<int:year>", api.PlanDetail.as_view(), name="api-plan"
    ),
    path(
        "task-forces/<int:task_force_id>/scorecard/<int:year>",
        api.Scorecard.as_view(),
        name="api-scorecard",
    ),
    path(
        "task-forces/<int:task_force_id>/reports/<int:year>/<str:period>",
        api.ReportDetail.as_view(),
        name="api-report",
    ),
]
