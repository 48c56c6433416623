from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from .models import TokenPerangkat
from .services import token_cabut


@admin.register(TokenPerangkat)
class TokenPerangkatAdmin(admin.ModelAdmin):
    list_display = ["nama", "user", "awalan", "dibuat", "terakhir_dipakai", "dicabut"]
    list_filter = [("dicabut", admin.EmptyFieldListFilter)]
    search_fields = ["nama", "user__username", "awalan"]
    readonly_fields = [
        "user",
        "nama",
        "awalan",
        "dibuat",
        "terakhir_dipakai",
        "dicabut",
        "dicabut_oleh",
    ]
    list_select_related = ["user"]
    actions = ["cabut"]

    def has_add_permission(self, request):
        return False  # a token is made by its user, who sees the secret once

    @admin.action(description=_("Cabut token terpilih"))
    def cabut(self, request, queryset):
        n = 0
        for t in queryset.filter(dicabut__isnull=True):
            token_cabut(user=request.user, token=t)
            n += 1
        self.message_user(request, _("%(n)d token dicabut.") % {"n": n}, messages.SUCCESS)
