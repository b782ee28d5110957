from django.urls import URLPattern, URLResolver, path

from lentera.apps.prevention.views import departures, home, offers

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
]
