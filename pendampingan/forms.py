from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from pendampingan.inti import masukan
from pendampingan.inti.masuk import dibatasi

from . import services
from .models import Pendamping, Penugasan, Wilayah
from .widgets import WilayahField


class PenugasanAdminForm(masukan.ModelForm):
    """Admin form for an assignment: the service's rules as form errors."""

    class Meta:
        model = Penugasan
        fields = ["pendamping", "wilayah", "jenis", "mulai", "selesai", "catatan"]

    def clean(self):
        data = super().clean()
        pendamping = data.get("pendamping") or getattr(self.instance, "pendamping", None)
        wilayah, jenis, mulai = data.get("wilayah"), data.get("jenis"), data.get("mulai")
        # an empty region is a national assignment; a region the field refused is not checked
        wilayah_sah = (
            wilayah is None and "wilayah" not in self.errors or isinstance(wilayah, Wilayah)
        )
        if isinstance(pendamping, Pendamping) and wilayah_sah and jenis and mulai:
            try:
                services.penugasan_validasi(
                    pendamping=pendamping,
                    wilayah=wilayah,
                    jenis=jenis,
                    mulai=mulai,
                    selesai=data.get("selesai"),
                    kecuali_pk=self.instance.pk,
                )
            except ValidationError as e:
                for field, msgs in e.message_dict.items():
                    self.add_error(field if field in self.fields else None, msgs)
        return data


__all__ = ["PenugasanAdminForm", "WilayahField"]


class BatasMasukMixin:
    """Says why when the address is past its failed logins (``inti.masuk``), not "wrong password"."""

    def get_invalid_login_error(self):
        if self.request is not None and dibatasi(self.request):
            return ValidationError(
                _(
                    "Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam "
                    "%(menit)d menit."
                )
                % {"menit": max(1, settings.MASUK_BATAS_JENDELA_DETIK // 60)},
                code="dibatasi",
            )
        return super().get_invalid_login_error()


class LoginForm(BatasMasukMixin, masukan.MasukanAman, AuthenticationForm):
    """The login form with its username bounded (Django sets its ``max_length`` after construction,
    which enforces nothing: a 300-character name reached the login-attempt log's 255-character
    column)."""


class AdminLoginForm(BatasMasukMixin, masukan.MasukanAman, AdminAuthenticationForm):
    """The admin's login form, bounded the same way."""
