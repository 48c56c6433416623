from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AktivitasForum,
    Anggota,
    Forum,
    Keputusan,
    Pertemuan,
    RiwayatStatusForum,
    Sarana,
    UnsurMasyarakat,
)


@admin.register(UnsurMasyarakat)
class UnsurMasyarakatAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "butir", "urutan", "aktif"]
    list_editable = ["urutan", "aktif"]
    search_fields = ["nama", "kode"]
    list_select_related = ["butir"]
    autocomplete_fields = ["butir"]


class AnggotaInline(admin.TabularInline):
    model = Anggota
    extra = 0
    fields = [
        "nama",
        "jenis_kelamin",
        "unsur",
        "peran",
        "kontak",
        "tanggal_masuk",
        "tanggal_keluar",
    ]


class RiwayatStatusInline(admin.TabularInline):
    model = RiwayatStatusForum
    extra = 0
    readonly_fields = ["dari", "ke", "oleh", "waktu", "catatan"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Forum)
class ForumAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "jenis", "wilayah", "status", "tanggal_dibentuk", "pendamping"]
    list_filter = ["jenis", "status"]
    search_fields = ["nama", "^wilayah__kode", "wilayah__nama"]
    autocomplete_fields = ["wilayah", "pendamping"]
    list_select_related = ["wilayah", "pendamping"]
    # the status moves only through the forum's page (``pindah_status``, with its event row)
    readonly_fields = ["status"]
    inlines = [AnggotaInline, RiwayatStatusInline]


@admin.register(Sarana)
class SaranaAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "jenis", "wilayah", "kondisi", "kapasitas"]
    list_filter = ["jenis", "kondisi"]
    search_fields = ["nama", "^wilayah__kode", "wilayah__nama"]
    autocomplete_fields = ["wilayah"]
    list_select_related = ["wilayah"]


class KeputusanInline(admin.StackedInline):
    model = Keputusan
    extra = 0
    raw_id_fields = ["tindak_lanjut"]


@admin.register(Pertemuan)
class PertemuanAdmin(SimpleHistoryAdmin):
    list_display = ["forum", "kegiatan", "sarana", "tamu_laki", "tamu_perempuan"]
    raw_id_fields = ["kegiatan", "forum", "sarana"]
    filter_horizontal = ["hadir"]
    list_select_related = ["forum", "kegiatan", "sarana"]
    inlines = [KeputusanInline]


@admin.register(AktivitasForum)
class AktivitasForumAdmin(SimpleHistoryAdmin):
    list_display = ["forum", "jenis", "bidang", "kegiatan"]
    list_filter = ["jenis", "bidang"]
    raw_id_fields = ["kegiatan", "forum"]
    list_select_related = ["forum", "kegiatan"]
