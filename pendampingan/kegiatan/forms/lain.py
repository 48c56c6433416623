"""The small forms of the daily log: return with a note, list filters, closing a follow-up."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan

from ...models import (
    StatusKegiatan,
    StatusTindakLanjut,
    TataCara,
)
from .entri import _TanggalInput


class KembalikanForm(masukan.Form):
    catatan = forms.CharField(
        label=_("Catatan untuk pendamping"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        error_messages={"required": _("Tuliskan catatan: apa yang perlu diperbaiki?")},
    )


class SaringForm(masukan.Form):
    wilayah = forms.CharField(required=False, label=_("Desa/wilayah"))
    tata_cara = forms.ChoiceField(
        required=False,
        label=_("Tata cara"),
        choices=[("", _("Semua tata cara")), *TataCara.choices],
    )
    status = forms.ChoiceField(
        required=False,
        label=_("Status"),
        choices=[("", _("Semua status")), *StatusKegiatan.choices],
    )
    dari = forms.DateField(required=False, label=_("Dari"), widget=_TanggalInput())
    sampai = forms.DateField(required=False, label=_("Sampai"), widget=_TanggalInput())
    q = forms.CharField(required=False, label=_("Cari"))

    def __init__(self, *args, pilihan_wilayah=(), **kwargs):
        super().__init__(*args, **kwargs)
        if pilihan_wilayah:
            self.fields["wilayah"] = forms.ChoiceField(
                required=False,
                label=_("Desa/wilayah"),
                choices=[("", _("Semua tempat")), *pilihan_wilayah],
            )
        for field in self.fields.values():
            css = (
                "form-select form-select-sm"
                if isinstance(field.widget, forms.Select)
                else "form-control form-control-sm"
            )
            field.widget.attrs["class"] = css

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["sampai"] < data["dari"]:
            self.add_error("sampai", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return data


class TindakLanjutSelesaiForm(masukan.Form):
    status = forms.ChoiceField(
        label=_("Hasil"),
        choices=[
            (StatusTindakLanjut.SELESAI, _("Selesai dilaksanakan")),
            (StatusTindakLanjut.BATAL, _("Dibatalkan")),
        ],
        initial=StatusTindakLanjut.SELESAI,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    catatan = forms.CharField(
        label=_("Catatan penyelesaian"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        error_messages={"required": _("Tuliskan catatan penyelesaian.")},
    )
