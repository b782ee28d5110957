from django.urls import URLPattern, URLResolver, path

from lentera.apps.insights import public_views

app_name = "publicstats"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", public_views.statistics, name="statistics"),
]
