"""Admin: Django admin needs a verified second factor (where it is required), the device admins of
django-otp are not offered (they would show a user's key to an admin), and an admin resets a
user's devices with an action on the user list — confirmed on its own page and written to the
user's admin history (LogEntry)."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .akses import wajib_dua_langkah
from .services import perangkat_hapus

User = get_user_model()

for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)

_izin_asli = admin.site.has_permission


def _izin_admin(request) -> bool:
    """Staff who must use two factors reach admin only from a verified session."""
    if not _izin_asli(request):
        return False
    verified = getattr(request.user, "is_verified", None)
    return not wajib_dua_langkah(request.user) or bool(verified and verified())


admin.site.has_permission = _izin_admin


@admin.action(description=gettext_lazy("Reset perangkat dua langkah"), permissions=["change"])
def reset_dua_langkah(modeladmin, request, queryset):
    """Confirm, then remove the chosen users' authenticator apps and recovery codes."""
    pengguna = list(queryset.exclude(pk=request.user.pk))
    if len(pengguna) < queryset.count():
        modeladmin.message_user(
            request,
            _(
                "Perangkat Anda sendiri tidak direset di sini; daftarkan ulang dari halaman Dua langkah."
            ),
            messages.WARNING,
        )
    if request.POST.get("konfirmasi") == "ya":
        for u in pengguna:
            try:
                n = perangkat_hapus(user=u, oleh=request.user)
            except PermissionDenied as e:
                modeladmin.message_user(request, str(e), messages.ERROR)
                return None
            modeladmin.log_change(
                request, u, _("Perangkat dua langkah direset (%(n)s perangkat dihapus).") % {"n": n}
            )
        modeladmin.message_user(
            request,
            _("Perangkat dua langkah %(n)s pengguna direset; mereka mendaftar ulang saat masuk.")
            % {"n": len(pengguna)},
            messages.SUCCESS,
        )
        return None
    return TemplateResponse(
        request,
        "admin/masuk/reset_konfirmasi.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": _("Reset perangkat dua langkah"),
            "pengguna": pengguna,
            "opts": modeladmin.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        },
    )


class PenggunaAdmin(UserAdmin):
    actions = [reset_dua_langkah]


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, PenggunaAdmin)
