import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan
from pendampingan.inti.sekali import KunciSekaliForm
from pendampingan.models import NilaiPrinsip, StatusKegiatan, StatusTindakLanjut, TataCara

BATAS_HARI_PERIODE = 366
# The entry list's status "submitted or verified": what the coverage matrix counts.
STATUS_TERHITUNG = "terhitung"


class PeriodeForm(masukan.Form):
    wilayah = forms.CharField(required=False, max_length=13, widget=forms.HiddenInput)
    dari = forms.DateField(
        label=_("Dari"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sampai = forms.DateField(
        label=_("Sampai"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        dari, sampai = data.get("dari"), data.get("sampai")
        if dari and sampai:
            if sampai < dari:
                raise ValidationError(_("Tanggal akhir tidak boleh sebelum tanggal awal."))
            if (sampai - dari).days >= BATAS_HARI_PERIODE:
                raise ValidationError(_("Periode paling panjang satu tahun (366 hari)."))
        return data


class FilterKegiatanForm(masukan.Form):
    wilayah = forms.CharField(required=False, max_length=13, widget=forms.HiddenInput)
    q = forms.CharField(label=_("Cari judul"), required=False, max_length=100)
    dari = forms.DateField(
        label=_("Dari"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sampai = forms.DateField(
        label=_("Sampai"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tata_cara = forms.ChoiceField(
        label=_("Tata cara"), required=False, choices=[("", _("Semua"))] + TataCara.choices
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua")), (STATUS_TERHITUNG, _("Diajukan atau diverifikasi"))]
        + StatusKegiatan.choices,
    )
    pendamping = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    butir = forms.IntegerField(
        required=False, widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1
    )
    sdg = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1, max_value=18)
    prinsip = forms.SlugField(required=False, widget=forms.HiddenInput, max_length=40)
    nilai = forms.ChoiceField(
        required=False, widget=forms.HiddenInput, choices=NilaiPrinsip.choices
    )

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["sampai"] < data["dari"]:
            raise ValidationError(_("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return data


class FilterTindakLanjutForm(masukan.Form):
    wilayah = forms.CharField(required=False, max_length=13, widget=forms.HiddenInput)
    q = forms.CharField(label=_("Cari"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua")), ("terlambat", _("Terlambat"))] + StatusTindakLanjut.choices,
    )
    pendamping = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)


class FilterDesaForm(masukan.Form):
    wilayah = forms.CharField(required=False, max_length=13, widget=forms.HiddenInput)
    q = forms.CharField(label=_("Cari desa"), required=False, max_length=100)
    kondisi = forms.ChoiceField(
        label=_("Kondisi"),
        required=False,
        choices=[
            ("", _("Semua desa")),
            ("celah", _("Tanpa kegiatan 30 hari terakhir")),
            ("aktif", _("Ada kegiatan 30 hari terakhir")),
            ("kosong", _("Tanpa pendamping lapangan")),
        ],
    )


class FilterPendampingForm(PeriodeForm):
    urut = forms.ChoiceField(
        label=_("Urutkan"),
        required=False,
        choices=[
            ("nama", _("Nama")),
            ("kegiatan", _("Kegiatan paling sedikit")),
            ("antrean", _("Antrean verifikasi terpanjang")),
            ("ditandai", _("Paling banyak ditandai")),
        ],
    )


class PermintaanBerkasForm(KunciSekaliForm):
    """The button that asks for a file built in the background (a large export, the PDF): only
    the one-time key, so a double click queues one file. The region and filters stay in the
    URL's query string."""


def filter_bersih(form_class, data) -> dict:
    """The valid filters of a GET query (invalid values are dropped: a list never errors on a bad
    query string, it just shows the form's message)."""
    form = form_class(data)
    form.is_valid()
    hasil = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
    for k, v in list(hasil.items()):
        if isinstance(v, datetime.date):
            hasil[k] = v
    return hasil
