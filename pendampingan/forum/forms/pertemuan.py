"""Forms of meetings (place, attendance, guests, minutes), their decisions, and activities."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan
from pendampingan.inti.sekali import KunciSekaliForm

from .. import selectors
from ..models import AktivitasForum, Anggota, BidangPengabdian, Forum, JenisAktivitas, Sarana
from ._umum import Jam, SaranaPilihan, Tanggal


class _AnggotaPilihan(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        # a number beyond 64 bits would reach the query (SQLite raises OverflowError): refuse it
        for pk in value:
            try:
                dalam = masukan.BIGINT_MIN <= int(str(pk)) <= masukan.BIGINT_MAKS
            except (TypeError, ValueError):
                continue  # not a number: the parent answers invalid_pk_value itself
            if not dalam:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)

    def label_from_instance(self, obj):
        teks = f"{obj.nama} ({obj.get_jenis_kelamin_display()}, {obj.unsur})"
        if obj.tanggal_keluar:
            teks += " · " + str(_("keluar")) + f" {obj.tanggal_keluar:%d-%m-%Y}"
        return teks


class PertemuanIsiForm(masukan.Form):
    """Place, attendance, guests and minutes of a meeting."""

    sarana = SaranaPilihan(
        label=_("Sarana"),
        queryset=Sarana.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": _(
                "Sarana itu bukan sarana wilayah forum ini. Pilih sarana desa forum, atau tulis "
                "tempatnya di kolom “Tempat lain”."
            )
        },
    )
    tempat_lain = forms.CharField(label=_("Tempat lain"), max_length=150, required=False)
    hadir = _AnggotaPilihan(
        label=_("Anggota yang hadir"),
        queryset=Anggota.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Orang itu bukan anggota forum ini — catat sebagai tamu."),
            "invalid_pk_value": _("Pilihan kehadiran tidak sah."),
        },
    )
    tamu_laki = forms.IntegerField(label=_("Tamu laki-laki"), min_value=0, initial=0)
    tamu_perempuan = forms.IntegerField(label=_("Tamu perempuan"), min_value=0, initial=0)
    tamu_disabilitas = forms.IntegerField(
        label=_("… di antaranya penyandang disabilitas"), min_value=0, initial=0
    )
    tamu_lansia = forms.IntegerField(label=_("… di antaranya lanjut usia"), min_value=0, initial=0)
    tamu_miskin = forms.IntegerField(
        label=_("… di antaranya dari keluarga miskin"), min_value=0, initial=0
    )
    notulen = forms.CharField(
        label=_("Notulen"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )

    def __init__(self, *args, user, forum: Forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.forum = forum
        self.fields["sarana"].queryset = selectors.sarana_untuk_forum(user=user, forum=forum)
        self.fields["hadir"].queryset = forum.anggota.select_related("unsur").order_by(
            "tanggal_keluar", "nama"
        )

    def tamu(self) -> dict:
        return {
            k: self.cleaned_data.get(k) or 0
            for k in (
                "tamu_laki",
                "tamu_perempuan",
                "tamu_disabilitas",
                "tamu_lansia",
                "tamu_miskin",
            )
        }


class PertemuanForm(KunciSekaliForm, PertemuanIsiForm):
    """Record a meeting from the forum's page: the entry's base fields, then the meeting (with a
    one-time key: a double click records one meeting)."""

    tanggal = forms.DateField(label=_("Tanggal"), widget=Tanggal())
    jam_mulai = forms.TimeField(label=_("Jam mulai"), widget=Jam())
    jam_selesai = forms.TimeField(label=_("Jam selesai"), widget=Jam())
    judul = forms.CharField(label=_("Judul kegiatan"), max_length=200)
    uraian = forms.CharField(
        label=_("Uraian"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    field_order = ["tanggal", "jam_mulai", "jam_selesai", "judul", "uraian"]

    def __init__(self, *args, user, forum: Forum, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "tanggal": timezone.localdate(),
                "judul": _("Pertemuan %(forum)s") % {"forum": forum.nama},
            },
        )
        super().__init__(*args, user=user, forum=forum, **kwargs)
        self.order_fields(self.field_order)


class KeputusanForm(KunciSekaliForm, masukan.Form):
    isi = forms.CharField(label=_("Keputusan"), widget=forms.Textarea(attrs={"rows": 3}))
    jadikan_tindak_lanjut = forms.BooleanField(
        label=_("Jadikan tindak lanjut"), required=False, initial=True
    )
    penanggung_jawab = forms.CharField(
        label=_("Siapa yang melaksanakan"), max_length=150, required=False
    )
    jatuh_tempo = forms.DateField(label=_("Jatuh tempo"), widget=Tanggal(), required=False)


class TindakLanjutKeputusanForm(masukan.Form):
    penanggung_jawab = forms.CharField(label=_("Siapa yang melaksanakan"), max_length=150)
    jatuh_tempo = forms.DateField(label=_("Jatuh tempo"), widget=Tanggal())


# ------------------------------------------------------------------------------ activities
class AktivitasIsiForm(masukan.Form):
    jenis = forms.ChoiceField(label=_("Jenis aktivitas"), choices=JenisAktivitas.choices)
    bidang = forms.ChoiceField(
        label=_("Bidang pengabdian"),
        choices=[("", "—"), *BidangPengabdian.choices],
        required=False,
    )
    umkm = forms.CharField(
        label=AktivitasForum._meta.get_field("umkm").verbose_name.capitalize(),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Satu usaha per baris (untuk kemitraan UMKM)."),
    )
    kesepakatan = forms.CharField(
        label=_("Yang disepakati"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class AktivitasForm(KunciSekaliForm, AktivitasIsiForm):
    tanggal = forms.DateField(label=_("Tanggal"), widget=Tanggal())
    jam_mulai = forms.TimeField(label=_("Jam mulai"), widget=Jam())
    jam_selesai = forms.TimeField(label=_("Jam selesai"), widget=Jam())
    judul = forms.CharField(label=_("Judul kegiatan"), max_length=200)
    uraian = forms.CharField(
        label=_("Uraian"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    field_order = ["jenis", "bidang", "tanggal", "jam_mulai", "jam_selesai", "judul", "uraian"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"tanggal": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)
