from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pendampingan.admin import ProvinsiFilter

from .models import (
    JejakAkses,
    Kategori,
    KegiatanPengaduan,
    Lampiran,
    Musyawarah,
    Pengaduan,
    PengingatSLA,
    PeristiwaPengaduan,
    Teradu,
)


@admin.register(Kategori)
class KategoriAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "tentang_pendamping", "urutan", "aktif"]
    list_editable = ["urutan", "aktif"]
    search_fields = ["nama", "kode"]


class PeristiwaInline(admin.TabularInline):
    model = PeristiwaPengaduan
    extra = 0
    fields = ["waktu", "jenis", "dari", "ke", "oleh", "publik", "catatan"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class LampiranInline(admin.TabularInline):
    model = Lampiran
    extra = 0
    fields = ["nama_asli", "jenis_mime", "ukuran", "dibuat"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class TeraduInline(admin.TabularInline):
    model = Teradu
    extra = 0
    fields = ["pendamping", "dicatat"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class KegiatanInline(admin.TabularInline):
    model = KegiatanPengaduan
    extra = 0
    fields = ["kegiatan", "dibuat"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Pengaduan)
class PengaduanAdmin(SimpleHistoryAdmin):
    list_display = ["kode", "judul", "kategori", "wilayah", "status", "tenggat", "diterima_pada"]
    list_filter = ["status", "kategori", "jenis", "saluran", "anonim", "rahasia", ProvinsiFilter]
    search_fields = ["=kode", "judul"]
    list_select_related = ["kategori", "wilayah"]
    autocomplete_fields = ["wilayah", "penangan", "dicatat_oleh"]
    readonly_fields = [
        "kode",
        "status",
        "tenggat",
        "tenggat_jenis",
        "tenggat_verifikasi",
        "tenggat_rencana",
        "tenggat_tutup",
        "diverifikasi_pada",
        "rencana_pada",
        "selesai_pada",
        "ditutup_pada",
        "teradu_peran",
    ]
    inlines = [PeristiwaInline, TeraduInline, LampiranInline, KegiatanInline]
    date_hierarchy = "diterima_pada"
    show_full_result_count = False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Musyawarah)
class MusyawarahAdmin(SimpleHistoryAdmin):
    list_display = ["pengaduan", "tanggal", "tempat", "mufakat", "dicatat_oleh"]
    list_select_related = ["pengaduan", "dicatat_oleh"]
    search_fields = ["=pengaduan__kode", "tempat"]
    raw_id_fields = ["pengaduan", "dicatat_oleh"]


@admin.register(PengingatSLA)
class PengingatSLAAdmin(admin.ModelAdmin):
    list_display = ["pengaduan", "tenggat_jenis", "tenggat", "tahap", "dikirim"]
    list_filter = ["tenggat_jenis", "tahap"]
    raw_id_fields = ["pengaduan"]
    search_fields = ["=pengaduan__kode"]


@admin.register(JejakAkses)
class JejakAksesAdmin(admin.ModelAdmin):
    """The audit trail, read-only: rows are only ever added (by the complaint page and the API)."""

    list_display = ["waktu", "pengaduan", "pengguna", "identitas", "rahasia", "pintu", "alamat"]
    list_filter = ["pintu", "identitas", "rahasia"]
    list_select_related = ["pengaduan", "pengguna"]
    search_fields = ["=pengaduan__kode", "pengguna__username"]
    date_hierarchy = "waktu"
    show_full_result_count = False

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
