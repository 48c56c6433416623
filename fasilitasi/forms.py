"""Forms of fasilitasi. They validate input and shape it for one service call; they never write.

Every form that creates a record carries the one-time key (``KunciSekaliForm``, first in the
bases); every form that moves a case carries what the user saw (``dari_tahap``: the stage; ``dari``:
the status) so a second, concurrent mover is told the case already moved. Upload fields run the
platform's one check (``periksa_berkas``) in ``clean_<field>``, so the message sits on the field."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan
from pendampingan.inti.berkas import XLSX_ATAU_CSV, periksa_berkas
from pendampingan.inti.sekali import KunciSekaliForm
from pendampingan.models import Pendamping, Tingkat, Wilayah
from pendampingan.widgets import WilayahField

from . import selectors, services
from .models import (
    PERPINDAHAN_STATUS,
    BumDesa,
    Fasilitasi,
    IndeksStatus,
    LaporanTahunanBumDesa,
    PengurusBumDesa,
    StatusFasilitasi,
    TemplatAlur,
    UnitUsaha,
)
from .services.dokumen import JENIS_DOKUMEN

LAINNYA = "__lainnya__"


class _KegiatanChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.tanggal:%d-%m-%Y} · {obj.judul}"


def _tahap_dilihat():
    return forms.IntegerField(required=False, widget=forms.HiddenInput)


class FasilitasiBukaForm(KunciSekaliForm, masukan.Form):
    wilayah = WilayahField(label=_("Desa"), tingkat=Tingkat.DESA)
    templat = forms.ModelChoiceField(
        label=_("Templat alur"), queryset=TemplatAlur.objects.none(), empty_label=None
    )
    tahun = forms.IntegerField(label=_("Tahun"), min_value=1900, max_value=2200)
    judul = forms.CharField(
        label=_("Judul"),
        max_length=200,
        required=False,
        help_text=_("Kosongkan untuk memakai nama templat dan tahunnya."),
    )
    penanggung_jawab = forms.ModelChoiceField(
        label=_("Pendamping penanggung jawab"), queryset=Pendamping.objects.none()
    )
    bumdes = forms.ModelChoiceField(
        label=_("BUM Desa (untuk kasus BUM Desa)"), queryset=BumDesa.objects.none(), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["wilayah"].set_queryset(Wilayah.objects.visible_to(user).desa())
        self.fields["templat"].queryset = TemplatAlur.objects.filter(aktif=True).select_related(
            "butir", "butir__ruang_lingkup"
        )
        self.fields["penanggung_jawab"].queryset = Pendamping.objects.visible_to(user).filter(
            aktif=True
        )
        self.fields["bumdes"].queryset = selectors.bumdes_pilihan(user=user)
        self.fields["tahun"].initial = timezone.localdate().year
        me = getattr(user, "pendamping", None) if hasattr(user, "pendamping") else None
        if me:
            self.fields["penanggung_jawab"].initial = me.pk


class MajuForm(masukan.Form):
    dari_tahap = _tahap_dilihat()
    catatan = forms.CharField(
        label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    kegiatan = _KegiatanChoice(
        label=_("Kegiatan harian yang memindahkan"),
        queryset=None,
        required=False,
        empty_label=_("— tanpa kegiatan harian —"),
    )

    def __init__(self, *args, user, kasus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dari_tahap"].initial = kasus.tahap_kini_id
        self.fields["kegiatan"].queryset = selectors.kegiatan_pilihan(user=user, kasus=kasus)


class MundurForm(MajuForm):
    alasan = forms.CharField(
        label=_("Alasan kembali"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    field_order = ["dari_tahap", "alasan", "kegiatan"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["catatan"]


class StatusForm(masukan.Form):
    dari = forms.ChoiceField(
        choices=StatusFasilitasi.choices, required=False, widget=forms.HiddenInput
    )
    status = forms.ChoiceField(label=_("Ubah status menjadi"))
    catatan = forms.CharField(
        label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, kasus, **kwargs):
        super().__init__(*args, **kwargs)
        # the moves offered from the status the user saw; the service checks it is still current
        dilihat = (self.data.get(self.add_prefix("dari")) if self.is_bound else "") or kasus.status
        self.fields["dari"].initial = kasus.status
        boleh = PERPINDAHAN_STATUS.get(dilihat, set()) - {StatusFasilitasi.SELESAI}
        self.fields["status"].choices = [(s.value, s.label) for s in StatusFasilitasi if s in boleh]

    def clean_dari(self):
        return self.cleaned_data.get("dari") or None


class DokumenForm(KunciSekaliForm, masukan.Form):
    dari_tahap = _tahap_dilihat()
    nama = forms.ChoiceField(label=_("Jenis dokumen"))
    nama_lain = forms.CharField(label=_("Jenis dokumen lain"), max_length=200, required=False)
    berkas = forms.FileField(
        label=_("Berkas (PDF, DOCX, XLSX, ODT, atau foto JPEG/PNG/WebP)"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.xlsx,.odt,image/jpeg,image/png,image/webp"}
        ),
    )

    def __init__(self, *args, kasus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dari_tahap"].initial = kasus.tahap_kini_id
        tahap = kasus.tahap_kini
        pilihan = [
            (d["nama"], f"{d['nama']}{' *' if d.get('wajib') else ''}")
            for d in (tahap.dokumen if tahap else [])
        ]
        self.fields["nama"].choices = [*pilihan, (LAINNYA, _("Lainnya (tuliskan)"))]

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        periksa_berkas(berkas, JENIS_DOKUMEN)
        return berkas

    def clean(self):
        data = super().clean()
        if data.get("nama") == LAINNYA:
            if not (data.get("nama_lain") or "").strip():
                self.add_error("nama_lain", _("Tuliskan jenis dokumennya."))
            data["nama"] = (data.get("nama_lain") or "").strip()
        return data


class PapanForm(masukan.Form):
    """The board's filter (GET)."""

    templat = forms.ModelChoiceField(
        label=_("Templat"),
        queryset=TemplatAlur.objects.filter(aktif=True),
        empty_label=None,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    tahun = forms.IntegerField(
        label=_("Tahun"),
        min_value=2000,
        max_value=2200,
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}),
    )
    wilayah = forms.CharField(required=False, widget=forms.HiddenInput)


class EkstensiKegiatanForm(masukan.Form):
    """Inside the daily-log entry form (tata cara fasilitasi): the case this entry served, and
    whether it moves the case to its next stage."""

    kasus = forms.ModelChoiceField(
        label=_("Kasus fasilitasi"),
        queryset=Fasilitasi.objects.none(),
        required=False,
        empty_label=_("— tidak terkait kasus —"),
    )
    maju = forms.BooleanField(
        label=_("Kegiatan ini menyelesaikan tahap saat ini (pindah ke tahap berikutnya)"),
        required=False,
    )
    catatan = forms.CharField(label=_("Catatan untuk kasus"), max_length=2000, required=False)

    def __init__(self, *args, user, kegiatan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        wilayah = getattr(kegiatan, "wilayah_id", None)
        qs = selectors.fasilitasi_terbuka_untuk_kegiatan(user=user, wilayah_kode=wilayah)
        self.fields["kasus"].queryset = qs
        if kegiatan is not None and kegiatan.pk:
            tertaut = kegiatan.peristiwa_fasilitasi.order_by("-waktu").first()
            if tertaut:
                self.fields["kasus"].initial = tertaut.kasus_id
        self.fields["kasus"].label_from_instance = lambda k: (
            f"{k.wilayah.nama} · {k.judul} — {k.tahap_kini.nama if k.tahap_kini else ''}"
        )

    def clean(self):
        data = super().clean()
        kasus = data.get("kasus")
        if data.get("maju") and not kasus:
            self.add_error("kasus", _("Pilih kasus yang tahapnya dipindahkan."))
        elif kasus and data.get("maju"):
            try:
                services.fasilitasi_periksa_maju(kasus=kasus)
            except ValidationError as e:
                self.add_error("maju", e.messages)
        return data


class BumDesaForm(KunciSekaliForm, masukan.ModelForm):
    tanggal_lama = ("tanggal_registrasi",)
    wilayah = WilayahField(label=_("Desa kedudukan"), tingkat=Tingkat.DESA)
    anggota = forms.CharField(
        label=_("Desa anggota (BUM Desa Bersama)"),
        required=False,
        help_text=_("Kode desa anggota selain desa kedudukan, dipisahkan koma."),
    )

    class Meta:
        model = BumDesa
        fields = [
            "wilayah",
            "nama",
            "jenis",
            "status_badan_hukum",
            "nomor_registrasi",
            "tanggal_registrasi",
            "nomor_perdes",
            "tahun_berdiri",
            "keterangan",
            "aktif",
        ]
        widgets = {
            "tanggal_registrasi": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "keterangan": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["wilayah"].set_queryset(Wilayah.objects.visible_to(user).desa())
        if self.instance.pk:
            self.fields["anggota"].initial = ", ".join(
                d.kode for d in self.instance.desa_anggota.all()
            )

    def clean_anggota(self):
        kode = [k.strip() for k in (self.cleaned_data.get("anggota") or "").split(",") if k.strip()]
        # member villages of a BUM Desa Bersama may lie outside the user's own field
        desa = list(Wilayah.objects.desa().filter(kode__in=kode))
        tidak = sorted(set(kode) - {d.kode for d in desa})
        if tidak:
            raise ValidationError(_("Kode desa tidak dikenal: %(k)s.") % {"k": ", ".join(tidak)})
        return desa

    def _post_clean(self):
        # the model instance is saved by the service, which also checks the rules
        pass


class UnitUsahaForm(KunciSekaliForm, masukan.ModelForm):
    class Meta:
        model = UnitUsaha
        fields = ["nama", "bidang", "aktif"]


class PengurusForm(KunciSekaliForm, masukan.ModelForm):
    class Meta:
        model = PengurusBumDesa
        fields = ["nama", "jabatan", "telepon", "mulai", "selesai"]
        widgets = {
            "mulai": forms.DateInput(attrs={"type": "date"}),
            "selesai": forms.DateInput(attrs={"type": "date"}),
        }


class LaporanTahunanForm(KunciSekaliForm, masukan.ModelForm):
    class Meta:
        model = LaporanTahunanBumDesa
        fields = [
            "tahun",
            "omzet",
            "laba",
            "kontribusi_pades",
            "aset",
            "jumlah_anggota",
            "jumlah_pekerja",
            "catatan",
        ]
        widgets = {"catatan": forms.Textarea(attrs={"rows": 2})}

    def _post_clean(self):
        pass


class StatusImporForm(KunciSekaliForm, masukan.Form):
    indeks = forms.ModelChoiceField(
        label=_("Indeks"), queryset=IndeksStatus.objects.all(), empty_label=None
    )
    berkas = forms.FileField(
        label=_("Berkas XLSX atau CSV"),
        help_text=_(
            "Kolom: kode,tahun,skor lalu (boleh) status dan skor tiap dimensi indeks (baris "
            "pertama kepala kolom); XLSX: lembar pertama; CSV: UTF-8, dipisah titik koma atau koma."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indeks"].initial = IndeksStatus.objects.filter(kode="idm").first()

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        periksa_berkas(berkas, XLSX_ATAU_CSV)
        return berkas
