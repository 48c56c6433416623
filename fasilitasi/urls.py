from django.urls import path

from .views import bumdes, kasus, papan, status_desa

app_name = "fasilitasi"

urlpatterns = [
    path("", kasus.kasus_saya, name="kasus-saya"),
    path("kasus/", kasus.kasus_list, name="kasus-list"),
    path("kasus/baru/", kasus.kasus_buat, name="kasus-buat"),
    path("kasus/<int:pk>/", kasus.kasus_detail, name="kasus-detail"),
    path("kasus/<int:pk>/maju/", kasus.kasus_maju, name="kasus-maju"),
    path("kasus/<int:pk>/mundur/", kasus.kasus_mundur, name="kasus-mundur"),
    path("kasus/<int:pk>/status/", kasus.kasus_status, name="kasus-status"),
    path("kasus/<int:pk>/dokumen/", kasus.kasus_dokumen, name="kasus-dokumen"),
    path("dokumen/<int:pk>/", kasus.dokumen_unduh, name="dokumen-unduh"),
    path("papan/", papan.papan, name="papan"),
    path("papan/belum/", papan.papan_belum, name="papan-belum"),
    path("bumdes/", bumdes.bumdes_list, name="bumdes-list"),
    path("bumdes/baru/", bumdes.bumdes_buat, name="bumdes-buat"),
    path("bumdes/<int:pk>/", bumdes.bumdes_detail, name="bumdes-detail"),
    path("bumdes/<int:pk>/ubah/", bumdes.bumdes_ubah, name="bumdes-ubah"),
    path("bumdes/<int:pk>/unit/", bumdes.bumdes_unit, name="bumdes-unit"),
    path("bumdes/<int:pk>/pengurus/", bumdes.bumdes_pengurus, name="bumdes-pengurus"),
    path("bumdes/<int:pk>/laporan/", bumdes.bumdes_laporan, name="bumdes-laporan"),
    path("status-desa/impor/", status_desa.status_impor, name="status-impor"),
]
