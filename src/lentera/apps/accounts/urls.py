from django.urls import path

from lentera.apps.accounts import views
from lentera.apps.accounts.decorators import public

app_name = "accounts"

urlpatterns = [
    path("masuk/", public(views.LoginView.as_view()), name="login"),
    path("keluar/", views.logout_view, name="logout"),
    path("faktor-kedua/", views.second_factor, name="second_factor"),
    path("profil/", views.profile, name="profile"),
    path("profil/hapus-faktor-kedua/", views.totp_remove, name="totp_remove"),
    path("token/", views.api_tokens, name="api_tokens"),
    path("token/<int:token_id>/cabut/", views.api_token_revoke, name="api_token_revoke"),
    path("pengguna/", views.user_list, name="users"),
    path("pengguna/baru/", views.user_create, name="user_create"),
    path("pengguna/<int:user_id>/", views.user_detail, name="user_detail"),
    path("instansi/", views.agency_list, name="agencies"),
    path("audit/", views.audit_events, name="audit"),
    path("audit/akses/", views.access_log, name="access_log"),
]
