"""The intake fields shared by the public form and a facilitator's intake, and the intake form of
a facilitator (a complaint received in person, by WhatsApp, SMS, letter or phone).

Attachments are checked in the field (``BerkasBanyakField``) by ``inti.berkas.periksa_berkas``, so
the user sees the message on the field; the service checks again (the result is kept on the upload,
no double work)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendampingan.inti.sekali import KunciSekaliForm
from pendampingan.models import Tingkat, Wilayah
from pendampingan.widgets import WilayahField

from .. import services
from ..models import JenisPengaduan, Kategori, PeranTeradu, Saluran

TERIMA_BERKAS = "image/jpeg,image/png,image/webp,application/pdf,.pdf,.docx,.xlsx,.odt"


class BerkasBanyakInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class BerkasBanyakField(forms.FileField):
    """Several files in one input, each checked by ``periksa_berkas`` (a photo or a document); the
    messages name the files."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", BerkasBanyakInput(attrs={"accept": TERIMA_BERKAS}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        daftar = [d for d in (data if isinstance(data, list | tuple) else [data]) if d]
        if self.required and not daftar:
            raise ValidationError(self.error_messages["required"], code="required")
        pesan = []
        for berkas in daftar:
            try:
                services.lampiran_periksa(berkas)
            except ValidationError as e:
                pesan.extend(e.messages)
        if pesan:
            raise ValidationError(pesan)
        return daftar


class PengaduanDasarForm(KunciSekaliForm):
    jenis = forms.ChoiceField(
        label=_("Jenis"),
        choices=JenisPengaduan.choices,
        initial=JenisPengaduan.PENGADUAN,
        widget=forms.RadioSelect,
    )
    kategori = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=Kategori.objects.filter(aktif=True),
        empty_label=_("— pilih kategori —"),
        error_messages={"required": _("Pilih kategori.")},
    )
    judul = forms.CharField(
        label=_("Judul singkat"),
        max_length=200,
        error_messages={"required": _("Tuliskan judul singkat pengaduan.")},
    )
    isi = forms.CharField(
        label=_("Ceritakan masalahnya"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        error_messages={"required": _("Ceritakan apa yang terjadi — uraian tidak boleh kosong.")},
        help_text=_("Apa yang terjadi, kapan, di mana, siapa yang terlibat, dan harapan Anda."),
    )
    teradu_peran = forms.ChoiceField(
        label=_("Apakah pengaduan ini tentang pendamping desa?"),
        choices=[("", _("Tidak — bukan tentang pendamping")), *PeranTeradu.choices],
        required=False,
        help_text=_(
            "Tidak perlu menyebut nama. Pengaduan tentang pendamping diteruskan kepada atasannya dan "
            "tidak pernah dapat dilihat oleh pendamping yang diadukan."
        ),
        error_messages={"invalid_choice": _("Pilih pendamping yang diadukan dari daftar.")},
    )
    lampiran = BerkasBanyakField(label=_("Lampiran (foto atau dokumen)"), required=False)
    pelapor_nama = forms.CharField(label=_("Nama pelapor"), max_length=150, required=False)
    pelapor_telepon = forms.CharField(
        label=_("Nomor HP / WhatsApp"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    pelapor_email = forms.EmailField(
        label=_("Email"),
        required=False,
        help_text=_("Jika diisi, kode pelacakan dan balasan dikirim ke email ini."),
        error_messages={"invalid": _("Alamat email tidak sah.")},
    )
    anonim = forms.BooleanField(
        label=_("Sembunyikan identitas saya (anonim)"),
        required=False,
        initial=True,
        help_text=_("Nama dan kontak Anda hanya dapat dilihat oleh pengawas pendamping."),
    )
    rahasia = forms.BooleanField(
        label=_("Rahasiakan pengaduan ini"),
        required=False,
        help_text=_("Isi pengaduan tidak pernah ditampilkan kepada publik."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lampiran"].help_text = _(
            "Paling banyak %(n)d berkas, masing-masing maksimal %(mb)d MB: foto (JPG, PNG, WebP) "
            "atau dokumen (PDF, DOCX, XLSX, ODT)."
        ) % {"n": settings.PENGADUAN_LAMPIRAN_MAKS_JUMLAH, "mb": settings.UNGGAHAN_MAKS_MB}

    def clean_judul(self):
        return self.cleaned_data["judul"].strip()

    def clean_isi(self):
        isi = self.cleaned_data["isi"].strip()
        if not isi:
            raise ValidationError(_("Ceritakan apa yang terjadi — uraian tidak boleh kosong."))
        return isi

    def clean_lampiran(self):
        berkas = self.cleaned_data.get("lampiran") or []
        if len(berkas) > settings.PENGADUAN_LAMPIRAN_MAKS_JUMLAH:
            raise ValidationError(
                _("Paling banyak %(n)d lampiran.") % {"n": settings.PENGADUAN_LAMPIRAN_MAKS_JUMLAH}
            )
        return berkas


class PengaduanInternalForm(PengaduanDasarForm):
    """A facilitator records a complaint received in person, by WhatsApp, SMS, letter or phone."""

    saluran = forms.ChoiceField(
        label=_("Diterima melalui"),
        choices=[c for c in Saluran.choices if c[0] != Saluran.WEB],
        initial=Saluran.LANGSUNG,
    )
    desa = WilayahField(label=_("Desa / kelurahan"), tingkat=Tingkat.DESA)
    diterima_tanggal = forms.DateField(
        label=_("Tanggal diterima"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=_("Tenggat dihitung dari tanggal ini."),
    )

    field_order = [
        "saluran",
        "diterima_tanggal",
        "jenis",
        "kategori",
        "teradu_peran",
        "desa",
        "judul",
        "isi",
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["desa"].set_queryset(Wilayah.objects.visible_to(user).desa())
        self.fields["diterima_tanggal"].initial = timezone.localdate()

    def clean_diterima_tanggal(self):
        t = self.cleaned_data["diterima_tanggal"]
        if t > timezone.localdate():
            raise ValidationError(_("Tanggal diterima tidak boleh di masa depan."))
        return t
