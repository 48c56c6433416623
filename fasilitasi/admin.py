"""Admin: reference data and workflow templates are edited here (changes never touch running
cases, which keep their own copy of the stages); cases and their events are read-only here."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AmbangStatus,
    BumDesa,
    ButirFasilitasi,
    DimensiIndeks,
    DokumenTahapTemplat,
    Fasilitasi,
    ImporStatusDesa,
    IndeksStatus,
    LaporanTahunanBumDesa,
    PengurusBumDesa,
    PeristiwaFasilitasi,
    RuangLingkup,
    SkorDimensi,
    StatusDesa,
    TahapFasilitasi,
    TahapTemplat,
    TemplatAlur,
    UnitUsaha,
)


class ButirInline(admin.TabularInline):
    model = ButirFasilitasi
    extra = 0


@admin.register(RuangLingkup)
class RuangLingkupAdmin(admin.ModelAdmin):
    list_display = ["nomor", "nama", "butir_regulasi"]
    list_select_related = ["butir_regulasi"]
    autocomplete_fields = ["butir_regulasi"]
    inlines = [ButirInline]


@admin.register(ButirFasilitasi)
class ButirAdmin(admin.ModelAdmin):
    list_display = ["__str__", "ruang_lingkup", "aktif"]
    list_filter = ["ruang_lingkup", "aktif"]
    search_fields = ["uraian"]


class TahapInline(admin.TabularInline):
    model = TahapTemplat
    extra = 0
    fields = [
        "urutan",
        "nama",
        "jenis_tenggat",
        "tenggat_bulan",
        "tenggat_hari",
        "tenggat_geser_tahun",
        "tenggat_jumlah_hari",
        "tonggak",
        "dasar",
        "sumber",
        "tautan_dokumen",
    ]
    readonly_fields = ["tautan_dokumen"]

    @admin.display(description=_("dokumen"))
    def tautan_dokumen(self, obj):
        if not obj.pk:
            return "—"
        url = reverse("admin:fasilitasi_tahaptemplat_change", args=[obj.pk])
        return format_html('<a href="{}">{} ({})</a>', url, _("ubah dokumen"), obj.dokumen.count())


@admin.register(TemplatAlur)
class TemplatAlurAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "kode", "butir", "masa_tahun", "hanya_desa", "aktif"]
    list_filter = ["aktif", "hanya_desa", "butir__ruang_lingkup"]
    search_fields = ["nama", "kode"]
    prepopulated_fields = {"kode": ["nama"]}
    inlines = [TahapInline]


class DokumenTahapInline(admin.TabularInline):
    model = DokumenTahapTemplat
    extra = 1


@admin.register(TahapTemplat)
class TahapTemplatAdmin(SimpleHistoryAdmin):
    list_display = ["templat", "urutan", "nama", "jenis_tenggat", "tonggak", "dasar"]
    list_filter = ["templat", "dasar", "jenis_tenggat"]
    search_fields = ["nama", "templat__nama"]
    inlines = [DokumenTahapInline]


class BacaSaja:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class TahapKasusInline(BacaSaja, admin.TabularInline):
    model = TahapFasilitasi
    extra = 0
    fields = ["urutan", "nama", "mulai", "selesai", "jatuh_tempo", "dokumen"]
    readonly_fields = fields


@admin.register(Fasilitasi)
class FasilitasiAdmin(BacaSaja, SimpleHistoryAdmin):
    list_display = ["judul", "wilayah", "templat", "tahun", "status", "tahap_kini", "jatuh_tempo"]
    list_filter = ["status", "templat", "tahun"]
    search_fields = ["judul", "^wilayah__kode", "wilayah__nama"]
    list_select_related = ["wilayah", "templat", "tahap_kini"]
    inlines = [TahapKasusInline]


@admin.register(PeristiwaFasilitasi)
class PeristiwaAdmin(BacaSaja, admin.ModelAdmin):
    list_display = ["kasus", "jenis", "dari_tahap", "ke_tahap", "dari", "ke", "oleh", "waktu"]
    list_filter = ["jenis"]
    list_select_related = ["kasus", "dari_tahap", "ke_tahap", "oleh"]


class UnitInline(admin.TabularInline):
    model = UnitUsaha
    extra = 0


class PengurusInline(admin.TabularInline):
    model = PengurusBumDesa
    extra = 0


class LaporanInline(admin.TabularInline):
    model = LaporanTahunanBumDesa
    extra = 0


@admin.register(BumDesa)
class BumDesaAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "wilayah", "jenis", "status_badan_hukum", "nomor_registrasi", "aktif"]
    list_filter = ["jenis", "status_badan_hukum", "aktif"]
    search_fields = ["nama", "nomor_registrasi", "^wilayah__kode", "wilayah__nama"]
    autocomplete_fields = ["wilayah", "desa_anggota"]
    list_select_related = ["wilayah"]
    inlines = [UnitInline, PengurusInline, LaporanInline]


class AmbangInline(admin.TabularInline):
    model = AmbangStatus
    extra = 0


class DimensiInline(admin.TabularInline):
    model = DimensiIndeks
    extra = 0


class SkorDimensiInline(admin.TabularInline):
    model = SkorDimensi
    extra = 0


@admin.register(IndeksStatus)
class IndeksStatusAdmin(admin.ModelAdmin):
    """An index as data: its years, dimensions and bands (with their source; bands marked
    ``bawaan`` are defaults to check against the regulation)."""

    list_display = ["nama", "kode", "skor_maks", "tahun_awal", "tahun_akhir", "dasar_hukum"]
    inlines = [DimensiInline, AmbangInline]


@admin.register(StatusDesa)
class StatusDesaAdmin(SimpleHistoryAdmin):
    list_display = ["wilayah", "indeks", "tahun", "skor", "status"]
    list_filter = ["indeks", "tahun", "status"]
    search_fields = ["^wilayah__kode", "wilayah__nama"]
    autocomplete_fields = ["wilayah"]
    list_select_related = ["wilayah", "indeks"]
    show_full_result_count = False
    inlines = [SkorDimensiInline]


@admin.register(ImporStatusDesa)
class ImporStatusDesaAdmin(BacaSaja, admin.ModelAdmin):
    list_display = ["waktu", "indeks", "nama_berkas", "oleh", "jumlah_baris", "diimpor", "ditolak"]
