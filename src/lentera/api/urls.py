from django.urls import include, path

from lentera.api import cases, views
from lentera.apps.insights.api import PublicStatistics

urlpatterns = [
    path("me", views.MeView.as_view(), name="api-me"),
    path("agencies", views.AgencyList.as_view(), name="api-agencies"),
    path("task-forces", views.TaskForceList.as_view(), name="api-task-forces"),
    path("regions", views.RegionList.as_view(), name="api-regions"),
    path("countries", views.CountryList.as_view(), name="api-countries"),
    path(
        "destination-policies",
        views.DestinationPolicyList.as_view(),
        name="api-destination-policies",
    ),
    path("people", views.PersonList.as_view(), name="api-people"),
    path("people/search", views.PersonSearch.as_view(), name="api-people-search"),
    path("people/<int:person_id>", views.PersonDetail.as_view(), name="api-person"),
    path(
        "people/<int:person_id>/identity",
        views.PersonIdentity.as_view(),
        name="api-person-identity",
    ),
    path(
        "people/<int:person_id>/accounts",
        views.PersonAccounts.as_view(),
        name="api-person-accounts",
    ),
    path("linkage/runs", views.LinkageRuns.as_view(), name="api-linkage-runs"),
    path("linkage/runs/<int:run_id>", views.LinkageRunDetail.as_view(), name="api-linkage-run"),
    path("linkage/matches", views.MatchList.as_view(), name="api-linkage-matches"),
    path(
        "linkage/matches/<int:candidate_id>/decide",
        views.MatchDecide.as_view(),
        name="api-linkage-decide",
    ),
    path("audit-events", views.AuditEventList.as_view(), name="api-audit-events"),
    path("access-log", views.AccessLogList.as_view(), name="api-access-log"),
    path("public/statistics", PublicStatistics.as_view(), name="api-public-statistics"),
    path("cases", cases.CaseList.as_view(), name="api-cases"),
    path("cases/export.csv", cases.CaseExport.as_view(), name="api-cases-export"),
    path("cases/<int:case_id>", cases.CaseDetail.as_view(), name="api-case"),
    path("cases/<int:case_id>/parties", cases.CaseParties.as_view(), name="api-case-parties"),
    path("cases/<int:case_id>/grants", cases.CaseGrants.as_view(), name="api-case-grants"),
    path(
        "cases/<int:case_id>/grants/<int:grant_id>/revoke",
        cases.CaseGrantRevoke.as_view(),
        name="api-case-grant-revoke",
    ),
    path("cases/<int:case_id>/status", cases.CaseStatusView.as_view(), name="api-case-status"),
    path("qualify", views.Qualify.as_view(), name="api-qualify"),
    path("", include("lentera.apps.intake.api_urls")),
    path("", include("lentera.apps.prevention.api_urls")),
    path("", include("lentera.apps.justice.api_urls")),
    path("", include("lentera.apps.protection.api_urls")),
    path("schema", views.SchemaView.as_view(), name="api-schema"),
    path("docs", views.DocsView.as_view(url_name="api-schema"), name="api-docs"),
]
