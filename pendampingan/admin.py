from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .forms import AdminLoginForm, PenugasanAdminForm
from .models import (
    AsistensiKegiatan,
    BidangPendampingan,
    Butir,
    DokumenKegiatan,
    FotoKegiatan,
    HariLibur,
    ImporWilayah,
    Kegiatan,
    KegiatanButir,
    KegiatanPeristiwa,
    LembagaDesa,
    Pendamping,
    PengarahanKegiatan,
    PenilaianPrinsip,
    Penugasan,
    Prinsip,
    PrioritasDanaDesa,
    Regulasi,
    SumberTanda,
    TindakLanjut,
    Tingkat,
    TujuanSdgs,
    Wilayah,
)
from .scope import cakupan_pengguna

# the admin login form with bounded input (inti/masukan.py)
admin.site.login_form = AdminLoginForm


def _admin_hanya_nasional(request) -> bool:
    """Django admin lists every region's rows, unscoped: only an active staff user of national
    scope (a superuser, a national role, or ``pendampingan.lihat_nasional`` — the Admin group) may
    enter it. A regional facilitator given staff status gets the admin login page instead of
    another region's rows (tests/scope/test_admin_scope.py)."""
    user = request.user
    return user.is_active and user.is_staff and cakupan_pengguna(user).nasional


admin.site.has_permission = _admin_hanya_nasional


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


class PenilaianPrinsipInline(admin.TabularInline):
    model = PenilaianPrinsip
    extra = 0
    fields = ["prinsip", "nilai", "catatan"]


class AsistensiInline(admin.StackedInline):
    model = AsistensiKegiatan
    extra = 0
    max_num = 1


class PengarahanInline(admin.StackedInline):
    model = PengarahanKegiatan
    extra = 0
    max_num = 1
    autocomplete_fields = ["prioritas"]
    raw_id_fields = ["tindak_lanjut"]


class BuktiInline(admin.TabularInline):
    """Evidence is checked by content on upload in the app; admin only reads and removes it."""

    extra = 0
    can_delete = True
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class FotoInline(BuktiInline):
    model = FotoKegiatan
    fields = [
        "nama_asli",
        "sha256",
        "ukuran",
        "lebar",
        "tinggi",
        "exif_waktu",
        "exif_lintang",
        "exif_bujur",
    ]
    readonly_fields = fields


class DokumenInline(BuktiInline):
    model = DokumenKegiatan
    fields = ["nama_asli", "jenis", "sha256", "ukuran"]
    readonly_fields = fields


class _TandaButirFormSet(forms.BaseInlineFormSet):
    """A tag that came from a linked record (otomatis) is shown, never edited or removed here:
    it comes and goes with its link."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if form.instance.pk and form.instance.sumber == SumberTanda.OTOMATIS:
            for field in form.fields.values():
                field.disabled = True
            form.fields.pop("DELETE", None)


class TandaButirInline(admin.TabularInline):
    model = KegiatanButir
    formset = _TandaButirFormSet
    extra = 0
    fields = ["butir", "sumber"]
    readonly_fields = ["sumber"]
    autocomplete_fields = ["butir"]
    verbose_name_plural = _("butir tata cara yang dilayani")


class PeristiwaInline(admin.TabularInline):
    model = KegiatanPeristiwa
    extra = 0
    fields = ["waktu", "oleh", "dari", "ke", "catatan"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Kegiatan)
class KegiatanAdmin(SimpleHistoryAdmin):
    list_display = ["tanggal", "judul", "pendamping", "wilayah", "tata_cara", "status"]
    list_filter = ["status", "tata_cara", ProvinsiFilter]
    search_fields = ["judul", "pendamping__nama", "^wilayah__kode", "wilayah__nama"]
    autocomplete_fields = ["pendamping", "wilayah", "diverifikasi_oleh"]
    list_select_related = ["pendamping", "wilayah"]
    filter_horizontal = ["sdgs"]
    date_hierarchy = "tanggal"
    readonly_fields = ["status", "diajukan_pada", "diverifikasi_oleh", "diverifikasi_pada"]
    inlines = [
        PenilaianPrinsipInline,
        TandaButirInline,
        AsistensiInline,
        PengarahanInline,
        FotoInline,
        DokumenInline,
        PeristiwaInline,
    ]


@admin.register(TujuanSdgs)
class TujuanSdgsAdmin(admin.ModelAdmin):
    list_display = ["nomor", "nama", "aktif"]
    list_editable = ["aktif"]


@admin.register(Prinsip)
class PrinsipAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "regulasi", "urutan", "aktif"]
    list_filter = ["regulasi", "aktif"]
    list_editable = ["urutan", "aktif"]


@admin.register(LembagaDesa)
class LembagaDesaAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "urutan", "aktif"]
    list_editable = ["urutan", "aktif"]


@admin.register(BidangPendampingan)
class BidangPendampinganAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "kode", "butir", "urutan", "aktif"]
    list_filter = ["jenis"]
    list_editable = ["urutan", "aktif"]
    list_select_related = ["butir"]
    autocomplete_fields = ["butir"]


@admin.register(PrioritasDanaDesa)
class PrioritasDanaDesaAdmin(admin.ModelAdmin):
    list_display = ["tahun", "kelompok", "nama", "regulasi", "urutan", "aktif"]
    list_filter = ["tahun", "regulasi"]
    list_editable = ["urutan", "aktif"]
    search_fields = ["nama", "kelompok", "regulasi"]


@admin.register(Regulasi)
class RegulasiAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "kode", "tanggal_ditetapkan", "digantikan_oleh"]
    search_fields = ["nama", "judul", "kode"]


@admin.register(Butir)
class ButirAdmin(SimpleHistoryAdmin):
    """The regulation's wording is law: once a butir exists its regulation, code and wording are
    read-only here (a correction is a data migration, checked against docs/regulasi/ by the test
    suite); the screen label, order and ``aktif`` stay editable."""

    list_display = ["kode", "label", "tata_cara", "jenis", "regulasi", "urutan", "aktif"]
    list_filter = ["regulasi", "tata_cara", "jenis", "aktif"]
    list_editable = ["label", "urutan", "aktif"]
    search_fields = ["kode", "label", "bunyi"]
    list_select_related = ["regulasi"]
    autocomplete_fields = ["induk"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["regulasi", "kode", "tata_cara", "jenis", "induk", "bunyi"]


@admin.register(TindakLanjut)
class TindakLanjutAdmin(SimpleHistoryAdmin):
    list_display = ["judul", "penanggung_jawab", "jatuh_tempo", "status", "wilayah", "pendamping"]
    list_filter = ["status", ProvinsiFilter]
    search_fields = ["judul", "penanggung_jawab", "^wilayah__kode", "wilayah__nama"]
    autocomplete_fields = ["pendamping", "wilayah", "kegiatan"]
    list_select_related = ["pendamping", "wilayah"]
    exclude = ["sumber_jenis", "sumber_id"]


@admin.register(HariLibur)
class HariLiburAdmin(SimpleHistoryAdmin):
    list_display = ["tanggal", "nama", "jenis", "libur"]
    list_filter = ["jenis", "libur"]
    search_fields = ["nama", "keterangan"]
    date_hierarchy = "tanggal"
