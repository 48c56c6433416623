"""The incident itself: the quick report, a status move, a village added, the daily-log link."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan
from pendampingan.inti.berkas import FOTO, periksa_berkas
from pendampingan.inti.sekali import KunciSekaliForm
from pendampingan.models import Wilayah
from pendampingan.selectors import desa_catat
from pendampingan.widgets import WilayahField

from .. import selectors
from ..akses import boleh_pindah
from ..models import (
    STATUS_BOLEH,
    KategoriKejadian,
    Kejadian,
    StatusKejadian,
)
from ._umum import _sekarang, waktu_field


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
