from django.urls import URLPattern, URLResolver, path

from lentera.apps.intake import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("complaints", api.ComplaintList.as_view(), name="api-complaints"),
    path("complaints/<int:complaint_id>", api.ComplaintDetail.as_view(), name="api-complaint"),
    path(
        "complaints/<int:complaint_id>/triage",
        api.ComplaintTriage.as_view(),
        name="api-complaint-triage",
    ),
    path(
        "complaints/<int:complaint_id>/reporter",
        api.ComplaintReporter.as_view(),
        name="api-complaint-reporter",
    ),
    path("intake/gateway", api.Gateway.as_view(), name="api-intake-gateway"),
    path("public/complaints", api.PublicComplaint.as_view(), name="api-public-complaints"),
    path("public/status/<str:code>", api.PublicStatus.as_view(), name="api-public-status"),
]
