from django.urls import URLPattern, URLResolver, path

from lentera.apps.prevention import api

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
]
