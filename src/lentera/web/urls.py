from django.urls import path

from lentera.web import views

app_name = "web"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("selamat-datang/", views.public_home, name="public_home"),
    path("kelola/", views.admin_home, name="admin_home"),
    path("healthz", views.healthz, name="healthz"),
]
