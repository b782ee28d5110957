from django.urls import URLPattern, URLResolver, path

from lentera.apps.protection import api

_V = "protection/cases/<int:case_id>/victims/<int:party_id>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path("protection/referrals", api.ReferralList.as_view(), name="api-protection-referrals"),
    path(
        "protection/referrals/<int:referral_id>/<str:step>",
        api.ReferralStep.as_view(),
        name="api-protection-referral-step",
    ),
    path(_V + "referrals", api.VictimReferrals.as_view(), name="api-protection-victim-referrals"),
    path(_V + "consents", api.VictimConsents.as_view(), name="api-protection-victim-consents"),
    path(
        _V + "identifications",
        api.VictimIdentifications.as_view(),
        name="api-protection-victim-identifications",
    ),
    path(
        "protection/consents/<int:consent_id>/withdraw",
        api.ConsentWithdraw.as_view(),
        name="api-protection-consent-withdraw",
    ),
    path(
        "protection/cases/<int:case_id>/timers",
        api.CaseTimers.as_view(),
        name="api-protection-timers",
    ),
    path("protection/overdue", api.Overdue.as_view(), name="api-protection-overdue"),
    path(
        _V + "assessments",
        api.VictimAssessments.as_view(),
        name="api-protection-victim-assessments",
    ),
    path(_V + "services", api.VictimServices.as_view(), name="api-protection-victim-services"),
    path(_V + "returns", api.VictimReturns.as_view(), name="api-protection-victim-returns"),
    path(
        _V + "restitutions",
        api.VictimRestitutions.as_view(),
        name="api-protection-victim-restitutions",
    ),
    path(
        "protection/services/<int:service_id>/status",
        api.ServiceStatusStep.as_view(),
        name="api-protection-service-status",
    ),
    path(
        "protection/returns/<int:plan_id>", api.ReturnDetail.as_view(), name="api-protection-return"
    ),
    path(
        "protection/returns/<int:plan_id>/<str:step>",
        api.ReturnChange.as_view(),
        name="api-protection-return-step",
    ),
    path(
        "protection/restitutions/<int:restitution_id>",
        api.RestitutionDetail.as_view(),
        name="api-protection-restitution",
    ),
    path(
        "protection/notifications",
        api.NotificationList.as_view(),
        name="api-protection-notifications",
    ),
    path(
        "protection/notifications/<int:notification_id>/read",
        api.NotificationRead.as_view(),
        name="api-protection-notification-read",
    ),
    path("protection/providers", api.ProviderList.as_view(), name="api-protection-providers"),
]
