"""Forms of the village facilities."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan
from pendampingan.inti.sekali import KunciSekaliForm
from pendampingan.models import Tingkat, Wilayah
from pendampingan.widgets import WilayahField

from ..models import JenisSarana, KondisiSarana, Sarana


class SaringSaranaForm(masukan.Form):
    q = forms.CharField(label=_("Cari"), required=False)
    desa = forms.CharField(label=_("Kode desa/wilayah"), required=False)
    jenis = forms.ChoiceField(
        label=_("Jenis"), choices=[("", "—"), *JenisSarana.choices], required=False
    )


class SaranaForm(KunciSekaliForm, masukan.Form):
    """A new facility (with its desa and a one-time key) or a facility's description."""

    wilayah = WilayahField(label=_("Desa"), tingkat=Tingkat.DESA, mode="catat")
    jenis = forms.ChoiceField(label=_("Jenis"), choices=JenisSarana.choices)
    nama = forms.CharField(label=_("Nama"), max_length=150)
    kondisi = forms.ChoiceField(label=_("Kondisi"), choices=KondisiSarana.choices)
    kapasitas = forms.IntegerField(label=_("Kapasitas (orang)"), min_value=0, required=False)
    keterangan = forms.CharField(label=_("Keterangan"), max_length=250, required=False)

    def __init__(self, *args, user, sarana: Sarana | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if sarana is None:
            self.fields["wilayah"].set_queryset(
                Wilayah.objects.writable_by(user).filter(tingkat=Tingkat.DESA)
            )
        else:  # a change: the desa stays, nothing is created
            del self.fields["wilayah"]
            del self.fields["kunci_sekali"]
