from django.urls import URLPattern, URLResolver, path

from lentera.apps.prevention import api, api_registers

urlpatterns: list[URLPattern | URLResolver] = [
    path("screen/offer", api.ScreenOffer.as_view(), name="api-screen-offer"),
    path("public/screen/offer", api.PublicScreenOffer.as_view(), name="api-public-screen-offer"),
    path("screen/departure", api.ScreenDeparture.as_view(), name="api-screen-departure"),
    path("screenings/offers", api.OfferScreeningList.as_view(), name="api-offer-screenings"),
    path(
        "screenings/departures",
        api.DepartureScreeningList.as_view(),
        name="api-departure-screenings",
    ),
    path(
        "prevention/outreach-events",
        api_registers.OutreachEventList.as_view(),
        name="api-outreach-events",
    ),
    path("prevention/courses", api_registers.CourseList.as_view(), name="api-courses"),
    path(
        "prevention/placement-agencies",
        api_registers.PlacementAgencyList.as_view(),
        name="api-placement-agencies",
    ),
    path(
        "prevention/community-reports",
        api_registers.CommunityReportList.as_view(),
        name="api-community-reports",
    ),
    path(
        "prevention/community-reports/sms",
        api_registers.CommunityReportSms.as_view(),
        name="api-community-reports-sms",
    ),
    path(
        "prevention/delay-requests",
        api_registers.DelayRequestList.as_view(),
        name="api-delay-requests",
    ),
    path("prevention/takedowns", api_registers.TakedownList.as_view(), name="api-takedowns"),
    path(
        "prevention/return-operations",
        api_registers.ReturnOperationList.as_view(),
        name="api-return-operations",
    ),
    path(
        "prevention/prospective-workers",
        api_registers.ProspectiveWorkerList.as_view(),
        name="api-prospective-workers",
    ),
]
