"""Laporan bulanan"""

from django.urls import path, register_converter

from . import views
from .forms import bulan_dari_teks


class BulanConverter:
    """``2026-10`` ↔ ``date(2026, 10, 1)``; an impossible month is a 404."""

    regex = r"\d{4}-\d{2}"

    def to_python(self, value):
        bulan = bulan_dari_teks(value)
        if bulan is None:
            raise ValueError(value)
        return bulan

    def to_url(self, value):
        return value.strftime("%Y-%m") if hasattr(value, "strftime") else str(value)


register_converter(BulanConverter, "bulan")

app_name = "bulanan"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("periksa/", views.periksa, name="periksa"),
    path("bulan/<bulan:bulan>/", views.bulan, name="bulan"),
    path("bulan/<bulan:bulan>/rencana/", views.rencana_tambah, name="rencana-tambah"),
    path("bulan/<bulan:bulan>/rencana/salin/", views.rencana_salin, name="rencana-salin"),
    path("bulan/<bulan:bulan>/susun/", views.laporan_susun, name="laporan-susun"),
    path("rencana/<int:pk>/ubah/", views.rencana_ubah, name="rencana-ubah"),
    path("rencana/<int:pk>/hapus/", views.rencana_hapus, name="rencana-hapus"),
    path("laporan/<int:pk>/", views.laporan_detail, name="laporan-detail"),
    path("laporan/<int:pk>/susun/", views.laporan_susun_ulang, name="laporan-susun-ulang"),
    path("laporan/<int:pk>/narasi/", views.laporan_narasi, name="laporan-narasi"),
    path("laporan/<int:pk>/ajukan/", views.laporan_ajukan, name="laporan-ajukan"),
    path("laporan/<int:pk>/setujui/", views.laporan_setujui, name="laporan-setujui"),
    path("laporan/<int:pk>/kembalikan/", views.laporan_kembalikan, name="laporan-kembalikan"),
    path("laporan/<int:pk>/rekomendasi/", views.laporan_rekomendasi, name="laporan-rekomendasi"),
    path("laporan/<int:pk>/buka/", views.laporan_buka, name="laporan-buka"),
    path("laporan/<int:pk>/pdf/", views.laporan_pdf, name="laporan-pdf"),
    path("laporan/<int:pk>/xlsx/", views.laporan_xlsx, name="laporan-xlsx"),
    path("rekap/", views.rekap, name="rekap"),
    path("rekap/xlsx/", views.rekap_xlsx, name="rekap-xlsx"),
    path("rekap/zip/", views.rekap_zip, name="rekap-zip"),
]
