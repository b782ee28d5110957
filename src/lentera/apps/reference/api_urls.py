from django.urls import URLPattern, URLResolver, path

from lentera.apps.reference import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("regions", api.RegionList.as_view(), name="api-regions"),
    path("countries", api.CountryList.as_view(), name="api-countries"),
    path(
        "destination-policies",
        api.DestinationPolicyList.as_view(),
        name="api-destination-policies",
    ),
]
