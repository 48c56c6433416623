"""What the incident forms share: date/time inputs, the choice among an incident's villages."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FORMAT_WAKTU = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M"]
PESAN_NEGATIF = _("Angka dampak tidak boleh kurang dari nol.")


class WaktuInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class TanggalInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def waktu_field(label=None, **kw):
    return forms.DateTimeField(
        label=label or _("Waktu"), input_formats=FORMAT_WAKTU, widget=WaktuInput(), **kw
    )


def _sekarang():
    return timezone.localtime().replace(second=0, microsecond=0)


class _DesaKejadianMixin:
    """A choice among the incident's affected villages."""

    def _pasang_desa(self, kejadian, nama="wilayah", label=None):
        desa = [d.wilayah for d in kejadian.desa_terdampak.select_related("wilayah")]
        self.fields[nama] = forms.TypedChoiceField(
            label=label or _("Desa"), choices=[(d.kode, d.nama) for d in desa], coerce=str
        )
        self._desa_kejadian = {d.kode: d for d in desa}
        if len(desa) == 1:
            self.fields[nama].initial = desa[0].kode

    def desa_terpilih(self, nama="wilayah"):
        return self._desa_kejadian[self.cleaned_data[nama]]
