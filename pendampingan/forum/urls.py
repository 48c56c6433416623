"""Pengorganisasian (forum)"""

from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.forum_list, name="forum-list"),
    path("baru/", views.forum_create, name="forum-create"),
    path("<int:pk>/", views.forum_detail, name="forum-detail"),
    path("<int:pk>/ubah/", views.forum_update, name="forum-update"),
    path("<int:pk>/status/", views.forum_status, name="forum-status"),
    path("<int:pk>/anggota/baru/", views.anggota_create, name="anggota-create"),
    path("<int:pk>/anggota/impor/", views.anggota_impor, name="anggota-impor"),
    path("<int:pk>/pertemuan/baru/", views.pertemuan_create, name="pertemuan-create"),
    path("<int:pk>/aktivitas/baru/", views.aktivitas_create, name="aktivitas-create"),
    path("anggota/<int:pk>/ubah/", views.anggota_update, name="anggota-update"),
    path("pertemuan/<int:pk>/", views.pertemuan_detail, name="pertemuan-detail"),
    path("pertemuan/<int:pk>/ubah/", views.pertemuan_update, name="pertemuan-update"),
    path("pertemuan/<int:pk>/keputusan/", views.keputusan_create, name="keputusan-create"),
    path(
        "keputusan/<int:pk>/tindak-lanjut/",
        views.keputusan_tindak_lanjut,
        name="keputusan-tindak-lanjut",
    ),
    path("tindak-lanjut/", views.tindak_lanjut_saya, name="tindak-lanjut-list"),
    path("sarana/", views.sarana_list, name="sarana-list"),
    path("sarana/baru/", views.sarana_create, name="sarana-create"),
    path("sarana/<int:pk>/ubah/", views.sarana_update, name="sarana-update"),
    path("pengawasan/", views.pengawasan, name="pengawasan"),
]
