from django.contrib import admin

from .models import StatusPenyegaran


@admin.register(StatusPenyegaran)
class StatusPenyegaranAdmin(admin.ModelAdmin):
    list_display = ["kunci", "sampai", "diperbarui"]
    readonly_fields = ["kunci", "sampai", "diperbarui"]

    def has_add_permission(self, request):
        return False
