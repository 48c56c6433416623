from __future__ import annotations

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan
from pendampingan.inti.sekali import KunciSekaliForm
from pendampingan.models import TataCara
from pendampingan.widgets import WilayahField

from .models import Rekomendasi

POLA_BULAN = re.compile(r"^(\d{4})-(\d{2})$")


def bulan_dari_teks(teks: str) -> datetime.date | None:
    m = POLA_BULAN.match((teks or "").strip())
    if not m:
        return None
    tahun, bulan = int(m.group(1)), int(m.group(2))
    if not (2000 <= tahun <= 2100 and 1 <= bulan <= 12):
        return None
    return datetime.date(tahun, bulan, 1)


class BulanField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "month", "pattern": r"\d{4}-\d{2}"})
    default_error_messages = {"invalid": _("Tulis bulan dengan format TTTT-BB, misalnya 2026-10.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        bulan = bulan_dari_teks(value)
        if bulan is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return bulan

    def prepare_value(self, value):
        return value.strftime("%Y-%m") if isinstance(value, datetime.date) else value


class RencanaForm(KunciSekaliForm, masukan.Form):
    wilayah = WilayahField(label=_("Desa"), tingkat="desa", mode="catat")
    tata_cara = forms.ChoiceField(label=_("Tata cara"), choices=TataCara.choices)
    target_kegiatan = forms.IntegerField(
        label=_("Target jumlah kegiatan"), min_value=1, max_value=200, initial=1
    )
    sasaran = forms.CharField(
        label=_("Sasaran / keluaran"),
        max_length=300,
        required=False,
        help_text=_("Misalnya: RKP Desa 2027 disepakati dalam Musdes."),
    )

    def __init__(self, *args, desa_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wilayah"].set_queryset(desa_qs)


class SusunForm(KunciSekaliForm, masukan.Form):
    """Draft (or redraft) the month's report; the first draft creates the report, so the form
    carries a one-time key."""

    susun_ulang_narasi = forms.BooleanField(
        label=_("Susun ulang narasi dari kegiatan (suntingan saya diganti)"), required=False
    )


class NarasiForm(masukan.Form):
    """One textarea per narrative section of the report."""

    def __init__(self, *args, narasi, **kwargs):
        super().__init__(*args, **kwargs)
        self.narasi = list(narasi)
        for n in self.narasi:
            self.fields[f"narasi_{n.pk}"] = forms.CharField(
                label=n.judul,
                required=False,
                max_length=20000,
                initial=n.teks,
                widget=forms.Textarea(attrs={"rows": 6}),
            )

    def teks(self) -> dict[int, str]:
        """The sections sent in the form (a section not sent is left as it is)."""
        return {
            n.pk: self.cleaned_data.get(f"narasi_{n.pk}", "")
            for n in self.narasi
            if f"narasi_{n.pk}" in self.data
        }

    def pasangan(self):
        return [(n, self[f"narasi_{n.pk}"]) for n in self.narasi]


class DariForm(masukan.Form):
    """A form that moves the report's status carries the status the user saw (``dari``): when
    somebody else moved it in between, the move is refused with who did it."""

    dari = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_dari(self):
        return self.cleaned_data.get("dari") or None


class AjukanForm(DariForm):
    pass


class SetujuiForm(DariForm):
    catatan = forms.CharField(
        label=_("Catatan (opsional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class KembalikanForm(DariForm):
    catatan = forms.CharField(
        label=_("Catatan untuk pendamping"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan catatan: apa yang perlu diperbaiki pendamping.")},
    )


class RekomendasiForm(masukan.Form):
    rekomendasi = forms.ChoiceField(
        label=_("Rekomendasi pembayaran"), choices=Rekomendasi.choices, widget=forms.RadioSelect
    )
    alasan = forms.CharField(label=_("Alasan"), max_length=300, required=False)


class BukaForm(KunciSekaliForm, masukan.Form):
    alasan = forms.CharField(
        label=_("Alasan membuka kembali"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Tuliskan alasan membuka kembali bulan ini.")},
    )
    sampai = forms.DateField(
        label=_("Dibuka sampai"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sampai"].initial = timezone.localdate() + datetime.timedelta(days=3)


class RekapForm(masukan.Form):
    wilayah = WilayahField(label=_("Wilayah"), required=False)
    bulan = BulanField(label=_("Bulan"), required=False)

    def __init__(self, *args, wilayah_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wilayah"].set_queryset(wilayah_qs)
        self.fields["wilayah"].widget.attrs["class"] = "form-control"
        self.fields["bulan"].widget.attrs["class"] = "form-control"


class ZipForm(KunciSekaliForm, masukan.Form):
    """The area and month of a recap file (XLSX or ZIP) to build in the background."""

    wilayah = WilayahField(label=_("Wilayah"))
    bulan = BulanField(label=_("Bulan"))

    def __init__(self, *args, wilayah_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wilayah"].set_queryset(wilayah_qs)
