"""The API router: each app's endpoints live beside it (``apps/<app>/api.py`` and
``api_urls.py``); this package keeps only authentication, permissions, errors and the schema."""

from django.urls import URLPattern, URLResolver, include, path

from lentera.api import views

APPS = [
    "accounts",
    "reference",
    "people",
    "cases",
    "intake",
    "prevention",
    "justice",
    "protection",
    "insights",
    "coordination",
    "investigation",
]

urlpatterns: list[URLPattern | URLResolver] = [
    *[path("", include(f"lentera.apps.{app}.api_urls")) for app in APPS],
    path("schema", views.SchemaView.as_view(), name="api-schema"),
    path("docs", views.DocsView.as_view(url_name="api-schema"), name="api-docs"),
]
