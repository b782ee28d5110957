from django.urls import path

from lentera.apps.people import views

app_name = "people"

urlpatterns = [
    path("", views.person_list, name="list"),
    path("baru/", views.person_create, name="create"),
    path("<int:person_id>/", views.person_detail, name="detail"),
    path("<int:person_id>/identitas/", views.person_reveal, name="reveal"),
    path("<int:person_id>/ubah/", views.person_edit, name="edit"),
    path("<int:person_id>/akun/", views.person_account_add, name="account_add"),
]
