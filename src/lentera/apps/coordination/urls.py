from django.urls import URLPattern, URLResolver, path

from lentera.apps.coordination import views

app_name = "coordination"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("rapat/baru/", views.meeting_new, name="meeting_new"),
    path("rapat/<int:meeting_id>/", views.meeting_detail, name="meeting"),
    path("rapat/<int:meeting_id>/agenda/", views.agenda_add, name="agenda_add"),
    path("rapat/<int:meeting_id>/kehadiran/", views.attendance, name="attendance"),
    path("rapat/<int:meeting_id>/notulen/", views.minutes, name="minutes"),
    path("rapat/<int:meeting_id>/keputusan/", views.decision_add, name="decision_add"),
    path("rapat/<int:meeting_id>/tindak-lanjut/", views.item_add, name="item_add"),
    path("rapat/<int:meeting_id>/setujui/", views.approve, name="approve"),
    path("rapat/<int:meeting_id>/notulen.pdf", views.minutes_pdf, name="pdf"),
    path("rapat/<int:meeting_id>/batalkan/", views.meeting_cancel, name="meeting_cancel"),
    path(
        "rapat/<int:meeting_id>/agenda/<int:agenda_id>/ubah/",
        views.agenda_edit,
        name="agenda_edit",
    ),
    path(
        "rapat/<int:meeting_id>/keputusan/<int:decision_id>/ubah/",
        views.decision_edit,
        name="decision_edit",
    ),
    path("jangka-rapat/<int:task_force_id>/", views.interval, name="interval"),
    path("pemberitahuan/", views.notice_list, name="notices"),
    path("pemberitahuan/<int:coordination_notice_id>/baca/", views.notice_read, name="notice_read"),
    path("tindak-lanjut/", views.items, name="items"),
    path("tindak-lanjut/<int:item_id>/", views.item_detail, name="item"),
    path("tindak-lanjut/<int:item_id>/berkas/", views.item_file, name="item_file"),
    path("rencana/<int:task_force_id>/<int:year>/", views.plan, name="plan"),
    path("rencana/kegiatan/<int:activity_id>/", views.activity, name="activity"),
    path("skor/<int:task_force_id>/<int:year>/", views.scorecard_page, name="scorecard"),
    path(
        "skor/<int:task_force_id>/<int:year>/rekomendasi/",
        views.recommendation_accept,
        name="recommendation_accept",
    ),
    path("laporan/<int:task_force_id>/<int:year>/<str:period>/", views.report, name="report"),
    path(
        "laporan/<int:task_force_id>/<int:year>/<str:period>/terbitkan/",
        views.report_issue,
        name="report_issue",
    ),
    path("laporan/versi/<int:version_id>/pdf/", views.report_pdf, name="report_pdf"),
    path("laporan/versi/<int:version_id>/xlsx/", views.report_xlsx, name="report_xlsx"),
    path("laporan/versi/<int:version_id>/docx/", views.report_docx, name="report_docx"),
]
