"""Forms of forums: the list filter, a forum's description, its status."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan
from pendampingan.inti.sekali import KunciSekaliForm
from pendampingan.models import Pendamping, Tingkat, Wilayah
from pendampingan.widgets import WilayahField

from ..models import Forum, JenisForum, StatusForum, UnsurMasyarakat
from ._umum import Tanggal


class SaringForumForm(masukan.Form):
    q = forms.CharField(label=_("Cari"), required=False)
    jenis = forms.ChoiceField(
        label=_("Jenis"), choices=[("", "—"), *JenisForum.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", "—"), *StatusForum.choices], required=False
    )
    wilayah = forms.CharField(label=_("Kode wilayah"), required=False, help_text=_("Mis. 33.01.01"))
    unsur_belum = forms.ModelChoiceField(
        label=_("Unsur belum terwakili"),
        queryset=UnsurMasyarakat.objects.filter(aktif=True),
        required=False,
        empty_label="—",
    )


class ForumForm(KunciSekaliForm, masukan.Form):
    """A new forum (with its region and a one-time key) or a forum's description."""

    tanggal_lama = ("tanggal_dibentuk",)  # a forum may be decades old

    nama = forms.CharField(label=_("Nama forum"), max_length=200)
    jenis = forms.ChoiceField(label=_("Jenis"), choices=JenisForum.choices)
    wilayah = WilayahField(
        label=_("Wilayah"),
        mode="catat",
        help_text=_("Desa forum; untuk pusat kemasyarakatan antardesa: kecamatan atau kabupaten."),
    )
    tanggal_dibentuk = forms.DateField(label=_("Tanggal dibentuk"), widget=Tanggal())
    dasar_hukum = forms.CharField(
        label=_("Dasar hukum"),
        max_length=200,
        required=False,
        help_text=_("Mis. SK Kepala Desa Nomor 12 Tahun 2026."),
    )
    pendamping = forms.ModelChoiceField(
        label=_("Pendamping yang mengikuti"), queryset=Pendamping.objects.none(), required=False
    )
    keterangan = forms.CharField(
        label=_("Keterangan"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, user, forum: Forum | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pendamping"].queryset = Pendamping.objects.visible_to(user).filter(aktif=True)
        if forum is None:
            self.fields["wilayah"].set_queryset(
                Wilayah.objects.writable_by(user).filter(
                    tingkat__in=[Tingkat.DESA, Tingkat.KECAMATAN, Tingkat.KABUPATEN]
                )
            )
        else:  # a change: the region stays, nothing is created
            del self.fields["wilayah"]
            del self.fields["kunci_sekali"]


class StatusForumForm(masukan.Form):
    """A status move. ``dari`` is the status the user saw: when somebody moved the forum since,
    ``pindah_status`` refuses and says who did."""

    dari = forms.ChoiceField(choices=StatusForum.choices, required=False, widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status baru"), choices=StatusForum.choices)
    catatan = forms.CharField(
        label=_("Catatan"),
        max_length=300,
        required=False,
        help_text=_("Wajib bila forum dinyatakan bubar."),
    )
    yakin = forms.BooleanField(
        label=_("Saya paham: forum yang bubar tidak dapat diaktifkan lagi."),
        required=False,
    )

    def __init__(self, *args, forum: Forum, **kwargs):
        kwargs.setdefault("initial", {"status": forum.status, "dari": forum.status})
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("status") == StatusForum.BUBAR and not data.get("yakin"):
            self.add_error("yakin", _("Centang untuk menegaskan bahwa forum ini bubar."))
        return data
