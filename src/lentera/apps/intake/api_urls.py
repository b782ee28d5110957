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
    path(
        "complaints/<int:complaint_id>/case",
        api.ComplaintCase.as_view(),
        name="api-complaint-case",
    ),
    path("routing-rules", api.RoutingRules.as_view(), name="api-routing-rules"),
    path("routing-rules/preview", api.RoutePreview.as_view(), name="api-routing-preview"),
    path("routing-rules/<int:rule_id>", api.RoutingRuleDetail.as_view(), name="api-routing-rule"),
    path("intake/gateway", api.Gateway.as_view(), name="api-intake-gateway"),
    path("public/complaints", api.PublicComplaint.as_view(), name="api-public-complaints"),
    path("public/status/<str:code>", api.PublicStatus.as_view(), name="api-public-status"),
]
