from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language

from lentera.apps.accounts.decorators import public

urlpatterns = [
    path("i18n/setlang/", public(set_language), name="set_language"),
    path("i18n/js/", public(JavaScriptCatalog.as_view()), name="javascript-catalog"),
    path("akun/", include("lentera.apps.accounts.urls")),
    path("orang/", include("lentera.apps.people.urls")),
    path("referensi/", include("lentera.apps.reference.urls")),
    path("", include("lentera.apps.cases.urls")),
    path("pengaduan/", include("lentera.apps.intake.urls")),
    path("publik/cek-lowongan/", include("lentera.apps.prevention.public_urls")),
    path("publik/statistik/", include("lentera.apps.insights.public_urls")),
    path("publik/", include("lentera.apps.intake.public_urls")),
    path("pencegahan/", include("lentera.apps.prevention.urls")),
    path("proses-hukum/", include("lentera.apps.justice.urls")),
    path("wawasan/", include("lentera.apps.insights.urls")),
    path("perlindungan/", include("lentera.apps.protection.urls")),
    path("koordinasi/", include("lentera.apps.coordination.urls")),
    path("penyidikan/", include("lentera.apps.investigation.urls")),
    path("api/v1/", include("lentera.api.urls")),
    path("", include("lentera.web.urls")),
]

# Under /api/ every error is a JSON problem body, elsewhere a page (lentera.config.http).
handler400 = "lentera.config.http.bad_request"
handler403 = "lentera.config.http.forbidden"
handler404 = "lentera.config.http.not_found"
handler500 = "lentera.config.http.server_error"
