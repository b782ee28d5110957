from django.urls import URLPattern, URLResolver, path

from lentera.apps.cases import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("cases", api.CaseList.as_view(), name="api-cases"),
    path("cases/export.csv", api.CaseExport.as_view(), name="api-cases-export"),
    path("cases/<int:case_id>", api.CaseDetail.as_view(), name="api-case"),
    path("cases/<int:case_id>/parties", api.CaseParties.as_view(), name="api-case-parties"),
    path("cases/<int:case_id>/grants", api.CaseGrants.as_view(), name="api-case-grants"),
    path(
        "cases/<int:case_id>/grants/<int:grant_id>/revoke",
        api.CaseGrantRevoke.as_view(),
        name="api-case-grant-revoke",
    ),
    path("cases/<int:case_id>/handover", api.CaseHandOver.as_view(), name="api-case-handover"),
    path("cases/<int:case_id>/status", api.CaseStatusView.as_view(), name="api-case-status"),
    path("cases/<int:case_id>/facts", api.CaseFacts.as_view(), name="api-case-facts"),
    path("cases/<int:case_id>/qualify", api.CaseQualify.as_view(), name="api-case-qualify"),
    path("qualify", api.Qualify.as_view(), name="api-qualify"),
]
