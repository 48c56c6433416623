"""The section forms of an incident: chronology, impact, evacuation, evidence, coordination,
leaders, decisions, aid, mitigation, report versions, the daily-log link."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan
from pendampingan.inti.berkas import FOTO, FOTO_ATAU_DOKUMEN, periksa_berkas
from pendampingan.inti.sekali import KunciSekaliForm

from .. import selectors
from ..models import (
    KOLOM_ISIAN,
    KOLOM_PER_TINGKAT,
    Bantuan,
    Kejadian,
    KeputusanKegiatanDesa,
    Koordinasi,
    SaluranLaporan,
    TokohTerlibat,
)
from ._umum import PESAN_NEGATIF, TanggalInput, _DesaKejadianMixin, _sekarang, waktu_field


class KronologiForm(KunciSekaliForm, masukan.Form):
    waktu = waktu_field()
    isi = forms.CharField(
        label=_("Apa yang terjadi / dilakukan"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["waktu"].initial = _sekarang


class DampakForm(KunciSekaliForm, _DesaKejadianMixin, masukan.Form):
    waktu = waktu_field(_("Keadaan per"))
    sumber = forms.CharField(
        label=_("Sumber data"),
        required=False,
        max_length=150,
        help_text=_("Misalnya: pendataan langsung, pemerintah desa, BPBD."),
    )
    catatan = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, kejadian: Kejadian, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_desa(kejadian, "desa")
        self.fields["waktu"].initial = _sekarang
        for kolom, label, _grup in KOLOM_ISIAN:
            if kolom.endswith("_ha"):
                f = forms.DecimalField(
                    label=label, max_digits=10, decimal_places=2, initial=0, required=False
                )
            else:
                f = forms.IntegerField(label=label, initial=0, required=False)
            f.widget.attrs.update({"inputmode": "numeric", "class": "angka"})
            self.fields[kolom] = f
        # a facility's total without severities: not asked on the page (hidden, 0), but an API
        # client that still sends it keeps it (the service sums severities when there are any)
        for kolom in KOLOM_PER_TINGKAT:
            self.fields[kolom] = forms.IntegerField(
                initial=0, required=False, widget=forms.HiddenInput
            )
        self.order_fields(["desa", "waktu", *[k for k, _l, _g in KOLOM_ISIAN]])

    def clean(self):
        data = super().clean()
        for kolom in [*(k for k, _l, _g in KOLOM_ISIAN), *KOLOM_PER_TINGKAT]:
            v = data.get(kolom)
            if v is not None and v < 0:
                self.add_error(kolom, PESAN_NEGATIF)
        return data

    def angka(self) -> dict:
        """The figures entered (facility totals follow from their severities in the service)."""
        kolom = [*(k for k, _l, _g in KOLOM_ISIAN), *KOLOM_PER_TINGKAT]
        return {k: self.cleaned_data.get(k) or 0 for k in kolom}


class PengungsianForm(KunciSekaliForm, _DesaKejadianMixin, masukan.Form):
    """F1: a group of people moved to safety."""

    waktu = waktu_field(_("Waktu dipindahkan"))
    lokasi = forms.CharField(
        label=_("Dipindahkan ke (tempat aman)"),
        max_length=200,
        help_text=_("Misalnya: Balai Desa Sukamaju, SD Negeri 2, rumah kerabat di dusun atas."),
    )
    jumlah_jiwa = forms.IntegerField(
        label=_("Jumlah orang (jiwa)"),
        min_value=0,
        widget=forms.NumberInput({"inputmode": "numeric"}),
    )
    dipindahkan_oleh = forms.CharField(
        label=_("Dipindahkan/diorganisasi oleh"),
        max_length=200,
        help_text=_("Misalnya: BPBD bersama pemerintah desa dan PLD."),
    )
    keterangan = forms.CharField(
        label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    mengoreksi = forms.ModelChoiceField(
        label=_("Mengoreksi catatan"),
        queryset=None,
        required=False,
        empty_label=_("— catatan baru, bukan koreksi —"),
        help_text=_(
            "Catatan yang dikoreksi tidak dihitung lagi (isi 0 bila tidak jadi dipindahkan)."
        ),
    )

    def __init__(self, *args, kejadian: Kejadian, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_desa(kejadian, "desa", _("Dari desa"))
        self.fields["waktu"].initial = _sekarang
        self.fields["mengoreksi"].queryset = kejadian.pengungsian.berlaku().select_related(
            "wilayah"
        )
        self.fields["mengoreksi"].label_from_instance = lambda p: (
            f"{timezone.localtime(p.waktu):%d-%m-%Y %H:%M} · {p.wilayah.nama} → {p.lokasi} "
            f"({p.jumlah_jiwa})"
        )
        self.order_fields(["desa", "waktu", "lokasi", "jumlah_jiwa", "dipindahkan_oleh"])


class BuktiForm(KunciSekaliForm, masukan.Form):
    berkas = forms.FileField(
        label=_("Foto atau dokumen"),
        help_text=_(
            "JPEG, PNG, WebP, PDF, DOCX, XLSX atau ODT; isi berkas diperiksa, bukan namanya."
        ),
    )
    keterangan = forms.CharField(label=_("Keterangan"), required=False, max_length=250)
    jenis_berkas = FOTO_ATAU_DOKUMEN

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        periksa_berkas(berkas, self.jenis_berkas)
        return berkas


class FotoForm(BuktiForm):
    """The photo that follows a quick report (second request; its key comes with the report's
    answer)."""

    berkas = forms.FileField(label=_("Foto"))
    jenis_berkas = FOTO


class KoordinasiForm(KunciSekaliForm, masukan.ModelForm):
    waktu = waktu_field()

    class Meta:
        model = Koordinasi
        fields = ["waktu", "instansi", "nama_instansi", "kontak", "permintaan", "kesepakatan"]
        widgets = {
            "permintaan": forms.Textarea(attrs={"rows": 2}),
            "kesepakatan": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["waktu"].initial = _sekarang


class TokohForm(KunciSekaliForm, masukan.ModelForm):
    class Meta:
        model = TokohTerlibat
        fields = ["nama", "unsur", "peran", "kontak"]


class KeputusanForm(KunciSekaliForm, _DesaKejadianMixin, masukan.ModelForm):
    class Meta:
        model = KeputusanKegiatanDesa
        fields = ["kegiatan", "keputusan", "alasan", "diputuskan_oleh", "tanggal"]
        widgets = {"alasan": forms.Textarea(attrs={"rows": 2}), "tanggal": TanggalInput()}

    def __init__(self, *args, kejadian: Kejadian, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_desa(kejadian)
        self.fields["tanggal"].initial = timezone.localdate
        self.order_fields(["wilayah"])


class BantuanForm(KunciSekaliForm, _DesaKejadianMixin, masukan.ModelForm):
    class Meta:
        model = Bantuan
        fields = ["tanggal", "dari", "wujud", "untuk_jiwa", "untuk_kk"]
        widgets = {"tanggal": TanggalInput()}

    def __init__(self, *args, kejadian: Kejadian, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_desa(kejadian)
        self.fields["tanggal"].initial = timezone.localdate
        self.order_fields(["wilayah"])


class MitigasiForm(KunciSekaliForm, _DesaKejadianMixin, masukan.Form):
    judul = forms.CharField(label=_("Tindakan mitigasi"), max_length=250)
    mitra = forms.CharField(
        label=_("Pelaksana dan mitra"),
        max_length=150,
        help_text=_("Misalnya: Pemdes bersama BPBD dan Karang Taruna."),
    )
    jatuh_tempo = forms.DateField(label=_("Target selesai"), widget=TanggalInput())

    def __init__(self, *args, kejadian: Kejadian, **kwargs):
        super().__init__(*args, **kwargs)
        self._pasang_desa(kejadian)
        self.order_fields(["wilayah"])


class LaporanVersiForm(KunciSekaliForm, masukan.Form):
    pemicu = forms.CharField(
        label=_("Apa yang baru dalam versi ini"),
        max_length=250,
        help_text=_("Misalnya: status menjadi tanggap darurat; penilaian dampak baru."),
    )


class LaporanLuarForm(KunciSekaliForm, masukan.Form):
    """F4: a report made to the ministry outside the app (phone, in person, in writing)."""

    saluran = forms.ChoiceField(
        label=_("Cara melapor"),
        choices=[(v, lbl) for v, lbl in SaluranLaporan.choices if v != SaluranLaporan.SISTEM],
        widget=forms.RadioSelect,
    )
    waktu = waktu_field(_("Waktu melapor"))
    penerima_nama = forms.CharField(label=_("Diterima oleh (nama)"), max_length=150)
    penerima_unit = forms.CharField(
        label=_("Unit di kementerian"),
        max_length=150,
        required=False,
        help_text=_("Misalnya: BPSDM, Direktorat Penanganan Bencana, piket pusat data."),
    )
    pemicu = forms.CharField(
        label=_("Apa yang dilaporkan"),
        max_length=250,
        help_text=_("Singkat: misalnya banjir 1 m di 2 dusun, 120 jiwa mengungsi ke balai desa."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["waktu"].initial = _sekarang


class TautkanKegiatanForm(KunciSekaliForm, masukan.Form):
    kegiatan = forms.ModelChoiceField(label=_("Kegiatan harian saya"), queryset=None)

    def __init__(self, *args, kejadian: Kejadian, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kegiatan"].queryset = selectors.kegiatan_untuk_ditautkan(
            kejadian=kejadian, user=user
        )
