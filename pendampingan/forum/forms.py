"""Forms of pengorganisasian. They validate input shape only; the rules live in ``services`` and
come back as form errors through ``galat_ke_form`` so nothing the user typed is lost."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendampingan.models import Pendamping, Tingkat, Wilayah
from pendampingan.widgets import WilayahField

from . import selectors
from .models import (
    AktivitasForum,
    Anggota,
    BidangPengabdian,
    Forum,
    JenisAktivitas,
    JenisForum,
    JenisSarana,
    KondisiSarana,
    Sarana,
    StatusForum,
    UnsurMasyarakat,
)


def galat_ke_form(form: forms.Form, e: ValidationError) -> None:
    """Put a service's ValidationError on the form (unknown keys become non-field errors)."""
    if hasattr(e, "error_dict"):
        for nama, pesan in e.message_dict.items():
            form.add_error(nama if nama in form.fields else None, pesan)
    else:
        form.add_error(None, e.messages)


class Tanggal(forms.DateInput):
    input_type = "date"

    def __init__(self, **kw):
        super().__init__(format="%Y-%m-%d", **kw)


class Jam(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kw):
        super().__init__(format="%H:%M", **kw)


# ----------------------------------------------------------------------------- list filters
class SaringForumForm(forms.Form):
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


class SaringSaranaForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False)
    desa = forms.CharField(label=_("Kode desa/wilayah"), required=False)
    jenis = forms.ChoiceField(
        label=_("Jenis"), choices=[("", "—"), *JenisSarana.choices], required=False
    )


# ----------------------------------------------------------------------------------- forum
class ForumForm(forms.Form):
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
        else:
            del self.fields["wilayah"]


class StatusForumForm(forms.Form):
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

    def clean(self):
        data = super().clean()
        if data.get("status") == StatusForum.BUBAR and not data.get("yakin"):
            self.add_error("yakin", _("Centang untuk menegaskan bahwa forum ini bubar."))
        return data


# --------------------------------------------------------------------------------- members
class AnggotaForm(forms.ModelForm):
    class Meta:
        model = Anggota
        fields = [
            "nama",
            "jenis_kelamin",
            "unsur",
            "peran",
            "kontak",
            "tanggal_masuk",
            "tanggal_keluar",
        ]
        widgets = {"tanggal_masuk": Tanggal(), "tanggal_keluar": Tanggal()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unsur"].queryset = UnsurMasyarakat.objects.filter(aktif=True)

    def validate_unique(self):
        """The service reports a duplicate with its own message."""

    def _post_clean(self):
        # validation is the service's job; skip the model's full_clean (it would need ``forum``)
        pass


class ImporAnggotaForm(forms.Form):
    teks = forms.CharField(
        label=_("Tempel daftar anggota"),
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 8, "placeholder": "Siti Aminah; P; Kelompok perempuan; Ketua; 0812…"}
        ),
        help_text=_(
            "Satu anggota per baris: nama; L/P; unsur; peran; kontak; tanggal masuk (DD-MM-YYYY). "
            "Boleh disalin langsung dari lembar kerja."
        ),
    )
    berkas = forms.FileField(
        label=_("atau unggah berkas XLSX"),
        required=False,
        help_text=_("Kolom berurutan seperti di atas; baris judul boleh ada."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean(self):
        data = super().clean()
        if not (data.get("teks") or "").strip() and not data.get("berkas"):
            raise ValidationError(_("Tempel daftar anggota atau unggah berkas XLSX."))
        if (data.get("teks") or "").strip() and data.get("berkas"):
            raise ValidationError(_("Pilih salah satu: tempel daftar atau unggah berkas."))
        return data


# ------------------------------------------------------------------------------ facilities
class SaranaForm(forms.Form):
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
        else:
            del self.fields["wilayah"]


# -------------------------------------------------------------------------------- meetings
class _SaranaPilihan(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.nama} — {obj.get_jenis_display()} ({obj.wilayah.nama})"


class _AnggotaPilihan(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        teks = f"{obj.nama} ({obj.get_jenis_kelamin_display()}, {obj.unsur})"
        if obj.tanggal_keluar:
            teks += " · " + str(_("keluar")) + f" {obj.tanggal_keluar:%d-%m-%Y}"
        return teks


class PertemuanIsiForm(forms.Form):
    """Place, attendance, guests and minutes of a meeting."""

    sarana = _SaranaPilihan(
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


class PertemuanForm(PertemuanIsiForm):
    """Record a meeting from the forum's page: the entry's base fields, then the meeting."""

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


class KeputusanForm(forms.Form):
    isi = forms.CharField(label=_("Keputusan"), widget=forms.Textarea(attrs={"rows": 3}))
    jadikan_tindak_lanjut = forms.BooleanField(
        label=_("Jadikan tindak lanjut"), required=False, initial=True
    )
    penanggung_jawab = forms.CharField(
        label=_("Siapa yang melaksanakan"), max_length=150, required=False
    )
    jatuh_tempo = forms.DateField(label=_("Jatuh tempo"), widget=Tanggal(), required=False)


class TindakLanjutKeputusanForm(forms.Form):
    penanggung_jawab = forms.CharField(label=_("Siapa yang melaksanakan"), max_length=150)
    jatuh_tempo = forms.DateField(label=_("Jatuh tempo"), widget=Tanggal())


# ------------------------------------------------------------------------------ activities
class AktivitasIsiForm(forms.Form):
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


class AktivitasForm(AktivitasIsiForm):
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


# ------------------------------------------------------------- the daily-log entry extension
SEBAGAI_PERTEMUAN = "pertemuan"


class _ForumPilihan(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.nama} ({obj.wilayah.nama})"


class EkstensiForumForm(forms.Form):
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
    sarana = _SaranaPilihan(label=_("Sarana"), queryset=Sarana.objects.none(), required=False)
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
        from . import services

        data = super().clean()
        forum = data.get("forum")
        if forum is None:
            return data
        if data.get("sebagai") == SEBAGAI_PERTEMUAN:
            sarana = data.get("sarana")
            if sarana is not None and not (
                sarana.wilayah_id == forum.wilayah_id
                or sarana.wilayah_id.startswith(forum.wilayah_id + ".")
            ):
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
