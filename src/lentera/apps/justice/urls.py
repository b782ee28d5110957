from django.urls import URLPattern, URLResolver, path

from lentera.apps.justice import views, wanted_views

app_name = "justice"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("macet/", views.stalled, name="stalled"),
    path("statistik/", views.statistics, name="statistics"),
    path("tenggat/", views.settings_page, name="settings"),
    path("kasus/<int:case_id>/", views.case_view, name="case"),
    path("kasus/<int:case_id>/buka/", views.case_open, name="open"),
    path("<int:proceeding_id>/", views.detail, name="detail"),
    path("<int:proceeding_id>/tahap/", views.stage_add, name="stage_add"),
    path("<int:proceeding_id>/pasal/", views.charges_add, name="charges_add"),
    path("<int:proceeding_id>/penahanan/", views.detention_add, name="detention_add"),
    path(
        "<int:proceeding_id>/penahanan/<int:detention_id>/",
        views.detention_release,
        name="detention_update",
    ),
    path("<int:proceeding_id>/putusan/", views.outcome_set, name="outcome"),
    path("<int:proceeding_id>/dpo/", wanted_views.wanted_add, name="wanted_add"),
    path(
        "<int:proceeding_id>/dpo/<int:notice_id>/selesai/",
        wanted_views.wanted_close,
        name="wanted_close",
    ),
]
