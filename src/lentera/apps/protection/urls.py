from django.urls import path

from lentera.apps.protection.views import follow_up, pages

app_name = "protection"

_V = "kasus/<int:case_id>/korban/<int:party_id>/"

urlpatterns = [
    path("", pages.home, name="home"),
    path("terlambat/", pages.overdue, name="overdue"),
    path("penyedia/", pages.directory, name="directory"),
    path("penyedia/baru/", pages.provider_edit, name="provider_add"),
    path("penyedia/<int:provider_id>/", pages.provider_edit, name="provider_edit"),
    path("rujukan/<int:referral_id>/", pages.referral_detail, name="referral"),
    path("kasus/<int:case_id>/", pages.case_file, name="case"),
    path(_V + "identifikasi/", pages.identify, name="identify"),
    path(_V + "asesmen/", pages.assess, name="assess"),
    path(_V + "persetujuan/", pages.consent, name="consent"),
    path(_V + "rujuk/", pages.refer, name="refer"),
    path(_V + "layanan/", pages.service_add, name="service_add"),
    path(_V + "pemulangan/", pages.return_add, name="return_add"),
    path(_V + "restitusi/", pages.restitution_add, name="restitution_add"),
    path(
        "kasus/<int:case_id>/persetujuan/<int:consent_id>/cabut/",
        pages.consent_withdraw,
        name="consent_withdraw",
    ),
    path(
        "kasus/<int:case_id>/layanan/<int:service_id>/",
        follow_up.service_detail,
        name="service",
    ),
    path(
        "kasus/<int:case_id>/pemulangan/<int:plan_id>/",
        follow_up.return_detail,
        name="return",
    ),
    path(
        "kasus/<int:case_id>/restitusi/<int:restitution_id>/",
        follow_up.restitution_detail,
        name="restitution",
    ),
    path("notifikasi/", follow_up.notifications, name="notifications"),
    path(
        "notifikasi/<int:notification_id>/baca/",
        follow_up.notification_read,
        name="notification_read",
    ),
    path(
        "kasus/<int:case_id>/layanan/<int:service_id>/status/",
        pages.service_status,
        name="service_status",
    ),
]
