from django.urls import path

from lentera.apps.insights import views

app_name = "insights"

urlpatterns = [
    path("pencocokan/", views.linkage_home, name="linkage"),
    path("pencocokan/jalankan/", views.run_start, name="run_start"),
    path("pencocokan/proses/<int:run_id>/", views.run_status, name="run_status"),
    path("pencocokan/<int:candidate_id>/putuskan/", views.decide, name="decide"),
]
