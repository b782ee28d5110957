from django.urls import URLPattern, URLResolver, path

from lentera.apps.accounts import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("me", api.MeView.as_view(), name="api-me"),
    path("agencies", api.AgencyList.as_view(), name="api-agencies"),
    path("task-forces", api.TaskForceList.as_view(), name="api-task-forces"),
    path("audit-events", api.AuditEventList.as_view(), name="api-audit-events"),
    path("access-log", api.AccessLogList.as_view(), name="api-access-log"),
]
