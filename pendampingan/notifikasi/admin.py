from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .akses import boleh_kelola_pesan
from .models import (
    STATUS_BELUM_SELESAI,
    PenerimaKementerian,
    PercobaanKirim,
    PeristiwaPesan,
    Pesan,
    StatusPesan,
)


@admin.register(PenerimaKementerian)
class PenerimaKementerianAdmin(admin.ModelAdmin):
    list_display = ("nama", "jenis", "tujuan", "tingkat", "ringkas_peristiwa", "aktif")
    list_filter = ("jenis", "tingkat", "aktif")
    search_fields = ("nama", "alamat_email", "url", "peristiwa")
    fieldsets = (
        (None, {"fields": ("nama", "jenis", "aktif")}),
        (_("Tujuan"), {"fields": ("alamat_email", "url", "rahasia")}),
        (_("Peristiwa yang diterima"), {"fields": ("peristiwa", "tingkat")}),
    )

    @admin.display(description=_("peristiwa"))
    def ringkas_peristiwa(self, obj):
        return ", ".join(obj.daftar_peristiwa()) or _("semua")


class PercobaanInline(admin.TabularInline):
    model = PercobaanKirim
    extra = 0
    can_delete = False
    fields = ("nomor", "mulai", "selesai", "hasil", "kode_http", "galat", "pekerja")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class PeristiwaInline(admin.TabularInline):
    model = PeristiwaPesan
    extra = 0
    can_delete = False
    fields = ("waktu", "dari", "ke", "oleh", "percobaan", "catatan")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class GagalFilter(admin.SimpleListFilter):
    title = _("perlu perhatian")
    parameter_name = "perhatian"

    def lookups(self, request, model_admin):
        return [("gagal", _("Gagal (permanen)")), ("tertunda", _("Belum terkirim"))]

    def queryset(self, request, queryset):
        if self.value() == "gagal":
            return queryset.filter(status=StatusPesan.GAGAL)
        if self.value() == "tertunda":
            return queryset.filter(status__in=STATUS_BELUM_SELESAI)
        return queryset


@admin.register(Pesan)
class PesanAdmin(admin.ModelAdmin):
    list_display = (
        "dibuat",
        "peristiwa",
        "saluran",
        "penerima",
        "status",
        "percobaan",
        "ringkas_galat",
    )
    list_filter = (GagalFilter, "status", "saluran", "peristiwa")
    search_fields = ("kunci", "alamat", "subjek", "penerima_user__username", "object_id")
    date_hierarchy = "dibuat"
    list_select_related = ("penerima_user", "penerima_kementerian")
    actions = ["kirim_ulang_sekarang", "batalkan"]
    inlines = [PeristiwaInline, PercobaanInline]
    readonly_fields = [f.name for f in Pesan._meta.fields]

    def has_add_permission(self, request):
        return False  # messages are written by the services, never by hand

    def has_change_permission(self, request, obj=None):
        return False  # read-only; the status moves are the actions below

    def has_kelola_permission(self, request):
        return boleh_kelola_pesan(request.user)

    @admin.display(description=_("penerima"))
    def penerima(self, obj):
        return (
            obj.penerima_user.get_username()
            if obj.penerima_user_id and not obj.alamat
            else obj.alamat
        )

    @admin.display(description=_("galat terakhir"))
    def ringkas_galat(self, obj):
        return (obj.galat_terakhir or "")[:60]

    def _lapor(self, request, hasil, pesan_berhasil):
        n = len(hasil.ids)
        self.message_user(
            request, pesan_berhasil % {"n": n}, messages.SUCCESS if n else messages.WARNING
        )
        if hasil.ditolak:
            self.message_user(request, " ".join(hasil.ditolak[:20]), messages.WARNING)

    @admin.action(description=_("Kirim ulang sekarang"), permissions=["kelola"])
    def kirim_ulang_sekarang(self, request, queryset):
        hasil = services.pesan_kirim_ulang(
            pesan_ids=queryset.values_list("pk", flat=True), oleh=request.user
        )
        n = len(hasil.ids)
        self._lapor(
            request,
            hasil,
            ngettext(
                "%(n)d pesan dimasukkan lagi ke antrean.",
                "%(n)d pesan dimasukkan lagi ke antrean.",
                n,
            ),
        )

    @admin.action(description=_("Batalkan pengiriman"), permissions=["kelola"])
    def batalkan(self, request, queryset):
        hasil = services.pesan_batalkan(
            pesan_ids=queryset.values_list("pk", flat=True), oleh=request.user
        )
        n = len(hasil.ids)
        self._lapor(
            request,
            hasil,
            ngettext("%(n)d pesan dibatalkan.", "%(n)d pesan dibatalkan.", n),
        )
