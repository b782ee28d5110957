from django.urls import path

from lentera.apps.ops import health
from lentera.web import views

app_name = "web"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("selamat-datang/", views.public_home, name="public_home"),
    path("kelola/", views.admin_home, name="admin_home"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]
