"""Forms validate input only; the services write.

Every form that creates a record carries the one-time key (``KunciSekaliForm``, first in the bases);
every upload field is checked by ``periksa_berkas`` in its ``clean_<field>``, so a refused file is
told on the field and the rest of the form is kept (the service checks again, from the cache on the
upload object).
"""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan
from pendampingan.inti.berkas import FOTO, FOTO_ATAU_DOKUMEN, periksa_berkas
from pendampingan.inti.sekali import KunciSekaliForm
from pendampingan.models import Wilayah
from pendampingan.selectors import desa_catat
from pendampingan.widgets import WilayahField

from . import selectors
from .akses import boleh_pindah
from .models import (
    KOLOM_DAMPAK,
    STATUS_BOLEH,
    Bantuan,
    KategoriKejadian,
    Kejadian,
    KeputusanKegiatanDesa,
    Koordinasi,
    StatusKejadian,
    TokohTerlibat,
)

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


class JenisChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.nama} ({obj.kode})"


class LaporCepatForm(KunciSekaliForm, masukan.Form):
    """The quick report: one screen on a phone, one small POST (the photo may follow)."""

    jenis = JenisChoiceField(label=_("Jenis kejadian"), queryset=None, empty_label=None)
    waktu = waktu_field(_("Kapan terjadi"))
    desa = WilayahField(label=_("Desa"), tingkat="desa", mode="catat")
    ringkasan = forms.CharField(
        label=_("Apa yang terjadi (satu kalimat)"),
        max_length=250,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    lintang = forms.DecimalField(label=_("Lintang"), required=False, max_digits=9, decimal_places=6)
    bujur = forms.DecimalField(label=_("Bujur"), required=False, max_digits=9, decimal_places=6)
    foto = forms.FileField(
        label=_("Foto"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
        help_text=_("Boleh menyusul setelah laporan terkirim."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        qs = selectors.jenis_aktif()
        self.fields["jenis"].queryset = qs
        kategori = dict(KategoriKejadian.choices)
        grup: dict = {}
        for j in qs:
            grup.setdefault(kategori.get(j.kategori, j.kategori), []).append(
                (j.pk, f"{j.nama} ({j.kode})")
            )
        self.fields["jenis"].choices = list(grup.items())
        desa = desa_catat(user=user)
        self.fields["desa"].set_queryset(desa)
        self.fields["waktu"].initial = _sekarang
        opsi = self.fields["desa"].widget.opsi_awal
        if len(opsi) == 1:
            self.fields["desa"].initial = opsi[0].kode

    def clean_foto(self):
        foto = self.cleaned_data.get("foto")
        if foto:
            periksa_berkas(foto, FOTO)
        return foto


class StatusForm(masukan.Form):
    """A status move. ``dari`` is the status the page showed: if somebody moved the incident since,
    the move is refused and the user told who did (a post without it — an old page — is checked
    against the status as it is). Bound, ``ke`` takes any status (the move map and
    the access rules are checked by the service, on the locked row)."""

    ke = forms.ChoiceField(label=_("Status baru"))
    dari = forms.ChoiceField(
        choices=StatusKejadian.choices, required=False, widget=forms.HiddenInput
    )
    catatan = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, kejadian: Kejadian, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dari"].initial = kejadian.status
        if self.is_bound:
            self.fields["ke"].choices = StatusKejadian.choices
        else:
            boleh = STATUS_BOLEH.get(kejadian.status, set())
            self.fields["ke"].choices = [
                (v, lbl)
                for v, lbl in StatusKejadian.choices
                if v in boleh and (user is None or boleh_pindah(user, kejadian, v))
            ]


class DesaTerdampakForm(KunciSekaliForm, masukan.Form):
    desa = WilayahField(label=_("Desa terdampak"), tingkat="desa")

    def __init__(self, *args, kejadian: Kejadian, user, **kwargs):
        super().__init__(*args, **kwargs)
        # any desa of the incident's kabupaten, or any desa the user sees
        qs = Wilayah.objects.desa().filter(
            Q(kode__startswith=kejadian.wilayah_id[:5] + ".")
            | Q(kode__in=Wilayah.objects.visible_to(user).desa().values("kode"))
        )
        self.fields["desa"].set_queryset(
            qs.exclude(kode__in=kejadian.desa_terdampak.values("wilayah_id"))
        )


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
        for kolom, label, _grup in KOLOM_DAMPAK:
            if kolom.endswith("_ha"):
                f = forms.DecimalField(
                    label=label, max_digits=10, decimal_places=2, initial=0, required=False
                )
            else:
                f = forms.IntegerField(label=label, initial=0, required=False)
            f.widget.attrs.update({"inputmode": "numeric", "class": "angka"})
            self.fields[kolom] = f
        self.order_fields(["desa", "waktu", *[k for k, _l, _g in KOLOM_DAMPAK]])

    def clean(self):
        data = super().clean()
        for kolom, _l, _g in KOLOM_DAMPAK:
            v = data.get(kolom)
            if v is not None and v < 0:
                self.add_error(kolom, PESAN_NEGATIF)
        return data

    def angka(self) -> dict:
        return {k: self.cleaned_data.get(k) or 0 for k, _l, _g in KOLOM_DAMPAK}


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


class TautkanKegiatanForm(KunciSekaliForm, masukan.Form):
    kegiatan = forms.ModelChoiceField(label=_("Kegiatan harian saya"), queryset=None)

    def __init__(self, *args, kejadian: Kejadian, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kegiatan"].queryset = selectors.kegiatan_untuk_ditautkan(
            kejadian=kejadian, user=user
        )


class KejadianChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.kode} · {obj.jenis.nama} · {obj.wilayah.nama}"


class KegiatanKejadianForm(masukan.Form):
    """The daily-log entry's extra form (tata cara KLB dan bencana): which incident it served."""

    kejadian = KejadianChoiceField(
        label=_("Kejadian yang ditangani"),
        queryset=None,
        required=False,
        empty_label=_("— otomatis: kejadian aktif di desa kegiatan —"),
    )

    def __init__(self, *args, user, kegiatan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kejadian"].queryset = selectors.kejadian_aktif_untuk_kegiatan(user=user)
        tautan = getattr(kegiatan, "tautan_bencana", None) if kegiatan and kegiatan.pk else None
        if tautan is not None:
            self.fields["kejadian"].initial = tautan.kejadian_id
