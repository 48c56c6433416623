from django import forms
from django.utils.translation import gettext_lazy as _

from ..inti import masukan


class KodeForm(masukan.Form):
    """One code: six digits from the authenticator app, or a recovery code."""

    kode = forms.CharField(
        label=_("Kode"),
        max_length=32,
        help_text=_("Enam angka dari aplikasi autentikator, atau salah satu kode pemulihan."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )


class KodeAplikasiForm(KodeForm):
    """The first code from the app being enrolled (digits only)."""

    kode = forms.CharField(
        label=_("Kode dari aplikasi"),
        max_length=12,
        help_text=_("Ketik enam angka yang tampil di aplikasi setelah memindai kode QR."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
