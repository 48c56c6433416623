"""Admin: the reference list is edited here; incident records are read-only (they are written
through the app's services, and the chronology and impact snapshots are append-only)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pendampingan.admin import ProvinsiFilter

from .models import (
    Bukti,
    DesaTerdampak,
    JenisKejadian,
    Kejadian,
    Kronologi,
    LaporanVersi,
    PenilaianDampak,
    PerubahanStatus,
)


@admin.register(JenisKejadian)
class JenisKejadianAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "kategori", "sumber", "aktif", "urutan"]
    list_filter = ["kategori", "aktif"]
    search_fields = ["kode", "nama"]
    list_editable = ["aktif", "urutan"]

    def has_delete_permission(self, request, obj=None):
        return False  # incidents point at it; set "aktif" off instead

    def get_readonly_fields(self, request, obj=None):
        return ["kode"] if obj else []


class _BacaSaja:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DesaInline(_BacaSaja, admin.TabularInline):
    model = DesaTerdampak
    extra = 0
    fields = ["wilayah", "ditambah_oleh", "dibuat"]
    readonly_fields = fields


class KronologiInline(_BacaSaja, admin.TabularInline):
    model = Kronologi
    fk_name = "kejadian"
    extra = 0
    fields = ["waktu", "isi", "mengoreksi", "oleh", "dibuat"]
    readonly_fields = fields


class PerubahanInline(_BacaSaja, admin.TabularInline):
    model = PerubahanStatus
    extra = 0
    fields = ["waktu", "dari", "ke", "oleh", "catatan"]
    readonly_fields = fields


class LaporanInline(_BacaSaja, admin.TabularInline):
    model = LaporanVersi
    extra = 0
    fields = ["nomor", "pemicu", "dibuat", "dikirim_oleh"]
    readonly_fields = fields


@admin.register(Kejadian)
class KejadianAdmin(_BacaSaja, SimpleHistoryAdmin):
    list_display = ["kode", "jenis", "wilayah", "waktu", "status", "pelapor"]
    list_filter = ["status", "jenis__kategori", "jenis", ProvinsiFilter]
    search_fields = ["kode", "ringkasan", "^wilayah__kode", "wilayah__nama"]
    list_select_related = ["jenis", "wilayah", "pelapor"]
    date_hierarchy = "waktu"
    inlines = [DesaInline, PerubahanInline, KronologiInline, LaporanInline]

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("bencana.view_kejadian")


@admin.register(Kronologi)
class KronologiAdmin(_BacaSaja, admin.ModelAdmin):
    list_display = ["kejadian", "waktu", "isi", "mengoreksi", "oleh"]
    list_select_related = ["kejadian", "oleh"]
    search_fields = ["kejadian__kode", "isi"]


@admin.register(PenilaianDampak)
class PenilaianDampakAdmin(_BacaSaja, admin.ModelAdmin):
    list_display = ["kejadian", "wilayah", "waktu", "meninggal", "hilang", "mengungsi", "oleh"]
    list_select_related = ["kejadian", "wilayah", "oleh"]
    search_fields = ["kejadian__kode", "^wilayah__kode", "wilayah__nama"]


@admin.register(Bukti)
class BuktiAdmin(_BacaSaja, admin.ModelAdmin):
    list_display = ["kejadian", "nama_asli", "jenis", "ukuran", "sha256", "dibuat"]
    list_select_related = ["kejadian"]
    search_fields = ["kejadian__kode", "sha256", "nama_asli"]
    exclude = ["berkas"]  # files are served only through the scoped view
