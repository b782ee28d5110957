from django.urls import URLPattern, URLResolver, path

from lentera.apps.investigation import views

app_name = "investigation"

urlpatterns: list[URLPattern | URLResolver] = [
    path("jaringan/", views.network_page, name="network"),
    path("peringatan/", views.alerts, name="alerts"),
    path("peringatan/<int:alert_id>/dibaca/", views.alert_read, name="alert_read"),
    path("kasus/<int:case_id>/", views.case_page, name="case"),
    path("kasus/<int:case_id>/rekening/", views.accounts_reveal, name="accounts_reveal"),
    path("kasus/<int:case_id>/penetapan/", views.order_add, name="order_add"),
    path(
        "kasus/<int:case_id>/penetapan/<int:order_id>/hasil/",
        views.order_outcome,
        name="order_outcome",
    ),
    path("kasus/<int:case_id>/barang-bukti/", views.evidence_add, name="evidence_add"),
    path(
        "kasus/<int:case_id>/barang-bukti/<int:evidence_id>/serah/",
        views.evidence_hand_over,
        name="evidence_hand_over",
    ),
    path(
        "kasus/<int:case_id>/barang-bukti/<int:evidence_id>/status/",
        views.evidence_status,
        name="evidence_status",
    ),
    path(
        "kasus/<int:case_id>/barang-bukti/<int:evidence_id>/berkas/",
        views.evidence_download,
        name="evidence_download",
    ),
    path("kasus/<int:case_id>/transfer/", views.transfer_add, name="transfer_add"),
    path("kasus/<int:case_id>/transfer/impor/", views.statement_import, name="statement_import"),
    path("kasus/<int:case_id>/komunikasi/impor/", views.calls_import, name="calls_import"),
]
