"""KLB dan bencana"""

from django.urls import path

from . import views

app_name = "bencana"

urlpatterns = [
    path("", views.kejadian_list, name="kejadian-list"),
    path("peta/", views.kejadian_peta, name="kejadian-peta"),
    path("rekap/", views.rekap, name="rekap"),
    path("lapor/", views.kejadian_lapor, name="kejadian-lapor"),
    path("<int:pk>/", views.kejadian_detail, name="kejadian-detail"),
    path("<int:pk>/status/", views.kejadian_status, name="kejadian-status"),
    path("<int:pk>/desa/", views.desa_tambah, name="desa-tambah"),
    path("<int:pk>/kronologi/", views.kronologi_tambah, name="kronologi-tambah"),
    path("<int:pk>/kronologi/<int:entri>/ubah/", views.kronologi_ubah, name="kronologi-ubah"),
    path("<int:pk>/dampak/", views.dampak_tambah, name="dampak-tambah"),
    path("<int:pk>/pengungsian/", views.pengungsian_tambah, name="pengungsian-tambah"),
    path("<int:pk>/bukti/", views.bukti_tambah, name="bukti-tambah"),
    path("bukti/<int:pk>/", views.bukti_unduh, name="bukti-unduh"),
    path("<int:pk>/koordinasi/", views.koordinasi_tambah, name="koordinasi-tambah"),
    path("<int:pk>/tokoh/", views.tokoh_tambah, name="tokoh-tambah"),
    path("<int:pk>/keputusan/", views.keputusan_tambah, name="keputusan-tambah"),
    path("<int:pk>/mitigasi/", views.mitigasi_tambah, name="mitigasi-tambah"),
    path("<int:pk>/bantuan/", views.bantuan_tambah, name="bantuan-tambah"),
    path("<int:pk>/kegiatan/", views.kegiatan_tautkan, name="kegiatan-tautkan"),
    path("<int:pk>/laporan/kirim/", views.laporan_kirim, name="laporan-kirim"),
    path("<int:pk>/laporan/catat/", views.laporan_catat_luar, name="laporan-catat-luar"),
    path("<int:pk>/laporan/cetak/", views.laporan_cetak, name="laporan-cetak"),
    path("<int:pk>/laporan/pdf/", views.laporan_pdf, name="laporan-pdf"),
]
