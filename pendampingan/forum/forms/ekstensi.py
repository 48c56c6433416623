"""The forum part of the daily-log entry form (tata cara pengorganisasian)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan

from .. import selectors
from ..models import BidangPengabdian, Forum, JenisAktivitas, Sarana
from ._umum import SaranaPilihan

SEBAGAI_PERTEMUAN = "pertemuan"


class _ForumPilihan(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.nama} ({obj.wilayah.nama})"


class EkstensiForumForm(masukan.Form):
    """Inside the daily-log entry form (tata cara pengorganisasian): link the entry to a forum as a
    meeting or an activity. Attendance and decisions are added on the meeting's page."""

    forum = _ForumPilihan(
        label=_("Forum"),
        queryset=Forum.objects.none(),
        required=False,
        empty_label=_("— tidak tertaut ke forum —"),
    )
    sebagai = forms.ChoiceField(
        label=_("Dicatat sebagai"),
        choices=[(SEBAGAI_PERTEMUAN, _("Pertemuan forum")), *JenisAktivitas.choices],
        initial=SEBAGAI_PERTEMUAN,
    )
    sarana = SaranaPilihan(label=_("Sarana"), queryset=Sarana.objects.none(), required=False)
    tempat_lain = forms.CharField(label=_("Tempat lain"), max_length=150, required=False)
    tamu_laki = forms.IntegerField(label=_("Tamu laki-laki"), min_value=0, initial=0)
    tamu_perempuan = forms.IntegerField(label=_("Tamu perempuan"), min_value=0, initial=0)
    notulen = forms.CharField(
        label=_("Notulen"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    bidang = forms.ChoiceField(
        label=_("Bidang pengabdian"),
        choices=[("", "—"), *BidangPengabdian.choices],
        required=False,
    )
    umkm = forms.CharField(
        label=_("UMKM yang terlibat"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    kesepakatan = forms.CharField(
        label=_("Yang disepakati"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, user, kegiatan=None, **kwargs):
        awal = {}
        if kegiatan is not None and kegiatan.pk:
            p = getattr(kegiatan, "pertemuan_forum", None)
            a = getattr(kegiatan, "aktivitas_forum", None)
            if p is not None:
                awal = {
                    "forum": p.forum_id,
                    "sebagai": SEBAGAI_PERTEMUAN,
                    "sarana": p.sarana_id,
                    "tempat_lain": p.tempat_lain,
                    "tamu_laki": p.tamu_laki,
                    "tamu_perempuan": p.tamu_perempuan,
                    "notulen": p.notulen,
                }
            elif a is not None:
                awal = {
                    "forum": a.forum_id,
                    "sebagai": a.jenis,
                    "bidang": a.bidang,
                    "umkm": a.umkm,
                    "kesepakatan": a.kesepakatan,
                }
        kwargs["initial"] = {**awal, **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["forum"].queryset = selectors.forum_tulis(user=user).select_related("wilayah")
        self.fields["sarana"].queryset = Sarana.objects.writable_by(user).select_related("wilayah")

    def clean(self):
        """The forum rules as field errors here, so the entry form shows them beside the fields."""
        from .. import services

        data = super().clean()
        forum = data.get("forum")
        if forum is None:
            return data
        if data.get("sebagai") == SEBAGAI_PERTEMUAN:
            sarana = data.get("sarana")
            if sarana is not None and not services.sarana_di_wilayah_forum(sarana, forum):
                self.add_error(
                    "sarana",
                    _(
                        "%(sarana)s adalah sarana %(desa)s, bukan sarana wilayah forum ini. "
                        "Pilih sarana desa forum, atau tulis tempatnya di kolom “Tempat lain”."
                    )
                    % {"sarana": sarana.nama, "desa": sarana.wilayah.nama},
                )
        else:
            errors = services.aktivitas_validasi(
                jenis=data.get("sebagai"),
                bidang=data.get("bidang"),
                umkm=data.get("umkm"),
                kesepakatan=data.get("kesepakatan"),
            )
            for nama, pesan in errors.items():
                self.add_error(nama, pesan)
        return data
