"""Pengaduan"""

from django.urls import path

from . import views

app_name = "pengaduan"

urlpatterns = [
    # public (no account)
    path("lapor/", views.lapor, name="lapor"),
    path("lapor/terkirim/", views.lapor_terkirim, name="lapor-terkirim"),
    path("lapor/desa/", views.lapor_desa, name="lapor-desa"),
    path("status/", views.status, name="status"),
    path("status/tanggapan/", views.status_tanggapan, name="status-tanggapan"),
    # facilitators and supervisors
    path("", views.daftar, name="daftar"),
    path("baru/", views.baru, name="baru"),
    path("papan/", views.papan, name="papan"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/verifikasi/", views.verifikasi, name="verifikasi"),
    path("<int:pk>/tugaskan/", views.tugaskan, name="tugaskan"),
    path("<int:pk>/musyawarah/", views.musyawarah, name="musyawarah"),
    path("<int:pk>/balas/", views.balas, name="balas"),
    path("<int:pk>/rujuk/", views.rujuk, name="rujuk"),
    path("<int:pk>/tutup/", views.tutup, name="tutup"),
    path("<int:pk>/buka/", views.buka, name="buka"),
    path("lampiran/<int:pk>/", views.lampiran, name="lampiran"),
]
