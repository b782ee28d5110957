from django.urls import URLPattern, URLResolver, path

from lentera.apps.prevention.views import (
    agencies,
    community,
    departures,
    home,
    offers,
    outreach,
    returns,
)

app_name = "prevention"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", home.home, name="home"),
    path("lowongan/", offers.queue, name="queue"),
    path("lowongan/baru/", offers.add, name="offer_add"),
    path("lowongan/impor/", offers.import_file, name="offer_import"),
    path("lowongan/<int:offer_id>/", offers.detail, name="offer"),
    path("lowongan/<int:offer_id>/triase/", offers.triage, name="offer_triage"),
    path("lowongan/<int:offer_id>/pengaduan/", offers.complaint, name="offer_complaint"),
    path("keberangkatan/", departures.departure_list, name="departures"),
    path("keberangkatan/baru/", departures.new, name="departure_new"),
    path("keberangkatan/<int:departure_id>/", departures.detail, name="departure"),
    path("keberangkatan/<int:departure_id>/identitas/", departures.reveal, name="departure_reveal"),
    path("keberangkatan/<int:departure_id>/kasus/", departures.open_case, name="departure_case"),
    path(
        "keberangkatan/<int:departure_id>/pengaduan/",
        departures.open_complaint,
        name="departure_complaint",
    ),
    path("lowongan/<int:offer_id>/perekrut/", agencies.offer_recruiter, name="offer_recruiter"),
    path(
        "keberangkatan/<int:departure_id>/perekrut/",
        agencies.departure_recruiter,
        name="departure_recruiter",
    ),
    # outreach and courses (issue #15, item 1)
    path("penyuluhan/", outreach.event_list, name="outreach"),
    path("penyuluhan/baru/", outreach.event_new, name="outreach_new"),
    path("pelatihan/", outreach.course_list, name="courses"),
    path("pelatihan/baru/", outreach.course_new, name="course_new"),
    path("pelatihan/<int:course_id>/", outreach.course_detail, name="course"),
    path(
        "pelatihan/<int:course_id>/peserta/",
        outreach.course_participants,
        name="course_participants",
    ),
    path(
        "pelatihan/<int:course_id>/kehadiran/",
        outreach.course_attendance,
        name="course_attendance",
    ),
    path(
        "pelatihan/<int:course_id>/peserta/<int:participant_id>/evaluasi/",
        outreach.participant_evaluate,
        name="participant_evaluate",
    ),
    path(
        "pelatihan/<int:course_id>/tindak-lanjut.csv", outreach.course_export, name="course_export"
    ),
    # the P3MI register (issue #15, item 2)
    path("p3mi/", agencies.agency_list, name="agencies"),
    path("p3mi/baru/", agencies.agency_new, name="agency_new"),
    path("p3mi/impor/", agencies.agency_import, name="agency_import"),
    path("p3mi/ekspor.csv", agencies.agency_export, name="agency_export"),
    path("p3mi/<int:p3mi_id>/", agencies.agency_detail, name="agency"),
    path("p3mi/<int:p3mi_id>/ubah/", agencies.agency_edit, name="agency_edit"),
    # community reports, delays, take-downs (issue #15, items 3-5)
    path("laporan-warga/", community.report_list, name="reports"),
    path("laporan-warga/baru/", community.report_new, name="report_new"),
    path("laporan-warga/<int:report_id>/", community.report_detail, name="report"),
    path("laporan-warga/<int:report_id>/triase/", community.report_triage, name="report_triage"),
    path("laporan-warga/<int:report_id>/kasus/", community.report_case, name="report_case"),
    path("penundaan/", community.delay_list, name="delays"),
    path("keberangkatan/<int:departure_id>/penundaan/", community.delay_new, name="delay_new"),
    path("penundaan/<int:delay_id>/jawaban/", community.delay_answer, name="delay_answer"),
    path("takedown/", community.takedown_list, name="takedowns"),
    path("takedown/<int:takedown_id>/", community.takedown_detail, name="takedown"),
    path("takedown/<int:takedown_id>/jawaban/", community.takedown_answer, name="takedown_answer"),
    path("takedown/<int:takedown_id>/kasus/", community.takedown_case, name="takedown_case"),
    # returns in batches (issue #15, item 6)
    path("pemulangan/", returns.operation_list, name="returns"),
    path("pemulangan/baru/", returns.operation_new, name="return_new"),
    path("pemulangan/<int:operation_id>/", returns.operation_detail, name="return"),
    path(
        "pemulangan/<int:operation_id>/manifes/",
        returns.manifest_import,
        name="return_manifest",
    ),
    path("pemulangan/<int:operation_id>/rujuk/", returns.refer_all, name="return_refer"),
    path("pemulangan/orang/<int:returnee_id>/", returns.returnee_detail, name="returnee"),
    path(
        "pemulangan/orang/<int:returnee_id>/tindakan/",
        returns.returnee_act,
        name="returnee_act",
    ),
    # the prospective-worker register (issue #15, item 2)
    path("cpmi/", agencies.worker_list, name="workers"),
    path("cpmi/<int:worker_id>/", agencies.worker_detail, name="worker"),
    path("cpmi/<int:worker_id>/periksa/", agencies.worker_recheck, name="worker_recheck"),
]
