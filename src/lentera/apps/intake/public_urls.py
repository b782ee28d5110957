from django.urls import URLPattern, URLResolver, path

from lentera.apps.intake import public_views

app_name = "public"

urlpatterns: list[URLPattern | URLResolver] = [
    path("lapor/", public_views.report, name="report"),
    path("lapor/terkirim/", public_views.report_done, name="report_done"),
    path("status/", public_views.status, name="status"),
]
