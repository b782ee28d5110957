from django.urls import path

from lentera.apps.cases.views import files, handover, qualify

app_name = "cases"

urlpatterns = [
    path("hukum/kualifikasi/", qualify.qualify_page, name="qualify"),
    path("kasus/", files.case_list, name="list"),
    path("kasus/baru/", files.case_create, name="create"),
    path("kasus/ekspor.csv", files.case_list_export, name="export"),
    path("kasus/<int:case_id>/", files.case_detail, name="detail"),
    path("kasus/<int:case_id>/ubah/", files.case_edit, name="edit"),
    path("kasus/<int:case_id>/identitas/", files.case_reveal, name="reveal"),
    path("kasus/<int:case_id>/cari-orang/", files.party_search, name="party_search"),
    path("kasus/<int:case_id>/orang/", files.party_add, name="party_add"),
    path(
        "kasus/<int:case_id>/orang/<int:party_id>/status/",
        files.victim_status,
        name="victim_status",
    ),
    path("kasus/<int:case_id>/perjalanan/", files.leg_add, name="leg_add"),
    path("kasus/<int:case_id>/dokumen/", files.document_add, name="document_add"),
    path(
        "kasus/<int:case_id>/dokumen/<int:document_id>/", files.document_download, name="document"
    ),
    path("kasus/<int:case_id>/catatan/", files.note_add, name="note_add"),
    path("kasus/<int:case_id>/status/", files.status_change, name="status"),
    path("kasus/<int:case_id>/bagikan/", files.share, name="share"),
    path(
        "kasus/<int:case_id>/bagikan/<int:grant_id>/cabut/", files.share_revoke, name="share_revoke"
    ),
    path("kasus/<int:case_id>/kualifikasi/", files.case_qualify, name="case_qualify"),
    path("kasus/<int:case_id>/serahkan/", handover.hand_over, name="hand_over"),
]
