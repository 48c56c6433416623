"""Forms of the daily log. They turn input into Python values and show field errors; the rules
live in ``services`` (whose ValidationError dicts are mapped back onto these fields)."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendampingan.inti import masukan

from ... import registry
from ...inti.sekali import KunciSekaliForm
from ...models import (
    BidangPendampingan,
    Kegiatan,
    LembagaDesa,
    NilaiPrinsip,
    Prinsip,
    PrioritasDanaDesa,
    TataCara,
    TujuanSdgs,
)
from ...models.pilihan import JenisSasaran
from ...widgets import WilayahField
from ..akses import wilayah_catat_kegiatan
from .butir import ButirFormMixin

PILIHAN_KOSONG = [("", "—")]


class _TanggalInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kw):
        super().__init__(format="%Y-%m-%d", **kw)


class _JamInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kw):
        super().__init__(format="%H:%M", **kw)


def _pasang_galat(form: forms.Form, error: ValidationError, awalan: str = "") -> None:
    """Put a service's ValidationError on the form's fields (or the form itself)."""
    if hasattr(error, "error_dict"):
        for field, pesan in error.message_dict.items():
            nama = field[len(awalan) :] if awalan and field.startswith(awalan) else field
            form.add_error(nama if nama in form.fields else None, pesan)
    else:
        form.add_error(None, error.messages)


class KegiatanForm(ButirFormMixin, KunciSekaliForm, masukan.ModelForm):
    """The entry itself. Defaults for a quick entry: today, the only place if there is one, the
    last tata cara used, the butir suggested for it (``ButirFormMixin``)."""

    class Meta:
        model = Kegiatan
        fields = [
            "tanggal",
            "jam_mulai",
            "jam_selesai",
            "wilayah",
            "tata_cara",
            "judul",
            "uraian",
            "masalah",
            "solusi",
            "hasil",
            "peserta_laki",
            "peserta_perempuan",
            "sdgs",
            "lintang",
            "bujur",
            "akurasi",
        ]
        widgets = {
            "tanggal": _TanggalInput(),
            "jam_mulai": _JamInput(),
            "jam_selesai": _JamInput(),
            "uraian": forms.Textarea(attrs={"rows": 3}),
            "masalah": forms.Textarea(attrs={"rows": 2}),
            "solusi": forms.Textarea(attrs={"rows": 2}),
            "hasil": forms.Textarea(attrs={"rows": 2}),
            "sdgs": forms.CheckboxSelectMultiple,
            "peserta_laki": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "peserta_perempuan": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "lintang": forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            "bujur": forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            "akurasi": forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        }
        error_messages = {
            "peserta_laki": {"min_value": _("Jumlah peserta tidak boleh kurang dari nol.")},
            "peserta_perempuan": {"min_value": _("Jumlah peserta tidak boleh kurang dari nol.")},
        }

    BATAS_PILIHAN = 50

    def __init__(self, *args, user, tata_cara_awal: str = "", jam_awal=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        hari_ini = timezone.localdate()
        tempat = (
            wilayah_catat_kegiatan(user=user).select_related("induk").order_by("tingkat", "nama")
        )
        opsi = list(tempat[: self.BATAS_PILIHAN + 1])
        if len(opsi) <= self.BATAS_PILIHAN:
            self.fields["wilayah"] = forms.ModelChoiceField(
                queryset=tempat,
                to_field_name="kode",
                label=_("Tempat"),
                empty_label=_("— pilih desa atau kantor —") if len(opsi) != 1 else None,
                error_messages={
                    "invalid_choice": _("Tempat ini di luar wilayah tempat Anda dapat mencatat."),
                    "required": _("Pilih tempat kegiatan."),
                },
            )
            self.fields["wilayah"].label_from_instance = lambda w: (
                f"{w.label_lengkap}"
                + (f" — {w.induk.nama}" if w.induk_id and w.adalah_desa else "")
            )
        else:
            field = WilayahField(mode="catat", label=_("Tempat"))
            field.set_queryset(tempat)
            self.fields["wilayah"] = field
        self.fields["tanggal"].widget.attrs["max"] = hari_ini.isoformat()
        self.fields["sdgs"].queryset = TujuanSdgs.objects.filter(aktif=True)
        self.fields["sdgs"].required = False
        self.fields["tata_cara"].choices = [("", _("— pilih —")), *TataCara.choices]
        self.fields["judul"].widget.attrs["placeholder"] = _("mis. Asistensi penyusunan RKP Desa")
        for f in ("lintang", "bujur", "akurasi"):
            self.fields[f].widget.attrs["readonly"] = False
        self.fields["uraian"].required = False
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("tanggal", hari_ini)
            if len(opsi) == 1:
                self.initial.setdefault("wilayah", opsi[0].kode)
            if tata_cara_awal:
                self.initial.setdefault("tata_cara", tata_cara_awal)
            if jam_awal:
                self.initial.setdefault("jam_mulai", jam_awal[0])
                self.initial.setdefault("jam_selesai", jam_awal[1])
        self.pasang_butir(kegiatan=self.instance, tata_cara_awal=tata_cara_awal)
        for name, field in self.fields.items():
            if name not in ("sdgs", "butir", "butir_saran"):
                css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
                field.widget.attrs.setdefault("class", css)

    def clean_tanggal(self):
        t = self.cleaned_data.get("tanggal")
        if t and t > timezone.localdate():
            raise ValidationError(_("Tanggal kegiatan tidak boleh di masa depan."))
        return t

    def clean(self):
        data = super().clean()
        mulai, selesai = data.get("jam_mulai"), data.get("jam_selesai")
        if mulai and selesai and selesai <= mulai:
            self.add_error("jam_selesai", _("Jam selesai harus sesudah jam mulai."))
        if (data.get("lintang") is None) != (data.get("bujur") is None):
            self.add_error(
                "lintang", _("Isi lintang dan bujur bersama-sama, atau kosongkan keduanya.")
            )
        return data

    def _post_clean(self):
        # The model's own validation (constraints) is the service's job; the form only converts.
        pass


class PrinsipForm(masukan.Form):
    """The prinsip checklist: one choice (and a note) per active principle."""

    def __init__(self, *args, kegiatan: Kegiatan | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.prinsip = list(Prinsip.objects.filter(aktif=True))
        awal = {}
        if kegiatan is not None and kegiatan.pk:
            awal = {p.prinsip_id: p for p in kegiatan.penilaian_prinsip.all()}
        for p in self.prinsip:
            self.fields[f"prinsip_{p.kode}"] = forms.ChoiceField(
                label=p.nama,
                choices=NilaiPrinsip.choices,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                required=False,
                help_text=p.uraian,
            )
            self.fields[f"prinsip_{p.kode}_catatan"] = forms.CharField(
                label=_("Catatan"),
                required=False,
                widget=forms.TextInput(
                    attrs={"class": "form-control form-control-sm", "placeholder": _("Catatan")}
                ),
            )
            if p.pk in awal:
                self.initial[f"prinsip_{p.kode}"] = awal[p.pk].nilai
                self.initial[f"prinsip_{p.kode}_catatan"] = awal[p.pk].catatan

    def baris(self):
        for p in self.prinsip:
            yield p, self[f"prinsip_{p.kode}"], self[f"prinsip_{p.kode}_catatan"]

    def clean(self):
        data = super().clean()
        for p in self.prinsip:
            if (
                data.get(f"prinsip_{p.kode}") == NilaiPrinsip.TIDAK_DIJUNJUNG
                and not (data.get(f"prinsip_{p.kode}_catatan") or "").strip()
            ):
                self.add_error(
                    f"prinsip_{p.kode}_catatan",
                    _("Tuliskan catatan: mengapa prinsip %(p)s tidak dijunjung?")
                    % {"p": p.nama.lower()},
                )
        return data

    def nilai(self) -> dict[int, tuple[str, str]]:
        return {
            p.pk: (
                self.cleaned_data.get(f"prinsip_{p.kode}") or "",
                self.cleaned_data.get(f"prinsip_{p.kode}_catatan") or "",
            )
            for p in self.prinsip
        }


class _BidangField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_jenis_display()}: {obj.nama}"


class AsistensiForm(masukan.Form):
    jenis_sasaran = forms.ChoiceField(
        label=_("Sasaran"),
        choices=JenisSasaran.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        required=False,
    )
    lembaga = forms.ModelChoiceField(
        label=_("Lembaga desa"),
        queryset=LembagaDesa.objects.none(),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    nama_sasaran = forms.CharField(
        label=_("Nama warga"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    bidang = _BidangField(
        label=_("Tahap atau bidang"),
        queryset=BidangPendampingan.objects.none(),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, kegiatan: Kegiatan | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lembaga"].queryset = LembagaDesa.objects.filter(aktif=True)
        self.fields["bidang"].queryset = BidangPendampingan.objects.filter(aktif=True)
        detail = getattr(kegiatan, "asistensi", None) if kegiatan and kegiatan.pk else None
        if detail is not None:
            self.initial.update(
                jenis_sasaran=detail.jenis_sasaran,
                lembaga=detail.lembaga_id,
                nama_sasaran=detail.nama_sasaran,
                bidang=detail.bidang_id,
            )


class PengarahanForm(masukan.Form):
    bidang = _BidangField(
        label=_("Tahap atau bidang"),
        queryset=BidangPendampingan.objects.none(),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    prioritas = forms.ModelChoiceField(
        label=_("Prioritas Dana Desa"),
        queryset=PrioritasDanaDesa.objects.none(),
        required=False,
        help_text=_("Hanya untuk desa: kelurahan tidak menerima Dana Desa."),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    penerima = forms.CharField(
        label=_("Penerima pengarahan"),
        max_length=200,
        required=False,
        widget=forms.TextInput(
            attrs={"class": "form-control", "placeholder": _("mis. Kepala Desa dan BPD")}
        ),
    )
    komitmen = forms.CharField(
        label=_("Komitmen desa"),
        required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
        help_text=_("Komitmen menjadi tindak lanjut yang dipantau sampai selesai."),
    )
    komitmen_pelaksana = forms.CharField(
        label=_("Pelaksana komitmen"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    komitmen_jatuh_tempo = forms.DateField(
        label=_("Batas waktu komitmen"),
        required=False,
        widget=_TanggalInput(attrs={"class": "form-control"}),
    )

    def __init__(self, *args, kegiatan: Kegiatan | None = None, tahun: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bidang"].queryset = BidangPendampingan.objects.filter(aktif=True)
        qs = PrioritasDanaDesa.objects.filter(aktif=True).order_by("-tahun", "urutan")
        tahun = tahun or (kegiatan.tanggal.year if kegiatan and kegiatan.pk else None)
        tahun = tahun or timezone.localdate().year
        self.fields["prioritas"].queryset = qs.filter(tahun__in=[tahun, tahun - 1])
        detail = getattr(kegiatan, "pengarahan", None) if kegiatan and kegiatan.pk else None
        if detail is not None:
            self.initial.update(
                bidang=detail.bidang_id,
                prioritas=detail.prioritas_id,
                penerima=detail.penerima,
                komitmen=detail.komitmen,
                komitmen_pelaksana=detail.komitmen_pelaksana,
                komitmen_jatuh_tempo=detail.komitmen_jatuh_tempo,
            )


def ekstensi_untuk(*, data=None, files=None, user, kegiatan=None):
    """The registered extension forms, in order: [(EkstensiKegiatan, form)]."""
    hasil = []
    for eks in sorted(registry.ekstensi_kegiatan.values(), key=lambda e: (e.urutan, e.kunci)):
        form = eks.form_class(data, files, prefix=eks.kunci, user=user, kegiatan=kegiatan)
        hasil.append((eks, form))
    return hasil


def jam_awal_default(
    *, akhir_terakhir: datetime.time | None
) -> tuple[datetime.time, datetime.time]:
    """A start (the end of today's last entry, else 08:00) and an end (now, rounded down to five
    minutes, or an hour after the start)."""
    mulai = akhir_terakhir or datetime.time(8, 0)
    now = timezone.localtime()
    selesai = datetime.time(now.hour, now.minute - now.minute % 5)
    if selesai <= mulai:
        jam = min(mulai.hour + 1, 23)
        selesai = datetime.time(jam, mulai.minute if jam > mulai.hour else 59)
    return mulai, selesai
