from django.contrib import admin

from .models import StatusPenyegaran, Unduhan


@admin.register(Unduhan)
class UnduhanAdmin(admin.ModelAdmin):
    list_display = ["judul", "pengguna", "format", "status", "jumlah_baris", "dibuat", "selesai"]
    list_filter = ["status", "format", "ekspor"]
    search_fields = ["judul", "pengguna__username"]
    readonly_fields = [f.name for f in Unduhan._meta.fields]
    date_hierarchy = "dibuat"

    def has_add_permission(self, request):
        return False


@admin.register(StatusPenyegaran)
class StatusPenyegaranAdmin(admin.ModelAdmin):
    list_display = ["kunci", "sampai", "diperbarui"]
    readonly_fields = ["kunci", "sampai", "diperbarui"]

    def has_add_permission(self, request):
        return False
