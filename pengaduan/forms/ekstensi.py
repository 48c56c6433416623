"""Inside the daily-log entry form (the core's extension point): the complaint an activity
served."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan

from .. import selectors
from ..models import Pengaduan


class _PengaduanPilihan(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.kode} · {obj.judul[:60]} ({obj.wilayah.nama})"


class EkstensiPengaduanForm(masukan.Form):
    """Inside the daily-log entry form: the complaint this activity served (among the open ones the
    user handles)."""

    pengaduan = _PengaduanPilihan(
        label=_("Pengaduan yang ditangani"),
        queryset=Pengaduan.objects.none(),
        required=False,
        empty_label=_("— tidak terkait pengaduan —"),
    )

    def __init__(self, *args, user, kegiatan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pengaduan"].queryset = selectors.pengaduan_untuk_kegiatan(user=user)
        if kegiatan is not None and kegiatan.pk and not self.is_bound:
            tautan = kegiatan.pengaduan_terkait.first()
            if tautan is not None:
                self.initial["pengaduan"] = tautan.pengaduan_id
