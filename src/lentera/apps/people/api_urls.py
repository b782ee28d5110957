from django.urls import URLPattern, URLResolver, path

from lentera.apps.people import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("people", api.PersonList.as_view(), name="api-people"),
    path("people/search", api.PersonSearch.as_view(), name="api-people-search"),
    path("people/<int:person_id>", api.PersonDetail.as_view(), name="api-person"),
    path(
        "people/<int:person_id>/identity",
        api.PersonIdentity.as_view(),
        name="api-person-identity",
    ),
    path(
        "people/<int:person_id>/accounts",
        api.PersonAccounts.as_view(),
        name="api-person-accounts",
    ),
]
