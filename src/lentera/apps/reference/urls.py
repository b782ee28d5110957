from django.urls import path

from lentera.apps.reference import views

app_name = "reference"

urlpatterns = [
    path("kebijakan-tujuan/", views.destinations, name="destinations"),
    path("kebijakan-tujuan/baru/", views.destination_edit, name="destination_create"),
    path("kebijakan-tujuan/<int:policy_id>/", views.destination_edit, name="destination_edit"),
    path("gugus-tugas/", views.task_force_list, name="task_forces"),
    path("wilayah/", views.regions, name="regions"),
    path("wilayah/cari/", views.region_search, name="region_search"),
]
