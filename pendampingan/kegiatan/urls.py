from django.urls import path

from . import views

# included by pendampingan/urls.py under the "pendampingan" namespace
urlpatterns = [
    path("kegiatan/", views.kegiatan_list, name="kegiatan-list"),
    path("kegiatan/baru/", views.kegiatan_buat, name="kegiatan-buat"),
    path("kegiatan/verifikasi/", views.kegiatan_antrean, name="kegiatan-antrean"),
    path(
        "kegiatan/verifikasi/banyak/",
        views.kegiatan_verifikasi_banyak,
        name="kegiatan-verifikasi-banyak",
    ),
    path("kegiatan/<int:pk>/", views.kegiatan_detail, name="kegiatan-detail"),
    path("kegiatan/<int:pk>/ubah/", views.kegiatan_ubah, name="kegiatan-ubah"),
    path("kegiatan/<int:pk>/ajukan/", views.kegiatan_ajukan, name="kegiatan-ajukan"),
    path("kegiatan/<int:pk>/tarik/", views.kegiatan_tarik, name="kegiatan-tarik"),
    path("kegiatan/<int:pk>/verifikasi/", views.kegiatan_verifikasi, name="kegiatan-verifikasi"),
    path("kegiatan/<int:pk>/kembalikan/", views.kegiatan_kembalikan, name="kegiatan-kembalikan"),
    path("kegiatan/foto/<int:pk>/", views.foto_tampil, name="kegiatan-foto"),
    path("kegiatan/foto/<int:pk>/hapus/", views.foto_hapus, name="kegiatan-foto-hapus"),
    path("kegiatan/dokumen/<int:pk>/", views.dokumen_unduh, name="kegiatan-dokumen"),
    path("kegiatan/dokumen/<int:pk>/hapus/", views.dokumen_hapus, name="kegiatan-dokumen-hapus"),
    path("tindak-lanjut/", views.tindak_lanjut_list, name="tindaklanjut-list"),
    path(
        "tindak-lanjut/<int:pk>/selesai/",
        views.tindak_lanjut_selesai,
        name="tindaklanjut-selesai",
    ),
]
