"""The account page's token form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..inti.masukan import Form


class TokenBuatForm(Form):
    nama = forms.CharField(
        label=_("Nama perangkat"),
        max_length=100,
        help_text=_("Mis. “HP kerja” atau “Server SID Desa” — agar mudah dikenali saat mencabut."),
    )
