from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .forms import PenugasanAdminForm
from .models import ImporWilayah, Kegiatan, Pendamping, Penugasan, TindakLanjut, Tingkat, Wilayah


class ProvinsiFilter(admin.SimpleListFilter):
    title = _("provinsi")
    parameter_name = "provinsi"

    def lookups(self, request, model_admin):
        return list(Wilayah.objects.filter(tingkat=Tingkat.PROVINSI).values_list("kode", "nama"))

    def queryset(self, request, queryset):
        if self.value():
            lookup = getattr(queryset, "kode_lookup", "wilayah__kode")
            return queryset.filter(**{f"{lookup}__startswith": self.value()})
        return queryset


@admin.register(Wilayah)
class WilayahAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "tingkat", "jenis", "induk", "jumlah_penduduk"]
    list_filter = ["tingkat", "jenis", ProvinsiFilter]
    search_fields = ["^kode", "nama"]
    autocomplete_fields = ["induk"]
    list_select_related = ["induk"]
    readonly_fields = ["diperbarui"]
    show_full_result_count = False

    def get_readonly_fields(self, request, obj=None):
        # a region's identity comes from the Kemendagri list; only descriptive fields are edited here
        return ["kode", "tingkat", "jenis", "induk", "diperbarui"] if obj else ["diperbarui"]


@admin.register(ImporWilayah)
class ImporWilayahAdmin(admin.ModelAdmin):
    list_display = ["waktu", "sumber", "versi", "ditambah", "diubah", "tidak_ada_lagi", "detik"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PenugasanInline(admin.TabularInline):
    model = Penugasan
    form = PenugasanAdminForm
    extra = 0
    autocomplete_fields = ["wilayah"]
    fields = ["wilayah", "jenis", "mulai", "selesai", "catatan"]


@admin.register(Pendamping)
class PendampingAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "jabatan", "user", "nomor_kontrak", "telepon", "aktif"]
    list_filter = ["jabatan", "aktif"]
    search_fields = ["nama", "user__username", "nomor_kontrak", "telepon"]
    autocomplete_fields = ["user"]
    list_select_related = ["user"]
    inlines = [PenugasanInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.pendamping_sinkronkan_grup(pendamping=obj)


@admin.register(Penugasan)
class PenugasanAdmin(SimpleHistoryAdmin):
    form = PenugasanAdminForm
    list_display = ["pendamping", "jenis", "wilayah", "mulai", "selesai"]
    list_filter = ["jenis", "pendamping__jabatan", ProvinsiFilter]
    search_fields = ["pendamping__nama", "^wilayah__kode", "wilayah__nama"]
    autocomplete_fields = ["pendamping", "wilayah"]
    list_select_related = ["pendamping", "wilayah"]
    date_hierarchy = "mulai"


@admin.register(Kegiatan)
class KegiatanAdmin(SimpleHistoryAdmin):
    list_display = ["tanggal", "judul", "pendamping", "wilayah", "tata_cara", "status"]
    list_filter = ["status", "tata_cara", ProvinsiFilter]
    search_fields = ["judul", "pendamping__nama", "^wilayah__kode", "wilayah__nama"]
    autocomplete_fields = ["pendamping", "wilayah"]
    list_select_related = ["pendamping", "wilayah"]
    date_hierarchy = "tanggal"


@admin.register(TindakLanjut)
class TindakLanjutAdmin(SimpleHistoryAdmin):
    list_display = ["judul", "penanggung_jawab", "jatuh_tempo", "status", "wilayah", "pendamping"]
    list_filter = ["status", ProvinsiFilter]
    search_fields = ["judul", "penanggung_jawab", "^wilayah__kode", "wilayah__nama"]
    autocomplete_fields = ["pendamping", "wilayah", "kegiatan"]
    list_select_related = ["pendamping", "wilayah"]
    exclude = ["sumber_jenis", "sumber_id"]
