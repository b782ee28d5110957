from django.urls import URLPattern, URLResolver, path

from lentera.apps.prevention.views import public

app_name = "jobcheck"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.check, name="check"),
]
