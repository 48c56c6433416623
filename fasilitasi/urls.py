from django.urls import path

from . import views

app_name = "fasilitasi"

urlpatterns = [
    path("", views.kasus_saya, name="kasus-saya"),
    path("kasus/", views.kasus_list, name="kasus-list"),
    path("kasus/baru/", views.kasus_buat, name="kasus-buat"),
    path("kasus/<int:pk>/", views.kasus_detail, name="kasus-detail"),
    path("kasus/<int:pk>/maju/", views.kasus_maju, name="kasus-maju"),
    path("kasus/<int:pk>/mundur/", views.kasus_mundur, name="kasus-mundur"),
    path("kasus/<int:pk>/status/", views.kasus_status, name="kasus-status"),
    path("kasus/<int:pk>/dokumen/", views.kasus_dokumen, name="kasus-dokumen"),
    path("dokumen/<int:pk>/", views.dokumen_unduh, name="dokumen-unduh"),
    path("papan/", views.papan, name="papan"),
    path("papan/belum/", views.papan_belum, name="papan-belum"),
    path("bumdes/", views.bumdes_list, name="bumdes-list"),
    path("bumdes/baru/", views.bumdes_buat, name="bumdes-buat"),
    path("bumdes/<int:pk>/", views.bumdes_detail, name="bumdes-detail"),
    path("bumdes/<int:pk>/ubah/", views.bumdes_ubah, name="bumdes-ubah"),
    path("bumdes/<int:pk>/unit/", views.bumdes_unit, name="bumdes-unit"),
    path("bumdes/<int:pk>/pengurus/", views.bumdes_pengurus, name="bumdes-pengurus"),
    path("bumdes/<int:pk>/laporan/", views.bumdes_laporan, name="bumdes-laporan"),
    path("status-desa/impor/", views.status_impor, name="status-impor"),
]
