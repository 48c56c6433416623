from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from pendampingan import errors
from pendampingan.akun.views import MasukView
from pendampingan.inti import csp, kesehatan

urlpatterns = [
    # health probes (answered by KesehatanMiddleware first; named here for reverse and the walk)
    path("sehat/", kesehatan.sehat, name="sehat"),
    path("siap/", kesehatan.siap, name="siap"),
    # where browsers report Content-Security-Policy violations (public, bounded; inti/csp.py)
    path("csp-laporan/", csp.laporan_csp, name="csp-laporan"),
    path("admin/", admin.site.urls),
    # the login form with bounded input (pendampingan/inti/masukan.py); the rest of the auth views
    path("akun/login/", MasukView.as_view(), name="login"),
    path("akun/token/", include("pendampingan.api.akun_urls")),
    # two-factor sign-in: the code step, enrolment, the account page (pendampingan/masuk)
    path("akun/dua-langkah/", include("pendampingan.masuk.urls")),
    path("akun/sesi/", include("pendampingan.akun.urls")),
    path("akun/", include("django.contrib.auth.urls")),
    path("", include("pendampingan.urls")),
    path("notifikasi/", include("pendampingan.notifikasi.urls")),
    path("bulanan/", include("pendampingan.bulanan.urls")),
    path("forum/", include("pendampingan.forum.urls")),
    path("dasbor/", include("pendampingan.dasbor.urls")),
    path("fasilitasi/", include("fasilitasi.urls")),
    path("pengaduan/", include("pengaduan.urls")),
    path("bencana/", include("bencana.urls")),
    path("api/v1/", include("pendampingan.api.urls")),
]

# The error pages cannot fail: no database, no cache, a plain-HTML last resort (pendampingan/errors.py).
handler400 = errors.permintaan_buruk
handler403 = errors.terlarang
handler404 = errors.tidak_ditemukan
handler500 = errors.galat_server  # a database outage anywhere in the request answers 503

if settings.DEBUG:
    # Uploaded media in local development only, to logged-in users; production serves them
    # from storage behind the scoped views.
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
