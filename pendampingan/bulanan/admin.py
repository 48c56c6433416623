from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    LaporanBulanan,
    NarasiLaporan,
    PembukaanBulan,
    PeristiwaLaporan,
    RencanaKerja,
)


@admin.register(RencanaKerja)
class RencanaKerjaAdmin(SimpleHistoryAdmin):
    list_display = ["bulan", "pendamping", "wilayah", "tata_cara", "target_kegiatan"]
    list_filter = ["bulan", "tata_cara"]
    search_fields = ["pendamping__nama", "wilayah__nama", "^wilayah__kode"]
    list_select_related = ["pendamping", "wilayah"]
    raw_id_fields = ["pendamping"]
    autocomplete_fields = ["wilayah"]


class NarasiInline(admin.StackedInline):
    model = NarasiLaporan
    extra = 0
    fields = ["jenis", "judul", "teks", "disunting"]
    readonly_fields = ["jenis", "judul", "disunting"]


class PeristiwaInline(admin.TabularInline):
    model = PeristiwaLaporan
    extra = 0
    fields = ["waktu", "oleh", "dari", "ke", "catatan"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(LaporanBulanan)
class LaporanBulananAdmin(SimpleHistoryAdmin):
    """Read-mostly: the flow moves through the site's pages (services), not through admin."""

    list_display = [
        "bulan",
        "pendamping",
        "wilayah",
        "status",
        "hari_kerja",
        "jumlah_kegiatan",
        "terlambat",
        "rekomendasi",
    ]
    list_filter = ["status", "bulan", "terlambat", "rekomendasi"]
    search_fields = ["pendamping__nama", "^wilayah__kode", "wilayah__nama"]
    list_select_related = ["pendamping", "wilayah"]
    inlines = [NarasiInline, PeristiwaInline]
    readonly_fields = [
        "pendamping",
        "wilayah",
        "bulan",
        "status",
        "hari_kerja",
        "menit_kerja",
        "jumlah_kegiatan",
        "jumlah_terverifikasi",
        "data",
        "disusun_pada",
        "diajukan_pada",
        "terlambat",
        "disetujui_pada",
        "disetujui_oleh",
        "rekomendasi",
        "alasan_rekomendasi",
        "direkomendasi_oleh",
        "direkomendasi_pada",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(PembukaanBulan)
class PembukaanBulanAdmin(admin.ModelAdmin):
    list_display = ["waktu", "pendamping", "bulan", "sampai", "oleh"]
    list_filter = ["bulan"]
    search_fields = ["pendamping__nama", "alasan"]
    readonly_fields = ["pendamping", "wilayah", "bulan", "sampai", "alasan", "oleh", "waktu"]

    def has_add_permission(self, request):
        return False
