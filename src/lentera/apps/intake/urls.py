from django.urls import URLPattern, URLResolver, path

from lentera.apps.intake import routing_views, views

app_name = "intake"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.complaint_list, name="list"),
    path("baru/", views.complaint_register, name="register"),
    path("rute/", routing_views.rule_list, name="routing"),
    path("rute/baru/", routing_views.rule_edit, name="routing_new"),
    path("rute/<int:rule_id>/", routing_views.rule_edit, name="routing_edit"),
    path("<int:complaint_id>/", views.complaint_detail, name="detail"),
    path("<int:complaint_id>/triase/", views.complaint_triage, name="triage"),
    path("<int:complaint_id>/tanda-terima/", views.complaint_acknowledge, name="acknowledge"),
    path("<int:complaint_id>/pelapor/", views.reporter_reveal, name="reveal"),
    path("<int:complaint_id>/cari/", views.complaint_search, name="search"),
    path("<int:complaint_id>/lampirkan/", views.complaint_attach, name="attach"),
    path("<int:complaint_id>/kasus-baru/", views.complaint_open_case, name="open_case"),
    path("<int:complaint_id>/tutup/", views.complaint_close, name="close"),
    path("<int:complaint_id>/buka-kembali/", views.complaint_reopen, name="reopen"),
]
