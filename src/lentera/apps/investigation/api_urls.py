from django.urls import URLPattern, URLResolver, path

from lentera.apps.investigation import api

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "cases/<int:case_id>/court-orders", api.CaseCourtOrders.as_view(), name="api-court-orders"
    ),
    path(
        "cases/<int:case_id>/court-orders/<int:order_id>/outcome",
        api.CourtOrderOutcome.as_view(),
        name="api-court-order-outcome",
    ),
    path(
        "cases/<int:case_id>/evidence-items", api.CaseEvidence.as_view(), name="api-evidence-items"
    ),
    path(
        "cases/<int:case_id>/evidence-items/<int:evidence_id>/handovers",
        api.EvidenceHandOver.as_view(),
        name="api-evidence-handovers",
    ),
    path(
        "cases/<int:case_id>/evidence-items/<int:evidence_id>/trial-status",
        api.EvidenceTrialStatus.as_view(),
        name="api-evidence-trial-status",
    ),
    path("cases/<int:case_id>/transfers", api.CaseTransfers.as_view(), name="api-transfers"),
    path(
        "cases/<int:case_id>/transfers/import",
        api.CaseStatementImport.as_view(),
        name="api-transfers-import",
    ),
    path("cases/<int:case_id>/call-records", api.CaseCalls.as_view(), name="api-call-records"),
    path("network", api.Network.as_view(), name="api-network"),
    path("investigation/alerts", api.Alerts.as_view(), name="api-investigation-alerts"),
]
